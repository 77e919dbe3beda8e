"""One budget for Discord too: two dispatchers (two replicas' Pacers on one PostgreSQL) sharing a bot draw
every request their notifiers make — opening a DM and posting — from the one `rate_budgets` row, so
together they stay under Discord's 50 requests a second.

Like tests/integration/test_shared_budget.py it reads the slots the database handed out (its clock), so it
checks what was granted — one slot per request, never more than 50 in any second — not how fast the
event loop got round to each request."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import discord
import pytest
from sqlalchemy import Engine, String, cast, update
from sqlalchemy.orm import Session, sessionmaker

from adapters.discord.notifier import DiscordNotifier
from bot.clock import FakeClock
from bot.models import Member, NudgeState, RateBudget
from scheduler.dispatcher import Dispatcher
from scheduler.ratelimit import BudgetRequests, BudgetStore, Limit, Pacer
from tests.integration.dispatch_support import seed_due, states

DISCORD_LIMIT = 50  # requests in any second, per bot


class RecordingStore(BudgetStore):
    """The rate_budgets row, remembering every slot it hands out (database time)."""

    def __init__(self, engine: Engine, granted: list[float]) -> None:
        super().__init__(engine)
        self.granted = granted

    def take(self, key: str, cost: float) -> tuple[float, float]:
        start, now = super().take(key, cost)
        self.granted.append(start)  # one slot a take (no slice configured)
        return start, now


class FakeDiscord:
    """The discord.Client calls the notifier makes; remembers when each request arrived (this process's
    monotonic clock: both dispatchers run here) and which nudges each post carried."""

    user = None

    def __init__(self) -> None:
        self.requests: list[float] = []
        self.posted: list[str] = []

    async def create_dm(self, user: Any) -> FakeDiscord:
        self.requests.append(time.monotonic())
        return self

    async def send(self, *, nonce: str, **_: Any) -> Any:
        self.requests.append(time.monotonic())
        self.posted.append(nonce)
        return discord.Object(id=len(self.posted))


def busiest_second(moments: list[float]) -> int:
    ordered = sorted(moments)
    start, most = 0, 0
    for end, moment in enumerate(ordered):
        while ordered[start] <= moment - 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


@pytest.fixture
def pg_store(request: pytest.FixtureRequest) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    engine, sessions = request.getfixturevalue("_postgres_store")
    with engine.begin() as connection:
        connection.execute(RateBudget.__table__.delete())
    yield engine, sessions
    with engine.begin() as connection:
        connection.execute(RateBudget.__table__.delete())


async def test_two_dispatchers_sharing_a_discord_bot_stay_under_50_requests_a_second_together(
        pg_store: tuple[Engine, sessionmaker[Session]]) -> None:
    engine, sessions = pg_store
    clock = FakeClock(datetime(2026, 3, 9, 12, tzinfo=UTC))
    seed_due(sessions, members=120, per_member=1, due=clock.now(), platform="discord")
    with sessions.begin() as session:  # Discord user ids are numbers
        session.execute(update(Member).values(user_id=cast(Member.id + 10**6, String)))
    fake = FakeDiscord()
    granted: list[float] = []
    dispatchers = []
    for name in ("replica-a", "replica-b"):
        pacer = Pacer(shared=RecordingStore(engine, granted))  # as pacer_for: each replica its own Pacer
        assert pacer.limits["discord"] == (Limit("bot", 48.0, 1),)
        notifier = DiscordNotifier(fake)  # type: ignore[arg-type]
        notifier.use_budget(pacer)
        assert isinstance(notifier.pacer, BudgetRequests)
        dispatchers.append(Dispatcher(sessions, clock, {"discord": notifier}, pacer=pacer, worker_id=name,
                                      batch_size=40))

    async def drain(dispatcher: Dispatcher) -> None:
        for _ in range(20):
            await dispatcher.tick(collect=False)

    await asyncio.gather(*(drain(d) for d in dispatchers))

    assert states(sessions) == {NudgeState.SENT.value: 120}
    assert len(fake.posted) == len(set(fake.posted)) == 120  # each once
    assert len(fake.requests) == 240  # a DM opened and a post, per member
    assert len(granted) == 240  # each drew one slot of the one budget (the dispatcher's, then its own)
    assert busiest_second(granted) <= DISCORD_LIMIT
