"""`coach slack`: one clear line for a missing variable, and the whole ladder through a real process:
/met over signed HTTP, the nudge DM'd by the in-process dispatcher, a click that updates it."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import create_engine, select, update

from bot.models import Event, Member, Nudge, NudgeState
from bot.replies import Verb, format_action_id
from tests.slack.slackfakes import SECRET, FakeSlack, SlackSender, button_click

ROOT = Path(__file__).resolve().parents[2]


def coach_env(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "COACH_", "DATABASE_"))}
    return env | {"DATABASE_URL": f"sqlite:///{tmp_path}/coach.db", "PYTHONUNBUFFERED": "1"} | values


async def run_coach(env: dict[str, str], *args: str, timeout: float = 30) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "adapters.entrypoints.cli", "slack", *args,
                                                   cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)
    _out, err = await asyncio.wait_for(process.communicate(), timeout)
    return process.returncode or 0, err.decode()


@pytest.mark.parametrize(("args", "given", "missing"), [
    (("--port", "0"), {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
    (("--socket",), {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
    (("--port", "0"), {"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
])
async def test_a_missing_variable_is_one_clear_line(tmp_path: Path, args: tuple[str, ...], given: dict[str, str],
                                                    missing: str) -> None:
    code, err = await run_coach(coach_env(tmp_path, **given), *args)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1, err
    assert lines[0].startswith(f"coach slack: {missing} is not set") and "api.slack.com/apps" in lines[0]
    assert "Traceback" not in err


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
async def test_coach_slack_port_serves_the_ladder_end_to_end(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = free_port()
    env = coach_env(tmp_path, SLACK_BOT_TOKEN="xoxb-e2e", SLACK_SIGNING_SECRET=SECRET,
                    SLACK_API_URL=fake_slack.api_url, COACH_TICK_SECONDS="1")
    log = (tmp_path / "coach.log").open("wb")  # a file, not a pipe nobody drains
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "adapters.entrypoints.cli", "slack", "--port",
                                                   str(port), "--host", "127.0.0.1", cwd=ROOT, env=env, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            await wait_until_up(http, f"{base}/livez", process, tmp_path / "coach.log")
            send = SlackSender(http, f"{base}/slack/events", fake_slack)
            status, _ = await send.command("/met", "Jane Doe at PyCon -- onboarding metrics")
            assert status == 200
            [answer] = await fake_slack.wait_responses(timeout=10)
            assert answer["response_type"] == "ephemeral" and "Noted: you met Jane Doe" in answer["text"]

            engine = create_engine(f"sqlite:///{tmp_path}/coach.db")
            with engine.begin() as connection:  # any hour, any day, and due a minute ago
                connection.execute(update(Member).values(work_start_hour=0, work_end_hour=24, work_days="0123456"))
                connection.execute(update(Nudge).where(Nudge.state == NudgeState.PENDING.value)
                                   .values(due_at=datetime.now(UTC) - timedelta(minutes=1)))
            [post] = await fake_slack.wait_for("chat.postMessage", timeout=15)
            assert post.token == "xoxb-e2e" and post.args["channel"] == "U1"  # Slack posts it into the DM
            assert post.args["metadata"]["event_type"] == "coach_nudge"
            message = fake_slack.messages["DU1"][0]
            nudge_id = int(message["metadata"]["event_payload"]["nudge_ids"])

            for _ in range(100):  # the dispatcher records the delivery just after Slack accepts the post
                with engine.connect() as connection:
                    if connection.scalar(select(Nudge.state).where(Nudge.id == nudge_id)) == NudgeState.SENT.value:
                        break
                await asyncio.sleep(0.05)
            click = button_click(format_action_id(Verb.SENT, nudge_id), message, channel="DU1")
            assert (await send.interaction(click))[0] == 200
            [updated] = await fake_slack.wait_for("chat.update", timeout=10)
            assert "first message to Jane Doe is sent" in json.dumps(updated.args["blocks"])
            with engine.connect() as connection:
                kinds = list(connection.scalars(select(Event.kind).order_by(Event.id)))
            assert kinds == ["met", "nudged", "sent"]
            engine.dispose()
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 15)
        log.close()
    started = (tmp_path / "coach.log").read_text()
    assert "will be unused" not in started  # Bolt's note about the client the coach hands it on purpose


async def wait_until_up(http: aiohttp.ClientSession, url: str, process: asyncio.subprocess.Process,
                        log: Path) -> None:
    for _ in range(200):
        if process.returncode is not None:
            raise AssertionError(f"coach slack exited: {log.read_text()[-2000:]}")
        try:
            async with http.get(url) as response:
                if response.status in (200, 503):
                    return
        except aiohttp.ClientConnectionError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("coach slack never answered /livez")


async def test_http_mode_with_a_token_slack_refuses_exits_with_one_line(tmp_path: Path,
                                                                        fake_slack: FakeSlack) -> None:
    """auth.test before the port opens: no "listening", one line naming the token, exit 2."""
    fake_slack.fail("auth.test", error="invalid_auth")
    env = coach_env(tmp_path, SLACK_BOT_TOKEN="xoxb-1111-revoked", SLACK_SIGNING_SECRET=SECRET,
                    SLACK_API_URL=fake_slack.api_url)
    code, err = await run_coach(env, "--port", str(free_port()), "--host", "127.0.0.1")
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1, err
    assert lines[0].startswith("coach slack: Slack refused SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth")
    assert "listening" not in err and "Traceback" not in err and "xoxb-1111-revoked" not in err
    assert [call.method for call in fake_slack.calls] == ["auth.test"]


async def test_socket_mode_reports_both_refused_tokens_at_once(tmp_path: Path, fake_slack: FakeSlack) -> None:
    fake_slack.fail("auth.test", error="invalid_auth")
    fake_slack.fail("apps.connections.open", error="invalid_auth")
    env = coach_env(tmp_path, SLACK_BOT_TOKEN="xoxb-1111-revoked", SLACK_APP_TOKEN="xapp-1-revoked",
                    SLACK_API_URL=fake_slack.api_url)
    code, err = await run_coach(env, "--socket")
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2, err
    assert "Slack refused SLACK_BOT_TOKEN" in lines[0] and "Slack refused SLACK_APP_TOKEN" in lines[1]


async def test_malformed_tokens_are_refused_before_the_network_all_at_once(tmp_path: Path,
                                                                           fake_slack: FakeSlack) -> None:
    env = coach_env(tmp_path, SLACK_BOT_TOKEN="hello", SLACK_APP_TOKEN="abc", SLACK_API_URL=fake_slack.api_url)
    code, err = await run_coach(env, "--socket")
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2, err
    assert lines[0].startswith("coach slack: SLACK_BOT_TOKEN is invalid (a bot token starts with xoxb-")
    assert lines[1].startswith("coach slack: SLACK_APP_TOKEN is invalid (an app-level token starts with xapp-")
    assert fake_slack.calls == [] and "hello" not in err
