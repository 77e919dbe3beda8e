"""One rate budget for every process: on PostgreSQL the bot's and each workspace's budget is a row every
dispatcher draws on; a killed process's share goes to the others; on SQLite the Pacer stays in-process.

The multi-process tests read the slots the database handed out (its clock, not ours), so they check what
was granted, never how fast anything ran."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from bot.clock import FakeClock
from bot.models import RateBudget
from bot.store import open_store
from scheduler.dispatcher import Dispatcher
from scheduler.notifier import Recipient
from scheduler.ratelimit import BudgetStore, Limit, Pacer, SharedBucket, TokenBucket, pacer_for
from tests.fakes import RecordingNotifier
from tests.integration.dispatch_support import seed_due

ROOT = Path(__file__).resolve().parents[2]
RATE = 40.0  # slots a second, shared by every worker
INTERVAL = 1.0 / RATE
EPSILON = 1e-6


@pytest.fixture
def pg(request: pytest.FixtureRequest) -> Iterator[tuple[str, Engine]]:
    url = request.getfixturevalue("postgres_url")
    engine, _sessions = request.getfixturevalue("_postgres_store")
    with engine.begin() as connection:
        connection.execute(RateBudget.__table__.delete())
    yield url, engine
    with engine.begin() as connection:
        connection.execute(RateBudget.__table__.delete())


def start_worker(url: str, key: str, out: Path, *, duration: float, ahead: float = 0.3) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "tests.integration.budget_worker", url, key, str(RATE), str(ahead),
               str(duration), str(out)]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def slots_of(path: Path) -> list[float]:
    return [float(line) for line in path.read_text().split()] if path.exists() else []


def database_now(engine: Engine) -> float:
    with engine.connect() as connection:
        return float(connection.scalar(text("SELECT extract(epoch FROM clock_timestamp())::float8")))


def assert_never_faster_than_the_budget(slots: list[float]) -> None:
    ordered = sorted(slots)
    gaps = [later - earlier for earlier, later in pairwise(ordered)]
    assert min(gaps) >= INTERVAL - EPSILON, f"two slots {min(gaps):.4f}s apart under a {INTERVAL}s budget"


def wait_for(condition: object, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.mark.postgres
def test_four_processes_draw_on_one_budget_and_none_gets_more_than_it(pg: tuple[str, Engine],
                                                                      tmp_path: Path) -> None:
    url, _engine = pg
    files = [tmp_path / f"w{n}.slots" for n in range(4)]
    workers = [start_worker(url, "discord:bot", out, duration=2.5) for out in files]
    for worker in workers:
        _out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()[-2000:]
    per_worker = [slots_of(out) for out in files]
    assert all(per_worker), "every process got slots"
    # Together they never go faster than the one budget: every slot at least one interval after the last.
    assert_never_faster_than_the_budget([slot for slots in per_worker for slot in slots])
    # And each took turns with the others rather than running ahead: while all four were asking, no
    # process got more than its share of any stretch of consecutive slots (ties to a slot or two).
    start = max(min(slots) for slots in per_worker)
    end = min(max(slots) for slots in per_worker)
    owners = sorted((slot, n) for n, slots in enumerate(per_worker) for slot in slots if start <= slot <= end)
    assert len(owners) >= 20
    counts = [sum(1 for _slot, owner in owners if owner == n) for n in range(4)]
    assert max(counts) <= len(owners) / 4 * 1.5 + 2, counts


@pytest.mark.postgres
def test_a_killed_process_share_returns_to_the_others_at_once(pg: tuple[str, Engine], tmp_path: Path) -> None:
    url, engine = pg
    files = [tmp_path / f"w{n}.slots" for n in range(4)]
    # Each asks a second ahead, so a worker the OS keeps off the CPU for a moment leaves no hole.
    workers = [start_worker(url, "discord:bot", out, duration=5.0, ahead=1.0) for out in files]
    victim, victim_file = workers[0], files[0]
    wait_for(lambda: all(len(slots_of(out)) >= 5 for out in files))
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=10)
    killed_at = database_now(engine)
    for worker in workers[1:]:
        _out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()[-2000:]
    survivors = [slots_of(out) for out in files[1:]]
    everyone = [slot for slots in survivors for slot in slots] + slots_of(victim_file)
    assert_never_faster_than_the_budget(everyone)
    # What the victim had reserved ahead is spent; after that the survivors get the whole budget: their
    # slots follow one another at the full rate, with no hole where the dead process's share was.
    after = sorted(slot for slots in survivors for slot in slots if slot > killed_at + 1.5)
    assert len(after) >= 20
    gaps = [later - earlier for earlier, later in pairwise(after)]
    assert max(gaps) <= 2 * INTERVAL, f"a {max(gaps):.3f}s hole in the survivors' slots"
    # …each survivor's share of it grown from a quarter to about a third.
    shares = [sum(1 for slot in slots if slot > killed_at + 1.5) / len(after) for slots in survivors]
    assert min(shares) > 0.27, shares


@pytest.mark.postgres
def test_a_429_pauses_every_process_sharing_the_budget(pg: tuple[str, Engine]) -> None:
    _url, engine = pg
    one, other = (SharedBucket(BudgetStore(engine), "slack:workspace:T1", 10.0) for _ in range(2))
    assert one.reserve(100.0) == 0.0
    one.pause(until=103.0, now=100.0)  # the platform said Retry-After: 3 to the first process
    assert other.reserve(100.0) >= 2.9  # the second one waits too, though it never saw the 429


@pytest.mark.postgres
def test_unused_slots_are_given_back(pg: tuple[str, Engine]) -> None:
    _url, engine = pg
    store = BudgetStore(engine)
    greedy = SharedBucket(store, "discord:bot", 10.0, slice_s=1.0)  # takes ten slots at a time
    greedy.reserve(0.0)
    assert store.ahead("discord:bot") > 0.5
    greedy.release(0.0)  # the batch ended with nine unused
    assert store.ahead("discord:bot") <= 0.1 + 0.05


@pytest.mark.postgres
def test_pacer_for_postgres_shares_bot_and_workspace_budgets_but_not_channels(pg: tuple[str, Engine]) -> None:
    _url, engine = pg
    pacer = pacer_for(engine)
    pacer.reserve(Recipient("slack", "T1", "U1"), 0.0)
    kinds = {key[1]: type(bucket) for key, bucket in pacer.buckets.items()}
    assert kinds == {"workspace": SharedBucket, "channel": TokenBucket}
    with engine.connect() as connection:
        assert connection.scalars(select(RateBudget.key)).all() == ["slack:workspace:T1"]


async def test_on_sqlite_the_pacer_is_in_process_and_still_paces(tmp_path: Path, clock: FakeClock) -> None:
    engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")
    try:
        pacer = pacer_for(engine, {"discord": (Limit("bot", 10.0),)})
        assert pacer.shared is None
        waits: list[float] = []
        seed_due(sessions, members=5, per_member=1, due=clock.now(), platform="discord")

        async def sleep(seconds: float) -> None:
            waits.append(seconds)

        notifier = RecordingNotifier()
        notifier.platform = "discord"
        dispatcher = Dispatcher(sessions, clock, {"discord": notifier}, pacer=pacer, monotonic=lambda: 0.0,
                                sleep=sleep, concurrency=1, pace_window=timedelta(seconds=10))
        await dispatcher.tick()
        assert len(notifier.sent) == 5
        assert sorted(waits) == pytest.approx([0.1, 0.2, 0.3, 0.4])  # one every 0.1 s, in this process
        with sessions() as session:
            assert session.scalar(select(func.count()).select_from(RateBudget)) == 0
    finally:
        engine.dispose()


def test_a_pacer_without_a_store_uses_token_buckets() -> None:
    pacer = Pacer({"discord": (Limit("bot", 50.0),)})
    pacer.reserve(Recipient("discord", "G1", "U1"), 0.0)
    assert all(isinstance(bucket, TokenBucket) for bucket in pacer.buckets.values())


class _Unreachable(BudgetStore):
    def take(self, key: str, cost: float) -> tuple[float, float]:
        raise ConnectionError("the database blinked")

    def ahead(self, key: str) -> float:
        raise ConnectionError("the database blinked")


async def test_a_batch_still_goes_out_paced_in_process_when_the_shared_budget_is_unreachable(
        tmp_path: Path, clock: FakeClock) -> None:
    engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")
    try:
        waits: list[float] = []

        async def sleep(seconds: float) -> None:
            waits.append(seconds)

        seed_due(sessions, members=3, per_member=1, due=clock.now(), platform="discord")
        notifier = RecordingNotifier("discord")
        pacer = Pacer({"discord": (Limit("bot", 10.0),)}, shared=_Unreachable(engine))
        dispatcher = Dispatcher(sessions, clock, {"discord": notifier}, pacer=pacer, monotonic=lambda: 0.0,
                                sleep=sleep, concurrency=1)
        await dispatcher.tick()
        assert len(notifier.sent) == 3
        assert sorted(waits) == pytest.approx([0.1, 0.2])
    finally:
        engine.dispose()
