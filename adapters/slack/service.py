"""The Slack adapter as the runtime sees it: a Bolt AsyncApp served over HTTP (aiohttp: POST
/slack/events, the OAuth pages, GET /healthz) or Socket Mode, and the Notifier that DMs nudges."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.http.ops import add_ops_routes
from adapters.startup import StartFailed
from scheduler.runtime import Runtime

from .actors import Actors, error_code
from .app import SlackHandlers, register
from .config import SlackConfig, web_client
from .gate import Gate, Refusal, RefusalLog
from .notifier import SlackNotifier
from .oauth import INSTALL_PATH, REDIRECT_PATH, InstallStores
from .settings import SlackSettings

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
DEFAULT_HOST = "0.0.0.0"
SOCKET_LOG = "adapters.slack.socket_mode"
PROBE_SECONDS = 15
TICKET = re.compile(r"ticket=[^&'\"\s]+")


class SlackUnavailable(StartFailed):
    """Start-up could not reach Slack, or Slack refused the app-level token: one line, no traceback."""


class OneLine(logging.Filter):
    """Socket Mode's reconnect loop logs a traceback every ping interval: keep the message, drop the rest
    (and the one-time ticket a WebSocket URL carries)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = TICKET.sub("ticket=[redacted]", record.getMessage()), None
        if record.exc_info or record.levelno >= logging.ERROR:
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class SlackService:
    """Stopping: no new requests, the ones in flight finish (their answers and follow-ups), then close."""

    name = "slack"
    # Seconds for requests being answered, then for what follows their acks: 16 s at most, inside
    # systemd's TimeoutStopSec=20 and Kubernetes' 30 s between SIGTERM and SIGKILL.
    stop_grace = 8.0

    def __init__(self, runtime: Runtime, config: SlackConfig, *, socket: bool, port: int | None,
                 host: str = DEFAULT_HOST) -> None:
        self.runtime, self.config, self.socket, self.port, self.host = runtime, config, socket, port, host
        self.stores = InstallStores(runtime.api) if config.oauth else None
        self.bolt = build_bolt_app(config, self.stores)
        self.handlers = SlackHandlers(runtime.api, Actors())
        register(self.bolt, self.handlers)
        self.gate = Gate(config.signing_secret or "")
        self.refusals = RefusalLog()
        self.notifier = SlackNotifier(self.client_for)
        self._clients: dict[str, AsyncWebClient] = {}
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._connecting: asyncio.Task[None] | None = None
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
        if self.port is not None:
            self._runner = web.AppRunner(self.web_app(), access_log=None, shutdown_timeout=self.stop_grace)
            await self._runner.setup()
            site = web.TCPSite(self._runner, self.host, self.port)
            await site.start()
            self.bound_port = _port_of(self._runner)
            log.info("Slack HTTP mode: listening on %s:%s%s", self.host, self.bound_port, EVENTS_PATH)
        if self.socket:
            await self._start_socket_mode()

    async def _start_socket_mode(self) -> None:
        """Ask Slack for a WebSocket URL once (an unreachable Slack or a refused token ends start-up with
        one line), then connect in the background: the SDK retries on its own, and a signal stops it."""
        logger = logging.getLogger(SOCKET_LOG)
        if not any(isinstance(f, OneLine) for f in logger.filters):
            logger.addFilter(OneLine())
        api = self.config.api_url or AsyncWebClient.BASE_URL
        probe = AsyncWebClient(base_url=api, timeout=PROBE_SECONDS, retry_handlers=[])  # one try, one line
        try:
            opened = await probe.apps_connections_open(app_token=self.config.app_token or "")
        except SlackApiError as failure:
            raise SlackUnavailable(f"coach slack: Slack refused SLACK_APP_TOKEN ({error_code(failure)}): make an "
                                   "app-level token with connections:write under Basic Information", 2) from None
        except (aiohttp.ClientError, OSError, TimeoutError) as failure:
            raise SlackUnavailable(f"coach slack: cannot reach Slack at {api}: {type(failure).__name__} — check "
                                   "the network and SLACK_API_URL (`coach doctor` tells more)") from None
        self._socket = AsyncSocketModeHandler(self.bolt, self.config.app_token, logger=logger)
        self._socket.client.wss_uri = opened.get("url")
        self._connecting = asyncio.create_task(self._socket.connect_async(), name="slack-socket-connect")
        log.info("Slack Socket Mode: connecting")

    async def stop(self) -> None:
        """Stop taking requests, let the ones in flight finish (up to stop_grace), then close."""
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()  # closes the port, then waits for requests being answered
        await self.handlers.drain(self.stop_grace)  # follow-ups after an ack (response_url, chat.update)
        self.refusals.flush()
        if self._connecting is not None:
            self._connecting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._connecting
        if self._socket is not None:
            socket, self._socket = self._socket, None
            with contextlib.suppress(Exception):
                await socket.close_async()

    def web_app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(EVENTS_PATH, self._events)
        if self.bolt.oauth_flow is not None:
            app.router.add_get(INSTALL_PATH, self._install)
            app.router.add_get(REDIRECT_PATH, self._oauth_redirect)
        add_ops_routes(app, self.runtime)
        return app

    async def _events(self, request: web.Request) -> web.Response:
        """The signature is checked on the raw bytes before Bolt parses anything (see gate.py)."""
        body = await request.read()
        admitted = self.gate.admit(body, request.headers)
        if isinstance(admitted, Refusal):
            refusal = admitted
        else:
            try:
                response = await self.bolt.async_dispatch(bolt_request(body.decode(), admitted, request))
            except Exception:  # a shape gate.py does not know and Bolt chokes on: still the sender's fault,
                # but the request was signed, so it came from Slack: keep the traceback for whoever debugs it
                log.exception("a signed request Bolt could not handle")
                refusal = Refusal(400, "payload Bolt could not read")
            else:
                if response.status < 500:
                    return await to_aiohttp_response(response)
                refusal = Refusal(400, "payload Bolt could not read")  # our listeners never raise into Bolt
        self.refusals.refused(refusal, request.remote)
        error = "invalid request" if refusal.status == 401 else "malformed request"
        return web.json_response({"error": error}, status=refusal.status)

    async def _install(self, request: web.Request) -> web.Response:
        assert self.bolt.oauth_flow is not None
        return await to_aiohttp_response(await self.bolt.oauth_flow.handle_installation(await to_bolt_request(request)))

    async def _oauth_redirect(self, request: web.Request) -> web.Response:
        assert self.bolt.oauth_flow is not None
        return await to_aiohttp_response(await self.bolt.oauth_flow.handle_callback(await to_bolt_request(request)))


class _ClientGivenOnPurpose(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment itself and, as the coach hands it a client built from
    that same token (pointed at SLACK_API_URL), warns "As you gave `client` as well, `token` will be unused"
    on every start. The client is the intended one: that line says nothing an operator can act on."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


_BOLT_APP_LOGGER = logging.getLogger("slack_bolt.AsyncApp")
if not any(isinstance(f, _ClientGivenOnPurpose) for f in _BOLT_APP_LOGGER.filters):
    _BOLT_APP_LOGGER.addFilter(_ClientGivenOnPurpose())


def build_bolt_app(config: SlackConfig, stores: InstallStores | None) -> AsyncApp:
    """Bolt's async app; request signatures and timestamps are verified (its default, kept on)."""
    common = {"name": "connection-coach", "signing_secret": config.signing_secret or "",
              "request_verification_enabled": True}
    if stores is not None:
        assert config.client_id and config.client_secret
        return AsyncApp(client=web_client(config.api_url), installation_store=stores.installation_store,
                        oauth_settings=stores.oauth_settings(config.client_id, config.client_secret), **common)
    return AsyncApp(client=web_client(config.api_url, config.bot_token), **common)


def slack_service(runtime: Runtime, settings: SlackSettings, *, socket: bool, port: int | None,
                  host: str = DEFAULT_HOST) -> SlackService:
    """The Slack service for `coach slack` and `coach run`, whose settings the entry point has checked for
    this mode (SlackSettings.require)."""
    return SlackService(runtime, SlackConfig.from_settings(settings), socket=socket, port=port, host=host)


def bolt_request(raw: str, body: dict[str, Any], request: web.Request) -> AsyncBoltRequest:
    """Bolt's request over the raw body (Bolt checks the signature again, on these bytes) with the body
    the gate parsed: Bolt's own parse takes any form mentioning "payload" for an interaction."""
    bolt = AsyncBoltRequest(body=raw, query=request.query_string, headers=request.headers)  # type: ignore[arg-type]
    if bolt.body != body:
        bolt.body = body
        bolt.context = build_async_context(AsyncBoltContext({}), body)
    return bolt


def _port_of(runner: web.AppRunner) -> int | None:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return None
