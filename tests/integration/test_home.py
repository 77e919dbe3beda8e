"""App Home's dashboard read while the member keeps typing: a contact recorded during the read, on SQLite
and the real PostgreSQL (where each statement of an ordinary read sees what has been committed by then)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from bot import queries
from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor

ANA = Actor("slack", "T1", "U_ANA", display_name="Ana", timezone="UTC")


@pytest.fixture
def engine(store: tuple[Engine, sessionmaker[Session]]) -> Engine:
    return store[0]


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> Coach:
    return Coach(sessions, clock)


@pytest.fixture
def met_during_the_read(engine: Engine, coach: Coach) -> Iterator[list[str]]:
    """Once armed (a first item in the list), records one more contact for Ana, committed, just before the
    first statement that reads contacts' events: after Home has read her contacts, before their history."""
    recorded: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if recorded == ["armed"] and " events" in statement and statement.lstrip().upper().startswith("SELECT"):
            recorded.append("Bob Stone")
            assert not coach.handle_line(ANA, "/met Bob Stone at RustConf").error

    event.listen(engine, "before_cursor_execute", before)
    yield recorded
    event.remove(engine, "before_cursor_execute", before)


def test_a_contact_recorded_while_home_is_read_gives_a_whole_dashboard(
        coach: Coach, sessions: sessionmaker[Session], clock: FakeClock, met_during_the_read: list[str]) -> None:
    for name in ("Jane Doe", "Kim Ng"):
        assert not coach.handle_line(ANA, f"/met {name} at PyCon").error
    assert not coach.handle_line(ANA, "/coach sent Jane").error
    clock.advance(timedelta(days=9))  # Jane and Kim in last week's column; Bob lands in this week's

    met_during_the_read.append("armed")
    home = queries.home(sessions, ANA, clock.now())

    assert met_during_the_read == ["armed", "Bob Stone"]  # Bob's /met ran inside the read
    assert home.known and home.weeks is not None
    # One reading, whichever side of Bob's /met it fell on: the numbers and the weeks count the same contacts.
    counted = home.weeks.total_met + home.weeks.this_week[0]
    assert home.numbers.contacts == counted and counted in (2, 3)
    assert home.weeks.total_met == 2 and home.weeks.total_followed_up == 1
    assert queries.home(sessions, ANA, clock.now()).numbers.contacts == 3  # and Bob is there next time
