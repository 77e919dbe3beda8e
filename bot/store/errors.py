"""Database failures, told apart and described without their row values.

A PostgreSQL error carries the offending row in its DETAIL (`Key (member_id, name_key)=(7, jane doe)
already exists`), and SQLAlchemy's message repeats it: a member's words must not reach a log. So logs get
`describe(error)` — the error class, SQLSTATE, constraint and table — and never `str(error)`.
"""

from __future__ import annotations

import sqlite3
import traceback
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError

# Worth running the whole unit of work again: another transaction won a race (unique violation, a
# serialization failure or a deadlock under PostgreSQL; a busy database under SQLite).
RETRY_SQLSTATES = frozenset({"23505", "40001", "40P01"})


def sqlstate(error: BaseException) -> str | None:
    original = getattr(error, "orig", None)
    return getattr(original, "sqlstate", None) if original is not None else None


def is_transient(error: BaseException) -> bool:
    """A failure caused by a concurrent transaction, which a fresh attempt of the same unit can avoid."""
    if not isinstance(error, DBAPIError):
        return False
    state = sqlstate(error)
    if state is not None:
        return state in RETRY_SQLSTATES
    if isinstance(error, IntegrityError):  # SQLite: "UNIQUE constraint failed"
        return "UNIQUE" in str(error.orig)
    return "database is locked" in str(error.orig)


def describe(error: BaseException) -> str:
    """`IntegrityError (sqlstate 23505, constraint uq_contacts_member_name, table contacts)`: the kind of
    failure and where, never the values. Non-database errors are named by their class only."""
    if not isinstance(error, DBAPIError):
        return type(error).__name__
    original: Any = error.orig
    diag = getattr(original, "diag", None)
    parts = [f"sqlstate {sqlstate(error)}"] if sqlstate(error) else []
    for label in ("constraint", "table", "column"):
        value = getattr(diag, f"{label}_name", None) if diag is not None else None
        if value:
            parts.append(f"{label} {value}")
    if isinstance(original, sqlite3.Error):  # SQLite names the constraint's columns, never the values
        parts.append(str(original)[:200])
    kind = f"{type(error).__name__}/{type(original).__name__}" if original is not None else type(error).__name__
    return f"{kind} ({', '.join(parts)})" if parts else kind


def frames(error: BaseException) -> str:
    """Where it failed: the stack's file, line and code lines, without any exception's message."""
    return "".join(traceback.format_tb(error.__traceback__)).rstrip("\n")


class StoreUnavailable(Exception):
    """The database could not be connected to or migrated: `where` names it (no password), `reason` is
    the driver's message on one line."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where, self.reason = where, reason
