"""One process, every configured platform: the store, the coach, the services, and the APScheduler
ticker that drives the dispatcher. `coach console` does not use it; `coach slack|discord|run` do."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.api import CoachAPI
from bot.clock import Clock, SystemClock
from bot.coach import Coach
from bot.config import Settings
from bot.store import open_store
from scheduler.dispatcher import DEFAULT_PACE_WINDOW, Dispatcher, DispatchObserver
from scheduler.notifier import Notifier
from scheduler.ratelimit import pacer_for
from scheduler.weekly import INTERVAL_SECONDS as WEEKLY_SECONDS
from scheduler.weekly import plan_week

log = logging.getLogger(__name__)


class Service(Protocol):
    """A platform adapter as the runtime sees it: something to start and stop, and how to DM."""

    name: str
    notifier: Notifier | None

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass
class Health:
    """What /healthz reports: is the database there, and when did the dispatcher last tick."""

    clock: Clock
    dispatching: bool
    last_tick_at: datetime | None = None
    last_tick_error: str | None = None
    started_at: datetime | None = None
    last_weekly_at: datetime | None = None  # the weekly job (planning Monday digests)
    last_weekly_error: str | None = None
    weekly_planned: int = 0  # digest rows the last run inserted

    def tick_age_seconds(self) -> float | None:
        if self.last_tick_at is None:
            return None
        return (self.clock.now() - self.last_tick_at).total_seconds()

    def weekly_age_seconds(self) -> float | None:
        if self.last_weekly_at is None:
            return None
        return (self.clock.now() - self.last_weekly_at).total_seconds()


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    coach: Coach
    clock: Clock
    health: Health
    api: CoachAPI  # the door adapters use; `coach` is the Coach behind it
    services: list[Service] = field(default_factory=list)
    dispatcher: Dispatcher | None = None
    observer: DispatchObserver | None = None  # metrics hooks, set by adapters.http.metrics.instrument
    _stopping: asyncio.Event | None = None

    @classmethod
    def from_settings(cls, settings: Settings, clock: Clock | None = None) -> Runtime:
        clock = clock or SystemClock()
        engine, sessions = open_store(settings.database_url)
        api = CoachAPI(sessions, clock, default_timezone=settings.default_timezone)
        return cls(settings, engine, sessions, api.coach, clock, Health(clock, dispatching=settings.dispatch), api)

    def add(self, service: Service) -> None:
        self.services.append(service)

    def build_dispatcher(self) -> Dispatcher:
        notifiers = {s.notifier.platform: s.notifier for s in self.services if s.notifier is not None}
        tick = self.settings.tick_seconds
        window = min(DEFAULT_PACE_WINDOW.total_seconds(), tick / 4)
        # Budgets shared by every replica on PostgreSQL (in-process on SQLite); a paced batch holds at most
        # `window` of them, and a tick stops claiming in time for the next one to start on schedule.
        self.dispatcher = Dispatcher(self.sessions, self.clock, notifiers, observer=self.observer,
                                     pacer=pacer_for(self.engine), pace_window=timedelta(seconds=window),
                                     tick_budget=timedelta(seconds=tick - window))
        return self.dispatcher

    async def tick(self) -> None:
        """One dispatcher pass; failures are logged and reported by /healthz, never fatal."""
        assert self.dispatcher is not None
        try:
            await self.dispatcher.tick(collect=False)
        except Exception as failure:
            self.health.last_tick_error = type(failure).__name__
            log.exception("dispatcher tick failed")
            return
        self.health.last_tick_at = self.clock.now()
        self.health.last_tick_error = None

    async def run(self) -> None:
        """Start every service and the ticker; run until SIGINT/SIGTERM or stop().

        A signal stops start-up too (a service still connecting is cancelled); every service is then
        stopped, each finishing the work it has in flight, before the database is closed."""
        self._stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self._stopping.set)
        self.health.started_at = self.clock.now()
        scheduler = AsyncIOScheduler(timezone="UTC")
        try:
            if not await self._start_services():
                return
            # What startup built (modules, SQLAlchemy's mappers and caches, the services) lives as long as the
            # process: keep it out of the collector's full passes, which a busy dispatcher triggers often.
            gc.freeze()
            if self.settings.dispatch:
                self.build_dispatcher()
                # The first tick runs at once: it delivers what fell due while nothing was running. APScheduler
                # keeps wall time (UTC) for the ticker only; what is due is decided by self.clock.
                scheduler.add_job(self.tick, "interval", seconds=self.settings.tick_seconds, id="dispatch",
                                  max_instances=1, coalesce=True, misfire_grace_time=None,
                                  next_run_time=datetime.now(UTC))
                scheduler.add_job(self.plan_week, "interval", seconds=WEEKLY_SECONDS, id="weekly",
                                  max_instances=1, coalesce=True, misfire_grace_time=None,
                                  next_run_time=datetime.now(UTC))
                scheduler.start()
            await self._stopping.wait()
        finally:
            if scheduler.running:
                scheduler.shutdown(wait=False)
            for service in reversed(self.services):
                try:
                    await service.stop()
                except Exception:
                    log.warning("stopping %s failed", service.name, exc_info=True)
            self.api.close()
            self.engine.dispose()

    async def _start_services(self) -> bool:
        """Start the services in order; False when a signal came first (start-up is then cancelled)."""
        assert self._stopping is not None

        async def start_all() -> None:
            for service in self.services:
                await service.start()

        starting = asyncio.create_task(start_all(), name="coach-start")
        stopping = asyncio.create_task(self._stopping.wait(), name="coach-stop-signal")
        try:
            await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
        if not starting.done():
            starting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await starting
            log.info("stopped during start-up")
            return False
        starting.result()  # a failed start ends the run (the CLI says why in one line)
        return True

    async def plan_week(self) -> None:
        """One weekly-job pass: plan this week's digest rows for this process's platforms; never fatal."""
        platforms = sorted(self.dispatcher.notifiers) if self.dispatcher is not None else None
        try:
            planned = await asyncio.to_thread(plan_week, self.sessions, self.clock, platforms=platforms)
        except Exception as failure:
            self.health.last_weekly_error = type(failure).__name__
            log.exception("weekly job failed")
            return
        self.health.last_weekly_at = self.clock.now()
        self.health.last_weekly_error = None
        self.health.weekly_planned = planned

    def stop(self) -> None:
        if self._stopping is not None:
            self._stopping.set()
