"""A member's own settings: timezone, working hours, check-in cadence, pause and resume."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import commands
from bot.commands import USAGE, UsageError
from bot.handlers.context import Context
from bot.limits import MAX_CHECKIN_DAYS, MIN_CHECKIN_DAYS
from bot.models import Member
from bot.planner import reschedule_all
from bot.replies import Reply

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def valid_timezone(name: str) -> str:
    """An IANA zone name, or a UsageError a member can act on."""
    name = name.strip()
    try:
        if len(name) > 64 or name.startswith(("/", ".")):
            raise ValueError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"I don't know the timezone {name[:40]!r}. Use an IANA name.",
                         "/coach settings tz <Area/City>", "/coach settings tz America/New_York") from None
    return name


def settings(cmd: commands.Settings, ctx: Context) -> Reply:
    member = ctx.member
    if cmd.key is None:
        return Reply(describe(member))
    if cmd.key == "tz":
        member.timezone = valid_timezone(str(cmd.value))
        member.timezone_confirmed = True
        done = f"Timezone set to {member.timezone}."
    elif cmd.key == "hours":
        assert isinstance(cmd.value, tuple)
        member.work_start_hour, member.work_end_hour = cmd.value
        done = f"I'll only nudge you between {cmd.value[0]:02d}:00 and {cmd.value[1]:02d}:00."
    elif cmd.key == "checkins":
        assert isinstance(cmd.value, int)
        if not MIN_CHECKIN_DAYS <= cmd.value <= MAX_CHECKIN_DAYS:
            raise UsageError(f"Check-ins can be every {MIN_CHECKIN_DAYS} to {MAX_CHECKIN_DAYS} days.",
                             "/coach settings checkins <days>", "/coach settings checkins 60")
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
    reschedule_all(ctx.session, member, ctx.now)
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
