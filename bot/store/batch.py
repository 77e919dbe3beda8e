"""Set-based statements over a batch of ids, bound as one parameter.

`column.in_(ids)` renders one bound parameter per id on every execution (SQLAlchemy's "expanding" IN);
for the dispatcher's batches of hundreds that costs more than the query. `one_of` binds the whole list
once: `= ANY(:ids)` on PostgreSQL, `IN (SELECT value FROM json_each(:ids))` on SQLite.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session


def one_of(session: Session, column: ColumnElement[Any], ids: Iterable[int]) -> ColumnElement[bool]:
    """`column IN ids` for integer ids, with the list as a single parameter."""
    values = sorted({int(value) for value in ids})
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(Integer)))
    listed = func.json_each(bindparam(None, json.dumps(values), type_=String)).table_valued("value")
    return column.in_(select(listed.c.value))
