"""Benchmark the Monday wave on a virtual clock: one JSON line per run.

    .venv/bin/python bench/wave.py --quick                 # 1,000 members, Slack and Discord
    .venv/bin/python bench/wave.py                         # 1,000 and 10,000 on Slack, 100,000 on Discord
    .venv/bin/python bench/wave.py --platform slack --members 10000
    .venv/bin/python bench/wave.py --charts-only            # time the chart alone: first, median, p99

N members of one workspace (SQLite, seeded with 4 contacts each and their history over the last 8
weeks), a third each in Europe/Athens, Europe/Berlin and Europe/London (working hours from 9:00: their
digests fall due at 07:00, 08:00 and 09:00 UTC). One member in twenty also has an ordinary follow-up
that falls due during the wave. The real weekly job plans the digest rows, the real Dispatcher claims,
composes and sends them through the real SlackNotifier / DiscordNotifier, whose client is a fake platform
enforcing the published per-method limits and answering 429 with Retry-After beyond them:

- Slack, per workspace, in any sliding minute: Tier 2 methods 20, Tier 3 50 (conversations.open,
  conversations.history), Tier 4 100 (files.getUploadURLExternal, files.completeUploadExternal);
  chat.postMessage one a second per channel and a workspace ceiling of 300 a minute (Slack says "several
  hundred"; the coach paces at 4/s = 240).
- Discord: 50 requests in any sliding second per bot (every route: opening a DM, posting).

Time is virtual: the event loop's clock jumps to the next timer when nothing is ready, and every
synchronous step (claim, compose, record: what the dispatcher runs in threads) advances it by the CPU
time it took, so an hour of sending takes seconds and the lateness figures include the composing cost.
Reported (simulated seconds): digest lateness (sent − due) p50/p99/last, 429s, the ordinary nudges' p99
lateness, CPU ms per digest composed (no chart) and ms per chart drawn (on request: /coach digest).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import statistics
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import discord  # noqa: E402
from slack_sdk.errors import SlackApiError  # noqa: E402
from slack_sdk.web.async_slack_response import AsyncSlackResponse  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from adapters.discord.notifier import DiscordNotifier  # noqa: E402
from adapters.slack.notifier import SlackNotifier  # noqa: E402
from bot.digest import compose_weekly  # noqa: E402
from bot.models import Contact, Event, Member, Nudge, NudgeState  # noqa: E402
from bot.store import open_store  # noqa: E402
from scheduler import dispatcher as dispatch_module  # noqa: E402
from scheduler.dispatcher import DEFAULT_PACE_WINDOW, Dispatcher  # noqa: E402
from scheduler.ratelimit import Pacer, RequestPacer  # noqa: E402
from scheduler.weekly import plan_week  # noqa: E402

T = TypeVar("T")
MONDAY = datetime(2026, 12, 7, tzinfo=UTC)
START = MONDAY.replace(hour=6, minute=50)  # before the first slot (Athens 9:00 = 07:00 UTC)
ZONES = ("Europe/Athens", "Europe/Berlin", "Europe/London")
SLOT_UTC_HOUR = {"Europe/Athens": 7, "Europe/Berlin": 8, "Europe/London": 9}
TICK_S = 15.0  # COACH_TICK_SECONDS' default
WEEKLY_S = 300.0
WORKSPACE = "T1"
SLACK_TIERS = {2: 20, 3: 50, 4: 100}  # per workspace per minute
SLACK_METHOD_TIER = {"conversations.open": 3, "conversations.history": 3, "files.getUploadURLExternal": 4,
                     "files.completeUploadExternal": 4}
SLACK_POST_CEILING = 300  # chat.postMessage per workspace per minute (stated: Slack says "several hundred")
DISCORD_PER_SECOND = 50
BUDGET_FOR_DISCORD = hasattr(DiscordNotifier, "use_budget")


# --- virtual time ---------------------------------------------------------------------------------------


class VirtualLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock jumps to the next timer whenever nothing is ready to run."""

    def __init__(self) -> None:
        super().__init__()
        self.virtual = 0.0
        real_select = self._selector.select  # type: ignore[attr-defined]

        def select(timeout: float | None = None) -> Any:
            events = real_select(0)
            if not events and timeout is not None and timeout > 0:
                self.virtual += timeout
            return events

        self._selector.select = select  # type: ignore[attr-defined]

    def time(self) -> float:
        return self.virtual


LOOP: VirtualLoop | None = None


def now_s() -> float:
    assert LOOP is not None
    return LOOP.virtual


async def in_place(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """asyncio.to_thread for the simulation: run now, and let the virtual clock pass the CPU time it took
    (the dispatcher awaits its claim, compose and record in turn: their time is the wave's)."""
    started = time.process_time()
    try:
        return aside(call, *args, **kwargs)
    finally:
        assert LOOP is not None
        LOOP.virtual += time.process_time() - started


def aside(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a unit of work now without moving the virtual clock: work that, in the coach, runs in another
    thread while the dispatcher sends (the weekly job)."""
    asyncio.events._set_running_loop(None)  # the core's guard: this is the "worker thread" now
    try:
        return call(*args, **kwargs)
    finally:
        asyncio.events._set_running_loop(LOOP)


class VirtualClock:
    def now(self) -> datetime:
        return START + timedelta(seconds=now_s())


# --- the fake platforms ----------------------------------------------------------------------------------


class Window:
    """At most `limit` calls in any sliding `span` seconds (virtual)."""

    def __init__(self, limit: int, span: float) -> None:
        self.limit, self.span, self.calls = limit, span, deque[float]()

    def wait(self, now: float) -> float:
        while self.calls and self.calls[0] <= now - self.span:
            self.calls.popleft()
        return 0.0 if len(self.calls) < self.limit else self.calls[0] + self.span - now

    def take(self, now: float) -> None:
        self.calls.append(now)


class Ledger:
    def __init__(self) -> None:
        self.posted: dict[int, float] = {}  # nudge id → virtual time of its (first) post
        self.doubled = 0
        self.rate_limited = 0
        self.calls: dict[str, int] = {}

    def post(self, nudge_ids: str) -> None:
        for raw in nudge_ids.split(","):
            nudge_id = int(raw)
            if nudge_id in self.posted:
                self.doubled += 1
            else:
                self.posted[nudge_id] = now_s()


class FakeSlackClient:
    """The AsyncWebClient methods SlackNotifier calls, with Slack's per-method limits for one workspace."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.tiers = {tier: Window(limit, 60.0) for tier, limit in SLACK_TIERS.items()}
        self.posts = Window(SLACK_POST_CEILING, 60.0)
        self.channels: dict[str, Window] = {}

    def _limit(self, method: str, windows: list[Window]) -> None:
        self.ledger.calls[method] = self.ledger.calls.get(method, 0) + 1
        now = now_s()
        wait = max(window.wait(now) for window in windows)
        if wait > 0:
            self.ledger.rate_limited += 1
            response = AsyncSlackResponse(client=None, http_verb="POST", api_url=method, req_args={},
                                          data={"ok": False, "error": "ratelimited"},
                                          headers={"Retry-After": str(math.ceil(wait))}, status_code=429)
            raise SlackApiError("ratelimited", response)
        for window in windows:
            window.take(now)

    async def conversations_open(self, users: str) -> dict[str, Any]:
        self._limit("conversations.open", [self.tiers[3]])
        return {"channel": {"id": "D" + users}}

    async def conversations_history(self, **_: Any) -> dict[str, Any]:
        self._limit("conversations.history", [self.tiers[3]])
        return {"messages": []}

    async def chat_postMessage(self, *, channel: str, metadata: dict[str, Any], **_: Any) -> dict[str, Any]:
        self._limit("chat.postMessage", [self.posts, self.channels.setdefault(channel, Window(1, 1.0))])
        self.ledger.post(metadata["event_payload"]["nudge_ids"])
        return {"ok": True, "channel": channel, "ts": f"{now_s():.6f}"}

    async def files_upload_v2(self, **_: Any) -> dict[str, Any]:
        self._limit("files.getUploadURLExternal", [self.tiers[4]])
        self._limit("files.completeUploadExternal", [self.tiers[4]])
        return {"files": [{"id": "F1"}]}


class FakeDiscordChannel:
    def __init__(self, client: FakeDiscordClient) -> None:
        self.client = client

    async def send(self, **_: Any) -> Any:
        self.client.limit("POST /channels/{id}/messages")
        self.client.sent += 1
        return discord.Object(id=self.client.sent)


class FakeDiscordClient:
    """The discord.Client calls DiscordNotifier makes, with 50 requests a second per bot."""

    user = None

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.window = Window(DISCORD_PER_SECOND, 1.0)
        self.sent = 0

    def limit(self, route: str) -> None:
        self.ledger.calls[route] = self.ledger.calls.get(route, 0) + 1
        now = now_s()
        wait = self.window.wait(now)
        if wait > 0:
            self.ledger.rate_limited += 1
            raise discord.RateLimited(wait)
        self.window.take(now)

    async def create_dm(self, user: Any) -> FakeDiscordChannel:
        self.limit("POST /users/@me/channels")
        return FakeDiscordChannel(self)


class RecordingDiscordNotifier(DiscordNotifier):
    """The real notifier; the ledger learns which nudges each successful send carried."""

    ledger: Ledger

    async def send(self, message: Any) -> str | None:
        ref = await super().send(message)
        self.ledger.post(",".join(map(str, message.nudge_ids)))
        return ref


# --- seeding --------------------------------------------------------------------------------------------


def seed(url: str, n: int, platform: str, rng: random.Random) -> None:
    """N members, 4 contacts each (met in the last 8 weeks, some written to, some replying), a pending
    follow-up for some contacts later this week, and for one member in twenty a follow-up due mid-wave."""
    engine, sessions = open_store(url)
    created = MONDAY - timedelta(weeks=10)
    members, contacts, events, nudges = [], [], [], []
    contact_id = event_id = nudge_id = 0
    for member_id in range(1, n + 1):
        zone = ZONES[member_id % 3]
        user = f"U{member_id}" if platform == "slack" else str(10**17 + member_id)
        members.append(dict(id=member_id, platform=platform, workspace_id=WORKSPACE, user_id=user, timezone=zone,
                            timezone_confirmed=True, work_start_hour=9, work_end_hour=18, work_days="01234",
                            checkin_days=90, paused=False, digest_on=True, created_at=created))
        for k in range(4):
            contact_id += 1
            met = MONDAY - timedelta(days=rng.uniform(1, 56))
            stage = "new" if k == 0 else "followed_up"
            contacts.append(dict(id=contact_id, member_id=member_id, name=f"Contact {k} of {member_id}",
                                 name_key=f"contact {k} of {member_id}", interests=[], tags=[], stage=stage,
                                 met_at=met, created_at=met))
            event_id += 1
            events.append(dict(id=event_id, contact_id=contact_id, kind="met", at=met))
            if k:
                event_id += 1
                events.append(dict(id=event_id, contact_id=contact_id, kind="sent",
                                   at=met + timedelta(hours=rng.uniform(2, 96))))
                if k == 3:
                    event_id += 1
                    events.append(dict(id=event_id, contact_id=contact_id, kind="replied",
                                       at=met + timedelta(hours=rng.uniform(100, 200))))
            if k == 1:
                nudge_id += 1
                nudges.append(dict(id=nudge_id, member_id=member_id, contact_id=contact_id, kind="no_reply_1w",
                                   due_at=MONDAY + timedelta(days=2, hours=SLOT_UTC_HOUR[zone]), state="pending",
                                   attempts=0, created_at=met))
        if member_id % 20 == 0:  # an ordinary nudge falling due during the wave, in the member's hours
            nudge_id += 1
            due = MONDAY.replace(hour=SLOT_UTC_HOUR[zone]) + timedelta(minutes=rng.uniform(0, 60))
            nudges.append(dict(id=nudge_id, member_id=member_id, contact_id=contact_id - 3, kind="follow_up_48h",
                               due_at=due, state="pending", attempts=0, created_at=created))
    with sessions.begin() as session:
        for table, rows in ((Member, members), (Contact, contacts), (Event, events), (Nudge, nudges)):
            for start in range(0, len(rows), 20_000):
                session.execute(insert(table), rows[start:start + 20_000])
    engine.dispose()


# --- the run --------------------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


async def simulate(url: str, platform: str, horizon_s: float) -> tuple[Ledger, Any]:
    _engine, sessions = open_store(url)
    clock = VirtualClock()
    ledger = Ledger()
    if platform == "slack":
        client = FakeSlackClient(ledger)

        async def client_for(_team: str) -> Any:
            return client

        notifier: Any = SlackNotifier(client_for)
    else:
        notifier = RecordingDiscordNotifier(FakeDiscordClient(ledger))  # type: ignore[arg-type]
        notifier.ledger = ledger
    pacer = Pacer()
    if BUDGET_FOR_DISCORD and platform == "discord":
        notifier.use_budget(pacer, clock=now_s)  # as the runtime does: every request from the bot's budget
    elif platform == "discord":
        notifier.pacer = RequestPacer(40.0, clock=now_s)  # before: the process's own 40/s
    window = min(DEFAULT_PACE_WINDOW.total_seconds(), TICK_S / 4)
    dispatcher = Dispatcher(sessions, clock, {platform: notifier}, pacer=pacer,
                            pace_window=timedelta(seconds=window), tick_budget=timedelta(seconds=TICK_S - window),
                            monotonic=now_s)

    async def weekly() -> None:
        while True:
            aside(plan_week, sessions, clock, platforms=[platform])
            await asyncio.sleep(WEEKLY_S)

    planner = asyncio.ensure_future(weekly())
    await asyncio.sleep(0)
    next_tick = 0.0
    while now_s() < horizon_s:
        await dispatcher.tick(collect=False)
        next_tick += TICK_S
        while next_tick < now_s():
            next_tick += TICK_S
        await asyncio.sleep(next_tick - now_s())
        with sessions() as session:
            if session.scalar(select(Nudge.id).where(Nudge.state.in_([NudgeState.PENDING.value,
                                                                        NudgeState.SENDING.value]),
                                                     Nudge.due_at <= clock.now()).limit(1)) is None \
                    and clock.now() > MONDAY.replace(hour=SLOT_UTC_HOUR["Europe/London"] + 1):
                break
    planner.cancel()
    return ledger, sessions


def cpu_per_digest(sessions: Any, repetitions: int) -> float:
    """CPU ms to compose one digest (no chart), in batches as the dispatcher does."""
    with sessions() as session:
        rows = session.execute(select(Nudge.id, Nudge.member_id, Nudge.week).where(Nudge.kind == "weekly_digest")
                               .limit(repetitions)).all()
        moment = MONDAY.replace(hour=12)
        started = time.process_time()
        composed = compose_weekly(session, rows, moment)
        spent = time.process_time() - started
    return 1000 * spent / max(1, len(composed))


def chart_times(repetitions: int) -> dict[str, float]:
    """CPU ms to draw one chart (distinct numbers each time: the cache never answers): the first in this
    process (imports, fonts, the frame of these eight weeks), then the median and p99 of `repetitions` more
    of the same eight weeks, as on a Monday (a member's weeks are the same as their time zone's)."""
    started = time.process_time()
    from bot.chart import draw as cached

    draw = cached.__wrapped__  # never the cache's answer
    labels = tuple(f"{d} Nov" for d in range(1, 9))
    draw(labels, (0,) * 8, (0,) * 8, (0,) * 8)
    first = time.process_time() - started
    times = []
    for i in range(repetitions):
        started = time.process_time()
        draw(labels, (i + 1, 2, 3, 4, 5, 6, 7, 8), (1,) * 8, (i % 3,) * 8)
        times.append(time.process_time() - started)
    return {"chart_ms": round(1000 * statistics.median(times), 2), "chart_first_ms": round(1000 * first, 1),
            "chart_p99_ms": round(1000 * pct(times, 0.99), 2)}


def run(platform: str, n: int, charts: int) -> dict[str, Any]:
    global LOOP
    with tempfile.TemporaryDirectory(prefix="coach-wave-") as folder:
        url = f"sqlite:///{folder}/wave.db"
        seed(url, n, platform, random.Random(7))
        LOOP = VirtualLoop()
        asyncio.set_event_loop(LOOP)
        dispatch_module.asyncio.to_thread = in_place  # type: ignore[assignment]
        import adapters.slack.notifier as slack_notifier
        slack_notifier.asyncio.to_thread = in_place  # type: ignore[assignment]
        started = time.perf_counter()
        try:
            ledger, sessions = LOOP.run_until_complete(simulate(url, platform, horizon_s=6 * 3600.0))
        finally:
            LOOP.close()
            asyncio.set_event_loop(None)
        wall = time.perf_counter() - started
        with sessions() as session:
            rows = session.execute(select(Nudge.id, Nudge.kind, Nudge.due_at, Nudge.state)).all()
            digests = [r for r in rows if r.kind == "weekly_digest"]
            ordinary = [r for r in rows if r.kind == "follow_up_48h"]

            def late(row: Any) -> float:
                sent = ledger.posted.get(row.id)
                due = (row.due_at.replace(tzinfo=UTC) - START).total_seconds()
                return (sent if sent is not None else math.inf) - due

            digest_late = [late(r) for r in digests]
            ordinary_late = [max(0.0, late(r)) for r in ordinary]
        per_digest = cpu_per_digest(sessions, min(2000, n))
    missing = sum(1 for value in digest_late if math.isinf(value))
    finite = [value for value in digest_late if not math.isinf(value)]
    return {
        "bench": "wave", "platform": platform, "members": n, "digests": len(digests), "digests_unsent": missing,
        "p50_late_s": round(statistics.median(finite), 1) if finite else None,
        "p99_late_s": round(pct(finite, 0.99), 1), "last_late_s": round(max(finite, default=0.0), 1),
        "rate_limited": ledger.rate_limited, "doubled": ledger.doubled,
        "cpu_ms_per_digest": round(per_digest, 2),
        **(chart_times(charts) if charts else {"chart_ms": None}),
        "charts_in_wave": ledger.calls.get("files.getUploadURLExternal", 0),
        "nudges": len(ordinary), "nudges_p99_late_s": round(pct(ordinary_late, 0.99), 1),
        "calls": ledger.calls, "wall_s": round(wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 members on each platform")
    parser.add_argument("--platform", choices=("slack", "discord"))
    parser.add_argument("--members", type=int)
    parser.add_argument("--charts", type=int, default=200,
                        help="charts drawn after the run to time them: first, median, p99 (0: skip)")
    parser.add_argument("--charts-only", action="store_true", help="time the charts alone, without a wave")
    args = parser.parse_args()
    if args.platform or args.members:
        runs = [(args.platform or "slack", args.members or 1000)]
    elif args.quick:
        runs = [("slack", 1000), ("discord", 1000)]
    else:
        runs = [("slack", 1000), ("slack", 10_000), ("discord", 100_000)]
    if args.charts_only:
        times = chart_times(args.charts or 200)
        print("wave " + " ".join(f"{key}={value}" for key, value in times.items()), file=sys.stderr, flush=True)
        print(json.dumps({"bench": "wave", "charts": args.charts or 200, **times}), flush=True)
        return
    for platform, n in runs:
        record = run(platform, n, args.charts)
        line = " ".join(f"{key}={value}" for key, value in record.items()
                        if key in ("platform", "members", "p50_late_s", "p99_late_s", "last_late_s", "rate_limited",
                                   "cpu_ms_per_digest", "chart_ms", "chart_first_ms", "chart_p99_ms",
                                   "nudges_p99_late_s"))
        print(f"wave {line}", file=sys.stderr, flush=True)
        print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
