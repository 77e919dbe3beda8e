"""Shared fixtures: a fixed clock, a migrated store on SQLite and on the real PostgreSQL, and a guard
that fails any test reaching past loopback."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.models import Base
from bot.store import open_store
from bot.store.engine import normalise_url
from tests.llm_fake import GOOD_DRAFT, FakeLLM

POSTGRES_ENV = "COACH_TEST_POSTGRES_URL"
# A Wednesday, 15:00 UTC: working hours in Europe and the Americas alike.
START = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)


# --- no network beyond loopback (python-telegram-bot's OfflineRequest idea) ---------------------------

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_local(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX
        return True
    host = str(address[0]) if isinstance(address, tuple) and address else ""
    return host in ("localhost", "::1") or host.startswith("127.") or host.startswith("::ffff:127.")


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _is_local(address):
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if not _is_local(address):
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True, scope="session")
def _offline() -> Iterator[None]:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]


# --- never the user's own folders ----------------------------------------------------------------------


@pytest.fixture(autouse=True, scope="session")
def _own_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The coach's default folders (data: database, charts, history; state: logs) point into the test
    session's temporary folder, for this process and every process it starts: `make test` writes nothing
    into ~/.local. (tests/e2e/test_as_people_type.py checks the console paths write nothing even there.)"""
    home = tmp_path_factory.mktemp("xdg")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_DATA_HOME", str(home / "data"))
    patch.setenv("XDG_STATE_HOME", str(home / "state"))
    yield
    patch.undo()


# --- time ----------------------------------------------------------------------------------------------


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


# --- databases -----------------------------------------------------------------------------------------


def postgres_admin_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{POSTGRES_ENV} is not set: CI must run the PostgreSQL tests, not skip them")
    return None


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database on the real PostgreSQL for this test session, dropped afterwards."""
    admin_url = postgres_admin_url()
    if admin_url is None:
        pytest.skip(f"no PostgreSQL: set {POSTGRES_ENV}=postgresql://postgres@127.0.0.1:5432/test to run these")
    name = f"coach_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(normalise_url(admin_url)).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def _postgres_store(postgres_url: str) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    engine, sessions = open_store(postgres_url)
    yield engine, sessions
    engine.dispose()


def _empty(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    """A migrated, empty store: a SQLite file, then the real PostgreSQL."""
    if request.param == "sqlite":
        engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")  # type: ignore[str-format]
        yield engine, sessions
        engine.dispose()
        return
    engine, sessions = request.getfixturevalue("_postgres_store")
    _empty(engine)
    yield engine, sessions
    _empty(engine)


@pytest.fixture
def sessions(store: tuple[Engine, sessionmaker[Session]]) -> sessionmaker[Session]:
    return store[1]


@pytest.fixture
def sqlite_sessions(tmp_path: object) -> Iterator[sessionmaker[Session]]:
    engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")  # type: ignore[str-format]
    yield sessions
    engine.dispose()


# --- a fake model endpoint ---------------------------------------------------------------------------

@pytest.fixture
def llm(request: pytest.FixtureRequest) -> Iterator[FakeLLM]:
    """A fake OpenAI-compatible endpoint on loopback answering the module's ``LLM_ANSWER`` (else GOOD_DRAFT)."""
    with FakeLLM() as fake:
        fake.answer = getattr(request.module, "LLM_ANSWER", GOOD_DRAFT)
        yield fake
