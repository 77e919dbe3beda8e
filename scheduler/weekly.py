"""The weekly job: plan each member's Monday digest row (bot/digest.py decides who and when).

It only inserts rows; the dispatcher claims and delivers them like any nudge. It runs every few minutes on
every replica — the unique (member, week) index keeps it to one row — and catches up after downtime.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.digest import plan_digests
from scheduler.claim import writing

INTERVAL_SECONDS = 300.0  # rows are planned from Monday 00:00 local: hours before they fall due


def plan_week(sessions: sessionmaker[Session], clock: Clock, *, platforms: Collection[str] | None = None,
              members: Collection[int] | None = None) -> int:
    """Insert this week's missing digest rows (for `platforms`' members, or only `members`); the count."""
    with writing(sessions) as session:
        return plan_digests(session, clock.now(), members=members, platforms=platforms)
