"""The runtime's APScheduler ticker drives the dispatcher and reports each good tick; COACH_DISPATCH=off
serves commands only."""

from __future__ import annotations

import asyncio
from pathlib import Path

from adapters.bootstrap import build_runtime
from bot.clock import FakeClock
from bot.config import Settings
from scheduler.runtime import Runtime
from tests.fakes import RecordingNotifier
from tests.integration.dispatch_support import seed_due, states


class FakeService:
    name = "fake"

    def __init__(self) -> None:
        self.notifier = RecordingNotifier("console")

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


async def run_briefly(runtime: Runtime, until: object, timeout: float = 20.0) -> None:
    task = asyncio.create_task(runtime.run())
    try:
        async with asyncio.timeout(timeout):
            while not until():  # type: ignore[operator]
                await asyncio.sleep(0.02)
    finally:
        runtime.stop()
        await task


async def test_the_ticker_delivers_what_fell_due_and_reports_the_tick(tmp_path: Path, clock: FakeClock) -> None:
    settings = Settings(DATABASE_URL=f"sqlite:///{tmp_path}/rt.db", COACH_TICK_SECONDS=0.05)
    runtime = build_runtime(settings, clock=clock)
    seed_due(runtime.sessions, members=2, per_member=1, due=clock.now(), platform="console")
    service = FakeService()
    runtime.add(service)
    await run_briefly(runtime, lambda: len(service.notifier.sent) == 2 and runtime.health.last_tick_at)
    assert runtime.health.last_tick_at == clock.now() and runtime.health.last_tick_error is None


async def test_dispatch_off_serves_commands_only(tmp_path: Path, clock: FakeClock) -> None:
    settings = Settings(DATABASE_URL=f"sqlite:///{tmp_path}/rt.db", COACH_TICK_SECONDS=0.05, COACH_DISPATCH="off")
    runtime = build_runtime(settings, clock=clock)
    seed_due(runtime.sessions, members=1, per_member=1, due=clock.now(), platform="console")
    service = FakeService()
    runtime.add(service)
    await run_briefly(runtime, lambda: runtime.health.started_at is not None)
    await asyncio.sleep(0)
    assert runtime.dispatcher is None and service.notifier.sent == []
    assert states(runtime.sessions) == {"pending": 1}


async def test_the_ticker_runs_one_at_a_time_and_lets_a_run_finish_at_stop() -> None:
    from scheduler.ticker import APSchedulerTicker as Ticker

    running, finished, overlap = 0, 0, False

    async def job() -> None:
        nonlocal running, finished, overlap
        running += 1
        overlap = overlap or running > 1
        await asyncio.sleep(0.05)  # longer than the interval: the next run waits, it never overlaps
        running -= 1
        finished += 1

    ticker = Ticker()
    ticker.every(0.01, job, "test-job")
    ticker.start()
    while finished < 3:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.02)  # mid-run
    await ticker.stop(grace=1.0)
    assert not overlap and running == 0 and not ticker.running and not ticker.scheduler.running
