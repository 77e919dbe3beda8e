"""What real Discord refuses: every request the bot makes, checked against Discord's published limits
(STYLE 14) — messages and their edits, interaction responses and followups, modals, autocomplete results,
and the command tree it registers.

SimCord already refuses much of this at its edge (a refusal the bot swallows may only be logged); the
`env` fixture (conftest.py) runs `problems()` over every request SimCord recorded and fails the test that
made one Discord would refuse, whatever the bot did with the answer. The numbers are Discord's own
(discord.com/developers/docs: resources/message#embed-object-embed-limits, components/reference,
interactions/receiving-and-responding, interactions/application-commands).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

CONTENT = 2000
EMBEDS = 10
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBEDS_TOTAL = 6000  # title, description, field names and values, footer and author, over all of a message's embeds
ROWS = 5  # action rows in a message
ROW_BUTTONS = 5
LABEL = 80  # a button's label
CUSTOM_ID = 100
URL = 512
SELECT_OPTIONS = 25
OPTION_TEXT = 100  # a select option's label, value and description
SELECT_PLACEHOLDER = 150
MODAL_TITLE = 45
MODAL_ROWS = 5
INPUT_LABEL = 45
INPUT_PLACEHOLDER = 100
INPUT_LENGTH = 4000  # a text input's max_length (and min_length, and its value)
CHOICES = 25  # choices of an option, and results of an autocomplete
CHOICE_NAME = 100
CHOICE_VALUE = 100
COMMAND_NAME = 32
COMMAND_DESCRIPTION = 100
COMMAND_OPTIONS = 25

# callback types (interactions/receiving-and-responding#interaction-response-object-interaction-callback-type)
MESSAGE_CALLBACKS = {4, 7}  # a message, or an update of the clicked one
AUTOCOMPLETE_RESULT = 8
MODAL = 9

_MESSAGE = re.compile(r"^/channels/\d+/messages(/\d+)?$")
_CALLBACK = re.compile(r"^/interactions/\d+/[^/]+/callback$")
_WEBHOOK = re.compile(r"^/webhooks/\d+/[^/]+(/messages/(@original|\d+))?$")
_COMMANDS = re.compile(r"^/applications/\d+(/guilds/\d+)?/commands$")


def problems(method: str, path: str, body: Any) -> list[str]:
    """Everything Discord would refuse in one request (empty: it would accept it)."""
    if not isinstance(body, Mapping) and not (method == "PUT" and isinstance(body, list)):
        return []
    if method in ("POST", "PATCH") and (_MESSAGE.match(path) or _WEBHOOK.match(path)):
        return message_problems(body)
    if method == "POST" and _CALLBACK.match(path):
        return callback_problems(body)
    if method == "PUT" and _COMMANDS.match(path) and isinstance(body, list):
        return [problem for index, command in enumerate(body) for problem in command_problems(command, f"[{index}]")]
    return []


def callback_problems(body: Mapping[str, Any]) -> list[str]:
    """An interaction response: a message, a modal, or autocomplete results."""
    kind, data = body.get("type"), body.get("data") or {}
    if kind in MESSAGE_CALLBACKS:
        return message_problems(data, "data")
    if kind == MODAL:
        return modal_problems(data, "data")
    if kind == AUTOCOMPLETE_RESULT:
        return choice_problems(data.get("choices") or [], "data.choices")
    return []


def message_problems(message: Mapping[str, Any], path: str = "message") -> list[str]:
    """A message sent or edited: its content, embeds and components."""
    found = _length(message.get("content"), CONTENT, f"{path}.content")
    embeds = message.get("embeds")
    if embeds is not None:
        found += embed_problems(embeds, f"{path}.embeds")
    components = message.get("components")
    if components is not None:
        found += component_problems(components, f"{path}.components")
    return found


def embed_problems(embeds: list[Any], path: str = "embeds") -> list[str]:
    found = [f"{path}: {len(embeds)} embeds; Discord allows {EMBEDS}"] if len(embeds) > EMBEDS else []
    total = 0
    for index, embed in enumerate(embeds):
        where = f"{path}[{index}]"
        texts = [("title", embed.get("title"), TITLE), ("description", embed.get("description"), DESCRIPTION),
                 ("footer.text", (embed.get("footer") or {}).get("text"), FOOTER),
                 ("author.name", (embed.get("author") or {}).get("name"), AUTHOR)]
        fields = embed.get("fields") or []
        if len(fields) > FIELDS:
            found.append(f"{where}.fields: {len(fields)} fields; Discord allows {FIELDS}")
        for number, field in enumerate(fields):
            texts += [(f"fields[{number}].name", field.get("name"), FIELD_NAME),
                      (f"fields[{number}].value", field.get("value"), FIELD_VALUE)]
        for name, text, most in texts:
            found += _length(text, most, f"{where}.{name}")
            total += len(text) if isinstance(text, str) else 0
    if total > EMBEDS_TOTAL:
        found.append(f"{path}: {total:,} characters in all; Discord allows {EMBEDS_TOTAL:,} across a message's embeds")
    return found


def component_problems(rows: list[Any], path: str = "components") -> list[str]:
    found = [f"{path}: {len(rows)} action rows; Discord allows {ROWS}"] if len(rows) > ROWS else []
    for index, row in enumerate(rows):
        where = f"{path}[{index}]"
        children = row.get("components") or []
        selects = [child for child in children if child.get("type") in (3, 5, 6, 7, 8)]
        if not 1 <= len(children) <= ROW_BUTTONS or (selects and len(children) != 1):
            found.append(f"{where}: {len(children)} components; a row holds 1 to {ROW_BUTTONS} buttons or one menu")
        for number, child in enumerate(children):
            found += _component(child, f"{where}.components[{number}]")
    return found


def _component(component: Mapping[str, Any], path: str) -> list[str]:
    found = _length(component.get("custom_id"), CUSTOM_ID, f"{path}.custom_id")
    if component.get("type") == 2:  # a button
        found += _length(component.get("label"), LABEL, f"{path}.label")
        found += _length(component.get("url"), URL, f"{path}.url")
        if component.get("style") != 5 and not component.get("custom_id"):
            found.append(f"{path}.custom_id: a button that is not a link needs one")
    elif component.get("type") == 3:  # a string select
        found += _length(component.get("placeholder"), SELECT_PLACEHOLDER, f"{path}.placeholder")
        options = component.get("options") or []
        if not 1 <= len(options) <= SELECT_OPTIONS:
            found.append(f"{path}.options: {len(options)} options; Discord allows 1 to {SELECT_OPTIONS}")
        for number, option in enumerate(options):
            for key in ("label", "value", "description"):
                found += _length(option.get(key), OPTION_TEXT, f"{path}.options[{number}].{key}",
                                 minimum=1 if key != "description" else 0)
    return found


def modal_problems(modal: Mapping[str, Any], path: str = "modal") -> list[str]:
    found = _length(modal.get("title"), MODAL_TITLE, f"{path}.title", minimum=1)
    found += _length(modal.get("custom_id"), CUSTOM_ID, f"{path}.custom_id", minimum=1)
    rows = modal.get("components") or []
    if not 1 <= len(rows) <= MODAL_ROWS:
        found.append(f"{path}.components: {len(rows)}; Discord allows 1 to {MODAL_ROWS}")
    for index, row in enumerate(rows):
        for number, control in enumerate(_controls(row)):
            where = f"{path}.components[{index}].components[{number}]"
            found += _length(control.get("custom_id"), CUSTOM_ID, f"{where}.custom_id", minimum=1)
            if control.get("type") != 4:  # a text input
                continue
            found += _length(control.get("label"), INPUT_LABEL, f"{where}.label")
            found += _length(control.get("placeholder"), INPUT_PLACEHOLDER, f"{where}.placeholder")
            found += _length(control.get("value"), INPUT_LENGTH, f"{where}.value")
            for key, least in (("max_length", 1), ("min_length", 0)):
                value = control.get(key)
                if value is not None and not least <= value <= INPUT_LENGTH:
                    found.append(f"{where}.{key}: {value}; Discord allows {least} to {INPUT_LENGTH}")
    return found


def _controls(row: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """A modal row's controls: an action row's components, or a label's one component."""
    if row.get("type") == 18:  # a label wraps one control
        return [row["component"]] if isinstance(row.get("component"), Mapping) else []
    return row.get("components") or []


def choice_problems(choices: list[Any], path: str = "choices") -> list[str]:
    found = [f"{path}: {len(choices)} choices; Discord allows {CHOICES}"] if len(choices) > CHOICES else []
    for index, choice in enumerate(choices):
        found += _length(choice.get("name"), CHOICE_NAME, f"{path}[{index}].name", minimum=1)
        value = choice.get("value")
        if isinstance(value, str):
            found += _length(value, CHOICE_VALUE, f"{path}[{index}].value")
    return found


def command_problems(command: Mapping[str, Any], path: str) -> list[str]:
    """An application command (or one of its options, subcommands and groups, recursively)."""
    found = _length(command.get("name"), COMMAND_NAME, f"{path}.name", minimum=1)
    if command.get("type", 1) == 1 or "description" in command:
        found += _length(command.get("description"), COMMAND_DESCRIPTION, f"{path}.description")
    options = command.get("options") or []
    if len(options) > COMMAND_OPTIONS:
        found.append(f"{path}.options: {len(options)}; Discord allows {COMMAND_OPTIONS}")
    for index, option in enumerate(options):
        found += command_problems(option, f"{path}.options[{index}]")
    found += choice_problems(command.get("choices") or [], f"{path}.choices")
    return found


def _length(value: Any, most: int, path: str, *, minimum: int = 0) -> list[str]:
    if value is None:
        return [f"{path}: missing"] if minimum else []
    if not isinstance(value, str):
        return [f"{path}: not a string"]
    if len(value) > most:
        return [f"{path}: {len(value):,} characters; Discord allows {most:,}"]
    if len(value) < minimum:
        return [f"{path}: empty; Discord needs at least {minimum} character"]
    return []
