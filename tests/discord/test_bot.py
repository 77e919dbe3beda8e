"""hosted_discord_bot() from the environment (no token, no network), intents, command sync, shards, the bot's own
ticker when it owns its Runtime, the `coach discord` entry point and the Runtime service."""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord
import pytest
import simcord

from adapters.bootstrap import build_runtime, hosted_discord_bot
from adapters.discord import CoachBot, ShardedCoachBot
from adapters.discord.service import DiscordService, discord_service
from adapters.entrypoints.discord_cli import main
from tests.discord.harness import NO_PRIVILEGED, make_config, text_of

GUILD_ID = 1234567890123456789 >> 3 << 3  # any snowflake


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean environment in an empty directory (so no developer .env leaks in)."""
    monkeypatch.chdir(tmp_path)
    for name in ("DISCORD_TOKEN", "DISCORD_GUILD_ID", "DISCORD_SHARDS", "COACH_DISPATCH", "SLACK_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/env.db")
    monkeypatch.setenv("COACH_TICK_SECONDS", "3600")
    monkeypatch.setenv("COACH_DEFAULT_TZ", "Europe/Berlin")
    return tmp_path


async def test_a_hosted_bot_from_the_environment_needs_no_token(environment: Path) -> None:
    bot = hosted_discord_bot()
    try:
        assert isinstance(bot, CoachBot) and not isinstance(bot, discord.AutoShardedClient)
        assert bot.settings.tick_seconds == 3600 and bot.api.coach.default_timezone == "Europe/Berlin"
        assert (environment / "env.db").exists()
        assert not bot.intents.members and not bot.intents.presences and not bot.intents.message_content
        assert bot.intents.dm_messages and bot.intents.guilds
        assert {c.name for c in bot.tree.get_commands()} == {"met", "review", "coach"}
    finally:
        await bot.close()


async def test_discord_shards_asks_for_an_autosharded_bot(environment: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_SHARDS", "2")
    bot = hosted_discord_bot()
    assert isinstance(bot, ShardedCoachBot) and bot.shard_count == 2
    async with simcord.run(bot, approved_intents=NO_PRIVILEGED) as env:
        for shard in (0, 1):
            guild = env.create_guild(f"shard {shard}", shard_id=shard)
            channel = guild.create_text_channel("general")
            alice = guild.add_member(env.create_user(f"alice{shard}"))
            result = await alice.slash(channel, "met", name="Jane")
            assert "Noted: you met Jane" in text_of(result.response)


async def test_discord_guild_id_syncs_the_commands_to_that_guild(environment: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_GUILD_ID", str(GUILD_ID))
    async with simcord.run(hosted_discord_bot(), approved_intents=NO_PRIVILEGED) as env:
        guild = env.create_guild("dev", id=GUILD_ID)
        channel = guild.create_text_channel("general")
        alice = guild.add_member(env.create_user("alice"))
        assert "met" in alice.available_commands(channel)
        assert "review" not in alice.user.available_commands()  # nothing global was synced
        other = env.create_guild("elsewhere")
        assert other.add_member(env.create_user("bob")).available_commands(other.create_text_channel("x")) == ()


async def test_a_bot_that_owns_its_runtime_ticks_and_dms_the_nudge(environment: Path) -> None:
    """The offline-harness path: hosted_discord_bot() alone, Discord's (virtual) clock, COACH_TICK_SECONDS."""
    async with simcord.run(hosted_discord_bot(), approved_intents=NO_PRIVILEGED) as env:
        guild = env.create_guild("A")
        channel = guild.create_text_channel("general")
        alice = guild.add_member(env.create_user("alice"))
        await alice.slash(channel, "met", name="Jane Doe", where="PyCon")
        assert alice.user.dm_channel.last_message is None
        for _ in range(48):
            await env.advance_time(3600)
            if alice.user.dm_channel.last_message is not None:
                break
        nudge = alice.user.dm_channel.last_message
        assert nudge is not None and nudge.embeds[0].title == "Follow up with Jane Doe"
        await alice.user.click(nudge, label="I sent it")
        assert "your first message to Jane Doe is sent" in alice.user.dm_channel.last_message.embeds[-1].description


def test_coach_discord_without_a_token_says_where_to_get_one(environment: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "DISCORD_TOKEN" in err and "Developer Portal" in err and "Reset Token" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


async def test_the_service_logs_in_connects_in_the_background_and_closes(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    config = make_config(tmp_path, discord_token="MTIz.fake.token")
    runtime = build_runtime(config.core)
    service = discord_service(runtime, config.of("discord"))
    assert isinstance(service, DiscordService) and service.name == "discord"
    assert service.notifier.platform == "discord"
    calls: list[str] = []
    connected = asyncio.Event()

    async def login(token: str) -> None:  # the network edge: no real Discord in tests
        calls.append(f"login {token}")

    async def connect(*, reconnect: bool = True) -> None:
        calls.append(f"connect reconnect={reconnect}")
        connected.set()
        await asyncio.Event().wait()

    monkeypatch.setattr(service.bot, "login", login)
    monkeypatch.setattr(service.bot, "connect", connect)
    service.stop_grace = 0.05
    await service.start()
    await connected.wait()
    await service.stop()
    assert calls == ["login MTIz.fake.token", "connect reconnect=True"]
    assert service.bot.is_closed() and service.failure is None
    runtime.engine.dispose()
