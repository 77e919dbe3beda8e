"""What platform adapters keep in the coach's database, on core tables under Alembic: receipts of events
already handled (a retried event is dropped on every replica), app installations (a workspace's bot token,
as the platform's OAuth library describes it, kept as JSON) and one-time OAuth states."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.models import EventReceipt, PlatformInstallation
from bot.store.errors import is_transient
from bot.store.uow import UnitOfWork

KEEP_RECEIPTS = timedelta(hours=2)  # Slack retries for minutes, not hours
PRUNE_EVERY = 500
RECENT = 5000  # receipts this process remembers without asking the database
MAX_KEY = 128
INSTALLATION, BOT = "installation", "bot"


class Receipts:
    """`first(key)`: True exactly once per key across every replica sharing the database."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self.sessions, self.clock = sessions, clock
        self._recent: dict[str, None] = {}  # this process's fast path, bounded
        self._since_prune = 0
        self._lock = threading.Lock()  # called from the API's worker threads

    def first(self, key: str) -> bool:
        if not key:
            return True
        key = key[:MAX_KEY]
        with self._lock:
            if key in self._recent:
                return False
        try:
            with UnitOfWork(self.sessions) as uow:
                uow.session.add(EventReceipt(key=key, received_at=self.clock.now()))
                uow.commit()
        except IntegrityError:
            return False
        if self._remember(key):
            with UnitOfWork(self.sessions) as uow:
                uow.session.execute(delete(EventReceipt).where(
                    EventReceipt.received_at < self.clock.now() - KEEP_RECEIPTS))
                uow.commit()
        return True

    def _remember(self, key: str) -> bool:
        """Remember `key`; True when it is time to prune old receipts."""
        with self._lock:
            self._recent[key] = None
            if len(self._recent) > RECENT:
                for stale in list(self._recent)[: RECENT // 2]:
                    del self._recent[stale]
            self._since_prune += 1
            if self._since_prune < PRUNE_EVERY:
                return False
            self._since_prune = 0
            return True


def _key(platform: str, kind: str, enterprise_id: str | None, team_id: str | None,
         user_id: str | None) -> dict[str, str]:
    return {"platform": platform, "kind": kind, "enterprise_id": enterprise_id or "", "team_id": team_id or "",
            "user_id": user_id or ""}


SAVE_ATTEMPTS = 3  # two installs of one workspace at once: the one that lost the insert race runs again


def save_installation(sessions: sessionmaker[Session], now: datetime, platform: str, kind: str,
                      enterprise_id: str | None, team_id: str | None, user_ids: Sequence[str | None],
                      payload: dict[str, Any]) -> None:
    """Keep `payload` as the installation (or bot) under each user key (None: the workspace's own row),
    replacing earlier ones — all keys in one transaction, run again if a concurrent install won a race."""
    for attempt in range(1, SAVE_ATTEMPTS + 1):
        try:
            with UnitOfWork(sessions) as uow:
                for user_id in dict.fromkeys(user_ids):
                    key = _key(platform, kind, enterprise_id, team_id, user_id)
                    row = uow.session.scalars(select(PlatformInstallation).filter_by(**key).with_for_update()).first()
                    if row is None:
                        uow.session.add(PlatformInstallation(**key, payload=payload, saved_at=now))
                        uow.session.flush()
                    else:
                        row.payload, row.saved_at = payload, now
                uow.commit()
                return
        except DBAPIError as failure:
            if attempt == SAVE_ATTEMPTS or not is_transient(failure):
                raise


def org_wide(sessions: sessionmaker[Session], platform: str, kind: str) -> list[dict[str, Any]]:
    """The payloads kept for org-wide installs (an enterprise, no workspace), the latest saved first."""
    with UnitOfWork(sessions) as uow:
        query = (select(PlatformInstallation.payload)
                 .filter_by(platform=platform, kind=kind, team_id="", user_id="")
                 .where(PlatformInstallation.enterprise_id != "")
                 .order_by(PlatformInstallation.saved_at.desc()))
        return list(uow.session.scalars(query))


def find_installation(sessions: sessionmaker[Session], platform: str, kind: str, enterprise_id: str | None,
                      team_id: str | None, user_id: str | None = None) -> dict[str, Any] | None:
    """The payload kept for this key (user_id None: the workspace's latest), or None."""
    key = _key(platform, kind, enterprise_id, team_id, user_id)
    with UnitOfWork(sessions, read_only=True) as uow:
        return uow.session.scalars(select(PlatformInstallation.payload).filter_by(**key)).first()


def delete_installation(sessions: sessionmaker[Session], platform: str, kind: str, enterprise_id: str | None,
                        team_id: str | None, user_id: str | None = None) -> None:
    """Forget this key's payload; user_id None forgets every row of that kind for the workspace."""
    key = _key(platform, kind, enterprise_id, team_id, user_id)
    if user_id is None:
        del key["user_id"]
    with UnitOfWork(sessions) as uow:
        uow.session.execute(delete(PlatformInstallation).filter_by(**key))
        uow.commit()
