"""The composition root: the one place that builds the store, the observers, the core, the runtime and
the platform services, and wires them through their constructors. Only entry points import it
(adapters/entrypoints/, and a test harness); it imports the platforms, never an entry point, and no
platform imports it: entry points → wiring → platforms (pyproject.toml's import contracts check it).

    config = config_or_exit("run")             # adapters/startup.py: settings, or one line and exit 2
    runtime = serving_runtime(config.core)     # store + metrics + coach + runtime (+ the ops server)
    add_services(runtime, config, port=3000)   # every configured platform (adapters/platforms.py)
    asyncio.run(runtime.run())
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from adapters.http.metrics import Metrics
from adapters.http.ops import OpsServer
from adapters.llm import model_drafts
from adapters.platforms import Config
from adapters.startup import database_or_exit
from bot.api import CoachAPI
from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.store import open_store
from bot.store.engine import pool_capacity
from scheduler.runtime import Runtime
from scheduler.ticker import APSchedulerTicker, LoopTicker, Ticker

if TYPE_CHECKING:
    from adapters.discord.bot import CoachBot
    from adapters.discord.settings import DiscordSettings


def build_runtime(settings: Settings, clock: Clock | None = None,
                  ticker: Callable[[], Ticker] = APSchedulerTicker) -> Runtime:
    """Open (and migrate) the store, then build the Metrics first and hand them to the API (its Coach) and
    the Runtime (which gives them to its Dispatcher): observers are constructor arguments, never patched in.
    `ticker` fires the runtime's jobs: APScheduler, unless the clock is the event loop's (scheduler/ticker.py)."""
    clock = clock or SystemClock()
    metrics = Metrics()
    engine, sessions = open_store(settings.database_url)
    api = CoachAPI(sessions, clock, default_timezone=settings.default_timezone, observer=metrics,
                   workers=pool_capacity(engine), models=model_drafts(settings))
    return Runtime(settings, engine, sessions, api, clock, observer=metrics, ticker=ticker)


def serving_runtime(settings: Settings, clock: Clock | None = None) -> Runtime:
    """The runtime every serving mode shares: one line and exit 1 when the database cannot be used, and
    its own /healthz and /metrics server when COACH_METRICS_PORT is set."""
    with database_or_exit(settings):
        runtime = build_runtime(settings, clock)
    if settings.metrics_port is not None:
        runtime.add(OpsServer(runtime, settings.metrics_port))
    return runtime


def add_services(runtime: Runtime, config: Config, *, port: int) -> None:
    """`coach run`: each configured platform's service, in the registry's order (`port`: for HTTP)."""
    for entry, settings in config.configured():
        runtime.add(entry.service(runtime, settings, port))


def open_database(settings: Settings) -> Engine:
    """`coach migrate`: open the store (migrating it, under the advisory lock on PostgreSQL), or exit 1."""
    with database_or_exit(settings):
        engine, _sessions = open_store(settings.database_url)
    return engine


def hosted_discord_bot(settings: Settings | None = None, discord: DiscordSettings | None = None,
                       clock: Clock | None = None) -> CoachBot:
    """A Discord bot that hosts its own runtime: a runtime built here, from the environment unless settings
    are given, on discord.py's clock unless `clock` is; the bot is its one service. Whoever drives
    the bot (an offline harness) starts it; the bot then starts the runtime's ticker — the same dispatch
    loop `coach discord` runs — and closes the runtime when it closes."""
    from adapters.discord.bot import DiscordClock, make_bot
    from adapters.discord.service import DiscordService
    from adapters.discord.settings import DiscordSettings

    discord = discord or DiscordSettings.load()
    # Its clock is discord.py's, the event loop's (virtual under a harness): so are its ticks.
    runtime = build_runtime(settings or Settings.load(), clock or DiscordClock(), ticker=LoopTicker)
    bot = make_bot(runtime, discord, hosts_runtime=True)
    runtime.add(DiscordService(runtime, discord, bot))
    return bot
