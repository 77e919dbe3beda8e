"""Helpers for the Discord tests (importable, unlike conftest): settings for a temp store, the World a test
drives, and readers for what the bot posted."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import discord
import simcord

from adapters.discord import CoachBot, create_bot
from adapters.discord.settings import DiscordSettings
from adapters.platforms import Config, load_config
from bot.clock import FakeClock
from scheduler.dispatcher import Dispatcher
from scheduler.runtime import Runtime

# Developer portal defaults: no privileged intent approved. A bot asking for one fails to connect.
NO_PRIVILEGED = discord.Intents.default()


def make_config(tmp_path: Path, **overrides: object) -> Config:
    values: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path}/coach.db",
        "default_timezone": "UTC",
        "discord_guild_id": None,
        "discord_shards": None,
        "discord_token": None,
        "dispatch": True,
    }
    values.update(overrides)
    return load_config(values)


def discord_settings() -> DiscordSettings:
    """The DISCORD_* settings the tests' bots use: no guild, no shards, no token."""
    return DiscordSettings.load(discord_guild_id=None, discord_shards=None, discord_token=None)


class World:
    """The running bot plus the handles a test needs: time, the dispatcher, a restart."""

    def __init__(self, env: simcord.Env, runtime: Runtime, clock: FakeClock) -> None:
        self.env, self.runtime, self.clock = env, runtime, clock

    @property
    def bot(self) -> CoachBot:
        assert isinstance(self.env.bot, CoachBot)
        return self.env.bot

    async def deliver(self, after: timedelta = timedelta(0)) -> int:
        """Move the fake clock, then one dispatcher pass through the live bot's notifier."""
        self.clock.advance(after)
        dispatcher = Dispatcher(self.runtime.sessions, self.clock, {"discord": self.bot.notifier})
        delivered = await dispatcher.tick()
        await self.env.settle()
        return len(delivered)

    async def restart(self) -> None:
        """A new process: a fresh bot object on the same database (persistent views must still work)."""
        await self.env.restart_bot(create_bot(runtime=self.runtime, discord=discord_settings()))


def text_of(message: object) -> str:
    """Every embed's title and description of a message or interaction response, as one string."""
    embeds = getattr(message, "embeds", None) or []
    return "\n".join(f"{e.title or ''}\n{e.description or ''}".strip() for e in embeds)


def custom_ids(message: discord.Message) -> list[str]:
    return [child.custom_id for row in message.components for child in row.children  # type: ignore[attr-defined]
            if getattr(child, "custom_id", None)]
