"""The database pool through a quiet spell: a fixed PostgreSQL pool, and the idle ping that keeps its
connections alive (and replaces dead ones) before a member's next command needs one. The clock of
"idle" is a fake; nothing here waits."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from adapters.bootstrap import build_runtime
from bot.clock import FakeClock
from bot.config import Settings
from bot.store.engine import POSTGRES_POOL_SIZE, IdlePinger, make_engine, pool_capacity


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def engine(store: tuple[Engine, sessionmaker[Session]]) -> Iterator[Engine]:
    """A fresh engine (its own pool) on the test's store."""
    fresh = make_engine(store[0].url.render_as_string(hide_password=False))
    yield fresh
    fresh.dispose()


def hold(engine: Engine, n: int) -> list[int]:
    """Open n connections at once and give them back: the pool then holds n idle. Their backend ids
    (PostgreSQL), else their positions."""
    with ExitStack() as stack:
        connections = [stack.enter_context(engine.connect()) for _ in range(n)]
        if engine.dialect.name != "postgresql":
            return list(range(n))
        return [int(connection.scalar(text("SELECT pg_backend_pid()")) or 0) for connection in connections]


def test_postgres_keeps_a_fixed_pool_the_api_is_sized_to() -> None:
    engine = make_engine("postgresql://nobody@127.0.0.1:1/none")  # no connection is made to size it
    assert engine.pool.size() == POSTGRES_POOL_SIZE and pool_capacity(engine) == POSTGRES_POOL_SIZE


def test_idle_connections_are_pinged_only_after_an_idle_spell(engine: Engine) -> None:
    ticks = Ticks()
    pinger = IdlePinger(engine, idle_seconds=30, monotonic=ticks)
    try:
        hold(engine, 3)
        assert pinger.ping_if_idle() == 0  # just used
        ticks.now += 29
        assert pinger.ping_if_idle() == 0
        ticks.now += 2
        assert pinger.ping_if_idle() == 3  # every idle connection, each once
        assert pinger.ping_if_idle() == 0  # the ping's own use counts: the next is a spell later
        ticks.now += 31
        with engine.connect() as connection:  # a member's command
            connection.execute(text("SELECT 1"))
        assert pinger.ping_if_idle() == 0
        ticks.now += 31
        assert pinger.ping_if_idle() == 3
    finally:
        pinger.close()
    ticks.now += 31
    assert pinger.ping_if_idle() == 3 and pinger.last_checkout == ticks.now - 31  # closed: no longer listening


@pytest.mark.postgres
@pytest.mark.parametrize("store", ["postgres"], indirect=True)
def test_connections_the_server_dropped_while_idle_are_replaced_by_the_ping(engine: Engine) -> None:
    ticks = Ticks()
    pinger = IdlePinger(engine, idle_seconds=30, monotonic=ticks)
    connects: list[object] = []
    event.listen(engine, "connect", lambda *_: connects.append(object()))
    admin = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        dropped = hold(engine, 3)
        with admin.connect() as connection:
            for pid in dropped:  # what a server restart, an idle timeout or a proxy does to a quiet pool
                connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        ticks.now += 31
        before = len(connects)
        assert pinger.ping_if_idle() == 3 and len(connects) == before + 3  # the ping reconnected them
        alive = hold(engine, 3)  # the next commands find three live connections and open none
        assert len(connects) == before + 3
        assert len(set(alive)) == 3 and not set(alive) & set(dropped)
    finally:
        pinger.close()
        admin.dispose()


async def test_a_served_process_pings_when_idle_on_postgresql_only(store: tuple[Engine, sessionmaker[Session]],
                                                                   clock: FakeClock) -> None:
    url = store[0].url.render_as_string(hide_password=False)
    settings = Settings(_env_file=None, database_url=url, dispatch=False)  # type: ignore[call-arg]
    runtime = build_runtime(settings, clock=clock)
    running = asyncio.create_task(runtime.run())
    for _ in range(50):  # until the (serviceless) runtime is up
        await asyncio.sleep(0)
    pinging = [task for task in asyncio.all_tasks() if task.get_name() == "coach-idle-ping"]
    assert len(pinging) == (1 if store[0].dialect.name == "postgresql" else 0)
    runtime.stop()
    await asyncio.wait_for(running, 30)
    assert all(task.done() for task in pinging)  # stopped with the runtime, before the database closed
