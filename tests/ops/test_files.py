"""Nothing a member stored is readable by another OS user, and nothing erased lingers in a file: the
default data folder is 0700, the SQLite database (and its -wal, -shm) and the console log 0600 — whatever
the umask — and after delete-my-data or forget the name is in no byte of the database or its WAL."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor
from bot.store import open_store
from bot.store.engine import default_database_url, session_factory
from tests.conftest import START

ROOT = Path(__file__).resolve().parents[2]
ZELDA = Actor("console", "local", "zelda-owner", display_name="Owner", timezone="UTC")
BOB = Actor("console", "local", "bob", display_name="Bob", timezone="UTC")
SECRETS = (b"Quartermain", b"quartermain", b"plutonium")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The umask most desktops have (022): the coach must not rely on a stricter one."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def sqlite_store(tmp_path: Path, loose_umask: None) -> Iterator[tuple[Engine, Path]]:
    engine, _sessions = open_store(f"sqlite:///{tmp_path}/coach.db")
    yield engine, tmp_path / "coach.db"
    engine.dispose()


def files_of(database: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in database.parent.glob(database.name + "*")}


def test_the_default_store_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loose_umask: None) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_database_url()
    engine, sessions = open_store(url)
    try:
        assert not Coach(sessions, FakeClock(START)).handle_line(ZELDA, "/met Jane at PyCon").error
        folder = tmp_path / "data" / "connection-coach"
        assert mode(folder) == 0o700
        written = sorted(folder.iterdir())
        assert {p.name for p in written} >= {"coach.db", "coach.db-wal", "coach.db-shm"}
        assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
    finally:
        engine.dispose()


def test_an_older_default_store_is_tightened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             loose_umask: None) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "data" / "connection-coach"
    folder.mkdir(parents=True, mode=0o755)
    (folder / "coach.db").touch(mode=0o644)
    default_database_url()
    assert (mode(folder), mode(folder / "coach.db")) == (0o700, 0o600)


def test_a_database_the_coach_creates_is_0600_with_its_wal(sqlite_store: tuple[Engine, Path]) -> None:
    engine, database = sqlite_store
    with engine.begin() as connection:
        connection.execute(text("SELECT count(*) FROM members"))
    assert {name: mode(database.parent / name) for name in files_of(database)} == {
        name: 0o600 for name in ("coach.db", "coach.db-wal", "coach.db-shm")}


def test_the_console_log_is_private(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_URL"))}
    env |= {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"), "TZ": "UTC",
            "COACH_LOG_LEVEL": "INFO"}
    result = subprocess.run([sys.executable, "-c", "import os, sys; os.umask(0o022); "
                             "from adapters.entrypoints.cli import main; sys.exit(main(['console']))"],
                            input="/met Jane\n", capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    log = tmp_path / "state" / "connection-coach" / "log" / "console.log"
    assert log.exists() and (mode(log.parent), mode(log)) == (0o700, 0o600)
    data = tmp_path / "data" / "connection-coach"
    assert (mode(data), mode(data / "coach.db")) == (0o700, 0o600)


def fill(coach: Coach) -> None:
    for line in ('/met "Zelda Quartermain" at PyCon -- plutonium supply chains #atoms',
                 '/coach sent "Zelda Quartermain"', "/met Ann at PyCon -- tea"):
        assert not coach.handle_line(ZELDA, line).error
    assert not coach.handle_line(BOB, "/met Carol at RustConf -- lattices").error


@pytest.mark.parametrize("erase", ["/coach delete-my-data confirm", '/coach forget "Zelda Quartermain" confirm'])
def test_an_erased_name_is_in_no_file(sqlite_store: tuple[Engine, Path], erase: str) -> None:
    engine, database = sqlite_store
    coach = Coach(session_factory(engine), FakeClock(START))
    fill(coach)
    before = b"".join(files_of(database).values())
    assert all(secret in before for secret in SECRETS)  # the check below can see the name when it is there
    assert not coach.handle_line(ZELDA, erase).error
    after = files_of(database)
    assert {name: [s for s in SECRETS if s in content] for name, content in after.items()} == {
        name: [] for name in after}
    assert b"lattices" in b"".join(after.values())  # Bob's data stays
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
