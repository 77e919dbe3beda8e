"""The Slack adapter as the runtime sees it: a Bolt AsyncApp served over HTTP (aiohttp: POST
/slack/events, the OAuth pages, GET /livez) or Socket Mode, and the Notifier that DMs nudges. /healthz and
/metrics are on the ops port (COACH_METRICS_PORT), never on this public one."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import Awaitable
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
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.http.ops import livez
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
ORG_TEAMS_SECONDS = 600  # how long an org-wide install's list of workspaces is trusted
TICKET = re.compile(r"ticket=[^&'\"\s]+")
FIX = {  # what to do when Slack refuses a token at start-up
    "SLACK_BOT_TOKEN": "copy the Bot User OAuth Token (xoxb-…) again under OAuth & Permissions, and reinstall "
                       "the app if its scopes changed",
    "SLACK_APP_TOKEN": "make an app-level token with connections:write under Basic Information",
}


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
    # A request's head must arrive within header_seconds of the connection opening (or of the last answer
    # on a kept-alive connection: aiohttp's keep-alive timer), its body within body_seconds: a client that
    # trickles a byte at a time never holds a connection for long. Slack itself gives up after 3 s.
    header_seconds = 10.0
    body_seconds = 10.0

    def __init__(self, runtime: Runtime, config: SlackConfig, *, socket: bool, port: int | None,
                 host: str = DEFAULT_HOST) -> None:
        self.runtime, self.config, self.socket, self.port, self.host = runtime, config, socket, port, host
        self.stores = InstallStores(runtime.api, config.client_secret or "") if config.oauth else None
        self.bolt = build_bolt_app(config, self.stores)
        self.handlers = SlackHandlers(runtime.api, Actors())
        register(self.bolt, self.handlers)
        self.gate = Gate(config.signing_secret or "")
        self.refusals = RefusalLog()
        self.notifier = SlackNotifier(self.client_for)
        self._clients: dict[str, AsyncWebClient] = {}
        self._org_teams: dict[str, tuple[frozenset[str], float]] = {}
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._connecting: asyncio.Task[None] | None = None
        self.bound_port: int | None = None

    async def client_for(self, team_id: str) -> AsyncWebClient | None:
        """The Web API client holding this workspace's bot token (one token, the one it installed, or
        its enterprise's org-wide one)."""
        token = self.config.bot_token
        if self.stores is not None:
            token = await self.stores.bot_token_for(team_id, self._teams_of)
        return self._client(token) if token else None

    def _client(self, token: str) -> AsyncWebClient:
        if token not in self._clients:
            self._clients[token] = web_client(self.config.api_url, token)
        return self._clients[token]

    async def _teams_of(self, token: str) -> frozenset[str]:
        """The workspaces an org-wide bot serves (auth.teams.list), kept for ORG_TEAMS_SECONDS."""
        known = self._org_teams.get(token)
        if known is not None and time.monotonic() - known[1] < ORG_TEAMS_SECONDS:
            return known[0]
        teams: set[str] = set()
        cursor: str | None = None
        try:
            while True:
                page = await self._client(token).auth_teams_list(limit=1000, cursor=cursor)
                teams |= {str(team.get("id")) for team in page.get("teams") or [] if isinstance(team, dict)}
                cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
                if not cursor:
                    break
        except (SlackApiError, SlackClientError, aiohttp.ClientError, OSError, TimeoutError) as failure:
            log.warning("auth.teams.list failed: %s", error_code(failure) if isinstance(failure, SlackApiError)
                        else type(failure).__name__)
            return frozenset()
        self._org_teams[token] = (frozenset(teams), time.monotonic())
        return frozenset(teams)

    async def start(self) -> None:
        """Check the tokens with Slack first (one try each, at once): a token Slack refuses, or a Slack out
        of reach, ends start-up with a line each, before anything says it is listening."""
        opened = await self._check_tokens()
        if self.port is not None:
            self._runner = web.AppRunner(self.web_app(), access_log=None, shutdown_timeout=self.stop_grace,
                                         keepalive_timeout=self.header_seconds)
            await self._runner.setup()
            site = web.TCPSite(self._runner, self.host, self.port)
            await site.start()
            self.bound_port = _port_of(self._runner)
            log.info("Slack HTTP mode: listening on %s:%s%s", self.host, self.bound_port, EVENTS_PATH)
        if self.socket:
            self._start_socket_mode(opened)

    async def _check_tokens(self) -> str | None:
        """auth.test with the bot token (one workspace; an OAuth install's tokens are checked as they are
        used) and, for Socket Mode, apps.connections.open with the app-level token; its WebSocket URL."""
        api = self.config.api_url or AsyncWebClient.BASE_URL
        calls: dict[str, Awaitable[AsyncSlackResponse]] = {}
        if self.config.bot_token and not self.config.oauth:
            calls["SLACK_BOT_TOKEN"] = _probe(api, self.config.bot_token).auth_test()
        if self.socket:
            calls["SLACK_APP_TOKEN"] = _probe(api).apps_connections_open(app_token=self.config.app_token or "")
        answers = await asyncio.gather(*calls.values(), return_exceptions=True)
        problems, code = [], 1
        for variable, answer in zip(calls, answers, strict=True):
            if isinstance(answer, SlackApiError):
                problems.append(f"coach slack: Slack refused {variable} ({error_code(answer)}): {FIX[variable]}")
                code = 2
            elif isinstance(answer, (aiohttp.ClientError, OSError, TimeoutError)):
                problems.append(f"coach slack: cannot reach Slack at {api}: {type(answer).__name__} — check the "
                                "network and SLACK_API_URL (`coach doctor` tells more)")
            elif isinstance(answer, BaseException):
                raise answer
        if problems:
            raise SlackUnavailable("\n".join(dict.fromkeys(problems)), code)
        opened = dict(zip(calls, answers, strict=True)).get("SLACK_APP_TOKEN")
        return str(opened.get("url")) if isinstance(opened, AsyncSlackResponse) else None

    def _start_socket_mode(self, url: str | None) -> None:
        """Connect to the WebSocket URL Slack gave in the background: the SDK retries on its own, and a
        signal stops it."""
        logger = logging.getLogger(SOCKET_LOG)
        if not any(isinstance(f, OneLine) for f in logger.filters):
            logger.addFilter(OneLine())
        self._socket = AsyncSocketModeHandler(self.bolt, self.config.app_token, logger=logger)
        self._socket.client.wss_uri = url
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
        app.router.add_get("/livez", livez)  # for a load balancer; /healthz and /metrics: the ops port only
        return app

    async def _events(self, request: web.Request) -> web.Response:
        """The signature is checked on the raw bytes before Bolt parses anything (see gate.py)."""
        try:
            async with asyncio.timeout(self.body_seconds):
                body = await request.read()
        except TimeoutError:
            self.refusals.refused(Refusal(408, "body not received in time"), request.remote)
            late = web.json_response({"error": "request timeout"}, status=408)
            late.force_close()
            await late.prepare(request)
            await late.write_eof()
            request.protocol.force_close()  # now: aiohttp would otherwise wait 10 s more for the rest of the body
            return late
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


def _probe(api: str, token: str | None = None) -> AsyncWebClient:
    """A client for a start-up check: one try (no SDK retries), so a failure is one line at once."""
    return AsyncWebClient(token=token, base_url=api, timeout=PROBE_SECONDS, retry_handlers=[])


def _port_of(runner: web.AppRunner) -> int | None:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return None
