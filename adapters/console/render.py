"""Replies and nudges as terminal text: actions become commands the member can type."""

from __future__ import annotations

import os
from pathlib import Path

from bot.chart import Chart
from bot.replies import Reply

PRIVATE_FILE = 0o600


def render_reply(reply: Reply, chart_path: Path | None = None) -> str:
    lines = []
    if reply.title:
        lines.append(reply.title)
    lines.append(reply.text)
    lines += _actions(reply)
    for attachment in reply.attachments:
        lines += [f"--- {attachment.filename} ---", attachment.content.rstrip("\n"), "--- end ---"]
    if chart_path is not None:
        lines.append(_chart_line(chart_path))
    return "\n".join(lines)


def render_digest(reply: Reply, when: str, chart_path: Path | None) -> str:
    """The Monday digest: its own header, the text, a typeable command per contact, and where the chart is."""
    header = f"── Digest · {when} ──"
    chart = [_chart_line(chart_path)] if chart_path is not None else []
    return "\n".join([header, *([reply.title] if reply.title else []), reply.text, *_actions(reply), *chart])


def save_chart(chart: Chart, folder: Path, name: str) -> Path:
    """Write the chart's PNG into the data folder, private to the user (0600); its path."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / name
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(descriptor, "wb") as out:
        out.write(chart.png())
    return path


def _chart_line(path: Path) -> str:
    return f"Chart (PNG, last 8 weeks): {path}"


def render_nudge(reply: Reply, when: str) -> str:
    header = f"── Nudge · {when} ──"
    if reply.sections:  # a recap: each person with the commands for them right under
        intro = reply.text.split("\n\n", 1)[0]
        parts = ["\n".join([*([part.title] if part.title else []), part.text, *_actions(part)])
                 for part in reply.sections]
        return "\n".join([header, *([reply.title] if reply.title else []), intro, "", "\n\n".join(parts)])
    return "\n".join([header, *([reply.title] if reply.title else []), reply.text, *_actions(reply)])


def _actions(reply: Reply) -> list[str]:
    if not reply.actions:
        return []
    width = max(len(action.label) for action in reply.actions) + 1
    return [f"  → {action.label + ':':<{width}} {action.command}" for action in reply.actions]
