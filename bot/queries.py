"""The read side the adapters need, as plain values: a member's dashboard, autocomplete names, the
timezone question, due counts for metrics, and the console's clock stops. Each refuses to run on an event
loop's thread (a unit of work, or the lookups' own check) and writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import lookup
from bot.clock import as_utc
from bot.digest import next_slot
from bot.handlers.home import Home, home_for
from bot.identity import Actor
from bot.models import Contact, Event, Member, Nudge, NudgeState
from bot.store.repository import find_member, is_actor
from bot.store.uow import UnitOfWork


@dataclass(frozen=True)
class DueCounts:
    """Pending nudges whose time has come, in the whole database (the metrics gauge)."""

    due: int


@dataclass(frozen=True)
class Profile:
    """Who a member is to the coach: their row's id and the zone their times are shown in."""

    member_id: int
    timezone: str


def home(sessions: sessionmaker[Session], actor: Actor, now: datetime) -> Home:
    """The actor's dashboard; empty (known=False) for someone who never used the coach."""
    with UnitOfWork(sessions, read_only=True) as uow:
        return home_for(uow.session, actor, now)


def contact_suggestions(sessions: sessionmaker[Session], actor: Actor, typed: str, limit: int) -> list[str]:
    """The actor's own contact names containing `typed`, most recently met first."""
    return lookup.contact_names(sessions, actor, typed, limit)


def timezone_question_due(sessions: sessionmaker[Session], actor: Actor) -> bool:
    """Whether to offer the timezone picker now (once, with the first contact, unless chosen)."""
    return lookup.timezone_question_due(sessions, actor)


def due_counts(sessions: sessionmaker[Session], now: datetime) -> DueCounts:
    query = select(func.count(Nudge.id)).where(Nudge.state == NudgeState.PENDING, Nudge.due_at <= now)
    with UnitOfWork(sessions, read_only=True) as uow:
        return DueCounts(int(uow.session.scalar(query) or 0))


def profile(sessions: sessionmaker[Session], actor: Actor) -> Profile | None:
    with UnitOfWork(sessions, read_only=True) as uow:
        member = find_member(uow.session, actor)
        return None if member is None else Profile(member.id, member.timezone)


def next_due(sessions: sessionmaker[Session], actor: Actor, now: datetime, until: datetime) -> datetime | None:
    """The actor's next moment something falls due up to `until`: a pending nudge, or the Monday slot
    at which their digest is planned (when it is on and they are not paused)."""
    with UnitOfWork(sessions, read_only=True) as uow:
        member = find_member(uow.session, actor)
        if member is None:
            return None
        value = uow.session.scalars(select(func.min(Nudge.due_at)).where(
            Nudge.member_id == member.id, Nudge.state == NudgeState.PENDING, Nudge.due_at <= until)).first()
        digest = member.digest_on and not member.paused
        zone, start_hour, start_minute = member.timezone, member.work_start_hour, member.work_start_minute
    due = as_utc(value) if value is not None else None
    if digest:
        monday = next_slot(zone, start_hour, now + timedelta(seconds=1), start_minute)
        if monday <= until and (due is None or monday < due):
            due = monday
    return due


def latest_event(sessions: sessionmaker[Session], actor: Actor) -> datetime | None:
    """When the latest thing recorded for the actor's contacts happened (a console resumes after it)."""
    member = select(func.coalesce(Member.linked_to, Member.id)).where(is_actor(actor)).scalar_subquery()
    query = (select(func.max(Event.at)).join(Contact, Contact.id == Event.contact_id)
             .where(Contact.member_id == member))
    with UnitOfWork(sessions, read_only=True) as uow:
        latest = uow.session.scalars(query).first()
    return as_utc(latest) if latest is not None else None
