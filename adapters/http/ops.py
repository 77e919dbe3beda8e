"""Operational HTTP routes: GET /healthz (the database answers and holds the coach's tables; the age of
the last dispatcher tick), GET /metrics (Prometheus) and GET /livez, served on COACH_METRICS_PORT through
`OpsServer`, a runtime service of its own, in every mode — never on the public Slack port, which serves
only /livez beside Slack's own routes (a flood of /healthz there once slowed everyone's /met). Kept cheap:
however many requests arrive at once, one database probe (and one due count) runs at a time, and the
requests arriving meanwhile share its answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from aiohttp import web

from adapters.http.metrics import CONTENT_TYPE, Metrics, due_count, metrics_of
from scheduler.notifier import Notifier
from scheduler.runtime import Runtime
from scheduler.weekly import INTERVAL_SECONDS as WEEKLY_SECONDS

log = logging.getLogger(__name__)

T = TypeVar("T")
RUNTIME_KEY = web.AppKey("coach_runtime", Runtime)
METRICS_KEY = web.AppKey("coach_metrics", Metrics)
HEADER_SECONDS = 10.0  # a request's head must arrive this soon after the connection opens (or the last answer)
STALE_TICKS = 4  # /healthz fails when the last good tick is older than this many intervals (+30 s)


class Shared(Generic[T]):
    """An async call made once for every caller that arrives while it runs: they all get its answer."""

    def __init__(self, call: Callable[[], Awaitable[T]]) -> None:
        self.call = call
        self._running: asyncio.Future[T] | None = None

    async def __call__(self) -> T:
        if self._running is None:
            running = self._running = asyncio.ensure_future(self.call())
            running.add_done_callback(self._done)
        return await asyncio.shield(self._running)

    def _done(self, _finished: asyncio.Future[T]) -> None:
        self._running = None


@dataclass
class Probes:
    """The database reads behind /healthz and /metrics, each shared by the requests made while it runs."""

    database: Shared[str]
    due: Shared[int]

    @classmethod
    def of(cls, runtime: Runtime) -> Probes:
        return cls(Shared(lambda: asyncio.to_thread(runtime.database_state)), Shared(lambda: due_count(runtime)))


PROBES_KEY = web.AppKey("coach_probes", Probes)


def add_ops_routes(app: web.Application, runtime: Runtime) -> None:
    """Mount /healthz, /livez and /metrics on `app`, serving the metrics `runtime` counts."""
    app[RUNTIME_KEY] = runtime
    app[METRICS_KEY] = metrics_of(runtime)
    app[PROBES_KEY] = Probes.of(runtime)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/livez", livez)
    app.router.add_get("/metrics", metrics)


async def livez(request: web.Request) -> web.Response:
    """The process answers: for a liveness probe, which must not restart replicas when the database blips
    (readiness, /healthz, takes them out of rotation instead)."""
    return web.json_response({"status": "alive"})


async def healthz(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME_KEY]
    database = await request.app[PROBES_KEY].database()
    database_ok = database == "ok"
    age = runtime.health.tick_age_seconds()
    limit = STALE_TICKS * runtime.settings.tick_seconds + 30
    if age is None and runtime.health.started_at is not None:  # no tick yet: give the first one time
        age_since_start = (runtime.clock.now() - runtime.health.started_at).total_seconds()
        stale = runtime.health.dispatching and age_since_start > limit
    else:
        stale = runtime.health.dispatching and (age is None or age > limit)
    weekly_age = runtime.health.weekly_age_seconds()  # the weekly job, once it has run, goes stale the same way
    stale = stale or (runtime.health.dispatching and weekly_age is not None
                      and weekly_age > STALE_TICKS * WEEKLY_SECONDS + 30)
    body = {
        "status": "ok" if database_ok and not stale else "unhealthy",
        "database": database,
        "dispatching": runtime.health.dispatching,
        "last_tick_age_seconds": None if age is None else round(age, 3),
        "last_tick_error": runtime.health.last_tick_error,
        "weekly_job": _weekly(runtime),
    }
    return web.json_response(body, status=200 if body["status"] == "ok" else 503)


def _weekly(runtime: Runtime) -> dict[str, object]:
    """The weekly job (Monday digests) as /healthz shows it: when it last ran, and its last error."""
    age = runtime.health.weekly_age_seconds()
    return {"interval_seconds": WEEKLY_SECONDS, "last_run_age_seconds": None if age is None else round(age, 3),
            "last_error": runtime.health.last_weekly_error, "planned": runtime.health.weekly_planned}


async def metrics(request: web.Request) -> web.Response:
    runtime, registry = request.app[RUNTIME_KEY], request.app[METRICS_KEY]
    body = registry.render(runtime, await request.app[PROBES_KEY].due())
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE})


class OpsServer:
    """/healthz and /metrics on their own port, as a runtime Service (it sends no DMs)."""

    name = "ops"
    notifier: Notifier | None = None

    def __init__(self, runtime: Runtime, port: int, host: str = "0.0.0.0") -> None:
        self.app = web.Application()
        add_ops_routes(self.app, runtime)
        self.host, self.port = host, port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, keepalive_timeout=HEADER_SECONDS)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]  # the real one when asked for port 0
        log.info("serving /healthz and /metrics on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
