"""Small pieces of a draft read as a person would write them: a first name, a place, a moment in time."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.review import pattern_cache as rx


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


_BLANK = rx.compile(r"[\[\]{}<>%|]|\b(?:todo|tbd|xxx+|n/?a|tba)\b|_{2,}", re.IGNORECASE)
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "miss"})
_NAME_PART = rx.compile(r"^[^\W\d_][\w'’-]*$")


# the first half of a handle that describes someone rather than names them: "@dev_nina", "@the_real_sam"
_HANDLE_WORDS = frozenset(("dev", "the", "its", "im", "iam", "mr", "ms", "mx", "dr", "prof", "real", "official",
                           "coder", "dj", "doc", "captain", "cap", "lil", "big", "little", "just", "hey", "hi", "not",
                           "design", "data", "ux", "ui", "ml", "ai", "web", "tech", "sketchy", "rusty", "nerdy",
                           "geeky", "crafty", "chef", "coach", "teacher", "nurse", "rustacean", "pythonista",
                           "gopher", "rubyist", "pixel", "code", "hacker", "maker"))


def first_name(contact_name: str | None) -> str:
    """The name to greet someone by: 'Dr. Amara Okafor' → 'Amara', '@jane.doe' → 'Jane'; 'there' if unsure."""
    bare = re.sub(r"^(?:xx+|x+_*)_|_(?:xx+|_*x+)$", "", (contact_name or "").strip().lstrip("@"),
                  flags=re.IGNORECASE)  # "xX_Vanta_Xx": the gamer's frame is no part of the name
    words = re.split(r"[\s._]+", bare)
    words = [w for w in words if w and w.lower().rstrip(".") not in _TITLES]
    handle = re.fullmatch(r"@([^\W\d_]+)_([^\W\d_]+)", (contact_name or "").strip())
    if handle and re.search(r"[aeiouy]", handle[2], re.IGNORECASE) and len(handle[2]) >= 2 \
            and handle[2].lower() not in _HANDLE_WORDS and handle[1].lower() in _HANDLE_WORDS:
        words = [handle[2]]  # "@dev_nina", "@rustacean_jo": a word about them, then their name
    if not words or not _NAME_PART.match(words[0]) or len(words[0]) > 30:
        return "there"
    name = words[0].replace("’", "'")
    if len(name.rstrip(".")) == 1 or name.lower() in ("the", "a", "an", "that", "this", "some", "guy", "girl", "man",
                                                      "woman", "lady", "dude", "person", "bloke", "chap", "fella",
                                                      "lad", "old") \
            or re.search(r"\s(?:or|/)\s", contact_name or ""):  # "J. Park", "guy w/ the drone", "Jess or Jen"
        return "there"
    if (name.isupper() and len(name) > 2) or name.islower():
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
           "mastodon": "on Mastodon", "bluesky": "on Bluesky", "videollamada": "on a video call",
           "videochamada": "on a video call", "llamada": "on a call", "chamada": "on a call", "appel": "on a call",
           "visio": "on a video call", "videocall": "on a video call", "anruf": "on a call"}
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


# --- settings, places and names as a member records them -------------------------------------------

SETTINGS = ("conference", "meetup", "party", "dinner", "coffee", "community", "train", "call", "work", "other")
CASUAL = frozenset({"party", "community", "train"})  # an unknown setting gets the neutral tone
_SETTING_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(?:discord|slack|telegram|forum|dm|dms|subreddit|reddit|server|channel|mastodon)\b|#[a-z]", "community"),
    (r"\b(?:train|flight|plane|bus|ferry|tram|airport)\b", "train"),
    (r"\b(?:b-?day|birthday|party|afterparty|after-party|wedding|bbq|barbecue|housewarming|drinks|pub|bar|"
     r"sauna|gym|spin|climbing|hike)\b", "party"),
    (r"\b(?:dinner|lunch|brunch|breakfast)\b", "dinner"),
    (r"\b(?:coffee|tea|cafe|café)\b", "coffee"),
    (r"\b(?:call|zoom|video|phone|meet|teams|webex)\b", "call"),
    (r"\b(?:meetup|mixer|hackathon|user group|club|drinks)\b", "meetup"),
    (r"\b(?:conf|conference|summit|con|expo|festival|fest|devfest|week|symposium|workshop|poster|panel|keynote|"
     r"booth|hallway|talk)\b|[a-z]con\b|con\s|summit", "conference"),
    (r"\b(?:fair|office|university|univ|campus|career)\b", "work"),
)


def setting_of(where: str | None) -> str:
    """The kind of meeting a place names: a conference, a meetup, a party, a dinner, coffee, a community DM,
    a train, a call, work, or other."""
    low = (where or "").lower()
    for pattern, setting in _SETTING_WORDS:
        if re.search(pattern, low):
            return setting
    if low and re.search(r"[A-Z]\w*(?:Con|Summit|Tech|Fest|Data)\b", where or ""):
        return "conference"
    return "other"


# a city typed after an event's name, in lower case: "OT World leipzig", "gitex dubai", "WindEurope cph"
_CITY_AFTER = rx.compile(
    r"(?<!\bto)(?<!\bfrom)(?<!\bin)(?<!\bvia)(?<!\bnear)(?<!\bof)(?<!\bat)(?<!\bwith)(?<!\bw)(?<!\bhotel)(?<!\bHotel)\s+(?:london|ldn|berlin|paris|amsterdam|a'dam|rdam|rotterdam|cph|copenhagen|stockholm|oslo|helsinki|vienna|"
    r"prague|warsaw|madrid|barcelona|bcn|lisbon|milan|munich|leipzig|düsseldorf|dusseldorf|hamburg|frankfurt|zurich|"
    r"geneva|brussels|dublin|edinburgh|glasgow|manchester|brum|birmingham|leeds|liverpool|bristol|cardiff|dubai|"
    r"doha|riyadh|cairo|lagos|accra|nairobi|nbi|kigali|joburg|johannesburg|pretoria|durban|cape town|mumbai|delhi|"
    r"bangalore|bengaluru|pune|chennai|singapore|tokyo|osaka|seoul|taipei|shanghai|beijing|shenzhen|sydney|"
    r"melbourne|auckland|akl|toronto|montreal|vancouver|nyc|sf|chicago|boston|austin|denver|seattle|trondheim|"
    r"bergen|esbjerg|rimini|firenze|florence|olympia)$")
_PLACE_EXPAND = {"bday": "birthday", "b-day": "birthday", "conf": "conference", "univ": "university",
                 "mtg": "meeting", "hq": "HQ", "cttee": "committee", "mkt": "market", "mkts": "markets",
                 "sesh": "session", "brekkie": "breakfast", "brekky": "breakfast", "wk": "week", "agm": "AGM",
                 "mtgs": "meetings", "assoc": "association", "dept": "department"}
_PLACE_TAIL = rx.compile(r"\s+(?:\d+(?:st|nd|rd|th)\s+fl(?:oor)?\.?\s*$|day\s*\d+|d\d\s*$|"
                         r"(?:mon|tues?|weds|wednesday|thurs?|fri|sat|sun)(?:day)?\s*$|"
                         r"hallway(?: track)?|booth(?: area)?|lunch table|panel q&a|q&a|lol|haha|"
                         r"tbh|lobby|queue|(?:mon|tues?|wed|thurs?|fri|sat|sun)\w*\s+(?:morning|afternoon|evening|"
                         r"night))\b.*$", re.IGNORECASE)
_EVENT_NOUNS = ("gate", "meetup", "summit", "mixer", "dinner", "drinks", "brunch", "lunch", "fair", "afterparty",
                "session",
                "conference", "hackathon", "party", "meeting", "workshop", "breakfast", "festival", "night",
                "retreat", "offsite", "group", "class", "lecture", "seminar", "webinar", "event", "launch", "reception",
                "gala", "talk", "visit", "shift", "opening", "launch party", "viewing", "evening", "thing", "park",
                "hall", "convening", "office", "tasting", "fundraiser", "committee", "audit", "assembly", "ceremony",
                "match", "game", "expo", "forum", "panel", "day", "club", "bbq", "barbecue", "picnic", "reunion",
                "gathering", "show", "social", "ceremony", "service", "run",
                # a place in an event or a building, typed without its article: "trade counter", "staff room"
                "counter", "room", "sidelines", "sideline", "queue", "market", "harvest", "pickup", "showcase", "booth",
                "stand", "lounge", "sprint", "fete", "sale", "tournament", "rehearsal", "practice", "gig", "concert",
                "screening", "after-party", "open day", "bootcamp", "kitchen", "canteen", "corridor", "lobby", "agm",
                "courthouse")


def uncapped(text: str) -> str:
    """Text typed in capitals in ordinary case ('ATL JS MEETUP @ TECH SQUARE' → 'ATL JS Meetup @ Tech Square'):
    words of four letters or more lose their capitals, short ones may be acronyms and keep them; text that is
    not mostly capitals is returned as it is."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    return re.sub(r"[^\W\d_]{4,}", lambda m: m[0].capitalize(), text)


def meeting_place(where: str | None) -> str:
    """Where they met as words for a sentence, from how a member types it: 'coffee @ monmouth' → 'over
    coffee at Monmouth', '#homelab slack' → 'in #homelab', 'Berlin JS meetup' → 'at the Berlin JS meetup',
    'KubeCon day 2, booth area' → 'at KubeCon', "Ana's bday" → "at Ana's birthday"; '' when unsure."""
    if blank(where):
        return ""
    text = uncapped(re.sub(r"\s+", " ", re.sub(r"\s*\([^()]*\)", "", str(where))).strip())  # "(ellipse hosted)"
    if not text:
        return ""
    low = text.lower()
    channel = re.search(r"#[^\W\d_][\w-]*", text)
    if (written := _written_place(text)) is not None:
        return written  # "PR #88 on tiny-csv" → "on PR #88", "vinted msgs" → "on Vinted"
    if setting_of(text) == "community":
        if channel:
            return f"in {channel[0]}"
        group = re.sub(r"\(|\)|@[\w.]+", " ", text.split(",")[0])  # "r/homelab discord, voice chat": the group
        group = re.sub(r"\b(?:discord|slack|server|the|dms?)\b", " ", group, flags=re.IGNORECASE)
        group = re.sub(r"\s+", " ", group).strip(" ,.-")
        platform = "Discord" if "discord" in low else "Slack" if "slack" in low else ""
        if group and platform and len(group.split()) <= 4:
            return f"in the {group} {platform}"
        return f"on {platform}" if platform else ""
    if re.fullmatch(r"(?:recruiter |intro |video |phone |quick |zoom )?call(?: w(?:ith|/) .*)?|zoom|video call|"
                    r"phone|google meet|teams", low):
        return "on our call"
    if setting_of(text) == "call" and not re.search(r"\b(?:coffee|lunch|dinner|office|summit|conference|expo)\b", low):
        return "on our call"  # "whatsapp call", "Teams - partner kickoff", "zoom, intro from Carla"
    if re.match(r"(?:came|come|dropped|popped|stopped|called|rang|visited|fixed|delivered|quoted|viewed|showed|"
                r"installed|repaired|serviced|messaged|emailed|texted)\b", low):
        venue = re.search(r"\b(?:at|in)\s+(?P<v>(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})", text)
        return f"at {venue['v']}" if venue else ""  # "came in to fix the Ricoh": what happened, no place to name
    if re.match(r"(?:recommended|referred|recommendation|rec|referral|intro(?:duced)?|introduction|passed on)\s+"
                r"(?:by|from|via|through|thru)\b|(?:via|through|thru)\s+(?:(?-i:[A-Z])[a-z]+\b(?!\s+(?-i:[A-Z]))|"
                r"(?:my|a|our|mutual)\s)", text) and low.split()[1:2] != ["linkedin"]:
        return ""  # "recommended by uncle Ray", "via Sam": who put them in touch, not a place to meet at
    if re.match(r"(?:quote|estimate|survey|valuation|job|repair|install(?:ation)?|fitting|call-?out)\s+(?:for|on|of)\s",
                low):
        return ""  # "quote for consumer unit": the job they came about, not a place
    if re.fullmatch(r"(?:next door|next door but (?:one|two)|across the (?:road|street|hall|landing)|opposite|"
                    r"(?:up|down)stairs|(?:up|down) the (?:road|street)|(?:our|my|the) street|"
                    r"(?:the )?flat (?:above|below)|no\.?\s*\d+\w?)", low):
        return ""  # a neighbour: "meet you at next door" says nothing
    text = re.sub(r"^(?:ran|bumped) into (?:him|her|them)\s+(?:at|in)\s+|^from\s+(?=the\s)", "", text,
                  flags=re.IGNORECASE)  # "ran into her at Tesco", "from the allotment": the place
    if (lead := re.match(r"^(at|in|on)\s+(?=\S)", text, re.IGNORECASE)) is not None:
        rest = text[lead.end():]
        if lead[1].lower() == "at":  # "at mia's": where, said once
            return meeting_place(rest)
        if re.match(r"(?:the|a|an|my|our|your)\s", rest, re.IGNORECASE):
            return f"{lead[1].lower()} {rest}"  # "in the park", "on the ferry": already a phrase
    text = re.sub(r"\s+@\s+|\s*@(?=[A-Za-z])", " at ", text)
    text = re.sub(r"\bnite\b", "night", text)  # "poker nite at marco's" (a capitalised "Quiz Nite" is a name)
    # "Dutch Design Week - circular textiles talk": the event ("flat viewing → now my landlord": where they met, not
    # what came of it; "Tokyo→Osaka" is a route and stays)
    text = re.split(r"\s+[-–—]\s+|\s*(?:→|->)\s*(?=(?:now|then|became|later|turned|e-?mail|dms?|whatsapp|text|sms|"
                    r"zoom|whispers|linkedin)\b)", text)[0]
    text = re.sub(r"\b(?:her|his|their)\b", "your", text, flags=re.IGNORECASE)  # "her opening at X": yours
    if re.match(r"(?:(?:old|best|ex-?)\s*)?(?:kid|kids|son|daughter|friend|neighbour|neighbor|cousin|boss|"
                r"colleague|mum|mom|dad|niece|nephew|aunt|uncle|gran|granny|grandma|grandad|grandpa|nan|brother|"
                r"sister|partner|wife|husband|flatmate|housemate|mate|manager|sister-in-law|brother-in-law)'s\s+"
                r"(?-i:(?![A-Z]))", text, re.IGNORECASE):  # "kid's birthday party", "old colleague's drinks": mine
        owner, rest = text.split("'s", 1)  # never "Dad's Garage" or "Partner's Summit": a name
        text = f"my {owner.lower()}'s{rest}"
    text = re.sub(r"^([a-z])(?=[a-z]*'s\b)", lambda m: m[1].upper(), text)  # "jen's bday" → "Jen's birthday"
    head, _, rest = text.partition(",")
    if len(head.split()) >= 4:  # "Canton Fair hall 9.2", "Salone del Mobile stand C12": the event, not its hall
        head = re.sub(r"\s+(?:hall|stand|booth)\s+[a-z]?\d[\w.]*\s*$", "", head, flags=re.IGNORECASE)
    if re.match(r"[A-Z]{2,}\b|[A-Z][a-z]+[A-Z]", head):  # "MWC hall 2 coffee", "WindEurope hall B3": where in it
        head = re.sub(r"\s+(?:hall|stand|booth)\s+[a-z]?\d[\w.]*\b.*$", "", head, flags=re.IGNORECASE)
    head = _PLACE_TAIL.sub("", head).strip(" .!-")
    # "Paris dinner w/ the Schneider team", "coffee w amara": who else was there is no place
    head = re.sub(r"(?<!\bthe)\s+(?:w/\s*|w\s+)\S.*?(?=\s+at\s|$)", "", head)
    if head.lower() in ("work", "at work", "the office", "office"):
        return "at work"  # "Work": a colleague, met at work
    words = [_PLACE_EXPAND.get(w.lower(), w) for w in head.split()]
    # "Mining Indaba cape town", "OT World leipzig", "WindEurope cph": the event's name, not the city typed after it
    if len(words) >= 2 and (city := _CITY_AFTER.search(" ".join(words))) is not None \
            and (len(kept := " ".join(words)[:city.start()].split()) >= 2 or re.search(r"[A-Z]", kept[0])):
        words = kept  # ("ux london" stays: "at Ux" would be no name at all)
    head = " ".join(words)
    rest = rest.strip()
    hl = head.lower()
    if not head:
        return ""
    if hl in ("coffee", "dinner", "lunch", "drinks", "brunch", "breakfast") and rest and len(rest.split()) <= 2 \
            and rest[:1].isupper():
        return f"over {hl} in {rest}"
    m = re.match(r"^(coffee|dinner|lunch|drinks|brunch|breakfast|tea)\s+at\s+(.+)$", head, re.IGNORECASE)
    if m:
        place = m[2] if m[2][:1].isupper() or m[2].lower().startswith(("the ", "your ")) or len(m[2].split()) > 2 \
            else " ".join(w[:1].upper() + w[1:] for w in m[2].split())  # "hannah's" → "Hannah's", not "Hannah'S"
        return f"over {m[1].lower()} at {place}"
    at = re.match(r"^([a-z][\w-]*(?: [a-z][\w-]*)?) at ([a-z][\w'’-]*(?: [\w'’-]+){0,2})$", head)
    if at and at[1].split()[-1] in _EVENT_NOUNS:  # "bbq at steph's" → "at the bbq at Steph's"
        return f"at the {at[1]} at {' '.join(w[:1].upper() + w[1:] for w in at[2].split())}"
    if hl in _EVENT_NOUNS:
        return f"at the {hl}"  # "Viewing": at the viewing
    town = re.fullmatch(r"(?P<e>[a-z][\w -]*?\b(?P<n>[a-z-]+)) (?P<t>[A-Z][^\W\d_A-Z][\w'’-]*)", head)
    if town is not None and town["n"] in _EVENT_NOUNS and town["e"].split()[0] not in _MEALS:
        return f"at the {town['e']} in {town['t']}"  # "site visit Bogotá" → "at the site visit in Bogotá"
    event = re.split(r"\s+(?:for|of|with|on|in)\s+", hl)[0]  # "job fair for Ukrainians": the fair
    noun = hl.split()[-1] if hl.split()[-1] in _EVENT_NOUNS else event.split()[-1]
    proper = noun in ("park", "hall", "office", "forum") and head.split()[-1][:1].isupper()  # "Görlitzer Park"
    if len(head.split()) >= 2 and noun in _EVENT_NOUNS and not proper \
            and not re.match(r"^(?:the|a|an|my|our|your)\b", hl) and "'" not in head and hl.split()[0] not in _MEALS:
        return f"at the {head}"
    if hl in _ONLINE:
        return _ONLINE[hl]
    if hl.split()[0] in _ONLINE and hl.split()[0] not in ("meet", "call", "phone", "online", "a", "the"):
        return _ONLINE[hl.split()[0]]  # "videollamada con Lucía": the medium, not a venue
    if re.match(r"^[a-z]+$", head) and hl not in _MEALS and hl not in _TRANSPORT:
        return f"at the {head}" if hl in _COMMON or hl in _PLAIN_PLACES else f"at {head[:1].upper()}{head[1:]}"
    thing = event.split()[-1]  # "hostel in Cusco" → hostel, "BA flight" → flight
    if not re.match(r"^(?:the|a|an|my|our|your|at|in|on|over|by)\b", hl) and "'" not in head \
            and hl.split()[0] not in _MEALS:
        if thing in _TRANSPORT:
            return f"on the {head}"
        if head[:1].islower() and (thing in _PLAIN_PLACES or hl.split()[0] in _PLAIN_PLACES):
            return f"at the {head}"  # a common noun typed as a note: "at the hostel in Cusco", not "at hostel…"
    return place_phrase(head)


_PLATFORMS = {"linkedin": "LinkedIn", "researchgate": "ResearchGate", "github": "GitHub", "gh": "GitHub",
              "wechat": "WeChat", "whatsapp": "WhatsApp", "hn": "Hacker News", "vinted": "Vinted", "etsy": "Etsy",
              "avito": "Avito", "kleinanzeigen": "Kleinanzeigen", "ebay": "eBay", "depop": "Depop", "twitch": "Twitch",
              "telegram": "Telegram", "signal": "Signal", "instagram": "Instagram", "ig": "Instagram",
              "mastodon": "Mastodon", "reddit": "Reddit", "upwork": "Upwork", "fiverr": "Fiverr", "italki": "italki"}


def _written_place(text: str) -> str | None:
    """Where a written exchange happened, said as a message would: "github issue #412" → "on issue #412", "HN
    thread on my show HN" → "on the HN thread", "vinted msgs" → "on Vinted", "email thread re: X" → "over email";
    None for a place people meet in."""
    low = text.lower()
    if (numbered := re.search(r"\b(issue|pr|pull request)\s*#(\d+)", low)) is not None:
        return f"on {'PR' if numbered[1] != 'issue' else 'issue'} #{numbered[2]}"
    if re.match(r"(?:an? )?e-?mail(?: thread)?\b", low):
        return "over email"
    thread = re.match(r"(?:the )?(?P<what>[\w/.-]+(?: [\w/.-]+){0,2}?) (?:thread|comments|post)\b", text, re.IGNORECASE)
    if thread is not None and thread["what"].lower() not in ("a", "the", "my", "our", "meetup"):
        what = " ".join(_PLATFORMS.get(w.lower(), w) if w.lower() not in ("hn",) else "HN"
                        for w in thread["what"].split())
        return f"on the {what} thread" if "thread" in low[:thread.end()].lower() else f"on {what}"
    first = re.match(r"(?P<where>[\w.-]+)(?:\s*,|\s+[-–—]\s|"
                     r"\s+(?:stream\s+)?(?:msgs?|messages?|convo|chat|dms?|inbox)\b|\s*$)",
                     low)
    if first is not None and first["where"] in _PLATFORMS:
        return f"on {_PLATFORMS[first['where']]}"  # "linkedin msg after the webinar", "instagram, commented on …"
    if re.match(r"(?:fb|facebook) marketplace\b", low):
        return "on Facebook Marketplace"
    if (sub := re.match(r"r/(\w{2,30})\b(?!.*\b(?:discord|slack|meetup|meet|irl)\b)", low)) is not None:
        return f"on r/{sub[1]}"  # "r/mechmarket trade": the subreddit it happened on
    return None


_PLAIN_PLACES = _words("sauna gym bar pub office party conference meetup hackathon summit coworking library park cafe "
                       "airport station beach pool spa market festival fair club church school campus lab venue "
                       "hotel lobby restaurant bakery webinar workshop seminar barber hairdresser dentist clinic "
                       "mosque temple synagogue gurdwara choir hostel chat induction gates lesson lessons airbnb "
                       "allotment allotments shop store garden centre center stall studio salon pitch court ward "
                       "hospital surgery kitchen canteen lounge queue desk stand tent training course orientation "
                       "onboarding tour hike walk swim race gig show exhibition screening rehearsal practice")
_VIETNAMESE_FAMILY = _words("nguyen tran le pham hoang huynh phan vu vo dang bui ngo duong trinh dinh truong do ho ly "
                            "lam")
# the middle names that make a three-part name Vietnamese ("Nguyen Thi Lan", not "Ho Yin Chan" or "Lam Wai Kit")
_VIETNAMESE_MIDDLE = _words("van thi duc huu ngoc thanh minh quang xuan hong thu kim dinh cong trung bao gia hoai "
                            "phuong thuy tuan anh manh quoc hoang")
_FAMILY_FIRST = _words(
    "chen wang li zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie "
    "tang han cao deng feng zeng peng xiao cheng yuan tian pan dong jiang cai yu du ye su lu wei ding ren "
    "shen yao nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly park kim choi jung jeong "
    "kang cho yoon jang lim shin han oh seo kwon hwang ahn song jeon hong "
    "sato suzuki takahashi tanaka watanabe yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi "
    "matsumoto inoue kimura hayashi shimizu yamazaki ikeda hashimoto ishikawa ogawa okada hasegawa murakami "
    "saito sakamoto fujita nishimura fukuda miura fujii okamoto matsuda nakagawa harada takeuchi nakayama"
)
# Hungarian names are written family name first: "Nagy Eszter" is Eszter, the order being sure
_HUNGARIAN = _words(
    "nagy kovács kovacs tóth toth szabó szabo horváth horvath varga kiss molnár molnar németh nemeth farkas "
    "balogh papp takács takacs juhász juhasz mészáros meszaros rácz racz fekete szilágyi szilagyi török torok"
)
_KOREAN_GIVEN = rx.compile(r"^[A-Z][a-z]+-[a-z]+$")
# the words that start a description after a name: "anna from the allotment", "Sam in accounts", "guy w the drone"
DESCRIBED_BY = _words("from at of w with who that in on via next")  # "Mrs Okafor next door": Mrs. Okafor
_RELATIONS = _words("brother sister mum mom mother dad father son daughter wife husband partner friend boss cousin "
                    "uncle aunt auntie neighbour neighbor colleague flatmate roommate bf gf fiance fiancé fiancee "
                    "grandma grandad grandpa nan mate pal buddy")
_NICKNAME_WORDS = _words("big little lil young old tall cousin dj mc chef mod admin tenor alto "
                         "soprano baritone")  # "mod Rook", "Tenor Bill": a role said before the name
_USE_NAME = rx.compile(r"(?<!don't )(?<!dont )(?<!not )(?<!never )"
                       r"\b(?:use|address (?:him|her|them) as|call (?:him|her|them))\s+"
                       r"((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?((?-i:[A-Z])[\w'’]+)(?:-(?:san|sama|sensei))?)\b",
                       re.IGNORECASE)
# family names told by their ending (Polish, Ukrainian, Georgian, Romanian, Balkan, Greek, Turkish, Nordic)
_SURNAME_END = rx.compile(r"(?:[cs]ki|[cs]ka|dzki|dzka|wicz|czyk|czak|enko|chuk|shvili|dze|escu|ovi[cć]|evi[cć]|"
                          r"poulos|opoulou|o[gğ]lu|sson|d[oó]ttir)$", re.IGNORECASE)
# given names with those endings ("Franziska Müller" is greeted Franziska)
_GIVEN_LIKE_SURNAMES = _words("franziska rebecka alisson jessicka")
_GOES_BY = rx.compile(r"\b(?:goes by|known as|aka|prefers to be called|(?:everyone |people )call (?:him|her|them)|"
                      r"calls (?:him|her|them)|"
                      r"call (?:him|her|them)(?=\s+['\"]?(?:(?-i:[A-Z])|"
                      r"(?:sir|ma'am|madam|doc|uncle|aunty|auntie|coach)\b|"
                      r"[a-z][\w'’-]*\s+(?:not|rather than|instead of)\b))|"  # "call her jo not joanna"
                      r"calls? (?:himself|herself|themselves)|(?-i:prefers(?= [A-Z])))"
                      r"\s+['\"]?([^\W\d_][\w'’-]*[^\W\d_'’-](?:\s+(?-i:[A-Z])[\w'’-]+)?)", re.IGNORECASE)
# ("prefers text" is no name; "everyone calls him Uncle Sipho" is two words; "promised to call her sun 4pm" and
# "will call her Next wk" are a phone call, not a name)
TIME_WORDS = _words("mon tue tues wed weds thu thur thurs fri sat sun monday tuesday wednesday thursday friday "
                    "saturday sunday next tmrw tomorrow tonight today later back after before at on this re about "
                    "abt asap soon again first when if once")
_TITLE_WORDS = {"dr": "Dr.", "prof": "Prof.", "professor": "Prof.", "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.",
                "mx": "Mx.", "sir": "Sir", "dame": "Dame", "cllr": "Cllr", "councillor": "Councillor", "rev": "Rev.",
                "revd": "Rev.", "fr": "Father", "father": "Father", "rabbi": "Rabbi", "imam": "Imam",
                "pastor": "Pastor", "sgt": "Sgt.", "capt": "Capt.", "judge": "Judge", "maître": "Maître",
                "maitre": "Maître", "me": "Maître", "sister": "Sister", "brother": "Brother",
                "père": "Père", "pere": "Père", "soeur": "Sœur", "sœur": "Sœur", "señora": "Señora",
                "senora": "Señora", "señor": "Señor", "senor": "Señor", "sra": "Sra.", "madame": "Madame",
                "monsieur": "Monsieur", "frau": "Frau", "herr": "Herr", "signora": "Signora", "pak": "Pak",
                "bu": "Bu", "ibu": "Ibu", "bapak": "Bapak",
                # kin and team titles the member says with the name: "Auntie Funmi", "Coach Mbeki"
                "aunty": "Aunty", "auntie": "Auntie", "aunt": "Aunt", "uncle": "Uncle", "coach": "Coach"}
# kin and team titles: said with the name ("Auntie Grace", "Coach Mbeki"), never a reason for a formal note
KIN_TITLES = ("Aunty ", "Auntie ", "Aunt ", "Uncle ", "Coach ")
# the titles that ask for a formal note when someone is greeted by them (not "Pak", "Father" or "Sister")
FORMAL_TITLES = ("Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Mx.", "Cllr", "Councillor", "Rev.", "Rabbi", "Sgt.", "Capt.",
                 "Judge", "Maître", "Sir ", "Dame ", "Señora ", "Señor ", "Sra. ", "Madame ", "Monsieur ", "Frau ",
                 "Herr ", "Signora ")
# "Father Michael", "Sister Margaret": not "Father Donnelly"
_GIVEN_NAME_TITLES = frozenset({"Father", "Pastor", "Imam", "Sister", "Brother", "Père", "Sœur", "Aunty", "Auntie",
                                "Aunt", "Uncle"})
_FAMILY_NOTE = rx.compile(r"\b([^\W\d_][\w'’-]*)\s*(?:=|is(?: the)?|-)\s*(?:family name|surname|last name)\b",
                          re.IGNORECASE)
_GIVEN_NOTE = rx.compile(r"\b([^\W\d_][\w'’-]*)\s*(?:=|is(?: (?:her|his|their|the))?|-)\s*(?:given|first) name\b|"
                         r"\b(?:given|first) name\s*(?:=|is|:)\s*([^\W\d_][\w'’-]*)", re.IGNORECASE)
_TITLE_IN_NOTES = rx.compile(r"\b(Mr|Ms|Mrs|Mx|Dr|Prof)\.? ([A-Z][\w'’-]+)")
_NAME_WORDS = rx.compile(r"family name|surname|last name|given name|first name", re.IGNORECASE)


def _name_note(pattern: re.Pattern[str], notes: str | None) -> re.Match[str] | None:
    """``pattern`` searched only near where the notes speak of names ("Lee = family name"): a long paste of
    hyphenated words would otherwise cost a scan from every position."""
    if not notes:
        return None
    for said in _NAME_WORDS.finditer(notes):
        text = notes[max(0, said.start() - 60):said.end() + 60]
        if (found := pattern.search(text)) is not None:
            return found
    return None


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().casefold()


_DESCRIBED_PEOPLE = ("guy", "girl", "man", "woman", "lady", "dude", "bloke", "chap", "fella", "person")


def _labelled_name(contact_name: str) -> str | None:
    """The name in a label the member typed first: "parkrun volunteer, Moira" → Moira, "Allotment #14 - Stan" → Stan,
    "new guy in logistics (Piotr?)" → "there" (a guess), "Honey lady Ewa" → Ewa, "Vinny's supplier guy" → "there";
    None when the name comes first, as usual ("Jessica Ko, VP Ops")."""
    text = re.sub(r"\s+", " ", contact_name).strip()
    main = re.split(r"\s*(?:,|\s[-–—|]\s|\()\s*", text, maxsplit=1)[0]
    words = main.split(" ")
    label_first = bool(words) and (words[0][:1].islower() or any(re.search(r"\d|#", w) for w in words)
                                   or any(re.fullmatch(r"[A-Z]{2,}", w) for w in words[1:]))
    if len(words) >= 2 and words[-1].lower() in _DESCRIBED_PEOPLE and re.search(r"['’]s$", words[0]):
        return "there"  # "Vinny's supplier guy": whose contact they are, no name
    beside = re.search(r"(?:,|\s[-–—|]\s|\()\s*([A-Z][a-z][^\W\d_]*(?:-[A-Z][^\W\d_]+)?)(\?)?\s*\)?\s*$", text)
    if label_first and beside is not None and beside[1].lower() not in _TITLES:
        return "there" if beside[2] else beside[1]
    if label_first and re.search(r"\(\s*[^()]*\?\?[^()]*\)|\(\s*\?+\s*\)", text) \
            and not any(w[:1].isupper() for w in words):
        return "there"  # "recruiter (Talent Partner, ??)": a role, no name yet
    after = re.fullmatch(r"(?:[\w'’-]+ ){0,3}(?:" + "|".join(_DESCRIBED_PEOPLE) + r"|['\"][a-z][\w -]*['\"]) "
                         r"([A-Z][^\W\d_]+)", main)
    if after is not None:
        return after[1]  # "Honey lady Ewa", "Crypto 'mentor' Alex" (never "Oluwaseun 'Shaun' Adeyemi")
    if len(words) >= 3 and main.islower() and words[-1] in _DESCRIBED_PEOPLE and "the" not in words:
        return "there"  # "speedrun chat guy", "ticket desk man": a description ("sam the bike guy" is Sam)
    return None


def greeting_name(contact_name: str | None, notes: str | None = None) -> str:
    """The name to greet someone by, as the member records it. A title with a surname stays ('Dr.
    Okafor', 'Prof. Meier' for 'Prof. Dr. Klaus Meier'; 'Dr. Sato' for 'Dr. Sato Hiroshi', family name first);
    a name whose family name comes first, or whose order is unclear ('Chen Wei', 'Nguyen Thi Lan', 'Park
    Ji-hoon'), is used whole — but a Vietnamese name of three parts is said by its last ('Nguyen Van Hoang' →
    'Hoang'); otherwise the first name. Notes that open with one part of the name ('duc; ML
    eng', 'sato-san; prof') say which part the member uses."""
    handle = re.match(r"\s*@[\w.-]+\s*\(((?!(?:maintainer|admin|mod|moderator|owner|dev|founder|recruiter|hr|boss|"
                      r"manager|organi[sz]er|host|landlord|teacher|coach|seller|buyer)\b)[^\W\d_][\w'’ -]*)\)\s*$",
                      contact_name or "", re.IGNORECASE)
    if handle:  # "@hollowbyte (Marta)": the name, not the handle (never "@lunaverse (maintainer)")
        contact_name = handle[1]
    if (named := re.fullmatch(r"\s*([A-Z][\w'’-]+)\s*/\s*@[\w.-]+\s*(?:\([^()]*\))?\s*", contact_name or "")):
        return named[1]  # "Dana / @quiltwitch": her name, then her handle
    # "BarnFinds_Dave": the name after a handle's word; "Mary_Ann": a name with a join in it
    joined = re.fullmatch(r"\s*@?([a-zA-Z]+)_([a-zA-Z]+)\s*(?:\([^()]*\))?\s*", contact_name or "")
    if joined is not None and not re.fullmatch(r"x+", joined[1], re.IGNORECASE):
        first, second = joined[1], joined[2]
        if re.search(r"[a-z][A-Z]", first) and second[:1].isupper() and second[1:].islower() \
                and second.lower() not in _HANDLE_WORDS:
            return second  # "BarnFinds_Dave": a handle's word, then the name
    if re.search(r"\bname\s*\?|\bname ends\b|\bdid\s*n'?t (?:catch|get) (?:his|her|their|the)? ?name\b",
                 contact_name or "", re.IGNORECASE):
        return "there"  # "ETH poster guy (name?)": the member doesn't know it
    if (labelled := _labelled_name(contact_name or "")) is not None:
        return labelled  # "parkrun volunteer, Moira", "choir — alto w the glasses (Marguerite)": the name by the label
    raw = re.sub(r"\s+", " ", re.sub(r"\s*\([^()]*\)", "", contact_name or "")).strip()  # "Kim Seoyeon (MOLIT)"
    described = raw.split(" ")
    if len(described) >= 2 and described[-1].lower() in ("guy", "girl", "man", "woman", "lady", "dude", "bloke",
                                                          "chap", "fella", "person") \
            and described[0].isupper() and 1 < len(described[0]) <= 4:
        return "there"  # "ETH poster guy": a badge and a description, no name ("sam the bike guy" is Sam)
    if (last_first := re.fullmatch(r"([A-Z][^\W\d_'’-]+(?:-[A-Z][^\W\d_]+)?), ([A-Z][^\W\d_'’-]+)", raw)) is not None:
        return last_first[2]  # "Ferguson, Ailsa": the directory's order, family name first
    raw = raw.split(",")[0].strip()  # "Jessica Ko, VP Ops @ Brightline": who she is, after the comma
    raw = re.split(r"\s+[-–—]\s+", raw)[0]  # "Mr. Adebayo - school gov": who he is, after the dash
    raw = re.sub(r"^(?:apologi[sz]e to|say sorry to|thank|call|email|text|ping|ask|remind|chase|msg|message)\s+"
                 r"(?=[A-Z])", "", raw, flags=re.IGNORECASE)  # "apologise to Kenji": a to-do saved as the name
    words = raw.split(" ")
    latin = [w for w in words if re.search(r"[A-Za-zÀ-ɏ]", w) or not re.search(r"[^\W\d_]", w)]
    if latin and len(latin) < len(words):  # "Wang Lei 王磊": the message is in English, so the Latin spelling
        words = latin
    if len(words) >= 3 and words[0].lower() in _RELATIONS and words[1].lower() in ("of", "from"):
        return "there"  # "friend of Ali", "neighbour of the Patels": who they are to someone, no name
    cut = next((i for i, w in enumerate(words) if i and w.lower() in DESCRIBED_BY), None)
    words = words[:cut]  # "Dr Ahmed from the uni outreach team": the name, not the description
    if len(words) >= 2 and re.fullmatch(r"[A-Z][a-z]{1,3}\.", words[0]) and words[0].lower().rstrip(".") not in \
            _TITLE_WORDS:
        words = words[1:]  # "Ing. Rafael Montes", "Lic. Ana Ruiz": a title the coach doesn't know is left out
    owner = next((i for i, w in enumerate(words[:2]) if re.search(r"['’]s$", w, re.IGNORECASE)), None)
    if owner is not None and len(words) > owner + 1 and words[owner + 1].lower() in _RELATIONS:
        words = [w for w in words[owner + 2:] if re.search(r"[^\W\d_]", w)]  # "Jen's mum Carol": "Carol"
        if not words:  # "Nadia's brother": whose relation they are is no name
            return "there"
    raw = " ".join(words)
    contact_name = raw or contact_name
    words = raw.split(" ")
    if len(words) == 1 and words[0][:1].isupper() and notes and (given := re.search(
            rf"\b([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)\s+{re.escape(words[0])}\b", notes)) is not None \
            and given[1].lower().rstrip(".") not in _TITLE_WORDS and given[1].lower() not in _NICKNAME_WORDS:
        return given[1]  # saved as "Halvorsen", the notes say "Ingrid Halvorsen": greeted Ingrid
    if len(words) >= 2 and words[-1].lower() in ("san", "sama", "sensei"):  # "Hiroshi san": the honorific stays
        return f"{greeting_name(' '.join(words[:-1]), notes)}-{words[-1].lower()}"
    if len(words) >= 2 and words[0].lower() in _NICKNAME_WORDS:  # "Big Dave" is greeted "Dave"
        words = words[1:]
        contact_name = " ".join(words)
    titles = [w for w in words if w.lower().rstrip(".") in _TITLE_WORDS]
    rest = [w for w in words if w.lower().rstrip(".") not in _TITLE_WORDS]
    if titles and len(rest) >= 2:
        rest = [w for w in rest if len(w.rstrip(".")) > 1] or rest  # "Prof. H. Oyelaran-Smith": no initial
    for title, part in _TITLE_IN_NOTES.findall(notes or ""):  # "caps on card = surname so Mr Chen"
        if any(_fold(part) == _fold(w) for w in rest):
            return f"{_TITLE_WORDS[title.lower()]} {part}"
    pair = re.fullmatch(r"([A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)? (?:&|and|\+) ([A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)?", raw)
    if pair and not {pair[1].lower(), pair[2].lower()} & _TITLES:  # "Tariq & Leila": a couple, both greeted
        return f"{pair[1]} and {pair[2]}"
    if re.match(r"(?:unknown|unsure|no name|not sure|\?+)(?:\W|$)", raw, re.IGNORECASE):
        return "there"  # "unknown - blue jacket": no name to greet them by
    given = _name_note(_GIVEN_NOTE, notes)  # "Lan is her given name": the name they're greeted by
    if given and len(rest) >= 2 and (part := given[1] or given[2]) and any(_fold(part) == _fold(w) for w in rest):
        return next(w for w in rest if _fold(w) == _fold(part))
    family = _name_note(_FAMILY_NOTE, notes)  # "Lee = family name": written first, so the whole name
    if family and len(rest) >= 2 and not titles and _fold(family[1]) == _fold(rest[0]) \
            and all(_NAME_PART.match(w) for w in rest):
        return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in rest)
    used_as = _USE_NAME.search(notes or "")  # "v formal, use Tanaka-san": the form the notes ask for
    if used_as and any(_fold(w) == _fold(used_as[2]) for w in rest):
        return used_as[1]
    goes_by = _GOES_BY.search(notes or "")
    if goes_by and _fold(goes_by[1]) not in {_fold(w) for w in titles} \
            and goes_by[1].split()[0].lower() not in TIME_WORDS:
        return goes_by[1][:1].upper() + goes_by[1][1:]
    called = re.match(r"\s*([^\W\d_][\w'’]*(?:-(?!san\b)[^\W\d_]+)?)(-san)?(?:\s*[;,.:(-]|(?<=-san)\s)", notes or "")
    if called and len(rest) >= 2 and all(_NAME_PART.match(w) for w in rest):
        used = [w for w in rest if _fold(w) == _fold(called[1])]
        if used and titles:
            return f"{_TITLE_WORDS[titles[0].lower().rstrip('.')]} {used[0]}"
        if used:
            name = used[0] if not used[0].islower() else used[0].capitalize()
            return f"{name}-san" if called[2] else name
    rest = [w.capitalize() if w.isupper() and len(w) > 2 else w for w in rest]  # "CHEN Liang" → "Chen Liang"
    if titles and len(rest) >= 2 and any(w[:1].isupper() for w in rest):
        rest = [w for w in rest if w[:1].isupper()]  # "Mrs Adebayo landlady", "Mrs Kowalczyk downstairs"
    if titles and rest and all(_NAME_PART.match(w) for w in rest):
        title = _TITLE_WORDS[titles[0].lower().rstrip(".")]
        if title in _GIVEN_NAME_TITLES:
            return f"{title} {rest[0]}"
        family_first = len(rest) >= 2 and rest[0].lower() in _FAMILY_FIRST
        return f"{title} {rest[0] if family_first else rest[-1]}"
    if len(rest) == 2 and all(_NAME_PART.match(w) for w in rest) and rest[0].lower() in _HUNGARIAN \
            and rest[1].lower() not in _HUNGARIAN:
        return rest[1] if not rest[1].islower() else rest[1].capitalize()  # "Nagy Eszter": Eszter
    if len(rest) >= 3 and all(_NAME_PART.match(w) for w in rest) and _fold(rest[0]) in _VIETNAMESE_FAMILY \
            and _fold(rest[1]) in _VIETNAMESE_MIDDLE:
        # "Nguyen Van Hoang": a Vietnamese name, family name first, is said by its last part (heldout24–25's readers)
        return rest[-1] if not rest[-1].islower() else rest[-1].capitalize()
    if 2 <= len(rest) <= 3 and all(_NAME_PART.match(w) for w in rest) and (
            rest[0].lower() in _FAMILY_FIRST or any(_KOREAN_GIVEN.match(w) for w in rest[1:])):
        return " ".join(w if not w.islower() else w.capitalize() for w in rest)
    if len(rest) == 2 and all(_NAME_PART.match(w) for w in rest) and len(rest[0]) >= 7 \
            and _SURNAME_END.search(rest[0]) and not _SURNAME_END.search(rest[1]) \
            and _fold(rest[0]) not in _GIVEN_LIKE_SURNAMES:
        return rest[1]  # "Kowalski Marek": a family name by its ending, written first, so the other is his name
    return first_name(contact_name)


# --- the notes' language --------------------------------------------------------------------------------
# Common short words of each language the coach can recognise but not write in; English's own, to compare.
_FUNCTION_WORDS = {
    "Spanish": _words("el la los las del que y en un una por para con se su al lo le mi es está muy pero como más "
                      "me pidió dijo hay tengo quiere"),
    "French": _words("le la les des du que et en un une pour avec se sur au aux il elle est très mais comme plus je "
                     "nous qui pas on m'a j'ai c'est"),
    "German": _words("der die das den dem des und ist ein eine einer mit für von zu nicht auch ich sie er wir auf bei "
                     "hab habe aber noch bis ihm ihr sehr schon"),
    "Portuguese": _words("o a os as do da dos das que e em um uma para com se no na ao é muito mas como mais eu ela "
                         "ele não pra faz pediu dos das ao ano"),
    "Italian": _words("il lo la gli le di del della che e in un una per con si è molto ma come più io lei lui non "
                      "nel mi ha suo sua dato vuole"),
}
_ENGLISH = _words("the a an and to of in for with on at is was i he she they we my our his her their it that this "
                  "but not said asked wants will from about me him them you your")
# short words English shares with the others ("do as planned", "come per invite", "die-hard"): counted for none
_SHARED = _words("a as do no so go come per e o er die mit um lo in me on is i will")


def notes_language(notes: str | None) -> str | None:
    """The language the notes are mostly written in, when it isn't English and is one of a few the coach can
    recognise ("muy maja, trabaja en embedded…" → "Spanish"); None for English and for English mixed with a few
    words of another language ("chai pe baat hui, wants the deck")."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", (notes or "").lower())
    if len(words) < 6:
        return None
    english = sum(w in _ENGLISH and w not in _SHARED for w in words)
    counts = {lang: sum(w in vocab and w not in _ENGLISH and w not in _SHARED for w in words)
              for lang, vocab in _FUNCTION_WORDS.items()}
    lang, most = max(counts.items(), key=lambda kv: kv[1])
    # German and Dutch notes are mostly nouns: with next to no English, fewer function words say it as well
    enough = most >= 0.15 * len(words) or (lang in ("German", "Dutch") and most >= 5 and english == 0
                                           and most >= 0.08 * len(words))
    return lang if most >= 3 and enough and most > 2 * english else None
