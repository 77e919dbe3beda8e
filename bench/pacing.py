"""Benchmark pacing across processes and fairness across workspaces, on PostgreSQL. One JSON line each.

    .venv/bin/python bench/pacing.py            # about a minute
    .venv/bin/python bench/pacing.py --quick    # smaller, same shape

`shared_pacing`: 4 dispatcher processes share one PostgreSQL and one bot token. A fake platform on
loopback (aiohttp, in this process) allows 50 requests in any sliding second for that token and answers
429 with Retry-After beyond it. The dispatchers pace through the shared `rate_budgets` row (Discord's
default limit, 48/s). Reported: requests, achieved rate, 429s, nudges lost and nudges posted twice.

`fairness`: one workspace with a backlog of 20,000 due nudges and 99 small workspaces whose nudges fall
due during the run (Slack's limits: 4/s per workspace, 1/s per DM channel). Reported: the small
workspaces' p99 lateness (sent − due) against the tick, and how fast the big backlog drains.

PostgreSQL: COACH_BENCH_POSTGRES_URL or COACH_TEST_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test); scratch databases named COACH_BENCH_DB_PREFIX (default
coach_bench_) + a random suffix are created and dropped. Everything runs on loopback and is time-bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402
from seeding import seed  # noqa: E402
from sqlalchemy import bindparam, create_engine, func, select, text, update  # noqa: E402

from bot.clock import SystemClock  # noqa: E402
from bot.models import Nudge  # noqa: E402
from bot.store.engine import make_engine, normalise_url, session_factory  # noqa: E402
from scheduler.dispatcher import Dispatcher  # noqa: E402
from scheduler.notifier import DeliveryError, Outgoing  # noqa: E402
from scheduler.ratelimit import pacer_for  # noqa: E402

ALLOWANCE = 50  # what the fake platform enforces, per sliding second, for the one bot token
TOKEN = "bench-bot-token"


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


# --- the fake platform (loopback) ------------------------------------------------------------------------


class FakePlatform:
    """POST /send: at most `limit` accepted requests per token in any sliding second; else 429 with
    Retry-After (seconds, fractional). Remembers every accepted post by nudge id, to count doubles."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.windows: dict[str, deque[float]] = {}
        self.accepted: list[tuple[float, int, str]] = []  # (time, nudge id, workspace)
        self.rejected = 0
        self.lock = threading.Lock()

    async def send(self, request: web.Request) -> web.Response:
        body = await request.json()
        token = request.headers.get("Authorization", "")
        now = time.monotonic()
        with self.lock:
            window = self.windows.setdefault(token, deque())
            while window and window[0] <= now - 1.0:
                window.popleft()
            if len(window) >= self.limit:
                self.rejected += 1
                retry_after = round(window[0] + 1.0 - now, 3) + 0.001
                return web.json_response({"retry_after": retry_after}, status=429,
                                         headers={"Retry-After": str(retry_after)})
            window.append(now)
            self.accepted += [(time.time(), nudge_id, body["workspace"]) for nudge_id in body["nudge_ids"]]
        return web.json_response({"ok": True})


@contextmanager
def serving(platform: FakePlatform) -> Iterator[str]:
    """The fake platform on 127.0.0.1 in a thread of its own; yields its base URL."""
    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_post("/send", platform.send)
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.run_until_complete(runner.cleanup())
        loop.close()


class HttpNotifier:
    """A Notifier posting to the fake platform; a 429 becomes DeliveryError(retry_after=…)."""

    def __init__(self, platform: str, base_url: str) -> None:
        self.platform, self.base_url = platform, base_url
        self.client: aiohttp.ClientSession | None = None

    async def send(self, message: Outgoing) -> str | None:
        if self.client is None:
            self.client = aiohttp.ClientSession(headers={"Authorization": f"Bot {TOKEN}"})
        payload = {"nudge_ids": list(message.nudge_ids), "workspace": message.recipient.workspace_id}
        async with self.client.post(f"{self.base_url}/send", json=payload) as response:
            if response.status == 429:
                raise DeliveryError("rate limited", retry_after=float(response.headers["Retry-After"]))
            response.raise_for_status()
        return "ok"


# --- seeding and databases -------------------------------------------------------------------------------


@contextmanager
def scratch_database() -> Iterator[str | None]:
    admin_url = os.environ.get("COACH_BENCH_POSTGRES_URL") or os.environ.get(
        "COACH_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    name = f"{os.environ.get('COACH_BENCH_DB_PREFIX', 'coach_bench_')}{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        admin.dispose()
        yield None
        return
    try:
        yield str(admin.url.set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def unfinished(url: str) -> int:
    """Rows due by now and not yet delivered (a delivered nudge's successor, due days later, is not)."""
    engine = make_engine(url)
    with engine.connect() as connection:
        value = connection.scalar(select(func.count(Nudge.id)).where(
            Nudge.state.in_(("pending", "sending")), Nudge.due_at <= func.now())) or 0
    engine.dispose()
    return value


# --- one dispatcher process --------------------------------------------------------------------------------


async def replica(url: str, base_url: str, platform: str, name: str, tick_s: float, deadline_s: float,
                  stop_when_idle: bool) -> None:
    """Tick like `coach run` does (every tick_s), until nothing is left or the deadline."""
    engine = make_engine(url)
    notifier = HttpNotifier(platform, base_url)
    window = min(2.0, tick_s / 4)  # as scheduler/runtime.py sets them
    dispatcher = Dispatcher(session_factory(engine), SystemClock(), {platform: notifier}, worker_id=name,
                            pacer=pacer_for(engine), pace_window=timedelta(seconds=window),
                            tick_budget=timedelta(seconds=tick_s - window))
    deadline = time.monotonic() + deadline_s
    try:
        while time.monotonic() < deadline:
            started = time.monotonic()
            await dispatcher.tick(collect=False)
            if stop_when_idle and unfinished(url) == 0:
                return
            await asyncio.sleep(max(0.0, tick_s - (time.monotonic() - started)))
    finally:
        if notifier.client is not None:
            await notifier.client.close()
        engine.dispose()


def start_replica(url: str, base_url: str, platform: str, name: str, tick_s: float, deadline_s: float,
                  stop_when_idle: bool) -> subprocess.Popen[bytes]:
    args = [url, base_url, platform, name, str(tick_s), str(deadline_s), "1" if stop_when_idle else "0"]
    return subprocess.Popen([sys.executable, __file__, "--child", *args], cwd=ROOT)


def finish(proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait for a replica; one that overstays is killed (by its own pid), so the bench stays bounded."""
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --- the measurements --------------------------------------------------------------------------------------


def shared_pacing(url: str, n: int, replicas: int, tick_s: float, deadline_s: float) -> dict[str, Any]:
    past = datetime.now(UTC) - timedelta(minutes=1)
    seed(url, [("discord", f"G{i % 7}", past) for i in range(n)])
    platform = FakePlatform(ALLOWANCE)
    with serving(platform) as base_url:
        procs = [start_replica(url, base_url, "discord", f"r{i}", tick_s, deadline_s, True) for i in range(replicas)]
        for proc in procs:
            finish(proc, deadline_s + 30)
    times = sorted(at for at, _nudge, _ws in platform.accepted)
    posts = Counter(nudge for _at, nudge, _ws in platform.accepted)
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    achieved = (len(times) - 1) / span if span else 0.0
    requests = len(times) + platform.rejected
    return {"name": "shared_pacing", "replicas": replicas, "allowance_per_s": ALLOWANCE, "requests": requests,
            "achieved_per_s": round(achieved, 1), "share_of_allowance": round(achieved / ALLOWANCE, 3),
            "rate_limited": platform.rejected, "rate_limited_share": round(platform.rejected / max(requests, 1), 4),
            "lost": n - len(posts), "doubled": sum(count - 1 for count in posts.values()), "n": n,
            "seconds": round(span, 2), "unfinished_rows": unfinished(url)}


def fairness(url: str, workspaces: int, big: int, per_small: int, tick_s: float, run_s: float) -> dict[str, Any]:
    rng = random.Random(15)
    later = datetime(2099, 1, 1, tzinfo=UTC)  # placeholders: the small rows' due times are set after seeding
    rows = [("slack", "T_BIG", datetime.now(UTC) - timedelta(minutes=5)) for _ in range(big)]
    rows += [("slack", f"T{w:03d}", later) for w in range(1, workspaces) for _ in range(per_small)]
    seed(url, rows)
    start = datetime.now(UTC) + timedelta(seconds=4)  # the replica starts and connects meanwhile
    engine = make_engine(url)
    with engine.begin() as connection:
        small_ids = connection.scalars(select(Nudge.id).where(Nudge.due_at == later).order_by(Nudge.id)).all()
        connection.execute(update(Nudge).where(Nudge.id == bindparam("b_id")).values(due_at=bindparam("b_due")), [
            {"b_id": nudge_id, "b_due": start + timedelta(seconds=rng.uniform(0.0, run_s - 3 * tick_s))}
            for nudge_id in small_ids])
    with engine.connect() as connection:
        due = {nudge_id: due_at.timestamp()
               for nudge_id, due_at in connection.execute(select(Nudge.id, Nudge.due_at))}
    engine.dispose()
    platform = FakePlatform(10_000)  # the per-workspace pacing is the dispatcher's; count, don't refuse
    with serving(platform) as base_url:
        proc = start_replica(url, base_url, "slack", "fair", tick_s, (start - datetime.now(UTC)).total_seconds()
                             + run_s, False)
        finish(proc, run_s + 30)
    small = [at - due[nudge] for at, nudge, ws in platform.accepted if ws != "T_BIG"]
    expected_small = (workspaces - 1) * per_small
    big_times = sorted(at for at, _nudge, ws in platform.accepted if ws == "T_BIG")
    big_rate = (len(big_times) - 1) / (big_times[-1] - big_times[0]) if len(big_times) > 1 else 0.0
    per_second = Counter(int(at) for at, _n, ws in platform.accepted if ws == "T_BIG")
    return {"name": "fairness", "workspaces": workspaces, "big_backlog": big, "tick_s": tick_s,
            "small_p99_lateness_s": round(sorted(small)[max(0, int(len(small) * 0.99) - 1)], 3) if small else None,
            "small_median_lateness_s": round(statistics.median(small), 3) if small else None,
            "small_sent": len(small), "small_expected": expected_small,
            "big_sent": len(big_times), "big_drain_per_s": round(big_rate, 2), "big_allowance_per_s": 4.0,
            "big_max_in_one_second": max(per_second.values(), default=0), "run_s": run_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer nudges, shorter runs")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        url, base_url, platform, name, tick_s, deadline_s, idle = args.child
        asyncio.run(replica(url, base_url, platform, name, float(tick_s), float(deadline_s), idle == "1"))
        return
    with scratch_database() as url:
        if url is None:
            emit({"name": "shared_pacing", "skipped": "no PostgreSQL"})
        else:
            emit(shared_pacing(url, 250 if args.quick else 750, 4, tick_s=1.0, deadline_s=60.0))
    with scratch_database() as url:
        if url is None:
            emit({"name": "fairness", "skipped": "no PostgreSQL"})
        else:
            emit(fairness(url, 100, 20_000, 2, tick_s=1.0, run_s=8.0 if args.quick else 15.0))


if __name__ == "__main__":
    main()
