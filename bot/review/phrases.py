"""Small pieces of a draft read as a person would write them: a first name, a place, a moment in time."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

_BLANK = re.compile(r"[\[\]{}<>%|]|\b(?:todo|tbd|xxx+|n/?a|tba)\b|_{2,}", re.IGNORECASE)
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "miss"})
_NAME_PART = re.compile(r"^[^\W\d_][\w'’-]*$")


def first_name(contact_name: str | None) -> str:
    """The name to greet someone by: 'Dr. Amara Okafor' → 'Amara', '@jane.doe' → 'Jane'; 'there' if unsure."""
    words = re.split(r"[\s._]+", (contact_name or "").strip().lstrip("@"))
    words = [w for w in words if w and w.lower().rstrip(".") not in _TITLES]
    if not words or not _NAME_PART.match(words[0]) or len(words[0]) > 30:
        return "there"
    name = words[0].replace("’", "'")
    if (name.isupper() and len(name) > 1) or name.islower():
        name = "-".join(part[:1].upper() + part[1:].lower() for part in name.split("-"))
    return name


def blank(text: str | None) -> bool:
    """True for a field with no real words or with a template blank left in it ([TODO], {{notes}}, <offer>)."""
    return not text or not re.search(r"[^\W\d_]{2,}", text) or bool(_BLANK.search(text))


# --- places -----------------------------------------------------------------------------------------

_MEALS = frozenset({"coffee", "lunch", "dinner", "breakfast", "brunch", "drinks", "beers", "a beer", "tea",
                    "a coffee", "a drink", "a quick coffee", "coffees", "pizza", "tacos"})
_TRANSPORT = frozenset({"train", "flight", "plane", "bus", "ferry", "boat", "tram", "subway", "metro", "shuttle",
                        "coach", "taxi", "uber", "cab", "cruise"})
_ONLINE = {"zoom": "on Zoom", "google meet": "on Google Meet", "meet": "on Google Meet", "teams": "on Teams",
           "ms teams": "on Teams", "a call": "on a call", "call": "on a call", "video call": "on a video call",
           "phone": "on the phone", "the phone": "on the phone", "linkedin": "on LinkedIn",
           "twitter": "on Twitter", "slack": "on Slack", "discord": "on Discord", "online": "online",
           "mastodon": "on Mastodon", "bluesky": "on Bluesky"}
_PREPOSITIONS = ("at ", "on ", "in ", "over ", "during ", "after ", "through ", "via ")
_COMMON = frozenset({"conference", "meetup", "hackathon", "workshop", "office", "gym", "party", "wedding",
                     "airport", "bar", "pub", "cafe", "café", "event", "summit", "offsite", "retreat", "booth",
                     "afterparty", "after-party", "mixer", "panel", "talk", "keynote", "dinner party", "library",
                     "park", "school", "university", "club", "concert", "expo", "fair", "job fair",
                     "career fair", "networking event", "happy hour", "book club", "climbing gym", "coworking"})
_DETERMINERS = ("the ", "a ", "an ", "my ", "our ", "this ", "that ")


def place_phrase(where: str | None) -> str:
    """'PyCon' → 'at PyCon', 'coffee' → 'over coffee', 'train to Milan' → 'on the train to Milan';
    '' when the place cannot be put in a sentence well."""
    if blank(where):
        return ""
    text = re.split(r"[,;(\n]", str(where).strip(), maxsplit=1)[0].strip(" .!-—")
    text = re.sub(r"\s+", " ", text)
    low = text.lower()
    if low.startswith("at "):
        text, low = text[3:].strip(), low[3:].strip()
    if not text or len(text.split()) > 7 or len(text) > 60 or not re.search(r"[^\W\d_]{2,}", text):
        return ""
    if low.startswith(_PREPOSITIONS[1:]):
        return text if len(text.split()) > 1 else ""
    if low in _ONLINE:
        return _ONLINE[low]
    bare = low.removeprefix("a ").removeprefix("an ")
    head = bare.split(" ")[0]
    if low in _MEALS or head in _MEALS or bare in _MEALS:
        rest = text.split(" ", 1)[1] if " " in text and low not in _MEALS and bare not in _MEALS else ""
        meal = head if head in _MEALS else bare
        return f"over {meal}{' ' + rest if rest else ''}"
    first = low.split(" ")[0]
    if first in _TRANSPORT or (low.startswith(_DETERMINERS) and low.split(" ")[1:2] and
                               low.split(" ")[1] in _TRANSPORT):
        return f"on {text if low.startswith(_DETERMINERS) else 'the ' + text}"
    if low in _COMMON:
        return f"at the {text}"
    return f"at {text}"


# --- time -------------------------------------------------------------------------------------------

_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def days_between(earlier: datetime, later: datetime, timezone: str = "UTC") -> int:
    """Calendar days from one moment to another on the member's own calendar."""
    zone = ZoneInfo(timezone)
    return (later.astimezone(zone).date() - earlier.astimezone(zone).date()).days


def when(moment: datetime, now: datetime, timezone: str = "UTC") -> str:
    """When something happened, as an adverb: 'today', 'yesterday', 'on Monday', 'last week',
    'a couple of weeks ago', 'about a month ago', 'a few months ago'."""
    days = days_between(moment, now, timezone)
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {moment.astimezone(ZoneInfo(timezone)):%A}"
    if days <= 12:
        return "last week"
    return f"{span(days)} ago"


def since(moment: datetime, now: datetime, timezone: str = "UTC") -> str:
    """`when` after 'from' ('my note from last week', 'from Monday', 'from earlier today')."""
    phrase = when(moment, now, timezone)
    return "earlier today" if phrase == "today" else phrase.removeprefix("on ")


def span(days: int) -> str:
    """A length of time in round words: 'a few days', 'a couple of weeks', 'about three months'."""
    if days < 7:
        return "a few days"
    if days <= 12:
        return "a week or so"
    if days <= 20:
        return "a couple of weeks"
    if days <= 27:
        return "a few weeks"
    if days <= 45:
        return "about a month"
    if days <= 75:
        return "a couple of months"
    if days <= 300:
        return f"about {_SMALL[round(days / 30.4)]} months"
    if days <= 500:
        return "about a year"
    return "more than a year"
