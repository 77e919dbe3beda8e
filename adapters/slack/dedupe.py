"""Events API retries (X-Slack-Retry-Num) carry the same event_id; Bolt does not drop them, we do.

The receipts are the core's (bot.api: `first_receipt`, a table under Alembic shared by every replica, so a
retry that lands on another replica is caught too; old receipts are pruned there). This module only names
the receipt a Slack event leaves.
"""

from __future__ import annotations

PREFIX = "slack:"


def event_key(event_id: str) -> str:
    """The receipt key of a Slack event; "" (an event without an id) is never treated as a retry."""
    return f"{PREFIX}{event_id}" if event_id else ""
