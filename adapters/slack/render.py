"""Core Replies as Block Kit, with a plain-text fallback for notifications and old clients."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.replies import Action, Reply, Verb, chunks, kept_after, parse_action_id

Block = dict[str, Any]

SECTION_LIMIT = 2900  # Slack allows 3000 characters per section text
HEADER_LIMIT = 150
MAX_BLOCKS = 50  # Slack's most for a message
# A digest or recap gives each contact one section and its buttons, and keeps room for what a click on them
# records (a context block each): the intro and header, then three blocks a contact, per message.
MAX_DIGEST_SECTIONS = (MAX_BLOCKS - 2) // 3
ELLIPSIS = "…"
FALLBACK_LIMIT = 3900
OUTCOME_BLOCK = "coach_outcome"
ACTIONS_BLOCK = "coach_actions"
ADD_DETAILS = "coach_add_details"
ADD_DETAILS_PATTERN = re.compile(rf"^{ADD_DETAILS}(?::\d{{1,2}})?$")  # one button a person of a /met
BLOCK_LIMIT = MAX_BLOCKS  # Slack's blocks in one message
PER_BLOCK = 5  # "Add details" buttons in one actions block


def escape(text: str) -> str:
    """Slack's three control characters, so a contact's name can never become a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """A slash command's text as the member typed it: Slack sends their & < > as `&amp;` `&lt;` `&gt;`
    (its own markup — a mention `<@U1|jane>` — keeps real angle brackets), so `Tom & Jerry` is stored as
    such and escaped once when shown."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def fallback_text(reply: Reply) -> str:
    """What notifications and screen readers show: the title, then the text — escaped like the blocks (a
    message's text is read as mrkdwn too, where `<https://…|x>` would be a link), cut between escapes."""
    return _cut_escaped(escape("\n".join(part for part in (reply.title, reply.text) if part)), FALLBACK_LIMIT)


def updated_text(previous: str, reply: Reply) -> str:
    """A message's text after a click: its text as Slack keeps it (escaped), then what was recorded."""
    return _cut_escaped(f"{previous}\n{escape(reply.text)}", FALLBACK_LIMIT)


def reply_blocks(reply: Reply) -> list[Block]:
    """Block Kit within Slack's limits: at most MAX_BLOCKS blocks, the buttons always among them, and one
    block to spare (for the *Add details* button under a /met answer, or what a click records). A digest
    longer than one message holds: `message_blocks`."""
    if reply.sections:  # a digest: each contact's section with its own buttons right under it
        return message_blocks(reply)[0]
    blocks = _head(reply)[:1]
    prefix = ":warning: " if reply.error else ""
    room = MAX_BLOCKS - len(blocks) - (1 if reply.actions else 0) - 1
    pieces = escaped_chunks(reply.text)
    if len(pieces) > room:  # past what one message holds: the rest is cut, and says so
        pieces = [*pieces[: room - 1], pieces[room - 1] + ELLIPSIS]
    blocks += [section(prefix + piece if i == 0 else piece) for i, piece in enumerate(pieces)]
    if reply.actions:
        blocks.append(actions_block(reply.actions, ACTIONS_BLOCK))
    return blocks


def _head(reply: Reply) -> list[Block]:
    """The title as a header, then (for a digest) its intro."""
    head: list[Block] = []
    if reply.title:
        head.append({"type": "header", "text": {"type": "plain_text", "text": reply.title[:HEADER_LIMIT]}})
    if reply.sections:
        head.append(section(fitted(reply.text.split("\n\n", 1)[0])))
    return head


def fitted(text: str, size: int = SECTION_LIMIT) -> str:
    """`text` escaped, in one section: its first piece (cut at a line end where it can be, never inside
    an escape), with an ellipsis when there was more."""
    pieces = escaped_chunks(text, size - len(ELLIPSIS))
    return pieces[0] + ELLIPSIS if len(pieces) > 1 else pieces[0]


def line_sections(lines: list[str], size: int = SECTION_LIMIT) -> list[Block]:
    """Lines of mrkdwn (already escaped) in as few sections as hold them, each line whole in one section;
    a line longer than a section on its own is cut short (never inside an escape)."""
    groups: list[str] = []
    for line in lines:
        if len(line) > size:
            line = _cut_escaped(line, size - len(ELLIPSIS)) + ELLIPSIS
        if groups and len(groups[-1]) + 1 + len(line) <= size:
            groups[-1] += "\n" + line
        else:
            groups.append(line)
    return [section(group) for group in groups] or [section(" ")]


def _cut_escaped(text: str, size: int) -> str:
    """The first `size` characters of escaped text, less an escape (`&amp;`) the cut would break."""
    cut = text[:size]
    amp = cut.rfind("&")
    return cut[:amp] if amp != -1 and ";" not in cut[amp:] else cut


def section_block_id(part: Reply) -> str:
    """`coach_actions:<nudge id>` for a digest's contact; a section led by a contact's button (a recap's
    *Add a note*) says so, so its id never clashes with a nudge's."""
    first = part.actions[0]
    if first.verb in (Verb.NOTE, Verb.FORGET, Verb.DELETE_ME, Verb.UNLINK):
        return f"{ACTIONS_BLOCK}:{first.verb.value}:{first.nudge_id}"
    return f"{ACTIONS_BLOCK}:{first.nudge_id}"


def message_blocks(reply: Reply) -> list[list[Block]]:
    """A reply as one or more messages' blocks: a digest or a long recap (30 people) gives each person one
    section (cut short with "…") and their row of buttons, MAX_DIGEST_SECTIONS a message, so no message
    passes MAX_BLOCKS even after a click on each person adds what it recorded; every person's buttons stay
    right under them, and the header and intro lead the first message."""
    if not reply.sections:
        return [reply_blocks(reply)]
    messages: list[list[Block]] = []
    for start in range(0, len(reply.sections), MAX_DIGEST_SECTIONS):
        blocks = _head(reply) if start == 0 else []
        for part in reply.sections[start:start + MAX_DIGEST_SECTIONS]:
            blocks.append(section(fitted(f"*{part.title}*\n{part.text}" if part.title else part.text)))
            if part.actions:
                blocks.append(actions_block(part.actions, section_block_id(part)))
        messages.append(blocks)
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
        return {"type": "context", "block_id": block_id,
                "elements": [{"type": "mrkdwn", "text": _cut_escaped(line, SECTION_LIMIT)}]}

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
