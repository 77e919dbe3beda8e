"""Replays and merges (SQLite and PostgreSQL): the same /met again — a double submit, a replayed signed
request — changes nothing; a real meeting later or elsewhere is logged; merged notes skip what is there
and stay under the text limit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.handlers.contacts import REPEAT_WINDOW, merged_notes
from bot.identity import Actor
from bot.limits import MAX_TEXT
from bot.models import Contact, Event, Nudge, NudgeKind, NudgeState, Stage

ANA = Actor("slack", "T1", "U_ANA", display_name="Ana", timezone="UTC")
MET = '"Jane Doe" at PyCon -- talked metrics #python'


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> Coach:
    return Coach(sessions, clock)


def state(sessions: sessionmaker[Session]) -> tuple[list[tuple[str, object]], str | None, str, list[tuple]]:
    with sessions() as session:
        contact = session.scalars(select(Contact)).one()
        events = [(e.kind, e.at) for e in session.scalars(select(Event).order_by(Event.id))]
        nudges = [(n.id, n.kind, n.due_at, n.state) for n in session.scalars(select(Nudge).order_by(Nudge.id))]
        return events, contact.notes, contact.stage, nudges


def test_the_same_met_five_times_is_one_meeting(coach: Coach, sessions: sessionmaker[Session],
                                                clock: FakeClock) -> None:
    first = coach.handle_text(ANA, "/met", MET)
    assert first.text.startswith("Noted")
    before = state(sessions)
    for _ in range(5):
        clock.advance(timedelta(seconds=30))
        again = coach.handle_text(ANA, "/met", MET)
        assert not again.error and again.text.startswith("Already noted: you met Jane Doe at PyCon.")
    assert state(sessions) == before
    events, notes, _stage, nudges = before
    assert [kind for kind, _at in events] == ["met"] and notes == "talked metrics" and len(nudges) == 1


def test_a_replay_after_a_sent_message_does_not_restart_the_ladder(coach: Coach, sessions: sessionmaker[Session],
                                                                   clock: FakeClock) -> None:
    coach.handle_text(ANA, "/met", MET)
    clock.advance(timedelta(minutes=2))
    assert not coach.handle_text(ANA, "/coach", 'sent "Jane Doe"').error
    before = state(sessions)
    clock.advance(timedelta(minutes=2))
    assert coach.handle_text(ANA, "/met", MET).text.startswith("Already noted")
    assert state(sessions) == before
    assert before[2] == Stage.WAITING and before[3][-1][1] == NudgeKind.NO_REPLY_1W


@pytest.mark.parametrize("later, text", [
    (REPEAT_WINDOW + timedelta(minutes=1), MET),  # the same words, but not the same request
    (timedelta(minutes=1), '"Jane Doe" at the PyCon party -- talked metrics'),  # somewhere else
    (timedelta(minutes=1), '"Jane Doe" at PyCon -- talked metrics; her team is hiring'),  # something new
    (timedelta(minutes=1), '"Jane Doe" at PyCon -- talked metrics #hiring'),
])
def test_a_real_meeting_is_logged_as_today(coach: Coach, sessions: sessionmaker[Session], clock: FakeClock,
                                            later: timedelta, text: str) -> None:
    coach.handle_text(ANA, "/met", MET)
    clock.advance(later)
    reply = coach.handle_text(ANA, "/met", text)
    assert "met Jane Doe before" in reply.text
    events, _notes, stage, nudges = state(sessions)
    assert [kind for kind, _at in events] == ["met", "met"] and events[-1][1] == clock.now()
    assert stage == Stage.NEW and [n[3] for n in nudges].count(NudgeState.PENDING) == 1


def test_a_meeting_days_later_elsewhere_restarts_the_ladder(coach: Coach, sessions: sessionmaker[Session],
                                                            clock: FakeClock) -> None:
    coach.handle_text(ANA, "/met", MET)
    coach.handle_text(ANA, "/coach", 'sent "Jane Doe"')
    clock.advance(timedelta(days=9))
    coach.handle_text(ANA, "/met", '"Jane Doe" at EuroPython -- talked metrics; met her manager')
    events, notes, stage, nudges = state(sessions)
    assert [kind for kind, _at in events] == ["met", "sent", "met"] and events[-1][1] == clock.now()
    assert notes == "talked metrics; met her manager"  # what was already there is not repeated
    assert stage == Stage.NEW and nudges[-1][1] == NudgeKind.FOLLOW_UP_48H


def test_merged_notes_skip_what_is_there_and_stay_under_the_limit() -> None:
    assert merged_notes("talked metrics", "Talked  Metrics") == ("talked metrics", False)
    assert merged_notes("a; b", "b; c; c; a") == ("a; b; c", False)
    assert merged_notes(None, "x; x") == ("x", False)
    old = "; ".join(f"note {i:04d} " + "x" * 80 for i in range(60))  # ~5,500 characters
    notes, trimmed = merged_notes(old[:MAX_TEXT - 10], "the newest note")
    assert trimmed and notes is not None and len(notes) <= MAX_TEXT
    assert notes.endswith("; the newest note") and not notes.startswith("note 0000")


def test_a_full_notes_field_makes_room_and_says_so(coach: Coach, sessions: sessionmaker[Session],
                                                   clock: FakeClock) -> None:
    for day in range(5):
        words = " ".join(f"w{day}x{i}" for i in range(150))[:900]
        reply = coach.handle_text(ANA, "/met", f'"Jane Doe" -- {words}')
        clock.advance(timedelta(days=1))
    assert "oldest ones made room" in reply.text
    with sessions() as session:
        notes = session.scalars(select(Contact.notes)).one()
    assert notes is not None and len(notes) <= MAX_TEXT and notes.endswith(words)
