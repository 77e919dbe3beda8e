"""Keeps the nudge table true to the rules: after any change to a contact, its one pending nudge is
re-planned from the event log (bot/rules.py decides; this module only writes the outcome)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Contact, Event, EventKind, Member, Nudge, NudgeKind, NudgeState
from bot.nudges import undelivered_notice
from bot.rules import (
    HistoryEvent,
    MemberSettings,
    PlannedNudge,
    WorkingHours,
    fold,
    next_working_moment,
    plan_next_nudge,
)
from bot.store.repository import pending_nudge

LATE_GRACE = timedelta(minutes=15)  # a nudge this late was merely waiting for a tick: deliver as planned


def settings_of(member: Member) -> MemberSettings:
    hours = WorkingHours(
        timezone=member.timezone,
        start_hour=member.work_start_hour,
        end_hour=member.work_end_hour,
        days=frozenset(int(day) for day in member.work_days),
    )
    return MemberSettings(hours=hours, checkin_days=member.checkin_days, paused=member.paused)


def history_of(contact: Contact) -> list[HistoryEvent]:
    return [
        HistoryEvent(
            kind=EventKind(event.kind),
            at=event.at,
            until=event.until,
            nudge_kind=NudgeKind(event.detail) if event.kind == EventKind.NUDGED else None,
        )
        for event in sorted(contact.events, key=lambda e: (e.at, e.id or 0))
    ]


def record_event(
    session: Session,
    contact: Contact,
    kind: EventKind,
    now: datetime,
    *,
    detail: str | None = None,
    until: datetime | None = None,
    nudge_id: int | None = None,
) -> Event:
    event = Event(contact=contact, kind=kind.value, at=now, detail=detail, until=until, nudge_id=nudge_id)
    session.add(event)
    return event


def reschedule(session: Session, member: Member, contact: Contact, now: datetime) -> Nudge | None:
    """Make the contact's pending nudge match what the rules plan now; return it."""
    history = history_of(contact)
    contact.stage = fold(history).stage.value
    plan = plan_next_nudge(history, settings_of(member), now, checkin_days=contact.checkin_days)
    current = pending_nudge(session, contact)
    if current is not None and plan is not None and _same(current, plan):
        return current
    if current is not None:
        current.state = NudgeState.CANCELLED.value
        session.flush()  # free the one-pending-per-contact slot before adding the new row
    if plan is None:
        return None
    nudge = Nudge(
        member_id=member.id,
        contact_id=contact.id,
        kind=plan.kind.value,
        due_at=plan.due_at,
        state=NudgeState.PENDING.value,
        attempts=0,
        created_at=now,
    )
    session.add(nudge)
    session.flush()
    return nudge


def reschedule_all(session: Session, member: Member, now: datetime) -> None:
    """After a settings change (timezone, hours, pause, resume) re-plan every contact of the member."""
    contacts = session.scalars(select(Contact).where(Contact.member_id == member.id))
    for contact in contacts:
        reschedule(session, member, contact, now)


def record_delivery(session: Session, nudge: Nudge, now: datetime, delivery_ref: str | None = None) -> None:
    """A nudge reached the member: log it on the contact and plan what comes after it."""
    nudge.state = NudgeState.SENT.value
    nudge.sent_at = now
    nudge.lease_until = None
    nudge.delivery_ref = delivery_ref
    contact = session.get(Contact, nudge.contact_id)
    member = session.get(Member, nudge.member_id)
    if contact is None or member is None:  # forgotten while it was being delivered
        return
    record_event(session, contact, EventKind.NUDGED, now, detail=nudge.kind, nudge_id=nudge.id)
    session.flush()
    reschedule(session, member, contact, now)


def record_failure(session: Session, nudge: Nudge, reason: str) -> None:
    """A nudge can never reach the member: keep the row as failed and tell them on their next command."""
    nudge.state = NudgeState.FAILED.value
    nudge.last_error = reason[:500]
    nudge.lease_until = None
    contact = session.get(Contact, nudge.contact_id)
    member = session.get(Member, nudge.member_id)
    if contact is None or member is None:
        return
    notice = undelivered_notice(contact.name, reason)
    if member.notice and notice not in member.notice:
        notice = f"{member.notice}\n{notice}"
    member.notice = notice[:4000]


def delivery_moment(member: Member, due_at: datetime, now: datetime) -> datetime:
    """When a due nudge may go out: now — unless it is overdue (nothing ran while it fell due) and now is
    outside the member's working hours; then their next working moment, never 3 a.m."""
    if now - due_at <= LATE_GRACE:
        return now
    return next_working_moment(now, settings_of(member).hours)


def _same(nudge: Nudge, plan: PlannedNudge) -> bool:
    return nudge.kind == plan.kind.value and nudge.due_at == plan.due_at
