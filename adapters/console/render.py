"""Replies and nudges as terminal text: actions become commands the member can type."""

from __future__ import annotations

from bot.replies import Reply


def render_reply(reply: Reply) -> str:
    lines = []
    if reply.title:
        lines.append(reply.title)
    lines.append(reply.text)
    lines += _actions(reply)
    for attachment in reply.attachments:
        lines += [f"--- {attachment.filename} ---", attachment.content.rstrip("\n"), "--- end ---"]
    return "\n".join(lines)


def render_nudge(reply: Reply, when: str) -> str:
    header = f"── Nudge · {when} ──"
    return "\n".join([header, *([reply.title] if reply.title else []), reply.text, *_actions(reply)])


def _actions(reply: Reply) -> list[str]:
    if not reply.actions:
        return []
    width = max(len(action.label) for action in reply.actions) + 1
    return [f"  → {action.label + ':':<{width}} {action.command}" for action in reply.actions]
