"""Durable storage: engines (engine.py), Alembic migrations (migrate.py), queries (repository.py), and
the unit of work (uow.py)."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from bot.store.engine import default_database_url, describe_url, make_engine, session_factory
from bot.store.errors import StoreUnavailable
from bot.store.migrate import upgrade


def open_store(url: str | None) -> tuple[Engine, sessionmaker[Session]]:
    """Connect to the configured database (SQLite file by default) and bring its schema up to date;
    StoreUnavailable (naming the database, never its password) when it cannot be reached or migrated."""
    engine = make_engine(url or default_database_url())
    try:
        upgrade(engine)
    except DBAPIError as failure:
        engine.dispose()
        raise StoreUnavailable(describe_url(url), " ".join(str(failure.orig or failure).split())[:200]) from failure
    return engine, session_factory(engine)


__all__ = ["open_store"]
