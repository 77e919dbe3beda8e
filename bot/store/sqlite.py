"""SQLite's writers, one at a time in arrival order, and the WAL scrubbed after an erase without
blocking anyone.

Write turns. SQLite has one writer at a time. A connection that finds the write lock taken sleeps in its
busy handler (1, 2, 5 … then 100 ms at a time) and tries again; it is not queued, so under steady writes a
waiter keeps missing the moments the lock is free while newer arrivals take it: with 12 members writing at
once, some waited 1–3 s for a transaction of a few milliseconds (issue 23). So within a process every write
transaction first takes its turn at a first-come, first-served lock for its database file (`WriteTurns`),
then `BEGIN IMMEDIATE` finds SQLite's lock free; the turn ends when the transaction does (the connection's
commit, rollback or close). Writers in other processes still meet SQLite's busy timeout. A read-only unit
of work (`READ_ONLY`) begins a deferred transaction and takes no turn: in WAL mode it reads its snapshot
while writers write.

The erase checkpoint. After a unit that erased a member's words, `wal_checkpoint(TRUNCATE)` copies the WAL
(holding the zeroed pages: `secure_delete`) into the database and empties it, so no file keeps the old
text. That checkpoint holds the write lock while it waits for every reader of an older snapshot (a live
`.backup`, a long read) — up to the busy timeout, during which nobody else could write. Now it never waits
on a request: `scrub_wal` copies what it can (PASSIVE, no lock), then, in its write turn, tries TRUNCATE
without waiting; when a reader is in the way, `Scrubber` tries again off the request path, backing off, and
waits at most `MAX_WAIT_MS` for readers in any one try (the longest it holds other writers up). An erased
name is therefore in no file as soon as the readers that could still see it have finished.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections import deque
from typing import Any

log = logging.getLogger(__name__)

BUSY_SECONDS = 30.0  # how long a writer waits for its turn (and SQLite's busy timeout)
READ_ONLY = "coach_read_only"  # execution option: a deferred transaction that takes no write turn
MAX_WAIT_MS = 100  # the longest one scrubbing try holds the writers up, waiting for a reader to finish
FIRST_RETRY_S = 0.05
RETRY_CAP_S = 1.0
WARN_AFTER_S = 60.0


class WriteTurns:
    """A lock that serves waiters in arrival order: release hands it to the oldest waiter."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiters: deque[threading.Lock] = deque()

    @property
    def waiting(self) -> int:
        with self._mutex:
            return len(self._waiters)

    def acquire(self, timeout: float = BUSY_SECONDS) -> bool:
        with self._mutex:
            if not self._held:
                self._held = True
                return True
            baton = threading.Lock()
            baton.acquire()
            self._waiters.append(baton)
        if baton.acquire(timeout=timeout):
            return True  # handed over: ours now
        with self._mutex:
            try:
                self._waiters.remove(baton)
            except ValueError:  # handed over just as the wait ran out: ours after all
                return True
            return False

    def release(self) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().release()  # still held: by the next in line
            else:
                self._held = False


_turns: dict[str, WriteTurns] = {}
_scrubbers: dict[str, Scrubber] = {}
_registry = threading.Lock()


def database_path(database: Any) -> str | None:
    """The file behind a sqlite3 `database` argument; None for memory and URI databases."""
    name = os.fspath(database) if isinstance(database, str | os.PathLike) else None
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return os.path.realpath(name)


def turns_for(path: str) -> WriteTurns:
    """The write turns of one database file, shared by every engine and connection in this process."""
    with _registry:
        return _turns.setdefault(path, WriteTurns())


class CoachConnection(sqlite3.Connection):
    """A sqlite3 connection whose write transactions take their turn (`take_turn`) and end it with the
    transaction (commit, rollback or close)."""

    def __init__(self, database: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(database, *args, **kwargs)
        path = database_path(database)
        self.turns = turns_for(path) if path is not None else None
        self.path = path
        self.holding = False

    def take_turn(self, timeout: float = BUSY_SECONDS) -> None:
        if self.turns is None or self.holding:
            return
        if not self.turns.acquire(timeout):
            raise sqlite3.OperationalError(f"database is locked (no write turn within {timeout:.0f} s)")
        self.holding = True

    def end_turn(self) -> None:
        if self.holding:
            self.holding = False
            assert self.turns is not None
            self.turns.release()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self.end_turn()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self.end_turn()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.end_turn()


def scrub_wal(path: str, wait_ms: int = 0) -> bool:
    """Copy the WAL into the database and truncate it, waiting at most `wait_ms` for readers (and holding
    this process's writers up for at most that long). True when the WAL is empty afterwards (or the
    database is gone: connecting would create an empty one)."""
    if not os.path.exists(path):
        return True
    connection = CoachConnection(path, timeout=0, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the bulk, without the write lock
        connection.take_turn()
        try:
            connection.execute(f"PRAGMA busy_timeout={int(wait_ms)}")
            busy, frames, _copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            connection.end_turn()
    except sqlite3.OperationalError as failure:  # another process writing: it is tried again
        log.debug("WAL scrub attempt failed: %s", failure)
        return False
    finally:
        connection.close()
    return not busy and frames <= 0


class Scrubber:
    """Tries `scrub_wal` again, off the request path, until a try succeeds after the latest request."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._requested = False
        self._thread: threading.Thread | None = None
        self._done = threading.Condition(self._lock)

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._thread is not None

    def request(self) -> None:
        with self._lock:
            self._requested = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="coach-wal-scrub", daemon=True)
                self._thread.start()

    def wait(self, timeout: float) -> bool:
        """Until no scrub is outstanding (tests, shutdown); False if `timeout` ran out first."""
        with self._done:
            return self._done.wait_for(lambda: self._thread is None, timeout)

    def _run(self) -> None:
        slept, delay, tries, warned = 0.0, FIRST_RETRY_S, 0, False
        while True:
            time.sleep(delay)
            slept += delay
            with self._lock:
                self._requested = False  # a try that starts now covers every erase committed before it
            tries += 1
            wait_ms = 0 if tries <= 3 else MAX_WAIT_MS  # readers are usually gone at once; later, wait a little
            try:
                done = scrub_wal(self.path, wait_ms)
            except Exception:  # never let the thread die with a scrub outstanding
                log.exception("WAL scrub failed")
                done = False
            with self._lock:
                if done and not self._requested:
                    self._thread = None
                    self._done.notify_all()
                    log.info("WAL scrubbed after an erase (%d tries)", tries)
                    return
            if not done:
                delay = min(delay * 2, RETRY_CAP_S)
            if not warned and slept > WARN_AFTER_S:
                warned = True
                log.warning("the WAL still holds erased rows after %.0f s: a reader has kept an old snapshot "
                            "open all along; it is emptied once that reader finishes", WARN_AFTER_S)


def scrubber_for(path: str) -> Scrubber:
    with _registry:
        return _scrubbers.setdefault(path, Scrubber(path))


def after_erase(path: str) -> bool:
    """Empty the WAL now if no reader is in the way, else leave it to the scrubber. True if done now."""
    scrubber = scrubber_for(path)
    if not scrubber.busy and scrub_wal(path):
        return True
    scrubber.request()
    return False
