"""*Draft it for me* on hostile notes at the bot's 4,000-character cap: how long the slowest draft takes.

A member's notes are pasted text. Each case below is one shape that once made a pattern scan from every position
(a run of hyphenated words, of brackets, of commas, of "only after", a name note among thousands of words); the
bench drafts a first message and a one-week follow-up for each and prints one JSON line per case and one summary
line: ``{"bench": "hostile_notes", "case", "ms"}`` … ``{"metric": "slowest", "ms", "target_ms"}``. Target: every
draft under 1 s on the 2-core CI machine. Run: ``.venv/bin/python bench/hostile_notes.py``.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.review import DraftContext
from bot.review.drafts import DraftTimes, compose

CAP = 4000
TARGET_MS = 1000
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
CASES = {
    "hyphen_run": "doing " + "x-" * 2000,
    "name_note_then_hyphens": "Lee = family name. " + "x-" * 2000,
    "brackets": "asked if my cousin " + "(nurse) " * 500,
    "commas": "promised her the deck, " + "clean, " * 600,
    "holds": "send the deck " + "only after legal ok " * 200,
    "send_her": "send her " * 450,
    "links": "https://example.org/" + "a" * 3900 + " wants the deck",
    "thanks_run": "lent me £20 for taxi when my card died " * 100,
    "symbols": "wants " + "£" * 4000,  # the ask-at-the-end pattern once backtracked here: 2–4 s
    "owe_mine": "sent pics. owe him mine. " * 160,
}


def main() -> None:
    first = DraftTimes(now=NOW, met_at=NOW - timedelta(days=1), timezone="UTC")
    week = DraftTimes(now=NOW, met_at=NOW - timedelta(days=9), first_sent_at=NOW - timedelta(days=8),
                      last_touch_at=NOW - timedelta(days=8), timezone="UTC")
    slowest = 0.0
    for case, notes in CASES.items():
        context = DraftContext("Lee Min", where_met="the expo", notes=notes[:CAP], member_name="Bo")
        start = time.perf_counter()
        compose("follow_up_48h", context, first)
        compose("no_reply_1w", context, week)
        ms = (time.perf_counter() - start) * 1000
        slowest = max(slowest, ms)
        print(json.dumps({"bench": "hostile_notes", "case": case, "ms": round(ms, 1)}))
    print(json.dumps({"bench": "hostile_notes", "metric": "slowest", "ms": round(slowest, 1), "target_ms": TARGET_MS}))


if __name__ == "__main__":
    main()
