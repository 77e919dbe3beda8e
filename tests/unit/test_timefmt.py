"""Dates as a member reads them: calendar days in their own timezone."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.timefmt import ago, local_time


def test_ago_counts_calendar_days_in_the_members_zone() -> None:
    friday_nine = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    assert ago(datetime(2026, 11, 25, 21, 11, tzinfo=UTC), friday_nine) == "on Wednesday"  # 36 h, two days
    assert ago(datetime(2026, 11, 26, 8, 0, tzinfo=UTC), friday_nine) == "yesterday"
    assert ago(datetime(2026, 11, 27, 8, 30, tzinfo=UTC), friday_nine) == "just now"
    assert ago(datetime(2026, 11, 27, 6, 0, tzinfo=UTC), friday_nine) == "3 hours ago"
    assert ago(datetime(2026, 11, 10, 9, 0, tzinfo=UTC), friday_nine) == "17 days ago"
    # 23:30 in Los Angeles on Thursday is already Friday in UTC: same evening, "yesterday" there
    late_thursday = datetime(2026, 11, 27, 7, 30, tzinfo=UTC)
    assert ago(late_thursday, datetime(2026, 11, 27, 17, 0, tzinfo=UTC), "America/Los_Angeles") == "yesterday"


def test_local_time_is_in_the_members_zone() -> None:
    assert local_time(datetime(2026, 3, 9, 14, 0, tzinfo=UTC), "America/New_York") == "Mon 9 Mar 10:00"
