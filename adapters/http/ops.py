"""Operational HTTP routes shared by every HTTP-serving mode: GET /healthz (and more, later)."""

from __future__ import annotations

import asyncio

from aiohttp import web
from sqlalchemy import text

from scheduler.runtime import Runtime

RUNTIME_KEY = web.AppKey("coach_runtime", Runtime)


def add_ops_routes(app: web.Application, runtime: Runtime) -> None:
    app[RUNTIME_KEY] = runtime
    app.router.add_get("/healthz", healthz)


async def healthz(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME_KEY]
    database_ok = await asyncio.to_thread(_database_ok, runtime)
    age = runtime.health.tick_age_seconds()
    stale = runtime.health.dispatching and (age is None or age > 4 * runtime.settings.tick_seconds + 30)
    body = {
        "status": "ok" if database_ok and not stale else "unhealthy",
        "database": "ok" if database_ok else "unreachable",
        "dispatching": runtime.health.dispatching,
        "last_tick_age_seconds": None if age is None else round(age, 3),
        "last_tick_error": runtime.health.last_tick_error,
    }
    return web.json_response(body, status=200 if body["status"] == "ok" else 503)


def _database_ok(runtime: Runtime) -> bool:
    try:
        with runtime.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        return False
    return True
