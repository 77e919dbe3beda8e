"""Benchmark nudge delivery: the project's dispatcher against the naive design, idle tick cost, PostgreSQL
with 4 workers, and pacing under a platform's 50 requests/s. One JSON line per measurement.

    .venv/bin/python bench/dispatch.py            # full run (a few minutes on 2 cores)
    .venv/bin/python bench/dispatch.py --quick    # smaller sizes, same shape
    .venv/bin/python bench/dispatch.py --only postgres   # or --only sqlite: one part, no naive baseline

Each measured variant runs in its own subprocess (seeded by another one first), so peak RSS is its own.
Like `coach run`, each calls scheduler.collector.settle_collector() once set up, before it is measured.
The naive design is one APScheduler 3.x `date` job per nudge in SQLAlchemyJobStore on SQLite
(misfire_grace_time=None), each job doing the same work as the dispatcher does per nudge (compose, send
to the same zero-latency fake, record). PostgreSQL: COACH_BENCH_POSTGRES_URL or COACH_TEST_POSTGRES_URL
(default postgresql://postgres@127.0.0.1:5432/test); a scratch database (named COACH_BENCH_DB_PREFIX +
a random suffix; default prefix coach_bench_) is created and dropped. After seeding it runs ANALYZE, as
autovacuum would on a real table. `sqlite_claim_only` and `postgres_claim_only` are the bare claim loops
(claim batches, do nothing with them) on the same schema and size, so the dispatcher's share is visible.
COACH_BENCH_PG_BATCH sets the PostgreSQL workers' batch size (default 1000).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pickle
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from seeding import seed  # noqa: E402
from sqlalchemy import create_engine, func, select, text, update  # noqa: E402

from bot.clock import SystemClock  # noqa: E402
from bot.models import Nudge  # noqa: E402
from bot.planner import record_deliveries  # noqa: E402
from bot.store import open_store  # noqa: E402
from bot.store.engine import make_engine, normalise_url, session_factory  # noqa: E402
from scheduler.claim import Lease, held, writing  # noqa: E402
from scheduler.collector import settle_collector  # noqa: E402
from scheduler.dispatcher import Dispatcher  # noqa: E402
from scheduler.notifier import DeliveryError, Outgoing  # noqa: E402
from scheduler.ratelimit import DEFAULT_LIMITS, Pacer  # noqa: E402

PLATFORM = "bench"
DUE = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # long past: everything seeded with it is due
FUTURE = datetime(2099, 1, 1, tzinfo=UTC)
SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"


def peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


class ZeroLatency:
    """A platform that accepts every DM at once."""

    platform = PLATFORM

    def __init__(self) -> None:
        self.sent = 0

    async def send(self, message: Outgoing) -> str | None:
        self.sent += len(message.nudge_ids)
        return "ok"


# --- seeding ---------------------------------------------------------------------------------------------


def seed_sqlite(path: Path, n: int, *, due: datetime, contacts_per_member: int = 1, events: bool = True) -> None:
    """n nudges (one per contact), fast: raw executemany in one transaction on a migrated SQLite file."""
    engine, _ = open_store(f"sqlite:///{path}")
    engine.dispose()
    at, when = DUE.strftime(SQLITE_TIME), due.strftime(SQLITE_TIME)
    members = max(1, n // contacts_per_member)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    with db:
        db.executemany(
            "INSERT INTO members (id, platform, workspace_id, user_id, timezone, timezone_confirmed, work_start_hour,"
            " work_end_hour, work_days, checkin_days, paused, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            ((m, PLATFORM, "W1", f"U{m}", "UTC", 1, 0, 24, "0123456", 90, 0, at) for m in range(1, members + 1)))
        db.executemany(
            "INSERT INTO contacts (id, member_id, name, name_key, interests, tags, stage, met_at, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            ((c, (c - 1) % members + 1, f"Contact {c}", f"contact {c}", "[]", "[]", "new", at, at)
             for c in range(1, n + 1)))
        if events:
            db.executemany("INSERT INTO events (contact_id, kind, at) VALUES (?,?,?)",
                           ((c, "met", at) for c in range(1, n + 1)))
        db.executemany(
            "INSERT INTO nudges (id, member_id, contact_id, kind, due_at, state, attempts, created_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            ((c, (c - 1) % members + 1, c, "follow_up_48h", when, "pending", 0, at) for c in range(1, n + 1)))
    db.close()


def seed_engine(url: str, n: int, workspace: str = "W1") -> None:
    """The same rows through SQLAlchemy Core (for PostgreSQL), ids from the database."""
    seed(url, [(PLATFORM, workspace, DUE)] * n)


def table_scans(url: str) -> dict[str, int]:
    """Rows each table has had read by sequential scans so far (PostgreSQL): a dispatcher whose lookups
    stay index scans reads none per batch."""
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT relname, seq_tup_read FROM pg_stat_user_tables")).all()
    engine.dispose()
    return {table: int(count or 0) for table, count in rows}


def sent_count(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        value = connection.scalar(select(func.count(Nudge.id)).where(Nudge.state == "sent")) or 0
    engine.dispose()
    return value


# --- variants (each runs in its own process) --------------------------------------------------------------


def run_dispatcher(path: Path, n: int, batch: int) -> dict[str, Any]:
    engine = make_engine(f"sqlite:///{path}")
    sender = ZeroLatency()
    dispatcher = Dispatcher(session_factory(engine), SystemClock(), {PLATFORM: sender}, batch_size=batch)
    settle_collector()  # as the runtime does after startup
    started = time.perf_counter()
    asyncio.run(dispatcher.tick(collect=False))
    elapsed = time.perf_counter() - started
    assert sender.sent == n == sent_count(f"sqlite:///{path}"), (sender.sent, n)
    return {"name": "dispatcher_sqlite", "n": n, "per_s": round(n / elapsed, 1), "seconds": round(elapsed, 2),
            "peak_rss_mib": peak_rss_mib(), "batch": batch}


def run_claim_only(url: str, n: int, batch: int, name: str) -> dict[str, Any]:
    """The bare claim loop on the same schema: claim batches (lease and all) until nothing is due, and
    do nothing with them. What the dispatcher's claim costs, so its share of the loop is visible."""
    engine = make_engine(url)
    dispatcher = Dispatcher(session_factory(engine), SystemClock(), {PLATFORM: ZeroLatency()}, batch_size=batch)
    settle_collector()
    claimed, started = 0, time.perf_counter()
    while True:
        got = len(dispatcher.claim(Lease(dispatcher.worker_id, FUTURE)))
        claimed += got
        if got < batch:
            break
    elapsed = time.perf_counter() - started
    assert claimed == n, (claimed, n)
    return {"name": name, "n": n, "per_s": round(n / elapsed, 1), "seconds": round(elapsed, 2),
            "peak_rss_mib": peak_rss_mib(), "batch": batch}


def naive_job(nudge_id: int) -> None:
    """One nudge, the naive way: its own session and transaction, the same hold → compose → send → record
    as the dispatcher's, through the same core functions."""
    dispatcher: Dispatcher = NAIVE["dispatcher"]
    now = SystemClock().now()
    with writing(dispatcher.sessions) as session:
        session.execute(update(Nudge).where(Nudge.id == nudge_id).values(
            state="sending", claimed_by=dispatcher.worker_id, lease_until=FUTURE, attempts=Nudge.attempts + 1))
        [message] = dispatcher._compose(session, held(session, {nudge_id: False}, dispatcher.worker_id))
        ref = asyncio.run(NAIVE["sender"].send(message))
        record_deliveries(session, {nudge_id: ref}, now)
    NAIVE["done"] += 1


NAIVE: dict[str, Any] = {"done": 0}


def add_naive_jobs(store_url: str, n: int) -> None:
    """Insert n pickled `date` jobs straight into the job store's table (add_job one by one is slower
    still, and setting up is not what is measured)."""
    from apscheduler.job import Job
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.date import DateTrigger
    from apscheduler.util import datetime_to_utc_timestamp

    store = SQLAlchemyJobStore(url=store_url)
    scheduler = BackgroundScheduler(timezone=UTC)
    store.start(scheduler, "default")
    rows = []
    for nudge_id in range(1, n + 1):
        job = Job(scheduler, id=f"nudge-{nudge_id}", func=naive_job, args=(nudge_id,), kwargs={},
                  trigger=DateTrigger(DUE, timezone=UTC), executor="default", name="nudge",
                  misfire_grace_time=None, coalesce=True, max_instances=1, next_run_time=DUE)
        rows.append({"id": job.id, "next_run_time": datetime_to_utc_timestamp(DUE),
                     "job_state": pickle.dumps(job.__getstate__(), pickle.HIGHEST_PROTOCOL)})
    with store.engine.begin() as connection:
        connection.execute(store.jobs_t.insert(), rows)
    store.shutdown()


def run_naive(path: Path, jobs_path: Path, n: int, budget_s: float) -> dict[str, Any]:
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler

    engine = make_engine(f"sqlite:///{path}")
    sender = ZeroLatency()
    NAIVE.update(sender=sender, dispatcher=Dispatcher(session_factory(engine), SystemClock(), {PLATFORM: sender}))
    scheduler = BackgroundScheduler(
        timezone=UTC, jobstores={"default": SQLAlchemyJobStore(url=f"sqlite:///{jobs_path}")},
        executors={"default": ThreadPoolExecutor(1)},  # one worker: no SQLite write contention of its own
    )
    settle_collector()  # the same process setup as the dispatcher's
    started = time.perf_counter()
    scheduler.start()
    while NAIVE["done"] < n and time.perf_counter() - started < budget_s:
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    done = NAIVE["done"]
    scheduler.shutdown(wait=False)
    record = {"name": "naive_apscheduler_jobstore", "n": n, "per_s": round(done / elapsed, 1),
              "seconds": round(elapsed, 2), "peak_rss_mib": peak_rss_mib(), "delivered": done}
    if done < n:
        record |= {"bounded_s": budget_s, "extrapolated": True,
                   "note": f"stopped after {budget_s:.0f} s with {done} of {n} delivered; per_s is the rate so "
                           f"far and seconds_extrapolated assumes it holds"}
        record["seconds_extrapolated"] = round(n / max(done / elapsed, 1e-9), 1)
    return record


def run_idle(path: Path, n: int, ticks: int) -> dict[str, Any]:
    engine = make_engine(f"sqlite:///{path}")
    dispatcher = Dispatcher(session_factory(engine), SystemClock(), {PLATFORM: ZeroLatency()})

    async def measure() -> list[float]:
        await dispatcher.tick()  # warm the connection and the statement cache
        costs = []
        for _ in range(ticks):
            started = time.perf_counter()
            assert await dispatcher.tick() == []
            costs.append((time.perf_counter() - started) * 1000)
        return costs

    costs = sorted(asyncio.run(measure()))
    return {"name": "idle_tick_sqlite", "n": n, "per_s": round(1000 / statistics.median(costs), 1),
            "tick_ms_median": round(statistics.median(costs), 3), "tick_ms_p95": round(costs[int(len(costs) * .95)], 3),
            "peak_rss_mib": peak_rss_mib(), "pending": n, "due": 0}


PG_BATCH = int(os.environ.get("COACH_BENCH_PG_BATCH", "1000"))


def run_pg_worker(url: str, name: str, start_at: float) -> dict[str, Any]:
    engine = make_engine(url)
    sender = ZeroLatency()
    dispatcher = Dispatcher(session_factory(engine), SystemClock(), {PLATFORM: sender}, worker_id=name,
                            batch_size=PG_BATCH)
    with engine.connect() as connection:  # connect (and import everything) before the common start
        connection.execute(text("SELECT 1"))
    settle_collector()
    time.sleep(max(0.0, start_at - time.time()))
    started = time.time()
    asyncio.run(dispatcher.tick(collect=False))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"worker": name, "started": started, "ended": time.time(), "peak_rss_mib": peak_rss_mib(),
            "sent": sender.sent, "cpu_s": usage.ru_utime + usage.ru_stime}


class Enforcing:
    """A platform allowing `limit` requests in any sliding second; beyond that, 429 with Retry-After."""

    platform = "discord"

    def __init__(self, limit: int) -> None:
        self.limit, self.window = limit, deque[float]()
        self.accepted, self.rejected = 0, 0

    async def send(self, message: Outgoing) -> str | None:
        now = time.monotonic()
        while self.window and self.window[0] <= now - 1.0:
            self.window.popleft()
        if len(self.window) >= self.limit:
            self.rejected += 1
            raise DeliveryError("rate limited", retry_after=round(self.window[0] + 1.0 - now, 3) + 0.01)
        self.window.append(now)
        self.accepted += 1
        return "ok"


def run_paced(path: Path, n: int) -> dict[str, Any]:
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE members SET platform = 'discord'"))
    platform = Enforcing(50)
    dispatcher = Dispatcher(session_factory(engine), SystemClock(), {"discord": platform},
                            pacer=Pacer(DEFAULT_LIMITS), batch_size=100)

    async def drain() -> float:
        started = time.perf_counter()
        while sent_count(f"sqlite:///{path}") < n and time.perf_counter() - started < 120:
            await dispatcher.tick()
            await asyncio.sleep(0.05)
        return time.perf_counter() - started

    elapsed = asyncio.run(drain())
    sent = sent_count(f"sqlite:///{path}")
    rate = sent / elapsed
    return {"name": "paced_discord_50rps", "n": n, "per_s": round(rate, 1), "enforced_per_s": 50,
            "share_of_limit": round(rate / 50, 3), "got_429": platform.rejected, "lost": n - sent,
            "accepted": platform.accepted, "peak_rss_mib": peak_rss_mib()}


# --- the parent: seed, run each variant in a fresh process, print ---------------------------------------


def child(*args: str) -> dict[str, Any]:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{args}: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1]) if result.stdout.strip() else {}


def child_main(args: list[str]) -> None:
    kind, rest = args[0], args[1:]
    if kind == "seed":
        seed_sqlite(Path(rest[0]), int(rest[1]), due=FUTURE if rest[2] == "future" else DUE,
                    events=rest[2] != "future")
    elif kind == "naive-jobs":
        add_naive_jobs(f"sqlite:///{rest[0]}", int(rest[1]))
    elif kind == "dispatcher":
        emit(run_dispatcher(Path(rest[0]), int(rest[1]), int(rest[2])))
    elif kind == "naive":
        emit(run_naive(Path(rest[0]), Path(rest[1]), int(rest[2]), float(rest[3])))
    elif kind == "idle":
        emit(run_idle(Path(rest[0]), int(rest[1]), int(rest[2])))
    elif kind == "pg-seed":
        seed_engine(rest[0], int(rest[1]))
    elif kind == "pg-seed-more":
        seed_engine(rest[0], int(rest[1]), workspace="W2")
    elif kind == "pg-worker":
        emit(run_pg_worker(rest[0], rest[1], float(rest[2])))
    elif kind == "claim-only":
        emit(run_claim_only(rest[0], int(rest[1]), int(rest[2]), rest[3]))
    elif kind == "paced":
        emit(run_paced(Path(rest[0]), int(rest[1])))


def bench_sqlite(workdir: Path, sizes: list[int], naive_budget: float, *, naive: bool = True
                 ) -> list[dict[str, Any]]:
    results = []
    for n in sizes:
        db = workdir / f"d{n}.db"
        child("seed", str(db), str(n), "due")
        results.append(child("dispatcher", str(db), str(n), "500"))
        emit(results[-1])
        if n == sizes[-1]:  # the bare claim loop on the same schema and size, in the same run
            bare = workdir / f"c{n}.db"
            child("seed", str(bare), str(n), "due")
            claim_only = child("claim-only", f"sqlite:///{bare}", str(n), "500", "sqlite_claim_only")
            claim_only["dispatcher_share"] = round(results[-1]["per_s"] / claim_only["per_s"], 3)
            emit(claim_only)
        if not naive:
            continue
        db, jobs = workdir / f"n{n}.db", workdir / f"jobs{n}.db"
        child("seed", str(db), str(n), "due")
        child("naive-jobs", str(jobs), str(n))
        results.append(child("naive", str(db), str(jobs), str(n), str(naive_budget)))
        emit(results[-1])
    return results


def bench_postgres(n: int, workers: int) -> None:
    admin_url = os.environ.get("COACH_BENCH_POSTGRES_URL") or os.environ.get(
        "COACH_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    name = f"{os.environ.get('COACH_BENCH_DB_PREFIX', 'coach_bench_')}{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as problem:
        emit({"name": "dispatcher_postgres_4_workers", "n": n, "per_s": None, "peak_rss_mib": None,
              "skipped": f"no PostgreSQL at {admin_url}: {type(problem).__name__}"})
        return
    url = str(create_engine(normalise_url(admin_url)).url.set(database=name).render_as_string(hide_password=False))
    try:
        child("pg-seed", url, str(n))
        scans_before = table_scans(url)
        start_at = time.time() + 3.0  # every worker connected and warm, then all start together
        procs = [subprocess.Popen([sys.executable, __file__, "--child", "pg-worker", url, f"w{i}", str(start_at)],
                                  stdout=subprocess.PIPE, text=True, cwd=ROOT) for i in range(workers)]
        reports = [json.loads(p.communicate(timeout=600)[0].strip().splitlines()[-1]) for p in procs]
        sent = sent_count(url)
        time.sleep(1.0)  # the workers' table statistics reach the shared counters within a second
        scans = {table: after - scans_before.get(table, 0) for table, after in table_scans(url).items()}
        posted = sum(r["sent"] for r in reports)
        elapsed = max(r["ended"] for r in reports) - min(r["started"] for r in reports)
        emit({"name": f"dispatcher_postgres_{workers}_workers", "n": n, "per_s": round(sent / elapsed, 1),
              "seconds": round(elapsed, 2), "peak_rss_mib": max(r["peak_rss_mib"] for r in reports),
              "delivered": sent, "duplicates": posted - sent, "lost": n - sent, "workers": workers,
              "batch": PG_BATCH, "workers_cpu_s": round(sum(r["cpu_s"] for r in reports), 2),
              "rows_read_by_seq_scans": {table: rows for table, rows in scans.items() if rows}})
        child("pg-seed-more", url, str(n))  # the same table again, for the bare claim loop
        emit(child("claim-only", url, str(n), str(PG_BATCH), "postgres_claim_only"))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (about a minute)")
    parser.add_argument("--only", choices=("sqlite", "postgres"),
                        help="just the SQLite dispatcher and its bare claim loop, or just the PostgreSQL part")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child)
        return
    sizes = [2_000, 10_000] if args.quick else [10_000, 100_000]
    idle_n = 100_000 if args.quick else 1_000_000
    pg_n = 10_000 if args.quick else 100_000
    if args.only == "postgres":
        bench_postgres(pg_n, 4)
        return
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        workdir = Path(tmp)
        if args.only == "sqlite":
            bench_sqlite(workdir, sizes, naive_budget=0, naive=False)
            return
        results = bench_sqlite(workdir, sizes, naive_budget=20 if args.quick else 60)
        ours = {r["n"]: r for r in results if r["name"] == "dispatcher_sqlite"}
        naive = {r["n"]: r for r in results if r["name"].startswith("naive")}
        big, small = sizes[-1], sizes[0]
        emit({"name": "summary_dispatcher_vs_naive", "n": big, "per_s": ours[big]["per_s"],
              "peak_rss_mib": ours[big]["peak_rss_mib"],
              "speedup_vs_naive": round(ours[big]["per_s"] / max(naive[big]["per_s"], 1e-9), 1),
              "rss_growth_mib": round(ours[big]["peak_rss_mib"] - ours[small]["peak_rss_mib"], 1),
              "naive_rss_growth_mib": round(naive[big]["peak_rss_mib"] - naive[small]["peak_rss_mib"], 1)})
        idle = workdir / "idle.db"
        child("seed", str(idle), str(idle_n), "future")
        emit(child("idle", str(idle), str(idle_n), "200"))
        bench_postgres(pg_n, 4)
        paced = workdir / "paced.db"
        child("seed", str(paced), str(200 if args.quick else 600), "due")
        emit(child("paced", str(paced), str(200 if args.quick else 600)))


if __name__ == "__main__":
    main()
