"""The Discord limits checker (tests/discord/limits.py) against requests just inside and just past each of
Discord's published limits, by the routes the bot uses: a DM, an edit, an interaction callback, a followup."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.discord.limits import problems

Request = tuple[str, str, Any]
SEND = ("POST", "/channels/1/messages")
EDIT = ("PATCH", "/webhooks/2/tok/messages/@original")
CALLBACK = ("POST", "/interactions/3/tok/callback")


def send(**message: Any) -> Request:
    return (*SEND, message)


def embed(**fields: Any) -> Request:
    return (*EDIT, {"embeds": [fields]})


def buttons(rows: int = 1, per_row: int = 1, label: str = "Go", custom_id: str = "coach:sent:1") -> Request:
    return send(components=[{"type": 1, "components": [{"type": 2, "style": 1, "label": label,
                                                        "custom_id": f"{custom_id}{r}{b}"[-100:] if rows * per_row > 1
                                                        else custom_id}
                                                       for b in range(per_row)]} for r in range(rows)])


def modal(title: str = "Review a draft", max_length: int = 4000) -> Request:
    row = {"type": 1, "components": [{"type": 4, "custom_id": "draft", "label": "Your draft", "style": 2,
                                      "max_length": max_length}]}
    return (*CALLBACK, {"type": 9, "data": {"custom_id": "m", "title": title, "components": [row]}})


def choices(count: int = 1, name: str = "Jane") -> Request:
    return (*CALLBACK, {"type": 8, "data": {"choices": [{"name": name, "value": name[:100]}] * count}})


def select(options: int) -> Request:
    return send(components=[{"type": 1, "components": [{"type": 3, "custom_id": "pick", "options": [
        {"label": f"o{i}", "value": str(i)} for i in range(options)]}]}])


# name: (the limit, a request with that many characters or items)
LIMITS: dict[str, tuple[int, Callable[[int], Request]]] = {
    "content": (2000, lambda n: send(content="c" * n)),
    "embeds": (10, lambda n: send(embeds=[{"description": "d"}] * n)),
    "title": (256, lambda n: embed(title="t" * n)),
    "description": (4096, lambda n: embed(description="d" * n)),
    "fields": (25, lambda n: embed(fields=[{"name": "n", "value": "v"}] * n)),
    "field name": (256, lambda n: embed(fields=[{"name": "n" * n, "value": "v"}])),
    "field value": (1024, lambda n: embed(fields=[{"name": "n", "value": "v" * n}])),
    "footer": (2048, lambda n: embed(footer={"text": "f" * n})),
    "author": (256, lambda n: embed(author={"name": "a" * n})),
    "6,000 across a message's embeds": (6000, lambda n: (*EDIT, {"embeds": [{"description": "d" * 3000},
                                                                           {"description": "d" * (n - 3000)}]})),
    "action rows": (5, lambda n: buttons(rows=n)),
    "buttons in a row": (5, lambda n: buttons(per_row=n)),
    "button label": (80, lambda n: buttons(label="l" * n)),
    "custom_id": (100, lambda n: buttons(custom_id="c" * n)),
    "select options": (25, select),
    "modal title": (45, lambda n: modal(title="t" * n)),
    "text input max_length": (4000, lambda n: modal(max_length=n)),
    "autocomplete results": (25, choices),
    "choice name": (100, lambda n: choices(name="n" * n)),
}


@pytest.mark.parametrize("name", LIMITS)
def test_each_limit_takes_its_maximum_and_refuses_one_more(name: str) -> None:
    limit, build = LIMITS[name]
    assert problems(*build(limit)) == []
    assert problems(*build(limit + 1))


def test_a_followup_and_a_dm_edit_are_checked_like_a_send() -> None:
    too_long = {"embeds": [{"title": "t" * 257}]}
    assert problems("POST", "/webhooks/2/tok", too_long) and problems("PATCH", "/channels/1/messages/9", too_long)
    assert problems("GET", "/channels/1/messages", None) == []


def test_the_registered_commands_are_checked() -> None:
    command = {"name": "coach", "description": "d", "options": [
        {"type": 3, "name": "stage", "description": "d", "choices": [{"name": "x", "value": "x"}] * 26}]}
    assert problems("PUT", "/applications/1/commands", [command]) == [
        "[0].options[0].choices: 26 choices; Discord allows 25"]
