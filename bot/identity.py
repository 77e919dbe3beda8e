"""Who is talking to the coach: every use case starts from an Actor, every query is scoped to it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    platform: str  # "slack", "discord", "console"
    workspace_id: str  # Slack team id, Discord guild id, "local"; "" when a DM click does not say
    user_id: str
    display_name: str | None = None
    timezone: str | None = None  # the platform's hint (Slack users.info `tz`, the machine's zone)
