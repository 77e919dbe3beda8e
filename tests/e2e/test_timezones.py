"""The console with a region for a timezone — typed (`/coach settings tz US`) or in the machine's TZ: the
usual answer with suggestions, no traceback."""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.test_console import run_console


def test_a_region_typed_or_in_tz_is_no_crash(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_URL"))}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path}/console.db", "TZ": "US",
            "COACH_CONSOLE_START": "2026-03-04T15:00:00+00:00"}
    result = run_console("/coach settings tz US\n/coach settings tz Canada\n/coach settings\n", env, "console")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr and "Something went wrong" not in result.stdout
    assert "I don't know the timezone 'US'. Did you mean US/Eastern or US/Central or US/Pacific?" in result.stdout
    assert "I don't know the timezone 'Canada'. Did you mean Canada/Eastern" in result.stdout
