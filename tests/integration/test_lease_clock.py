"""Leases by the database's clock (real PostgreSQL): replicas' own clocks may differ or jump, and a lease
must still mean the same to all of them — a replica whose clock jumps past a lease never re-claims a row
another is still posting, and a dead replica's lease still runs out on time for the others."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import pytest

from adapters.bootstrap import build_runtime
from bot.clock import FakeClock
from bot.config import Settings
from scheduler.claim import DatabaseLeaseClock, Lease
from scheduler.dispatcher import Dispatcher
from scheduler.notifier import Outgoing
from scheduler.runtime import Runtime
from tests.conftest import START, _empty
from tests.integration.dispatch_support import seed_due, states

pytestmark = pytest.mark.postgres
LEASE = timedelta(minutes=5)


class Platform:
    """One fake chat platform both replicas post to; a retry looks for its post first, as Slack's and
    Discord's notifiers do. `held`: the first send waits until released (a post on its way)."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, str]] = []  # (idempotency key, replica)
        self.entered, self.released = asyncio.Event(), asyncio.Event()
        self.held = False


class Notifier:
    platform = "console"

    def __init__(self, shared: Platform, name: str) -> None:
        self.shared, self.name = shared, name

    async def send(self, message: Outgoing) -> str | None:
        if message.retry and any(key == message.idempotency_key for key, _ in self.shared.posts):
            return "found"
        if self.shared.held and not self.shared.entered.is_set():  # the first post is held
            self.shared.entered.set()
            await self.shared.released.wait()
        self.shared.posts.append((message.idempotency_key, self.name))
        return f"{self.name}-{len(self.shared.posts)}"


class Replica:
    name = "replica"

    def __init__(self, notifier: Notifier) -> None:
        self.notifier = notifier

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@pytest.fixture
def replicas(postgres_url: str) -> Iterator[tuple[Runtime, Runtime, FakeClock, Platform]]:
    """Two runtimes built as `coach run` builds them, on one PostgreSQL; B's clock is six minutes ahead
    (an NTP step, a suspended VM waking up)."""
    settings = Settings(DATABASE_URL=postgres_url)
    clock_a, clock_b = FakeClock(START), FakeClock(START + timedelta(minutes=6))
    platform = Platform()
    runtimes = []
    for name, clock in (("A", clock_a), ("B", clock_b)):
        runtime = build_runtime(settings, clock=clock)
        runtime.add(Replica(Notifier(platform, name)))
        runtime.build_dispatcher().worker_id = name
        runtimes.append(runtime)
    _empty(runtimes[0].engine)
    yield runtimes[0], runtimes[1], clock_a, platform
    _empty(runtimes[0].engine)
    for runtime in runtimes:
        runtime.engine.dispose()


async def test_a_replica_whose_clock_jumped_past_the_lease_leaves_a_row_being_posted_alone(
        replicas: tuple[Runtime, Runtime, FakeClock, Platform]) -> None:
    a, b, clock, platform = replicas
    assert a.dispatcher is not None and b.dispatcher is not None
    seed_due(a.sessions, members=1, per_member=1, due=clock.now() - timedelta(minutes=1), platform="console")
    platform.held = True
    posting = asyncio.create_task(a.dispatcher.tick())
    await asyncio.wait_for(platform.entered.wait(), 10)  # A is posting; its post has not landed yet
    assert await b.dispatcher.tick() == []  # by B's clock A's lease ran out a minute ago; by the database's not
    platform.released.set()
    assert len(await posting) == 1
    assert [replica for _key, replica in platform.posts] == ["A"]
    assert states(a.sessions) == {"sent": 1}


async def test_a_dead_replicas_lease_runs_out_by_the_database_clock(postgres_url: str) -> None:
    """A claims and dies; B's wall clock is an hour behind, and still B takes the row once the lease has
    run out by the database's clock (here moved on by B's monotonic clock, without sleeping)."""
    settings = Settings(DATABASE_URL=postgres_url)
    runtime = build_runtime(settings, clock=FakeClock(START))
    _empty(runtime.engine)
    try:
        seed_due(runtime.sessions, members=1, per_member=1, due=START, platform="console")
        shared = Platform()
        a_clock = DatabaseLeaseClock(runtime.sessions)
        await asyncio.to_thread(a_clock.refresh)
        a = Dispatcher(runtime.sessions, FakeClock(START), {"console": Notifier(shared, "A")}, worker_id="A",
                       lease=LEASE, lease_clock=a_clock)
        [lost], _more = await asyncio.to_thread(a.claim_and_compose, Lease("A", a_clock.now() + LEASE))
        ticks = [0.0]
        b_clock = DatabaseLeaseClock(runtime.sessions, resync=3600, monotonic=lambda: ticks[0])
        b = Dispatcher(runtime.sessions, FakeClock(START - timedelta(hours=1)), {"console": Notifier(shared, "B")},
                       worker_id="B", lease=LEASE, lease_clock=b_clock)
        assert await b.tick() == []  # the lease still holds
        ticks[0] += (LEASE + timedelta(seconds=5)).total_seconds()
        [again] = [delivered.message for delivered in await b.tick()]
        assert again.retry and again.nudge_ids == lost.nudge_ids and [r for _k, r in shared.posts] == ["B"]
    finally:
        _empty(runtime.engine)
        runtime.engine.dispose()
