"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Base, Member, Stage
from bot.store.migrate import alembic_config, current_revision, upgrade
from bot.store.repository import find_contact


def owned_by_us(name: str | None, type_: str, parent_names: object) -> bool:
    return not (type_ == "table" and (name or "").startswith("slack_"))


def add_member_and_contact(connection: Connection, user_id: str | None = None, stage: str = "new") -> None:
    """Member 1 with contact 1, Ana, in SQL every revision since 0001 accepts."""
    connection.execute(text(
        "INSERT INTO members (id, platform, workspace_id, user_id, timezone, timezone_confirmed, work_start_hour,"
        " work_end_hour, work_days, checkin_days, paused, created_at) VALUES (1, 'console', 'local', 'me', 'UTC',"
        " 1, 9, 18, '01234', 90, 0, '2026-03-02 09:00:00')"))
    connection.execute(text(
        "INSERT INTO contacts (id, member_id, name, name_key, platform_user_id, interests, tags, stage, met_at,"
        " created_at) VALUES (1, 1, 'Ana', 'ana', :user_id, '[]', '[]', :stage, '2026-03-02 09:00:00',"
        " '2026-03-02 09:00:00')"), {"user_id": user_id, "stage": stage})


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


def test_0003_keeps_rows_and_the_partial_indexes_and_adds_the_weekly_digest(tmp_path: Path) -> None:
    """Upgrading a database at 0002 with data: members get the digest on, nudges keep their rows, the
    one-pending-per-contact index stays partial (SQLite rebuilds the table), one digest per member and week."""
    engine = create_engine(f"sqlite:///{tmp_path}/old.db")
    upgrade(engine, "0002")
    with engine.begin() as connection:
        add_member_and_contact(connection)
        for nudge_id, state in ((1, "cancelled"), (2, "cancelled"), (3, "pending")):
            connection.execute(text(
                "INSERT INTO nudges (id, member_id, contact_id, kind, due_at, state, attempts, created_at) VALUES"
                f" ({nudge_id}, 1, 1, 'follow_up_48h', '2026-03-03 10:00:00', '{state}', 0, '2026-03-02 09:00:00')"))
    upgrade(engine, "0003_weekly_digest")
    assert current_revision(engine) == "0003_weekly_digest"
    with engine.begin() as connection:
        assert connection.execute(text("SELECT digest_on FROM members")).scalar_one() == 1
        assert connection.execute(text("SELECT count(*) FROM nudges")).scalar_one() == 3
        keys = connection.execute(text("PRAGMA foreign_key_list(nudges)")).mappings().all()
        assert {(key["table"], key["on_delete"]) for key in keys} == {("members", "CASCADE"), ("contacts", "CASCADE")}
        connection.execute(text(  # another cancelled row for the contact: fine (the index is partial)
            "INSERT INTO nudges (member_id, contact_id, kind, due_at, state, attempts, created_at) VALUES"
            " (1, 1, 'follow_up_48h', '2026-03-03 10:00:00', 'cancelled', 0, '2026-03-02 09:00:00')"))
        digest = ("INSERT INTO nudges (member_id, contact_id, kind, week, due_at, state, attempts, created_at)"
                  " VALUES (1, NULL, 'weekly_digest', '2026-03-09', '2026-03-09 09:00:00', 'pending', 0,"
                  " '2026-03-09 00:00:00')")
        connection.execute(text(digest))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(digest))  # a second digest for the same member and week
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(  # a second pending nudge for the contact
            "INSERT INTO nudges (member_id, contact_id, kind, due_at, state, attempts, created_at) VALUES"
            " (1, 1, 'no_reply_1w', '2026-03-03 10:00:00', 'pending', 0, '2026-03-02 09:00:00')"))
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM nudges")).scalar_one() == 4  # the digest row went
    engine.dispose()


def test_0005_adds_and_drops_the_lookup_index_keeping_rows(tmp_path: Path) -> None:
    """The contact lookup index comes and goes with 0005; rows stay, and their stored strings read back
    as enum members."""
    engine = create_engine(f"sqlite:///{tmp_path}/old.db")
    upgrade(engine, "0004_rate_budget")
    with engine.begin() as connection:
        add_member_and_contact(connection, user_id="U_ANA", stage="followed_up")
    upgrade(engine, "0005_contact_lookup")
    assert current_revision(engine) == "0005_contact_lookup"
    assert "ix_contacts_member_platform_user" in {ix["name"] for ix in inspect(engine).get_indexes("contacts")}
    upgrade(engine, "head")  # today's models read the rows (they know columns later revisions add)
    with Session(engine) as session:
        member = session.get_one(Member, 1)
        contact = find_contact(session, member, "nobody", "U_ANA")
        assert contact.name == "Ana" and contact.stage is Stage.FOLLOWED_UP
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0004_rate_budget")
    assert "ix_contacts_member_platform_user" not in {ix["name"] for ix in inspect(engine).get_indexes("contacts")}
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM contacts")).scalar_one() == 1
    engine.dispose()


def test_0010_adds_the_conference_day_keeping_rows_and_the_partial_indexes(tmp_path: Path) -> None:
    """Upgrading a database at 0007 with data: contacts and nudges keep their rows, the nudges' partial
    indexes stay partial (no table rebuild), one recap per member and day; and back down again."""
    engine = create_engine(f"sqlite:///{tmp_path}/old.db")
    upgrade(engine, "0007_nudge_member_index")
    pending = ("INSERT INTO nudges (member_id, contact_id, kind, due_at, state, attempts, created_at) VALUES"
               " (1, 1, 'follow_up_48h', '2026-03-03 10:00:00', '{}', 0, '2026-03-02 09:00:00')")
    with engine.begin() as connection:
        add_member_and_contact(connection)
        connection.execute(text(pending.format("pending")))
    upgrade(engine, "0010_events")
    assert current_revision(engine) == "0010_events"
    indexes = {ix["name"]: ix for ix in inspect(engine).get_indexes("nudges")}
    assert indexes["uq_nudges_member_day"]["unique"] and "uq_nudges_pending_contact" in indexes
    recap = ("INSERT INTO nudges (member_id, contact_id, kind, day, due_at, state, attempts, created_at) VALUES"
             " (1, NULL, 'event_recap', '2026-03-09', '2026-03-09 16:30:00', 'pending', 0, '2026-03-09 10:00:00')")
    with engine.begin() as connection:
        assert connection.execute(text("SELECT conference_id FROM contacts")).scalar_one() is None
        connection.execute(text(recap))
        connection.execute(text(  # a digest the same Monday: another key, no clash
            "INSERT INTO nudges (member_id, contact_id, kind, week, due_at, state, attempts, created_at) VALUES"
            " (1, NULL, 'weekly_digest', '2026-03-09', '2026-03-09 08:00:00', 'pending', 0, '2026-03-09 00:00:00')"))
        connection.execute(text(
            "INSERT INTO conferences (member_id, name, starts_at, ends_at) VALUES"
            " (1, 'KubeCon EU', '2026-03-09 08:00:00', '2026-03-13 23:00:00')"))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(recap))  # a second recap for the same member and day
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(pending.format("pending")))  # the partial unique index still holds
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007_nudge_member_index")
    assert "conferences" not in inspect(engine).get_table_names()
    assert "day" not in {c["name"] for c in inspect(engine).get_columns("nudges")}
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM nudges")).scalar_one() == 2  # the recap went
        connection.execute(text(pending.format("cancelled")))  # partial: a cancelled row beside the pending one
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(pending.format("pending")))


def test_0008_adds_and_drops_the_contact_purpose_keeping_rows(tmp_path: Path) -> None:
    """0008 gives contacts a purpose (the answer to "What's this message for?"), empty for existing rows;
    its downgrade drops it and keeps the rows."""
    engine = create_engine(f"sqlite:///{tmp_path}/old.db")
    upgrade(engine, "0007_nudge_member_index")
    with engine.begin() as connection:
        add_member_and_contact(connection, user_id="U_ANA", stage="waiting")
    upgrade(engine, "0008_contact_purpose")
    assert "purpose" in {c["name"] for c in inspect(engine).get_columns("contacts")}
    with engine.connect() as connection:
        assert connection.execute(text("SELECT name, purpose FROM contacts")).one() == ("Ana", None)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007_nudge_member_index")
    assert "purpose" not in {c["name"] for c in inspect(engine).get_columns("contacts")}
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM contacts")).scalar_one() == 1
    engine.dispose()


def test_0011_adds_linked_accounts_keeping_rows_and_back_down(tmp_path: Path) -> None:
    """Upgrading a database at 0010 with data: members keep their rows, unlinked, with no wrong tries; a
    code's hash is unique; and back down: the codes and link requests go, the members stay."""
    engine = create_engine(f"sqlite:///{tmp_path}/old.db")
    upgrade(engine, "0010_events")
    with engine.begin() as connection:
        add_member_and_contact(connection)
    upgrade(engine, "0011_linked_accounts")
    assert current_revision(engine) == "0011_linked_accounts"
    with engine.begin() as connection:
        row = connection.execute(text(
            "SELECT linked_to, deliver_id, deliver_pinned, link_tries, link_tries_since FROM members")).one()
        assert tuple(row) == (None, None, 0, 0, None)
        connection.execute(text(
            "INSERT INTO members (id, platform, workspace_id, user_id, timezone, timezone_confirmed, work_start_hour,"
            " work_end_hour, work_days, checkin_days, paused, created_at, linked_to) VALUES (2, 'slack', 'T1', 'U1',"
            " 'UTC', 1, 9, 18, '01234', 90, 0, '2026-03-02 09:00:00', 1)"))
        code = ("INSERT INTO link_codes (member_id, code_hash, created_at, expires_at) VALUES"
                " (1, 'abc', '2026-03-02 09:00:00', '2026-03-02 09:10:00')")
        connection.execute(text(code))
        connection.execute(text(
            "INSERT INTO nudges (member_id, contact_id, kind, due_at, state, attempts, created_at) VALUES"
            " (1, NULL, 'link_request', '2026-03-02 09:01:00', 'sent', 0, '2026-03-02 09:01:00')"))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(code))  # one row per code hash
    with engine.connect() as connection:  # in SQL: today's model knows columns later revisions add
        assert connection.execute(text("SELECT linked_to FROM members WHERE id = 2")).scalar_one() == 1
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0010_events")
    assert "link_codes" not in inspect(engine).get_table_names()
    assert not {"linked_to", "deliver_id", "link_tries"} & {c["name"] for c in inspect(engine).get_columns("members")}
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM members")).scalar_one() == 2
        assert connection.execute(text("SELECT count(*) FROM nudges")).scalar_one() == 0
        assert connection.execute(text("SELECT count(*) FROM contacts")).scalar_one() == 1
    upgrade(engine, "0011_linked_accounts")  # and up again
    assert current_revision(engine) == "0011_linked_accounts"
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def blank_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database with no revision yet: a SQLite file, then a fresh database on the real PostgreSQL."""
    if request.param == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path}/old.db")
        yield engine
        engine.dispose()
        return
    url = make_url(request.getfixturevalue("postgres_url"))
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"{url.database}_m{uuid.uuid4().hex[:6]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(url.set(database=name))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_0012_keeps_whole_hours_adds_minutes_and_back_down(blank_engine: Engine) -> None:
    """Upgrading a database at 0011 with data: a member's whole hours stay, with :00 minutes; half-hours
    round trip; and back down to whole hours, never earlier than the member asked."""
    engine = blank_engine
    upgrade(engine, "0011_linked_accounts")
    with engine.begin() as connection:  # a member 9–18 as before, and one to move to 09:30–18:30 after
        for member_id in (1, 2):
            connection.execute(text(
                "INSERT INTO members (id, platform, workspace_id, user_id, timezone, timezone_confirmed,"
                " work_start_hour, work_end_hour, work_days, checkin_days, paused, created_at) VALUES (:id, 'slack',"
                " 'T1', :user, 'UTC', TRUE, 9, 18, '01234', 90, FALSE, '2026-03-02 09:00:00')"),
                {"id": member_id, "user": f"U{member_id}"})
    upgrade(engine, "0012_working_minutes")
    assert current_revision(engine) == "0012_working_minutes"
    hours = ("SELECT id, work_start_hour, work_start_minute, work_end_hour, work_end_minute FROM members"
             " ORDER BY id")
    with engine.begin() as connection:
        assert [tuple(row) for row in connection.execute(text(hours))] == [(1, 9, 0, 18, 0), (2, 9, 0, 18, 0)]
        connection.execute(text("UPDATE members SET work_start_minute = 30, work_end_minute = 30 WHERE id = 2"))
    with engine.connect() as connection:  # SQL, not today's models: they know columns later revisions add
        minutes = connection.execute(text("SELECT work_start_minute, work_end_minute FROM members WHERE id = 2"))
        assert tuple(minutes.one()) == (30, 30)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0011_linked_accounts")
    assert not {"work_start_minute", "work_end_minute"} & {c["name"] for c in inspect(engine).get_columns("members")}
    with engine.connect() as connection:  # 09:30–18:30 is 10–18: no nudge before 09:30 nor after 18:30
        rows = connection.execute(text("SELECT id, work_start_hour, work_end_hour FROM members ORDER BY id"))
        assert [tuple(row) for row in rows] == [(1, 9, 18), (2, 10, 18)]
    upgrade(engine, "0012_working_minutes")  # and up again
    assert current_revision(engine) == "0012_working_minutes"


def test_0013_adds_the_model_opt_in_off_for_everyone_and_back_down(blank_engine: Engine) -> None:
    """Upgrading a database at 0012 with a member: model drafts are off and not yet told about (nobody's
    drafts go to a model until they say so); a member who switched them on keeps everything else on the way
    back down, and up again is off once more."""
    engine = blank_engine
    upgrade(engine, "0012_working_minutes")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO members (id, platform, workspace_id, user_id, timezone, timezone_confirmed,"
            " work_start_hour, work_end_hour, work_days, checkin_days, paused, created_at) VALUES (1, 'slack',"
            " 'T1', 'U1', 'Europe/Berlin', TRUE, 9, 18, '01234', 90, FALSE, '2026-03-02 09:00:00')"))
    upgrade(engine, "0013_model_drafts")
    assert current_revision(engine) == "0013_model_drafts"
    with Session(engine) as session:
        member = session.get_one(Member, 1)
        assert (member.model_drafts, member.model_noted) == (False, False)
        member.model_drafts = True
        session.commit()
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0012_working_minutes")
    assert not {"model_drafts", "model_noted"} & {c["name"] for c in inspect(engine).get_columns("members")}
    with engine.connect() as connection:
        assert tuple(connection.execute(text("SELECT id, timezone FROM members")).one()) == (1, "Europe/Berlin")
    upgrade(engine, "0013_model_drafts")  # and up again: off
    with engine.connect() as connection:
        assert not connection.execute(text("SELECT model_drafts FROM members WHERE id = 1")).scalar_one()
