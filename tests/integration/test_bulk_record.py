"""The dispatcher's set-based `record_deliveries` on SQLite and the real PostgreSQL, for many random
histories, member settings and in-flight rows: a batch leaves the same nudge rows, events and contact
stages as recording the same deliveries one at a time (batches of one), and what it leaves is what the
rules say, read straight from the ORM (each contact's pending nudge and stage)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Contact, Event, EventKind, Member, Nudge, NudgeKind, NudgeState
from bot.planner import record_deliveries, record_event, reschedule
from bot.rules import HistoryEvent, MemberSettings, WorkingHours, fold, plan_next_nudge

NOW = datetime(2026, 3, 29, 0, 30, 17, 250_000, tzinfo=UTC)  # Europe's spring-forward night
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Pacific/Chatham")
LATER_KINDS = (EventKind.SENT, EventKind.REPLIED, EventKind.CHECKED_IN, EventKind.SNOOZED, EventKind.MOVED_ON,
               EventKind.NOTE, EventKind.NUDGED, EventKind.MET)
SCENARIOS = 40


def build(session: Session, rng: random.Random, tag: str) -> dict[int, str | None]:
    """Members with random settings; contacts with random event logs, planned by `reschedule`; then rows
    in flight as a dispatcher would hold them. Returns what was delivered (nudge id → ref), in send order."""
    in_flight: list[int] = []
    for m in range(rng.randint(1, 4)):
        start = rng.randint(0, 12)
        member = Member(platform="console", workspace_id="W", user_id=f"{tag}-{m}", timezone=rng.choice(ZONES),
                        work_start_hour=start, work_end_hour=rng.randint(start + 1, 24),
                        work_days="".join(sorted(rng.sample("0123456", rng.randint(1, 7)))),
                        checkin_days=rng.choice((7, 30, 90)), paused=rng.random() < 0.15, created_at=NOW)
        session.add(member)
        for c in range(rng.randint(1, 10)):
            met_at = NOW - timedelta(days=rng.uniform(0, 120), microseconds=rng.randint(0, 999_999))
            contact = Contact(member=member, name=f"C {c}", name_key=f"c {c}", met_at=met_at, created_at=met_at,
                              checkin_days=rng.choice((None, None, 3, 14, 60)), interests=[], tags=[])
            session.add(contact)
            session.flush()
            record_event(session, contact, EventKind.MET, met_at)
            at = met_at
            for _ in range(rng.choice((0, 0, 1, 2, 3, 5, 8))):
                at = min(at + timedelta(days=rng.uniform(0, 20)), NOW + timedelta(hours=rng.choice((-2, 0, 1))))
                kind = rng.choice(LATER_KINDS)
                record_event(session, contact, kind, at,
                             until=at + timedelta(days=rng.uniform(0, 10)) if kind is EventKind.SNOOZED else None,
                             detail=rng.choice(list(NudgeKind)).value if kind is EventKind.NUDGED else None)
            session.flush()
            planned = reschedule(session, contact, min(at, NOW) + timedelta(minutes=rng.randint(0, 90)))
            if planned is not None and rng.random() < 0.6:  # claimed, by us or (after our lease) by another
                hold(planned, rng)
                in_flight.append(planned.id)
            for state in (NudgeState.SENDING, NudgeState.SENDING, NudgeState.SENT, NudgeState.CANCELLED):
                if rng.random() < 0.12:  # an older row of the contact still in flight (or already settled)
                    extra = Nudge(member_id=member.id, contact_id=contact.id, kind=rng.choice(list(NudgeKind)).value,
                                  due_at=at, state=state.value, attempts=1, created_at=met_at)
                    session.add(extra)
                    session.flush()
                    if state is NudgeState.SENDING:
                        hold(extra, rng)
                    in_flight.append(extra.id)
    session.flush()
    rng.shuffle(in_flight)
    mode = rng.choice(("same", "distinct", "mixed"))
    refs = {"same": lambda n: "posted", "distinct": lambda n: f"post-{n}",
            "mixed": lambda n: rng.choice((None, "posted", f"post-{n}"))}[mode]
    return {nudge_id: refs(nudge_id) for nudge_id in in_flight}


def hold(nudge: Nudge, rng: random.Random) -> None:
    nudge.state, nudge.claimed_by = NudgeState.SENDING.value, rng.choice(("w1", "w1", "w1", "w2"))
    nudge.lease_until, nudge.attempts = NOW + timedelta(minutes=5), nudge.attempts + 1


def per_nudge(session: Session, delivered: dict[int, str | None]) -> list[int]:
    """Each delivery in turn, as a batch of one."""
    recorded = [i for nudge_id, ref in delivered.items() for i in record_deliveries(session, {nudge_id: ref}, NOW)]
    session.flush()
    return recorded


def what_the_rules_say(session: Session, contact_ids: set[int]) -> dict[int, tuple[Any, ...]]:
    """Each contact's stage and pending nudge as the rules plan them now, from its ORM event log."""
    expected = {}
    for contact_id in contact_ids:
        contact = session.get_one(Contact, contact_id)
        member = contact.member
        events = session.scalars(select(Event).where(Event.contact_id == contact_id).order_by(Event.at, Event.id))
        history = [HistoryEvent(EventKind(e.kind), e.at, e.until,
                                NudgeKind(e.detail) if e.kind == EventKind.NUDGED else None) for e in events]
        hours = WorkingHours(member.timezone, member.work_start_hour, member.work_end_hour,
                             frozenset(int(day) for day in member.work_days))
        plan = plan_next_nudge(history, MemberSettings(hours, member.checkin_days, member.paused), NOW,
                               checkin_days=contact.checkin_days)
        expected[contact_id] = (fold(history).stage.value, None if plan is None else (plan.kind.value, plan.due_at))
    return expected


def what_is_stored(session: Session, contact_ids: set[int]) -> dict[int, tuple[Any, ...]]:
    stored = {}
    for contact_id in contact_ids:
        pending = session.scalars(select(Nudge).where(Nudge.contact_id == contact_id,
                                                      Nudge.state == NudgeState.PENDING.value)).all()
        assert len(pending) <= 1
        stage = session.scalar(select(Contact.stage).where(Contact.id == contact_id))
        stored[contact_id] = (stage, (pending[0].kind, pending[0].due_at) if pending else None)
    return stored


def snapshot(session: Session, first_new_id: int) -> dict[str, Any]:
    """Every row that matters; rows created by the recording are compared without their surrogate ids."""
    rows = [((n.id if n.id < first_new_id else None), n.member_id, n.contact_id, n.kind, n.due_at, n.state,
             n.attempts, n.lease_until, n.claimed_by, n.sent_at, n.last_error, n.delivery_ref, n.digest_id,
             n.created_at) for n in session.scalars(select(Nudge))]
    nudges = sorted(rows, key=repr)
    logs: dict[int, list[tuple[Any, ...]]] = {}
    for e in session.scalars(select(Event).order_by(Event.at, Event.id)):  # history_of's order
        logs.setdefault(e.contact_id, []).append((e.kind, e.at, e.detail, e.until, e.nudge_id))
    stages = {c.id: c.stage for c in session.scalars(select(Contact))}
    return {"nudges": nudges, "events": logs, "stages": stages}


def run(sessions: sessionmaker[Session], path: str, delivered: dict[int, str | None],
        first_new_id: int) -> tuple[list[int], dict[str, Any]]:
    with sessions() as session:
        recorded = record_deliveries(session, delivered, NOW) if path == "bulk" else per_nudge(session, delivered)
        state = snapshot(session, first_new_id)
        session.rollback()
    return recorded, state


@pytest.mark.parametrize("seed", range(SCENARIOS))
def test_bulk_recording_matches_recording_one_by_one(sessions: sessionmaker[Session], seed: int) -> None:
    rng = random.Random(seed)
    with sessions.begin() as session:
        delivered = build(session, rng, f"s{seed}")
        first_new_id = (session.scalar(select(Nudge.id).order_by(Nudge.id.desc()).limit(1)) or 0) + 1
    one_by_one, expected = run(sessions, "per-nudge", delivered, first_new_id)
    bulk, got = run(sessions, "bulk", delivered, first_new_id)
    assert bulk == one_by_one
    assert got["stages"] == expected["stages"]
    assert got["events"] == expected["events"]
    assert got["nudges"] == expected["nudges"]


@pytest.mark.parametrize("seed", range(0, SCENARIOS, 4))
def test_what_recording_leaves_is_what_the_rules_plan(sessions: sessionmaker[Session], seed: int) -> None:
    rng = random.Random(seed)
    with sessions.begin() as session:
        delivered = build(session, rng, f"r{seed}")
    with sessions() as session:
        recorded = record_deliveries(session, delivered, NOW)
        session.flush()
        contacts = {c for c in session.scalars(select(Nudge.contact_id).where(Nudge.id.in_(recorded))) if c}
        assert what_is_stored(session, contacts) == what_the_rules_say(session, contacts)
        session.rollback()


def test_the_scenarios_reach_the_interesting_cases(sqlite_sessions: sessionmaker[Session]) -> None:
    """The random scenarios cover what the bulk path must get right, not just the common case."""
    seen: dict[str, int] = dict.fromkeys(("check-in delivered", "new plan", "plan cancelled", "plan kept",
                                          "stage changed", "twice in one batch", "not sending", "paused"), 0)
    for seed in range(SCENARIOS):
        rng = random.Random(seed)
        with sqlite_sessions.begin() as session:
            delivered = build(session, rng, f"cov{seed}")
            first_new_id = (session.scalar(select(Nudge.id).order_by(Nudge.id.desc()).limit(1)) or 0) + 1
            before = snapshot(session, first_new_id)
            rows = {n.id: n for n in session.scalars(select(Nudge).where(Nudge.id.in_(delivered)))}
            contacts = [rows[i].contact_id for i in delivered if rows[i].state == NudgeState.SENDING.value]
            seen["twice in one batch"] += len(contacts) - len(set(contacts))
            seen["not sending"] += sum(rows[i].state != NudgeState.SENDING.value for i in delivered)
            seen["check-in delivered"] += sum(rows[i].kind == NudgeKind.CHECK_IN.value for i in delivered)
            members = session.scalars(select(Member).where(Member.user_id.like(f"cov{seed}-%")))
            seen["paused"] += sum(member.paused for member in members)
            pending_before = {n.contact_id: (n.kind, n.due_at) for n in session.scalars(
                select(Nudge).where(Nudge.state == NudgeState.PENDING.value))}
            record_deliveries(session, delivered, NOW)
            session.flush()
            after = snapshot(session, first_new_id)
            pending_after = {n.contact_id: (n.kind, n.due_at) for n in session.scalars(
                select(Nudge).where(Nudge.state == NudgeState.PENDING.value))}
            for contact_id in set(contacts):
                old, new = pending_before.get(contact_id), pending_after.get(contact_id)
                seen["new plan"] += new is not None and new != old
                seen["plan cancelled"] += old is not None and new != old
                seen["plan kept"] += old is not None and new == old
                seen["stage changed"] += before["stages"][contact_id] != after["stages"][contact_id]
    assert all(seen.values()), seen
