"""Datetimes read back from SQLite are aware UTC whatever text form a row holds (the fast path parses the
form SQLAlchemy and bot.store.batch write; any other form takes the long way)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from bot.models import Member
from bot.store import open_store


@pytest.mark.parametrize(("stored", "expected"), [
    ("2026-01-05 09:30:00.000250", datetime(2026, 1, 5, 9, 30, 0, 250, tzinfo=UTC)),  # what we write
    ("2026-01-05 09:30:00", datetime(2026, 1, 5, 9, 30, tzinfo=UTC)),  # no fraction
    ("2026-01-05T09:30:00", datetime(2026, 1, 5, 9, 30, tzinfo=UTC)),  # ISO "T"
    ("2026-01-05 11:30:00+02:00", datetime(2026, 1, 5, 9, 30, tzinfo=UTC)),  # an offset: converted
    ("2026-01-05 09:30:00.123", datetime(2026, 1, 5, 9, 30, 0, 123000, tzinfo=UTC)),  # milliseconds
    ("2026-01-05", datetime(2026, 1, 5, tzinfo=UTC)),  # a bare date
])
def test_every_stored_form_reads_as_aware_utc(tmp_path: Path, stored: str, expected: datetime) -> None:
    engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")
    with sessions.begin() as session:
        session.add(Member(platform="console", workspace_id="local", user_id="u1", timezone="UTC",
                           created_at=datetime(2026, 1, 1, tzinfo=UTC)))
    with sessions.begin() as session:
        session.execute(text("UPDATE members SET created_at = :stored"), {"stored": stored})
    with sessions() as session:
        read = session.scalars(select(Member.created_at)).one()
    engine.dispose()
    assert read == expected
    assert read.tzinfo is UTC
