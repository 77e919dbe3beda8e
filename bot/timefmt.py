"""Dates as a member reads them: in their own timezone, short, relative where it helps."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from bot.models import Member

FAR = timedelta(days=120)  # a date further than this from now shows its year


def is_zone(name: str) -> bool:
    """Whether `name` is a timezone ZoneInfo loads. Not a folder of zones ("US", "America", "Europe": ZoneInfo
    raises IsADirectoryError for those), no path tricks, no unknown names."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def local_time(moment: datetime, timezone: str, now: datetime | None = None) -> str:
    """`Thu 26 Nov 10:00` in the member's zone; `Thu 26 Nov 2026 10:00` when it is months from `now`."""
    local = moment.astimezone(ZoneInfo(timezone))
    year = f" {local.year}" if now is not None and abs(moment - now) > FAR else ""
    return f"{local:%a} {local.day} {local:%b}{year} {local:%H:%M}"


def clock(minutes: int) -> str:
    """Minutes since midnight as `HH:MM`: 1110 → `18:30`, 1440 → `24:00` (the end of a day)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def working_hours(member: Member, dash: str) -> str:
    """A member's working hours as `10:00–18:30`, with `dash` between."""
    start = member.work_start_hour * 60 + (member.work_start_minute or 0)
    return f"{clock(start)}{dash}{clock(member.work_end_hour * 60 + (member.work_end_minute or 0))}"


def local_date(moment: datetime, timezone: str) -> str:
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{local:%a} {local.day} {local:%b %Y}"


def ago(moment: datetime, now: datetime, timezone: str = "UTC") -> str:
    """`just now`, `3 hours ago`, `yesterday`, `on Monday`, `12 days ago` — days by the member's calendar."""
    seconds = (now - moment).total_seconds()
    if seconds < 3600:
        return "just now"
    zone = ZoneInfo(timezone)
    days = (now.astimezone(zone).date() - moment.astimezone(zone).date()).days
    if days <= 0:
        hours = int(seconds // 3600)
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {moment.astimezone(zone):%A}"
    if days < 60:
        return f"{days} days ago"
    return f"{days // 30} months ago"


def week_of(moment: datetime, timezone: str) -> date:
    """The Monday of the member-local week that holds `moment`."""
    day = moment.astimezone(ZoneInfo(timezone)).date()
    return day - timedelta(days=day.weekday())
