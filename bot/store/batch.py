"""Set-based statements over a batch of ids, bound as one parameter.

`column.in_(ids)` renders one bound parameter per id on every execution (SQLAlchemy's "expanding" IN);
for the dispatcher's batches of hundreds that costs more than the query. `one_of` binds the whole list
once: `= ANY(:ids)` on PostgreSQL, `IN (SELECT value FROM json_each(:ids))` on SQLite. On PostgreSQL the
list goes as the array's text form (`{1,2,3}`) typed `integer[]`: psycopg would otherwise inspect and
dump each element (about 1 ms per thousand ids), and the server parses it once, as a typed parameter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator


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


def one_of(session: Session, column: ColumnElement[Any], ids: Iterable[int]) -> ColumnElement[bool]:
    """`column IN ids` for integer ids, with the list as a single parameter."""
    values = sorted({int(value) for value in ids})
    if session.get_bind().dialect.name == "postgresql":
        _register_dumper()
        return column == any_(bindparam(None, values, type_=_IdArray()))
    listed = func.json_each(bindparam(None, json.dumps(values), type_=String)).table_valued("value")
    return column.in_(select(listed.c.value))
