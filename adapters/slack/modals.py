"""The "who did you meet" form: opened by a bare `/met` or an *Add details* button, read on submit."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot.commands import Met, Who
from bot.handlers.details import AddDetails
from bot.limits import MAX_FIELD, MAX_NAME, MAX_TAG, MAX_TAGS, MAX_TEXT

MET_CALLBACK = "coach_met"
NAME, MEMBER, WHERE, NOTES, INTERESTS, OFFER = "name", "member", "where", "notes", "interests", "offer"
_SPLIT = re.compile(r"[,;\n]")


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
    """The form's values, or Slack's per-field errors (block id → message) to show in the modal."""
    values = view.get("state", {}).get("values", {})
    errors: dict[str, str] = {}
    name = " ".join(_text(values, NAME).split())
    member = (values.get(MEMBER, {}).get(MEMBER) or {}).get("selected_user") or None
    if not name or not any(ch.isalnum() for ch in name):
        errors[NAME] = "Tell me who you met."
    elif len(name) > MAX_NAME:
        errors[NAME] = f"Names are at most {MAX_NAME} characters."
    where, notes, offer = _text(values, WHERE), _text(values, NOTES), _text(values, OFFER)
    for block, value, limit in ((WHERE, where, MAX_FIELD), (NOTES, notes, MAX_TEXT), (OFFER, offer, MAX_FIELD)):
        if len(value) > limit:
            errors[block] = f"Keep this under {limit} characters."
    interests = tuple(dict.fromkeys(i.strip() for i in _SPLIT.split(_text(values, INTERESTS)) if i.strip()))
    if len(interests) > MAX_TAGS or any(len(i) > MAX_TAG * 2 for i in interests):
        errors[INTERESTS] = f"Up to {MAX_TAGS} short interests, separated by commas."
    if errors:
        return None, errors
    try:
        details = bool(json.loads(view.get("private_metadata") or "{}").get("details"))
    except (ValueError, AttributeError):
        details = False
    form = MetForm(Who(name, member), where or None, notes or None, interests, offer or None, details)
    return form, {}


def _input(block_id: str, label: str, placeholder: str, max_length: int, *, optional: bool = False,
           multiline: bool = False, initial: str | None = None, hint: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "plain_text_input", "action_id": block_id, "multiline": multiline,
                               "max_length": max_length,
                               "placeholder": {"type": "plain_text", "text": placeholder}}
    if initial:
        element["initial_value"] = initial
    block: dict[str, Any] = {"type": "input", "block_id": block_id, "optional": optional,
                             "label": {"type": "plain_text", "text": label}, "element": element}
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


def _text(values: dict[str, Any], block_id: str) -> str:
    return str((values.get(block_id, {}).get(block_id) or {}).get("value") or "").strip()
