"""Keeps the nudge table true to the rules: after any change to a contact — a command, a click, a
delivered nudge — its one pending nudge is re-planned from the event log (bot/rules.py decides; this
module only writes the outcome).

There is one write path, set-based: `replan` reads a batch of contacts, their members and event logs
with one query each, folds each log once, and writes only the changes — stages, cancelled rows, new
rows — in one statement each. A command re-plans its one contact through it (`reschedule`, a batch of
one); the dispatcher records a batch of delivered nudges through it (`record_deliveries`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any, NamedTuple, cast

from sqlalchemy import Insert, Select, Table, bindparam, insert, literal, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key
from sqlalchemy.sql.dml import ReturningUpdate

from bot.models import Contact, Event, EventKind, Member, Nudge, NudgeKind, NudgeState, Stage, UTCDateTime
from bot.nudges import undelivered_notice
from bot.rules import (
    FIRST_NUDGE_DEADLINE,
    FIRST_NUDGE_EARLIEST,
    ContactState,
    HistoryEvent,
    PlannedNudge,
    WorkingHours,
    fold,
    next_working_moment,
    plan_for,
)
from bot.store.batch import (
    IDS,
    ContactPlan,
    MemberRow,
    contact_plans,
    dialect_of,
    id_list,
    ids_in,
    insert_rows,
    one_of,
    update_rows,
)
from bot.store.repository import pending_nudge

LATE_GRACE = timedelta(minutes=15)  # a nudge this late was merely waiting for a tick: deliver as planned

NUDGES, EVENTS = cast(Table, Nudge.__table__), cast(Table, Event.__table__)
CONTACTS = cast(Table, Contact.__table__)
PENDING, SENDING = NudgeState.PENDING.value, NudgeState.SENDING.value
SENT, CANCELLED = NudgeState.SENT.value, NudgeState.CANCELLED.value
NUDGED = EventKind.NUDGED
EVENT_KINDS = {kind.value: kind for kind in EventKind}  # a dict lookup: Enum(value) is slow per row
NUDGE_KINDS = {kind.value: kind for kind in NudgeKind}
NEW_NUDGE = ("member_id", "contact_id", "kind", "due_at", "state", "attempts", "created_at")
NEW_EVENT = ("contact_id", "kind", "at", "detail", "nudge_id")


class Replanned(NamedTuple):
    """What a re-planning changed: contacts' new stages and the pending rows it cancelled."""

    stages: dict[int, str]
    cancelled: list[int]


class _Marked(NamedTuple):
    """A delivered row just marked sent."""

    id: int
    contact_id: int | None  # None: a weekly digest
    kind: str


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


def reschedule(session: Session, contact: Contact, now: datetime) -> Nudge | None:
    """Re-plan one contact after a command or a click (`replan`, a batch of one); its pending nudge."""
    session.flush()
    _sync(session, replan(session, [contact.id], now))
    return pending_nudge(session, contact)


def schedule_new(session: Session, contact: Contact, member: Member, met: Event, now: datetime) -> Nudge | None:
    """Plan a contact this unit just created (its one MET event, `met`; no nudge yet): `reschedule`'s rules
    and writes, over what the command holds instead of read back from the rows it just wrote — four reads
    fewer on every new contact's /met."""
    session.flush()
    plan = ContactPlan(contact.id, contact.member_id, contact.checkin_days, Stage(contact.stage).value,
                       contact.conference_id)
    history = {contact.id: [HistoryEvent(EventKind(met.kind), met.at, met.until, None)]}
    settings = MemberRow._make(getattr(member, name) for name in MemberRow._fields)
    _sync(session, _write_plans(session, [plan], {member.id: settings}, history, {contact.id: plan.stage}, now,
                                pending={}))
    return pending_nudge(session, contact)


def reschedule_all(session: Session, member: Member, now: datetime) -> None:
    """After a settings change (timezone, hours, pause, resume) re-plan every contact of the member."""
    session.flush()
    ids = session.scalars(select(CONTACTS.c.id).where(CONTACTS.c.member_id == member.id)).all()
    _sync(session, replan(session, ids, now))


def replan(session: Session, contact_ids: Collection[int], now: datetime) -> Replanned:
    """Make each contact's pending nudge (and cached stage) what the rules plan from its history now."""
    contacts, members = contact_plans(session, contact_ids)
    histories = _histories(session, list(contacts))
    stages = {contact_id: contact.stage for contact_id, contact in contacts.items()}
    return _write_plans(session, list(contacts.values()), members, histories, stages, now)


def record_deliveries(session: Session, refs: Mapping[int, str | None], now: datetime) -> list[int]:
    """Delivered nudges (id → platform reference, in delivery order): mark each row still 'sending' as
    sent, log a NUDGED event on its contact and re-plan the contact — in a handful of set-based statements.
    Returns the ids marked sent (a row another dispatcher already recorded is left alone).

    A contact with several rows in one batch (rare: a re-claimed row beside its successor) is recorded in
    rounds, one row per contact a round, so the result is that of recording them one after another."""
    marked = _mark_sent(session, refs, now)
    if not marked:
        return []
    contacts, members = contact_plans(session, {row.contact_id for row in marked if row.contact_id is not None})
    # A row without its contact (forgotten while being delivered, or a weekly digest) is only marked sent.
    rounds: list[list[_Marked]] = []
    seen: Counter[int] = Counter()
    for row in marked:
        if row.contact_id not in contacts:
            continue
        turn = seen[row.contact_id]
        seen[row.contact_id] += 1
        if turn == len(rounds):
            rounds.append([])
        rounds[turn].append(row)
    if rounds:
        histories = _histories(session, list(contacts))
        stages = {contact_id: contact.stage for contact_id, contact in contacts.items()}
        for batch in rounds:
            _log_nudged(session, [row.id for row in batch], now)
            for row in batch:
                _insert_in_order(histories[cast(int, row.contact_id)],
                                 HistoryEvent(NUDGED, now, None, NUDGE_KINDS[row.kind]))
            _write_plans(session, [contacts[cast(int, row.contact_id)] for row in batch], members, histories,
                         stages, now)
    return [row.id for row in marked]


def _log_nudged(session: Session, ids: list[int], now: datetime) -> None:
    """A NUDGED event on the contact of each row (by id, in id order), written from the rows themselves."""
    dialect = dialect_of(session)
    session.execute(_nudged_events(dialect), {IDS: id_list(dialect, ids), "now": now})


@cache
def _nudged_events(dialect: str) -> Insert:
    n = NUDGES.c
    return insert(EVENTS).from_select(
        NEW_EVENT, select(n.contact_id, literal(NUDGED.value), bindparam("now", type_=UTCDateTime()), n.kind, n.id)
        .where(ids_in(dialect, n.id)).order_by(n.id))


def _mark_sent(session: Session, refs: Mapping[int, str | None], now: datetime) -> list[_Marked]:
    """Mark the rows still 'sending' as sent, with their platform references; those rows, in `refs` order."""
    if not refs:
        return []
    distinct = set(refs.values())
    same_ref = len(distinct) == 1
    dialect = dialect_of(session)
    values = {IDS: id_list(dialect, refs), "now": now} | ({"ref": distinct.pop()} if same_ref else {})
    rows = {row[0]: _Marked._make(row) for row in session.execute(_mark_sent_statement(dialect, same_ref), values)}
    delivered = [rows[nudge_id] for nudge_id in refs if nudge_id in rows]
    if delivered and not same_ref:
        update_rows(session, NUDGES, "id", ("delivery_ref",), [(row.id, refs[row.id]) for row in delivered])
    return delivered


@cache
def _mark_sent_statement(dialect: str, with_ref: bool) -> ReturningUpdate[Any]:
    n = NUDGES.c
    marked = update(NUDGES).where(ids_in(dialect, n.id), n.state == SENDING).values(
        state=SENT, sent_at=bindparam("now"), lease_until=None,
        **({"delivery_ref": bindparam("ref")} if with_ref else {}))
    return marked.returning(n.id, n.contact_id, n.kind)


def _histories(session: Session, contact_ids: list[int]) -> defaultdict[int, list[HistoryEvent]]:
    """The event logs of many contacts in one query, each in (at, id) order."""
    histories: defaultdict[int, list[HistoryEvent]] = defaultdict(list)
    if not contact_ids:
        return histories
    dialect = dialect_of(session)
    kinds, nudge_kinds = EVENT_KINDS, NUDGE_KINDS
    events = session.execute(_events(dialect), {IDS: id_list(dialect, contact_ids)})
    for contact_id, kind_value, at, until, detail in events:
        kind = kinds[kind_value]
        histories[contact_id].append(HistoryEvent(kind, at, until, nudge_kinds[detail] if kind is NUDGED else None))
    return histories


@cache
def _events(dialect: str) -> Select[Any]:
    e = EVENTS.c
    return select(e.contact_id, e.kind, e.at, e.until, e.detail).where(
        ids_in(dialect, e.contact_id)).order_by(e.contact_id, e.at, e.id)


def _insert_in_order(history: list[HistoryEvent], event: HistoryEvent) -> None:
    """Add the newest event (highest id) where the (at, id) order puts it: after all events at or before
    its moment."""
    index = len(history)
    while index and history[index - 1].at > event.at:
        index -= 1
    history.insert(index, event)


def _write_plans(session: Session, contacts: Sequence[ContactPlan], members: Mapping[int, MemberRow],
                 histories: Mapping[int, list[HistoryEvent]], stages: dict[int, str], now: datetime,
                 pending: Mapping[int, tuple[Any, ...]] | None = None) -> Replanned:
    """The rules over histories already loaded (each contact at most once, each log folded once), their
    pending nudges in one query (unless given: `pending`, by contact id), then only the changes written:
    stages, cancels, new rows. `stages` holds each contact's stage as stored, and is kept up to date."""
    if not contacts:
        return Replanned({}, [])
    n = NUDGES.c
    if pending is None:
        dialect = dialect_of(session)
        pending = {row[1]: row for row in session.execute(
            _pending(dialect), {IDS: id_list(dialect, [c.id for c in contacts])})}
    changed: dict[int, str] = {}
    cancel: list[int] = []
    new: list[tuple[Any, ...]] = []
    plans: dict[int, PlannedNudge | None] = {}
    at_events: list[tuple[ContactPlan, ContactState, PlannedNudge]] = []
    for contact in contacts:
        contact_id, member = contact.id, members[contact.member_id]
        state = fold(histories[contact_id])
        stage = state.stage.value
        if stage != stages[contact_id]:
            stages[contact_id] = changed[contact_id] = stage
        plan = plans[contact_id] = plan_for(state, member.settings, now, checkin_days=contact.checkin_days)
        if (plan is not None and plan.kind is NudgeKind.FOLLOW_UP_48H and contact.conference_id is not None
                and plan.due_at <= state.anchor + FIRST_NUDGE_DEADLINE):
            at_events.append((contact, state, plan))
    if at_events:
        plans |= _spread_events(session, at_events, members, pending, now)
    for contact in contacts:
        contact_id, member = contact.id, members[contact.member_id]
        plan = plans[contact_id]
        current = pending.get(contact_id)
        if current is not None and plan is not None and current[2] == plan.kind.value and current[3] == plan.due_at:
            continue
        if current is not None:
            cancel.append(current[0])
        if plan is not None:
            new.append((member.id, contact_id, plan.kind.value, plan.due_at, PENDING, 0, now))
    update_rows(session, CONTACTS, "id", ("stage",), list(changed.items()))
    if cancel:  # first: free the one-pending-per-contact slot
        session.execute(update(NUDGES).where(one_of(session, n.id, cancel)).values(state=CANCELLED))
    insert_rows(session, NUDGES, NEW_NUDGE, new)
    return Replanned(changed, cancel)


# --- one event's 48 h nudges, spread out (DESIGN §3) -------------------------------------------------------

SPREAD_PER_HOUR = 3  # an event's 48 h nudges in any one hour, at most
SPREAD_STEP = timedelta(hours=1)  # slots an hour apart


def crowd(moment: datetime, taken: Sequence[datetime]) -> int:
    """How many of `taken` lie less than SPREAD_STEP from `moment`."""
    return sum(1 for other in taken if abs(other - moment) < SPREAD_STEP)


def spread_candidates(preferred: datetime, earliest: datetime, deadline: datetime,
                      hours: WorkingHours) -> list[datetime]:
    """Where a 48 h nudge may go, best first: the rules' own moment, then an hour later, and later (inside
    working hours, never past `deadline`), then an hour earlier, and earlier (never before `earliest`)."""
    any_day = not hours.contains(preferred)  # the rules gave up weekdays (met on a Friday evening): so do we
    found: list[datetime] = []
    moment = preferred
    while moment <= deadline:
        found.append(moment)
        moment = next_working_moment(moment + SPREAD_STEP, hours, any_day=any_day)
    moment = preferred - SPREAD_STEP
    while moment >= earliest:
        if hours.contains(moment, any_day=any_day):
            found.append(moment)
        moment -= SPREAD_STEP
    return found


def spread_due(preferred: datetime, earliest: datetime, deadline: datetime, taken: Sequence[datetime],
               hours: WorkingHours) -> datetime:
    """The first candidate with room (fewer than SPREAD_PER_HOUR of `taken` within the hour), so that no
    hour ever holds more than SPREAD_PER_HOUR of them; with none, the least crowded — the 48 h mark wins."""
    best, fewest = preferred, crowd(preferred, taken)
    for moment in spread_candidates(preferred, earliest, deadline, hours):
        around = crowd(moment, taken)
        if around < SPREAD_PER_HOUR:
            return moment
        if around < fewest:
            best, fewest = moment, around
    return best


def still_fits(moment: datetime, preferred: datetime, earliest: datetime, deadline: datetime,
               taken: Sequence[datetime], hours: WorkingHours) -> bool:
    """Whether a nudge already planned at `moment` may stay there (so re-planning never shuffles slots)."""
    any_day = not hours.contains(preferred)
    return (earliest <= moment <= deadline and hours.contains(moment, any_day=any_day)
            and crowd(moment, taken) < SPREAD_PER_HOUR)


def _spread_events(session: Session, items: Sequence[tuple[ContactPlan, ContactState, PlannedNudge]],
                   members: Mapping[int, MemberRow], pending: Mapping[int, tuple[Any, ...]], now: datetime
                   ) -> dict[int, PlannedNudge]:
    """The 48 h nudges of contacts met at a conference, each event's spread across its slots: earliest met
    first, around the pending 48 h nudges of that event's other contacts."""
    batch = {contact.id for contact, _, _ in items}
    c, n = CONTACTS.c, NUDGES.c
    others = session.execute(
        select(c.conference_id, n.due_at).join(NUDGES, n.contact_id == c.id)
        .where(c.conference_id.in_(sorted({contact.conference_id for contact, _, _ in items})),
               n.state == PENDING, n.kind == NudgeKind.FOLLOW_UP_48H.value, c.id.not_in(sorted(batch))))
    taken: defaultdict[int | None, list[datetime]] = defaultdict(list)
    for conference_id, due_at in others:
        taken[conference_id].append(due_at)
    spread: dict[int, PlannedNudge] = {}
    for contact, state, plan in sorted(items, key=lambda item: (item[1].anchor, item[0].id)):
        hours = members[contact.member_id].settings.hours
        deadline = state.anchor + FIRST_NUDGE_DEADLINE
        earliest = max(state.anchor + FIRST_NUDGE_EARLIEST, now, state.snoozed_until or now)
        slots = taken[contact.conference_id]
        current = pending.get(contact.id)
        if (current is not None and current[2] == plan.kind.value
                and still_fits(current[3], plan.due_at, earliest, deadline, slots, hours)):
            due = current[3]
        else:
            due = spread_due(plan.due_at, earliest, deadline, slots, hours)
        slots.append(due)
        spread[contact.id] = PlannedNudge(plan.kind, due)
    return spread


@cache
def _pending(dialect: str) -> Select[Any]:
    n = NUDGES.c
    return select(n.id, n.contact_id, n.kind, n.due_at).where(ids_in(dialect, n.contact_id), n.state == PENDING)


def _sync(session: Session, done: Replanned) -> None:
    """Bring ORM objects a command already holds up to date with what `replan` wrote beside them."""
    for contact_id, stage in done.stages.items():
        contact = session.identity_map.get(identity_key(Contact, contact_id))
        if contact is not None:
            set_committed_value(contact, "stage", Stage(stage))  # the column's type: a member, not its value
    for nudge_id in done.cancelled:
        nudge = session.identity_map.get(identity_key(Nudge, nudge_id))
        if nudge is not None:
            set_committed_value(nudge, "state", NudgeState.CANCELLED)


def record_failure(session: Session, nudge: Nudge, reason: str) -> None:
    """A nudge can never reach the member: keep the row as failed and tell them on their next command."""
    nudge.state = NudgeState.FAILED
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


def delivery_moment(hours: WorkingHours, due_at: datetime, now: datetime) -> datetime:
    """When a due nudge may go out: now — unless it is overdue (nothing ran while it fell due) and now is
    outside the member's working hours; then their next working moment, never 3 a.m."""
    if now - due_at <= LATE_GRACE:
        return now
    return next_working_moment(now, hours)
