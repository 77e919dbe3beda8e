"""The pacing buckets, with an injected clock: no sleeping, no wall time."""

from __future__ import annotations

import pytest

from scheduler.notifier import Recipient
from scheduler.ratelimit import Limit, Pacer, TokenBucket

ALICE = Recipient("slack", "T1", "U_ALICE")
BOB = Recipient("slack", "T1", "U_BOB")
CAROL = Recipient("slack", "T2", "U_CAROL")


def test_a_bucket_spaces_sends_at_its_rate() -> None:
    bucket = TokenBucket(rate=50, burst=1)
    waits = [bucket.reserve(now=100.0) for _ in range(5)]
    assert waits == pytest.approx([0.0, 0.02, 0.04, 0.06, 0.08])


def test_a_burst_goes_at_once_then_the_steady_rate() -> None:
    bucket = TokenBucket(rate=10, burst=3)
    waits = [bucket.reserve(now=0.0) for _ in range(5)]
    assert waits == pytest.approx([0.0, 0.0, 0.0, 0.1, 0.2])


def test_tokens_come_back_with_time_but_never_more_than_the_burst() -> None:
    bucket = TokenBucket(rate=1, burst=2)
    assert [bucket.reserve(0.0), bucket.reserve(0.0)] == [0.0, 0.0]
    assert bucket.reserve(0.5) == pytest.approx(0.5)  # half a token so far
    later = 100.0  # a long quiet spell refills only up to the burst
    assert [bucket.reserve(later), bucket.reserve(later), bucket.reserve(later)] == pytest.approx([0, 0, 1])


def test_any_window_of_one_second_holds_at_most_rate_plus_burst() -> None:
    bucket, now, sends = TokenBucket(rate=48, burst=1), 0.0, []
    for _ in range(500):
        now += bucket.reserve(now)
        sends.append(now)
    for i, start in enumerate(sends):
        assert sum(1 for t in sends[i:] if t < start + 1.0) <= 48 + 1


def test_a_429_pauses_the_bucket_then_it_resumes_at_the_steady_rate() -> None:
    bucket = TokenBucket(rate=10, burst=5)
    bucket.reserve(0.0)
    bucket.pause(until=3.0)
    waits = [bucket.reserve(1.0) for _ in range(3)]
    assert waits == pytest.approx([2.0, 2.1, 2.2])


def test_a_bucket_needs_a_rate() -> None:
    with pytest.raises(ValueError):
        TokenBucket(rate=0)


def test_slack_paces_each_dm_channel_and_each_workspace() -> None:
    pacer = Pacer({"slack": (Limit("channel", 1.0), Limit("workspace", 4.0))})
    assert pacer.reserve(ALICE, 0.0) == 0.0
    assert pacer.reserve(ALICE, 0.0) == pytest.approx(1.0)  # same DM channel: once a second
    assert pacer.reserve(BOB, 0.0) == pytest.approx(0.5)  # other channel, same workspace: its cap
    assert pacer.reserve(CAROL, 0.0) == 0.0  # another workspace has its own buckets


def test_discord_is_paced_per_bot_and_a_429_holds_everyone_back() -> None:
    pacer = Pacer({"discord": (Limit("bot", 50.0),)})
    one, other = Recipient("discord", "G1", "1"), Recipient("discord", "G2", "2")
    assert pacer.reserve(one, 0.0) == 0.0
    assert pacer.reserve(other, 0.0) == pytest.approx(0.02)
    pacer.pause(one, until=5.0)
    assert pacer.reserve(other, 1.0) == pytest.approx(4.0)


def test_platforms_without_limits_are_not_paced_and_idle_buckets_are_forgotten() -> None:
    pacer = Pacer({"slack": (Limit("channel", 1.0),)})
    assert pacer.reserve(Recipient("console", "local", "me"), 0.0) == 0.0
    for n in range(50):
        pacer.reserve(Recipient("slack", "T1", f"U{n}"), 0.0)
    pacer.prune(now=10.0)
    assert pacer.buckets == {}


def test_room_is_what_the_bot_budget_has_left_in_the_window() -> None:
    pacer = Pacer({"discord": (Limit("bot", 10.0),)})
    assert pacer.room("discord", 2.0, now=0.0) == 20
    for _ in range(5):
        pacer.reserve(Recipient("discord", "G1", "U1"), 0.0)  # half a second of it is spoken for
    assert pacer.room("discord", 2.0, now=0.0) == 15
    assert pacer.room("slack", 2.0, now=0.0) is None  # no bot-wide limit there


def test_a_workspace_gets_its_steady_rate_of_a_window_at_least_one() -> None:
    pacer = Pacer({"slack": (Limit("channel", 1.0), Limit("workspace", 4.0, 2))})
    assert pacer.per_workspace("slack", 2.0) == 8
    assert pacer.per_workspace("slack", 0.1) == 1
    assert pacer.per_workspace("discord", 2.0) is None
    assert pacer.paced("slack") and not pacer.paced("console")
