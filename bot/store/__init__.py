"""Durable storage: engines (engine.py), Alembic migrations (migrate.py), queries (repository.py), and
the unit of work (uow.py)."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.store.engine import default_database_url, make_engine, session_factory
from bot.store.migrate import upgrade


def open_store(url: str | None) -> tuple[Engine, sessionmaker[Session]]:
    """Connect to the configured database (SQLite file by default) and bring its schema up to date."""
    engine = make_engine(url or default_database_url())
    upgrade(engine)
    return engine, session_factory(engine)


__all__ = ["open_store"]
