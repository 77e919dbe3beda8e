"""Monday digests composed in bulk: a bounded number of queries for any number of members, the same words
as one member's digest, and the weeks as text bars instead of a chart outside the console."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session, sessionmaker

from bot.digest import WEEK, compose_weekly, plan_digests, week_stats, weekly_digest
from bot.models import Contact, Event, Member, Nudge
from scheduler.claim import Lease, claim_fair, writing
from tests.integration.dispatch_support import seed_due

MONDAY_0900_UTC = datetime(2026, 3, 9, 9, tzinfo=UTC)


def seed(sessions: sessionmaker[Session], n: int, platform: str, prefix: str = "M") -> None:
    met = MONDAY_0900_UTC - timedelta(days=10)
    with sessions.begin() as session:
        members = session.scalars(insert(Member).returning(Member.id, sort_by_parameter_order=True), [
            dict(platform=platform, workspace_id="W1", user_id=f"{prefix}{i}", timezone="UTC", timezone_confirmed=True,
                 work_start_hour=9, work_end_hour=18, work_days="01234", checkin_days=90, paused=False,
                 digest_on=True, created_at=met) for i in range(n)]).all()
        contacts = session.scalars(insert(Contact).returning(Contact.id, sort_by_parameter_order=True), [
            dict(member_id=m, name=f"Contact {m}-{k}", name_key=f"contact {m}-{k}", interests=[], tags=[],
                 stage="new", met_at=met + timedelta(hours=k), created_at=met)
            for m in members for k in range(3)]).all()
        session.execute(insert(Event), [dict(contact_id=c, kind="met", at=met) for c in contacts])


def digest_rows(session: Session) -> list[Any]:
    return list(session.execute(select(Nudge.id, Nudge.member_id, Nudge.week).where(Nudge.kind == "weekly_digest")))


@contextmanager
def queries(session: Session) -> Iterator[list[str]]:
    statements: list[str] = []

    def seen(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    bind = session.get_bind()
    event.listen(bind, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(bind, "before_cursor_execute", seen)


def test_composing_digests_costs_the_same_few_queries_for_10_members_or_120(sessions: sessionmaker[Session]) -> None:
    seed(sessions, 120, "slack")
    with sessions.begin() as session:
        assert plan_digests(session, MONDAY_0900_UTC) == 120
    counts = []
    for n in (10, 120):
        with sessions() as session:
            rows = digest_rows(session)[:n]
            with queries(session) as statements:
                replies = compose_weekly(session, rows, MONDAY_0900_UTC)
            assert len(replies) == n
            counts.append(len(statements))
    assert counts[0] == counts[1] <= 4  # members, contacts, their events, nudges


def test_a_bulk_digest_says_what_one_members_digest_says_with_text_bars_instead_of_a_chart(
        sessions: sessionmaker[Session]) -> None:
    seed(sessions, 3, "slack")
    with sessions.begin() as session:
        plan_digests(session, MONDAY_0900_UTC)
    with sessions() as session:
        rows = digest_rows(session)
        bulk = compose_weekly(session, rows, MONDAY_0900_UTC)
        for row in rows:
            member = session.get_one(Member, row.member_id)
            alone = weekly_digest(session, member, MONDAY_0900_UTC)
            assert alone is not None and alone.chart is not None
            reply = bulk[row.id]
            assert reply.chart is None and reply.actions == alone.actions
            lines = reply.text.splitlines()
            assert lines[:-1] == alone.text.splitlines()
            assert lines[-1].startswith("Weeks ") and "met `" in lines[-1]
        console = compose_weekly(session, rows, MONDAY_0900_UTC, charts={"slack"})
        assert all(reply.chart is not None for reply in console.values())


def test_the_sparkline_scales_each_week_to_the_busiest_series() -> None:
    stats = week_stats([], "UTC", MONDAY_0900_UTC)
    assert stats.sparkline().endswith("met `        ` · followed up `        ` · replies `        `")
    busy = stats.__class__(stats.mondays, (0, 1, 2, 3, 4, 5, 6, 8), (0,) * 8, (8,) + (0,) * 7, 0)
    line = busy.sparkline()
    assert "met ` ▁▂▃▄▅▆█`" in line and "replies `█       `" in line
    assert line.startswith(f"Weeks {stats.mondays[0].day} ") and stats.mondays[-1] + WEEK == MONDAY_0900_UTC.date()


def test_within_a_workspace_a_due_nudge_is_claimed_before_the_monday_digests_waiting_there(
        sessions: sessionmaker[Session]) -> None:
    [nudge] = seed_due(sessions, members=1, per_member=1, due=MONDAY_0900_UTC + timedelta(minutes=5),
                       platform="slack")
    seed(sessions, 5, "slack")  # their digests fell due at 09:00: before the nudge
    with sessions.begin() as session:
        assert plan_digests(session, MONDAY_0900_UTC) == 5
    now = MONDAY_0900_UTC + timedelta(minutes=10)
    with writing(sessions) as session:
        first, more = claim_fair(session, now, Lease("w1", now + timedelta(minutes=5)), 10, "slack", per_workspace=1)
    assert [row.id for row in first] == [nudge] and more
