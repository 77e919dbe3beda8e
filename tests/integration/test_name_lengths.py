"""Names that fit the 120-character name column, checked as the store keeps them (item 10): a name that
casefolding makes longer (ß → ss, ﬁ → fi) is refused with the usage line, and so is a second contact
whose " (2)" would carry its name past 120 — where PostgreSQL raised StringDataRightTruncation and the
member read "Something went wrong". SQLite and the real PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import OOPS, Coach
from bot.commands import Met, UsageError, Who
from bot.identity import Actor
from bot.limits import MAX_NAME
from bot.models import Contact
from bot.store.repository import name_key

ANA = Actor("slack", "T1", "U_ANA", display_name="Ana", timezone="UTC")
FOLDS_LONGER = ["ß" * 61, "Straße " * 17, "ﬁ" * 61, "ŉ" * 100, "ΐ" * 41]


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> Coach:
    return Coach(sessions, clock)


def contacts(sessions: sessionmaker[Session]) -> list[tuple[str, str]]:
    with sessions() as session:
        return [tuple(row) for row in session.execute(select(Contact.name, Contact.name_key).order_by(Contact.id))]


@pytest.mark.parametrize("name", FOLDS_LONGER, ids=["eszett", "strasse", "fi-ligature", "n-apostrophe", "iota"])
def test_a_name_that_folds_past_the_limit_is_refused_with_the_usage_line(coach: Coach, sessions, name: str) -> None:
    name = name.strip()
    assert len(name) <= MAX_NAME < len(name_key(name))
    for reply in (coach.handle_text(ANA, "/met", f'"{name}" at PyCon'),):
        assert reply.error and OOPS not in reply.text
        assert "Names are at most 120 characters" in reply.text and "Usage: /met" in reply.text
    with pytest.raises(UsageError):  # a form or Discord's options build the command: refused alike
        Met(Who(name))
    assert contacts(sessions) == []


def test_a_name_that_folds_to_exactly_the_limit_is_kept(coach: Coach, sessions) -> None:
    name = "ß" * 60  # 120 once folded
    assert not coach.handle(ANA, Met(Who(name))).error
    assert contacts(sessions) == [(name, "ss" * 60)]


@pytest.mark.parametrize("length", [117, 118, 119, 120])
def test_a_second_contact_whose_number_would_pass_the_limit(coach: Coach, sessions, length: int) -> None:
    """Two members of the workspace share a long display name: the second needs " (2)" to be told apart."""
    name = ("Jane " * 30)[: length - 1] + "x"
    first = coach.handle_text(ANA, "/met", f"<@U1|{name}> at PyCon")
    assert not first.error, first.text
    second = coach.handle_text(ANA, "/met", f"<@U2|{name}> at RustConf")
    if length + len(" (2)") <= MAX_NAME:
        assert not second.error and contacts(sessions)[-1][0] == f"{name} (2)"
        return
    assert second.error and OOPS not in second.text
    assert "Give a shorter name" in second.text and "Usage: /met" in second.text
    assert len(contacts(sessions)) == 1
    shorter = coach.handle_text(ANA, "/met", f"<@U2|{name[:100]}> at RustConf")  # and a shorter one is taken
    assert not shorter.error and len(contacts(sessions)) == 2


def test_every_stored_name_and_key_fits_its_column(coach: Coach, sessions) -> None:
    for name in ("ß" * 60, "Ǆ" * 120, "İ" * 60, "a" * 116):
        coach.handle(ANA, Met(Who(name)))
        coach.handle_text(ANA, "/met", f"<@U9|{name}>")
    with sessions() as session:
        longest = session.execute(select(func.max(func.length(Contact.name)), func.max(func.length(Contact.name_key))))
        assert all(value <= MAX_NAME for value in longest.one())
