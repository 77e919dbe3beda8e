"""Model drafts in Slack: the real Bolt app over signed HTTP, the fake Web API, and a fake OpenAI-compatible
endpoint on loopback. A model takes seconds and Slack wants its ack in three: the command is answered at
once, and the draft — the model's, or the coach's own when the model is slow or fails — follows through the
response_url; a nudge's *Draft it for me* is acknowledged first and posts the draft under the nudge."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.replies import Verb, format_action_id
from tests.llm_fake import GOOD_DRAFT, MODEL, FakeLLM
from tests.slack.conftest import SlackRig, start_rig
from tests.slack.slackfakes import FakeSlack, button_click

NOTES = "promised to send her the onboarding checklist; seemed stressed about her team"
GOOD = GOOD_DRAFT + "\n\nBest"
LLM_ANSWER = GOOD  # what the shared `llm` fixture answers


@pytest.fixture
async def model_rig(tmp_path: Path, fake_slack: FakeSlack, llm: FakeLLM) -> AsyncIterator[SlackRig]:
    rig, http = await start_rig(tmp_path, fake_slack, llm_url=llm.url, llm_model=MODEL, llm_workspaces="T1",
                                llm_timeout=1.5)
    yield rig
    llm.delay = 0
    await http.close()
    await rig.service.stop()
    rig.runtime.engine.dispose()


async def opted_in(rig: SlackRig) -> None:
    await rig.send.command("/met", f"Jane Doe at PyCon -- {NOTES}", key="met")
    status, text = await rig.send.command("/coach", "settings model on", key="on")
    assert status == 200 and "Model drafts are on" in json.loads(text)["text"]
    await rig.fake.wait_responses(2)


async def test_the_command_is_answered_at_once_and_the_model_draft_follows(model_rig: SlackRig,
                                                                            llm: FakeLLM) -> None:
    await opted_in(model_rig)
    llm.delay = 0.8  # slower than the ack may be, inside the time limit
    started = time.monotonic()
    before = len(model_rig.fake.responses)
    status, text = await model_rig.send.command("/coach", "draft jane", key="draft")
    assert status == 200 and time.monotonic() - started < 0.8  # acknowledged before the model answered
    assert json.loads(text)["text"] == "Writing your draft for Jane Doe with your workspace's model: a few seconds…"
    [*_, answer] = await model_rig.fake.wait_responses(before + 2)
    assert GOOD in answer["text"] and f"written by {MODEL}" in answer["text"]
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is True
    assert "stressed" not in llm.chats[0].text()


async def test_a_slow_model_gives_way_to_the_coachs_own_draft(model_rig: SlackRig, llm: FakeLLM) -> None:
    await opted_in(model_rig)
    llm.delay = 10
    before = len(model_rig.fake.responses)
    started = time.monotonic()
    status, _ = await model_rig.send.command("/coach", "draft jane", key="slow")
    [*_, answer] = await model_rig.fake.wait_responses(before + 2, timeout=8)
    assert status == 200 and time.monotonic() - started < 6
    assert "Here's a draft for Jane Doe" in answer["text"] and GOOD not in answer["text"]
    assert "didn't answer within 1.5 seconds" in answer["text"]


async def test_draft_it_for_me_on_a_nudge_posts_the_model_draft_under_it(model_rig: SlackRig, llm: FakeLLM) -> None:
    await opted_in(model_rig)
    assert model_rig.runtime.dispatcher is not None
    for _day in range(3):
        model_rig.clock.advance(timedelta(days=1))
        if await model_rig.runtime.dispatcher.tick():
            break
    nudge = model_rig.fake.messages["DU1"][-1] | {"channel": "DU1"}
    nudge_id = int(nudge["metadata"]["event_payload"]["nudge_ids"])
    llm.delay = 0.5
    started = time.monotonic()
    status, _ = await model_rig.send.interaction(button_click(format_action_id(Verb.DRAFT, nudge_id), nudge,
                                                              channel="DU1"))
    assert status == 200 and time.monotonic() - started < 0.5  # the click is acknowledged first
    for _ in range(200):
        posted = [m for m in model_rig.fake.messages["DU1"] if m.get("thread_ts") == nudge["ts"]]
        if posted:
            break
        await asyncio.sleep(0.02)
    assert posted and GOOD in posted[-1]["text"] and f"written by {MODEL}" in posted[-1]["text"]


async def test_another_workspace_is_not_offered_the_model(model_rig: SlackRig, llm: FakeLLM) -> None:
    status, text = await model_rig.send.command("/coach", "settings model on", team="T2", user="U9", key="t2")
    assert status == 200 and "workspace admin hasn't switched model drafts on" in json.loads(text)["text"]
    await model_rig.send.command("/met", "Jane Doe at PyCon", team="T2", user="U9", key="met2")
    status, text = await model_rig.send.command("/coach", "draft jane", team="T2", user="U9", key="d2")
    assert "Here's a draft for Jane Doe" in json.loads(text)["text"] and llm.chats == []
