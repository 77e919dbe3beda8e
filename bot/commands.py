"""One grammar for every platform (DESIGN §4): text in, a small frozen command out, or a UsageError.

    /met <who> [at <where>] [-- <notes>] [offer: <what you can offer>] [interests: <a, b>] [#tag ...]
    /review [<who>] <draft>
    /coach sent|replied|moveon|show|draft|forget <who>   ·   /coach snooze <who> [1d|36h|1w]
    /coach purpose <who> send|ask|thank|share|stop|undo|anyway|"in your own words"
    /coach list [stage|#tag]  ·  /coach settings ...  ·  /coach export  ·  /coach help
    /met @ana @ben "Chris Ode" -- <notes>   ·   /coach event "<name>" [until <day>] | end
    /coach note <who> -- <text>
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from difflib import get_close_matches
from enum import Enum

from bot.identity import Actor
from bot.limits import (
    MAX_CHECKIN_DAYS,
    MAX_DISPLAY_NAME,
    MAX_FIELD,
    MAX_NAME,
    MAX_PLATFORM,
    MAX_SNOOZE_DAYS,
    MAX_TAG,
    MAX_TAGS,
    MAX_TEXT,
    MAX_USER_ID,
    MIN_CHECKIN_DAYS,
    name_key,
)
from bot.stages import Stage  # part of the vocabulary: /coach list <stage>


class UsageError(ValueError):
    """A command a member typed that the grammar cannot read; the text is safe to show them."""

    def __init__(self, problem: str, usage: str | None = None, example: str | None = None) -> None:
        self.problem, self.usage, self.example = problem, usage, example
        super().__init__(self.text)

    @property
    def text(self) -> str:
        lines = [self.problem]
        if self.usage:
            lines.append(f"Usage: {self.usage}")
        if self.example:
            lines.append(f"Example: {self.example}")
        return "\n".join(lines)


class Checked:
    """A command that checks itself when built: whatever builds it (the text grammar, Slack's form,
    Discord's options or modal) gets the same UsageError for the same input, and a command that exists
    holds only what the store may keep. The parser's own output passes unchanged."""

    def __post_init__(self) -> None:
        _check_fields(self)


@dataclass(frozen=True)
class Who:
    """Whoever a command is about: a platform member (user_id) or anyone else, by name. The name is
    folded and checked as the grammar reads names; `person()` does the same with a usage line."""

    name: str
    user_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", name_text(self.name, None))
        if self.user_id is not None:
            object.__setattr__(self, "user_id", valid_user_id(self.user_id, None))


@dataclass(frozen=True)
class Met(Checked):
    who: Who
    where: str | None = None
    notes: str | None = None
    tags: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    offer: str | None = None


@dataclass(frozen=True)
class AddDetails(Met):
    """More about someone just recorded (a form's *Add details*): /met's fields, added to the contact
    without logging another meeting; for a contact that does not exist yet it is simply a /met."""

    def as_met(self) -> Met:
        return Met(self.who, self.where, self.notes, self.tags, self.interests, self.offer)


@dataclass(frozen=True)
class MetMany(Checked):
    """Several people met together (`/met @ana @ben "Chris Ode" -- talked about eBPF`): each is recorded as
    by /met, with the same place, notes, tags, interests and offer."""

    people: tuple[Who, ...]
    where: str | None = None
    notes: str | None = None
    tags: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    offer: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        seen: dict[str, Who] = {}
        for who in self.people:
            seen.setdefault(who.user_id or name_fold(who.name), who)
        unique = tuple(seen.values())
        if len(unique) > MAX_PEOPLE:
            raise UsageError(f"Up to {MAX_PEOPLE} people in one /met; record the rest in another.", *USAGE["met"])
        if not unique:
            raise UsageError("Tell me who you met.", *USAGE["met"])
        object.__setattr__(self, "people", unique)

    def each(self) -> tuple[Met, ...]:
        return tuple(Met(who, self.where, self.notes, self.tags, self.interests, self.offer) for who in self.people)


@dataclass(frozen=True)
class StartEvent(Checked):
    """/coach event "KubeCon EU" until fri: a conference on until the end of that day (member-local); `until`
    is the day as typed (today, tomorrow, a weekday, or YYYY-MM-DD), resolved by the handler, which knows
    the member's today. None: today only."""

    name: str
    until: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.name or not any(ch.isalnum() for ch in self.name):
            raise UsageError("Name the event.", *USAGE["event"])
        if self.until is not None:
            check_day_word(self.until)


@dataclass(frozen=True)
class EndEvent:
    """/coach event end: the conference is over (a /met without "at" no longer records it)."""


@dataclass(frozen=True)
class ShowEvent:
    """/coach event: which conference is on, if any."""


@dataclass(frozen=True)
class Review(Checked):
    """A draft to review, about `who` when named. `lead` is a typed draft's first word when it may be a
    contact's bare name (`/review siobhan Hi Sarah, …`): the handler binds it if it is one, and the draft
    is then the rest."""

    draft: str
    who: Who | None = None
    lead: str | None = None


@dataclass(frozen=True)
class AboutContact(Checked):
    """A command about one of the member's contacts."""

    who: Who


class Sent(AboutContact):
    pass


class Replied(AboutContact):
    pass


@dataclass(frozen=True)
class Snooze(AboutContact):
    """`until` (one of SNOOZE_DAYS: tomorrow, a weekday, next week) is a day at the start of the member's
    working hours, which the handler turns into a delay on their calendar; otherwise `delay`."""

    delay: timedelta = timedelta(days=1)
    until: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        check_snooze(self.delay)
        if self.until is not None and self.until not in SNOOZE_DAYS:
            raise UsageError(f"I can't snooze until {self.until[:20]!r}. {SNOOZE_RANGE}", *USAGE["snooze"])


class MoveOn(AboutContact):
    pass


@dataclass(frozen=True)
class Note(AboutContact):
    """/coach note <who> -- <text>: a note added to a contact, no meeting logged (the recap's *Add a note*)."""

    text: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.text:
            raise UsageError("What should I note?", *USAGE["note"])


class Show(AboutContact):
    pass


class UndoMet(AboutContact):
    """/coach undo <who>: take back the meeting the latest /met logged on a contact met before."""


class Draft(AboutContact):
    pass


@dataclass(frozen=True)
class Forget(AboutContact):
    """Delete one contact; without `confirmed` it only asks (with a button), as delete-my-data does."""

    confirmed: bool = False


PURPOSE_CHOICES = ("send", "ask", "thank", "share", "stop")
PURPOSE_WORDS = {"send": "send", "deliver": "send", "promised": "send", "promise": "send", "ask": "ask",
                 "question": "ask", "thank": "thank", "thanks": "thank", "share": "share", "stop": "stop",
                 "none": "stop", "dont": "stop", "don't": "stop", "no": "stop", "nothing": "stop",
                 "undo": "undo", "clear": "clear", "reset": "clear", "anyway": "anyway"}
PURPOSE_NUMBERS = dict(zip("12345", PURPOSE_CHOICES, strict=True))


@dataclass(frozen=True)
class Purpose(AboutContact):
    """What messages to a contact are for: one of PURPOSE_CHOICES, "undo" (take back "stop"), "clear"
    (forget the answer), or the member's own words (`answer` then holds them, `free` is True)."""

    answer: str = "clear"
    free: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.free and self.answer not in (*PURPOSE_CHOICES, "undo", "clear", "anyway"):
            raise UsageError(f"{self.answer[:30]!r} isn't one of the answers I know.", *USAGE["purpose"])
        if self.free and len(self.answer) > MAX_PURPOSE:
            raise UsageError(f"Keep what it's for under {MAX_PURPOSE} characters.", *USAGE["purpose"])


MAX_PURPOSE = 200


@dataclass(frozen=True)
class ListContacts(Checked):
    stage: Stage | None = None
    tag: str | None = None


@dataclass(frozen=True)
class ChangeSettings(Checked):
    """/coach settings: `key` None shows them; otherwise one setting and its value, checked here (the
    timezone's name is resolved by the handler, which knows the zones)."""

    key: str | None = None
    value: str | int | tuple[int, int] | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        check_setting(self.key, self.value)


@dataclass(frozen=True)
class Export:
    pass


@dataclass(frozen=True)
class Digest:
    """This week's digest, now."""


@dataclass(frozen=True)
class DeleteMyData:
    """Erase everything of the member; without `confirmed` it only asks (with a button)."""

    confirmed: bool = False


@dataclass(frozen=True)
class Help(Checked):
    topic: str | None = None


LINK_CODE = re.compile(r"[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}")


@dataclass(frozen=True)
class Link:
    """`/coach link`: a one-time code for this account; `/coach link <code>`: join the account that asked
    for it (after it allows); `answer` "allow"/"deny" answers such a request where there are no buttons."""

    code: str | None = None
    answer: str | None = None

    def __post_init__(self) -> None:
        if self.code is not None and not LINK_CODE.fullmatch(self.code):
            raise UsageError("A link code looks like ABCDE-FGHJK.", *USAGE["link"])
        if self.answer not in (None, "allow", "deny"):
            raise UsageError("Answer a link request with allow or deny.", *USAGE["link"])


@dataclass(frozen=True)
class Unlink:
    """`/coach unlink`: separate this account from the ones linked to it; without `confirmed` it only asks."""

    confirmed: bool = False


@dataclass(frozen=True)
class Merge(Checked):
    """`/coach merge <a> <b>`: two contacts that are one person become one (`keep` stays, `other` joins it)."""

    keep: Who
    other: Who


Command = (
    Met | AddDetails | Review | Sent | Replied | Snooze | MoveOn | Show | Draft | Forget | ListContacts
    | ChangeSettings | Export | Help | DeleteMyData | Digest | MetMany | StartEvent | EndEvent | ShowEvent | Note
    | Purpose | Link | Unlink | Merge | UndoMet
)
MAX_PEOPLE = 30  # people in one /met
DELIVER_TO = ("slack", "discord", "console", "auto")
DAY_MINUTES = 24 * 60  # working hours are minutes since midnight, up to the end of the day

# the one way snooze is documented (help, README, DESIGN)
SNOOZE_USAGE = "/coach snooze <who> [1d|36h|1w|tomorrow|monday|next week]"
USAGE = {
    "met": ("/met <who> [at <where>] [-- <notes>] [offer: <what you can offer>] [interests: <a, b>] [#tag ...]",
            "/met @jane at PyCon -- talked about onboarding metrics offer: our survey template "
            "interests: rust, climbing #python"),
    "review": ("/review [<who>] <your draft>",
               '/review "Jane Doe" Hi Jane, great to meet you at PyCon ...'),
    "sent": ("/coach sent <who>", '/coach sent "Jane Doe"'),
    "replied": ("/coach replied <who>", '/coach replied "Jane Doe"'),
    "snooze": (SNOOZE_USAGE, '/coach snooze "Jane Doe" tomorrow'),
    "moveon": ("/coach moveon <who>", '/coach moveon "Jane Doe"'),
    "show": ("/coach show <who>", '/coach show "Jane Doe"'),
    "draft": ("/coach draft <who>", '/coach draft "Jane Doe"'),
    "forget": ("/coach forget <who> [confirm]", '/coach forget "Jane Doe"'),
    "undo": ("/coach undo <who>", '/coach undo "Jane Doe"'),
    "purpose": ('/coach purpose <who> send|ask|thank|share|stop|undo|anyway|"in your own words"',
                '/coach purpose "Jane Doe" "ask about their pricing"'),
    "list": ("/coach list [new|waiting|followed_up|final|moved_on|in_touch|#tag]", "/coach list waiting"),
    "settings": ("/coach settings [tz <zone>|hours <start-end>|days <mon-fri>|checkins <days>|digest on|off|"
                 "model on|off|deliver slack|discord|pause|resume]",
                 "/coach settings tz Europe/Berlin"),
    "export": ("/coach export", "/coach export"),
    "digest": ("/coach digest", "/coach digest"),
    "delete-my-data": ("/coach delete-my-data", "/coach delete-my-data"),
    "help": ("/coach help", "/coach help"),
    "coach": ("/coach <what> [<who>] — /coach help lists them", '/coach draft "Jane Doe"'),
    "event": ('/coach event "<name>" [until <today|tomorrow|mon…sun|YYYY-MM-DD>]  ·  /coach event end',
              '/coach event "KubeCon EU" until fri'),
    "note": ("/coach note <who> -- <what to remember>", '/coach note "Chris Ode" -- wants the eBPF slides'),
    "link": ("/coach link  ·  /coach link <code>  ·  /coach link allow|deny", "/coach link K7QM2-XW9PD"),
    "unlink": ("/coach unlink [confirm]", "/coach unlink"),
    "merge": ("/coach merge <who> <who>", '/coach merge "Jane Doe" "Jane Doe (2)"'),
}
WhoVerb = Sent | Replied | MoveOn | Show | Draft | Forget | UndoMet
WHO_VERBS: dict[str, type[WhoVerb]] = {"sent": Sent, "replied": Replied, "moveon": MoveOn, "show": Show,
                                       "draft": Draft, "forget": Forget, "undo": UndoMet}
VERB_ALIASES = {"move-on": "moveon", "move_on": "moveon", "reply": "replied", "send": "sent", "ls": "list",
                "delete": "forget", "settings": "settings", "setting": "settings", "?": "help"}
SLASH_COMMANDS = ("met", "review", "coach")
COACH_VERBS = (*WHO_VERBS, "snooze", "list", "settings", "export", "digest", "delete-my-data", "help")
STAGE_ALIASES = {"followed-up": Stage.FOLLOWED_UP, "followedup": Stage.FOLLOWED_UP, "moved-on": Stage.MOVED_ON,
                 "movedon": Stage.MOVED_ON, "in-touch": Stage.IN_TOUCH, "intouch": Stage.IN_TOUCH,
                 "replied": Stage.IN_TOUCH, "last": Stage.FINAL}

_MENTION = re.compile(r"<@!?([A-Za-z0-9]+)(?:\|([^>]*))?>")
_HANDLE = re.compile(r"@([\w.\-]+)")
# A quoted name: "…" or “…”, or '…' whose closing quote ends a word, so "Siobhán O'Neill" and
# 'Siobhán O'Neill' both keep their apostrophe.
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]|'(\S.*?)'(?=\s|$)")
_UNITS = {"m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m", "h": "h", "hr": "h", "hrs": "h",
          "hour": "h", "hours": "h", "d": "d", "day": "d", "days": "d", "w": "w", "wk": "w", "wks": "w",
          "week": "w", "weeks": "w"}
_DURATION = re.compile(rf"^(\d{{1,4}})\s*({'|'.join(sorted(_UNITS, key=len, reverse=True))})$", re.IGNORECASE)
# What a member may try as a duration that the coach does not take: a trailing "5 years", "2 months", "30s".
_DURATION_LIKE = re.compile(r"^(.*?)\s*\b(\d{1,6}(?:[.,]\d+)?\s*(?:y|yrs?|years?|mo|mos|months?|s|secs?|seconds?|"
                            r"m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|fortnights?))$", re.IGNORECASE)
_TAG = re.compile(r"(?:^|\s)#([\w\-]+)")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]{0,40}")
_SPACES = re.compile(r"\s+")
# Characters no field may hold: NUL and the other C0/C1 controls (tab, newline and carriage return are
# spacing, allowed), and lone surrogates (not text; PostgreSQL cannot store them, nor NUL).
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_USER_ID = re.compile(rf"[A-Za-z0-9]{{1,{MAX_USER_ID}}}")
CONTROL_PROBLEM = "That has control characters (such as NUL) I can't store. Type it again without them."
_FIELD = re.compile(r"(?:^|(?<=\s))(offer|interests?)\s*:", re.IGNORECASE)
_LIST = re.compile(r"[,;\n]")


def parse_line(line: str) -> Command:
    """Parse a whole line as typed in the console: `/met jane at PyCon`. A line that starts with a
    command's word but no slash (`list`, `coach list`, `met jane`) is read as that command."""
    line = _clean(line)
    if not line:
        raise UsageError("Type a command; /coach help lists them.", *USAGE["help"])
    if not line.startswith("/"):
        word = line.partition(" ")[0].lower()
        if word in SLASH_COMMANDS:
            line = f"/{line}"
        elif VERB_ALIASES.get(word, word) in COACH_VERBS:
            line = f"/coach {line}"
        else:
            raise UsageError("Commands start with a slash; /coach help lists them.", *USAGE["met"])
    head, _, rest = line.partition(" ")
    return parse(head, rest)


def parse(command: str, text: str) -> Command:
    """Parse a slash command and its text, as Slack and the console deliver them."""
    name = command.strip().lstrip("/").lower()
    text = _clean(text)
    if name == "met":
        return parse_met(text)
    if name == "review":
        return parse_review(text)
    if name == "coach":
        return parse_coach(text)
    guess = nearest(name, (*SLASH_COMMANDS, *COACH_VERBS))
    if guess is None:
        raise UsageError(f"I don't know the command /{name[:30]}. /coach help lists what I can do.")
    typed = f"/{guess}" if guess in SLASH_COMMANDS else f"/coach {guess}"
    raise UsageError(f"I don't know the command /{name[:30]}. Did you mean {typed}?", *USAGE[guess])


def nearest(word: str, words: tuple[str, ...]) -> str | None:
    """The command word closest to a typo (`snoze` → snooze, `lsit` → list, `meet` → met), or None."""
    close = get_close_matches(word.lower()[:40], words, n=1, cutoff=0.6)
    return close[0] if close else None


def parse_met(text: str) -> Met | MetMany:
    if not text:
        raise UsageError("Tell me who you met.", *USAGE["met"])
    tags = tuple(dict.fromkeys(tag.lower() for tag in _TAG.findall(text)))
    text = _TAG.sub(" ", text).strip()
    check_tags(tags)
    text, offer, interests = _take_fields(text)
    if not text:
        raise UsageError("Tell me who you met.", *USAGE["met"])
    body, sep, notes = text.partition(" -- ")
    if not sep and body.endswith(" --"):
        body = body[:-3]
    if body.startswith("-- ") or body.lower().startswith("at "):
        raise UsageError("Tell me who you met before the notes.", *USAGE["met"])
    if body.lower().endswith(" at"):
        raise UsageError("Where did you meet? Put the place after 'at'.", *USAGE["met"])
    who, rest = _take_who(body, stops=(" at ",), usage="met")
    people = [who]
    while (more := _next_person(rest)) is not None:
        who, rest = _take_who(more, stops=(), usage="met", single=True)
        people.append(who)
    rest = rest.strip()
    where: str | None = None
    if rest:
        if not rest.lower().startswith("at "):
            raise UsageError(f"I couldn't read {rest[:40]!r}: put the place after 'at'.", *USAGE["met"])
        where = rest[3:].strip() or None
    if where and len(where) > MAX_FIELD:
        raise UsageError(f"Keep the place under {MAX_FIELD} characters.", *USAGE["met"])
    if len(people) > 1:
        return MetMany(people=tuple(people), where=where, notes=notes.strip() or None, tags=tags,
                       interests=interests, offer=offer)
    return Met(who=who, where=where, notes=notes.strip() or None, tags=tags, interests=interests, offer=offer)


_SEPARATOR = re.compile(r"^\s*(?:,|&|\+|and\b)?\s*", re.IGNORECASE)


def _next_person(rest: str) -> str | None:
    """After a mention, an @handle or a quoted name: the text from the next one on (separated by spaces,
    a comma, `&` or `and`), or None when the place, the notes or nothing follows. Bare words name one
    person only (they run to ` at `), so every one-person /met reads as it always did."""
    text = _SEPARATOR.sub("", rest, count=1)
    if text and (_MENTION.match(text) or _HANDLE.match(text) or _QUOTED.match(text)):
        return text
    return None


def parse_people(text: str, usage: str = "met") -> tuple[Who, ...]:
    """More people as a form or an option lists them: mentions, @handles, "quoted names", or plain names
    separated by commas (`@ana, "Chris Ode", Ben Lee`)."""
    people: list[Who] = []
    rest = text.strip()
    while rest:
        who, rest = _take_who(rest, stops=(",", ";"), usage=usage)
        people.append(who)
        rest = re.sub(r"^\s*(?:[,;&+]|and\b)?\s*", "", rest, count=1, flags=re.IGNORECASE)
        if len(people) > MAX_PEOPLE:
            raise UsageError(f"Up to {MAX_PEOPLE} people in one /met; record the rest in another.", *USAGE[usage])
    return tuple(people)


def name_fold(name: str) -> str:
    """A name as two mentions of one person compare: case and spacing folded."""
    return " ".join(name.casefold().split())


def _take_fields(text: str) -> tuple[str, str | None, tuple[str, ...]]:
    """Split `offer: …` and `interests: a, b` off a /met line; each runs to the next field or the end.
    Returns the rest of the line, the offer and the interests."""
    quoted = _QUOTED.match(text) or _MENTION.match(text)  # a quoted name may hold "offer:" itself
    found = list(_FIELD.finditer(text, quoted.end() if quoted else 0))
    if not found:
        return text, None, ()
    rest = [text[: found[0].start()]]
    values: dict[str, str] = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        value, sep, notes = text[match.end():end].partition(" -- ")
        if sep:  # notes written after a field still count as notes
            rest.append(f" -- {notes}")
        key = "offer" if match[1].lower() == "offer" else "interests"
        if key in values:
            raise UsageError(f"Give '{key}:' only once.", *USAGE["met"])
        values[key] = value.strip()
        if not values[key]:
            raise UsageError(f"Put something after '{key}:', or leave it out.", *USAGE["met"])
    offer = values.get("offer")
    if offer is not None and len(offer) > MAX_FIELD:
        raise UsageError(f"Keep what you can offer under {MAX_FIELD} characters.", *USAGE["met"])
    interests = parse_interests(values["interests"]) if "interests" in values else ()
    return "".join(rest).strip(), offer, interests


def parse_interests(text: str | None) -> tuple[str, ...]:
    """`rust, climbing; C#` → ('rust', 'climbing', 'C#'): shared interests as every platform takes them."""
    interests = tuple(dict.fromkeys(i.strip() for i in _LIST.split(text or "") if i.strip()))
    if text and text.strip() and not interests:
        raise UsageError("List interests separated by commas.", *USAGE["met"])
    if len(interests) > MAX_TAGS or any(len(i) > 2 * MAX_TAG for i in interests):
        raise UsageError(f"Up to {MAX_TAGS} short interests, separated by commas.", *USAGE["met"])
    return checked_words(interests, "met", "interests", 2 * MAX_TAG)


def parse_review(text: str) -> Review:
    if not text:
        raise UsageError("Paste the draft you want me to look at.", *USAGE["review"])
    who: Who | None = None
    mention = _MENTION.match(text) or _HANDLE.match(text)
    quoted = _QUOTED.match(text)
    if mention or quoted:
        candidate, rest = _take_who(text, stops=(), usage="review", single=True)
        if rest.strip():
            who, text = candidate, rest.strip()
        return Review(draft=text, who=who)
    first, _, rest = text.partition(" ")
    lead = first if rest.strip() and _NAME_WORD.fullmatch(first) else None  # "Hi," or "Jane," is a greeting
    return Review(draft=text, lead=lead)


def parse_coach(text: str) -> Command:
    verb, _, rest = text.partition(" ")
    verb = VERB_ALIASES.get(verb.lower(), verb.lower())
    rest = rest.strip()
    if verb in ("", "help"):
        return Help(rest or None)
    if verb == "forget" and rest.lower().endswith(" confirm"):
        who, extra = _take_who(rest[: -len(" confirm")], stops=(), usage=verb)
        if extra.strip():
            raise UsageError(f"I didn't expect {extra.strip()[:40]!r} there.", *USAGE[verb])
        return Forget(who, confirmed=True)
    if verb in WHO_VERBS:
        who, extra = _take_who(rest, stops=(), usage=verb)
        if extra.strip():
            raise UsageError(f"I didn't expect {extra.strip()[:40]!r} there.", *USAGE[verb])
        return WHO_VERBS[verb](who)
    if verb == "snooze":
        return _parse_snooze(rest)
    if verb in ("purpose", "for", "aim"):
        return parse_purpose(rest)
    if verb == "list":
        return _parse_list(rest)
    if verb == "settings":
        return parse_settings(rest)
    if verb == "export":
        return Export()
    if verb == "event":
        return parse_event(rest)
    if verb == "note":
        return _parse_note(rest)
    if verb == "link":
        word = rest.lower()
        if word in ("allow", "deny"):
            return Link(answer=word)
        return Link(code=re.sub(r"\s+", "", rest) or None)  # "K7QM2 XW9PD" as typed from a phone
    if verb == "unlink":
        if rest.lower() not in ("", "confirm"):
            raise UsageError(f"I didn't expect {rest[:40]!r} there.", *USAGE["unlink"])
        return Unlink(confirmed=rest.lower() == "confirm")
    if verb == "merge":
        keep, extra = _take_who(rest, stops=(), usage="merge", single=True)
        other, extra = _take_who(extra, stops=(), usage="merge")
        if extra.strip():
            raise UsageError(f"I didn't expect {extra.strip()[:40]!r} there.", *USAGE["merge"])
        return Merge(keep, other)
    if verb == "digest":
        if rest:
            raise UsageError(f"I didn't expect {rest[:40]!r} there.", *USAGE["digest"])
        return Digest()
    if verb in ("delete-my-data", "deletemydata", "delete_my_data"):
        if rest.lower() not in ("", "confirm"):
            raise UsageError(f"I didn't expect {rest[:40]!r} there.", *USAGE["delete-my-data"])
        return DeleteMyData(confirmed=rest.lower() == "confirm")
    guess = nearest(verb, COACH_VERBS)
    if guess is None:
        raise UsageError(f"I don't know '/coach {verb[:30]}'. /coach help lists what I can do.")
    raise UsageError(f"I don't know '/coach {verb[:30]}'. Did you mean /coach {guess}?", *USAGE[guess])


DAY_WORDS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2, "wednesday": 2,
             "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5,
             "sun": 6, "sunday": 6}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_EVENT_DAYS = 14  # an event longer than two weeks is not a conference day


def parse_event(text: str) -> StartEvent | EndEvent | ShowEvent:
    """`"KubeCon EU" until fri`, `KubeCon EU until 2026-12-11`, `KubeCon EU` (today only), `end`, or nothing."""
    text = text.strip()
    if not text:
        return ShowEvent()
    if text.lower() in ("end", "stop", "off", "over", "done"):
        return EndEvent()
    if match := _QUOTED.match(text):
        name, rest = (match[1] or match[2]).strip(), text[match.end():].strip()
    else:
        cut = re.search(r"(?:^|\s)until\b", text, re.IGNORECASE)
        name, rest = (text[:cut.start()], text[cut.start():]) if cut else (text, "")
        name, rest = name.strip(), rest.strip()
    until: str | None = None
    if rest:
        word, _, day = rest.partition(" ")
        if word.lower() != "until" or not day.strip():
            raise UsageError(f"I couldn't read {rest[:40]!r}: put the last day after 'until'.", *USAGE["event"])
        until = day.strip()
    if not name:
        raise UsageError("Name the event.", *USAGE["event"])
    if len(name) > MAX_FIELD:
        raise UsageError(f"Keep the event's name under {MAX_FIELD} characters.", *USAGE["event"])
    return StartEvent(name=name, until=until)


def check_day_word(word: str) -> str:
    """A last day as a member types it: today, tomorrow, a weekday (mon … sunday) or YYYY-MM-DD."""
    folded = word.strip().lower()
    if folded in ("today", "tonight", "tomorrow") or folded in DAY_WORDS:
        return folded
    if _ISO_DAY.fullmatch(folded):
        try:
            date.fromisoformat(folded)
            return folded
        except ValueError:
            pass
    raise UsageError(f"I can't read {word.strip()[:30]!r} as a day: say today, tomorrow, a weekday (fri) or "
                     "a date (2026-12-11).", *USAGE["event"])


def resolve_day(word: str | None, today: date) -> date:
    """The last day `word` names, seen from the member's `today`: a weekday is the next one (today if it
    is that day); a date in the past, or more than MAX_EVENT_DAYS ahead, is refused."""
    folded = check_day_word(word) if word is not None else "today"
    if folded in ("today", "tonight"):
        day = today
    elif folded == "tomorrow":
        day = today + timedelta(days=1)
    elif folded in DAY_WORDS:
        day = today + timedelta(days=(DAY_WORDS[folded] - today.weekday()) % 7)
    else:
        day = date.fromisoformat(folded)
    if day < today:
        raise UsageError(f"{day.isoformat()} has passed; give today or a day ahead.", *USAGE["event"])
    if day > today + timedelta(days=MAX_EVENT_DAYS - 1):
        raise UsageError(f"An event runs at most {MAX_EVENT_DAYS} days; give an earlier last day.", *USAGE["event"])
    return day


def _parse_note(text: str) -> Note:
    """`<who> -- <text>`, or `<one-word, @handle, mention or "quoted" who> <text>`."""
    body, sep, note = text.partition(" -- ")
    if sep:
        who, extra = _take_who(body, stops=(), usage="note")
        if extra.strip():
            raise UsageError(f"I didn't expect {extra.strip()[:40]!r} there.", *USAGE["note"])
    else:
        if not text.strip():
            raise UsageError("Tell me who.", *USAGE["note"])
        who, note = _take_who(text, stops=(), usage="note", single=True)
    return Note(who=who, text=note.strip())


_TRAILING_QUOTE = re.compile(r"\s[\"“]([^\"“”]+)[\"”]\s*$")


def parse_purpose(text: str) -> Purpose:
    """`<who> thank`, `<who> 2` (the question's second choice), `<who> undo`, or `<who> "in your own words"`."""
    text = text.strip()
    if not text:
        raise UsageError("Tell me who, and what the message is for.", *USAGE["purpose"])
    free = _TRAILING_QUOTE.search(" " + text)
    if free is not None and free.start() > 0:
        who, extra = _take_who(text[: free.start() - 1], stops=(), usage="purpose")
        if extra.strip():
            raise UsageError(f"I didn't expect {extra.strip()[:40]!r} there.", *USAGE["purpose"])
        words = " ".join(free[1].split())
        if not words:
            raise UsageError("Say what the message is for.", *USAGE["purpose"])
        return Purpose(who, words, free=True)
    head, _, last = text.rpartition(" ")
    word = last.lower().strip(".!")
    answer = PURPOSE_NUMBERS.get(word) or PURPOSE_WORDS.get(word)
    if not head.strip() or answer is None:
        raise UsageError("Say what the message is for: send, ask, thank, share or stop — or your own words in "
                         "quotes.", *USAGE["purpose"])
    who, extra = _take_who(head, stops=(), usage="purpose")
    if extra.strip():
        raise UsageError(f"I didn't expect {extra.strip()[:40]!r} there.", *USAGE["purpose"])
    return Purpose(who, answer)


def parse_settings(text: str) -> ChangeSettings:
    key, _, value = text.partition(" ")
    key, value = key.lower(), value.strip()
    if not key:
        return ChangeSettings()
    if key in ("pause", "resume"):
        return ChangeSettings(key=key)
    if key in ("tz", "timezone"):
        return ChangeSettings(key="tz", value=value)
    if key == "hours":
        return ChangeSettings(key="hours", value=parse_hours(value))
    if key in ("days", "workdays", "working-days"):
        return ChangeSettings(key="days", value=parse_days(value))
    if key in ("checkins", "checkin", "check-ins"):
        if not re.fullmatch(r"[0-9]{1,4}", value):
            raise UsageError("Give the check-in interval in days.", "/coach settings checkins <days>",
                             "/coach settings checkins 60")
        return ChangeSettings(key="checkins", value=int(value))
    if key == "digest":
        return ChangeSettings(key="digest", value=value.lower())
    if key in ("model", "llm"):
        return ChangeSettings(key="model", value=value.lower())
    if key == "deliver":
        return ChangeSettings(key="deliver", value=value.lower())
    raise UsageError(f"There is no setting called {key[:30]!r}.", *USAGE["settings"])


HOURS_USAGE = ("/coach settings hours <start-end>",
               "/coach settings hours 9am-5pm   (or 9-17, 10:00-18:30, 9:30am-6pm)")
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?\.?m?\.?"
_HOURS = re.compile(rf"{_CLOCK}\s*(?:-|–|—|to|until|till)\s*{_CLOCK}", re.IGNORECASE)
DAYS_USAGE = ("/coach settings days <first-last or a list>", "/coach settings days mon-fri   (or sun-thu, mon,wed,fri)")


def parse_hours(text: str) -> tuple[int, int]:
    """`9-17`, `09:00-17:00`, `10:00-18:30`, `9am-5pm`, `9:30am-6pm`, `9 to 5pm` → minutes since midnight,
    (540, 1020) for 9 to 17."""
    match = _HOURS.fullmatch(text.strip())
    if not match:
        raise UsageError("Give working hours as start-end.", *HOURS_USAGE)
    hours, minutes = [], []
    for hour, minute, half in (match.group(1, 2, 3), match.group(4, 5, 6)):
        value = int(hour)
        if minute is not None and int(minute) > 59:
            raise UsageError(f"{hour}:{minute} isn't a time of day.", *HOURS_USAGE)
        if half:  # 12-hour clock: 12am is midnight, 12pm noon
            if not 1 <= value <= 12:
                raise UsageError(f"{hour}{half}m isn't a time on a 12-hour clock.", *HOURS_USAGE)
            value = value % 12 + (12 if half.lower() == "p" else 0)
        hours.append(value)
        minutes.append(int(minute or 0))
    start, end = hours
    if end == 0 and minutes[1] == 0 and (start, minutes[0]) > (0, 0):
        end = 24  # "to midnight"
    if end < start and match[6] is None and start < 12 and end < 12 and match[3] is not None:
        end += 12  # "9am-5" reads as 9 to 17
    return start * 60 + minutes[0], end * 60 + minutes[1]


def parse_days(text: str) -> str:
    """`mon-fri`, `sun-thu`, `mon,wed,fri`, `Monday to Friday` → "01234" (Monday is 0), in week order."""
    days: list[int] = []
    ranged = re.sub(r"\s*(?:-|–|\bto\b|\bthrough\b|\btill\b)\s*", "-", text.strip().lower())
    for part in re.split(r"[\s,;/&]+(?:and\s+)?", ranged):
        if not part or part == "and":
            continue
        first, dash, last = part.partition("-")
        start, end = _weekday(first), _weekday(last) if dash else None
        if start is None or (dash and end is None):
            raise UsageError(f"I couldn't read {part[:30]!r} as days of the week.", *DAYS_USAGE)
        if end is None:
            days.append(start)
        else:  # a range may wrap the weekend: sun-thu
            days += [(start + step) % 7 for step in range((end - start) % 7 + 1)]
    if not days:
        raise UsageError("Which days do you work?", *DAYS_USAGE)
    return "".join(str(day) for day in sorted(set(days)))


def _weekday(word: str) -> int | None:
    word = word.strip().rstrip(".")
    if len(word) < 2:
        return None
    found = [index for index, day in enumerate(WEEKDAYS) if day.startswith(word[:3]) and day.startswith(word[:9])]
    return found[0] if len(found) == 1 else None


def check_setting(key: str | None, value: object) -> None:
    """The rules of /coach settings, whoever builds the command (typed text, Discord's options)."""
    if key is None or key in ("pause", "resume"):
        return
    if key == "tz":
        if not isinstance(value, str) or not value.strip():
            raise UsageError("Which timezone?", *USAGE["settings"])
        return
    if key == "hours":  # minutes since midnight
        start, end = value if isinstance(value, tuple) and len(value) == 2 else (-1, -1)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= DAY_MINUTES):
            raise UsageError("Working hours need a start before the end, between 00:00 and 24:00.",
                             "/coach settings hours <start-end>", "/coach settings hours 8-16")
        return
    if key == "days":
        if not (isinstance(value, str) and value and set(value) <= set("0123456") and len(set(value)) == len(value)):
            raise UsageError("Working days are days of the week.", *DAYS_USAGE)
        return
    if key == "checkins":
        if not isinstance(value, int) or isinstance(value, bool) or not MIN_CHECKIN_DAYS <= value <= MAX_CHECKIN_DAYS:
            raise UsageError(f"Check-ins can be every {MIN_CHECKIN_DAYS} to {MAX_CHECKIN_DAYS} days.",
                             "/coach settings checkins <days>", "/coach settings checkins 60")
        return
    if key == "digest":
        if value not in ("on", "off"):
            raise UsageError("Turn the Monday digest on or off.", "/coach settings digest on|off",
                             "/coach settings digest off")
        return
    if key == "model":
        if value not in ("on", "off"):
            raise UsageError("Turn drafts by your workspace's model on or off.", "/coach settings model on|off",
                             "/coach settings model on")
        return
    if key == "deliver":
        if value not in DELIVER_TO:
            raise UsageError("Say where nudges and the digest go: slack, discord, or auto (where you last used me).",
                             "/coach settings deliver slack|discord|auto", "/coach settings deliver discord")
        return
    raise UsageError(f"There is no setting called {key[:30]!r}.", *USAGE["settings"])


def parse_duration(text: str) -> timedelta:
    """`36h`, `2d`, `1w`, `90m` → timedelta; raises ValueError otherwise."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"not a duration: {text!r}")
    amount, unit = int(match[1]), _UNITS[match[2].lower()]
    unit_delta = {"m": timedelta(minutes=1), "min": timedelta(minutes=1), "h": timedelta(hours=1),
                  "d": timedelta(days=1), "w": timedelta(weeks=1)}[unit]
    return amount * unit_delta


SNOOZE_RANGE = f"A snooze runs from 1 hour to {MAX_SNOOZE_DAYS} days (default 1d)."
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SNOOZE_DAYS = ("tomorrow", "next week", *WEEKDAYS)  # each: that day at the start of working hours
_SNOOZE_DAY = re.compile(r"^(.*?)\s+(?:until\s+|till\s+|on\s+|next\s+(?=[mtwfs]))?"
                         r"(tomorrow|next\s+week|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
                         r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)$", re.IGNORECASE)


def snooze_delay(text: str | None) -> timedelta:
    """A snooze's length as typed (`36h`, `2d`, `1w`, `2 days`; blank is the default day), in range."""
    if not text or not text.strip():
        return timedelta(days=1)
    try:
        delay = parse_duration(text)
    except ValueError:
        raise UsageError(f"{text.strip()[:20]!r} isn't a snooze I can set. {SNOOZE_RANGE}", *USAGE["snooze"]) from None
    check_snooze(delay, text.strip())
    return delay


def check_snooze(delay: timedelta, typed: str | None = None) -> None:
    if not (timedelta(hours=1) <= delay <= timedelta(days=MAX_SNOOZE_DAYS)):
        what = repr(typed[:20]) if typed and not delay else _span_words(delay)  # "0h", never "0 minutes"
        raise UsageError(f"{what} is too {'short' if delay < timedelta(hours=1) else 'long'}. "
                         f"{SNOOZE_RANGE}", *USAGE["snooze"])


def _parse_snooze(text: str) -> Snooze:
    if (day := _SNOOZE_DAY.match(text)) and day[1].strip():
        who, extra = _take_who(day[1], stops=(), usage="snooze")
        if extra.strip():
            raise UsageError(f"I didn't expect {extra.strip()[:40]!r} there.", *USAGE["snooze"])
        return Snooze(who=who, until=_snooze_day(day[2]))
    delay = timedelta(days=1)
    if (match := _DURATION_LIKE.match(text)) and match[1].strip():
        delay = snooze_delay(match[2])
        text = match[1]
    who, extra = _take_who(text, stops=(), usage="snooze")
    if extra.strip():
        raise UsageError(f"I didn't expect {extra.strip()[:40]!r} there.", *USAGE["snooze"])
    return Snooze(who=who, delay=delay)


def _snooze_day(word: str) -> str:
    """`Tomorrow`, `next  week`, `thurs`, `Friday` → one of SNOOZE_DAYS."""
    word = " ".join(word.lower().split())
    if word in ("tomorrow", "next week"):
        return word
    return next(day for day in WEEKDAYS if day.startswith(word[:3]))


def _span_words(delay: timedelta) -> str:
    hours = int(delay.total_seconds() // 3600)
    if hours == 0:
        return f"{int(delay.total_seconds() // 60)} minutes"
    return f"{hours // 24} days" if hours % 24 == 0 else f"{hours} hours"


def _parse_list(text: str) -> ListContacts:
    if not text:
        return ListContacts()
    if text.startswith("#") and len(text) > 1 and " " not in text:
        return ListContacts(tag=text[1:].lower())
    word = text.lower()
    stage = STAGE_ALIASES.get(word)
    if stage is None and word in {s.value for s in Stage}:
        stage = Stage(word)
    if stage is None:
        raise UsageError(f"{text[:40]!r} is neither a stage nor a #tag.", *USAGE["list"])
    return ListContacts(stage=stage)


def _take_who(text: str, *, stops: tuple[str, ...], usage: str, single: bool = False) -> tuple[Who, str]:
    """Read `<who>` from the front of text; return it and whatever follows."""
    text = text.strip()
    if not text:
        raise UsageError("Tell me who.", *USAGE[usage])
    if match := _MENTION.match(text):
        user_id, label = valid_user_id(match[1], usage), (match[2] or "").strip()
        return Who(name=_valid_name(label or user_id, usage), user_id=user_id), text[match.end():]
    if match := _QUOTED.match(text):
        return Who(name=_valid_name(match[1] or match[2], usage)), text[match.end():]
    if match := _HANDLE.match(text):
        return Who(name=_valid_name(match[1], usage)), text[match.end():]
    if single:
        word, _, rest = text.partition(" ")
        return Who(name=_valid_name(word, usage)), rest
    cut = len(text)
    lowered = text.lower()
    for stop in stops:
        index = lowered.find(stop)
        if index != -1:
            cut = min(cut, index)
    return Who(name=_valid_name(text[:cut], usage)), text[cut:]


def _valid_name(name: str, usage: str | None) -> str:
    name = _SPACES.sub(" ", name).strip(" \"'“”")
    if not name:
        raise UsageError("Tell me who.", *_usage(usage))
    if len(name) > MAX_NAME:
        raise UsageError(f"Names are at most {MAX_NAME} characters.", *_usage(usage))
    if len(name_key(name)) > MAX_NAME:  # what the store keeps too: ß counts as ss once folded
        raise UsageError(f"Names are at most {MAX_NAME} characters, counting letters like ß as the two (ss) "
                         f"they fold to.", *_usage(usage))
    if not any(ch.isalnum() for ch in name):
        raise UsageError(f"{name[:40]!r} doesn't look like a name.", *_usage(usage))
    return name


def _clean(text: str) -> str:
    if len(text) > MAX_TEXT:
        raise UsageError(f"That's {len(text):,} characters; I read at most {MAX_TEXT:,} at a time. "
                         "Send a shorter text.")
    if _FORBIDDEN.search(text):
        raise UsageError(CONTROL_PROBLEM)
    return text.replace("\r", " ").strip()


# --- the same checks for every way in ---------------------------------------------------------------------
# Commands check their fields on construction (`Checked.__post_init__`), so text, Slack's form and
# Discord's options and modals are refused alike, with the same words. The helpers below are also what a
# form uses to tell a member which field is wrong.


def _usage(usage: str | None) -> tuple[str, ...]:
    return USAGE[usage] if usage else ()


def without_controls(text: str) -> str:
    """`text` with the characters no field may hold removed: for read-only lookups (autocomplete)."""
    return _FORBIDDEN.sub("", text)


def valid_user_id(user_id: str, usage: str | None = "met") -> str:
    """A platform user id as the store keeps it: letters and digits, at most MAX_USER_ID."""
    if not _USER_ID.fullmatch(user_id):
        raise UsageError("That doesn't look like a member of this workspace. Pick them again, or type their name.",
                         *_usage(usage))
    return user_id


def field_text(value: str | None, limit: int, usage: str | None, what: str = "This") -> str | None:
    """A free-text field (place, notes, offer, draft): no control characters, at most `limit`
    characters; blank is None."""
    if value is None:
        return None
    if _FORBIDDEN.search(value):
        raise UsageError(CONTROL_PROBLEM, *_usage(usage))
    value = value.strip()
    if len(value) > limit:
        raise UsageError(f"{what} is {len(value):,} characters; keep it under {limit:,}.", *_usage(usage))
    return value or None


def name_text(value: str, usage: str | None) -> str:
    """A person's name from a field: the grammar's name rules (spacing folded, at most MAX_NAME)."""
    if _FORBIDDEN.search(value):
        raise UsageError(CONTROL_PROBLEM, *_usage(usage))
    return _valid_name(value, usage)


def person(name: str, user_id: str | None = None, *, usage: str = "met") -> Who:
    """A Who from a form or an option, refused (with `usage`'s line) as the grammar refuses a name."""
    return Who(name_text(name, usage), valid_user_id(user_id, usage) if user_id else None)


def checked_words(words: tuple[str, ...], usage: str | None, what: str, limit: int) -> tuple[str, ...]:
    """Tags or interests: at most MAX_TAGS, each at most `limit` characters, no control characters."""
    if len(words) > MAX_TAGS or any(len(word) > limit for word in words):
        raise UsageError(f"Use at most {MAX_TAGS} {what} of up to {limit} characters.", *_usage(usage))
    if any(_FORBIDDEN.search(word) for word in words):
        raise UsageError(CONTROL_PROBLEM, *_usage(usage))
    return words


_TAG_WORD = re.compile(r"[\w\-]+")


def parse_tags(text: str | None) -> tuple[str, ...]:
    """`#python #pycon` or `python, pycon` → ("python", "pycon"): tags from a form field or an option."""
    return check_tags(tuple(t.lstrip("#") for t in re.split(r"[\s,;]+", text or "") if t.lstrip("#")))


def check_tags(tags: tuple[str, ...], usage: str | None = "met") -> tuple[str, ...]:
    """Tags as the grammar reads `#tag`: letters, digits, `_` and `-`, at most MAX_TAGS of MAX_TAG;
    folded to lower case, each once."""
    tags = tuple(dict.fromkeys(tag.lower() for tag in tags))
    if len(tags) > MAX_TAGS or any(len(tag) > MAX_TAG or not _TAG_WORD.fullmatch(tag) for tag in tags):
        raise UsageError(f"Use at most {MAX_TAGS} tags of letters, digits and dashes, up to {MAX_TAG} characters.",
                         *_usage(usage))
    return tags


def _check_fields(command: object) -> None:
    """Check (and fold, as the grammar does) every field of a frozen command in place."""
    usage = _usage_of(command)
    for item in fields(command):  # type: ignore[arg-type]
        value = getattr(command, item.name)
        if isinstance(value, Who):
            continue  # a Who checks itself
        if item.name == "tags":
            new: object = check_tags(value, usage)
        elif item.name == "interests":
            new = checked_words(value, usage, "interests", 2 * MAX_TAG)
        elif isinstance(value, str) and not isinstance(value, Enum):
            limit = TEXT_LIMITS.get(item.name, MAX_FIELD)
            new = field_text(value, limit, usage, FIELD_WORDS.get(item.name, "This"))
            if item.name == "draft" and new is None:
                raise UsageError("Paste the draft you want me to look at.", *USAGE["review"])
        else:
            continue
        if new != value:
            object.__setattr__(command, item.name, new)


def checked_actor(actor: Actor) -> Actor:
    """The platform's account of who is asking, within what the store keeps: an id that isn't one is
    refused; a display name or zone that doesn't fit is dropped or shortened (they are hints)."""
    ids = (actor.platform, actor.workspace_id, actor.user_id)
    if (not actor.platform or not actor.user_id or any(_FORBIDDEN.search(part) for part in ids)
            or len(actor.platform) > MAX_PLATFORM or len(actor.workspace_id) > MAX_USER_ID
            or len(actor.user_id) > MAX_USER_ID):
        raise UsageError("I couldn't tell who you are from this request, so I saved nothing.")
    display = _FORBIDDEN.sub("", actor.display_name or "").strip()[:MAX_DISPLAY_NAME] or None
    zone = actor.timezone if actor.timezone and len(actor.timezone) <= 64 and not _FORBIDDEN.search(
        actor.timezone) else None
    if (display, zone) == (actor.display_name, actor.timezone):
        return actor
    return replace(actor, display_name=display, timezone=zone)


TEXT_LIMITS = {"notes": MAX_TEXT, "draft": MAX_TEXT, "where": MAX_FIELD, "offer": MAX_FIELD, "value": 64,
               "topic": MAX_TEXT, "text": MAX_TEXT, "name": MAX_FIELD, "until": 20, "answer": MAX_FIELD}
FIELD_WORDS = {"notes": "Your notes", "draft": "Your draft", "where": "The place", "offer": "What you can offer",
               "value": "That setting", "topic": "That topic", "text": "Your note", "name": "The event's name",
               "until": "The last day"}


def _usage_of(command: object) -> str:
    name = type(command).__name__.lower()
    return {"met": "met", "adddetails": "met", "review": "review", "sent": "sent", "replied": "replied",
            "snooze": "snooze", "moveon": "moveon", "show": "show", "draft": "draft", "forget": "forget",
            "listcontacts": "list", "changesettings": "settings", "metmany": "met", "startevent": "event",
            "note": "note", "purpose": "purpose", "undomet": "undo"}.get(name, "help")
