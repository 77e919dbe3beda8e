"""Is the store usable? Not only "does the database answer": a database whose tables were dropped (or
never migrated) answers `SELECT 1` while every command fails, so readiness probes the schema itself."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError

from bot.models import Base

StoreState = Literal["ok", "unreachable", "schema_missing"]


def store_state(engine: Engine) -> StoreState:
    """"ok" when every table the coach needs answers a select of all its columns (LIMIT 0: the planner
    checks every table and column, no row is read); "unreachable" when no connection can be made or
    it drops; "schema_missing" when a table or column is not there."""
    try:
        connection = engine.connect()
    except Exception:
        return "unreachable"
    try:
        with connection:
            for table in Base.metadata.sorted_tables:
                connection.execute(select(*table.c).limit(0))
    except DBAPIError as failure:
        return "unreachable" if failure.connection_invalidated else "schema_missing"
    except Exception:
        return "schema_missing"
    return "ok"
