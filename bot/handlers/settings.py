"""A member's own settings: timezone, working hours, check-in cadence, pause and resume."""

from __future__ import annotations

import unicodedata
from difflib import get_close_matches
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot import commands
from bot.commands import USAGE, UsageError
from bot.handlers.conference import event_line
from bot.handlers.context import Context
from bot.models import Member
from bot.planner import reschedule_all
from bot.recap import current_conference, follow_zone, replan_recaps
from bot.replies import Reply

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _folded(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in plain if not unicodedata.combining(ch)).replace("_", " ").split())


@lru_cache(maxsize=1)
def _zones() -> tuple[dict[str, str], dict[str, list[str]]]:
    """Every IANA zone by its folded full name, and by its folded city (the last part: 'berlin')."""
    names = sorted(z for z in available_timezones() if not z.startswith(("posix/", "right/")) and z != "localtime")
    full = {_folded(z): z for z in names}
    cities: dict[str, list[str]] = {}
    for zone in names:
        if "/" in zone and not zone.startswith("Etc/"):
            cities.setdefault(_folded(zone.rsplit("/", 1)[1]), []).append(zone)
    return full, cities


def valid_timezone(name: str) -> str:
    """An IANA zone from its name, or from a city's ('berlin' → Europe/Berlin); else a UsageError that
    suggests the nearest zones."""
    name = name.strip()
    if len(name) <= 64 and not name.startswith(("/", ".")):
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            pass
    full, cities = _zones()
    key = _folded(name)[:64]
    if key in full:
        return full[key]
    if len(cities.get(key, ())) == 1:
        return cities[key][0]
    close = cities.get(key) or [zone for match in get_close_matches(key, list(cities), n=3, cutoff=0.75)
                                for zone in cities[match]]
    close += [full[match] for match in get_close_matches(key, list(full), n=2, cutoff=0.8) if full[match] not in close]
    example = close[0] if close else "America/New_York"
    hint = f" Did you mean {' or '.join(close[:3])}?" if close else " Use an IANA name or a big city in your zone."
    raise UsageError(f"I don't know the timezone {name[:40]!r}.{hint}", "/coach settings tz <Area/City or city>",
                     f"/coach settings tz {example}")


def settings(cmd: commands.ChangeSettings, ctx: Context) -> Reply:
    member = ctx.member
    before = member.timezone
    if cmd.key is None:
        line = event_line(member, current_conference(ctx.session, member, ctx.now), ctx.now)
        return Reply(describe(member) + (f"\n{line} /coach event end stops it." if line else ""))
    if cmd.key == "tz":
        member.timezone = valid_timezone(str(cmd.value))
        member.timezone_confirmed = True
        typed = str(cmd.value).strip()
        done = f"Timezone set to {member.timezone}" + (f" (from {typed!r})." if typed != member.timezone else ".")
    elif cmd.key == "hours":
        assert isinstance(cmd.value, tuple)
        member.work_start_hour, member.work_end_hour = cmd.value
        done = f"I'll only nudge you between {cmd.value[0]:02d}:00 and {cmd.value[1]:02d}:00."
    elif cmd.key == "checkins":
        assert isinstance(cmd.value, int)  # in range: ChangeSettings checks it
        member.checkin_days = cmd.value
        done = f"I'll suggest check-ins every {cmd.value} days with people who replied."
    elif cmd.key == "digest":
        member.digest_on = cmd.value == "on"
        done = ("The Monday digest is on: every Monday at the start of your working hours."
                if member.digest_on else "The Monday digest is off. /coach settings digest on brings it back.")
    elif cmd.key == "pause":
        member.paused = True
        done = "Paused: no nudges until you /coach settings resume."
    elif cmd.key == "resume":
        member.paused = False
        done = "Welcome back: nudges are on again."
    else:  # the grammar only produces the keys above
        raise UsageError("Unknown setting.", *USAGE["settings"])
    ctx.session.flush()
    if cmd.key == "tz":
        follow_zone(ctx.session, member, before, ctx.now)
    reschedule_all(ctx.session, member, ctx.now)
    replan_recaps(ctx.session, member, ctx.now)
    return Reply(done)


def describe(member: Member) -> str:
    days = ", ".join(DAY_NAMES[int(d)] for d in member.work_days)
    state = "paused" if member.paused else "on"
    return (
        f"Timezone: {member.timezone}\n"
        f"Working hours: {member.work_start_hour:02d}:00–{member.work_end_hour:02d}:00 ({days})\n"
        f"Check-ins: every {member.checkin_days} days\n"
        f"Monday digest: {'on' if member.digest_on else 'off'}\n"
        f"Nudges: {state}\n"
        f"Change one: {USAGE['settings'][0]}"
    )
