"""Replays and merges (SQLite and PostgreSQL): the same /met again — a double submit, a replayed signed
request — changes nothing; a real meeting later or elsewhere is logged; merged notes skip what is there
and stay under the text limit."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock, SystemClock
from bot.coach import Coach
from bot.handlers.contacts import REPEAT_WINDOW, merged_notes
from bot.identity import Actor
from bot.limits import MAX_TEXT
from bot.models import Contact, Event, EventKind, Nudge, NudgeKind, NudgeState, Stage
from bot.store.repository import MEMBER_LOCK_SPACE
from tests.conftest import START

ANA = Actor("slack", "T1", "U_ANA", display_name="Ana", timezone="UTC")
MET = '"Jane Doe" at PyCon -- talked metrics #python'


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> Coach:
    return Coach(sessions, clock)


def state(sessions: sessionmaker[Session]) -> tuple[list[tuple[str, object]], str | None, str, list[tuple]]:
    with sessions() as session:
        contact = session.scalars(select(Contact)).one()
        history = select(Event).where(Event.kind != EventKind.BEFORE_MET).order_by(Event.id)  # not its undo copy
        events = [(e.kind, e.at) for e in session.scalars(history)]
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


@pytest.mark.parametrize("behind, repeat", [(timedelta(milliseconds=500), True), (timedelta(minutes=9), True),
                                            (timedelta(minutes=11), False)])
def test_a_replica_whose_clock_is_behind_sees_the_same_request(sessions: sessionmaker[Session], clock: FakeClock,
                                                               behind: timedelta, repeat: bool) -> None:
    """Within ten minutes either way is the same request: a replica a little behind reads a `now` before
    the meeting it repeats."""
    Coach(sessions, clock).handle_text(ANA, "/met", MET)
    late_replica = Coach(sessions, FakeClock(clock.now() - behind))
    reply = late_replica.handle_text(ANA, "/met", MET)
    assert reply.text.startswith("Already noted") is repeat
    events, _notes, _stage, _nudges = state(sessions)
    assert [kind for kind, _at in events] == ["met"] * (1 if repeat else 2)


class LockProbe:
    """A clock that, each time it is read, asks another connection whether ANA's lock is held: the
    clock must be read after the person's lock (PostgreSQL) or the write lock (SQLite) is taken."""

    def __init__(self, engine: Engine) -> None:
        self.engine, self.unlocked_reads = engine, 0

    def now(self) -> datetime:
        if not self._held():
            self.unlocked_reads += 1
        return START

    def _held(self) -> bool:
        if self.engine.dialect.name == "sqlite":
            probe = sqlite3.connect(str(self.engine.url.database), timeout=0, isolation_level=None)
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
                return False
            except sqlite3.OperationalError:  # database is locked
                return True
            finally:
                probe.close()
        with self.engine.connect() as probe:
            free = probe.scalar(text("SELECT pg_try_advisory_xact_lock(:space, hashtext(:person))"),
                                {"space": MEMBER_LOCK_SPACE, "person": f"slack\x1f{ANA.user_id}"})
            probe.rollback()
            return not free


def test_the_clock_is_read_after_the_lock(store: tuple[Engine, sessionmaker[Session]]) -> None:
    engine, sessions = store
    probe = LockProbe(engine)
    coach = Coach(sessions, probe)
    assert coach.handle_text(ANA, "/met", MET).text.startswith("Noted")
    assert coach.handle_text(ANA, "/met", MET).text.startswith("Already noted")
    assert probe.unlocked_reads == 0


def test_twenty_identical_mets_at_once_are_one_meeting(sessions: sessionmaker[Session]) -> None:
    """Real time, twenty threads released together: one meeting, nineteen "Already noted"."""
    coach = Coach(sessions, SystemClock())
    coach.handle_text(ANA, "/coach", "help")  # the member exists: the race is on the meeting alone
    barrier = threading.Barrier(20)
    replies: list[str] = []

    def submit() -> None:
        barrier.wait()
        replies.append(coach.handle_text(ANA, "/met", MET).text)

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(reply.startswith("Noted") for reply in replies) == 1
    assert sum(reply.startswith("Already noted") for reply in replies) == 19
    with sessions() as session:
        assert session.scalars(select(Event.kind).where(Event.kind == EventKind.MET.value)).all() == ["met"]
