"""The discord.py client: the command tree, persistent components registered in setup_hook, command sync,
DM'd drafts. A bot that hosts its runtime (`hosted_discord_bot()`, under an offline harness) starts the
runtime's ticker when it logs in and closes the runtime with itself; it has no dispatch loop of its own."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime
from typing import Any

import discord
from discord import app_commands

from adapters.inflight import drain
from bot.api import OOPS
from bot.replies import error
from scheduler.runtime import Runtime

from .commands import register
from .interact import actor_for, in_flight
from .notifier import DiscordNotifier
from .render import embeds_for
from .settings import DiscordSettings
from .views import NudgeButton, NudgePicker, TimezoneSelect

log = logging.getLogger(__name__)


class _NoVoice(logging.Filter):
    """discord.py warns at every start that PyNaCl and davey are missing, so "voice will NOT be
    supported". The coach never joins a voice channel: that is not a problem to report."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


_CLIENT_LOG = logging.getLogger("discord.client")
if not any(isinstance(f, _NoVoice) for f in _CLIENT_LOG.filters):
    _CLIENT_LOG.addFilter(_NoVoice())

MAX_RATELIMIT_WAIT = 30.0  # longer waits become a DeliveryError with retry_after, not a stuck tick


class DiscordClock:
    """"Now" as discord.py sees it: the wall clock in production, SimCord's virtual clock in tests."""

    def now(self) -> datetime:
        return discord.utils.utcnow()


def intents() -> discord.Intents:
    """Nothing privileged: slash commands and buttons need no intent; `dm_messages` carries DM'd drafts,
    whose content Discord delivers without the message-content intent."""
    return discord.Intents(guilds=True, dm_messages=True)


class CoachBot(discord.Client):
    """`settings` are the core's (the runtime's); `discord_settings` the DISCORD_* ones. `hosts_runtime`:
    the bot is its runtime's only driver (see setup_hook and close)."""

    def __init__(self, runtime: Runtime, discord_settings: DiscordSettings, *, hosts_runtime: bool = False,
                 **options: Any) -> None:
        super().__init__(intents=intents(), max_ratelimit_timeout=MAX_RATELIMIT_WAIT, **options)
        self.runtime = runtime
        self.api = runtime.api
        self.settings = runtime.settings
        self.discord_settings = discord_settings
        self.tree: app_commands.CommandTree[CoachBot] = app_commands.CommandTree(self)
        self.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        register(self.tree)
        self.notifier = DiscordNotifier(self)
        self.hosts_runtime = hosts_runtime
        self.inflight: set[asyncio.Task[Any]] = set()  # interactions between their ack and their answer
        self.stopping = False

    async def drain(self, timeout: float) -> None:
        """Take no new work, then wait (up to `timeout` seconds) for every interaction in flight."""
        self.stopping = True
        await drain(self.inflight, timeout, "Discord interaction(s)")

    async def setup_hook(self) -> None:
        """Listen for every nudge button ever sent, sync the commands; start the runtime's ticker when the
        bot hosts its runtime (inside `coach discord`, Runtime.run() does that)."""
        self.add_dynamic_items(NudgeButton, NudgePicker, TimezoneSelect)
        await self.sync_commands()
        if self.hosts_runtime:
            self.runtime.start_ticking()

    async def sync_commands(self) -> None:
        """To DISCORD_GUILD_ID when set (instant, for development), else globally."""
        guild_id = self.discord_settings.discord_guild_id
        try:
            if guild_id:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
            else:
                synced = await self.tree.sync()
        except discord.HTTPException as failure:
            log.error("could not sync slash commands (%s); was the bot invited with the "
                      "applications.commands scope?", failure)
            return
        log.info("synced %d slash commands %s", len(synced), f"to guild {guild_id}" if guild_id else "globally")

    async def on_message(self, message: discord.Message) -> None:
        """A draft DM'd to the bot is reviewed, as /review would."""
        if message.guild is not None or message.author.bot or not message.content.strip():
            return
        with in_flight(self) as accepted:
            if not accepted:
                return
            actor = actor_for(message.author, None)
            reply = await self.api.handle_text(actor, "/review", message.content)
            await message.channel.send(embeds=embeds_for(reply))

    async def _on_tree_error(self, interaction: discord.Interaction[Any],
                             failure: app_commands.AppCommandError) -> None:
        log.error("slash command failed", exc_info=failure)
        reply = error(OOPS)
        with contextlib.suppress(discord.HTTPException):
            if interaction.response.is_done():
                await interaction.followup.send(embeds=embeds_for(reply), ephemeral=True)
            else:
                await interaction.response.send_message(embeds=embeds_for(reply), ephemeral=True)

    async def close(self) -> None:
        if self.hosts_runtime:
            await self.runtime.stop_ticking()
        await super().close()
        if self.hosts_runtime:
            self.runtime.close()


class ShardedCoachBot(CoachBot, discord.AutoShardedClient):
    """The same bot over several gateway shards (DISCORD_SHARDS)."""


def make_bot(runtime: Runtime, settings: DiscordSettings, *, hosts_runtime: bool = False) -> CoachBot:
    """The bot for `runtime`: AutoShardedClient over DISCORD_SHARDS shards when that is set."""
    if settings.discord_shards:
        return ShardedCoachBot(runtime, settings, hosts_runtime=hosts_runtime, shard_count=settings.discord_shards)
    return CoachBot(runtime, settings, hosts_runtime=hosts_runtime)
