"""Pacing under the platforms' published limits: a token bucket per (platform, scope).

Pure and clock-injected: every method takes `now` in seconds from a monotonic source, so the buckets are
tested without sleeping. The bucket is the GCRA form of a token bucket (one "theoretical arrival time"
instead of a token count), which lets concurrent senders reserve staggered slots.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

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


class Pacer:
    """One bucket per (platform, scope key), created on first use from the platform's limits."""

    def __init__(self, limits: Mapping[str, Sequence[Limit]] | None = None) -> None:
        self.limits = dict(DEFAULT_LIMITS if limits is None else limits)
        self.buckets: dict[tuple[str, ...], TokenBucket] = {}

    MAX_BUCKETS = 10_000

    def reserve(self, recipient: Recipient, now: float) -> float:
        """Reserve a send to `recipient` in every bucket that covers it; wait for the slowest."""
        if len(self.buckets) > self.MAX_BUCKETS:
            self.prune(now)
        return max((bucket.reserve(now) for bucket in self._buckets(recipient)), default=0.0)

    def pause(self, recipient: Recipient, until: float) -> None:
        for bucket in self._buckets(recipient):
            bucket.pause(until)

    def prune(self, now: float) -> None:
        """Forget full buckets (one per DM channel adds up); a new one behaves exactly the same."""
        self.buckets = {key: bucket for key, bucket in self.buckets.items() if not bucket.full(now)}

    def _buckets(self, recipient: Recipient) -> list[TokenBucket]:
        found = []
        for limit in self.limits.get(recipient.platform, ()):
            key = _key(limit.scope, recipient)
            bucket = self.buckets.get(key)
            if bucket is None:
                bucket = self.buckets[key] = TokenBucket(limit.per_second, limit.burst)
            found.append(bucket)
        return found


def _key(scope: Scope, recipient: Recipient) -> tuple[str, ...]:
    if scope == "bot":
        return (recipient.platform, scope)
    if scope == "workspace":
        return (recipient.platform, scope, recipient.workspace_id)
    return (recipient.platform, scope, recipient.workspace_id, recipient.user_id)
