"""`coach slack --socket` as a real process against the fake Slack on loopback: it stops on SIGTERM or
Ctrl-C at any point — while asking for a WebSocket URL, or while it cannot open the WebSocket — without a
traceback; an unreachable Slack at start-up is one line on stderr."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest

from tests.slack.slackfakes import FakeSlack
from tests.slack.test_slack_cli import ROOT, coach_env, free_port

APP_TOKEN = "xapp-1-A111-2222-abcdef"


async def start_socket_mode(tmp_path: Path, api_url: str) -> tuple[asyncio.subprocess.Process, Path]:
    env = coach_env(tmp_path, SLACK_BOT_TOKEN="xoxb-socket", SLACK_APP_TOKEN=APP_TOKEN, SLACK_API_URL=api_url,
                    COACH_DISPATCH="off")
    log_path = tmp_path / "coach.log"
    log = log_path.open("wb")
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "adapters.entrypoints.cli", "slack",
                                                   "--socket", cwd=ROOT, env=env, stderr=log)
    log.close()
    return process, log_path


async def wait_for_log(process: asyncio.subprocess.Process, log_path: Path, text: str, timeout: float = 60) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while text not in log_path.read_text(errors="replace"):
        if process.returncode is not None or loop.time() > deadline:
            raise AssertionError(f"never logged {text!r}: {log_path.read_text(errors='replace')[-2000:]}")
        await asyncio.sleep(0.05)


async def stopped_by(process: asyncio.subprocess.Process, signum: signal.Signals) -> int:
    process.send_signal(signum)
    try:
        return await asyncio.wait_for(process.wait(), 30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
async def test_socket_mode_stops_while_it_cannot_open_the_websocket(tmp_path: Path, fake_slack: FakeSlack,
                                                                    signum: signal.Signals) -> None:
    process, log_path = await start_socket_mode(tmp_path, fake_slack.api_url)  # the URL is no WebSocket
    await wait_for_log(process, log_path, "Failed to connect")
    assert await stopped_by(process, signum) == 0
    log = log_path.read_text(errors="replace")
    assert "Traceback" not in log and APP_TOKEN not in log
    failures = [line for line in log.splitlines() if "Failed to connect" in line]
    assert failures and all(" WARNING " in line for line in failures)


@pytest.mark.slow
async def test_socket_mode_stops_while_slack_has_not_answered_yet(tmp_path: Path, fake_slack: FakeSlack) -> None:
    fake_slack.hold.add("apps.connections.open")
    process, log_path = await start_socket_mode(tmp_path, fake_slack.api_url)
    await fake_slack.wait_for("apps.connections.open", timeout=60)
    assert await stopped_by(process, signal.SIGTERM) == 0
    assert "Traceback" not in log_path.read_text(errors="replace")


@pytest.mark.slow
async def test_an_unreachable_slack_is_one_line(tmp_path: Path) -> None:
    process, log_path = await start_socket_mode(tmp_path, f"http://127.0.0.1:{free_port()}/api/")
    assert await asyncio.wait_for(process.wait(), 60) == 1
    log = log_path.read_text()
    [line] = [line for line in log.splitlines() if "Slack" in line and "`token` will be unused" not in line]
    assert line.startswith("coach slack: cannot reach Slack at http://127.0.0.1:") and "coach doctor" in line
    assert "Traceback" not in log and len(log.splitlines()) <= 2  # Bolt's start-up note, then ours
