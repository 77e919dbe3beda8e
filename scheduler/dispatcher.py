"""The nudge table is the queue: claim due rows → compose → deliver through the platform's Notifier → record.

No coaching logic lives here: the words come from bot.nudges, when a nudge may go out and what follows
it from bot.planner. This module only moves rows through pending → sending → sent / failed / pending
again, each step in its own short transaction, so any number of dispatchers can share one database.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import NamedTuple, Protocol, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.digest import DIGEST, compose_weekly
from bot.linking import compose_link_requests
from bot.models import Contact, Member, Nudge, NudgeKind
from bot.nudges import compose_digest, compose_many
from bot.planner import LATE_GRACE, delivery_moment, record_deliveries, record_failure
from bot.recap import RECAP, compose_recaps
from bot.replies import Reply
from bot.rules import MemberSettings
from bot.store.batch import MemberRow, contact_rows, member_rows
from bot.store.uow import off_loop
from scheduler.claim import (
    AppLeaseClock,
    Held,
    Lease,
    LeaseClock,
    cancel,
    claim_due,
    claim_fair,
    claim_siblings,
    held,
    holds,
    reclaim_expired,
    requeue,
    set_digests,
    writing,
)
from scheduler.notifier import DeliveryError, Notifier, Outgoing, Recipient
from scheduler.ratelimit import Pacer

log = logging.getLogger(__name__)

DEFAULT_BATCH = 200
DEFAULT_LEASE = timedelta(minutes=5)
DEFAULT_CONCURRENCY = 16  # DMs in flight at once; the Pacer keeps them under the platform's limits
MAX_ATTEMPTS = 8  # attempts that may have reached the platform; then the nudge is marked failed
MAX_DIGEST = 10  # nudges in one digest DM
LINK = NudgeKind.LINK_REQUEST.value
# A member's Monday digest, a conference recap and a link request: each a DM of its own, composed from history.
OWN_DM = (DIGEST, RECAP, LINK)
BACKOFF_BASE = timedelta(seconds=15)
BACKOFF_CAP = timedelta(hours=1)
MIN_WAIT = timedelta(seconds=1)
# A batch of a paced platform holds at most this much of each budget (every workspace's, and the bot's
# after what the other replicas reserved): the next claim, and a small workspace's new row, come that soon.
DEFAULT_PACE_WINDOW = timedelta(seconds=2)
T = TypeVar("T")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


class DispatchObserver(Protocol):
    """Metrics hooks (adapters/http/metrics.py implements them); an observer's failure never stops delivery."""

    def on_tick(self, duration_s: float) -> None: ...

    def on_delivered(self, platform: str, latency_s: float) -> None: ...

    def on_failed(self, platform: str) -> None: ...

    def on_digest_sent(self, platform: str) -> None: ...


@dataclass(frozen=True)
class Delivered:
    """What one tick delivered, for the console to print and for metrics."""

    message: Outgoing
    at: datetime


class Outcome(NamedTuple):
    """One send: a platform reference, or the error. `attempted=False`: it surely never reached the
    platform (rate-limited, or our lease ran out first), so it costs no attempt."""

    message: Outgoing
    at: datetime
    ref: str | None = None
    error: DeliveryError | None = None
    attempted: bool = True

    @property
    def ok(self) -> bool:
        return self.error is None


class Dispatcher:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        notifiers: Mapping[str, Notifier],
        *,
        batch_size: int = DEFAULT_BATCH,
        lease: timedelta = DEFAULT_LEASE,
        worker_id: str | None = None,
        pacer: Pacer | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        pace_window: timedelta = DEFAULT_PACE_WINDOW,
        tick_budget: timedelta | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        observer: DispatchObserver | None = None,
        lease_clock: LeaseClock | None = None,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        # Leases are given and judged by this clock (scheduler/claim.py: the database's on PostgreSQL),
        # due times by `clock`.
        self.lease_clock = lease_clock or AppLeaseClock(clock)
        self.notifiers = dict(notifiers)
        self.batch_size = batch_size
        self.lease = lease
        self._lease_margin = lease / 10
        self.worker_id = worker_id or worker_name()
        self.pacer = pacer or Pacer()
        self.concurrency = concurrency
        self.pace_window = pace_window
        # A tick claims no new batch after this long (a paced backlog can last hours): the next tick goes
        # on, and /healthz keeps seeing ticks end. None: drain everything due in one tick.
        self.tick_budget = None if tick_budget is None else tick_budget.total_seconds()
        self._pacing: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None
        self._local_pacer: Pacer | None = None  # the fallback when the shared budget cannot be reached
        self.monotonic, self.sleep = monotonic, sleep
        self.observer = observer
        self.last_tick_at: datetime | None = None
        # None: every member of the notifiers' platforms. The console sets its one member here, so two
        # people sharing a database never see (or use up) each other's nudges.
        self.only_members: frozenset[int] | None = None

    async def tick(self, *, collect: bool = True) -> list[Delivered]:
        """Deliver everything due now, batch after batch, until nothing due is left. `collect=False`
        returns nothing (a long-running service has no use for the list, and a backlog makes it big)."""
        started = self.monotonic()
        delivered: list[Delivered] = []
        if self.lease_clock.stale():
            await asyncio.to_thread(self.lease_clock.refresh)
        while True:
            batch_started = self.monotonic()
            lease = Lease(self.worker_id, self.lease_clock.now() + self.lease)
            messages, more = await asyncio.to_thread(self.claim_and_compose, lease)
            if any(message.reply.chart is not None for message in messages):
                messages = await asyncio.to_thread(_draw_charts, messages)  # outside any transaction
            if messages:
                outcomes = await self.deliver_all(messages, lease)
                await asyncio.to_thread(self.record, outcomes)
                if collect:
                    delivered += [Delivered(outcome.message, outcome.at) for outcome in outcomes if outcome.ok]
            if not more or self._out_of_time(started, batch_started):
                break
            if not messages:  # nothing taken: the budget is busy (bounded ticks only) or nothing is left
                if self.tick_budget is None:
                    break
                await self.sleep(self.pace_window.total_seconds() / 4)
        self.last_tick_at = self.clock.now()
        self._observe("on_tick", self.monotonic() - started)
        return delivered

    def _out_of_time(self, started: float, batch_started: float) -> bool:
        """A bounded tick claims no batch after its budget, nor one that, taking as long as the last, would
        run past the next tick's start (a batch can outlast the pacing window: on Discord a message costs
        two requests, opening the DM and posting) — an overrunning tick makes the scheduler skip the next."""
        if self.tick_budget is None:
            return False
        now = self.monotonic()
        elapsed = now - started
        return elapsed >= self.tick_budget or elapsed + (now - batch_started) > (
            self.tick_budget + self.pace_window.total_seconds())

    # --- claim ----------------------------------------------------------------------------------------

    def claim(self, lease: Lease) -> list[Held]:
        """Take a batch: expired leases first, then due rows, then the same members' other due rows."""
        with writing(self.sessions) as session:
            claimed, _more = self._claim(session, lease)
        return claimed

    def claim_and_compose(self, lease: Lease) -> tuple[list[Outgoing], bool]:
        """Claim a batch and compose its DMs in one transaction (the rows just taken need no re-reading).
        Returns the DMs and whether more may be due (some claim came back full)."""
        with writing(self.sessions) as session:
            claimed, more = self._claim(session, lease)
            if not claimed:
                return [], more
            ladder = sorted((row for row in claimed if row.kind not in OWN_DM), key=lambda row: (row.due_at, row.id))
            messages = self._compose(session, ladder) if ladder else []
        weekly = [row for row in claimed if row.kind in OWN_DM]
        if weekly:  # a Monday digest (or a recap) reads a member's history: composed outside the write lock
            messages += self.compose(weekly)
        return messages, more

    def _claim(self, session: Session, lease: Lease) -> tuple[list[Held], bool]:
        """Unpaced platforms: oldest first, up to the batch size. Paced ones (a rate limit applies):
        round-robin across workspaces, no more than their budgets send within the pacing window."""
        now = self.clock.now()
        paced = sorted(p for p in self.notifiers if self.pacer.paced(p))
        unpaced = sorted(p for p in self.notifiers if p not in paced)
        claimed = reclaim_expired(session, self.lease_clock.now(), lease, self.batch_size, sorted(self.notifiers),
                                  self.only_members)
        more = len(claimed) >= self.batch_size
        if unpaced and len(claimed) < self.batch_size:
            wanted = self.batch_size - len(claimed)
            due = claim_due(session, now, lease, wanted, unpaced, self.only_members)
            more = more or len(due) >= wanted
            claimed += due
        window, clock = self.pace_window.total_seconds(), self.monotonic()
        for platform in paced:
            room = self.pacer.room(platform, window, clock)
            wanted = self.batch_size if room is None else min(self.batch_size, room)
            if wanted <= 0:  # the shared budget is spoken for beyond the window (other replicas are sending)
                more = more or self.tick_budget is not None  # a bounded tick waits for room; else the next tick
                continue
            fair, left_behind = claim_fair(session, now, lease, wanted, platform,
                                           self.pacer.per_workspace(platform, window), self.only_members)
            more = more or left_behind
            claimed += fair
        members = {row.member_id for row in claimed}
        claimed += claim_siblings(session, now, lease, members, self.batch_size)
        return claimed, more

    # --- compose --------------------------------------------------------------------------------------

    def compose(self, claimed: Sequence[Held]) -> list[Outgoing]:
        """Turn held rows into DMs: one per member (a digest when several are due), in delivery order.
        Rows the core says not to send now are given back (out of hours) or cancelled (contact gone)."""
        now = self.clock.now()
        retry = {row.id: row.retry for row in claimed}
        weekly = self._compose_weekly(retry, now)
        with writing(self.sessions) as session:
            return self._compose(session, held(session, retry, self.worker_id), weekly)

    def _compose(self, session: Session, rows: Sequence[Held], weekly: Mapping[int, Reply] | None = None
                 ) -> list[Outgoing]:
        now = self.clock.now()
        ladder = [row for row in rows if row.kind not in OWN_DM]
        contacts, members = contact_rows(session, {row.contact_id for row in ladder if row.contact_id is not None})
        if len(ladder) < len(rows):
            members |= member_rows(session, {row.member_id for row in rows if row.kind in OWN_DM})
        replies = compose_many(ladder, contacts, members, now)
        replies |= {row.id: reply for row in rows if row.kind in OWN_DM and (reply := (weekly or {}).get(row.id))}
        ready: list[tuple[Held, Reply]] = []
        gone: list[int] = []
        moments: dict[MemberSettings, datetime] = {}  # an overdue row's moment depends only on the settings
        for row in rows:
            reply, member = replies.get(row.id), members.get(row.member_id)
            if reply is None or member is None:
                gone.append(row.id)
                continue
            if now - row.due_at > LATE_GRACE:
                settings = member.settings
                moment = moments.get(settings)
                if moment is None:
                    moment = moments[settings] = delivery_moment(settings.hours, row.due_at, now)
                if moment > now:  # overdue and out of hours: give it back for the member's next morning
                    requeue(session, session.get_one(Nudge, row.id), moment, attempted=False, error=None)
                    continue
            ready.append((row, reply))
        cancel(session, gone)
        messages: list[Outgoing] = []
        digest_of: dict[int, int | None] = {}
        for group in _digests(ready):
            message = _package(group, members[group[0][0].member_id])
            digest_of |= {row.id: message.digest_id for row, _ in group if row.digest_id != message.digest_id}
            messages.append(message)
        set_digests(session, digest_of)
        return messages

    def _compose_weekly(self, retry: Mapping[int, bool], now: datetime) -> dict[int, Reply]:
        """The Monday digests among held rows, composed in a read-only session: reading each member's
        contacts and history never holds SQLite's write lock (the rows are ours, under our lease)."""
        off_loop()
        with self.sessions() as session:
            rows = [row for row in held(session, retry, self.worker_id) if row.kind in OWN_DM]
            weekly = [row for row in rows if row.kind == DIGEST]
            recaps = [row for row in rows if row.kind == RECAP]
            links = [row for row in rows if row.kind == LINK]
            return ((compose_weekly(session, weekly, now) if weekly else {})
                    | (compose_recaps(session, recaps, now) if recaps else {})
                    | (compose_link_requests(session, links, now) if links else {}))

    # --- deliver --------------------------------------------------------------------------------------

    async def deliver_all(self, messages: Sequence[Outgoing], lease: Lease) -> list[Outcome]:
        """Send concurrently (at most `concurrency` in flight: that many senders take the messages in turn),
        paced per platform and workspace; results in message order."""
        outcomes: list[Outcome | None] = [None] * len(messages)
        slots = iter(_round_robin(messages))

        async def sender() -> None:
            for index in slots:  # shared: each message is taken by exactly one sender
                outcomes[index] = await self.deliver(messages[index], lease)

        try:
            await asyncio.gather(*(sender() for _ in range(min(self.concurrency, len(messages)))))
        finally:
            if any(self.pacer.paced(platform) for platform in self.notifiers):
                await self._shared(self.pacer.release, self.monotonic())  # unused shared slots go back
        return cast(list[Outcome], outcomes)

    async def deliver(self, message: Outgoing, lease: Lease) -> Outcome:
        notifier = self.notifiers.get(message.recipient.platform)
        if notifier is None:
            return self._outcome(message, error=DeliveryError("no notifier for this platform"), attempted=False)
        platform = message.recipient.platform
        if self.pacer.paced(platform):
            wait = await self._reserve(message.recipient)
            if wait > 0:
                await self.sleep(wait)
        if self.lease_clock.now() >= lease.until - self._lease_margin:  # another dispatcher may take it any moment
            return self._outcome(message, error=DeliveryError("lease ran out before sending"), attempted=False)
        sent_at = self.monotonic()
        try:
            ref = await notifier.send(message)
        except DeliveryError as failure:
            self._observe("on_failed", platform)
            if failure.retry_after is not None:  # 429: nothing was posted; hold the whole bucket back
                now = self.monotonic()
                await self._shared(self.pacer.pause, message.recipient, now + failure.retry_after, now)
            return self._outcome(message, error=failure, attempted=failure.retry_after is None)
        except Exception as failure:  # a bug or an outage: keep the rows, try again later
            log.exception("delivery of nudges %s failed", message.nudge_ids)
            self._observe("on_failed", platform)
            return self._outcome(message, error=DeliveryError(type(failure).__name__))
        self._observe("on_delivered", platform, self.monotonic() - sent_at)
        if message.weekly:
            self._observe("on_digest_sent", platform)
        return self._outcome(message, ref=ref)

    async def _reserve(self, recipient: Recipient) -> float:
        """A slot in every budget that covers `recipient`: seconds to wait for it. A shared budget's
        database round trip (once a slice) runs off the event loop."""
        if self.pacer.shared is None or not self.pacer.paced(recipient.platform):
            return self.pacer.reserve(recipient, self.monotonic())
        try:
            return await self._shared(lambda: self.pacer.reserve(recipient, self.monotonic()))
        except Exception as failure:  # the database blinked mid-batch: finish the batch paced in-process
            log.warning("shared rate budget unavailable (%s); pacing in this process", type(failure).__name__)
            if self._local_pacer is None:
                self._local_pacer = Pacer(self.pacer.limits)
            return self._local_pacer.reserve(recipient, self.monotonic())

    async def _shared(self, call: Callable[..., T], *args: object) -> T:
        """Run a pacer call that may reach the database: in a worker thread, one at a time per process."""
        loop = asyncio.get_running_loop()
        if self._pacing is None or self._pacing[0] is not loop:
            self._pacing = (loop, asyncio.Lock())
        async with self._pacing[1]:
            return await asyncio.to_thread(call, *args)

    def _observe(self, hook: str, *args: object) -> None:
        if self.observer is None:
            return
        try:
            getattr(self.observer, hook)(*args)
        except Exception:
            log.exception("dispatch observer failed")

    def _outcome(self, message: Outgoing, **fields: object) -> Outcome:
        return Outcome(message, self.clock.now(), **fields)  # type: ignore[arg-type]

    # --- record ---------------------------------------------------------------------------------------

    def record(self, outcomes: Sequence[Outcome]) -> None:
        """Record a batch in one transaction; if that fails, message by message, so one bad row cannot
        hold back the rest. Rows left unrecorded stay held and are re-claimed (with retry) after the lease."""
        try:
            with writing(self.sessions) as session:
                self._record(session, outcomes)
            return
        except Exception:
            log.exception("recording a batch failed; recording message by message")
        for outcome in outcomes:
            try:
                with writing(self.sessions) as session:
                    self._record(session, [outcome])
            except Exception:
                log.exception("recording nudges %s failed", outcome.message.nudge_ids)

    def _record(self, session: Session, outcomes: Sequence[Outcome]) -> None:
        """Give back what failed (row by row: rare), then record every delivery in a few set-based
        statements — after the give-backs, so the planner has the last word on each contact's nudge."""
        now = self.clock.now()
        failed = [outcome for outcome in outcomes if not outcome.ok]
        if failed:
            nudges, _loaded = _load(session, [i for outcome in failed for i in outcome.message.nudge_ids])
            by_id = {nudge.id: nudge for nudge in nudges}
            for outcome in failed:
                for nudge_id in outcome.message.nudge_ids:
                    nudge = by_id.get(nudge_id)
                    if nudge is not None and holds(nudge, self.worker_id):
                        self._give_back(session, nudge, outcome, now)
            session.flush()
        delivered = {i: outcome.ref for outcome in outcomes if outcome.ok for i in outcome.message.nudge_ids}
        record_deliveries(session, delivered, now)

    @staticmethod
    def _give_back(session: Session, nudge: Nudge, outcome: Outcome, now: datetime) -> None:
        failure = outcome.error
        assert failure is not None
        if failure.permanent or (outcome.attempted and nudge.attempts >= MAX_ATTEMPTS):
            record_failure(session, nudge, failure.reason)
            return
        requeue(session, nudge, now + backoff(nudge.attempts, failure.retry_after),
                attempted=outcome.attempted, error=failure.reason)


def backoff(attempts: int, retry_after: float | None) -> timedelta:
    """The platform's Retry-After when it gave one; else 15 s, 30 s, 1 min … capped at an hour."""
    if retry_after is not None:
        return max(MIN_WAIT, timedelta(seconds=retry_after))
    return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, attempts - 1))


def _load(session: Session, ids: Iterable[int]) -> tuple[list[Nudge], list[object]]:
    """The rows in delivery order, locked, with their contacts and members loaded in two queries. The
    lock makes "do we still hold it?" and the give-back one step: without it, another dispatcher could
    re-claim a row (our lease having run out) between our read and our write, and our write would undo
    its claim — and with it the attempt count that tells the next sender to check the platform first.
    The second list only keeps those objects alive in the session's (weak) identity map while we work."""
    wanted = sorted(set(ids))
    if not wanted:
        return [], []
    rows = select(Nudge).where(Nudge.id.in_(wanted)).order_by(Nudge.due_at, Nudge.id).with_for_update(of=Nudge)
    nudges = list(session.scalars(rows))
    contacts = select(Contact).where(Contact.id.in_({n.contact_id for n in nudges}))
    members = select(Member).where(Member.id.in_({n.member_id for n in nudges}))
    return nudges, [*session.scalars(contacts), *session.scalars(members)]


def _package(group: Sequence[tuple[Held, Reply]], member: MemberRow) -> Outgoing:
    """One DM for a group of rows; a digest keeps the id it first went out under (else its lowest row)."""
    first = group[0][0]
    recipient = Recipient(member.platform, member.workspace_id, member.user_id)
    if len(group) == 1:
        return Outgoing(recipient, group[0][1], (first.id,), first.retry, (), first.digest_id, first.kind == DIGEST)
    ids = tuple([row.id for row, _ in group])
    parts = tuple([reply for _, reply in group])
    return Outgoing(recipient, compose_digest(parts), ids, any([row.retry for row, _ in group]), parts,
                    first.digest_id or min(ids), first.kind == DIGEST)


def _draw_charts(messages: Sequence[Outgoing]) -> list[Outgoing]:
    """Draw the charts of a batch's weekly digests now, so the notifiers find the PNGs ready (cached). A
    chart that cannot be drawn (say, a Pillow built without FreeType) is left out: the digest's
    words still go out."""
    drawn: list[Outgoing] = []
    for message in messages:
        chart = message.reply.chart
        if chart is not None:
            try:
                chart.png()
            except Exception:
                log.exception("drawing the digest chart failed; sending the digest without it")
                message = message._replace(reply=replace(message.reply, chart=None))
        drawn.append(message)
    return drawn


def _round_robin(messages: Sequence[Outgoing]) -> list[int]:
    """Indexes of `messages` taking each (platform, workspace) in turn, so one workspace's backlog waiting
    on its budget does not hold up the others' DMs behind it."""
    queues: dict[tuple[str, str], list[int]] = {}
    for index, message in enumerate(messages):
        queues.setdefault((message.recipient.platform, message.recipient.workspace_id), []).append(index)
    if len(queues) <= 1:
        return list(range(len(messages)))
    lanes = list(queues.values())
    return [lane[turn] for turn in range(max(map(len, lanes))) for lane in lanes if turn < len(lane)]


def _digests(ready: Sequence[tuple[Held, Reply]]) -> list[list[tuple[Held, Reply]]]:
    """Group by the DM each row belongs to: its earlier digest if it had one, else its member (at most
    MAX_DIGEST a message). Groups keep the order of their first row."""
    groups: dict[tuple[str, int], list[tuple[Held, Reply]]] = {}
    for nudge, reply in ready:
        if nudge.kind in OWN_DM:  # the Monday digest and a conference recap are DMs of their own
            key = ("weekly", nudge.id)
        elif nudge.digest_id is not None:
            key = ("digest", nudge.digest_id)
        else:
            key = ("member", nudge.member_id)
        groups.setdefault(key, []).append((nudge, reply))
    return [group[i:i + MAX_DIGEST] for group in groups.values() for i in range(0, len(group), MAX_DIGEST)]
