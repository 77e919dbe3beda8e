"""A member with many contacts (issue 23): `/coach list` reads the 50 lines it shows and a count, and says
what its limit is; `/coach export` is written a page at a time into private files that are deleted once
sent, holds up nobody's writes, and still has every contact exactly once."""

from __future__ import annotations

import csv
import gc
import io
import json
import stat
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, text
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.handlers import data
from bot.handlers.contacts import LIST_LIMIT
from bot.identity import Actor
from bot.models import Contact, Event, Member
from bot.replies import Reply
from bot.store import open_store
from tests.conftest import START

BIG = Actor("slack", "T1", "U_BIG", display_name="Big", timezone="UTC")
OTHER = Actor("slack", "T1", "U_OTHER", display_name="Other", timezone="UTC")
CONTACTS = data.PAGE * 2 + 3  # more than two pages


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")
    yield engine, sessions
    engine.dispose()


def seed(sessions: sessionmaker[Session], coach: Coach, n: int) -> None:
    """The member through a real command, then `n` contacts in bulk: every third tagged #rust, met a minute
    apart, two of them at the very same moment (the export's pages must not lose or repeat either)."""
    assert not coach.handle_line(BIG, "/coach settings").error
    with sessions.begin() as session:
        member = session.query(Member).filter_by(user_id=BIG.user_id).one()
        met = [START - timedelta(days=30) + timedelta(minutes=i) for i in range(n)]
        if n > data.PAGE:  # a tie exactly where the first page (newest first) ends
            met[n - data.PAGE - 1] = met[n - data.PAGE]
        ids = session.scalars(insert(Contact).returning(Contact.id, sort_by_parameter_order=True), [dict(
            member_id=member.id, name=f"Person {i:05d}", name_key=f"person {i:05d}", where_met="PyCon",
            notes="queues, \"quoted\", and a comma", interests=["python"], tags=["rust"] if i % 3 == 0 else [],
            stage="new", met_at=met[i], created_at=START) for i in range(n)]).all()
        session.execute(insert(Event), [dict(contact_id=c, kind="met", at=met[i], detail="PyCon")
                                        for i, c in enumerate(ids)])


def test_list_shows_the_most_recent_and_says_its_limit(store: tuple[Engine, sessionmaker[Session]]) -> None:
    _engine, sessions = store
    coach = Coach(sessions, FakeClock(START))
    seed(sessions, coach, CONTACTS)
    reply = coach.handle_line(BIG, "/coach list")
    lines = reply.text.splitlines()
    assert lines[0] == f"Your contacts ({CONTACTS}):" and len(lines) == LIST_LIMIT + 2
    assert lines[1].startswith(f"• Person {CONTACTS - 1:05d} — ")  # most recently met first
    assert f"…and {CONTACTS - LIST_LIMIT} more (a list shows the {LIST_LIMIT} met most recently)" in lines[-1]
    tagged = coach.handle_line(BIG, "/coach list #rust").text.splitlines()
    assert tagged[0] == f"Your contacts ({len(range(0, CONTACTS, 3))}):"
    assert tagged[1].startswith(f"• Person {max(range(0, CONTACTS, 3)):05d} — ")
    assert all(int(line[9:14]) % 3 == 0 for line in tagged[1:LIST_LIMIT + 1])


def test_export_has_every_contact_once_in_private_files_deleted_once_sent(
        store: tuple[Engine, sessionmaker[Session]]) -> None:
    _engine, sessions = store
    coach = Coach(sessions, FakeClock(START))
    seed(sessions, coach, CONTACTS)
    reply = coach.handle_line(BIG, "/coach export")
    assert f"{CONTACTS} contacts" in reply.text
    as_json, as_csv = reply.attachments
    assert as_json.path is not None and as_csv.path is not None
    folder = as_json.path.parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(a.path.stat().st_mode) for a in (as_json, as_csv) if a.path} == {0o600}
    names = [c["name"] for c in json.loads(as_json.content)["contacts"]]
    assert sorted(names) == [f"Person {i:05d}" for i in range(CONTACTS)]  # each exactly once
    assert names[:2] == [f"Person {CONTACTS - 1:05d}", f"Person {CONTACTS - 2:05d}"]
    rows = list(csv.DictReader(io.StringIO(as_csv.content)))
    assert [r["name"] for r in rows] == names and rows[0]["notes"] == 'queues, "quoted", and a comma'
    as_json.discard()
    as_csv.discard()
    assert not folder.exists()
    again = coach.handle_line(BIG, "/coach export")
    forgotten = again.attachments[0].path
    assert forgotten is not None and forgotten.exists()
    del again
    gc.collect()
    assert not forgotten.exists() and not forgotten.parent.exists()  # nobody discarded it: gone with the reply


def test_an_export_holds_up_no_other_members_write(sqlite_store: tuple[Engine, sessionmaker[Session]]) -> None:
    _engine, sessions = sqlite_store
    coach = Coach(sessions, FakeClock(START))
    seed(sessions, coach, 10)
    replies: list[Reply] = []
    with sessions.begin() as writer:  # another member's write, still in progress
        writer.execute(text("UPDATE members SET paused = paused"))
        exporting = threading.Thread(target=lambda: replies.append(coach.handle_line(BIG, "/coach export")),
                                     daemon=True)
        exporting.start()
        exporting.join(10)
        assert not exporting.is_alive()  # read from its own snapshot: it did not queue for the write turn
    assert "10 contacts" in replies[0].text
    for attachment in replies[0].attachments:
        attachment.discard()


def test_an_export_creates_no_member(store: tuple[Engine, sessionmaker[Session]]) -> None:
    _engine, sessions = store
    reply = Coach(sessions, FakeClock(START)).handle_line(OTHER, "/coach export")
    assert "0 contacts" in reply.text and json.loads(reply.attachments[0].content)["contacts"] == []
    with sessions() as session:
        assert session.query(Member).count() == 0
