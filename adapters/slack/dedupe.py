"""Events API retries (X-Slack-Retry-Num) carry the same event_id; Bolt does not drop them, we do.

Receipts live in the shared database, so a retry that lands on another replica is caught too. The table
is the adapter's own (created with checkfirst on start, like slack_sdk's installation tables) and old
receipts are pruned: Slack retries for minutes, not days.
"""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import Column, Engine, MetaData, String, Table, delete, insert
from sqlalchemy.exc import IntegrityError

from bot.clock import Clock
from bot.models import UTCDateTime

KEEP = timedelta(hours=2)
PRUNE_EVERY = 500

metadata = MetaData()
receipts = Table(
    "slack_event_receipts",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("received_at", UTCDateTime(), nullable=False, index=True),
)


class EventReceipts:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine, self.clock = engine, clock
        self._recent: dict[str, None] = {}  # this process's fast path, bounded
        self._since_prune = 0
        self._lock = threading.Lock()  # first_time runs in worker threads

    def create_table(self) -> None:
        metadata.create_all(self.engine, checkfirst=True)

    def first_time(self, event_id: str) -> bool:
        """True exactly once per event id across every replica sharing the database."""
        if not event_id:
            return True
        with self._lock:
            if event_id in self._recent:
                return False
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(receipts).values(event_id=event_id[:64], received_at=self.clock.now()))
        except IntegrityError:
            return False
        self._remember(event_id)
        return True

    def _remember(self, event_id: str) -> None:
        with self._lock:
            self._recent[event_id] = None
            if len(self._recent) > 5000:
                for stale in list(self._recent)[:2500]:
                    del self._recent[stale]
            self._since_prune += 1
            prune = self._since_prune >= PRUNE_EVERY
            if prune:
                self._since_prune = 0
        if prune:
            with self.engine.begin() as connection:
                connection.execute(delete(receipts).where(receipts.c.received_at < self.clock.now() - KEEP))
