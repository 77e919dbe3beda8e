"""The store's own contract: enum columns keep their stored strings, and finding a contact reads by index
where it can and only the names where it must (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, event, inspect, select, text
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Contact, Event, EventKind, Member, Nudge, NudgeKind, NudgeState, Stage
from bot.store.repository import (
    AmbiguousContact,
    ContactNotFound,
    existing_contact,
    find_contact,
    free_name,
    name_key,
)

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def add_member(session: Session, user_id: str = "U1") -> Member:
    member = Member(platform="slack", workspace_id="T1", user_id=user_id, timezone="UTC", created_at=NOW)
    session.add(member)
    session.flush()
    return member


def add_contact(session: Session, member: Member, name: str, user_id: str | None = None,
                where: str | None = None) -> Contact:
    contact = Contact(member_id=member.id, name=name, name_key=name_key(name), platform_user_id=user_id,
                      where_met=where, met_at=NOW, created_at=NOW)
    session.add(contact)
    session.flush()
    return contact


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements run on `engine` inside the block."""
    seen: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_enum_columns_store_the_values_and_read_back_members(store: tuple[Engine, sessionmaker[Session]]) -> None:
    engine, sessions = store
    with sessions() as session, session.begin():
        member = add_member(session)
        contact = add_contact(session, member, "Jane Doe")
        session.add(Event(contact_id=contact.id, kind=EventKind.CHECKED_IN, at=NOW))
        session.add(Nudge(member_id=member.id, contact_id=contact.id, kind=NudgeKind.STILL_WORTH, due_at=NOW,
                          attempts=0, created_at=NOW))
    with engine.connect() as connection:
        stored = connection.execute(text(
            "SELECT c.stage, e.kind, n.kind, n.state FROM contacts c JOIN events e ON e.contact_id = c.id"
            " JOIN nudges n ON n.contact_id = c.id")).one()
    assert tuple(stored) == ("new", "checked_in", "still_worth_writing", "pending")  # values, not member names
    with sessions() as session:
        nudge = session.scalars(select(Nudge)).one()
        assert type(nudge.kind) is NudgeKind and type(nudge.state) is NudgeState
        assert nudge.state == "pending" and type(session.scalars(select(Contact)).one().stage) is Stage


def test_an_unknown_enum_string_is_refused(store: tuple[Engine, sessionmaker[Session]]) -> None:
    sessions = store[1]
    with sessions() as session:
        member = add_member(session)
        contact = add_contact(session, member, "Jane Doe")
        contact.stage = "waiting"  # type: ignore[assignment]  # a value is fine as a plain string
        session.flush()
        contact.stage = "WAITING"  # type: ignore[assignment]  # a member name is not a stored value
        with pytest.raises(StatementError):
            session.flush()


def test_exact_lookups_are_single_indexed_queries(store: tuple[Engine, sessionmaker[Session]]) -> None:
    engine, sessions = store
    with sessions() as session:
        member = add_member(session)
        for name in ("Jane Doe", "Jane Roe", "Omar Ali"):
            add_contact(session, member, name, user_id=f"U_{name.split()[1].upper()}")
        with statements(engine) as seen:
            assert find_contact(session, member, "somebody", "U_ROE").name == "Jane Roe"
        assert len(seen) == 1 and "platform_user_id" in seen[0]
        with statements(engine) as seen:
            assert find_contact(session, member, "omar ALI").name == "Omar Ali"
        assert len(seen) == 1 and "name_key" in seen[0]
    assert "ix_contacts_member_platform_user" in {ix["name"] for ix in inspect(engine).get_indexes("contacts")}


def test_looser_tiers_read_names_only(store: tuple[Engine, sessionmaker[Session]]) -> None:
    engine, sessions = store
    with sessions() as session:
        member = add_member(session)
        add_contact(session, member, "José Ruiz", where="PyCon")
        add_contact(session, member, "Jane Doe", where="KubeCon")
        add_contact(session, member, "Jane Roe")
        session.expunge_all()
        with statements(engine) as seen:
            assert find_contact(session, member, "jose").name == "José Ruiz"
        names_query = next(s for s in seen if "name_key" in s and "WHERE contacts.member_id" in s
                           and "contacts.name_key =" not in s)
        assert "notes" not in names_query and "tags" not in names_query
        with pytest.raises(AmbiguousContact) as ambiguous:
            find_contact(session, member, "jane")
        assert ambiguous.value.candidates == ("Jane Doe", "Jane Roe")
        assert ambiguous.value.hints == ("met at KubeCon on Wed 4 Mar 2026", "met on Wed 4 Mar 2026")
        with pytest.raises(ContactNotFound):
            find_contact(session, member, "zelda")
        with pytest.raises(ContactNotFound):
            find_contact(session, member, "@_.")


def test_existing_contact_takes_plain_values(store: tuple[Engine, sessionmaker[Session]]) -> None:
    sessions = store[1]
    with sessions() as session:
        member = add_member(session)
        jane = add_contact(session, member, "Jane Doe", user_id="U_JANE")
        assert existing_contact(session, member, "Someone", "U_JANE") is jane
        assert existing_contact(session, member, "jane doe") is jane
        assert existing_contact(session, member, "Jane Doe", "U_OTHER") is None  # another person, same name
        assert existing_contact(session, member, "Omar") is None


def test_the_lookup_index_is_used_on_sqlite(sqlite_sessions: sessionmaker[Session]) -> None:
    with sqlite_sessions() as session:
        plan = session.execute(text("EXPLAIN QUERY PLAN SELECT id FROM contacts"
                                    " WHERE member_id = 1 AND platform_user_id = 'U1'")).all()
    assert "ix_contacts_member_platform_user" in " ".join(str(row[-1]) for row in plan)


def test_free_name_numbers_a_second_contact_of_the_same_name(store: tuple[Engine, sessionmaker[Session]]) -> None:
    sessions = store[1]
    with sessions() as session:
        member = add_member(session)
        assert free_name(session, member, "Jane 100%_x") == "Jane 100%_x"
        for name in ("Jane Doe", "jane doe (2)", "Jane Doerty", "Jane 100%_x"):
            add_contact(session, member, name)
        assert free_name(session, member, "JANE DOE") == "JANE DOE (3)"
        assert free_name(session, member, "Jane 100%_x") == "Jane 100%_x (2)"
        assert free_name(session, member, "Jane") == "Jane"
