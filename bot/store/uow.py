"""Unit of work: one session, one transaction, committed explicitly (cosmicpython style)."""

from __future__ import annotations

import asyncio
import logging
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.store.engine import checkpoint_after_erase
from bot.store.sqlite import READ_ONLY

ERASED = "coach_erased"
log = logging.getLogger(__name__)


def mark_erased(session: Session) -> None:
    """This unit deletes a member's words (a contact, or all their data): once it commits, the store
    makes sure the old content is gone from its files too (SQLite: a truncating WAL checkpoint, at once
    or, while a reader still holds an older snapshot, as soon as it has finished)."""
    session.info[ERASED] = True


class BlockingCall(RuntimeError):
    """A unit of work opened on a thread that runs an asyncio event loop: synchronous database work
    there would stall every other request. Adapters reach the core through bot.api, which runs each
    unit on its own executor."""


def off_loop() -> None:
    """Raise BlockingCall when the calling thread is running an asyncio event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    raise BlockingCall("a core unit of work was called on the event loop's thread; go through bot.api.CoachAPI")


class UnitOfWork:
    """`read_only=True`: a unit that writes nothing (a query) reads a snapshot without queueing behind
    writers (SQLite: a deferred transaction, no write turn); committing it is a mistake. `snapshot=True`
    also gives it one snapshot throughout on PostgreSQL (REPEATABLE READ, READ ONLY)."""

    def __init__(self, sessions: sessionmaker[Session], *, read_only: bool = False, snapshot: bool = False) -> None:
        self._sessions = sessions
        self.read_only, self.snapshot = read_only, snapshot
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        off_loop()
        self.session = self._sessions()
        if self.read_only:  # `snapshot`: PostgreSQL reads one snapshot throughout (an export, page by page),
            # as SQLite always does; it costs round trips to set and reset, so only a unit that needs it asks
            postgres = self.snapshot and self.session.get_bind().dialect.name == "postgresql"
            self.session.connection(execution_options={READ_ONLY: True, **(
                {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True} if postgres else {})})
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.session.rollback()  # anything not committed is dropped: no half-written records
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
        if self.session.info.pop(ERASED, False):
            bind = self.session.get_bind()
            try:  # never waits for readers: what they hold up is finished off the request path
                checkpoint_after_erase(bind if isinstance(bind, Engine) else bind.engine)
            except Exception as failure:  # the erase itself is committed; the next checkpoint finishes it
                log.warning("checkpoint after an erase failed: %s", type(failure).__name__)
