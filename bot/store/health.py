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


def schema_report(database_url: str | None) -> tuple[bool, str]:
    """`coach doctor`'s database line: can it be reached, and is its schema at the latest migration?
    (True, words) or (False, what to do). Nothing is migrated or written."""
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from bot.store.engine import default_database_url, describe_url, make_engine, sqlite_file
    from bot.store.migrate import alembic_config, current_revision

    url = database_url or default_database_url()
    file = sqlite_file(url)
    where = f"the SQLite file {file}" if file is not None else describe_url(database_url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = current_revision(engine)
    except Exception as failure:
        reason = " ".join(str(getattr(failure, "orig", None) or failure).split())[:200]
        return False, f"cannot connect to {where}: {reason}"
    finally:
        engine.dispose()
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if current != head:
        return False, (f"{where} is reachable but its schema is at {current or 'nothing'}, not {head}: run "
                       "`coach migrate` (start-up does it too)")
    return True, f"{where} is reachable and its schema is up to date ({head})"
