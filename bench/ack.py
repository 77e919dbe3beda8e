"""Benchmark the answer path: how long members wait for a slash command's answer, over real HTTP.

    .venv/bin/python bench/ack.py                    # SQLite and PostgreSQL, plain and with erases (~2 min)
    .venv/bin/python bench/ack.py --store sqlite     # one store
    .venv/bin/python bench/ack.py --variant erase    # only the variant with forgets and a live backup

The real `coach slack --port` runs as a subprocess (dispatcher on, as deployed) against a fake Slack Web API on
loopback (tests/slack/slackfakes.py). 12 senders, each a member of its own, send 25 signed `/met` each, all
at once (every sender sends its next command as soon as the previous one is answered); a command's time is
from the request leaving the sender to its answer arriving. Before the measured burst each sender sends one
`/met` that is not counted (the first `users.info` lookup and the first connection of each thread). An error
is an answer other than 200 with "Noted" in it: Slack shows a member an error for anything not answered
within 3 s (Bolt answers 404 "unhandled request" past its 3 s ack timeout).

The store holds a big member first (10,000 contacts, each with notes and two events, written in bulk), so the
database is the size of a real one and a backup of it takes a while.

Variant `erase` runs the same burst with, alongside: a 13th member who records a contact and forgets it
(`/coach forget … confirm`, an erase: on SQLite followed by the WAL checkpoint that keeps the promise that
an erased name stays in no file) over and over, and a live backup in a loop in another process, holding a
read snapshot while it copies: on SQLite `sqlite3.Connection.backup` (what `sqlite3 coach.db .backup`
does), on PostgreSQL `pg_dump -Fc` (README's backup; `pg_dump` on the PATH). The forgetter's own commands
are counted in `erase_*`, not in the senders' figures.

One line per run:
`ack store=sqlite variant=plain senders=12 commands=300 p50_ms=… p99_ms=… max_ms=… errors=…`, then what the
burst cost beside the answers: `home_publishes` (the senders' App Home views published from the burst's
start until each shows its sender's last contact; a member's refreshes fold together) and
`home_lag_max_ms` (the longest wait, over the senders, from a sender's last answer to a published Home that
shows its last contact: how far the Home trails the answers at the end of a burst). A live backup that
stops during the run (`pg_dump` missing, say) ends the run with an error instead of a line.

PostgreSQL: COACH_BENCH_POSTGRES_URL or COACH_TEST_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test); a scratch database named COACH_BENCH_DB_PREFIX (default
coach_bench_) + a random suffix is created and dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from seeding import TEAM, seed_big_member  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from bot.store.engine import normalise_url  # noqa: E402
from tests.slack.slackfakes import SECRET, FakeSlack, sign  # noqa: E402

ANSWER_S = 3.0  # what Slack waits for an answer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def command_form(command: str, text_: str, user: str, key: str, fake: FakeSlack) -> str:
    return urlencode({"token": "legacy", "team_id": TEAM, "team_domain": "bench", "channel_id": "C1",
                      "channel_name": "general", "user_id": user, "user_name": user.lower(), "command": command,
                      "text": text_, "api_app_id": "A1", "response_url": fake.response_url(key),
                      "trigger_id": f"trigger-{key}"})


async def send(http: aiohttp.ClientSession, url: str, fake: FakeSlack, command: str, text_: str,
               user: str, key: str, expect: str) -> tuple[float, bool]:
    """One signed slash command: (seconds to its answer, answered well within Slack's 3 s)."""
    body = command_form(command, text_, user, key, fake)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body, SECRET)}
    started = time.perf_counter()
    try:
        async with http.post(url, data=body.encode(), headers=headers) as response:
            answer = await response.text()
            ok = response.status == 200 and expect in answer
    except (TimeoutError, aiohttp.ClientError, OSError):
        ok = False
    took = time.perf_counter() - started
    return took, ok and took < ANSWER_S


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


@contextmanager
def scratch_database(store: str, folder: Path) -> Iterator[str]:
    if store == "sqlite":
        yield f"sqlite:///{folder}/coach.db"
        return
    base = os.environ.get("COACH_BENCH_POSTGRES_URL") or os.environ.get(
        "COACH_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    name = os.environ.get("COACH_BENCH_DB_PREFIX", "coach_bench_") + uuid.uuid4().hex[:10]
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield normalise_url(base).rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def backup_loop(database: str, target: str, seconds: float) -> None:
    """A live backup, over and over (child process); each copy holds one read snapshot while it runs: on
    SQLite the online backup (what `sqlite3 coach.db .backup` does), on PostgreSQL `pg_dump -Fc` (README's
    backup). `database`: the SQLite file, or a libpq URL."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if database.startswith("postgresql://"):
            subprocess.run(["pg_dump", "--format=custom", "--file", target, database], check=True,
                           stdout=subprocess.DEVNULL)
            continue
        source, destination = sqlite3.connect(database), sqlite3.connect(target)
        source.backup(destination)
        destination.close()
        source.close()


async def run(store: str, variant: str, senders: int, per_sender: int, big: int, profile: str | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="coach-ack-") as tmp, scratch_database(store, Path(tmp)) as url:
        folder = Path(tmp)
        seed_big_member(url, big)
        fake = await FakeSlack().start()
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "COACH_", "DATABASE_"))}
        env |= {"DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": fake.api_url, "PYTHONUNBUFFERED": "1", "XDG_DATA_HOME": str(folder / "data"),
                "XDG_STATE_HOME": str(folder / "state")}
        log_path = folder / "coach.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen([sys.executable, "-m", "adapters.entrypoints.cli", "slack", "--port", str(port),
                                        "--host", "127.0.0.1"], cwd=ROOT, env=env, stderr=log, stdout=log)
        backup: subprocess.Popen[bytes] | None = None
        try:
            connector = aiohttp.TCPConnector(limit=senders + 2)
            async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as http:
                await wait_until_up(http, f"http://127.0.0.1:{port}/livez", process, log_path)
                events = f"http://127.0.0.1:{port}/slack/events"
                await asyncio.gather(*(send(http, events, fake, "/met", "Warm Up at the door", f"U{s}", f"w{s}",
                                            "Noted") for s in range(senders)))
                stop = asyncio.Event()
                erase_times: list[float] = []
                erase_errors = 0

                async def forgetter() -> None:
                    nonlocal erase_errors
                    i = 0
                    while not stop.is_set():
                        name = f"Gone Person{i}"
                        for command, words, expect in (("/met", f'"{name}" at Expo -- plutonium', "Noted"),
                                                       ("/coach", f'forget "{name}" confirm', "")):
                            took, ok = await send(http, events, fake, command, words, "UERASE", f"e{i}", expect)
                            erase_times.append(took)
                            erase_errors += not ok
                        i += 1
                        await asyncio.sleep(0.05)

                if variant == "erase":
                    database = (url.removeprefix("sqlite:///") if store == "sqlite"
                                else url.replace("postgresql+psycopg://", "postgresql://", 1))
                    backup = subprocess.Popen([sys.executable, __file__, "backup-loop", database,
                                               str(folder / "backup"), "120"], start_new_session=True)
                    await asyncio.sleep(0.5)
                erasing = asyncio.create_task(forgetter()) if variant == "erase" else None
                spy = None
                if profile:  # py-spy (not a dependency: pip install py-spy) samples every thread of the coach
                    spy = subprocess.Popen(["py-spy", "record", "-p", str(process.pid), "-o",
                                            f"{profile}.{store}.{variant}.txt", "--format", "raw", "--threads",
                                            "--nonblocking", "--gil", "-r", "250"],
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    await asyncio.sleep(1.0)
                burst_started, cpu_started = time.perf_counter(), cpu_seconds(process.pid)
                own_started = time.process_time()

                last_answered: dict[str, float] = {}

                async def sender(s: int) -> list[tuple[float, bool]]:
                    times = [await send(http, events, fake, "/met", f'"Contact {s}-{i}" at PyCon -- queues',
                                        f"U{s}", f"s{s}-{i}", "Noted") for i in range(per_sender)]
                    last_answered[f"U{s}"] = time.perf_counter()
                    return times

                results = [r for rs in await asyncio.gather(*(sender(s) for s in range(senders))) for r in rs]
                burst_s = time.perf_counter() - burst_started
                burst_cpu = cpu_seconds(process.pid) - cpu_started
                own_cpu = time.process_time() - own_started
                home_lags = await home_lags_after(fake, last_answered, per_sender)
                # the senders' Homes read after the burst began (the warm-up's and the forgetter's left out)
                homes = sum(1 for call in fake.of("views.publish")
                            if call.args.get("user_id") in last_answered and call.at >= burst_started)
                stop.set()
                if spy is not None:
                    spy.send_signal(signal.SIGINT)
                    spy.wait(30)
                if erasing is not None:
                    await erasing
            if backup is not None and backup.poll() is not None:
                raise SystemExit(f"the live backup stopped during the run (exit {backup.returncode}): see above")
        finally:
            if backup is not None:  # the loop and its pg_dump, as a group
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(backup.pid, signal.SIGTERM)
                backup.wait()
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            await fake.stop()
        times = [t * 1000 for t, _ok in results]
        line = (f"ack store={store} variant={variant} senders={senders} commands={len(results)} "
                f"p50_ms={statistics.median(times):.0f} p99_ms={percentile(times, 0.99):.0f} "
                f"max_ms={max(times):.0f} errors={sum(not ok for _t, ok in results)} "
                f"mean_ms={statistics.fmean(times):.0f} per_s={len(results) / burst_s:.0f} "
                f"coach_cpu_ms_per_command={burst_cpu * 1000 / len(results):.1f} "
                f"bench_cpu_pct={100 * own_cpu / burst_s:.0f} "
                f"home_publishes={homes} home_lag_max_ms={max(home_lags.values()) * 1000:.0f}")
        if variant == "erase":
            line += (f" erase_commands={len(erase_times)} erase_max_ms={max(erase_times) * 1000:.0f}"
                     f" erase_errors={erase_errors}")
        return line


async def home_lags_after(fake: FakeSlack, last_answered: dict[str, float], per_sender: int,
                          timeout: float = 30.0) -> dict[str, float]:
    """For each sender, seconds from its last answer to the first App Home published after it that shows its
    last contact (Home refreshes trail the answers; this says by how much). A Home never published counts as
    `timeout`."""
    lags: dict[str, float] = {}
    deadline = time.perf_counter() + timeout
    while len(lags) < len(last_answered) and time.perf_counter() < deadline:
        for call in fake.of("views.publish"):
            user = str(call.args.get("user_id"))
            if user in last_answered and user not in lags:
                last = f"Contact {user.removeprefix('U')}-{per_sender - 1}"
                if last in str(call.args.get("view")):
                    lags[user] = max(0.0, call.at - last_answered[user])
        await asyncio.sleep(0.05)
    return {user: lags.get(user, timeout) for user in last_answered}


async def wait_until_up(http: aiohttp.ClientSession, url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"coach slack exited: {log.read_text()[-2000:]}")
        try:
            async with http.get(url) as response:
                if response.status in (200, 503):
                    return
        except aiohttp.ClientConnectionError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit("coach slack never answered /livez")


def main(argv: list[str]) -> int:
    if argv[:1] == ["backup-loop"]:
        backup_loop(argv[1], argv[2], float(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--variant", choices=("plain", "erase", "both"), default="both")
    parser.add_argument("--senders", type=int, default=12)
    parser.add_argument("--commands", type=int, default=25, help="per sender")
    parser.add_argument("--big", type=int, default=10_000, help="contacts of the big member seeded first")
    parser.add_argument("--profile", help="sample the coach (py-spy, the thread holding the GIL) during the burst "
                                          "into PROFILE.<store>.<variant>.txt")
    args = parser.parse_args(argv)
    stores = ("sqlite", "postgres") if args.store == "both" else (args.store,)
    variants = ("plain", "erase") if args.variant == "both" else (args.variant,)
    for store in stores:
        for variant in variants:
            print(asyncio.run(run(store, variant, args.senders, args.commands, args.big, args.profile)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
