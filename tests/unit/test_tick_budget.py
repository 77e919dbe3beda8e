"""A bounded tick never claims a batch that would run past the next tick's start (the scheduler would skip
that tick): a Discord batch costs two requests a message and outlasts the pacing window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.clock import FakeClock
from scheduler.dispatcher import Dispatcher


def dispatcher(now: list[float]) -> Dispatcher:
    return Dispatcher(None, FakeClock(datetime(2026, 3, 9, tzinfo=UTC)), {},  # type: ignore[arg-type]
                      pace_window=timedelta(seconds=2), tick_budget=timedelta(seconds=13), monotonic=lambda: now[0])


def test_a_tick_stops_before_a_batch_as_long_as_the_last_would_overrun_the_next_tick() -> None:
    now = [12.0]
    worker = dispatcher(now)
    assert not worker._out_of_time(0.0, 10.0)  # a 2 s batch from 12 s ends at 14 s: before the tick at 15 s
    assert worker._out_of_time(0.0, 8.0)  # a 4 s batch from 12 s would end at 16 s
    now[0] = 13.0
    assert worker._out_of_time(0.0, 12.9)  # the budget is spent


def test_an_unbounded_tick_drains_everything() -> None:
    worker = Dispatcher(None, FakeClock(datetime(2026, 3, 9, tzinfo=UTC)), {}, monotonic=lambda: 1e9)  # type: ignore[arg-type]
    assert not worker._out_of_time(0.0, 0.0)
