"""Set-based statements over a batch of rows, each bound as one parameter, and the plain rows they read.

`column.in_(ids)` renders one bound parameter per id on every execution (SQLAlchemy's "expanding" IN);
for the dispatcher's batches of hundreds that costs more than the query. `one_of` binds the whole list
once: `= ANY(:ids)` on PostgreSQL, `IN (SELECT value FROM json_each(:ids))` on SQLite. On PostgreSQL the
list goes as the array's text form (`{1,2,3}`) typed `integer[]`: psycopg would otherwise inspect and
dump each element (about 1 ms per thousand ids), and the server parses it once, as a typed parameter.

`insert_rows` and `update_rows` write many rows without SQLAlchemy's per-row bind processing: on
PostgreSQL in one statement, the rows travelling as one JSON array of arrays (`json.dumps` is C) that
`jsonb_array_elements` unpacks, each field cast to its column's type (one round trip, one parameter); on
SQLite (in-process: no round trips) as the driver's executemany of one prepared statement, with values
already in their stored form. Reading goes through plain NamedTuples (`MemberRow`, `ContactRow`, `ContactPlan`): no ORM
object per row.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, NamedTuple, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Integer,
    Select,
    String,
    Table,
    TextClause,
    any_,
    bindparam,
    func,
    select,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from bot.models import Contact, Member
from bot.rules import MemberSettings, WorkingHours

MEMBERS, CONTACTS = cast(Table, Member.__table__), cast(Table, Contact.__table__)


class IntArrayText(str):
    """An integer array already in PostgreSQL's text form, e.g. `{1,2,3}`."""


@cache
def _register_dumper() -> None:
    """Teach psycopg to send IntArrayText as `integer[]` text (imported here: SQLite runs never load it)."""
    import psycopg
    from psycopg.adapt import Dumper

    class IntArrayTextDumper(Dumper):
        oid = psycopg.adapters.types["int4"].array_oid

        def dump(self, obj: str) -> bytes:
            return obj.encode("ascii")

    psycopg.adapters.register_dumper(IntArrayText, IntArrayTextDumper)


class _IdArray(TypeDecorator[list[int]]):
    """`integer[]` bound from a list of ints as one text value (see the module doc)."""

    impl = ARRAY(Integer)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        return IntArrayText("{" + ",".join(map(str, value)) + "}")

    def bind_processor(self, dialect: Any) -> Any:
        def process(value: Any) -> Any:
            return self.process_bind_param(value, dialect)
        return process


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


IDS = "ids"  # the bound name of a batch's id list in a statement built once (`ids_in`)


def ids_in(dialect: str, column: ColumnElement[Any]) -> ColumnElement[bool]:
    """`column IN :ids`, for a statement built once per dialect (`functools.cache`) and run with
    `{IDS: id_list(dialect, ids)}`: on a batch of hundreds, building a statement and its cache key costs
    about as much as SQLite running it."""
    return _listed_in(dialect, column, IDS, None)


def id_list(dialect: str, ids: Iterable[int]) -> list[int] | str:
    """The value of `ids_in`'s parameter."""
    values = sorted({int(value) for value in ids})
    return values if dialect == "postgresql" else json.dumps(values)


def _listed_in(dialect: str, column: ColumnElement[Any], key: str | None, ids: Iterable[int] | None
               ) -> ColumnElement[bool]:
    """`column IN` one bound id list: named `key` (its value given at execution), or anonymous with `ids`."""
    value = None if ids is None else id_list(dialect, ids)
    if dialect == "postgresql":
        _register_dumper()
        return column == any_(bindparam(key, value, type_=_IdArray()))
    listed = func.json_each(bindparam(key, value, type_=String)).table_valued("value")
    return column.in_(select(listed.c.value))


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


def one_of(session: Session, column: ColumnElement[Any], ids: Iterable[int]) -> ColumnElement[bool]:
    """`column IN ids` for integer ids, with the list as a single parameter."""
    return _listed_in(dialect_of(session), column, None, ids)


# --- many rows in one statement ------------------------------------------------------------------------


def insert_rows(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT many rows (tuples in `columns` order; aware datetimes, ints, strings, None) in one statement."""
    if not rows:
        return
    if is_postgres(session):
        session.execute(_insert_sql(table, tuple(columns)), {"rows": _as_json(rows)})
        return
    marks = ", ".join("?" * len(columns))
    _sqlite_many(session, table, columns, f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows)


def update_rows(session: Session, table: Table, key: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """UPDATE many rows to their own values in one statement: each row is (key value, *values of `columns`)."""
    if not rows:
        return
    if is_postgres(session):
        session.execute(_update_sql(table, key, tuple(columns)), {"rows": _as_json(rows)})
        return
    sets = ", ".join(f"{column} = ?" for column in columns)
    _sqlite_many(session, table, [*columns, key], f"UPDATE {table.name} SET {sets} WHERE {key} = ?",
                 [(*row[1:], row[0]) for row in rows])


def _sqlite_many(session: Session, table: Table, columns: Sequence[str], sql: str,
                 rows: Sequence[Sequence[Any]]) -> None:
    """SQLite: one prepared statement run for every row by the driver (in C), with the datetime columns'
    values in the form SQLAlchemy stores them (naive UTC text)."""
    times: dict[datetime, str] = {}  # most rows share their moments (`now`): convert each once

    def stored(value: datetime | None) -> str | None:
        if value is None:
            return None
        text = times.get(value)
        if text is None:
            text = times[value] = value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        return text

    moments = [index for index, name in enumerate(columns) if _is_datetime(table.c[name].type)]
    if moments:
        fields = list(zip(*rows, strict=True))
        for index in moments:
            fields[index] = tuple(map(stored, fields[index]))
        rows = list(zip(*fields, strict=True))
    session.connection().exec_driver_sql(sql, rows)


def _is_datetime(kind: Any) -> bool:
    return isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime)


def _as_json(rows: Sequence[Sequence[Any]]) -> str:
    def encode(value: Any) -> str:
        if isinstance(value, datetime):
            return value.isoformat()
        raise TypeError(f"{type(value).__name__} is not written by insert_rows/update_rows")

    return json.dumps(rows, default=encode, separators=(",", ":"))


def _element(table: Table, column: str, index: int) -> str:
    """PostgreSQL: field `index` of one JSON row, as `column`'s type."""
    return f"CAST(r.value ->> {index} AS {table.c[column].type.compile(dialect=postgresql.dialect())})"


_SOURCE = "jsonb_array_elements(CAST(:rows AS jsonb)) AS r(value)"  # jsonb: each row parsed once, not per field


@lru_cache(maxsize=64)
def _insert_sql(table: Table, columns: tuple[str, ...]) -> TextClause:
    values = ", ".join(_element(table, column, index) for index, column in enumerate(columns))
    return text(f"INSERT INTO {table.name} ({', '.join(columns)}) SELECT {values} FROM {_SOURCE}")


@lru_cache(maxsize=64)
def _update_sql(table: Table, key: str, columns: tuple[str, ...]) -> TextClause:
    sets = ", ".join(f"{column} = {_element(table, column, index)}" for index, column in enumerate(columns, 1))
    return text(f"UPDATE {table.name} SET {sets} FROM {_SOURCE} WHERE {table.name}.{key} = {_element(table, key, 0)}")


# --- plain rows ----------------------------------------------------------------------------------------


class MemberRow(NamedTuple):
    """A member as delivering, composing and re-planning need them: who to DM, and their settings."""

    id: int
    platform: str
    workspace_id: str
    user_id: str
    timezone: str
    work_start_hour: int
    work_end_hour: int
    work_days: str
    checkin_days: int
    paused: bool
    work_start_minute: int
    work_end_minute: int

    @property
    def settings(self) -> MemberSettings:
        return member_settings(self.timezone, self.work_start_hour, self.work_end_hour, self.work_days,
                               self.checkin_days, self.paused, self.work_start_minute, self.work_end_minute)


class ContactRow(NamedTuple):
    """A contact as composing a nudge and re-planning it need them."""

    id: int
    member_id: int
    name: str
    where_met: str | None
    notes: str | None
    offer: str | None
    met_at: datetime
    checkin_days: int | None  # the contact's own check-in cadence, else the member's
    stage: str


class ContactPlan(NamedTuple):
    """A contact as re-planning it needs: whose it is, its own check-in cadence, its stored stage, and the
    conference of its latest meeting (whose 48 h nudges are spread together)."""

    id: int
    member_id: int
    checkin_days: int | None
    stage: str
    conference_id: int | None


Shape = TypeVar("Shape", ContactRow, ContactPlan)


@lru_cache(maxsize=1024)
def member_settings(timezone: str, start_hour: int, end_hour: int, work_days: str, checkin_days: int,
                    paused: bool, start_minute: int = 0, end_minute: int = 0) -> MemberSettings:
    """Settings are immutable values: members with the same ones share one."""
    hours = WorkingHours(timezone=timezone, start_hour=start_hour, end_hour=end_hour,
                         days=frozenset(int(day) for day in work_days), start_minute=start_minute,
                         end_minute=end_minute)
    return MemberSettings(hours=hours, checkin_days=checkin_days, paused=paused)


def member_rows(session: Session, ids: Collection[int]) -> dict[int, MemberRow]:
    """Members by id, one query. A member with linked accounts is DMed on the account it delivers to
    (`members.deliver_id`): that account's platform, workspace and user id (one more query, only then)."""
    if not ids:
        return {}
    dialect = dialect_of(session)
    rows = session.execute(_members(dialect), {IDS: id_list(dialect, ids)}).all()
    members = {row[0]: MemberRow._make(row[:-1]) for row in rows}
    elsewhere = {row[0]: row[-1] for row in rows if row[-1] is not None and row[-1] != row[0]}
    if elsewhere:
        c = MEMBERS.c
        accounts = {row.id: row for row in session.execute(
            select(c.id, c.platform, c.workspace_id, c.user_id).where(c.id.in_(set(elsewhere.values()))))}
        for member_id, account_id in elsewhere.items():
            if (account := accounts.get(account_id)) is not None:
                members[member_id] = members[member_id]._replace(
                    platform=account.platform, workspace_id=account.workspace_id, user_id=account.user_id)
    return members


@cache
def _members(dialect: str) -> Select[Any]:
    c = MEMBERS.c
    return select(*(c[name] for name in MemberRow._fields), c.deliver_id).where(ids_in(dialect, c.id))


def contact_rows(session: Session, ids: Collection[int]) -> tuple[dict[int, ContactRow], dict[int, MemberRow]]:
    """Contacts by id, with their members."""
    return _with_members(session, ids, ContactRow)


def contact_plans(session: Session, ids: Collection[int]) -> tuple[dict[int, ContactPlan], dict[int, MemberRow]]:
    """What re-planning reads of contacts (no names, notes or dates), with their members."""
    return _with_members(session, ids, ContactPlan)


def _with_members(session: Session, ids: Collection[int], shape: type[Shape]
                  ) -> tuple[dict[int, Shape], dict[int, MemberRow]]:
    # Two lookups by primary key rather than a join: PostgreSQL's custom plan for a join on a long id list
    # hashes the whole members table (a sequential scan a batch); each lookup alone stays an index scan.
    if not ids:
        return {}, {}
    dialect = dialect_of(session)
    rows = session.execute(_contacts(dialect, shape._fields), {IDS: id_list(dialect, ids)}).all()
    contacts: dict[int, Shape] = {row[0]: shape._make(row) for row in rows}
    return contacts, member_rows(session, {contact.member_id for contact in contacts.values()})


@cache
def _contacts(dialect: str, columns: tuple[str, ...]) -> Select[Any]:
    c = CONTACTS.c
    return select(*(c[name] for name in columns)).where(ids_in(dialect, c.id))
