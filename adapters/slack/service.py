"""The Slack adapter as the runtime sees it: a Bolt AsyncApp served over HTTP (aiohttp: POST
/slack/events, the OAuth pages, GET /healthz) or Socket Mode, and the Notifier that DMs nudges."""

from __future__ import annotations

import asyncio
import logging
import sys

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.http.ops import add_ops_routes
from adapters.startup import StartupError
from scheduler.runtime import Runtime

from .actors import Actors
from .app import SlackHandlers, register
from .config import SlackConfig, SlackConfigError, web_client
from .dedupe import EventReceipts
from .notifier import SlackNotifier
from .oauth import INSTALL_PATH, REDIRECT_PATH, InstallStores

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
DEFAULT_HOST = "0.0.0.0"


class SlackService:
    name = "slack"

    def __init__(self, runtime: Runtime, config: SlackConfig, *, socket: bool, port: int | None,
                 host: str = DEFAULT_HOST) -> None:
        self.runtime, self.config, self.socket, self.port, self.host = runtime, config, socket, port, host
        self.stores = InstallStores(runtime.engine, config.client_id or "") if config.oauth else None
        self.receipts = EventReceipts(runtime.engine, runtime.clock)
        self.bolt = build_bolt_app(config, self.stores)
        register(self.bolt, SlackHandlers(runtime.coach, runtime.sessions, runtime.clock, self.receipts, Actors()))
        self.notifier = SlackNotifier(self.client_for)
        self._clients: dict[str, AsyncWebClient] = {}
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self.bound_port: int | None = None

    async def client_for(self, team_id: str) -> AsyncWebClient | None:
        """The Web API client holding this workspace's bot token (one token, or the one it installed)."""
        token = self.config.bot_token
        if self.stores is not None:
            bot = await self.stores.installation_store.async_find_bot(enterprise_id=None, team_id=team_id or None)
            token = bot.bot_token if bot is not None else None
        if not token:
            return None
        if token not in self._clients:
            self._clients[token] = web_client(self.config.api_url, token)
        return self._clients[token]

    async def start(self) -> None:
        await asyncio.to_thread(self._create_tables)
        if self.port is not None:
            self._runner = web.AppRunner(self.web_app(), access_log=None)
            await self._runner.setup()
            site = web.TCPSite(self._runner, self.host, self.port)
            await site.start()
            self.bound_port = _port_of(self._runner)
            log.info("Slack HTTP mode: listening on %s:%s%s", self.host, self.bound_port, EVENTS_PATH)
        if self.socket:
            self._socket = AsyncSocketModeHandler(self.bolt, self.config.app_token)
            await self._socket.connect_async()
            log.info("Slack Socket Mode: connected")

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()
        if self._runner is not None:
            await self._runner.cleanup()

    def web_app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(EVENTS_PATH, self._events)
        if self.bolt.oauth_flow is not None:
            app.router.add_get(INSTALL_PATH, self._install)
            app.router.add_get(REDIRECT_PATH, self._oauth_redirect)
        add_ops_routes(app, self.runtime)
        return app

    async def _events(self, request: web.Request) -> web.Response:
        if not request.headers.get("X-Slack-Request-Timestamp", "").strip().isdigit():
            return web.json_response({"error": "invalid request"}, status=401)  # Bolt would answer 500
        try:
            bolt_request = await to_bolt_request(request)
        except ValueError:  # a body that is not Slack's JSON or form encoding
            return web.json_response({"error": "malformed request"}, status=400)
        return await to_aiohttp_response(await self.bolt.async_dispatch(bolt_request))

    async def _install(self, request: web.Request) -> web.Response:
        assert self.bolt.oauth_flow is not None
        return await to_aiohttp_response(await self.bolt.oauth_flow.handle_installation(await to_bolt_request(request)))

    async def _oauth_redirect(self, request: web.Request) -> web.Response:
        assert self.bolt.oauth_flow is not None
        return await to_aiohttp_response(await self.bolt.oauth_flow.handle_callback(await to_bolt_request(request)))

    def _create_tables(self) -> None:
        self.receipts.create_table()
        if self.stores is not None:
            self.stores.create_tables()


def build_bolt_app(config: SlackConfig, stores: InstallStores | None) -> AsyncApp:
    """Bolt's async app; request signatures and timestamps are verified (its default, kept on)."""
    common = {"name": "connection-coach", "signing_secret": config.signing_secret or "",
              "request_verification_enabled": True}
    if stores is not None:
        assert config.client_id and config.client_secret
        return AsyncApp(client=web_client(config.api_url), installation_store=stores.installation_store,
                        oauth_settings=stores.oauth_settings(config.client_id, config.client_secret), **common)
    return AsyncApp(client=web_client(config.api_url, config.bot_token), **common)


def slack_service(runtime: Runtime, *, socket: bool, port: int | None, host: str = DEFAULT_HOST) -> SlackService:
    """The Slack service for `coach slack` and `coach run`; a missing setting ends start-up with one line."""
    config = SlackConfig.from_settings(runtime.settings)
    try:
        config.check(socket=socket)
    except SlackConfigError as problem:
        print(f"coach slack: {problem}", file=sys.stderr)
        raise StartupError(2) from None
    return SlackService(runtime, config, socket=socket, port=port, host=host)


def _port_of(runner: web.AppRunner) -> int | None:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return None
