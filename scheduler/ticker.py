"""What fires the runtime's two jobs (the dispatcher's tick, the weekly job): each runs at once, then every
`seconds`, one run at a time (an overrunning run makes the next wait; missed runs are not made up), and at
stop a run in progress gets `grace` seconds to finish before it is cancelled.

APScheduler drives them in every served process (`coach slack|discord|run`). A runtime whose clock is the
event loop's (`adapters.bootstrap.hosted_discord_bot()` on discord.py's clock, which an offline harness such as
SimCord makes virtual) uses `LoopTicker` instead, so its jobs follow that same clock: APScheduler keeps
wall time only.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]

Job = Callable[[], Awaitable[None]]


class Ticker(Protocol):
    def every(self, seconds: float, job: Job, name: str) -> None: ...

    def start(self) -> None: ...

    async def stop(self, grace: float) -> None: ...


class APSchedulerTicker:
    """The jobs on APScheduler's asyncio scheduler: interval triggers in UTC wall time, one instance at a
    time, missed runs coalesced."""

    def __init__(self) -> None:
        self.scheduler = AsyncIOScheduler(timezone="UTC")
        self.running: set[asyncio.Task[object]] = set()
        self.idle = asyncio.Event()
        self.idle.set()
        self.stopping = False

    def every(self, seconds: float, job: Job, name: str) -> None:
        self.scheduler.add_job(self._tracked(job), "interval", seconds=seconds, id=name, name=name,
                               max_instances=1, coalesce=True, misfire_grace_time=None,
                               next_run_time=datetime.now(UTC))

    def start(self) -> None:
        self.scheduler.start()

    def _tracked(self, job: Job) -> Job:
        async def run() -> None:
            if self.stopping:  # submitted just before stop(): it never starts
                return
            task = asyncio.current_task()
            assert task is not None
            self.running.add(task)
            self.idle.clear()
            try:
                await job()
            finally:
                self.running.discard(task)
                if not self.running:
                    self.idle.set()

        return run

    async def stop(self, grace: float) -> None:
        """No new runs; a run in progress may finish for up to `grace` seconds, then it is cancelled."""
        self.stopping = True
        if self.scheduler.running:
            self.scheduler.pause()  # shutdown() would cancel the runs in progress: let them finish first
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.idle.wait(), grace)
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)  # AsyncIOScheduler defers it to the loop: let it run
            await asyncio.sleep(0)
        for task in list(self.running):
            task.cancel()
        for task in list(self.running):
            with contextlib.suppress(asyncio.CancelledError):
                await task


class LoopTicker:
    """The jobs on the event loop's own timers (its clock, virtual under a test harness)."""

    def __init__(self) -> None:
        self.jobs: list[tuple[float, Job, str]] = []
        self.tasks: list[asyncio.Task[None]] = []
        self.idle: dict[str, asyncio.Event] = {}

    def every(self, seconds: float, job: Job, name: str) -> None:
        self.jobs.append((seconds, job, name))

    def start(self) -> None:
        for seconds, job, name in self.jobs:
            self.idle[name] = asyncio.Event()
            self.tasks.append(asyncio.create_task(self._repeat(seconds, job, self.idle[name]), name=name))

    @staticmethod
    async def _repeat(seconds: float, job: Job, idle: asyncio.Event) -> None:
        loop = asyncio.get_running_loop()
        started = loop.time()
        while True:
            idle.clear()
            try:
                await job()
            finally:
                idle.set()
            await asyncio.sleep(seconds - (loop.time() - started) % seconds)

    async def stop(self, grace: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*(idle.wait() for idle in self.idle.values())), grace)
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
