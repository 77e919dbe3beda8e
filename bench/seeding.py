"""Seeding for the benchmarks: due nudges written in a handful of set-based statements."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, text

from bot.models import Contact, Event, Member, Nudge
from bot.store import open_store

MET = datetime(2026, 1, 5, 9, tzinfo=UTC)  # long past: a nudge due then is due now


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
