"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Base
from bot.store.migrate import current_revision, upgrade


def owned_by_us(name: str | None, type_: str, parent_names: object) -> bool:
    return not (type_ == "table" and (name or "").startswith("slack_"))


def test_migrated_schema_matches_models(store: tuple[Engine, sessionmaker[Session]]) -> None:
    engine = store[0]
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": owned_by_us})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert current_revision(engine) is not None
    indexes = {index["name"] for index in inspect(engine).get_indexes("nudges")}
    assert {"ix_nudges_pending_due", "uq_nudges_pending_contact"} <= indexes


def test_upgrade_is_idempotent(store: tuple[Engine, sessionmaker[Session]]) -> None:
    engine = store[0]
    before = current_revision(engine)
    upgrade(engine)
    assert current_revision(engine) == before
