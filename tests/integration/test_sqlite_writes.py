"""SQLite under members writing at once (issue 23): writers wait in a queue, in arrival order, not in
SQLite's busy handler; a query reads its snapshot without waiting for writers; and a forget while a reader
holds an older snapshot (a live backup, a long read) blocks nobody, yet the erased name still leaves every
file once that reader has finished."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from bot import queries
from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor
from bot.replies import Reply
from bot.store import open_store
from bot.store.sqlite import database_path, scrubber_for, turns_for
from tests.conftest import START

ZELDA = Actor("slack", "T1", "U_ZELDA", display_name="Zelda", timezone="UTC")
BOB = Actor("slack", "T1", "U_BOB", display_name="Bob", timezone="UTC")
SECRET = b"Quartermain"
BOUND = 10.0  # seconds: far past anything that is not stuck behind a lock (the busy timeout is 30 s)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Engine, sessionmaker[Session], Path]]:
    engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")
    yield engine, sessions, tmp_path / "coach.db"
    engine.dispose()


def in_thread(call: Callable[[], Reply]) -> tuple[threading.Thread, list[Reply]]:
    out: list[Reply] = []
    thread = threading.Thread(target=lambda: out.append(call()), daemon=True)
    thread.start()
    return thread, out


def files_with(database: Path, needle: bytes) -> list[str]:
    return [p.name for p in database.parent.glob(database.name + "*") if needle in p.read_bytes()]


def test_a_forget_while_a_reader_holds_a_snapshot_blocks_nobody(store: tuple[Engine, sessionmaker[Session],
                                                                               Path]) -> None:
    _engine, sessions, database = store
    coach = Coach(sessions, FakeClock(START))
    assert not coach.handle_line(ZELDA, '/met "Zelda Quartermain" at PyCon -- plutonium').error
    assert not coach.handle_line(BOB, "/met Carol at RustConf").error
    reader = sqlite3.connect(database)  # a live backup's snapshot, a long read
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM contacts").fetchone()[0] == 2
    try:
        forgetting, forgot = in_thread(lambda: coach.handle_line(ZELDA, '/coach forget "Zelda Quartermain" confirm'))
        forgetting.join(BOUND)
        assert not forgetting.is_alive() and not forgot[0].error  # the erase did not wait for the reader
        writing, wrote = in_thread(lambda: coach.handle_line(BOB, "/met Dan at RustConf"))
        writing.join(BOUND)
        assert not writing.is_alive() and not wrote[0].error  # nor did another member's write, reader still open
        assert reader.execute("SELECT count(*) FROM contacts").fetchone()[0] == 2  # still its old snapshot
    finally:
        reader.close()
    path = database_path(str(database))
    assert path is not None
    assert scrubber_for(path).wait(BOUND)  # finished off the request path once the reader had gone
    assert files_with(database, SECRET) == []
    assert files_with(database, b"Carol")  # Bob's data stays


def test_writers_take_turns_in_arrival_order(store: tuple[Engine, sessionmaker[Session], Path]) -> None:
    engine, sessions, database = store
    path = database_path(str(database))
    assert path is not None
    turns = turns_for(path)
    order: list[int] = []

    def write(i: int) -> None:
        with sessions.begin() as session:
            session.execute(text("UPDATE members SET id = id WHERE 0"))
            order.append(i)

    threads = []
    with sessions.begin() as holder:
        holder.execute(text("UPDATE members SET id = id WHERE 0"))  # holds the write turn
        for i in range(6):
            thread = threading.Thread(target=write, args=(i,), daemon=True)
            thread.start()
            threads.append(thread)
            for _ in range(1000):  # until it waits in line: the next one arrives after it
                if turns.waiting == i + 1:
                    break
                threading.Event().wait(0.005)
            assert turns.waiting == i + 1
    for thread in threads:
        thread.join(BOUND)
    assert order == list(range(6))
    assert turns.waiting == 0 and engine.pool.checkedout() == 0


def test_a_query_reads_while_another_member_writes(store: tuple[Engine, sessionmaker[Session], Path]) -> None:
    _engine, sessions, _database = store
    clock = FakeClock(START)
    assert not Coach(sessions, clock).handle_line(ZELDA, "/met Jane at PyCon").error
    with sessions.begin() as writer:
        writer.execute(text("UPDATE members SET paused = paused"))  # a write transaction, still open
        reading = threading.Thread(target=lambda: seen.append(queries.home(sessions, ZELDA, clock.now())),
                                   daemon=True)
        seen: list[queries.Home] = []
        reading.start()
        reading.join(BOUND)
        assert not reading.is_alive()  # the dashboard did not queue behind the writer
    assert [c.name for c in seen[0].recent] == ["Jane"]
