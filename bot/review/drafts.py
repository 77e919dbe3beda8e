"""*Draft it for me*: a message for each nudge stage, in the coach's own words, built from stored context.

A draft speaks to the contact in the second person, uses true time words computed from real dates, puts
the place in a sentence, and takes from the member's private notes only short phrases it can say well
(bot/review/notes.py). Templates vary per contact, chosen from a stable key, never at random.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.review.model import DraftContext
from bot.review.notes import (
    NoteFacts,
    Promise,
    contact_names,
    interest_phrase,
    offer_clause,
    read_notes,
)
from bot.review.phrases import days_between, first_name, place_phrase, since, span, when

DRAFT_STAGES = ("follow_up_48h", "no_reply_1w", "no_reply_2w", "check_in")
STAGE_TITLES = {
    "follow_up_48h": "First follow-up to {name} (within 48 hours)",
    "no_reply_1w": "One-week follow-up to {name}",
    "no_reply_2w": "Last message to {name} (two weeks, no reply)",
    "check_in": "Check-in with {name}",
}
MAX_WORDS = 120
RUN = 5  # this many consecutive words shared with the notes would read as pasted


@dataclass(frozen=True)
class DraftTimes:
    """The real moments a draft's time words come from, and the member's timezone for calendar days.

    ``first_sent_at`` is the member's first message (the one-week and two-week nudges refer to it);
    ``last_touch_at`` is the last exchange with someone in touch (the check-in counts from it)."""

    now: datetime
    met_at: datetime | None = None
    first_sent_at: datetime | None = None
    last_touch_at: datetime | None = None
    timezone: str = "UTC"


def draft_title(nudge_kind: str, contact_name: str) -> str:
    """The heading of a drafted message: it names the stage."""
    return "Draft: " + STAGE_TITLES[nudge_kind].format(name=contact_name)


def write_draft(nudge_kind: str, context: DraftContext, times: DraftTimes | None = None,
                *, key: str | int | None = None) -> str:
    """A ready-to-edit message for a nudge stage. ``key`` (the contact's id) picks among the phrasings;
    the same inputs always give the same draft. Raises ValueError for move_on or an unknown stage."""
    if nudge_kind == "move_on":
        raise ValueError("move_on has no draft: the coach suggests letting this contact go")
    if nudge_kind not in DRAFT_STAGES:
        raise ValueError(f"unknown nudge kind {nudge_kind!r}; expected one of {sorted(DRAFT_STAGES)}")
    seed = zlib.crc32(f"{key if key is not None else context.contact_name}".encode())
    parts = _Parts(context, times, seed)
    body = {"follow_up_48h": parts.first_follow_up, "no_reply_1w": parts.one_week,
            "no_reply_2w": parts.last_message, "check_in": parts.check_in}[nudge_kind]()
    return _assemble(first_name(context.contact_name), body, _signature(context.member_name, seed), context.notes)


# --- the stages -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One sentence of a draft: phrasings in order of preference (a later one is used when an earlier one
    would repeat five words of the notes), and whether it may be left out to keep the draft short."""

    options: tuple[str, ...]
    optional: bool = False


class _Parts:
    """The pieces one draft is made of, worked out once from the context and the dates."""

    def __init__(self, context: DraftContext, times: DraftTimes | None, seed: int) -> None:
        names = contact_names(context.contact_name)
        self.seed = seed
        self.facts: NoteFacts = read_notes(context.notes, context.contact_name)
        self.place = place_phrase(context.where_met)
        self.offer = offer_clause(context.offer, names)
        self.interest = interest_phrase(context.interests or self.facts.shared)
        self.times = times
        intro = next((p for p in self.facts.promises if p.kind == "intro"), None)
        if self.offer and ((self.offer.startswith(("introduce", "make an intro")) and intro is not None)
                           or any(p.what and p.what.lower() in self.offer.lower() for p in self.facts.promises)):
            self.offer = None  # the notes' promise already says it

    def line(self, options: Sequence[str], salt: str, *, optional: bool = False) -> Line:
        """The phrasings rotated to start at this contact's choice, so contacts read differently."""
        start = zlib.crc32(f"{self.seed}:{salt}".encode()) % len(options)
        return Line(tuple(options[start:]) + tuple(options[:start]), optional)

    def _when(self, moment: datetime | None, *, after_from: bool = False) -> str:
        if self.times is None or moment is None:
            return ""
        zone = self.times.timezone
        return since(moment, self.times.now, zone) if after_from else when(moment, self.times.now, zone)

    @property
    def topic(self) -> str | None:
        return self.facts.topic

    # follow_up_48h
    def first_follow_up(self) -> list[Line]:
        met = self._when(self.times.met_at if self.times else None)
        where = " ".join(p for p in (self.place, met) if p)
        where = f" {where}" if where else ""
        topic = self.topic
        thanks = (f"Thanks again for the conversation{where}.",) if topic or self.facts.activity else ()
        lines = [self.line((f"It was good to meet you{where}.", f"Great to meet you{where}.", *thanks), "open")]
        if topic and self.facts.topic_owned:
            lines.append(self.line((f"I enjoyed hearing about {topic}.", f"Thanks for telling me about {topic}.",
                                    f"I've been thinking about {topic} since."), "topic", optional=True))
        elif topic:
            chosen = self.line((f"I enjoyed our chat about {topic}.",
                                f"I've kept thinking about our conversation on {topic}.",
                                f"Our conversation on {topic} has stayed with me."), "topic")
            lines.append(Line((*chosen.options, f"Thanks for your thoughts on {topic}."), optional=True))
        elif not self.facts.activity:
            lines.append(self.line(("I really enjoyed our conversation.", "I enjoyed our chat.",
                                    "I've been thinking about our conversation since."), "topic"))
        if self.facts.activity:
            lines.append(Line((f"Good luck with {self.facts.activity}.",
                               f"I hope {self.facts.activity} goes well."), optional=True))
        lines += self._request("first")
        lines += self._promises("first")
        lines += self._offer("first")
        if self.interest:
            lines.append(self.line((f"It was also fun to find we're both into {self.interest}.",
                                    f"It's always good to meet someone else into {self.interest}."), "interest",
                                   optional=True))
        lines.append(self.line(("Would you be up for a short call in the next couple of weeks?",
                                "Could we find 20 minutes for a call sometime soon?",
                                "Would you like to grab a virtual coffee in the next week or two?"), "ask"))
        return lines

    # no_reply_1w
    def one_week(self) -> list[Line]:
        first_sent = self.times.first_sent_at if self.times else None
        subject = self.topic or self.interest
        if subject:
            sent = self._when(first_sent, after_from=True)
            notes = [f"my note from {sent} {about} {subject}" if sent else f"my earlier note {about} {subject}"
                     for about in _abouts(sent)]
        else:
            sent = self._when(first_sent)
            where = f" {self.place}" if self.place else ""
            notes = [f"the note I sent {sent + ' ' if sent else ''}after our chat{where}"]
        opener = self.line(("I wanted to follow up on {}.", "A quick follow-up to {}."), "open")
        lines = [Line(tuple(o.replace("{}", n) for n in notes for o in opener.options))]
        if self.facts.activity:
            lines.append(Line((f"I hope {self.facts.activity} is going well.",), optional=True))
        lines += self._request("still")
        lines += self._promises("still")
        lines += self._offer("still")
        lines.append(self.line(("I know things get busy, so no rush.", "No pressure at all if now isn't a good time."),
                               "ease"))
        lines.append(self.line(("Would a short call sometime in the next couple of weeks work for you?",
                                "Would you be open to a quick chat when things calm down?"), "ask"))
        return lines

    # no_reply_2w
    def last_message(self) -> list[Line]:
        sent = self._when(self.times.first_sent_at if self.times else None)
        wrote = f"I wrote {sent}" if sent else "I wrote"
        lines = [self.line(("This is my last note for now, so I'll keep it short.",
                            "One last note from me, and then I'll stay out of your inbox.",
                            "A last short note from me, so as not to crowd your inbox."), "open")]
        subject = self.topic or self.interest
        if subject:
            lines.append(Line(tuple(f"{wrote} {about} {subject}, and it would still be good to pick that "
                                    "conversation up with you." for about in _abouts(sent))))
        else:
            where = f" {self.place}" if self.place else ""
            lines.append(Line((f"{wrote} after our chat{where}, and it would still be good to stay in touch with "
                               "you.",)))
        if self.facts.activity:
            lines.append(Line((f"I hope {self.facts.activity} is going well.",), optional=True))
        lines += self._request("last")
        lines += self._promises("last")
        lines += self._offer("last")
        lines.append(self.line(("If the timing isn't right for you, no problem at all. Would it suit you better to "
                                "reconnect in a few months?",
                                "And if now isn't the moment for you, no problem at all. Would you like to pick this "
                                "up later in the year?"), "close"))
        return lines

    # check_in
    def check_in(self) -> list[Line]:
        t = self.times
        last = (t.last_touch_at or t.first_sent_at or t.met_at) if t else None
        days = days_between(last, t.now, t.timezone) if t and last else None
        if days is not None and days < 7:  # asked for early: no "it's been a while"
            where = f"{self.place} " if self.place else ""
            lines = [Line((f"Following on from our conversation {where}{self._when(last)}, I wanted to say hello.",))]
        else:
            gap = span(days) if days is not None else "a while"
            lines = [self.line((f"It's been {gap} since we last caught up, and you came to mind today.",
                                f"I realised it's been {gap} since we last spoke, so I wanted to say hello.",
                                f"It's been {gap} since our last conversation, and I wanted to see how you're "
                                "doing."), "open")]
        topic = self.topic
        if self.facts.activity:
            lines.append(Line((f"I hope {self.facts.activity} is going well.",), optional=True))
        elif topic and self.facts.topic_owned:
            lines.append(Line((f"I'd love to hear what's new with {topic}.",
                               f"I'd love to hear how {topic} is going."), optional=True))
        elif topic:
            lines.append(Line((f"I'd love to hear how things are going with {topic}.",
                               f"I'd love to hear where things stand on {topic}."), optional=True))
        elif self.facts.request and not self.facts.request.startswith("you asked"):
            lines.append(Line((f"Last time, {self.facts.request}; I'd love to hear how that's going.",),
                              optional=True))
        elif self.interest:
            lines.append(Line((f"I hope you're still finding time for {self.interest}.",), optional=True))
        elif self.place and not (days is not None and days < 7):
            lines.append(Line((f"I still think about our conversation {self.place}.",), optional=True))
        lines += self._promises("checkin")
        lines += self._offer("checkin")
        lines.append(self.line(("Would you be up for a quick catch-up call sometime this month?",
                                "Would you like to catch up over a call in the next few weeks?"), "ask"))
        return lines

    # shared pieces
    def _request(self, stage: str) -> list[Line]:
        """What they asked for, said back to them; from the second message on, as still on offer."""
        request = self.facts.request
        if not request:
            return []
        if request.startswith("you asked"):
            said = ["Y" + request[1:], "Y" + request[1:].replace("asked ", "asked me ", 1)]
        else:
            said = [f"You mentioned {request}", f"You said {request}"]
        ending = {"first": "and I'd be glad to help with that", "still": "and I'd still be glad to help with that",
                  "last": "and if that would still help, I'm glad to"}[stage]
        return [Line(tuple(f"{s}, {ending}." for s in said), optional=True)]

    def _promises(self, stage: str) -> list[Line]:
        return [Line(_promise_line(p, stage, self.seed)) for p in self.facts.promises[:2]]

    def _offer(self, stage: str) -> list[Line]:
        if (self.facts.promises or (self.facts.request and stage != "checkin")) and (
                not self.offer or stage in ("last", "checkin")):
            return []  # one offer of help per message is plenty
        if not self.offer:
            words = {"first": "If you need a hand with anything on your side, just say.",
                     "still": "If you need a hand with anything in the meantime, just say.",
                     "last": "If you ever need a hand with something on your side, just ask.",
                     "checkin": "If you need a hand with anything, just say the word."}
            return [Line((words[stage],))]
        o = self.offer
        if stage == "first":
            return [self.line((f"If it's useful, I'd be happy to {o}.", f"I'd be glad to {o} if that would help.",
                               f"Happy to {o} if it's useful."), "offer")]
        words = {"still": f"The offer still stands: I'd be happy to {o}.",
                 "last": f"If it would still help, I'm happy to {o}.",
                 "checkin": f"I'm also happy to {o} if it would help."}
        return [Line((words[stage],))]


def _abouts(when_words: str) -> tuple[str, ...]:
    """Ways to say what a note was about, without 'about a month ago about …'."""
    return ("regarding", "on", "about") if "about" in when_words else ("about", "on", "regarding")


def _promise_line(promise: Promise, stage: str, seed: int) -> tuple[str, ...]:
    """A promise from the notes, kept in every stage's draft: the member said they would do it."""
    what = promise.what
    if promise.kind == "intro":
        intro = f"an introduction to {what}" if what else "the introduction"
        meet = f"introduce you to {what}" if what else "make the introduction"
        options = {"first": (f"As promised, I'd be glad to {meet}: just say the word.",
                             f"And as promised, I'm happy to {meet} whenever it suits you."),
                   "still": (f"I'm still glad to {meet}, as promised.",),
                   "last": (f"If {intro} would still help, just reply and I'll set it up.",),
                   "checkin": (f"And if {intro} would still help, just say the word.",)}[stage]
    elif promise.kind == "do" and what:
        options = ({"first": f"As promised, I'd be happy to {what}.", "still": f"I'm still happy to {what}.",
                    "last": f"If it would still help, I'm happy to {what}.",
                    "checkin": f"And I'm still happy to {what} if it would help."}[stage],)
    elif what:
        plural = " and " in what or (what.split()[-1].lower().endswith("s")
                                      and not what.lower().endswith(("ss", "us", "is")))
        it = "those" if plural else "it"
        options = {"first": (f"As promised, I'll send over {what}.", f"I'll send {what} your way, as promised."),
                   "still": (f"I'm still happy to send over {what}.",),
                   "last": (f"If {what} would still be useful, I'm happy to send {it} over.",),
                   "checkin": (f"And if {what} would still be useful, I'm happy to send {it} over.",)}[stage]
    else:
        options = ({"first": "I'll send over what I promised, too.",
                    "still": "I'm still happy to send over what I promised.",
                    "last": "What I promised is still yours if it would help.",
                    "checkin": "What I promised is still yours if it would help."}[stage],)
    start = seed % len(options)
    return options[start:] + options[:start]


# --- assembly ---------------------------------------------------------------------------------------

_WORD = re.compile(r"[\w']+")
_SIGN_OFFS = ("Best", "Cheers", "All the best", "Best wishes")
_NAME_OK = re.compile(r"^[^\W\d_][\w .'’-]{0,38}$")


def _signature(member_name: str | None, seed: int) -> str:
    """The member's platform display name under a sign-off, or nothing at all."""
    name = re.sub(r"\s+", " ", member_name or "").strip()
    if not name or not _NAME_OK.match(name):
        return ""
    return f"{_SIGN_OFFS[seed % len(_SIGN_OFFS)]},\n{name}"


def runs(text: str | None, size: int = RUN) -> set[tuple[str, ...]]:
    """Every run of ``size`` consecutive words in a text, lower-cased."""
    words = [w.lower() for w in _WORD.findall(text or "")]
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _assemble(first: str, lines: list[Line], signature: str, notes: str | None) -> str:
    """Greeting, sentences and signature. A phrasing that repeats five words of the notes gives way to the
    next; a line with none left is dropped; optional lines go first when the draft runs long."""
    pasted = runs(notes)
    kept: list[tuple[str, bool]] = []
    for line in lines:
        text = next((o for o in line.options if not (pasted and runs(o) & pasted)), None)
        if text is not None:
            kept.append((text, line.optional))
    while sum(len(t.split()) for t, _ in kept) > MAX_WORDS and any(o for _, o in kept):
        kept.pop(max(i for i, (_, o) in enumerate(kept) if o))
    body = " ".join(text for text, _ in kept)
    return f"Hi {first},\n\n{body}" + (f"\n\n{signature}" if signature else "")
