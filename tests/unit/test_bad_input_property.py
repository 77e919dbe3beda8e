"""Arbitrary text never raises out of the parser or the use cases, and a refused command writes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.commands import UsageError, parse, parse_line
from bot.identity import Actor
from bot.models import Contact, Event, Nudge
from bot.store import open_store
from tests.conftest import START

ACTOR = Actor("console", "local", "fuzzer", timezone="UTC")
PREFIXES = ["/met ", "/review ", "/coach ", "/coach sent ", "/coach snooze ", "/coach settings ", "/coach list ",
            "/coach forget ", "/coach show ", "/coach settings tz ", "/coach settings hours ",
            "/coach settings checkins ", "/coach snooze jane ", "/coach delete-my-data ", "/met jane at ", ""]
hostile = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.sampled_from(['"', "<@", "<@U1|", "@", "#", " -- ", " at ", "\x00", "'", "“", "<@!>", "--", "#" * 50]),
)
lines = st.builds(lambda p, parts: p + "".join(parts), st.sampled_from(PREFIXES), st.lists(hostile, max_size=4))


@given(lines)
@settings(max_examples=400, deadline=None)
def test_parser_only_ever_raises_usage_errors(line: str) -> None:
    try:
        parse_line(line)
    except UsageError as problem:
        assert problem.text.strip()
        assert "Traceback" not in problem.text


@given(st.text(max_size=50), st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_slack_style_parse_only_ever_raises_usage_errors(command: str, text: str) -> None:
    try:
        parse(command, text)
    except UsageError as problem:
        assert problem.text.strip()  # anything else propagates and fails the test


@pytest.mark.parametrize("command", ["ACH", "/coahc", "cach", "/mett", "revue"])
def test_a_mistyped_command_is_answered_with_the_nearest_one_and_its_example(command: str) -> None:
    # "/ACH" is nearest to /coach itself, which had no usage line: a KeyError reached the member
    with pytest.raises(UsageError) as raised:
        parse(command, "")
    assert "Did you mean /" in raised.value.text and "Example: /" in raised.value.text


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sessionmaker[Session]]:
    engine, sessions = open_store(f"sqlite:///{tmp_path_factory.mktemp('fuzz')}/coach.db")
    yield sessions
    engine.dispose()


def rows(sessions: sessionmaker[Session]) -> tuple[int, int, int]:
    with sessions() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) or 0  # type: ignore[return-value]
                     for m in (Contact, Event, Nudge))


@given(lines)
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_use_cases_answer_everything_and_refusals_write_nothing(fuzz_store: sessionmaker[Session],
                                                                line: str) -> None:
    coach = Coach(fuzz_store, FakeClock(START))
    before = rows(fuzz_store)
    reply = coach.handle_line(ACTOR, line)
    assert isinstance(reply.text, str) and reply.text
    assert "Traceback" not in reply.text
    assert "Something went wrong" not in reply.text, f"{line!r} crashed a use case"
    if reply.error:
        assert rows(fuzz_store) == before
