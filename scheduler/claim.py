"""The nudge table as a queue: claim due rows atomically, give rows back, all in plain SQL.

Each claim is `SELECT … FOR UPDATE SKIP LOCKED LIMIT n` then `UPDATE … WHERE id IN (those) RETURNING`, in
one transaction: on PostgreSQL concurrent dispatchers skip each other's rows (two statements, because a
locking subquery inside the UPDATE may be re-run per row and over-claim); SQLite ignores FOR UPDATE and
holds its one writer lock from the start (see `writing`). `now` always comes from the application Clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, NamedTuple, Protocol, cast

from sqlalchemy import (
    ColumnElement,
    Engine,
    Integer,
    Select,
    Table,
    Update,
    and_,
    bindparam,
    case,
    exists,
    false,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.dml import ReturningUpdate
from sqlalchemy.sql.elements import BindParameter

from bot.clock import Clock, as_utc
from bot.models import Member, Nudge, NudgeKind, NudgeState
from bot.store.batch import IDS, dialect_of, id_list, ids_in, one_of
from bot.store.uow import off_loop

PENDING, SENDING, CANCELLED = NudgeState.PENDING.value, NudgeState.SENDING.value, NudgeState.CANCELLED.value
NUDGES = cast(Table, Nudge.__table__)  # plain Core for the hot statements: no ORM bookkeeping per row
MEMBER_TABLE = cast(Table, Member.__table__)
LEAD = NUDGES.alias("lead")
DELIVER = MEMBER_TABLE.alias("deliver")  # the account a member with linked accounts is DMed on
DIGEST_KIND = NudgeKind.WEEKLY_DIGEST.value


class Held(NamedTuple):
    """A row this dispatcher holds, with what composing and packaging need. The claim's RETURNING gives
    all of it, so composing in the claim's transaction reads the rows no more. `retry`: an earlier attempt
    may have reached the platform. (A plain tuple: a batch makes thousands.)"""

    id: int
    member_id: int
    contact_id: int | None  # None: a weekly digest (about the member, no contact)
    kind: str
    due_at: datetime
    digest_id: int | None
    week: str | None  # a weekly digest's week
    retry: bool


RETURNED = tuple(NUDGES.c[name] for name in Held._fields if name != "retry")  # what a claim returns


@dataclass(frozen=True)
class Lease:
    worker: str
    until: datetime


class LeaseClock(Protocol):
    """The time leases are given and judged by: when a claim runs out, and whether another's has."""

    def now(self) -> datetime: ...

    def stale(self) -> bool:
        """Whether `refresh` should run (in a worker thread) before the next tick."""
        ...

    def refresh(self) -> None: ...


class AppLeaseClock:
    """Leases by the application's Clock: one process, or processes sharing one machine's clock (SQLite),
    and the tests' fake clock."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def now(self) -> datetime:
        return self.clock.now()

    def stale(self) -> bool:
        return False

    def refresh(self) -> None:
        return None


class DatabaseLeaseClock:
    """Leases by the database's clock (PostgreSQL's clock_timestamp()), as the shared rate budgets are timed:
    replicas' clocks differ, and one may jump. By its own clock, a replica whose clock jumped past a lease
    would re-claim a row another is still posting and post it again; by this one a lease means the same to
    every replica. Read at most every `resync` seconds (in a worker thread, before a tick) and carried
    forward by this process's monotonic clock in between, so the lease check before each send costs no
    round trip and a jump of this machine's wall clock moves nothing."""

    def __init__(self, sessions: sessionmaker[Session], resync: float = 60.0,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.sessions, self.resync, self.monotonic = sessions, resync, monotonic
        self._base: tuple[datetime, float] | None = None

    def now(self) -> datetime:
        if self._base is None:
            self.refresh()  # only before the first tick (a test, a one-off call): off the event loop
        assert self._base is not None
        database_time, at = self._base
        return database_time + timedelta(seconds=self.monotonic() - at)

    def stale(self) -> bool:
        return self._base is None or self.monotonic() - self._base[1] >= self.resync

    def refresh(self) -> None:
        off_loop()
        at = self.monotonic()  # taken first: `now` errs late, so a holder stops sending early, never late
        with self.sessions() as session:
            database_time = session.scalar(select(func.clock_timestamp()))
        assert database_time is not None
        self._base = (as_utc(database_time), at)


def lease_clock_for(engine: Engine, sessions: sessionmaker[Session], clock: Clock) -> LeaseClock:
    """The database's clock on PostgreSQL (replicas on several machines), the application's on SQLite."""
    return DatabaseLeaseClock(sessions) if engine.dialect.name == "postgresql" else AppLeaseClock(clock)


@contextmanager
def writing(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A transaction that will write. On SQLite it takes the write lock first (a no-op UPDATE), so a
    read-then-write never fails with "database is locked" because another process wrote meanwhile.
    Like a core unit of work, it refuses the event loop's thread (the dispatcher's calls run in threads)."""
    off_loop()
    with sessions.begin() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("UPDATE nudges SET id = id WHERE 0"))
        yield session


def claim_due(session: Session, now: datetime, lease: Lease, limit: int, platforms: Collection[str],
              members: Collection[int] | None = None) -> list[Held]:
    """Up to `limit` pending rows due at `now`, oldest first (only `members`' rows when given)."""
    query = _due(tuple(sorted(platforms)))  # built once; the console's one member narrows it
    if members is not None:
        query = query.where(NUDGES.c.member_id.in_(sorted(members)) if members else false())
    return _take_ids(session, lease, session.scalars(query, {"now": now, "limit": limit}).all())


@cache
def _due(platforms: tuple[str, ...]) -> Select[Any]:
    return _oldest_due(_for_platforms(platforms))


def _oldest_due(among: ColumnElement[bool]) -> Select[Any]:
    """Pending rows due at :now `among` these, oldest first, at most :limit, skipping rows others hold."""
    n = NUDGES.c
    return (
        select(n.id)
        .where(n.state == PENDING, n.due_at <= bindparam("now"), among)
        .order_by(n.due_at)
        .limit(bindparam("limit", type_=Integer))
        .with_for_update(skip_locked=True)
    )


def claim_fair(session: Session, now: datetime, lease: Lease, limit: int, platform: str,
               per_workspace: int | None, members: Collection[int] | None = None) -> tuple[list[Held], bool]:
    """Up to `limit` due rows of one paced platform, taken round-robin across workspaces: every
    workspace's oldest row first, then every workspace's second, … and at most `per_workspace` of one
    workspace (what its own budget sends in a pacing window). So a workspace with a big backlog drains at
    its allowance while the others' rows go out in the same batch. Ranking reads every due row of the
    platform: the price of fairness, paid only where a rate limit applies. Also says whether a workspace
    had more due than it got (its next rows wait for the next batch)."""
    n, m, d = NUDGES.c, MEMBER_TABLE.c, DELIVER.c
    # A member with linked accounts is DMed on the account it delivers to (`deliver_id`): its platform and
    # workspace decide which notifier and which budget. Within a workspace, nudges before Monday digests: a
    # wave of thousands of digests due at 9:00 drains at the workspace's allowance while a follow-up that
    # falls due meanwhile goes out in the next batch.
    workspace, on = func.coalesce(d.workspace_id, m.workspace_id), func.coalesce(d.platform, m.platform)
    weekly = case((n.kind == DIGEST_KIND, 1), else_=0)
    rank = func.row_number().over(partition_by=workspace, order_by=(weekly, n.due_at, n.id)).label("rank")
    where = [n.state == PENDING, n.due_at <= now, on == platform]
    if members is not None:
        where.append(n.member_id.in_(sorted(members)) if members else false())
    ranked = (select(n.id, n.due_at, rank).join(MEMBER_TABLE, m.id == n.member_id)
              .outerjoin(DELIVER, d.id == m.deliver_id).where(*where).subquery())
    fair = select(ranked.c.id, ranked.c.rank).order_by(ranked.c.rank, ranked.c.due_at, ranked.c.id).limit(limit)
    if per_workspace is not None:
        fair = fair.where(ranked.c.rank <= per_workspace + 1)  # one more: is anything left behind?
    picked = session.execute(fair).all()
    ids = [nudge_id for nudge_id, rank in picked if per_workspace is None or rank <= per_workspace]
    left_behind = len(picked) >= limit or len(ids) < len(picked)
    if not ids:
        return [], left_behind
    # Lock what nobody else holds; a row another dispatcher took meanwhile is re-checked and dropped.
    free = (select(n.id).where(one_of(session, n.id, ids), n.state == PENDING)
            .with_for_update(skip_locked=True))
    taken = {claimed.id: claimed for claimed in _take_ids(session, lease, session.scalars(free).all())}
    return [taken[i] for i in ids if i in taken], left_behind  # in fair order


def claim_siblings(
    session: Session, now: datetime, lease: Lease, member_ids: Collection[int], limit: int
) -> list[Held]:
    """The other due rows of members just claimed, so each member gets one digest rather than several DMs."""
    if not member_ids:
        return []
    dialect = dialect_of(session)
    values = {"now": now, "limit": limit, IDS: id_list(dialect, member_ids)}
    return _take_ids(session, lease, session.scalars(_siblings(dialect), values).all())


@cache
def _siblings(dialect: str) -> Select[Any]:
    return _oldest_due(ids_in(dialect, NUDGES.c.member_id))


def reclaim_expired(
    session: Session, now: datetime, lease: Lease, limit: int, platforms: Collection[str],
    members: Collection[int] | None = None,
) -> list[Held]:
    """Rows whose dispatcher died mid-delivery (lease expired), whole digests at a time.

    Only a digest's lead row (or a row whose lead was deleted) is locked in the subquery, and the update
    takes the lead's followers with it: two dispatchers never split one digest between them.
    """
    n, lead = NUDGES.c, LEAD
    group = func.coalesce(n.digest_id, n.id)
    expired = (n.state == SENDING, n.lease_until <= now)
    leads = (
        select(group)
        .where(*expired, _for_platforms(platforms, members),
               or_(n.digest_id.is_(None), n.digest_id == n.id, ~exists().where(lead.c.id == n.digest_id)))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    groups = session.scalars(leads).all()
    if not groups:
        return []
    return _run(session, _take(lease.until, lease.worker).where(*expired, group.in_(groups)), retry=True)


def held(session: Session, retry: Mapping[int, bool], worker: str) -> list[Held]:
    """The rows of `retry` (id → retry) this dispatcher still holds, in delivery order (due, then id)."""
    if not retry:
        return []
    c = NUDGES.c
    query = (
        select(*RETURNED).where(one_of(session, c.id, retry), c.state == SENDING, c.claimed_by == worker)
        .order_by(c.due_at, c.id)
    )
    return [_held(row, retry[row[0]]) for row in session.execute(query).all()]


def cancel(session: Session, ids: Collection[int]) -> None:
    """Held rows that must not go out at all (contact or member gone, member paused): kept, as cancelled."""
    if ids:
        cancelled = update(NUDGES).where(one_of(session, NUDGES.c.id, ids))
        session.execute(cancelled.values(state=CANCELLED, lease_until=None))


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
        nudge.state = NudgeState.CANCELLED
        nudge.last_error = "superseded: the contact got a newer nudge while this one was being sent"
        return
    nudge.state, nudge.due_at = NudgeState.PENDING, due_at


def holds(nudge: Nudge | None, worker: str) -> bool:
    """This dispatcher still holds the row (no other dispatcher re-claimed it after our lease expired)."""
    return nudge is not None and nudge.state == SENDING and nudge.claimed_by == worker


def _take(until: datetime | BindParameter[Any], worker: str | BindParameter[Any]) -> Update:
    return update(NUDGES).values(state=SENDING, lease_until=until, claimed_by=worker, attempts=NUDGES.c.attempts + 1)


def _take_ids(session: Session, lease: Lease, ids: Sequence[int]) -> list[Held]:
    if not ids:
        return []
    dialect = dialect_of(session)
    values = {IDS: id_list(dialect, ids), "until": lease.until, "worker": lease.worker}
    return [_held(row, row[-1] > 1) for row in session.execute(_take_listed(dialect), values)]


@cache
def _take_listed(dialect: str) -> ReturningUpdate[Any]:
    n = NUDGES.c
    take = _take(bindparam("until"), bindparam("worker"))
    return take.where(ids_in(dialect, n.id)).returning(*RETURNED, n.attempts)


def _run(session: Session, statement: Update, *, retry: bool) -> list[Held]:
    rows = session.execute(statement.returning(*RETURNED, NUDGES.c.attempts)).all()
    return [_held(row, retry or row[-1] > 1) for row in rows]


def _held(row: Sequence[Any], retry: bool) -> Held:
    nudge_id, member_id, contact_id, kind, due_at, digest_id, week = row[:7]
    return Held(nudge_id, member_id, contact_id, kind, due_at, digest_id, week, retry)


def _for_platforms(platforms: Collection[str], members: Collection[int] | None = None) -> ColumnElement[bool]:
    """Rows this dispatcher can deliver: its platforms' members (and only `members`, when given)."""
    if not platforms or (members is not None and not members):
        return false()
    # EXISTS (not IN): the planner keeps walking the pending-due index and checks each row's member.
    table, account, wanted = cast(Table, Member.__table__).c, DELIVER.c, sorted(platforms)
    # The platform of the account the member is DMed on: its own, or (linked accounts) the one it delivers
    # to — looked up only for members that have one.
    delivered_here = or_(and_(table.deliver_id.is_(None), table.platform.in_(wanted)),
                         exists().where(account.id == table.deliver_id, account.platform.in_(wanted)))
    condition = exists().where(table.id == NUDGES.c.member_id, delivered_here)
    return condition if members is None else and_(condition, NUDGES.c.member_id.in_(sorted(members)))


def _has_other_pending(session: Session, nudge: Nudge) -> bool:
    if nudge.contact_id is None:  # a weekly digest: one row per member and week, nothing supersedes it
        return False
    query = select(Nudge.id).where(
        Nudge.contact_id == nudge.contact_id, Nudge.state == PENDING, Nudge.id != nudge.id
    )
    return session.scalars(query.limit(1)).first() is not None
