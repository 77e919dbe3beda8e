"""The far edge of Slack, faked on loopback: a Web API that records every call (port 0, STYLE 10), and a
client that sends Slack's own payloads to the app, signed the way Slack signs them."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import ClientSession, web

from tests.slack.limits import VIEW_METHODS, message_problems, problems, view_problems

SECRET = "test-signing-secret"
BOT_USER = "UBOT"


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str | None
    at: float = field(default_factory=time.perf_counter)  # when the fake received it (bench/ack.py's Home lag)


@dataclass
class Failure:
    status: int = 200
    error: str | None = None
    retry_after: str | None = None
    times: int = 1


@dataclass
class FakeSlack:
    """Answers like slack.com/api for the methods the coach uses; `fail()` injects errors."""

    teams_by_token: dict[str, str] = field(default_factory=dict)
    org_teams: dict[str, list[str]] = field(default_factory=dict)  # org-wide bot token → auth.teams.list
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)  # what the member was shown: see `shown`
    uploads: list[bytes] = field(default_factory=list)
    # files.getUploadURLExternal → POST the bytes → files.completeUploadExternal: each file by id, with its
    # filename, length, alt text, bytes, and the channel it was finally shared into.
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    hold: set[str] = field(default_factory=set)  # methods that never answer (until stop())
    drops: dict[str, int] = field(default_factory=dict)  # method → times it is done, then the connection drops
    refused: list[str] = field(default_factory=list)  # payloads real Slack would refuse: a test fails on any
    socket_url: str | None = None  # apps.connections.open's WebSocket URL; default: a path that is no socket
    port: int = 0
    _released: asyncio.Event | None = None
    _runner: web.AppRunner | None = None
    _changed: asyncio.Condition | None = None
    _ts: int = 0

    async def start(self) -> FakeSlack:
        self._changed = asyncio.Condition()
        self._released = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{key}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    def release(self) -> None:
        """Let every held method answer."""
        if self._released is not None:
            self._released.set()

    async def stop(self) -> None:
        self.release()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.root}/api/"

    def response_url(self, key: str = "r1") -> str:
        return f"{self.root}/respond/{key}"

    def fail(self, method: str, **failure: Any) -> None:
        self.failures.setdefault(method, []).append(Failure(**failure))

    def drop(self, method: str, times: int = 1) -> None:
        """The next `times` calls of `method` are carried out, then the connection drops before the answer
        (the client cannot tell whether Slack acted)."""
        self.drops[method] = self.drops.get(method, 0) + times

    def of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        await self._wait(lambda: len(self.of(method)) >= count, timeout, f"{count} × {method}")
        return self.of(method)

    async def wait_responses(self, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        await self._wait(lambda: len(self.responses) >= count, timeout, f"{count} response_url posts")
        return self.responses

    async def _wait(self, ready: Any, timeout: float, what: str) -> None:
        assert self._changed is not None
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(ready), timeout)
            except TimeoutError:
                got = [c.method for c in self.calls]
                raise AssertionError(f"fake Slack never received {what}; got {got}") from None

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    # --- handlers --------------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await _read_args(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else args.get("token")
        self.calls.append(Call(method, args, token))
        await self._notify()
        if method in self.hold and self._released is not None:
            await self._released.wait()
        pending = self.failures.get(method)
        if pending:
            failure = pending[0]
            failure.times -= 1
            if failure.times <= 0:
                pending.pop(0)
            headers = {"Retry-After": failure.retry_after} if failure.retry_after is not None else {}
            body = {"ok": False, "error": failure.error or "ratelimited"}
            return web.json_response(body, status=failure.status, headers=headers)
        refused = problems(method, args)
        if refused:  # as Slack answers a payload past its limits: the call fails, nothing is posted
            self.refused += [f"{method}: {problem}" for problem in refused]
            error = "invalid_arguments" if method in VIEW_METHODS else "invalid_blocks"
            return web.json_response({"ok": False, "error": error, "response_metadata":
                                      {"messages": [f"[ERROR] {problem}" for problem in refused]}}, status=200)
        answer = {"ok": True, **self._answer(method, args, token)}
        if self.drops.get(method):
            self.drops[method] -= 1
            if request.transport is not None:
                request.transport.abort()  # done, but the answer never arrives
            raise ConnectionResetError(f"fake Slack dropped the connection after {method}")
        return web.json_response(answer, status=200)

    def _answer(self, method: str, args: dict[str, Any], token: str | None) -> dict[str, Any]:
        if method == "auth.test":
            team = self.teams_by_token.get(token or "", "T1")
            return {"team_id": team, "user_id": BOT_USER, "bot_id": "BBOT", "user": "coach", "team": team}
        if method == "auth.teams.list":
            return {"teams": [{"id": team, "name": team} for team in self.org_teams.get(token or "", [])]}
        if method == "users.info":
            user = args.get("user", "")
            return {"user": self.users.get(user) or {"id": user, "name": user.lower(), "tz": "Europe/Berlin",
                                                     "profile": {"display_name": f"Name {user}"}}}
        if method == "conversations.open":
            return {"channel": {"id": "D" + str(args.get("users", "")).split(",")[0]}}
        if method == "chat.postMessage":
            self._ts += 1
            ts = f"1700000000.{self._ts:06d}"
            message = {"ts": ts, "text": args.get("text"), "blocks": args.get("blocks"),
                       "metadata": args.get("metadata"), "thread_ts": args.get("thread_ts")}
            channel = str(args.get("channel"))
            channel = "D" + channel if channel.startswith("U") else channel  # a user id: the app's DM with them
            self.messages.setdefault(channel, []).append(message)
            return {"channel": channel, "ts": ts, "message": message}
        if method == "conversations.history":
            keep_metadata = str(args.get("include_all_metadata")).lower() in ("true", "1")
            found = list(reversed(self.messages.get(str(args.get("channel")), [])))
            return {"messages": [m if keep_metadata else {k: v for k, v in m.items() if k != "metadata"}
                                 for m in found]}
        if method == "files.getUploadURLExternal":
            if not args.get("filename") or not str(args.get("length", "")).isdigit():
                return {"ok": False, "error": "invalid_arguments"}
            file_id = f"F{len(self.calls)}"
            self.files[file_id] = {"filename": args["filename"], "length": int(args["length"]),
                                   "alt_txt": args.get("alt_txt"), "data": None, "channel_id": None}
            return {"upload_url": f"{self.root}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            listed = args.get("files", [])
            listed = json.loads(listed) if isinstance(listed, str) else listed
            if any(self.files.get(f.get("id"), {}).get("data") is None for f in listed):
                return {"ok": False, "error": "file_not_found"}  # never uploaded
            for item in listed:
                self.files[item["id"]] |= {"channel_id": args.get("channel_id"), "title": item.get("title")}
            if args.get("channel_id"):  # shared into the channel: a message carrying the files, as Slack shows it
                self._ts += 1
                self.messages.setdefault(str(args["channel_id"]), []).append(
                    {"ts": f"1700000000.{self._ts:06d}", "text": "", "user": BOT_USER, "upload": True,
                     "files": [{"id": f["id"], "name": self.files[f["id"]]["filename"]} for f in listed]})
            return {"files": [{"id": f["id"], "title": f.get("title")} for f in listed]}
        if method == "oauth.v2.access":  # an install: the workspace in `teams_by_token` for the token it gets
            token = f"xoxb-installed-{args.get('code', '')}"
            team = self.teams_by_token.get(token, "TNEW")
            return {"access_token": token, "token_type": "bot", "scope": "chat:write,commands", "bot_user_id": BOT_USER,
                    "app_id": "A1", "team": {"id": team, "name": team}, "enterprise": None,
                    "is_enterprise_install": False, "authed_user": {"id": "UADMIN"}}
        if method == "apps.connections.open":
            return {"url": self.socket_url or f"ws://127.0.0.1:{self.port}/no-socket-here"}
        if method == "chat.update":
            return {"channel": args.get("channel"), "ts": args.get("ts")}
        return {}

    async def _respond(self, request: web.Request) -> web.Response:
        if not await self.shown(await request.json(), via="response_url"):
            return web.Response(status=400, text="invalid_blocks")
        return web.Response(text="ok")

    async def shown(self, message: dict[str, Any], via: str = "ack") -> bool:
        """A message the member sees: a post to a response_url, or a slash command's ack body (Slack
        shows both the same way). False, and nothing shown, when Slack would refuse it."""
        refused = message_problems(message)
        if refused:
            self.refused += [f"{via}: {problem}" for problem in refused]
            await self._notify()
            return False
        self.responses.append(message)
        await self._notify()
        return True

    async def _upload(self, request: web.Request) -> web.Response:
        data = await request.read()
        self.uploads.append(data)
        known = self.files.get(request.match_info["file_id"])
        if known is not None:
            if len(data) != known["length"]:
                return web.Response(status=400, text="length mismatch")
            known["data"] = data
        return web.Response(text="OK")


async def _read_args(request: web.Request) -> dict[str, Any]:
    args: dict[str, Any] = dict(request.query)  # slack_sdk sends `params` in the query string
    if request.method == "GET":
        return args
    if request.content_type == "application/json":
        return args | dict(await request.json())
    form = await request.post()
    for key, value in form.items():
        text = str(value)
        if text[:1] in ("[", "{"):
            try:
                args[key] = json.loads(text)
                continue
            except ValueError:
                pass
        args[key] = text
    return args


# --- what Slack sends to the app -------------------------------------------------------------------


def sign(body: str, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class SlackSender:
    """Posts to the app's /slack/events exactly as Slack would."""

    http: ClientSession
    url: str
    fake: FakeSlack
    secret: str = SECRET

    async def post(self, body: str, content_type: str, *, headers: dict[str, str] | None = None,
                   signed: bool = True, timestamp: int | None = None) -> tuple[int, str]:
        sent = {"Content-Type": content_type, **(sign(body, self.secret, timestamp) if signed else {}),
                **(headers or {})}
        async with self.http.post(self.url, data=body.encode(), headers=sent) as response:
            return response.status, await response.text()

    async def command(self, command: str, text: str, *, team: str = "T1", user: str = "U1",
                      key: str = "r1") -> tuple[int, str]:
        form = {"token": "legacy", "team_id": team, "team_domain": team.lower(), "channel_id": "C1",
                "channel_name": "general", "user_id": user, "user_name": user.lower(), "command": command,
                "text": text, "api_app_id": "A1", "response_url": self.fake.response_url(key),
                "trigger_id": f"trigger-{key}"}
        status, text = await self.post(urlencode(form), "application/x-www-form-urlencoded")
        if status == 200 and text.startswith("{"):
            await self.fake.shown(json.loads(text))
        return status, text

    async def interaction(self, payload: dict[str, Any], **kwargs: Any) -> tuple[int, str]:
        body = urlencode({"payload": json.dumps(payload)})
        status, text = await self.post(body, "application/x-www-form-urlencoded", **kwargs)
        if status == 200 and text.startswith("{"):  # an ack with a body: a modal's next view, or its errors
            answer = json.loads(text)
            if isinstance(answer.get("view"), dict):
                self.fake.refused += [f"ack: {problem}" for problem in view_problems(answer["view"])]
        return status, text

    async def event(self, event: dict[str, Any], *, team: str = "T1", event_id: str = "Ev1",
                    retry: int | None = None) -> tuple[int, str]:
        body = json.dumps({"token": "legacy", "team_id": team, "api_app_id": "A1", "type": "event_callback",
                           "event_id": event_id, "event_time": int(time.time()), "event": event,
                           "authorizations": [{"team_id": team, "user_id": BOT_USER, "is_bot": True}]})
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        return await self.post(body, "application/json", headers=headers)


def button_click(action_id: str, message: dict[str, Any], *, channel: str, team: str = "T1",
                 user: str = "U1", response_url: str = "") -> dict[str, Any]:
    return {
        "type": "block_actions", "team": {"id": team, "domain": team.lower()},
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": team},
        "api_app_id": "A1", "trigger_id": "trigger-click", "response_url": response_url,
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel, "is_ephemeral": False},
        "channel": {"id": channel, "name": "directmessage"},
        "message": {"type": "message", "ts": message["ts"], "text": message.get("text"), "user": BOT_USER,
                    "blocks": message.get("blocks") or []},
        "actions": [{"action_id": action_id, "block_id": "coach_actions", "type": "button",
                     "value": action_id.rsplit(":", 1)[-1], "action_ts": str(time.time())}],
    }
