"""The nudge table is the queue: claim due rows → deliver through the platform's Notifier → record.

No coaching logic lives here: the words come from bot.nudges, the next step from bot.planner.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.models import Member, Nudge, NudgeState
from bot.nudges import compose
from bot.planner import record_delivery
from scheduler.notifier import DeliveryError, Notifier, Outgoing, Recipient

log = logging.getLogger(__name__)

DEFAULT_BATCH = 200
DEFAULT_LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 8


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class DispatchObserver(Protocol):
    """Optional hooks for metrics; called on the event loop, must be quick and never raise."""

    def on_tick(self, duration_s: float) -> None: ...

    def on_delivered(self, platform: str, latency_s: float) -> None: ...

    def on_failed(self, platform: str) -> None: ...


@dataclass(frozen=True)
class Delivered:
    """What one tick delivered, for the console to print and for metrics."""

    message: Outgoing
    at: datetime


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
        observer: DispatchObserver | None = None,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.notifiers = dict(notifiers)
        self.batch_size = batch_size
        self.lease = lease
        self.worker_id = worker_id or worker_name()
        self.last_tick_at: datetime | None = None
        self.observer = observer

    async def tick(self) -> list[Delivered]:
        """Deliver everything due now, batch after batch, until nothing due is left."""
        started = time.perf_counter()
        delivered: list[Delivered] = []
        while True:
            claimed = await asyncio.to_thread(self.claim)
            if not claimed:
                break
            for message in await asyncio.to_thread(self.compose, claimed):
                if await self.deliver(message):
                    delivered.append(Delivered(message, self.clock.now()))
            if len(claimed) < self.batch_size:
                break
        self.last_tick_at = self.clock.now()
        if self.observer is not None:
            self.observer.on_tick(time.perf_counter() - started)
        return delivered

    def claim(self) -> list[int]:
        """Atomically take up to a batch of due pending rows (SKIP LOCKED on PostgreSQL)."""
        now = self.clock.now()
        due = (
            select(Nudge.id)
            .where(Nudge.state == NudgeState.PENDING.value, Nudge.due_at <= now)
            .order_by(Nudge.due_at)
            .limit(self.batch_size)
            .with_for_update(skip_locked=True)
        )
        claim = (
            update(Nudge)
            .where(Nudge.id.in_(due.scalar_subquery()))
            .values(
                state=NudgeState.SENDING.value,
                lease_until=now + self.lease,
                claimed_by=self.worker_id,
                attempts=Nudge.attempts + 1,
            )
            .returning(Nudge.id)
        )
        with self.sessions.begin() as session:
            return list(session.scalars(claim, execution_options={"synchronize_session": False}))

    def compose(self, nudge_ids: list[int]) -> list[Outgoing]:
        now = self.clock.now()
        messages: list[Outgoing] = []
        with self.sessions.begin() as session:
            for nudge_id in nudge_ids:
                nudge = session.get(Nudge, nudge_id)
                if nudge is None:
                    continue
                reply = compose(session, nudge, now)
                member = session.get(Member, nudge.member_id)
                if reply is None or member is None:
                    nudge.state = NudgeState.CANCELLED.value
                    continue
                recipient = Recipient(member.platform, member.workspace_id, member.user_id)
                messages.append(Outgoing(recipient, reply, (nudge.id,)))
        return messages

    async def deliver(self, message: Outgoing) -> bool:
        notifier = self.notifiers.get(message.recipient.platform)
        if notifier is None:
            await asyncio.to_thread(self._release, message, "no notifier for this platform", None)
            return False
        started = time.perf_counter()
        try:
            ref = await notifier.send(message)
        except DeliveryError as failure:
            self._observe_failure(message)
            await asyncio.to_thread(self._release, message, failure.reason, failure)
            return False
        except Exception as failure:  # a bug or an outage: keep the row, try again later
            log.exception("delivery of nudges %s failed", message.nudge_ids)
            self._observe_failure(message)
            await asyncio.to_thread(self._release, message, type(failure).__name__, None)
            return False
        if self.observer is not None:
            self.observer.on_delivered(message.recipient.platform, time.perf_counter() - started)
        await asyncio.to_thread(self._record, message, ref)
        return True

    def _observe_failure(self, message: Outgoing) -> None:
        if self.observer is not None:
            self.observer.on_failed(message.recipient.platform)

    def _record(self, message: Outgoing, ref: str | None) -> None:
        now = self.clock.now()
        with self.sessions.begin() as session:
            for nudge_id in message.nudge_ids:
                nudge = session.get(Nudge, nudge_id)
                if nudge is not None and nudge.state == NudgeState.SENDING.value:
                    record_delivery(session, nudge, now, ref)

    def _release(self, message: Outgoing, reason: str, failure: DeliveryError | None) -> None:
        """Give a row back to the queue with backoff, or mark it failed when retrying can't help."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            for nudge_id in message.nudge_ids:
                nudge = session.get(Nudge, nudge_id)
                if nudge is None or nudge.state != NudgeState.SENDING.value:
                    continue
                nudge.last_error = reason[:500]
                nudge.lease_until = None
                if (failure is not None and failure.permanent) or nudge.attempts >= MAX_ATTEMPTS:
                    nudge.state = NudgeState.FAILED.value
                    continue
                wait = failure.retry_after if failure and failure.retry_after else 2.0 ** nudge.attempts * 15
                nudge.state = NudgeState.PENDING.value
                nudge.due_at = now + timedelta(seconds=wait)
