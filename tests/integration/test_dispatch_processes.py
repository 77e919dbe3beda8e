"""Several dispatcher processes on one database: every nudge delivered exactly once, even when one of
them is killed in the middle of a batch. Real processes, real PostgreSQL (and SQLite's single writer)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.digest import DIGEST
from bot.models import Base, Nudge, NudgeState, RateBudget
from bot.store import open_store
from tests.integration.dispatch_support import POSTS, posts_per_nudge, seed_due, states

ROOT = Path(__file__).resolve().parents[2]
PAST = datetime.now(UTC) - timedelta(hours=1)  # real time: these dispatchers use the system clock
TIMEOUT = 90.0


@pytest.fixture(params=[pytest.param("postgres", marks=pytest.mark.postgres), "sqlite"])
def shared_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Engine, sessionmaker[Session]]]:
    """A migrated, empty database several processes can reach by URL, with the fake platform's table."""
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_url")
        engine, sessions = request.getfixturevalue("_postgres_store")
    else:
        url = f"sqlite:///{tmp_path}/shared.db"
        engine, sessions = open_store(url)
    _empty(engine)
    POSTS.create(engine, checkfirst=True)
    yield url, engine, sessions
    POSTS.drop(engine, checkfirst=True)
    _empty(engine)
    if request.param == "sqlite":
        engine.dispose()


def _empty(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


DB = tuple[str, Engine, sessionmaker[Session]]


def start_worker(url: str, name: str, *, lease: float = 30.0, delay: float = 0.0,
                 batch: int = 100, weekly: bool = False, paced: float | None = None) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "tests.integration.dispatch_worker", url, name, str(lease), str(delay),
               str(batch), str(TIMEOUT), *(["weekly"] if weekly else []), *([] if paced is None else [str(paced)])]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        _out, err = worker.communicate(timeout=TIMEOUT + 30)
        assert worker.returncode == 0, err.decode()[-3000:]


def wait_for(condition: object, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_four_dispatchers_deliver_each_of_2000_nudges_exactly_once(shared_db: DB) -> None:
    url, engine, sessions = shared_db
    total = 2000 if engine.dialect.name == "postgresql" else 600
    ids = seed_due(sessions, members=total // 4, per_member=4, due=PAST)
    # 2 ms a DM, as a real platform takes at least: else one fast worker may drain all before the rest start.
    finish([start_worker(url, f"w{n}", delay=0.002) for n in range(4)])
    posted = posts_per_nudge(engine)
    assert set(posted) == set(ids)
    assert max(posted.values()) == 1, [n for n, times in posted.items() if times > 1][:10]
    assert states(sessions) == {NudgeState.SENT.value: total}
    with engine.connect() as connection:  # the work really was shared
        assert len(set(connection.scalars(select(POSTS.c.worker)))) >= 2


@pytest.mark.postgres
@pytest.mark.parametrize("shared_db", ["postgres"], indirect=True)  # several machines, one database
def test_four_replicas_plan_and_send_each_members_monday_digest_exactly_once(shared_db: DB) -> None:
    url, engine, sessions = shared_db
    # Members whose contacts were recorded more than a week ago: each is due this week's digest (the
    # weekly job of every replica plans it; their follow-ups are long due too).
    seed_due(sessions, members=200, per_member=1, due=datetime.now(UTC) - timedelta(days=8))
    finish([start_worker(url, f"replica{n}", delay=0.002, weekly=True) for n in range(4)])
    with sessions() as session:
        digests = session.execute(select(Nudge.id, Nudge.member_id, Nudge.state).where(Nudge.kind == DIGEST)).all()
    assert len(digests) == 200 and len({member for _, member, _ in digests}) == 200
    assert {state for _, _, state in digests} == {NudgeState.SENT.value}
    posted = posts_per_nudge(engine)
    assert all(posted.get(nudge_id) == 1 for nudge_id, _, _ in digests)
    assert max(posted.values()) == 1


@pytest.mark.postgres
@pytest.mark.parametrize("shared_db", ["postgres"], indirect=True)  # several machines, one database
def test_a_dispatcher_killed_mid_batch_leaves_its_rows_to_the_others_none_twice(shared_db: DB) -> None:
    url, engine, sessions = shared_db
    ids = seed_due(sessions, members=300, per_member=1, due=PAST)
    victim = start_worker(url, "victim", lease=1.5, delay=0.01, batch=60)

    def victim_posted() -> int:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).where(POSTS.c.worker == "victim")) or 0

    wait_for(lambda: victim_posted() >= 20)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=10)
    with sessions() as session:  # it died holding rows: claimed, some posted, none recorded
        held = session.scalar(select(func.count(Nudge.id)).where(
            Nudge.state == NudgeState.SENDING.value, Nudge.claimed_by == "victim")) or 0
    assert held > 0

    finish([start_worker(url, f"survivor{n}", lease=1.5) for n in range(3)])
    posted = posts_per_nudge(engine)
    assert set(posted) == set(ids)
    assert max(posted.values()) == 1, [n for n, times in posted.items() if times > 1][:10]
    assert states(sessions) == {NudgeState.SENT.value: len(ids)}
    with sessions() as session:  # the victim's rows were re-claimed after its lease, as retries
        retried = session.scalar(select(func.count(Nudge.id)).where(Nudge.attempts >= 2)) or 0
    assert retried >= held


@pytest.mark.postgres
@pytest.mark.parametrize("shared_db", ["postgres"], indirect=True)
def test_paced_dispatchers_sharing_a_budget_lose_and_double_nothing_when_one_is_killed(shared_db: DB) -> None:
    """The fair claim path and the shared budget: a dispatcher killed mid-batch, its rows re-claimed by
    the others after its lease, each nudge posted once."""
    url, engine, sessions = shared_db
    ids = seed_due(sessions, members=240, per_member=1, due=PAST)
    with engine.begin() as connection:  # a dozen workspaces, so the claim really is round-robin
        connection.execute(text("UPDATE members SET workspace_id = 'W' || (id % 12)"))
    victim = start_worker(url, "victim", lease=1.5, batch=60, paced=150.0)

    def victim_posted() -> int:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).where(POSTS.c.worker == "victim")) or 0

    wait_for(lambda: victim_posted() >= 10)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=10)
    finish([start_worker(url, f"survivor{n}", lease=1.5, batch=60, paced=150.0) for n in range(3)])
    posted = posts_per_nudge(engine)
    assert set(posted) == set(ids)
    assert max(posted.values()) == 1, [n for n, times in posted.items() if times > 1][:10]
    assert states(sessions) == {NudgeState.SENT.value: len(ids)}
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(RateBudget)) == 1  # one budget, shared
