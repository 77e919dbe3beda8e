"""`schedule_new` plans a contact /met just created from what the command holds, without reading back the
rows it wrote: for random member settings, meeting times and conference days (whose 48 h nudges are spread
around the ones already pending), it leaves exactly the nudge and stage `reschedule` leaves, on SQLite and
the real PostgreSQL."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Conference, Contact, EventKind, Member, Nudge, NudgeState
from bot.planner import record_event, reschedule, schedule_new

NOW = datetime(2026, 10, 25, 0, 40, tzinfo=UTC)  # Europe's fall-back night
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham")
SCENARIOS = 24


def crowd_of_a_conference(session: Session, rng: random.Random, tag: str) -> tuple[Member, Conference]:
    """A member with random settings at a conference where some contacts already have their 48 h nudge."""
    start = rng.randint(0, 12)
    member = Member(platform="console", workspace_id="W", user_id=tag, timezone=rng.choice(ZONES),
                    work_start_hour=start, work_end_hour=rng.randint(start + 1, 24),
                    work_days="".join(sorted(rng.sample("0123456", rng.randint(1, 7)))),
                    checkin_days=rng.choice((7, 30, 90)), paused=rng.random() < 0.2, created_at=NOW)
    session.add(member)
    session.flush()
    conference = Conference(member_id=member.id, name="Expo", starts_at=NOW - timedelta(days=1),
                            ends_at=NOW + timedelta(days=2))
    session.add(conference)
    session.flush()
    for c in range(rng.randint(0, 8)):
        met_at = NOW - timedelta(hours=rng.uniform(0, 20))
        earlier = Contact(member=member, name=f"E {c}", name_key=f"e {c}", met_at=met_at, created_at=met_at,
                          interests=[], tags=[], conference_id=conference.id)
        session.add(earlier)
        session.flush()
        record_event(session, earlier, EventKind.MET, met_at)
        reschedule(session, earlier, met_at)
    return member, conference


def plan_one(sessions: sessionmaker[Session], seed: int, planner: str) -> tuple[Any, ...]:
    """A new contact recorded at `NOW` (at the conference or not) and planned by `planner`; its stage and
    pending nudge, as stored. Everything is rolled back."""
    rng = random.Random(seed)
    with sessions() as session:
        member, conference = crowd_of_a_conference(session, rng, f"m{seed}")
        contact = Contact(member_id=member.id, name="New One", name_key="new one", met_at=NOW, created_at=NOW,
                          checkin_days=rng.choice((None, None, 3, 60)), interests=[], tags=[],
                          conference_id=conference.id if rng.random() < 0.7 else None)
        session.add(contact)
        session.flush()
        meeting = record_event(session, contact, EventKind.MET, NOW, detail="Expo")
        if planner == "new":
            returned = schedule_new(session, contact, member, meeting, NOW)
        else:
            session.flush()
            returned = reschedule(session, contact, NOW)
        session.flush()
        stored = session.scalars(select(Nudge).where(Nudge.contact_id == contact.id,
                                                     Nudge.state == NudgeState.PENDING.value)).all()
        stage = session.scalar(select(Contact.stage).where(Contact.id == contact.id))
        result = (stage, contact.stage, [(n.kind, n.due_at) for n in stored],
                  None if returned is None else (returned.kind, returned.due_at))
        session.rollback()
    return result


@pytest.mark.parametrize("seed", range(SCENARIOS))
def test_a_new_contact_is_planned_as_reschedule_plans_it(sessions: sessionmaker[Session], seed: int) -> None:
    planned = plan_one(sessions, seed, "new")
    assert planned == plan_one(sessions, seed, "reschedule")
    stored_stage, held_stage, pending, returned = planned
    assert stored_stage == held_stage  # the Contact the command holds shows what was written
    assert len(pending) <= 1 and returned == (pending[0] if pending else None)
