"""Discord adapter (discord.py 2.x): slash commands, DM nudges with persistent buttons, a Notifier.

`create_bot()` builds the whole bot from the environment without connecting and without a token, so an
offline harness (SimCord) can drive it; `coach discord` (cli.py) wraps it in a Service and starts it.
Importing this package loads no discord.py: the platform registry reads settings.py and platform.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.config import Settings
    from scheduler.runtime import Runtime

    from .bot import CoachBot, ShardedCoachBot
    from .settings import DiscordSettings


def create_bot(runtime: Runtime | None = None, settings: Settings | None = None, clock: Clock | None = None,
               *, discord: DiscordSettings | None = None) -> CoachBot:
    """The bot for `runtime`, or for a runtime the composition root builds from `settings` (default: the
    environment), on discord.py's clock unless `clock` is given. DISCORD_* settings come from `discord`
    (default: the environment); AutoShardedClient when DISCORD_SHARDS is set.

    A bot built without a runtime is its runtime's one service: once logged in it starts the runtime's
    ticker — the dispatcher every COACH_TICK_SECONDS, the weekly job — the same loop `coach discord` runs."""
    from .bot import make_bot
    from .settings import DiscordSettings

    if runtime is not None:
        return make_bot(runtime, discord or DiscordSettings.load())
    from adapters.bootstrap import hosted_discord_bot

    return hosted_discord_bot(settings, discord, clock)


def __getattr__(name: str) -> Any:
    """CoachBot and ShardedCoachBot, imported (with discord.py) on first use."""
    if name in ("CoachBot", "ShardedCoachBot"):
        from . import bot

        return getattr(bot, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CoachBot", "ShardedCoachBot", "create_bot"]
