"""A member's dashboard as plain values: who is due this week, recent contacts, and their numbers.

Platform-neutral: Slack renders it as App Home, any other adapter may render it its own way. Reading
it never creates a member — someone who only looks gets an empty dashboard.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.digest import DIGEST, HasEvents, WeekStats, week_stats
from bot.handlers.conference import event_line
from bot.handlers.contacts import STAGE_WORDS
from bot.identity import Actor
from bot.models import Contact, Event, EventKind, Member, Nudge, NudgeKind, NudgeState, Stage
from bot.nudges import DUE_WORDS
from bot.recap import current_conference
from bot.rules import FIRST_NUDGE_DEADLINE
from bot.store.repository import find_member

WEEK = timedelta(days=7)
FOLLOW_UP_WINDOW = FIRST_NUDGE_DEADLINE  # "followed up within 48 h"
RECENT_LIMIT = 5
DUE_LIMIT = 10


@dataclass(frozen=True)
class DueItem:
    name: str
    kind: NudgeKind
    due_at: datetime

    @property
    def words(self) -> str:
        return DUE_WORDS[self.kind]


@dataclass(frozen=True)
class RecentContact:
    name: str
    stage: Stage
    met_at: datetime

    @property
    def stage_words(self) -> str:
        return STAGE_WORDS[self.stage]


@dataclass(frozen=True)
class Numbers:
    """Counts behind the percentages, so a renderer can say "3 of 4" as well as "75%"."""

    contacts: int = 0
    followed_up_in_48h: int = 0
    followed_up_eligible: int = 0  # contacts met at least 48 h ago, or already written to
    replied: int = 0
    written_to: int = 0

    @property
    def followed_up_in_48h_pct(self) -> int | None:
        return _pct(self.followed_up_in_48h, self.followed_up_eligible)

    @property
    def reply_rate_pct(self) -> int | None:
        return _pct(self.replied, self.written_to)


@dataclass(frozen=True)
class Home:
    known: bool  # False: this person has never used the coach
    timezone: str
    paused: bool = False
    due: tuple[DueItem, ...] = ()
    recent: tuple[RecentContact, ...] = ()
    numbers: Numbers = Numbers()
    weeks: WeekStats | None = None  # the digest's last 8 weeks (its two numbers and chart)
    digest_ref: str | None = None  # the latest delivered digest's platform reference (Slack: its chart's file)
    event: str | None = None  # the conference on now, in words ("Event: KubeCon EU, until the end of Fri 11 Dec.")


def home_for(session: Session, actor: Actor, now: datetime) -> Home:
    """The actor's dashboard at `now`; empty (known=False) when they have no member row yet.

    Reads plain rows, not contacts whole: the five most recent, the ten reminders due soonest, and for the
    numbers and the weeks only each contact's meeting date and the times it was met, written to and
    replied to — so a member with 10,000 contacts costs a few MB and a fraction of a second, not 60 MB
    and a second (App Home is re-drawn after most commands)."""
    member = find_member(session, actor)
    if member is None:
        return Home(known=False, timezone=actor.timezone or "UTC")
    recent = session.execute(select(Contact.name, Contact.stage, Contact.met_at).where(Contact.member_id == member.id)
                             .order_by(Contact.met_at.desc(), Contact.id.desc()).limit(RECENT_LIMIT))
    due = session.execute(
        select(Contact.name, Nudge.kind, Nudge.due_at).join(Contact, Contact.id == Nudge.contact_id)
        .where(Nudge.member_id == member.id, Nudge.state == NudgeState.PENDING, Nudge.due_at <= now + WEEK)
        .order_by(Nudge.due_at, Nudge.id).limit(DUE_LIMIT))
    facts = _facts(session, member.id)
    latest = select(Nudge.delivery_ref).where(Nudge.member_id == member.id, Nudge.kind == DIGEST,
                                              Nudge.state == NudgeState.SENT.value).order_by(Nudge.id.desc())
    return Home(
        known=True,
        timezone=member.timezone,
        paused=member.paused,
        due=tuple(DueItem(name, NudgeKind(kind), due_at) for name, kind, due_at in due),
        recent=tuple(RecentContact(name, Stage(stage), met_at) for name, stage, met_at in recent),
        numbers=numbers_of(facts, now),
        weeks=week_stats(facts, member.timezone, now) if facts else None,
        digest_ref=session.scalars(latest.limit(1)).first(),
        event=event_line(member, current_conference(session, member, now), now),
    )


@dataclass(frozen=True, slots=True)
class _Event:
    kind: str
    at: datetime
    id: int


@dataclass(slots=True)
class _Facts:
    """What the numbers and the weeks read of a contact (in place of the whole row and its history)."""

    met_at: datetime
    events: list[_Event]


_COUNTED = (EventKind.MET.value, EventKind.SENT.value, EventKind.REPLIED.value)


def _facts(session: Session, member_id: int) -> list[_Facts]:
    """Each contact's meeting date and counted events, in one statement: one snapshot even where a read
    is not one (PostgreSQL's READ COMMITTED reads each statement afresh). Read as two, a contact recorded
    between them (the member's next /met while App Home refreshes after the last) had events but no entry:
    a KeyError, and no Home."""
    facts: list[_Facts] = []
    current: int | None = None
    rows = session.execute(
        select(Contact.id, Contact.met_at, Event.kind, Event.at, Event.id)
        .outerjoin(Event, (Event.contact_id == Contact.id) & Event.kind.in_(_COUNTED))
        .where(Contact.member_id == member_id).order_by(Contact.id, Event.id))
    for contact_id, met_at, kind, at, event_id in rows:
        if contact_id != current:
            current = contact_id
            facts.append(_Facts(met_at, []))
        if event_id is not None:  # a contact without counted events comes as one row of NULLs
            facts[-1].events.append(_Event(kind, at, event_id))
    return facts


def summarize(member: Member, contacts: list[Contact], pending: Mapping[int, Nudge], now: datetime) -> Home:
    """A dashboard from contacts already loaded whole (with their events) and their pending reminders."""
    by_id = {contact.id: contact for contact in contacts}
    due = sorted(
        (DueItem(by_id[n.contact_id].name, NudgeKind(n.kind), n.due_at)
         for n in pending.values() if n.contact_id in by_id and n.due_at <= now + WEEK),
        key=lambda item: item.due_at,
    )
    recent = tuple(RecentContact(c.name, Stage(c.stage), c.met_at) for c in contacts[:RECENT_LIMIT])
    return Home(
        known=True,
        timezone=member.timezone,
        paused=member.paused,
        due=tuple(due[:DUE_LIMIT]),
        recent=recent,
        numbers=numbers_of(contacts, now),
    )


def numbers_of(contacts: Iterable[HasEvents], now: datetime) -> Numbers:
    total = in_48h = eligible = replied = written = 0
    for contact in contacts:
        total += 1
        kinds = [(event.kind, event.at) for event in contact.events]
        first_out = min((at for kind, at in kinds if kind in (EventKind.SENT, EventKind.REPLIED)), default=None)
        if first_out is not None or now - contact.met_at >= FOLLOW_UP_WINDOW:
            eligible += 1
            if first_out is not None and first_out - contact.met_at <= FOLLOW_UP_WINDOW:
                in_48h += 1
        if any(kind == EventKind.SENT for kind, _ in kinds):
            written += 1
            if any(kind == EventKind.REPLIED for kind, _ in kinds):
                replied += 1
    return Numbers(total, in_48h, eligible, replied, written)


def _pct(part: int, whole: int) -> int | None:
    return None if whole == 0 else round(100 * part / whole)
