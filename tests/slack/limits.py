"""What real Slack refuses: Block Kit, messages and views checked against Slack's published limits (STYLE 14).

The fake Web API (slackfakes.FakeSlack) runs `problems()` on every call the bot makes, and on every message
the member is shown through a response_url or a slash command's ack; a payload past one limit is refused as
Slack would refuse it, and the `fake_slack` fixture fails the test that produced it.

The numbers are Slack's own (docs.slack.dev: reference/block-kit/blocks, block-elements, composition-objects,
views; methods/chat.postMessage). Each check says where in the payload it failed and by how much.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

MESSAGE_BLOCKS = 50  # blocks in a message
VIEW_BLOCKS = 100  # blocks in a modal or the Home tab
MESSAGE_TEXT = 40_000  # a message's top-level text
TEXT = 3000  # any text object (a section's text, a context element)
FIELDS = 10  # a section's fields…
FIELD_TEXT = 2000  # …of up to this many characters each
HEADER = 150
BUTTON_TEXT = 75
ACTION_ID = 255
BLOCK_ID = 255
BUTTON_VALUE = 2000
URL = 3000
INPUT_MAX_LENGTH = 3000  # a plain-text input's max_length (and min_length)
LABEL = 2000  # an input block's label and hint
PLACEHOLDER = 150
ALT_TEXT = 2000
MODAL_TITLE = 24  # a modal's title, submit and close
PRIVATE_METADATA = 3000
CALLBACK_ID = 255
OPTIONS = 100  # options of a select menu
OPTION_TEXT = 75
OPTION_VALUE = 150
ACTIONS_ELEMENTS = 25
CONTEXT_ELEMENTS = 10
FILE_ALT_TEXT = 1000  # files.getUploadURLExternal's alt_txt

MESSAGE_METHODS = frozenset({"chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage"})
VIEW_METHODS = frozenset({"views.open", "views.push", "views.update", "views.publish"})
BLOCK_TYPES = frozenset({"section", "header", "divider", "context", "actions", "image", "input", "file",
                         "rich_text", "video", "markdown"})
SELECTS = frozenset({"static_select", "multi_static_select", "external_select", "multi_external_select",
                     "users_select", "multi_users_select", "conversations_select", "multi_conversations_select",
                     "channels_select", "multi_channels_select"})


def problems(method: str, args: Mapping[str, Any]) -> list[str]:
    """Everything Slack would refuse in one Web API call (empty: it would accept it)."""
    if method in MESSAGE_METHODS:
        return message_problems(args)
    if method in VIEW_METHODS:
        view = _decoded(args.get("view"))
        if not isinstance(view, Mapping):
            return ["view: missing or not an object"]
        return view_problems(view)
    if method == "files.getUploadURLExternal":
        return _length(args.get("alt_txt"), FILE_ALT_TEXT, "alt_txt")
    return []


def message_problems(message: Mapping[str, Any]) -> list[str]:
    """A message: chat.postMessage/update/postEphemeral, a response_url post, a slash command's ack body."""
    found: list[str] = []
    text = message.get("text")
    blocks = _decoded(message.get("blocks"))
    if not text and not blocks and not message.get("attachments") and not message.get("delete_original"):
        found.append("message: no text and no blocks")
    found += _length(text, MESSAGE_TEXT, "text")
    if blocks is not None:
        found += _blocks(blocks, MESSAGE_BLOCKS, "blocks")
    return found


def view_problems(view: Mapping[str, Any]) -> list[str]:
    """A modal or Home tab view."""
    found: list[str] = []
    kind = view.get("type")
    if kind not in ("modal", "home"):
        found.append(f"view.type: {kind!r} is neither modal nor home")
    found += _blocks(view.get("blocks"), VIEW_BLOCKS, "view.blocks")
    found += _length(view.get("private_metadata"), PRIVATE_METADATA, "view.private_metadata")
    found += _length(view.get("callback_id"), CALLBACK_ID, "view.callback_id")
    found += _length(view.get("external_id"), CALLBACK_ID, "view.external_id")
    if kind == "modal":
        if view.get("title") is None:
            found.append("view.title: a modal needs a title")
        for key in ("title", "submit", "close"):
            if view.get(key) is not None:
                found += _text_object(view[key], MODAL_TITLE, f"view.{key}", plain=True)
        has_input = any(isinstance(b, Mapping) and b.get("type") == "input" for b in view.get("blocks") or [])
        if has_input and view.get("submit") is None:
            found.append("view.submit: a modal with input blocks needs a submit button")
    return found


# --- blocks ------------------------------------------------------------------------------------------


def _blocks(blocks: Any, most: int, path: str) -> list[str]:
    if not isinstance(blocks, list):
        return [f"{path}: not a list of blocks"]
    found = [f"{path}: {len(blocks)} blocks; Slack allows {most}"] if len(blocks) > most else []
    for index, block in enumerate(blocks):
        found += _block(block, f"{path}[{index}]")
    return found


def _block(block: Any, path: str) -> list[str]:
    if not isinstance(block, Mapping):
        return [f"{path}: not an object"]
    kind = block.get("type")
    found = _length(block.get("block_id"), BLOCK_ID, f"{path}.block_id")
    if kind not in BLOCK_TYPES:
        return [*found, f"{path}.type: unknown block type {kind!r}"]
    if kind == "section":
        if block.get("text") is None and not block.get("fields"):
            found.append(f"{path}: a section needs text or fields")
        if block.get("text") is not None:
            found += _text_object(block["text"], TEXT, f"{path}.text")
        fields = block.get("fields") or []
        if len(fields) > FIELDS:
            found.append(f"{path}.fields: {len(fields)} fields; Slack allows {FIELDS}")
        for index, item in enumerate(fields):
            found += _text_object(item, FIELD_TEXT, f"{path}.fields[{index}]")
        if block.get("accessory") is not None:
            found += _element(block["accessory"], f"{path}.accessory")
    elif kind == "header":
        found += _text_object(block.get("text"), HEADER, f"{path}.text", plain=True)
    elif kind == "context":
        elements = block.get("elements") or []
        if not 1 <= len(elements) <= CONTEXT_ELEMENTS:
            found.append(f"{path}.elements: {len(elements)} elements; Slack allows 1 to {CONTEXT_ELEMENTS}")
        for index, element in enumerate(elements):
            where = f"{path}.elements[{index}]"
            if isinstance(element, Mapping) and element.get("type") == "image":
                found += _length(element.get("alt_text"), ALT_TEXT, f"{where}.alt_text")
            else:
                found += _text_object(element, TEXT, where)
    elif kind == "actions":
        elements = block.get("elements") or []
        if not 1 <= len(elements) <= ACTIONS_ELEMENTS:
            found.append(f"{path}.elements: {len(elements)} elements; Slack allows 1 to {ACTIONS_ELEMENTS}")
        for index, element in enumerate(elements):
            found += _element(element, f"{path}.elements[{index}]")
    elif kind == "image":
        found += _length(block.get("alt_text"), ALT_TEXT, f"{path}.alt_text", minimum=1)
        found += _length(block.get("image_url"), URL, f"{path}.image_url")
        if block.get("title") is not None:
            found += _text_object(block["title"], ALT_TEXT, f"{path}.title", plain=True)
    elif kind == "input":
        found += _text_object(block.get("label"), LABEL, f"{path}.label", plain=True)
        if block.get("hint") is not None:
            found += _text_object(block["hint"], LABEL, f"{path}.hint", plain=True)
        found += _element(block.get("element"), f"{path}.element")
    return found


def _element(element: Any, path: str) -> list[str]:
    if not isinstance(element, Mapping):
        return [f"{path}: not an object"]
    kind = element.get("type")
    found = _length(element.get("action_id"), ACTION_ID, f"{path}.action_id")
    if element.get("placeholder") is not None:
        found += _text_object(element["placeholder"], PLACEHOLDER, f"{path}.placeholder", plain=True)
    if kind == "button":
        found += _text_object(element.get("text"), BUTTON_TEXT, f"{path}.text", plain=True)
        found += _length(element.get("value"), BUTTON_VALUE, f"{path}.value")
        found += _length(element.get("url"), URL, f"{path}.url")
        if element.get("style") not in (None, "primary", "danger"):
            found.append(f"{path}.style: {element.get('style')!r} is not primary or danger")
    elif kind == "plain_text_input":
        most = element.get("max_length")
        if most is not None and not 1 <= most <= INPUT_MAX_LENGTH:
            found.append(f"{path}.max_length: {most}; Slack allows 1 to {INPUT_MAX_LENGTH}")
        least = element.get("min_length")
        if least is not None and not 0 <= least <= INPUT_MAX_LENGTH:
            found.append(f"{path}.min_length: {least}; Slack allows 0 to {INPUT_MAX_LENGTH}")
        initial = element.get("initial_value")
        if isinstance(initial, str) and len(initial) > (most or INPUT_MAX_LENGTH):
            found.append(f"{path}.initial_value: {len(initial)} characters, past its max_length {most}")
    elif kind in SELECTS:
        options = element.get("options") or []
        if len(options) > OPTIONS:
            found.append(f"{path}.options: {len(options)} options; Slack allows {OPTIONS}")
        for index, option in enumerate(options):
            where = f"{path}.options[{index}]"
            if not isinstance(option, Mapping):
                found.append(f"{where}: not an object")
                continue
            found += _text_object(option.get("text"), OPTION_TEXT, f"{where}.text")
            found += _length(option.get("value"), OPTION_VALUE, f"{where}.value")
    elif kind is None:
        found.append(f"{path}.type: missing")
    return found


def _text_object(text: Any, most: int, path: str, *, plain: bool = False) -> list[str]:
    """A composition text object: plain_text (or mrkdwn where allowed) with 1 to `most` characters."""
    if not isinstance(text, Mapping):
        return [f"{path}: not a text object"]
    kind = text.get("type")
    if kind not in (("plain_text",) if plain else ("plain_text", "mrkdwn")):
        return [f"{path}.type: {kind!r} is not allowed here"]
    return _length(text.get("text"), most, f"{path}.text", minimum=1)


def _length(value: Any, most: int, path: str, *, minimum: int = 0) -> list[str]:
    if value is None:
        return [f"{path}: missing"] if minimum else []
    if not isinstance(value, str):
        return [f"{path}: not a string"]
    if len(value) > most:
        return [f"{path}: {len(value):,} characters; Slack allows {most:,}"]
    if len(value) < minimum:
        return [f"{path}: empty; Slack needs at least {minimum} character"]
    return []


def _decoded(value: Any) -> Any:
    """slack_sdk sends `blocks` and `view` JSON-encoded in a form; the fake may hand them over as text."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
