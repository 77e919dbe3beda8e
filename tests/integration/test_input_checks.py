"""Every way in — typed text, a command built from a form or options, the platform's account of who
is asking — passes the grammar's checks: a short usage message, never the apology, nothing stored
(SQLite and the real PostgreSQL, which refuses NUL outright)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import OOPS, Coach
from bot.commands import CONTROL_PROBLEM, AddDetails, Command, Met, Review, Show, UsageError, Who
from bot.identity import Actor
from bot.limits import MAX_TEXT
from bot.lookup import contact_names
from bot.models import Contact, Event, Member

ANA = Actor("slack", "T1", "U_ANA", display_name="Ana", timezone="UTC")


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> Coach:
    return Coach(sessions, clock)


def rows(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        return (session.scalar(select(func.count()).select_from(Contact)) or 0,
                session.scalar(select(func.count()).select_from(Event)) or 0)


@pytest.mark.parametrize("text, problem", [
    ("Jane\x00Doe at PyCon", CONTROL_PROBLEM),
    ("Jane Doe at PyCon -- talked\x00metrics", CONTROL_PROBLEM),
    ("Jane Doe -- notes \ud800 here", CONTROL_PROBLEM),
    ("<@" + "U" * 200 + "|jane> at PyCon", "doesn't look like a member"),
    ("Jane at PyCon -- " + "x" * MAX_TEXT, "I read at most"),
])
def test_typed_text_is_refused_with_usage(coach: Coach, sessions: sessionmaker[Session], text: str,
                                          problem: str) -> None:
    reply = coach.handle_text(ANA, "/met", text)
    assert reply.error and problem in reply.text and OOPS not in reply.text
    assert rows(sessions) == (0, 0)


@pytest.mark.parametrize("build, problem", [
    (lambda: Met(Who("Jane\x00Doe")), CONTROL_PROBLEM),
    (lambda: Met(Who("Jane Doe"), notes="a\x00b"), CONTROL_PROBLEM),
    (lambda: Met(Who("Jane Doe"), where="Py\x01Con"), CONTROL_PROBLEM),
    (lambda: Met(Who("Jane Doe", "U" * 200)), "doesn't look like a member"),
    (lambda: Met(Who("Jane Doe", "U1\x00")), "doesn't look like a member"),
    (lambda: Met(Who("Jane Doe"), where="x" * 301), "keep it under 300"),
    (lambda: Met(Who("Jane Doe"), notes="x" * (MAX_TEXT + 1)), "keep it under 4,000"),
    (lambda: Met(Who("J" * 121)), "at most 120"),
    (lambda: Met(Who("Jane Doe"), tags=("ok", "x" * 41)), "at most 10 tags"),
    (lambda: Met(Who("Jane Doe"), interests=tuple(f"i{n}" for n in range(11))), "at most 10 interests"),
    (lambda: AddDetails(Who("Jane Doe"), notes="bad\x00notes"), CONTROL_PROBLEM),
    (lambda: Review("Hi\x00 Jane"), CONTROL_PROBLEM),
    (lambda: Review("   "), "Paste the draft"),
    (lambda: Show(Who("Jane\x00")), CONTROL_PROBLEM),
])
def test_a_built_command_is_refused_like_typed_text(sessions: sessionmaker[Session], build: Callable[[], Command],
                                                    problem: str) -> None:
    """A command refuses to be built from what the grammar refuses: no entry point can hand the core one."""
    with pytest.raises(UsageError) as refused:
        build()
    assert problem in refused.value.text and OOPS not in refused.value.text
    assert rows(sessions) == (0, 0)


def test_the_parsers_own_commands_pass_unchanged() -> None:
    met = Met(Who("Jane Doe", "U42"), where="PyCon", notes="line one\nline two", tags=("python",),
              interests=("climbing",), offer="an intro")
    assert (met.who, met.where, met.notes, met.tags, met.interests, met.offer) == (
        Who("Jane Doe", "U42"), "PyCon", "line one\nline two", ("python",), ("climbing",), "an intro")


@pytest.mark.parametrize("actor", [
    Actor("slack", "T1", "U" * 200),
    Actor("slack", "T1", "U1\x00"),
    Actor("slack", "T" * 200, "U1"),
    Actor("slack", "T1", ""),
])
def test_an_impossible_asker_is_refused(coach: Coach, sessions: sessionmaker[Session], actor: Actor) -> None:
    for reply in (coach.handle_text(actor, "/met", "Jane at PyCon"), coach.press(actor, "coach:sent:1")):
        assert reply.error and OOPS not in reply.text
    assert rows(sessions) == (0, 0)


def test_a_display_name_or_zone_that_does_not_fit_is_a_hint_dropped(coach: Coach,
                                                                  sessions: sessionmaker[Session]) -> None:
    actor = Actor("slack", "T1", "U1", display_name="Ana\x00" + "a" * 300, timezone="Europe/\x00Berlin")
    assert not coach.handle_text(actor, "/met", "Jane at PyCon").error
    with sessions() as session:
        member = session.scalars(select(Member)).one()
    assert member.display_name == "Ana" + "a" * 117 and member.timezone == "UTC"


def test_autocomplete_with_control_characters_is_just_a_search(coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_text(ANA, "/met", "Jane Doe at PyCon")
    assert contact_names(sessions, ANA, "ja\x00ne") == ["Jane Doe"]
    assert contact_names(sessions, ANA, "\x00\ud800" * 100) == ["Jane Doe"]
