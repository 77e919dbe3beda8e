"""`coach doctor` against a fake Slack Web API and a fake Discord HTTP API on loopback: plain words for
what works and what doesn't, never a token, and an exit code a script can use."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from adapters.entrypoints import doctor_cli as doctor

BOT = "xoxb-1111-2222-abcdefghijkl"
APP = "xapp-1-A111-2222-abcdef"
SIGNING = "8f742231b10e8888abcd99yyyzzz85a5"
DISCORD = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789"
GOOD = {BOT, APP, DISCORD}
CALLS = web.AppKey("calls", list)


async def fake_apis(request: web.Request) -> web.Response:
    """Slack's auth.test / apps.connections.open and Discord's GET /users/@me, accepting GOOD tokens."""
    auth = request.headers.get("Authorization", "")
    token = auth.split(" ", 1)[-1]
    request.app[CALLS].append(request.path)
    if request.path.startswith("/discord/"):
        if token != DISCORD or not auth.startswith("Bot "):
            return web.json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        user = {"id": "1", "username": "coachbot", "discriminator": "0", "avatar": None}
        return web.Response(body=json.dumps(user).encode(), headers={"Content-Type": "application/json"})
    if token not in GOOD:
        return web.json_response({"ok": False, "error": "invalid_auth"})
    if request.path.endswith("apps.connections.open"):
        return web.json_response({"ok": True, "url": "wss://example.invalid/link"})
    return web.json_response({"ok": True, "user": "coach", "team": "Acme", "team_id": "T1"})


@pytest.fixture
async def server(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[TestServer]:
    app = web.Application()
    app[CALLS] = []
    app.router.add_route("*", "/{tail:.*}", fake_apis)
    async with TestServer(app, host="127.0.0.1", port=0) as test_server:
        import discord.http

        monkeypatch.setattr(discord.http.Route, "BASE", str(test_server.make_url("/discord/api/v10")))
        yield test_server


def run_doctor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str]) -> tuple[int, str]:
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID",
                 "SLACK_CLIENT_SECRET", "DISCORD_TOKEN", "DATABASE_URL", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()
    return doctor.main([], out=out), out.getvalue()


async def test_all_good(server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from bot.store import open_store

    url = f"sqlite:///{tmp_path}/coach.db"
    open_store(url)[0].dispose()
    env = {"DATABASE_URL": url, "SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "DISCORD_TOKEN": DISCORD,
           "SLACK_API_URL": str(server.make_url("/api/"))}
    code, text = await asyncio.to_thread(run_doctor, monkeypatch, tmp_path, env)
    assert code == 0, text
    assert "signed in as @coach in the workspace Acme" in text
    assert "Socket Mode can connect" in text
    assert "logged in as coachbot (no gateway connection made)" in text
    assert "schema is up to date" in text and "Everything checks out." in text
    assert f"the SQLite file {tmp_path}/coach.db is reachable" in text  # the path the README's backup step needs
    assert set(server.app[CALLS]) == {"/api/auth.test", "/api/apps.connections.open", "/discord/api/v10/users/@me"}


async def test_problems_in_plain_words(server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad_bot, bad_discord = "xoxb-9999-revoked-token", "MTAwMDAwMDAwMDAwMDAwMDAwMA.Gxxxxx.revokedrevokedrevokedrevoked00"
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/empty.db", "SLACK_BOT_TOKEN": bad_bot,
           "DISCORD_TOKEN": bad_discord, "SLACK_API_URL": str(server.make_url("/api/"))}
    code, text = await asyncio.to_thread(run_doctor, monkeypatch, tmp_path, env)
    assert code == 1
    assert "PROBLEM configuration: SLACK_SIGNING_SECRET is not set" in text
    assert "schema is at nothing" in text and "coach migrate" in text
    assert "Slack refused SLACK_BOT_TOKEN (invalid_auth)" in text
    assert "Discord refused DISCORD_TOKEN" in text
    assert "4 problems found." in text
    assert bad_bot not in text and bad_discord not in text


async def test_unreachable_database_and_slack(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env = {"DATABASE_URL": "postgresql://coach:hunter2@127.0.0.1:1/coach", "SLACK_BOT_TOKEN": BOT,
           "SLACK_SIGNING_SECRET": SIGNING, "SLACK_API_URL": "http://127.0.0.1:1/api/"}
    code, text = await asyncio.to_thread(run_doctor, monkeypatch, tmp_path, env)
    assert code == 1
    assert "cannot connect to postgresql://coach:***@127.0.0.1:1/coach" in text and "hunter2" not in text
    assert "cannot reach Slack at http://127.0.0.1:1/api/" in text
    assert "Discord: not configured" in text


def test_the_model_for_drafts_is_checked_without_sending_it_anything(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    """COACH_LLM_*: the endpoint's model list (GET /models), never a chat request; the key is never shown."""
    from bot.store import open_store
    from tests.llm_fake import MODEL, FakeLLM

    url = f"sqlite:///{tmp_path}/coach.db"
    open_store(url)[0].dispose()
    code, text = run_doctor(monkeypatch, tmp_path, {"DATABASE_URL": url})
    assert code == 0 and "-       model drafts: no model configured (COACH_LLM_URL)" in text
    with FakeLLM() as llm:
        env = {"DATABASE_URL": url, "COACH_LLM_URL": llm.url, "COACH_LLM_MODEL": MODEL,
               "COACH_LLM_API_KEY": "sk-secret-key", "COACH_LLM_WORKSPACES": "T1,local"}
        code, text = run_doctor(monkeypatch, tmp_path, env)
        assert code == 0, text
        assert f"ok      model drafts: {MODEL} at 127.0.0.1, for workspaces T1, local; time limit 8 s" in text
        llm.models = ["llama3.1:8b", "qwen2.5:7b"]
        code, text = run_doctor(monkeypatch, tmp_path, env)
        assert code == 1 and "has no model 'fake-model' (it lists llama3.1:8b, qwen2.5:7b)" in text
        llm.status = 401
        code, text = run_doctor(monkeypatch, tmp_path, env)
        assert code == 1 and "refused the API key" in text and "sk-secret-key" not in text
        assert llm.chats == [] and llm.requests[0].headers["authorization"] == "Bearer sk-secret-key"
    code, text = run_doctor(monkeypatch, tmp_path, env)  # the endpoint is gone
    assert code == 1 and "PROBLEM model drafts: 127.0.0.1 can't be reached" in text


@pytest.mark.parametrize(("url", "key", "exposed"), [
    ("http://127.0.0.1:11434/v1", "k", False), ("http://ollama:11434/v1", "k", False),
    ("http://10.0.0.5:8000/v1", "k", False), ("https://api.example.com/v1", "k", False),
    ("http://api.example.com/v1", None, False), ("http://api.example.com/v1", "k", True),
])
def test_doctor_names_an_api_key_that_would_cross_the_network_in_clear(url: str, key: str | None,
                                                                        exposed: bool) -> None:
    from adapters.llm import OpenAIChat

    assert OpenAIChat(url, "m", key).plain_text_key() is exposed
