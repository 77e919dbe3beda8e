"""The end-to-end tests' shared set-up: a console on a fresh SQLite file, a pinned Monday, no tokens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A member "ana" on a fresh database, the clock pinned to Monday 2 March 2026 15:00 UTC (a test module
    may define its own)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_URL"))}
    return {**clean, "DATABASE_URL": f"sqlite:///{tmp_path}/console.db", "TZ": "UTC", "USER": "ana",
            "LOGNAME": "ana", "COACH_CONSOLE_START": "2026-03-02T15:00:00+00:00"}
