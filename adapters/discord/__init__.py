"""Discord adapter (discord.py 2.x): slash commands, DM nudges with persistent buttons, a Notifier.

`create_bot(runtime)` builds the whole bot without connecting and without a token, so an offline harness
(SimCord) can drive it; `coach discord` (adapters/entrypoints/discord_cli.py) wraps it in a Service and
starts it, and the composition root's `hosted_discord_bot()` (adapters/bootstrap.py) builds one that hosts
its own runtime. Importing this package loads no discord.py: the platform registry reads settings.py and
platform.py. Nothing here imports the composition root: arrows run entry points → wiring → platforms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scheduler.runtime import Runtime

    from .bot import CoachBot, ShardedCoachBot
    from .settings import DiscordSettings


def create_bot(runtime: Runtime, *, discord: DiscordSettings | None = None) -> CoachBot:
    """The bot for `runtime`, with DISCORD_* settings from `discord` (default: the environment);
    AutoShardedClient when DISCORD_SHARDS is set. A bot that hosts its own runtime (an offline harness with
    nothing else to run) comes from the composition root: `adapters.bootstrap.hosted_discord_bot()`."""
    from .bot import make_bot
    from .settings import DiscordSettings

    return make_bot(runtime, discord or DiscordSettings.load())


def __getattr__(name: str) -> Any:
    """CoachBot and ShardedCoachBot, imported (with discord.py) on first use."""
    if name in ("CoachBot", "ShardedCoachBot"):
        from . import bot

        return getattr(bot, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CoachBot", "ShardedCoachBot", "create_bot"]
