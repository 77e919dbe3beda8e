"""A member's own settings: timezone, working hours, check-in cadence, pause and resume."""

from __future__ import annotations

import re
import unicodedata
from difflib import get_close_matches
from functools import lru_cache
from zoneinfo import available_timezones

from bot import commands
from bot.commands import USAGE, UsageError
from bot.handlers.conference import event_line
from bot.handlers.context import Context
from bot.handlers.drafting import model_allowed
from bot.handlers.linking import deliver, delivery_line
from bot.models import Member
from bot.planner import reschedule_all
from bot.recap import current_conference, follow_zone, replan_recaps
from bot.replies import Reply
from bot.timefmt import clock, is_zone, working_hours

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _folded(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in plain if not unicodedata.combining(ch)).replace("_", " ").split())


# What to suggest for a region typed alone (`US`, `Europe`: folders of zones, not zones): a few of its zones
# most people pick; any other region suggests its first three.
REGION_EXAMPLES = {
    "us": ("US/Eastern", "US/Central", "US/Pacific"),
    "america": ("America/New_York", "America/Chicago", "America/Los_Angeles"),
    "canada": ("Canada/Eastern", "Canada/Central", "Canada/Pacific"),
    "europe": ("Europe/London", "Europe/Berlin", "Europe/Helsinki"),
    "asia": ("Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo"),
    "africa": ("Africa/Lagos", "Africa/Cairo", "Africa/Johannesburg"),
    "australia": ("Australia/Sydney", "Australia/Melbourne", "Australia/Perth"),
    "pacific": ("Pacific/Auckland", "Pacific/Honolulu", "Pacific/Fiji"),
}


@lru_cache(maxsize=1)
def _zones() -> tuple[dict[str, str], dict[str, list[str]], dict[str, list[str]]]:
    """Every IANA zone by its folded full name, by its folded city (the last part: 'berlin'), and by its
    folded region (every part before the city: 'america', 'america/argentina')."""
    names = sorted(z for z in available_timezones() if not z.startswith(("posix/", "right/")) and z != "localtime")
    full = {_folded(z): z for z in names}
    cities: dict[str, list[str]] = {}
    regions: dict[str, list[str]] = {}
    for zone in names:
        if "/" in zone and not zone.startswith("Etc/"):
            cities.setdefault(_folded(zone.rsplit("/", 1)[1]), []).append(zone)
        parts = zone.split("/")
        for end in range(1, len(parts)):
            regions.setdefault(_folded("/".join(parts[:end])), []).append(zone)
    return full, cities, regions


# Names people give their zone that are not IANA's: abbreviations and big cities the database files
# under a neighbour. An abbreviation several zones use is asked about, never guessed.
ZONE_ALIASES: dict[str, tuple[str, ...]] = {
    "pst": ("America/Los_Angeles",), "pdt": ("America/Los_Angeles",), "pt": ("America/Los_Angeles",),
    "pacific": ("America/Los_Angeles",), "mst": ("America/Denver",), "mdt": ("America/Denver",),
    "mt": ("America/Denver",), "cdt": ("America/Chicago",), "ct": ("America/Chicago",),
    "central": ("America/Chicago",), "est": ("America/New_York",), "edt": ("America/New_York",),
    "et": ("America/New_York",), "eastern": ("America/New_York",), "akst": ("America/Anchorage",),
    "hst": ("Pacific/Honolulu",), "gmt": ("UTC",), "utc": ("UTC",), "z": ("UTC",), "bst": ("Europe/London",),
    "cet": ("Europe/Berlin",), "cest": ("Europe/Berlin",), "eet": ("Europe/Athens",), "eest": ("Europe/Athens",),
    "wet": ("Europe/Lisbon",), "msk": ("Europe/Moscow",), "jst": ("Asia/Tokyo",), "kst": ("Asia/Seoul",),
    "sgt": ("Asia/Singapore",), "hkt": ("Asia/Hong_Kong",), "pkt": ("Asia/Karachi",), "aest": ("Australia/Sydney",),
    "aedt": ("Australia/Sydney",), "awst": ("Australia/Perth",), "nzst": ("Pacific/Auckland",),
    "nzdt": ("Pacific/Auckland",), "sast": ("Africa/Johannesburg",), "wat": ("Africa/Lagos",),
    "eat": ("Africa/Nairobi",), "brt": ("America/Sao_Paulo",),
    "ist": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"), "cst": ("America/Chicago", "Asia/Shanghai"),
    "ast": ("America/Halifax", "Asia/Riyadh"),
    **{city: ("Asia/Kolkata",) for city in ("bangalore", "bengaluru", "mumbai", "bombay", "delhi", "new delhi",
                                            "chennai", "madras", "hyderabad", "pune", "india")},
    **{city: ("America/Los_Angeles",) for city in ("san francisco", "sf", "seattle", "silicon valley", "portland")},
    **{city: ("America/New_York",) for city in ("nyc", "boston", "washington", "miami", "atlanta")},
    **{city: ("America/Chicago",) for city in ("austin", "dallas", "houston")},
    **{city: ("Europe/Berlin",) for city in ("munich", "frankfurt", "hamburg", "cologne", "germany")},
    "beijing": ("Asia/Shanghai",), "barcelona": ("Europe/Madrid",), "milan": ("Europe/Rome",),
    "manchester": ("Europe/London",), "osaka": ("Asia/Tokyo",), "kiev": ("Europe/Kyiv",),
}
_OFFSET = re.compile(r"(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?")


def _alias(key: str) -> str | None:
    """The zone an abbreviation, a city or a fixed offset (`UTC+1`) names; UsageError when several could."""
    if (match := _OFFSET.fullmatch(key)) is not None:
        hours, minutes = int(match[2]), int(match[3] or 0)
        if minutes or hours > 14:
            raise UsageError(f"I know whole-hour offsets only; for {key.upper()} give your city.",
                             "/coach settings tz <Area/City or city>", "/coach settings tz Asia/Kolkata")
        sign = "+" if match[1] in "-−" else "-"  # POSIX: Etc/GMT-1 is one hour ahead of UTC
        return "UTC" if hours == 0 else f"Etc/GMT{sign}{hours}"
    zones = ZONE_ALIASES.get(key)
    if zones is None:
        return None
    if len(zones) > 1:
        raise UsageError(f"{key.upper()} could be {' or '.join(zones)}. Which one?",
                         "/coach settings tz <Area/City or city>", f"/coach settings tz {zones[0]}")
    return zones[0]


def valid_timezone(name: str) -> str:
    """An IANA zone from its name, a city's ('berlin' → Europe/Berlin; 'bangalore' → Asia/Kolkata), an
    abbreviation ('PST'; an ambiguous one is asked about) or an offset ('UTC+1'); else a UsageError that
    suggests the nearest zones."""
    name = name.strip()
    if len(name) <= 64 and not name.startswith(("/", ".")) and name.lower() not in ZONE_ALIASES and is_zone(name):
        return name
    full, cities, regions = _zones()
    key = _folded(name)[:64]
    if (alias := _alias(key)) is not None:
        return alias
    if key in full:
        return full[key]
    if len(cities.get(key, ())) == 1:
        return cities[key][0]
    close = (cities.get(key) or list(REGION_EXAMPLES.get(key, regions.get(key, [])[:3]))
             or [zone for match in get_close_matches(key, list(cities), n=3, cutoff=0.75) for zone in cities[match]])
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
        linked = delivery_line(ctx)
        model = model_line(ctx)
        return Reply(describe(member) + (f"\n{model}" if model else "") + (f"\n{linked}" if linked else "")
                     + (f"\n{line} /coach event end stops it." if line else ""))
    if cmd.key == "deliver":
        return Reply(deliver(member, ctx.account or member, ctx, str(cmd.value)))
    if cmd.key == "model":
        return Reply(model_setting(ctx, cmd.value == "on"))
    if cmd.key == "tz":
        member.timezone = valid_timezone(str(cmd.value))
        member.timezone_confirmed = True
        typed = str(cmd.value).strip()
        done = f"Timezone set to {member.timezone}" + (f" (from {typed!r})." if typed != member.timezone else ".")
        if member.timezone.startswith("Etc/GMT"):  # POSIX signs: Etc/GMT-1 is UTC+1
            offset = member.timezone.removeprefix("Etc/GMT").translate(str.maketrans("+-", "-+"))
            done += (f" That is UTC{offset} all year: a fixed offset doesn't follow daylight saving, a city "
                     "does (/coach settings tz <your city>).")
    elif cmd.key == "hours":
        assert isinstance(cmd.value, tuple)  # minutes since midnight: ChangeSettings checks them
        start, end = cmd.value
        member.work_start_hour, member.work_start_minute = divmod(start, 60)
        member.work_end_hour, member.work_end_minute = divmod(end, 60)
        done = f"I'll only nudge you between {clock(start)} and {clock(end)}."
    elif cmd.key == "days":
        assert isinstance(cmd.value, str)  # weekday digits: ChangeSettings checks them
        member.work_days = cmd.value
        done = f"I'll only nudge you on {_days(cmd.value)}."
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


def model_setting(ctx: Context, on: bool) -> str:
    """`/coach settings model on|off`: the member's own opt-in, possible once the operator configured a model
    and listed the asker's workspace for it (COACH_LLM_WORKSPACES). Off always works."""
    member = ctx.member
    if not on:
        member.model_drafts = False
        return "Model drafts are off: your drafts are the coach's own again. Nothing more goes to the model."
    if ctx.models is None:
        return ("No model is set up for this coach, so your drafts stay the coach's own. Whoever runs the coach "
                "can set one up (COACH_LLM_URL and COACH_LLM_MODEL; see the README).")
    if not model_allowed(ctx):
        return ("Your workspace admin hasn't switched model drafts on for this workspace, so your drafts stay "
                "the coach's own. Ask whoever runs the coach to add it to COACH_LLM_WORKSPACES.")
    member.model_drafts = True
    return (f"Model drafts are on: {ctx.models.name}, the model your workspace set up, will rewrite each draft "
            "I make for you, and I'll check its draft as I check mine before you see it (if it is slow, fails or "
            "doesn't pass, you get mine). It is sent what a message could mention — never your judgements, "
            "to-dos or private remarks (PRIVACY.md). /coach settings model off stops it.")


def model_line(ctx: Context) -> str | None:
    """"Model drafts: on (llama3.1:8b)" where a model is offered to the member, or they had it on."""
    if ctx.member.model_drafts and model_allowed(ctx):
        assert ctx.models is not None
        return f"Model drafts: on ({ctx.models.name})"
    if model_allowed(ctx) or ctx.member.model_drafts:
        return "Model drafts: off (/coach settings model on)" if not ctx.member.model_drafts else \
            "Model drafts: on, but your workspace doesn't offer a model now"
    return None


def _days(digits: str) -> str:
    """"01234" → "Mon–Fri"; "01236" → "Sun–Thu"; "024" → "Mon, Wed, Fri"."""
    days = sorted(int(d) for d in digits)
    for start in days:  # a run of consecutive days, maybe across the weekend
        run = [(start + step) % 7 for step in range(len(days))]
        if len(days) > 2 and sorted(run) == days:
            return f"{DAY_NAMES[run[0]]}–{DAY_NAMES[run[-1]]}"
    return ", ".join(DAY_NAMES[d] for d in days)


def describe(member: Member) -> str:
    days = _days(member.work_days)
    state = "paused" if member.paused else "on"
    return (
        f"Timezone: {member.timezone}\n"
        f"Working hours: {working_hours(member, '–')} ({days})\n"
        f"Check-ins: every {member.checkin_days} days\n"
        f"Monday digest: {'on' if member.digest_on else 'off'}\n"
        f"Nudges: {state}\n"
        f"Change one: {USAGE['settings'][0]}"
    )
