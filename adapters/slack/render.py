"""Core Replies as Block Kit, with a plain-text fallback for notifications and old clients."""

from __future__ import annotations

import json
from typing import Any

from bot.replies import Reply

Block = dict[str, Any]

SECTION_LIMIT = 2900  # Slack allows 3000 characters per section text
HEADER_LIMIT = 150
MAX_BLOCKS = 45
OUTCOME_BLOCK = "coach_outcome"
ACTIONS_BLOCK = "coach_actions"
ADD_DETAILS = "coach_add_details"


def escape(text: str) -> str:
    """Slack's three control characters, so a contact's name can never become a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fallback_text(reply: Reply) -> str:
    """What notifications and screen readers show: the title, then the text."""
    return "\n".join(part for part in (reply.title, reply.text) if part)[:3900]


def reply_blocks(reply: Reply) -> list[Block]:
    blocks: list[Block] = []
    if reply.title:
        blocks.append({"type": "header", "text": {"type": "plain_text", "text": reply.title[:HEADER_LIMIT]}})
    prefix = ":warning: " if reply.error else ""
    blocks += [section(prefix + escape(chunk) if i == 0 else escape(chunk))
               for i, chunk in enumerate(chunks(reply.text))]
    if reply.actions:
        buttons = [
            {"type": "button", "action_id": action.action_id, "value": str(action.nudge_id),
             "text": {"type": "plain_text", "text": action.label[:75]}, **_style(i)}
            for i, action in enumerate(reply.actions)
        ]
        blocks.append({"type": "actions", "block_id": ACTIONS_BLOCK, "elements": buttons})
    return blocks[:MAX_BLOCKS]


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn or " "}}


def chunks(text: str, size: int = SECTION_LIMIT) -> list[str]:
    """Split on line breaks where possible, so long lists and reviews stay readable."""
    out: list[str] = []
    current = ""
    for line in text.splitlines() or [""]:
        while len(line) > size:
            if current:
                out.append(current)
                current = ""
            out.append(line[:size])
            line = line[size:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > size:
            out.append(current)
            current = line
        else:
            current = candidate
    out.append(current)
    return out


def recorded_blocks(original: list[Block], outcome: Reply) -> list[Block]:
    """The nudge as it was, its buttons replaced by what the click recorded."""
    kept = [b for b in original if b.get("type") != "actions" and b.get("block_id") != OUTCOME_BLOCK]
    line = (":warning: " if outcome.error else ":white_check_mark: ") + escape(outcome.text)
    context = {"type": "context", "block_id": OUTCOME_BLOCK,
               "elements": [{"type": "mrkdwn", "text": line[:SECTION_LIMIT]}]}
    return [*kept[: MAX_BLOCKS - 1], context]


def add_details_button(name: str, user_id: str | None) -> Block:
    value = json.dumps({"name": name, "user_id": user_id})[:1900]
    return {"type": "actions", "elements": [
        {"type": "button", "action_id": ADD_DETAILS, "value": value,
         "text": {"type": "plain_text", "text": "Add details"}},
    ]}


def _style(index: int) -> dict[str, str]:
    return {"style": "primary"} if index == 0 else {}
