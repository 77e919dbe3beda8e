"""The nudge table as a queue: claim due rows atomically, give rows back, all in plain SQL.

Each claim is `SELECT … FOR UPDATE SKIP LOCKED LIMIT n` then `UPDATE … WHERE id IN (those) RETURNING`, in
one transaction: on PostgreSQL concurrent dispatchers skip each other's rows (two statements, because a
locking subquery inside the UPDATE may be re-run per row and over-claim); SQLite ignores FOR UPDATE and
holds its one writer lock from the start (see `writing`). `now` always comes from the application Clock.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, Table, Update, bindparam, exists, false, func, or_, select, text, update
from sqlalchemy.orm import Session, aliased, sessionmaker

from bot.models import Member, Nudge, NudgeState

PENDING, SENDING, CANCELLED = NudgeState.PENDING.value, NudgeState.SENDING.value, NudgeState.CANCELLED.value
NUDGES = cast(Table, Nudge.__table__)  # plain Core for the hot statements: no ORM bookkeeping per row


@dataclass(frozen=True)
class Claimed:
    """A row this dispatcher now holds. `retry`: an earlier attempt may have reached the platform."""

    id: int
    member_id: int
    digest_id: int | None
    retry: bool


@dataclass(frozen=True)
class Lease:
    worker: str
    until: datetime


@contextmanager
def writing(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A transaction that will write. On SQLite it takes the write lock first (a no-op UPDATE), so a
    read-then-write never fails with "database is locked" because another process wrote meanwhile."""
    with sessions.begin() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("UPDATE nudges SET id = id WHERE 0"))
        yield session


def claim_due(session: Session, now: datetime, lease: Lease, limit: int, platforms: Collection[str]) -> list[Claimed]:
    """Up to `limit` pending rows due at `now`, oldest first."""
    due = (
        select(Nudge.id)
        .where(Nudge.state == PENDING, Nudge.due_at <= now, _for_platforms(platforms))
        .order_by(Nudge.due_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return _take_ids(session, lease, list(session.scalars(due)))


def claim_siblings(
    session: Session, now: datetime, lease: Lease, member_ids: Collection[int], limit: int
) -> list[Claimed]:
    """The other due rows of members just claimed, so each member gets one digest rather than several DMs."""
    if not member_ids:
        return []
    due = (
        select(Nudge.id)
        .where(Nudge.state == PENDING, Nudge.due_at <= now, Nudge.member_id.in_(member_ids))
        .order_by(Nudge.due_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return _take_ids(session, lease, list(session.scalars(due)))


def reclaim_expired(
    session: Session, now: datetime, lease: Lease, limit: int, platforms: Collection[str]
) -> list[Claimed]:
    """Rows whose dispatcher died mid-delivery (lease expired), whole digests at a time.

    Only a digest's lead row (or a row whose lead was deleted) is locked in the subquery, and the update
    takes the lead's followers with it: two dispatchers never split one digest between them.
    """
    group = func.coalesce(Nudge.digest_id, Nudge.id)
    lead = aliased(Nudge)
    expired = (Nudge.state == SENDING, Nudge.lease_until <= now)
    leads = (
        select(group)
        .where(*expired, _for_platforms(platforms),
               or_(Nudge.digest_id.is_(None), Nudge.digest_id == Nudge.id,
                   ~exists().where(lead.id == Nudge.digest_id)))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    groups = list(session.scalars(leads))
    if not groups:
        return []
    return _run(session, _take(lease).where(*expired, group.in_(groups)), retry=True)


def held(session: Session, ids: Collection[int], worker: str) -> list[Row[Any]]:
    """The rows of `ids` this dispatcher still holds, in delivery order (due, then id), as plain rows with
    what composing and packaging need."""
    if not ids:
        return []
    c = NUDGES.c
    query = (
        select(c.id, c.member_id, c.contact_id, c.kind, c.due_at, c.digest_id)
        .where(c.id.in_(sorted(ids)), c.state == SENDING, c.claimed_by == worker)
        .order_by(c.due_at, c.id)
    )
    return list(session.execute(query))


def cancel(session: Session, ids: Collection[int]) -> None:
    """Held rows that must not go out at all (contact or member gone, member paused): kept, as cancelled."""
    if ids:
        session.execute(update(Nudge).where(Nudge.id.in_(sorted(ids))).values(state=CANCELLED, lease_until=None),
                        execution_options={"synchronize_session": False})


def set_digests(session: Session, digest_of: Mapping[int, int | None]) -> None:
    """Remember which DM each row went out in, so a re-claim rebuilds the same DM under the same key."""
    if digest_of:
        session.execute(update(NUDGES).where(NUDGES.c.id == bindparam("b_id")).values(digest_id=bindparam("b_digest")),
                        [{"b_id": nudge_id, "b_digest": digest} for nudge_id, digest in digest_of.items()])


def requeue(session: Session, nudge: Nudge, due_at: datetime, *, attempted: bool, error: str | None) -> None:
    """Give a held row back to the queue for `due_at`, or cancel it when the contact already has a newer
    pending nudge (the member acted meanwhile): one pending nudge per contact, always. Never deletes."""
    nudge.lease_until, nudge.claimed_by = None, None
    if not attempted:  # nothing reached the platform: this claim does not count as an attempt
        nudge.attempts = max(0, nudge.attempts - 1)
    if error is not None:
        nudge.last_error = error[:500]
    if _has_other_pending(session, nudge):
        nudge.state = CANCELLED
        nudge.last_error = "superseded: the contact got a newer nudge while this one was being sent"
        return
    nudge.state, nudge.due_at = PENDING, due_at


def holds(nudge: Nudge | None, worker: str) -> bool:
    """This dispatcher still holds the row (no other dispatcher re-claimed it after our lease expired)."""
    return nudge is not None and nudge.state == SENDING and nudge.claimed_by == worker


def _take(lease: Lease) -> Update:
    return update(Nudge).values(state=SENDING, lease_until=lease.until, claimed_by=lease.worker,
                                attempts=Nudge.attempts + 1)


def _take_ids(session: Session, lease: Lease, ids: list[int]) -> list[Claimed]:
    if not ids:
        return []
    return _run(session, _take(lease).where(Nudge.id.in_(ids)), retry=False)


def _run(session: Session, statement: Update, *, retry: bool) -> list[Claimed]:
    returning = statement.returning(Nudge.id, Nudge.member_id, Nudge.digest_id, Nudge.attempts)
    rows = session.execute(returning, execution_options={"synchronize_session": False})
    return [Claimed(row.id, row.member_id, row.digest_id, retry or row.attempts > 1) for row in rows]


def _for_platforms(platforms: Collection[str]) -> ColumnElement[bool]:
    if not platforms:
        return false()
    # EXISTS (not IN): the planner keeps walking the pending-due index and checks each row's member.
    return exists().where(Member.id == Nudge.member_id, Member.platform.in_(sorted(platforms)))


def _has_other_pending(session: Session, nudge: Nudge) -> bool:
    query = select(Nudge.id).where(
        Nudge.contact_id == nudge.contact_id, Nudge.state == PENDING, Nudge.id != nudge.id
    )
    return session.scalars(query.limit(1)).first() is not None
