"""Discord adapter (discord.py 2.x): slash commands, DM nudges with persistent buttons, a Notifier.

`create_bot()` builds the whole bot from the environment without connecting and without a token, so an
offline harness (SimCord) can drive it; `coach discord` (cli.py) wraps it in a Service and starts it."""

from __future__ import annotations

import logging

from bot.clock import Clock
from bot.config import Settings, load_settings
from scheduler.runtime import Runtime

from .bot import CoachBot, DiscordClock, ShardedCoachBot


class _NoVoice(logging.Filter):
    """discord.py warns at every start that PyNaCl and davey are missing, so "voice will NOT be
    supported". The coach never joins a voice channel: that is not a problem to report."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


_CLIENT_LOG = logging.getLogger("discord.client")
if not any(isinstance(f, _NoVoice) for f in _CLIENT_LOG.filters):
    _CLIENT_LOG.addFilter(_NoVoice())


def create_bot(runtime: Runtime | None = None, settings: Settings | None = None,
               clock: Clock | None = None) -> CoachBot:
    """The bot for `runtime`, or for a Runtime built here from `settings` (default: the environment).

    A bot that builds its own Runtime also runs the dispatcher every COACH_TICK_SECONDS, with discord.py's
    clock unless `clock` is given; inside `coach discord` the Runtime does that instead.
    AutoShardedClient when DISCORD_SHARDS is set."""
    owns_runtime = runtime is None
    if runtime is None:
        settings = settings or load_settings()
        runtime = Runtime.from_settings(settings, clock or DiscordClock())
    shards = runtime.settings.discord_shards
    if shards:
        return ShardedCoachBot(runtime, owns_runtime=owns_runtime, shard_count=shards)
    return CoachBot(runtime, owns_runtime=owns_runtime)


__all__ = ["CoachBot", "ShardedCoachBot", "create_bot"]
