"""Work in flight in the Slack adapter: the core runs on a worker thread while the event loop keeps
answering, a stop waits for what follows an ack (the nudge's chat.update), and a click is accepted only
from the nudge's own member in the nudge's own workspace."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from bot import queries
from bot.models import EventKind
from bot.replies import Verb, format_action_id
from tests.fakes import Blocker
from tests.slack.conftest import SlackRig
from tests.slack.slackfakes import button_click
from tests.slack.test_slack_http import count_events, deliver_nudge


async def test_a_command_runs_the_core_off_the_loop_which_keeps_answering(
        rig: SlackRig, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = Blocker(rig.runtime.coach.handle_text)
    monkeypatch.setattr(rig.runtime.coach, "handle_text", blocker)
    command = asyncio.create_task(rig.send.command("/met", "Jane Doe at PyCon"))
    assert await asyncio.to_thread(blocker.entered.wait, 60)
    async with rig.send.http.get(f"{rig.base}/livez") as live:  # the same loop serves while the core works
        assert live.status == 200
    assert not blocker.release.is_set() and not command.done()
    assert blocker.threads and blocker.threads[0] != threading.get_ident()
    blocker.release.set()
    status, text = await command
    assert status == 200 and "Noted: you met Jane Doe" in text


async def test_a_click_runs_the_core_off_the_loop(rig: SlackRig, monkeypatch: pytest.MonkeyPatch) -> None:
    message = await deliver_nudge(rig)
    blocker = Blocker(rig.runtime.coach.press)
    monkeypatch.setattr(rig.runtime.coach, "press", blocker)
    nudge_id = int(message["metadata"]["event_payload"]["nudge_ids"])
    click = asyncio.create_task(rig.send.interaction(button_click(format_action_id(Verb.SENT, nudge_id), message,
                                                                  channel="DU1")))
    assert await asyncio.to_thread(blocker.entered.wait, 60)
    async with rig.send.http.get(f"{rig.base}/livez") as live:
        assert live.status == 200
    assert blocker.threads[0] != threading.get_ident()
    blocker.release.set()
    assert (await click)[0] == 200
    await rig.fake.wait_for("chat.update")


async def test_stop_waits_for_what_follows_the_ack(rig: SlackRig) -> None:
    message = await deliver_nudge(rig)
    nudge_id = int(message["metadata"]["event_payload"]["nudge_ids"])
    rig.fake.hold.add("chat.update")
    click = button_click(format_action_id(Verb.SENT, nudge_id), message, channel="DU1")
    assert (await rig.send.interaction(click))[0] == 200  # acknowledged: recorded before the ack
    assert count_events(rig, EventKind.SENT) == 1
    await rig.fake.wait_for("chat.update")  # the follow-up is under way, and held by Slack
    stopping = asyncio.create_task(rig.service.stop())
    for _ in range(50):
        await asyncio.sleep(0)
    assert not stopping.done() and len(rig.service.handlers.inflight) == 1
    rig.fake.release()
    await asyncio.wait_for(stopping, 60)
    assert rig.service.handlers.inflight == set()


async def test_a_click_from_another_workspace_records_nothing(rig: SlackRig) -> None:
    """Same user id, another workspace (Enterprise Grid, or a forged team): not the nudge's member."""
    message = await deliver_nudge(rig)
    nudge_id = int(message["metadata"]["event_payload"]["nudge_ids"])
    before = count_events(rig)
    click = button_click(format_action_id(Verb.SENT, nudge_id), message, channel="DU1", team="T2",
                         response_url=rig.fake.response_url("elsewhere"))
    assert (await rig.send.interaction(click))[0] == 200
    answer = (await rig.fake.wait_responses(2))[-1]
    assert "no longer valid" in answer["text"] and answer["response_type"] == "ephemeral"
    assert count_events(rig) == before and rig.fake.of("chat.update") == []
    same = button_click(format_action_id(Verb.SENT, nudge_id), message, channel="DU1", team="T1")
    assert (await rig.send.interaction(same))[0] == 200  # the member's own click still works
    await rig.fake.wait_for("chat.update")
    assert count_events(rig, EventKind.SENT) == 1


class ThreadLog:
    """Wraps core calls to note whether each ran on the event loop's thread."""

    def __init__(self, loop_thread: int) -> None:
        self.loop_thread, self.calls = loop_thread, []  # type: list[tuple[str, bool]]

    def wrap(self, name: str, real: Any) -> Any:
        def call(*args: Any) -> Any:
            self.calls.append((name, threading.get_ident() == self.loop_thread))
            return real(*args)

        return call


async def test_every_entry_point_calls_the_core_from_a_worker_thread(rig: SlackRig,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    message = await deliver_nudge(rig)
    log = ThreadLog(threading.get_ident())
    for name in ("handle", "handle_text", "press"):
        monkeypatch.setattr(rig.runtime.coach, name, log.wrap(name, getattr(rig.runtime.coach, name)))
    monkeypatch.setattr(queries, "home", log.wrap("home", queries.home))
    receipts = rig.runtime.api._receipts
    monkeypatch.setattr(receipts, "first", log.wrap("receipt", receipts.first))

    await rig.send.command("/coach", "list", key="list")
    nudge_id = int(message["metadata"]["event_payload"]["nudge_ids"])
    await rig.send.interaction(button_click(format_action_id(Verb.SENT, nudge_id), message, channel="DU1"))
    values = {"name": {"name": {"type": "plain_text_input", "value": "Ada Lovelace"}}}
    await rig.send.interaction({"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1", "team_id": "T1"},
                                "view": {"id": "V1", "type": "modal", "callback_id": "coach_met",
                                         "state": {"values": values}}})
    await rig.send.interaction({"type": "message_action", "callback_id": "coach_review_message", "team": {"id": "T1"},
                                "user": {"id": "U1", "team_id": "T1"}, "channel": {"id": "C9"},
                                "message": {"type": "message", "ts": "1.2", "text": "hey, coffee sometime?"},
                                "trigger_id": "t", "response_url": rig.fake.response_url("sc")})
    await rig.send.event({"type": "message", "channel_type": "im", "channel": "DU1", "user": "U1", "ts": "1.3",
                          "text": "Hi Ada, could I send you our checklist?"}, event_id="EvT")
    await rig.send.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"}, event_id="EvH")
    await rig.fake.wait_for("views.publish")
    await rig.fake.wait_for("chat.postMessage", 3)  # the nudge, the form's answer, the DM'd draft's review
    await rig.fake.wait_responses(3)  # /met and /coach list (in their acks), the shortcut's review
    names = {name for name, _ in log.calls}
    assert names == {"handle", "handle_text", "press", "home", "receipt"}, log.calls
    assert [name for name, on_loop in log.calls if on_loop] == []
