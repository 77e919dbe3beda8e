"""Work in flight on Discord: the core runs on a worker thread while the event loop keeps serving, a
shutdown (drain) waits for a deferred command to be answered and stored, and a stopping bot takes no
new work. `coach discord` with Discord unreachable says so in one line."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import simcord
from sqlalchemy import select

from bot.models import Contact
from tests.discord.harness import World, text_of
from tests.fakes import Blocker
from tests.slack.test_slack_cli import ROOT, free_port


@pytest.fixture
def server(world: World) -> tuple[simcord.ChannelHandle, simcord.MemberActor]:
    guild = world.env.create_guild("PyCon friends")
    channel = guild.create_text_channel("general")
    return channel, guild.add_member(world.env.create_user("alice"))


async def test_the_core_runs_off_the_loop_and_a_drain_waits_for_the_answer(
        world: World, server: tuple[simcord.ChannelHandle, simcord.MemberActor],
        monkeypatch: pytest.MonkeyPatch) -> None:
    channel, alice = server
    blocker = Blocker(world.bot.api.coach.handle)
    monkeypatch.setattr(world.bot.api.coach, "handle", blocker)
    loop_thread = threading.get_ident()

    command = asyncio.create_task(alice.slash(channel, "met", name="Jane Doe", where="PyCon"))
    assert await asyncio.to_thread(blocker.entered.wait, 60)
    beat = asyncio.Event()
    asyncio.get_running_loop().call_soon(beat.set)
    await beat.wait()  # the loop still runs callbacks while the core is busy
    assert blocker.threads and blocker.threads[0] != loop_thread
    assert not blocker.release.is_set() and len(world.bot.inflight) == 1

    drain = asyncio.create_task(world.bot.drain(120))
    for _ in range(50):
        await asyncio.sleep(0)
    assert not drain.done()  # the deferred /met is still being worked on
    blocker.release.set()
    result = await command
    await drain
    assert "Noted: you met Jane Doe at PyCon" in text_of(result.response)
    with world.runtime.sessions() as session:
        assert session.scalars(select(Contact.name)).all() == ["Jane Doe"]


async def test_a_stopping_bot_takes_no_new_work(world: World, server: tuple[simcord.ChannelHandle,
                                                                              simcord.MemberActor]) -> None:
    channel, alice = server
    await world.bot.drain(1)
    assert world.bot.stopping
    result = await alice.slash(channel, "met", name="Jane Doe")
    assert not result.acknowledged  # unanswered: Discord tells the member, who can try again
    with world.runtime.sessions() as session:
        assert session.scalars(select(Contact.name)).all() == []


def test_coach_discord_with_discord_unreachable_is_one_line(tmp_path: Path) -> None:
    import subprocess

    token = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "COACH_", "DATABASE_"))}
    env |= {"DISCORD_TOKEN": token, "DATABASE_URL": f"sqlite:///{tmp_path}/coach.db", "COACH_DISPATCH": "off"}
    base = f"http://127.0.0.1:{free_port()}/api/v10"
    script = ("import sys, discord.http; discord.http.Route.BASE = sys.argv[1]; "
              "from adapters.entrypoints.cli import main; sys.exit(main(['discord']))")
    done = subprocess.run([sys.executable, "-c", script, base], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1, done.stderr
    assert lines[-1] == ("coach discord: cannot reach Discord: ClientConnectorError — check the network "
                         "(`coach doctor` tells more)"), done.stderr
    assert "Traceback" not in done.stderr and len(lines) == 1, done.stderr  # ours alone: no "logging in using…"
    assert "voice" not in done.stderr and "Unclosed" not in done.stderr, done.stderr
    assert token not in done.stderr


async def test_every_entry_point_calls_the_core_from_a_worker_thread(
        world: World, server: tuple[simcord.ChannelHandle, simcord.MemberActor],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    from bot import queries

    channel, alice = server
    loop_thread, calls = threading.get_ident(), []  # type: int, list[tuple[str, bool]]

    def wrap(name: str, real: Any) -> Any:
        def call(*args: Any) -> Any:
            calls.append((name, threading.get_ident() == loop_thread))
            return real(*args)

        return call

    coach = world.bot.api.coach
    for name in ("handle", "handle_text", "press"):
        monkeypatch.setattr(coach, name, wrap(name, getattr(coach, name)))
    monkeypatch.setattr(queries, "timezone_question_due", wrap("tz_question", queries.timezone_question_due))

    first = await alice.slash(channel, "met", name="Jane Doe", where="PyCon")  # slash command + tz question
    await alice.select(first.response, ["Europe/Berlin"], custom_id=f"coach-tz:{channel.guild.id}")
    await alice.user.send_dm("Hi Jane, great meeting you at PyCon! Could I send you our checklist?")
    await world.env.settle()
    assert await world.deliver(timedelta(days=2)) == 1
    await alice.user.click(alice.user.dm_channel.last_message, label="I sent it")
    names = {name for name, _ in calls}
    assert {"handle", "handle_text", "press", "tz_question"} <= names, calls
    assert [name for name, on_loop in calls if on_loop] == []
