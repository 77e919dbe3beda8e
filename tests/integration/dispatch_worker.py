"""One dispatcher process for the multi-process tests: real time, its own engine, a table-backed fake
platform. Ticks until no nudge is pending or sending, or until its deadline.

    python -m tests.integration.dispatch_worker URL WORKER LEASE_S DELAY_S BATCH DEADLINE_S [weekly] [PACED_PER_S]

With `weekly`, each pass first runs the weekly job (planning this week's Monday digest rows), as every
replica of `coach run` does. With PACED_PER_S the fake platform has a bot-wide limit, paced through the
store's shared budget (the fair, round-robin claim path); without it, the platform is unpaced (the
oldest-first claim path).
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import timedelta

from sqlalchemy import func, select

from bot.clock import SystemClock
from bot.models import Nudge, NudgeKind, NudgeState
from bot.store.engine import make_engine, session_factory
from scheduler.claim import lease_clock_for
from scheduler.dispatcher import Dispatcher
from scheduler.ratelimit import Limit, Pacer, pacer_for
from scheduler.weekly import plan_week
from tests.integration.dispatch_support import TablePlatform


class SlowPlatform(TablePlatform):
    def __init__(self, *args: object, delay: float) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.delay = delay

    async def send(self, message):  # type: ignore[no-untyped-def]
        if self.delay:
            await asyncio.sleep(self.delay)
        return await super().send(message)


def unfinished(dispatcher: Dispatcher) -> int:
    live = (NudgeState.PENDING.value, NudgeState.SENDING.value)
    with dispatcher.sessions() as session:
        # a delivered 48 h nudge plans a "still worth writing" one days later: not this run's work
        return session.scalar(select(func.count(Nudge.id)).where(
            Nudge.state.in_(live), Nudge.kind != NudgeKind.STILL_WORTH.value)) or 0


async def main(url: str, worker: str, lease_s: float, delay_s: float, batch: int, deadline_s: float,
               weekly: bool = False, paced: float | None = None) -> int:
    engine = make_engine(url)
    platform = SlowPlatform(engine, worker, delay=delay_s)
    pacer = Pacer({}) if paced is None else pacer_for(engine, {platform.platform: (Limit("bot", paced),)})
    sessions, clock = session_factory(engine), SystemClock()
    dispatcher = Dispatcher(sessions, clock, {platform.platform: platform},
                            batch_size=batch, lease=timedelta(seconds=lease_s), worker_id=worker,
                            concurrency=1 if delay_s else 8, pacer=pacer, pace_window=timedelta(seconds=0.5),
                            lease_clock=lease_clock_for(engine, sessions, clock))  # as `coach run` builds it
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if weekly:
            await asyncio.to_thread(plan_week, dispatcher.sessions, dispatcher.clock)
        await dispatcher.tick()
        if unfinished(dispatcher) == 0:
            return 0
        await asyncio.sleep(0.05)
    return 3


if __name__ == "__main__":
    url, worker, lease, delay, batch, deadline = sys.argv[1:7]
    extra = sys.argv[7:]
    weekly = "weekly" in extra
    paced = next((float(arg) for arg in extra if arg != "weekly"), None)
    raise SystemExit(asyncio.run(main(url, worker, float(lease), float(delay), int(batch), float(deadline), weekly,
                                      paced)))
