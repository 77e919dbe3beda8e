"""A running Slack adapter (real Bolt app, real aiohttp server on loopback) against the fake Web API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters.bootstrap import build_runtime
from adapters.platforms import Config, load_config
from adapters.slack.service import SlackService, slack_service
from bot.clock import FakeClock
from scheduler.runtime import Runtime
from tests.conftest import START
from tests.slack.slackfakes import SECRET, FakeSlack, SlackSender


@dataclass
class SlackRig:
    fake: FakeSlack
    runtime: Runtime
    service: SlackService
    send: SlackSender
    clock: FakeClock

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.service.bound_port}"


def make_config(tmp_path: Path, fake: FakeSlack, **extra: Any) -> Config:
    values: dict[str, Any] = {"database_url": f"sqlite:///{tmp_path}/coach.db", "slack_bot_token": "xoxb-t1",
                              "slack_signing_secret": SECRET, "slack_api_url": fake.api_url, "tick_seconds": 1}
    return load_config(values | extra)


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = await FakeSlack().start()
    yield fake
    await fake.stop()
    assert not fake.refused, f"real Slack would refuse: {fake.refused}"


async def start_rig(tmp_path: Path, fake: FakeSlack, **settings: Any) -> tuple[SlackRig, aiohttp.ClientSession]:
    clock = FakeClock(START)
    config = make_config(tmp_path, fake, **settings)
    runtime = build_runtime(config.core, clock)
    service = slack_service(runtime, config.of("slack"), socket=False, port=0, host="127.0.0.1")
    runtime.add(service)
    await service.start()
    fake.calls.clear()  # start-up's token check (auth.test): tests assert on what their requests cause
    runtime.build_dispatcher()
    http = aiohttp.ClientSession()
    sender = SlackSender(http, f"http://127.0.0.1:{service.bound_port}/slack/events", fake)
    return SlackRig(fake, runtime, service, sender, clock), http


@pytest.fixture
async def rig(tmp_path: Path, fake_slack: FakeSlack) -> AsyncIterator[SlackRig]:
    rig, http = await start_rig(tmp_path, fake_slack)
    yield rig
    await http.close()
    await rig.service.stop()
    rig.runtime.engine.dispose()
