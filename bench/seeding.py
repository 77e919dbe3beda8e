"""Seeding for the benchmarks: due nudges written in a handful of set-based statements."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, text

from bot.models import Contact, Event, Member, Nudge
from bot.store import open_store

MET = datetime(2026, 1, 5, 9, tzinfo=UTC)  # long past: a nudge due then is due now
TEAM = "TBENCH"
BIG_MEMBER = "UBIG"


def seed(url: str, rows: list[tuple[str, str, datetime]]) -> None:
    """One member, contact, MET event and pending nudge per (platform, workspace, due_at)."""
    engine, sessions = open_store(url)
    met = MET
    with sessions.begin() as session:
        members = session.scalars(insert(Member).returning(Member.id, sort_by_parameter_order=True), [
            dict(platform=platform, workspace_id=workspace, user_id=f"U{i}", timezone="UTC", timezone_confirmed=True,
                 work_start_hour=0, work_end_hour=24, work_days="0123456", checkin_days=90, paused=False,
                 created_at=met) for i, (platform, workspace, _due) in enumerate(rows)]).all()
        contacts = session.scalars(insert(Contact).returning(Contact.id, sort_by_parameter_order=True), [
            dict(member_id=m, name=f"C{m}", name_key=f"c{m}", interests=[], tags=[], stage="new", met_at=met,
                 created_at=met) for m in members]).all()
        session.execute(insert(Event), [dict(contact_id=c, kind="met", at=met) for c in contacts])
        session.execute(insert(Nudge), [
            dict(member_id=m, contact_id=c, kind="follow_up_48h", due_at=due, state="pending", attempts=0,
                 created_at=met) for m, c, (_p, _w, due) in zip(members, contacts, rows, strict=True)])
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))
    engine.dispose()


def seed_big_member(url: str, contacts: int, *, user: str = BIG_MEMBER, team: str = TEAM) -> None:
    """One Slack member with `contacts` contacts: notes, interests, two events and a pending nudge each."""
    engine, sessions = open_store(url)
    met = datetime(2026, 1, 5, 9, tzinfo=UTC)
    with sessions.begin() as session:
        member = session.scalars(insert(Member).returning(Member.id), [dict(
            platform="slack", workspace_id=team, user_id=user, timezone="UTC", timezone_confirmed=True,
            created_at=met)]).one()
        ids = session.scalars(insert(Contact).returning(Contact.id, sort_by_parameter_order=True), [dict(
            member_id=member, name=f"Person {i:05d}", name_key=f"person {i:05d}", where_met="PyCon",
            notes=f"Talked about distributed systems, sourdough and the {i}th way to shard a queue. " * 2,
            interests=["python", "queues"], tags=["pycon"], stage="new", met_at=met + timedelta(minutes=i),
            created_at=met) for i in range(contacts)]).all()
        session.execute(insert(Event), [dict(contact_id=c, kind=kind, at=met, detail="PyCon" if kind == "met" else None)
                                        for c in ids for kind in ("met", "nudged")])
        session.execute(insert(Nudge), [dict(member_id=member, contact_id=c, kind="follow_up_48h",
                                             due_at=datetime(2099, 1, 1, tzinfo=UTC), state="pending", attempts=0,
                                             created_at=met) for c in ids])
    engine.dispose()
