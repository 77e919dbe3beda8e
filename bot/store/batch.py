"""Set-based statements over a batch of rows, each bound as one parameter, and the plain rows they read.

`column.in_(ids)` renders one bound parameter per id on every execution (SQLAlchemy's "expanding" IN);
for the dispatcher's batches of hundreds that costs more than the query. `one_of` binds the whole list
once: `= ANY(:ids)` on PostgreSQL, `IN (SELECT value FROM json_each(:ids))` on SQLite. On PostgreSQL the
list goes as the array's text form (`{1,2,3}`) typed `integer[]`: psycopg would otherwise inspect and
dump each element (about 1 ms per thousand ids), and the server parses it once, as a typed parameter.

`insert_rows` and `update_rows` write many rows in one statement the same way: the rows travel as one
JSON array of arrays (`json.dumps` is C), unpacked by the database (`json_each` on SQLite,
`json_array_elements` with a cast to each column's type on PostgreSQL) — no per-row bind processing, no
executemany. Reading goes through plain NamedTuples (`MemberRow`, `ContactRow`): no ORM object per row.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, NamedTuple, TypeVar, cast

from sqlalchemy import ColumnElement, Integer, String, Table, TextClause, any_, bindparam, func, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from bot.models import Contact, Member
from bot.rules import MemberSettings, WorkingHours

MEMBERS, CONTACTS = cast(Table, Member.__table__), cast(Table, Contact.__table__)
SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime on SQLite (UTCDateTime: naive UTC)
R = TypeVar("R", bound=tuple[Any, ...])


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


def one_of(session: Session, column: ColumnElement[Any], ids: Iterable[int]) -> ColumnElement[bool]:
    """`column IN ids` for integer ids, with the list as a single parameter."""
    values = sorted({int(value) for value in ids})
    if is_postgres(session):
        _register_dumper()
        return column == any_(bindparam(None, values, type_=_IdArray()))
    listed = func.json_each(bindparam(None, json.dumps(values), type_=String)).table_valued("value")
    return column.in_(select(listed.c.value))


# --- many rows in one statement ------------------------------------------------------------------------


def insert_rows(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT many rows (tuples in `columns` order; aware datetimes, ints, strings, None) in one statement."""
    if rows:
        postgres = is_postgres(session)
        session.execute(_insert_sql(table, tuple(columns), postgres), {"rows": _as_json(rows, postgres)})


def update_rows(session: Session, table: Table, key: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """UPDATE many rows to their own values in one statement: each row is (key value, *values of `columns`)."""
    if rows:
        postgres = is_postgres(session)
        session.execute(_update_sql(table, key, tuple(columns), postgres), {"rows": _as_json(rows, postgres)})


def _as_json(rows: Sequence[Sequence[Any]], postgres: bool) -> str:
    def encode(value: Any) -> str:
        if isinstance(value, datetime):
            utc = value.astimezone(UTC)
            return utc.isoformat() if postgres else utc.strftime(SQLITE_TIME)
        raise TypeError(f"{type(value).__name__} is not written by insert_rows/update_rows")

    return json.dumps(rows, default=encode, separators=(",", ":"))


def _element(table: Table, column: str, index: int, postgres: bool) -> str:
    """The SQL for field `index` of one JSON row, as `column`'s type."""
    if not postgres:
        return f"json_extract(r.value, '$[{index}]')"
    kind = table.c[column].type.compile(dialect=postgresql.dialect())
    return f"CAST(r.value ->> {index} AS {kind})"


def _source(postgres: bool) -> str:
    return "json_array_elements(CAST(:rows AS json)) AS r(value)" if postgres else "json_each(:rows) AS r"


@lru_cache(maxsize=64)
def _insert_sql(table: Table, columns: tuple[str, ...], postgres: bool) -> TextClause:
    values = ", ".join(_element(table, column, index, postgres) for index, column in enumerate(columns))
    return text(f"INSERT INTO {table.name} ({', '.join(columns)}) SELECT {values} FROM {_source(postgres)}")


@lru_cache(maxsize=64)
def _update_sql(table: Table, key: str, columns: tuple[str, ...], postgres: bool) -> TextClause:
    sets = ", ".join(f"{column} = {_element(table, column, index, postgres)}"
                     for index, column in enumerate(columns, 1))
    return text(f"UPDATE {table.name} SET {sets} FROM {_source(postgres)} "
                f"WHERE {table.name}.{key} = {_element(table, key, 0, postgres)}")


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

    @property
    def settings(self) -> MemberSettings:
        return member_settings(self.timezone, self.work_start_hour, self.work_end_hour, self.work_days,
                               self.checkin_days, self.paused)


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


@lru_cache(maxsize=1024)
def member_settings(timezone: str, start_hour: int, end_hour: int, work_days: str, checkin_days: int,
                    paused: bool) -> MemberSettings:
    """Settings are immutable values: members with the same ones share one."""
    hours = WorkingHours(timezone=timezone, start_hour=start_hour, end_hour=end_hour,
                         days=frozenset(int(day) for day in work_days))
    return MemberSettings(hours=hours, checkin_days=checkin_days, paused=paused)


def member_rows(session: Session, ids: Collection[int]) -> dict[int, MemberRow]:
    """Members by id, one query."""
    return {row.id: row for row in _read(session, MEMBERS, MemberRow, ids)}


def contact_rows(session: Session, ids: Collection[int]) -> dict[int, ContactRow]:
    """Contacts by id, one query."""
    return {row.id: row for row in _read(session, CONTACTS, ContactRow, ids)}


def _read(session: Session, table: Table, row: type[R], ids: Collection[int]) -> list[R]:
    if not ids:
        return []
    query = select(*(table.c[name] for name in row._fields)).where(one_of(session, table.c.id, ids))
    return [row._make(values) for values in session.execute(query).all()]
