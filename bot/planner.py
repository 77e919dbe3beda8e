"""Keeps the nudge table true to the rules: after any change to a contact, its one pending nudge is
re-planned from the event log (bot/rules.py decides; this module only writes the outcome)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple, Protocol, cast

from sqlalchemy import Table, bindparam, insert, literal, select, update
from sqlalchemy.orm import Session

from bot.models import Contact, Event, EventKind, Member, Nudge, NudgeKind, NudgeState, UTCDateTime
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
from bot.store.batch import one_of
from bot.store.repository import pending_nudge

LATE_GRACE = timedelta(minutes=15)  # a nudge this late was merely waiting for a tick: deliver as planned

NUDGES, EVENTS = cast(Table, Nudge.__table__), cast(Table, Event.__table__)
CONTACTS, MEMBERS = cast(Table, Contact.__table__), cast(Table, Member.__table__)
PENDING, SENDING = NudgeState.PENDING.value, NudgeState.SENDING.value
SENT, CANCELLED = NudgeState.SENT.value, NudgeState.CANCELLED.value
EVENT_KINDS = {kind.value: kind for kind in EventKind}  # a dict lookup: Enum(value) is slow per row
NUDGE_KINDS = {kind.value: kind for kind in NudgeKind}


class MemberSettingsSource(Protocol):
    """Where a member's settings come from: an ORM Member, or a plain row with these columns."""

    @property
    def timezone(self) -> str: ...
    @property
    def work_start_hour(self) -> int: ...
    @property
    def work_end_hour(self) -> int: ...
    @property
    def work_days(self) -> str: ...
    @property
    def checkin_days(self) -> int: ...
    @property
    def paused(self) -> bool: ...


class _Delivered(NamedTuple):
    """A delivered row with what re-planning its contact needs, from one joined query."""

    id: int
    contact_id: int
    member_id: int
    kind: str
    checkin_days: int | None  # the contact's own cadence
    stage: str
    timezone: str
    work_start_hour: int
    work_end_hour: int
    work_days: str
    member_checkin_days: int
    paused: bool

    @staticmethod
    def columns() -> tuple[Any, ...]:
        n, c, m = NUDGES.c, CONTACTS.c, MEMBERS.c
        return (n.id, n.contact_id, n.member_id, n.kind, c.checkin_days, c.stage, m.timezone, m.work_start_hour,
                m.work_end_hour, m.work_days, m.checkin_days, m.paused)


def settings_of(member: MemberSettingsSource) -> MemberSettings:
    """A member's settings, from the ORM object or a row with the same column names."""
    return _settings(member.timezone, member.work_start_hour, member.work_end_hour, member.work_days,
                     member.checkin_days, member.paused)


@lru_cache(maxsize=1024)
def _settings(timezone: str, start_hour: int, end_hour: int, work_days: str, checkin_days: int,
              paused: bool) -> MemberSettings:
    """Settings are immutable values: members with the same ones share one (the planner asks per contact)."""
    hours = WorkingHours(timezone=timezone, start_hour=start_hour, end_hour=end_hour,
                         days=frozenset(int(day) for day in work_days))
    return MemberSettings(hours=hours, checkin_days=checkin_days, paused=paused)


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


def record_deliveries(session: Session, refs: Mapping[int, str | None], now: datetime) -> list[int]:
    """Many delivered nudges (id → platform reference, in delivery order) at once: the same outcome as
    `record_delivery` for each in turn, in a handful of set-based statements. Returns the ids marked
    sent — those still 'sending' (a row another dispatcher already recorded is left alone).

    A contact with several rows in one batch (rare: a re-claimed row beside its successor) is recorded in
    rounds, one row per contact a round, so the result is that of recording them one after another."""
    delivered = _mark_sent(session, refs, now)
    if not delivered:
        return []
    known = select(*_Delivered.columns()).join(CONTACTS, CONTACTS.c.id == NUDGES.c.contact_id).join(
        MEMBERS, MEMBERS.c.id == NUDGES.c.member_id).where(one_of(session, NUDGES.c.id, delivered))
    # A row without its contact or member (forgotten while being delivered) is only marked sent.
    rows = {row.id: row for row in map(_Delivered._make, session.execute(known).all())}
    rounds: list[list[_Delivered]] = []
    seen: Counter[int] = Counter()
    for nudge_id in delivered:
        row = rows.get(nudge_id)
        if row is None:
            continue
        turn = seen[row.contact_id]
        seen[row.contact_id] += 1
        if turn == len(rounds):
            rounds.append([])
        rounds[turn].append(row)
    if not rounds:
        return delivered
    histories = _histories(session, list(seen))
    stages = {row.contact_id: row.stage for row in rows.values()}
    for batch in rounds:
        ids = [row.id for row in batch]
        session.execute(insert(EVENTS).from_select(
            ["contact_id", "kind", "at", "detail", "nudge_id"],
            select(NUDGES.c.contact_id, literal(EventKind.NUDGED.value), literal(now, UTCDateTime()), NUDGES.c.kind,
                   NUDGES.c.id).where(one_of(session, NUDGES.c.id, ids)).order_by(NUDGES.c.id)))
        for row in batch:
            _insert_in_order(histories[row.contact_id],
                             HistoryEvent(EventKind.NUDGED, now, None, NUDGE_KINDS[row.kind]))
        _replan(session, batch, histories, stages, now)
    return delivered


def _mark_sent(session: Session, refs: Mapping[int, str | None], now: datetime) -> list[int]:
    """Mark the rows still 'sending' as sent, with their platform references; their ids, in `refs` order."""
    if not refs:
        return []
    distinct = set(refs.values())
    same_ref = len(distinct) == 1
    marked = update(NUDGES).where(one_of(session, NUDGES.c.id, refs), NUDGES.c.state == SENDING).values(
        state=SENT, sent_at=now, lease_until=None, **({"delivery_ref": distinct.pop()} if same_ref else {}))
    sent = set(session.scalars(marked.returning(NUDGES.c.id)).all())
    delivered = [nudge_id for nudge_id in refs if nudge_id in sent]
    if delivered and not same_ref:
        session.execute(update(NUDGES).where(NUDGES.c.id == bindparam("b_id")).values(delivery_ref=bindparam("b_ref")),
                        [{"b_id": nudge_id, "b_ref": refs[nudge_id]} for nudge_id in delivered])
    return delivered


def _histories(session: Session, contact_ids: list[int]) -> defaultdict[int, list[HistoryEvent]]:
    """The event logs of many contacts in one query, each in `history_of` order."""
    histories: defaultdict[int, list[HistoryEvent]] = defaultdict(list)
    events = select(EVENTS.c.contact_id, EVENTS.c.kind, EVENTS.c.at, EVENTS.c.until, EVENTS.c.detail).where(
        one_of(session, EVENTS.c.contact_id, contact_ids)).order_by(EVENTS.c.contact_id, EVENTS.c.at, EVENTS.c.id)
    nudged = EventKind.NUDGED
    for contact_id, kind_value, at, until, detail in session.execute(events).all():
        kind = EVENT_KINDS[kind_value]
        histories[contact_id].append(HistoryEvent(kind, at, until, NUDGE_KINDS[detail] if kind is nudged else None))
    return histories


def _insert_in_order(history: list[HistoryEvent], event: HistoryEvent) -> None:
    """Add the newest event (highest id) where `history_of`'s (at, id) order puts it: after all events at
    or before its moment."""
    index = len(history)
    while index and history[index - 1].at > event.at:
        index -= 1
    history.insert(index, event)


def _replan(session: Session, batch: Sequence[_Delivered], histories: Mapping[int, list[HistoryEvent]],
            stages: dict[int, str], now: datetime) -> None:
    """`reschedule` for many contacts (each at most once): the rules in Python over histories already
    loaded, their pending nudges in one query, then only the changes written — stages, cancels, new rows."""
    ids = [row.contact_id for row in batch]
    pending = {contact_id: (nudge_id, kind, due_at) for nudge_id, contact_id, kind, due_at in session.execute(
        select(NUDGES.c.id, NUDGES.c.contact_id, NUDGES.c.kind, NUDGES.c.due_at)
        .where(one_of(session, NUDGES.c.contact_id, ids), NUDGES.c.state == PENDING)).all()}
    changed_stages: list[dict[str, Any]] = []
    cancel: list[int] = []
    new: list[dict[str, Any]] = []
    for row in batch:
        contact_id = row.contact_id
        history = histories[contact_id]
        stage = fold(history).stage.value
        if stage != stages[contact_id]:
            stages[contact_id] = stage
            changed_stages.append({"b_id": contact_id, "b_stage": stage})
        settings = _settings(row.timezone, row.work_start_hour, row.work_end_hour, row.work_days,
                             row.member_checkin_days, row.paused)
        plan = plan_next_nudge(history, settings, now, checkin_days=row.checkin_days)
        current = pending.get(contact_id)
        if current is not None and plan is not None and current[1:] == (plan.kind.value, plan.due_at):
            continue
        if current is not None:
            cancel.append(current[0])
        if plan is not None:
            new.append({"member_id": row.member_id, "contact_id": contact_id, "kind": plan.kind.value,
                        "due_at": plan.due_at, "state": PENDING, "attempts": 0, "created_at": now})
    if changed_stages:
        session.execute(update(CONTACTS).where(CONTACTS.c.id == bindparam("b_id"))
                        .values(stage=bindparam("b_stage")), changed_stages)
    if cancel:  # first: free the one-pending-per-contact slot
        session.execute(update(NUDGES).where(one_of(session, NUDGES.c.id, cancel)).values(state=CANCELLED))
    if new:
        session.execute(insert(NUDGES), new)


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


def delivery_moment(member: MemberSettingsSource, due_at: datetime, now: datetime) -> datetime:
    """When a due nudge may go out: now — unless it is overdue (nothing ran while it fell due) and now is
    outside the member's working hours; then their next working moment, never 3 a.m."""
    if now - due_at <= LATE_GRACE:
        return now
    return next_working_moment(now, settings_of(member).hours)


def _same(nudge: Nudge, plan: PlannedNudge) -> bool:
    return nudge.kind == plan.kind.value and nudge.due_at == plan.due_at
