"""The Slack limits checker (tests/slack/limits.py) against payloads just inside and just past each of Slack's
published limits, and the fake Web API refusing, as Slack does, what the checker finds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from tests.slack.limits import problems
from tests.slack.slackfakes import FakeSlack

Payload = tuple[str, dict[str, Any]]
DIVIDER = {"type": "divider"}


def text(value: str, kind: str = "plain_text") -> dict[str, str]:
    return {"type": kind, "text": value}


def post(*blocks: dict[str, Any], words: str = "fallback") -> Payload:
    return "chat.postMessage", {"channel": "D1", "text": words, "blocks": list(blocks)}


def button(label: str = "Go", action_id: str = "go", value: str = "1") -> dict[str, Any]:
    return {"type": "actions", "elements": [{"type": "button", "text": text(label), "action_id": action_id,
                                             "value": value}]}


def modal(blocks: list[dict[str, Any]] | None = None, **fields: Any) -> Payload:
    view = {"type": "modal", "title": text("Who did you meet?"), "submit": text("Save"), "close": text("Cancel"),
            "blocks": [DIVIDER] if blocks is None else blocks}
    view.update({key: text(value) if key in ("title", "submit", "close") else value for key, value in fields.items()})
    return "views.open", {"trigger_id": "t", "view": view}


def text_input(max_length: int) -> dict[str, Any]:
    return {"type": "input", "block_id": "notes", "label": text("Notes"),
            "element": {"type": "plain_text_input", "action_id": "notes", "multiline": True, "max_length": max_length}}


def select(options: int) -> dict[str, Any]:
    return {"type": "actions", "elements": [{"type": "static_select", "action_id": "pick", "placeholder": text("Pick"),
                                             "options": [{"text": text(f"o{i}"), "value": str(i)}
                                                         for i in range(options)]}]}


# name: (the limit, a payload with that many characters or items)
LIMITS: dict[str, tuple[int, Callable[[int], Payload]]] = {
    "blocks per message": (50, lambda n: post(*[DIVIDER] * n)),
    "blocks per modal": (100, lambda n: modal([DIVIDER] * n)),
    "blocks in App Home": (100, lambda n: ("views.publish", {"user_id": "U1", "view": {"type": "home",
                                                                                        "blocks": [DIVIDER] * n}})),
    "section text": (3000, lambda n: post({"type": "section", "text": text("x" * n, "mrkdwn")})),
    "section fields": (10, lambda n: post({"type": "section", "fields": [text("f", "mrkdwn")] * n})),
    "section field text": (2000, lambda n: post({"type": "section", "fields": [text("f" * n, "mrkdwn")]})),
    "header": (150, lambda n: post({"type": "header", "text": text("h" * n)})),
    "button text": (75, lambda n: post(button(label="b" * n))),
    "action_id": (255, lambda n: post(button(action_id="a" * n))),
    "block_id": (255, lambda n: post({"type": "divider", "block_id": "b" * n})),
    "button value": (2000, lambda n: post(button(value="v" * n))),
    "plain-text input max_length": (3000, lambda n: modal([text_input(n)])),
    "modal title": (24, lambda n: modal(title="t" * n)),
    "modal submit": (24, lambda n: modal(submit="s" * n)),
    "modal close": (24, lambda n: modal(close="c" * n)),
    "private_metadata": (3000, lambda n: modal(private_metadata="m" * n)),
    "select options": (100, lambda n: post(select(n))),
    "context elements": (10, lambda n: post({"type": "context", "elements": [text("c", "mrkdwn")] * n})),
    "context element text": (3000, lambda n: post({"type": "context", "elements": [text("c" * n, "mrkdwn")]})),
    "message text": (40_000, lambda n: ("chat.update", {"channel": "D1", "ts": "1.2", "text": "t" * n})),
}


@pytest.mark.parametrize("name", LIMITS)
def test_each_limit_takes_its_maximum_and_refuses_one_more(name: str) -> None:
    limit, build = LIMITS[name]
    assert problems(*build(limit)) == []
    past = problems(*build(limit + 1))
    assert past and all(str(limit) in p.replace(",", "") or "allows" in p for p in past), past


def test_a_response_url_post_and_an_ack_body_are_messages_too() -> None:
    from tests.slack.limits import message_problems

    assert message_problems({"text": "ok", "response_type": "ephemeral", "blocks": [DIVIDER] * 50}) == []
    assert message_problems({"text": "ok", "blocks": [DIVIDER] * 51}) == ["blocks: 51 blocks; Slack allows 50"]
    assert message_problems({"response_type": "ephemeral"}) == ["message: no text and no blocks"]


async def test_the_fake_refuses_what_slack_would_and_records_it(fake_slack: FakeSlack) -> None:
    client = AsyncWebClient(token="xoxb-t1", base_url=fake_slack.api_url)
    with pytest.raises(SlackApiError) as refused:
        await client.chat_postMessage(channel="D1", text="hi", blocks=[{"type": "header", "text": text("h" * 151)}])
    assert refused.value.response["error"] == "invalid_blocks"
    assert fake_slack.refused == ["chat.postMessage: blocks[0].text.text: 151 characters; Slack allows 150"]
    assert fake_slack.messages == {}  # nothing was posted
    fake_slack.refused.clear()  # expected here; any other refusal fails the test that caused it
