"""Fixtures for driving the real discord.py bot offline with SimCord: a temp SQLite store, a fake clock
the test moves, and a Runtime the bot (and a restarted bot) share — only Discord's edge is simulated."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import simcord

from adapters.bootstrap import build_runtime
from adapters.discord import create_bot
from bot.clock import FakeClock
from scheduler.runtime import Runtime
from tests.discord.harness import NO_PRIVILEGED, World, discord_settings, make_config
from tests.discord.limits import problems


@pytest.fixture
def runtime(tmp_path: Path, clock: FakeClock) -> Iterator[Runtime]:
    runtime = build_runtime(make_config(tmp_path).core, clock)
    yield runtime
    runtime.engine.dispose()


@pytest.fixture
async def env(runtime: Runtime) -> AsyncIterator[simcord.Env]:
    """SimCord's virtual Discord around the real bot; any error the bot swallowed fails the test, and so
    does any request real Discord would refuse (tests/discord/limits.py), even one the bot shrugged off."""
    env = simcord.Env(create_bot(runtime=runtime, discord=discord_settings()), approved_intents=NO_PRIVILEGED)
    await env.start()
    try:
        yield env
    finally:
        await env.shutdown()
    env.raise_errors()
    refused = refusals(env)
    assert not refused, f"real Discord would refuse: {refused}"


def refusals(env: simcord.Env) -> list[str]:
    """Every request SimCord recorded that Discord's published limits refuse, with where it failed."""
    return [f"{entry.method} {entry.path}: {problem}" for entry in env.http_requests
            for problem in problems(entry.method, entry.path, entry.json)]


@pytest.fixture
def world(env: simcord.Env, runtime: Runtime, clock: FakeClock) -> World:
    return World(env, runtime, clock)


@pytest.fixture(autouse=True)
def _no_swallowed_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """discord.py logs (rather than raises) errors in component callbacks: any such log fails the test."""
    caplog.set_level(logging.ERROR)
    yield
    swallowed = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith(("discord", "adapters"))]
    assert not swallowed, f"the bot logged errors: {[r.getMessage() for r in swallowed]}"


@pytest.fixture
def server(world: World) -> tuple[simcord.ChannelHandle, simcord.MemberActor, simcord.MemberActor]:
    """A server with a channel, alice, and bob (whose display name is Bob Smith)."""
    guild = world.env.create_guild("PyCon friends")
    channel = guild.create_text_channel("general")
    alice = guild.add_member(world.env.create_user("alice"))
    bob = guild.add_member(world.env.create_user("bob", global_name="Bob Smith"))
    return channel, alice, bob
