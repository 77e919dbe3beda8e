"""Pacing under the platforms' published limits: a token bucket per (platform, scope).

Clock-injected: every method takes `now` in seconds from a monotonic source, so the buckets are tested
without sleeping. The bucket is the GCRA form of a token bucket (one "theoretical arrival time" instead of
a token count), which lets concurrent senders reserve staggered slots.

A limit is per bot token or per workspace, not per process: on PostgreSQL (`pacer_for`) the bot and
workspace buckets live in the `rate_budgets` table (`SharedBucket`), so every replica and shard draws on
one budget. A process takes a slice of slots at a time (one atomic statement moves the row's `tat`
forward; by default one slot, a round trip per send, which the database takes in its stride at platform
rates), so a replica that dies holds nothing beyond its slice: the rest of the budget is the others' at
once. Per-channel buckets stay in-process (a member's DMs are sent by the one dispatcher holding them).
On SQLite the whole Pacer is in-process.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from sqlalchemy import Engine, text

from scheduler.notifier import Recipient

Scope = Literal["bot", "workspace", "channel"]


@dataclass(frozen=True)
class Limit:
    """`per_second` sustained, up to `burst` at once, counted per bot, per workspace or per DM channel."""

    scope: Scope
    per_second: float
    burst: int = 1


# Discord: 50 requests/s per bot (kept a little under, so timer jitter never tips a window over).
# Slack chat.postMessage: about 1 message/s per channel, and "several hundred per minute" per workspace.
DEFAULT_LIMITS: dict[str, tuple[Limit, ...]] = {
    "discord": (Limit("bot", 48.0, 1),),
    "slack": (Limit("channel", 1.0, 1), Limit("workspace", 4.0, 2)),
}


@dataclass
class TokenBucket:
    """`rate` tokens per second, holding at most `burst`; reserve() says how long to wait for one."""

    rate: float
    burst: int = 1
    _tat: float = field(default=float("-inf"), repr=False)  # when the bucket is next full again

    def __post_init__(self) -> None:
        if self.rate <= 0 or self.burst < 1:
            raise ValueError("a bucket needs a positive rate and a burst of at least 1")

    @property
    def interval(self) -> float:
        return 1.0 / self.rate

    def reserve(self, now: float) -> float:
        """Take the next token; return the seconds to wait before using it (0.0 when one is free now)."""
        tat = max(self._tat, now)
        wait = max(0.0, tat - (self.burst - 1) * self.interval - now)
        self._tat = tat + self.interval
        return wait

    def full(self, now: float) -> bool:
        return self._tat <= now

    def pause(self, until: float) -> None:
        """The platform said 429: hand out no token before `until`, then resume at the steady rate."""
        self._tat = max(self._tat, until + (self.burst - 1) * self.interval)

    def ahead(self, now: float) -> float:
        """Seconds of this budget already handed out beyond `now` (0.0 when a token is free now)."""
        return max(0.0, self._tat - (self.burst - 1) * self.interval - now)

    def release(self, now: float) -> None:
        """Nothing to give back: an in-process bucket hands out one slot at a time."""


class RequestPacer:
    """Every request one process makes to a platform (opening a DM, reading history, posting), for all its
    tasks together, at most `rate` a second: a TokenBucket that sleeps for its slot. A notifier's own
    guard under the dispatcher's per-message budgets (a digest can take several requests)."""

    def __init__(self, rate: float, burst: int = 1, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[object]] = asyncio.sleep) -> None:
        self.bucket = TokenBucket(rate, burst)
        self._clock, self._sleep = clock, sleep

    async def acquire(self) -> None:
        wait = self.bucket.reserve(self._clock())  # reserved at once: concurrent callers get staggered slots
        if wait > 0:
            await self._sleep(wait)


class BudgetRequests:
    """RequestPacer's `acquire()` over a Pacer's bot-wide budget: a notifier's requests beyond the one post
    the dispatcher reserved for each message (opening a DM, reading history, a second part) take slots of
    the same budget — on PostgreSQL the `rate_budgets` row every replica and shard shares — so all of a
    bot's requests, from every process, stay under its limit together. The database round trip runs in a
    worker thread."""

    def __init__(self, pacer: Pacer, platform: str, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[object]] = asyncio.sleep) -> None:
        self.pacer, self.platform = pacer, platform
        self._clock, self._sleep = clock, sleep

    async def acquire(self) -> None:
        if self.pacer.shared is None:
            wait = self.pacer.reserve_bot(self.platform, self._clock())
        else:
            wait = await asyncio.to_thread(lambda: self.pacer.reserve_bot(self.platform, self._clock()))
        if wait > 0:
            await self._sleep(wait)


class Bucket(Protocol):
    """What the Pacer needs of a bucket: an in-process TokenBucket or a SharedBucket."""

    def reserve(self, now: float) -> float: ...

    def pause(self, until: float) -> None: ...

    def full(self, now: float) -> bool: ...

    def ahead(self, now: float) -> float: ...

    def release(self, now: float) -> None: ...


class BudgetStore:
    """The `rate_budgets` rows on PostgreSQL. Every statement is one atomic autocommit round trip, timed by
    the database's clock, so replicas on machines whose clocks differ still share one schedule."""

    _TAKE = text(
        "WITH clock AS MATERIALIZED (SELECT extract(epoch FROM clock_timestamp())::float8 AS now) "
        "INSERT INTO rate_budgets AS b (key, tat) SELECT :key, clock.now + :cost FROM clock "
        "ON CONFLICT (key) DO UPDATE SET tat = GREATEST(b.tat, EXCLUDED.tat - :cost) + :cost "
        "RETURNING b.tat - :cost AS start, (SELECT now FROM clock) AS now")
    _PAUSE = text(
        "WITH clock AS MATERIALIZED (SELECT extract(epoch FROM clock_timestamp())::float8 AS now) "
        "INSERT INTO rate_budgets AS b (key, tat) SELECT :key, clock.now + :delay FROM clock "
        "ON CONFLICT (key) DO UPDATE SET tat = GREATEST(b.tat, EXCLUDED.tat)")
    _GIVE_BACK = text("UPDATE rate_budgets SET tat = tat - :cost WHERE key = :key AND abs(tat - :tail) < 1e-7")
    _AHEAD = text("SELECT tat - extract(epoch FROM clock_timestamp())::float8 FROM rate_budgets WHERE key = :key")

    def __init__(self, engine: Engine) -> None:
        self.engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    def take(self, key: str, cost: float) -> tuple[float, float]:
        """Move the budget `cost` seconds forward; return (where our slice starts, the database's now)."""
        with self.engine.connect() as connection:
            start, now = connection.execute(self._TAKE, {"key": key, "cost": cost}).one()
        return float(start), float(now)

    def pause(self, key: str, delay: float) -> None:
        """No slot before `delay` seconds from the database's now (a 429's Retry-After, for everyone)."""
        with self.engine.connect() as connection:
            connection.execute(self._PAUSE, {"key": key, "delay": delay})

    def give_back(self, key: str, cost: float, tail: float) -> bool:
        """Return unused slots at the end of the schedule, if nobody has reserved after them."""
        with self.engine.connect() as connection:
            return connection.execute(self._GIVE_BACK, {"key": key, "cost": cost, "tail": tail}).rowcount == 1

    def ahead(self, key: str) -> float:
        """Seconds of the budget already handed out beyond now, by every process together."""
        with self.engine.connect() as connection:
            value = connection.scalar(self._AHEAD, {"key": key})
        return max(0.0, float(value)) if value is not None else 0.0


class SharedBucket:
    """A TokenBucket whose state is one `rate_budgets` row. It takes `slice_s` seconds of slots at a time
    (at least one), converts them to this process's monotonic clock, and hands them out locally."""

    def __init__(self, store: BudgetStore, key: str, rate: float, burst: int = 1, *, slice_s: float = 0.0) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("a bucket needs a positive rate and a burst of at least 1")
        self.store, self.key, self.rate, self.burst = store, key, rate, burst
        self.size = max(1, int(rate * slice_s))
        self.slots: deque[float] = deque()  # reserved, not yet used: local monotonic times
        self._tail: float | None = None  # the row's tat right after our last take (database time)
        self.offset = 0.0  # local monotonic = database time + offset

    @property
    def interval(self) -> float:
        return 1.0 / self.rate

    def reserve(self, now: float) -> float:
        while self.slots and self.slots[0] < now - 1.0:  # stale: wasted (a reservation is a commitment)
            self.slots.popleft()
        if not self.slots:
            self._take(now)
        return max(0.0, self.slots.popleft() - now)

    def _take(self, now: float) -> None:
        cost = self.size * self.interval
        start, db_now = self.store.take(self.key, cost)
        self.offset, self._tail = now - db_now, start + cost
        tolerance = (self.burst - 1) * self.interval
        self.slots.extend(max(db_now, start + i * self.interval - tolerance) + self.offset
                          for i in range(self.size))

    def pause(self, until: float, now: float | None = None) -> None:
        self.slots.clear()
        self._tail = None
        delay = until - (now if now is not None else until) + (self.burst - 1) * self.interval
        self.store.pause(self.key, max(0.0, delay))

    def full(self, now: float) -> bool:
        return not self.slots

    def ahead(self, now: float) -> float:
        return self.store.ahead(self.key)

    def release(self, now: float) -> None:
        """Give unused slots back (only possible while nobody has reserved after them)."""
        if self.slots and self._tail is not None:
            self.store.give_back(self.key, len(self.slots) * self.interval, self._tail)
        self.slots.clear()
        self._tail = None


class Pacer:
    """One bucket per (platform, scope key), created on first use from the platform's limits. With a
    `shared` store, the bot and workspace buckets are shared by every process (see the module doc)."""

    SHARED_SCOPES = frozenset({"bot", "workspace"})

    def __init__(self, limits: Mapping[str, Sequence[Limit]] | None = None, *, shared: BudgetStore | None = None,
                 slice_s: float = 0.0) -> None:
        self.limits = dict(DEFAULT_LIMITS if limits is None else limits)
        self.buckets: dict[tuple[str, ...], Bucket] = {}
        self.shared, self.slice_s = shared, slice_s
        # The dispatcher and a notifier's BudgetRequests reach the buckets from worker threads.
        self._lock = threading.RLock()

    MAX_BUCKETS = 10_000

    def paced(self, platform: str) -> bool:
        return bool(self.limits.get(platform))

    def reserve(self, recipient: Recipient, now: float) -> float:
        """Reserve a send to `recipient` in every bucket that covers it; wait for the slowest."""
        with self._lock:
            if len(self.buckets) > self.MAX_BUCKETS:
                self.prune(now)
            return max((bucket.reserve(now) for bucket in self._buckets(recipient)), default=0.0)

    def reserve_bot(self, platform: str, now: float) -> float:
        """One request's slot in the platform's bot-wide budget (opening a DM, reading history, a second
        message part): seconds to wait for it; 0.0 when no bot-wide limit applies."""
        with self._lock:
            return max((self._bucket(limit, (platform, "bot")).reserve(now)
                        for limit in self.limits.get(platform, ()) if limit.scope == "bot"), default=0.0)

    def pause(self, recipient: Recipient, until: float, now: float | None = None) -> None:
        with self._lock:
            for bucket in self._buckets(recipient):
                if isinstance(bucket, SharedBucket):
                    bucket.pause(until, now)
                else:
                    bucket.pause(until)

    def release(self, now: float) -> None:
        """The end of a batch: give back reserved slots nobody will use (shared buckets only)."""
        with self._lock:
            for bucket in list(self.buckets.values()):
                bucket.release(now)

    def prune(self, now: float) -> None:
        """Forget full buckets (one per DM channel adds up); a new one behaves exactly the same."""
        self.buckets = {key: bucket for key, bucket in self.buckets.items() if not bucket.full(now)}

    def room(self, platform: str, window: float, now: float) -> int | None:
        """How many sends the platform's bot-wide budget allows within `window` seconds, after what every
        process has already reserved; None when no bot-wide limit applies."""
        for limit in self.limits.get(platform, ()):
            if limit.scope == "bot":
                with self._lock:
                    bucket = self._bucket(limit, (platform, "bot"))
                try:
                    ahead = bucket.ahead(now)
                except Exception:  # a shared budget out of reach: claim a window's worth, pace on sending
                    ahead = 0.0
                return max(0, math.floor((window - ahead) * limit.per_second))
        return None

    def per_workspace(self, platform: str, window: float) -> int | None:
        """How many sends one workspace's budget allows within `window` seconds; None without such a limit."""
        for limit in self.limits.get(platform, ()):
            if limit.scope == "workspace":
                return max(1, math.floor(window * limit.per_second))  # the steady rate: a burst is a one-off
        return None

    def _buckets(self, recipient: Recipient) -> list[Bucket]:
        return [self._bucket(limit, _key(limit.scope, recipient)) for limit in self.limits.get(recipient.platform, ())]

    def _bucket(self, limit: Limit, key: tuple[str, ...]) -> Bucket:
        bucket = self.buckets.get(key)
        if bucket is None:
            if self.shared is not None and limit.scope in self.SHARED_SCOPES:
                bucket = SharedBucket(self.shared, ":".join(key), limit.per_second, limit.burst,
                                      slice_s=self.slice_s)
            else:
                bucket = TokenBucket(limit.per_second, limit.burst)
            self.buckets[key] = bucket
        return bucket


def pacer_for(engine: Engine, limits: Mapping[str, Sequence[Limit]] | None = None) -> Pacer:
    """The Pacer for a store: budgets shared through the database on PostgreSQL, in-process on SQLite."""
    shared = BudgetStore(engine) if engine.dialect.name == "postgresql" else None
    return Pacer(limits, shared=shared)


def _key(scope: Scope, recipient: Recipient) -> tuple[str, ...]:
    if scope == "bot":
        return (recipient.platform, scope)
    if scope == "workspace":
        return (recipient.platform, scope, recipient.workspace_id)
    return (recipient.platform, scope, recipient.workspace_id, recipient.user_id)
