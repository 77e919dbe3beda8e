"""The Discord adapter as the Runtime sees it: start (log in, connect in the background), stop, and a
Notifier for the dispatcher."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp
import discord

from adapters.startup import StartFailed
from scheduler.runtime import Runtime

from .bot import CoachBot, make_bot
from .notifier import DiscordNotifier
from .settings import DiscordSettings

log = logging.getLogger(__name__)


class DiscordUnavailable(StartFailed):
    """Discord could not be reached (or answered with a server error) at log-in: one line, no traceback."""


class _LoginNote(logging.Filter):
    """discord.py notes "logging in using static token" before it tries: on a failed start that line would
    precede our own one-line reason as if the log-in had happened. The service says "logged in" itself,
    once Discord has accepted the token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "logging in using static token"


_CLIENT_LOGGER = logging.getLogger("discord.client")
if not any(isinstance(f, _LoginNote) for f in _CLIENT_LOGGER.filters):
    _CLIENT_LOGGER.addFilter(_LoginNote())


class DiscordService:
    name = "discord"
    stop_grace = 10.0  # seconds for the gateway task to end after close()
    drain_grace = 8.0  # seconds for interactions in flight (deferred, not yet answered)

    def __init__(self, runtime: Runtime, settings: DiscordSettings, bot: CoachBot | None = None) -> None:
        self.runtime, self.settings = runtime, settings
        self.bot = bot or make_bot(runtime, settings)
        self.notifier: DiscordNotifier = self.bot.notifier
        self._gateway: asyncio.Task[None] | None = None
        self.failure: BaseException | None = None

    async def start(self) -> None:
        """Log in now (a bad token fails here, loudly) and keep the gateway connected in the background."""
        token = self.settings.discord_token
        if token is None:
            raise RuntimeError("DISCORD_TOKEN is not set")
        try:
            await self.bot.login(token.get_secret_value())
        except discord.LoginFailure:
            raise
        except discord.HTTPException as failure:
            raise DiscordUnavailable(f"coach discord: Discord answered {failure.status} at log-in: try again later "
                                     "(`coach doctor` tells more)") from None
        except (aiohttp.ClientError, OSError, TimeoutError) as failure:
            raise DiscordUnavailable(f"coach discord: cannot reach Discord: {type(failure).__name__} — check the "
                                     "network (`coach doctor` tells more)") from None
        log.info("Discord: logged in as %s", self.bot.user)
        self._gateway = asyncio.create_task(self.bot.connect(reconnect=True), name="discord-gateway")
        self._gateway.add_done_callback(self._gateway_ended)

    async def stop(self) -> None:
        """Take no new interactions, finish the ones in flight (deferred, not yet answered), then close
        the client and give the gateway task a moment to finish."""
        await self.bot.drain(self.drain_grace)
        await self.bot.close()
        if self._gateway is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._gateway, timeout=self.stop_grace)

    def _gateway_ended(self, task: asyncio.Task[None]) -> None:
        """discord.py reconnects by itself; if the connection ends for good, so does the process."""
        if task.cancelled() or (self.bot.is_closed() and task.exception() is None):
            return
        failure = task.exception()
        self.failure = failure
        log.error("the Discord connection ended: %s", failure or "closed", exc_info=failure)
        self.runtime.stop()


def discord_service(runtime: Runtime, settings: DiscordSettings) -> DiscordService:
    return DiscordService(runtime, settings)
