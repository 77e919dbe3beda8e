"""The "who did you meet" form: opened by a bare `/met` or an *Add details* button, read on submit."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.commands import AddDetails, Met, UsageError, Who, field_text, name_text, parse_interests, valid_user_id
from bot.limits import MAX_FIELD, MAX_NAME, MAX_TEXT

T = TypeVar("T")
MET_CALLBACK = "coach_met"
# Slack refuses a plain-text input whose max_length is past 3,000 (views.open answers invalid_arguments), so
# the form's fields stop there; /met typed as text still takes the core's longer MAX_TEXT for notes.
SLACK_INPUT_MAX = 3000
NAME, MEMBER, WHERE, NOTES, INTERESTS, OFFER = "name", "member", "where", "notes", "interests", "offer"


@dataclass(frozen=True)
class MetForm:
    """A valid submission: a new meeting, or more details about a contact just recorded."""

    who: Who
    where: str | None
    notes: str | None
    interests: tuple[str, ...]
    offer: str | None
    details_only: bool

    def command(self) -> Met | AddDetails:
        kind = AddDetails if self.details_only else Met
        return kind(who=self.who, where=self.where, notes=self.notes, interests=self.interests, offer=self.offer)


def met_modal(name: str | None = None, user_id: str | None = None) -> dict[str, Any]:
    """A blank form, or one for adding details to `name` (then the name is fixed)."""
    details = name is not None
    blocks = [
        _input(NAME, "Who did you meet?", "Jane Doe", MAX_NAME, initial=name),
        {"type": "input", "block_id": MEMBER, "optional": True,
         "label": {"type": "plain_text", "text": "Are they in this workspace?"},
         "element": {"type": "users_select", "action_id": MEMBER,
                     **({"initial_user": user_id} if user_id else {}),
                     "placeholder": {"type": "plain_text", "text": "Pick them, if so"}}},
        _input(WHERE, "Where did you meet?", "PyCon, the hallway track", MAX_FIELD, optional=True),
        _input(NOTES, "What did you talk about?", "onboarding metrics; her team is hiring", MAX_TEXT,
               optional=True, multiline=True),
        _input(INTERESTS, "Common interests", "Python, climbing (comma-separated)", MAX_FIELD, optional=True),
        _input(OFFER, "What can you offer them?", "an intro to our data team", MAX_FIELD, optional=True,
               hint="Knowing the value you bring before you write makes the first message easy."),
    ]
    return {
        "type": "modal",
        "callback_id": MET_CALLBACK,
        "private_metadata": json.dumps({"details": details}),
        "title": {"type": "plain_text", "text": "Add details" if details else "Who did you meet?"},
        "submit": {"type": "plain_text", "text": "Save"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def read_met(view: dict[str, Any]) -> tuple[MetForm | None, dict[str, str]]:
    """The form's values, or Slack's per-field errors (block id → message) to show in the modal. Every
    field goes through the grammar's own checks (bot.commands: the same ones Met runs when it is built),
    so the form refuses what /met does, and says which field is wrong."""
    values = view.get("state", {}).get("values", {})
    errors: dict[str, str] = {}

    def read(block: str, check: Callable[[], T]) -> T | None:
        try:
            return check()
        except UsageError as problem:
            errors[block] = problem.problem[:150]
            return None

    name = read(NAME, lambda: name_text(_text(values, NAME), "met")) if _text(values, NAME) else None
    member = read(MEMBER, lambda: _member(values))
    where = read(WHERE, lambda: field_text(_text(values, WHERE), MAX_FIELD, "met", "The place"))
    notes = read(NOTES, lambda: field_text(_text(values, NOTES), MAX_TEXT, "met", "Your notes"))
    offer = read(OFFER, lambda: field_text(_text(values, OFFER), MAX_FIELD, "met", "What you can offer"))
    interests = read(INTERESTS, lambda: parse_interests(_text(values, INTERESTS)))
    if errors or name is None:
        return None, errors or {NAME: "Tell me who you met."}
    try:
        details = bool(json.loads(view.get("private_metadata") or "{}").get("details"))
    except (ValueError, AttributeError):
        details = False
    form = MetForm(Who(name, member), where, notes, interests or (), offer, details)
    return form, {}


def _member(values: dict[str, Any]) -> str | None:
    selected = (values.get(MEMBER, {}).get(MEMBER) or {}).get("selected_user")
    if not selected:
        return None
    return valid_user_id(str(selected), "met")


def _input(block_id: str, label: str, placeholder: str, max_length: int, *, optional: bool = False,
           multiline: bool = False, initial: str | None = None, hint: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "plain_text_input", "action_id": block_id, "multiline": multiline,
                               "max_length": min(max_length, SLACK_INPUT_MAX),
                               "placeholder": {"type": "plain_text", "text": placeholder}}
    if initial:
        element["initial_value"] = initial
    block: dict[str, Any] = {"type": "input", "block_id": block_id, "optional": optional,
                             "label": {"type": "plain_text", "text": label}, "element": element}
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


def _text(values: dict[str, Any], block_id: str) -> str:
    value = (values.get(block_id, {}).get(block_id) or {}).get("value")
    return value.strip() if isinstance(value, str) else ""
