"""Database URLs and engines: SQLite (a file, WAL) by default, PostgreSQL via DATABASE_URL.

A SQLite store holds members' contacts and notes, so it is private to its OS user: the default folder
is 0700 and a database file the coach creates is 0600 (SQLite gives its -wal and -shm files the
database file's mode). Deleted rows are overwritten (`secure_delete`), and after an erase the WAL is
checkpointed and truncated (`checkpoint_after_erase`), so an erased name lingers in no file. Writers take
their turn first come, first served, and that checkpoint never waits on a request (bot/store/sqlite.py).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.files import PRIVATE_FILE, private_file, user_data_folder
from bot.store.sqlite import BUSY_SECONDS, READ_ONLY, CoachConnection, after_erase, database_path


def files_folder(database_url: str | None) -> Path:
    """Where files that belong with the data go (the digest's chart): beside a SQLite database, else the
    user data folder."""
    url = make_url(database_url) if database_url else None
    if url is not None and url.drivername.startswith("sqlite") and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent
    return user_data_folder()


def describe_url(url: str | None) -> str:
    """The database as a person reads it in a message: no password; the default SQLite file by name."""
    if not url:
        return "(the default SQLite file)"
    return make_url(url).render_as_string(hide_password=True)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (what a backup needs), or None for another database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).resolve()


def default_database_url() -> str:
    """A SQLite file in the user's data directory, so contacts survive a restart: folder 0700, and the
    database with its -wal and -shm files 0600 (tightened, if an older version left them 0644)."""
    folder = user_data_folder()
    database = private_file(folder / "coach.db")
    for path in (database, folder / "coach.db-wal", folder / "coach.db-shm"):
        if path.exists():
            os.chmod(path, PRIVATE_FILE)
    return f"sqlite:///{database}"


def normalise_url(url: str) -> str:
    """Accept the plain `postgresql://user@host/db` form and pin it to the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    kwargs.setdefault("hide_parameters", True)  # a failed statement's values (notes, drafts) stay out of logs
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            private_file(Path(database))  # before SQLite creates it 0644; its -wal and -shm follow its mode
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_SECONDS,
                                                  "factory": CoachConnection}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    # A fixed pool, no overflow: a burst of commands beyond pool_size used to open overflow connections and
    # close each one as it came back (QueuePool keeps pool_size), so every burst paid for new connections.
    # The API's threads are sized to it (pool_capacity): a member's request never waits for a connection.
    kwargs.setdefault("pool_size", POSTGRES_POOL_SIZE)
    kwargs.setdefault("max_overflow", 0)
    if "options" not in make_url(url).query:
        # Sessions in UTC: the driver then hands back datetimes already in UTC, with nothing to convert
        # (every moment the coach stores is UTC; no statement depends on the session's zone).
        kwargs["connect_args"] = {"options": "-c TimeZone=UTC", **kwargs.get("connect_args", {})}
    return create_engine(url, **kwargs)


POSTGRES_POOL_SIZE = 15  # connections per process; PostgreSQL's default max_connections (100) fits 6 replicas
IDLE_PING_SECONDS = 30.0


class IdlePinger:
    """Keeps a PostgreSQL pool's connections alive through an idle spell: when no connection has been
    checked out for `idle_seconds`, `ping_if_idle` checks out every idle one in turn (the pool's pre-ping
    replaces a dead one then, not in front of a member's command) and runs `SELECT 1` on it, which also
    keeps a firewall or a proxy from dropping it for silence. The runtime calls it every IDLE_PING_SECONDS
    (scheduler/runtime.py); it blocks: call it off the event loop."""

    def __init__(self, engine: Engine, idle_seconds: float = IDLE_PING_SECONDS,
                 monotonic: Any = time.monotonic) -> None:
        self.engine, self.idle_seconds, self.monotonic = engine, idle_seconds, monotonic
        self.last_checkout = monotonic()
        event.listen(engine, "checkout", self._checked_out)

    def _checked_out(self, *_: Any) -> None:
        self.last_checkout = self.monotonic()

    def ping_if_idle(self) -> int:
        """How many connections were pinged (0: the pool was in use lately, or holds none idle)."""
        if self.monotonic() - self.last_checkout < self.idle_seconds:
            return 0
        pool = self.engine.pool
        idle = pool.checkedin() if isinstance(pool, QueuePool) else 0
        for _ in range(idle):  # QueuePool hands out its idle connections first in, first out: each in turn
            with self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        return idle

    def close(self) -> None:
        event.remove(self.engine, "checkout", self._checked_out)


def pool_capacity(engine: Engine, default: int = 5) -> int:
    """How many connections the engine's pool hands out at once: pool_size + max_overflow (QueuePool, the
    pool of PostgreSQL and of a SQLite file); `default` for a pool without a bound."""
    pool = engine.pool
    if isinstance(pool, QueuePool):
        overflow = pool._max_overflow  # QueuePool has no public accessor for it
        return pool.size() + overflow if overflow >= 0 else max(pool.size(), default)
    size = getattr(pool, "size", None)
    return size() if callable(size) else default


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten with zeros, not left in free pages
    cursor.close()
    # Let SQLAlchemy, not pysqlite, decide where transactions begin, so savepoints and rollbacks are real.
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE: take the write lock up front. A deferred transaction that reads and then writes while
    # another connection commits fails at once with "database is locked" (WAL cannot upgrade a stale
    # snapshot, and busy_timeout does not apply); concurrent Slack requests do exactly that. Before it, the
    # writer takes its turn in this process (first come, first served: bot/store/sqlite.py), so it waits in
    # a queue, not in SQLite's busy handler. A unit marked READ_ONLY reads a snapshot and takes no turn.
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
        return
    raw = connection.connection.dbapi_connection
    turns = raw if isinstance(raw, CoachConnection) else None
    if turns is not None:
        turns.take_turn()
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    except BaseException:
        if turns is not None:
            turns.end_turn()
        raise


def checkpoint_after_erase(engine: Engine) -> bool:
    """SQLite: copy the WAL into the database and truncate it, so the pages that held erased rows
    (written zeroed, thanks to secure_delete) replace the old ones and no WAL frame keeps the old
    content. Never waits for readers: when one still reads an older snapshot, the scrubber finishes the
    job off the request path as soon as it has gone (bot/store/sqlite.py). True when done now; a no-op
    (True) on PostgreSQL. Runs outside any transaction."""
    if engine.dialect.name != "sqlite":
        return True
    path = database_path(engine.url.database)
    if path is None:
        return True
    return after_erase(path)
