"""Core Replies as Block Kit, with a plain-text fallback for notifications and old clients."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.replies import Action, Reply, Verb, chunks, kept_after, parse_action_id

Block = dict[str, Any]

SECTION_LIMIT = 2900  # Slack allows 3000 characters per section text
HEADER_LIMIT = 150
MAX_BLOCKS = 45
OUTCOME_BLOCK = "coach_outcome"
ACTIONS_BLOCK = "coach_actions"
ADD_DETAILS = "coach_add_details"
ADD_DETAILS_PATTERN = re.compile(rf"^{ADD_DETAILS}(?::\d{{1,2}})?$")  # one button a person of a /met
BLOCK_LIMIT = 50  # Slack's blocks in one message
PER_BLOCK = 5  # "Add details" buttons in one actions block


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
    if reply.sections:  # a digest: each contact's section with its own buttons right under it
        blocks.append(section(escape(reply.text.split("\n\n", 1)[0])))
        for part in reply.sections:
            body = f"*{part.title}*\n{part.text}" if part.title else part.text
            blocks += [section(chunk) for chunk in escaped_chunks(body)]
            if part.actions:
                blocks.append(actions_block(part.actions, section_block_id(part)))
        return blocks[:MAX_BLOCKS]
    blocks += [section(prefix + chunk if i == 0 else chunk) for i, chunk in enumerate(escaped_chunks(reply.text))]
    if reply.actions:
        blocks.append(actions_block(reply.actions, ACTIONS_BLOCK))
    return blocks[:MAX_BLOCKS]


def section_block_id(part: Reply) -> str:
    """`coach_actions:<nudge id>` for a digest's contact; a section led by a contact's button (a recap's
    *Add a note*) says so, so its id never clashes with a nudge's."""
    first = part.actions[0]
    if first.verb in (Verb.NOTE, Verb.FORGET, Verb.DELETE_ME):
        return f"{ACTIONS_BLOCK}:{first.verb.value}:{first.nudge_id}"
    return f"{ACTIONS_BLOCK}:{first.nudge_id}"


def message_blocks(reply: Reply) -> list[list[Block]]:
    """A reply as one or more messages' blocks: a long recap (30 people: a section and a row of buttons
    each) is split so no message passes MAX_BLOCKS; every person's buttons stay right under them."""
    if not reply.sections:
        return [reply_blocks(reply)]
    head: list[Block] = []
    if reply.title:
        head.append({"type": "header", "text": {"type": "plain_text", "text": reply.title[:HEADER_LIMIT]}})
    head.append(section(escape(reply.text.split("\n\n", 1)[0])))
    messages: list[list[Block]] = [head]
    for part in reply.sections:
        body = f"*{part.title}*\n{part.text}" if part.title else part.text
        blocks = [section(chunk) for chunk in escaped_chunks(body)]
        if part.actions:
            blocks.append(actions_block(part.actions, section_block_id(part)))
        if len(messages[-1]) + len(blocks) > MAX_BLOCKS:
            messages.append([])
        messages[-1] += blocks[:MAX_BLOCKS]
    return messages


def escaped_chunks(text: str, size: int = SECTION_LIMIT) -> list[str]:
    """`text` cut into pieces that stay within `size` once escaped: cut first, so no `&amp;` is split
    between two sections, with smaller pieces whenever escaping (`&` → `&amp;`) makes one too long."""
    raw = size
    while True:
        pieces = [escape(piece) for piece in chunks(text, raw)]
        if raw == 1 or all(len(piece) <= size for piece in pieces):
            return pieces
        raw = max(1, raw * 2 // 3)


def actions_block(actions: tuple[Action, ...], block_id: str) -> Block:
    buttons = [
        {"type": "button", "action_id": action.action_id, "value": str(action.nudge_id),
         "text": {"type": "plain_text", "text": action.label[:75]}, **_style(i)}
        for i, action in enumerate(actions)
    ]
    return {"type": "actions", "block_id": block_id, "elements": buttons}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn or " "}}


def recorded_blocks(original: list[Block], outcome: Reply, nudge_id: int | None = None,
                    verb: Verb | None = None) -> list[Block]:
    """The nudge as it was, with what the click recorded under the clicked nudge's text. That nudge keeps
    only the buttons that still make sense (`kept_after`: "They replied" after "I sent it"); the other
    nudges of a digest keep theirs. Without a nudge id, every button gives way to the outcome."""
    line = (":warning: " if outcome.error else ":white_check_mark: ") + escape(outcome.text)

    def context(block_id: str) -> Block:
        return {"type": "context", "block_id": block_id, "elements": [{"type": "mrkdwn", "text": line[:SECTION_LIMIT]}]}

    target = next((b for b in original if b.get("type") == "actions" and nudge_id is not None
                   and nudge_id in _nudge_ids(b)), None)
    if target is None:
        kept = [b for b in original if b.get("type") != "actions" and b.get("block_id") != OUTCOME_BLOCK]
        return [*kept[: MAX_BLOCKS - 1], context(OUTCOME_BLOCK)]
    outcome_id = OUTCOME_BLOCK if target.get("block_id") == ACTIONS_BLOCK else f"{OUTCOME_BLOCK}:{nudge_id}"
    verbs = {v.value for v in kept_after(verb)} if verb is not None else set()
    elements = [e for e in target.get("elements") or []
                if (p := parse_action_id(str(e.get("action_id", "")))) is not None and p.verb.value in verbs]
    blocks: list[Block] = []
    for block in original:
        if block.get("block_id") == outcome_id:
            continue  # an earlier outcome of this nudge: the new one replaces it
        if block is target:
            blocks.append(context(outcome_id))
            if elements:
                blocks.append({**block, "elements": elements})
        else:
            blocks.append(block)
    return blocks[:MAX_BLOCKS]


def _nudge_ids(block: Block) -> set[int]:
    parsed = (parse_action_id(str(e.get("action_id", ""))) for e in block.get("elements") or [])
    return {p.nudge_id for p in parsed if p is not None}


def add_details_button(name: str, user_id: str | None) -> Block:
    value = json.dumps({"name": name, "user_id": user_id})[:1900]
    return {"type": "actions", "elements": [
        {"type": "button", "action_id": ADD_DETAILS, "value": value,
         "text": {"type": "plain_text", "text": "Add details"}},
    ]}


def add_details_buttons(people: list[tuple[str, str | None]]) -> list[Block]:
    """Under a /met of several people: an *Add details: <name>* button each, five to an actions block
    (action ids unique within a block: `coach_add_details:<n>`)."""
    blocks: list[Block] = []
    for start in range(0, len(people), PER_BLOCK):
        elements = [{"type": "button", "action_id": f"{ADD_DETAILS}:{index}",
                     "value": json.dumps({"name": name, "user_id": user_id})[:1900],
                     "text": {"type": "plain_text", "text": f"Add details: {name}"[:75]}}
                    for index, (name, user_id) in enumerate(people[start:start + PER_BLOCK], start)]
        blocks.append({"type": "actions", "elements": elements})
    return blocks


def _style(index: int) -> dict[str, str]:
    return {"style": "primary"} if index == 0 else {}
