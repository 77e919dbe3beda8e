"""One process, every configured platform: the services, and the ticker that drives the dispatcher and the
weekly job. It is given what it runs (settings, store, coach, clock, observer) by the composition root,
adapters/bootstrap.py; it builds nothing else. `coach console` does not use it; `coach slack|discord|run`
and `adapters.bootstrap.hosted_discord_bot()` do."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.api import CoachAPI
from bot.clock import Clock
from bot.coach import Coach
from bot.config import Settings
from bot.store.engine import IDLE_PING_SECONDS, IdlePinger
from bot.store.health import StoreState, store_state
from scheduler.claim import lease_clock_for
from scheduler.collector import settle_collector
from scheduler.dispatcher import DEFAULT_PACE_WINDOW, Dispatcher, DispatchObserver
from scheduler.notifier import Notifier
from scheduler.ratelimit import pacer_for
from scheduler.ticker import APSchedulerTicker, Ticker
from scheduler.weekly import INTERVAL_SECONDS as WEEKLY_SECONDS
from scheduler.weekly import plan_week

log = logging.getLogger(__name__)
STOP_GRACE = 5.0  # seconds a tick in progress gets to finish at shutdown, before the services stop


class Service(Protocol):
    """A platform adapter as the runtime sees it: something to start and stop, and how to DM."""

    name: str

    @property
    def notifier(self) -> Notifier | None: ...  # None: it sends no DMs (the ops server)

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
    """The services and the ticker of one process. `observer` (metrics) is handed to the dispatcher."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    api: CoachAPI  # the door adapters use
    clock: Clock
    observer: DispatchObserver | None = None
    health: Health = field(init=False)
    services: list[Service] = field(default_factory=list)
    dispatcher: Dispatcher | None = None
    _stopping: asyncio.Event | None = None
    ticker: Callable[[], Ticker] = APSchedulerTicker  # what fires the jobs; see scheduler/ticker.py
    _ticker: Ticker | None = None

    def __post_init__(self) -> None:
        self.health = Health(self.clock, dispatching=self.settings.dispatch)

    @property
    def coach(self) -> Coach:
        """The synchronous use-case runner behind the API (the composition root and tests use it)."""
        return self.api.coach

    def add(self, service: Service) -> None:
        self.services.append(service)

    def build_dispatcher(self) -> Dispatcher:
        notifiers = {s.notifier.platform: s.notifier for s in self.services if s.notifier is not None}
        tick = self.settings.tick_seconds
        window = min(DEFAULT_PACE_WINDOW.total_seconds(), tick / 4)
        # Budgets shared by every replica on PostgreSQL (in-process on SQLite); a paced batch holds at most
        # `window` of them, and a tick stops claiming in time for the next one to start on schedule.
        pacer = pacer_for(self.engine)
        for notifier in notifiers.values():  # a notifier whose requests draw on the same budget (Discord)
            use_budget = getattr(notifier, "use_budget", None)
            if callable(use_budget):
                use_budget(pacer)
        self.dispatcher = Dispatcher(self.sessions, self.clock, notifiers, observer=self.observer,
                                     pacer=pacer, pace_window=timedelta(seconds=window),
                                     tick_budget=timedelta(seconds=tick - window),
                                     lease_clock=lease_clock_for(self.engine, self.sessions, self.clock))
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
        pinging = (asyncio.create_task(self.ping_when_idle(), name="coach-idle-ping")
                   if self.engine.dialect.name == "postgresql" else None)
        try:
            if not await self._start_services():
                return
            settle_collector()
            self.start_ticking()
            await self._stopping.wait()
        finally:
            if pinging is not None:
                pinging.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await pinging
            await self.stop_ticking()
            for service in reversed(self.services):
                try:
                    await service.stop()
                except Exception:
                    log.warning("stopping %s failed", service.name, exc_info=True)
            self.close()

    def start_ticking(self) -> None:
        """Start the dispatcher's tick (every COACH_TICK_SECONDS) and the weekly job, unless COACH_DISPATCH
        is off. run() calls it once the services are up; a host that starts its one service itself
        (`adapters.bootstrap.hosted_discord_bot()` under a test harness) calls it when that service is up.

        Both run at once, then every interval, one run at a time (scheduler/ticker.py: APScheduler's interval
        triggers; a runtime whose clock follows the event loop's uses the loop's timers). The ticker paces
        the jobs only; what is due is decided by self.clock."""
        if self.health.started_at is None:
            self.health.started_at = self.clock.now()
        if not self.settings.dispatch or self._ticker is not None:
            return
        self.build_dispatcher()
        self._ticker = self.ticker()
        self._ticker.every(self.settings.tick_seconds, self.tick, "dispatch")
        self._ticker.every(WEEKLY_SECONDS, self.plan_week, "weekly")
        self._ticker.start()

    async def stop_ticking(self) -> None:
        """Stop both jobs, letting a run in progress finish for up to STOP_GRACE seconds (one cut short
        leaves what it claimed to be re-claimed after its lease, as after a crash)."""
        ticker, self._ticker = self._ticker, None
        if ticker is not None:
            await ticker.stop(STOP_GRACE)

    def database_state(self) -> StoreState:
        """What /healthz reports for the store: "ok", "unreachable" or "schema_missing" (blocks: call off
        the event loop)."""
        return store_state(self.engine)

    def close(self) -> None:
        """Release the API's threads and the database (after the services and the ticker have stopped)."""
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

    async def ping_when_idle(self, every: float = IDLE_PING_SECONDS) -> None:
        """PostgreSQL: every `every` seconds, ping the pool's idle connections when none was used meanwhile
        (bot/store/engine.py: IdlePinger), so the first command after a quiet spell finds them alive; never
        fatal. Runs until cancelled."""
        pinger = IdlePinger(self.engine, every)
        try:
            while True:
                await asyncio.sleep(every)
                try:
                    await asyncio.to_thread(pinger.ping_if_idle)
                except Exception:
                    log.warning("idle ping of the database failed", exc_info=True)
        finally:
            pinger.close()

    def stop(self) -> None:
        if self._stopping is not None:
            self._stopping.set()
