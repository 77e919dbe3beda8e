"""Two requests of one member at once (a double submit, two replicas racing) on the real PostgreSQL:
both succeed, nothing is doubled, and a database error never writes a member's words into the log."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from functools import partial

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

import bot.coach
import bot.handlers.contacts as contacts
from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor
from bot.linking import code_hash
from bot.models import Contact, Event, LinkCode, Member, Nudge, NudgeState
from bot.replies import Reply, Verb, format_action_id
from tests.conftest import _empty

pytestmark = pytest.mark.postgres
ROUNDS = 50


@pytest.fixture
def pg(_postgres_store: tuple[Engine, sessionmaker[Session]]) -> Iterator[sessionmaker[Session]]:
    engine, sessions = _postgres_store
    _empty(engine)
    yield sessions
    _empty(engine)


def at_once(*calls: Callable[[], Reply]) -> list[Reply]:
    """Run the calls in threads released together by a barrier; their replies in order."""
    barrier = threading.Barrier(len(calls))
    replies: list[Reply | None] = [None] * len(calls)

    def run(index: int, call: Callable[[], Reply]) -> None:
        barrier.wait()
        replies[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [reply for reply in replies if reply is not None]


def test_two_simultaneous_mets_of_a_new_name_make_one_contact(pg: sessionmaker[Session], clock: FakeClock,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    coach = Coach(pg, clock)
    caplog.set_level(logging.INFO)
    replies: list[Reply] = []
    for round_ in range(ROUNDS):
        actor = Actor("slack", "T1", f"U{round_}", display_name="Sam", timezone="UTC")
        name = f"Zelda Quartermain{round_}"
        assert not coach.handle_text(actor, "/coach", "help").error  # a member already
        same_met = partial(coach.handle_text, actor, "/met", f'"{name}" at PyCon -- talked metrics')
        replies += at_once(same_met, same_met)
    assert len(replies) == 2 * ROUNDS
    assert [r.text for r in replies if r.error] == []
    with pg() as session:
        names = list(session.scalars(select(Contact.name)))
        assert len(names) == ROUNDS and not [n for n in names if "(2)" in n]
        assert session.scalar(select(func.count()).select_from(Event)) == ROUNDS  # the replay met nobody new
        pending = select(func.count()).select_from(Nudge).where(Nudge.state == NudgeState.PENDING.value)
        assert session.scalar(pending) == ROUNDS
        notes = list(session.scalars(select(Contact.notes)))
        assert set(notes) == {"talked metrics"}
    assert "Zelda" not in caplog.text and "metrics" not in caplog.text


def test_a_first_command_from_two_replicas_makes_one_member(pg: sessionmaker[Session], clock: FakeClock) -> None:
    coach = Coach(pg, clock)
    for round_ in range(ROUNDS // 5):
        actor = Actor("slack", "T1", f"NEW{round_}", display_name="Sam", timezone="UTC")
        replies = at_once(partial(coach.handle_text, actor, "/met", "Ann at PyCon"),
                          partial(coach.handle_text, actor, "/met", "Bob at PyCon"))
        assert [r.text for r in replies if r.error] == []
    with pg() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 2 * (ROUNDS // 5)


def another_replica_inserts_first(monkeypatch: pytest.MonkeyPatch, sessions: sessionmaker[Session],
                                  actor: Actor, clock: FakeClock) -> list[int]:
    """Make the next /met lose the race deterministically: right after it has chosen the new contact's
    name, another transaction (the other replica) commits a contact by that name. Returns a call count."""
    real_free_name = contacts.free_name
    calls: list[int] = []

    def free_name_then_lose(session: Session, member: object, name: str) -> str:
        chosen = real_free_name(session, member, name)  # type: ignore[arg-type]
        if not calls:
            other = Coach(sessions, clock)
            monkeypatch.setattr(contacts, "free_name", real_free_name)
            assert not other.handle_text(actor, "/met", f'"{name}" at PyCon -- talked metrics').error
            monkeypatch.setattr(contacts, "free_name", free_name_then_lose)
        calls.append(1)
        return chosen

    monkeypatch.setattr(contacts, "free_name", free_name_then_lose)
    return calls


def test_a_unit_that_lost_a_race_runs_again_and_reads_the_winner(pg: sessionmaker[Session], clock: FakeClock,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(bot.coach, "lock_person", lambda *_: None)  # as if the lock were missing
    actor = Actor("slack", "T1", "URACE", display_name="Sam", timezone="UTC")
    coach = Coach(pg, clock)
    assert not coach.handle_text(actor, "/coach", "help").error
    calls = another_replica_inserts_first(monkeypatch, pg, actor, clock)
    caplog.set_level(logging.INFO)
    reply = coach.handle_text(actor, "/met", '"Zelda Quartermain" at PyCon -- talked metrics')
    assert not reply.error and reply.text.startswith("Already noted")
    assert len(calls) == 1  # the second attempt found the contact: no new name was chosen
    assert "retried" in caplog.text and "uq_contacts_member_name" in caplog.text
    with pg() as session:
        assert list(session.scalars(select(Contact.name))) == ["Zelda Quartermain"]
        assert session.scalar(select(func.count()).select_from(Event)) == 1
    assert "Zelda" not in caplog.text and "metrics" not in caplog.text


def test_a_database_error_is_logged_by_constraint_never_by_value(pg: sessionmaker[Session], clock: FakeClock,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(bot.coach, "lock_person", lambda *_: None)
    monkeypatch.setattr(bot.coach, "is_transient", lambda _error: False)  # no second attempt
    actor = Actor("slack", "T1", "ULOG", display_name="Sam", timezone="UTC")
    coach = Coach(pg, clock)
    assert not coach.handle_text(actor, "/coach", "help").error
    another_replica_inserts_first(monkeypatch, pg, actor, clock)
    caplog.set_level(logging.INFO)
    reply = coach.handle_text(actor, "/met", '"Zelda Quartermain" at PyCon -- talked metrics')
    assert reply.error
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is None
    line = errors[0].getMessage()
    assert "sqlstate 23505" in line and "constraint uq_contacts_member_name" in line and "table contacts" in line
    assert "zelda" not in caplog.text.casefold() and "metrics" not in caplog.text and "Key (" not in caplog.text


def test_a_double_click_records_once(pg: sessionmaker[Session], clock: FakeClock) -> None:
    coach = Coach(pg, clock)
    for round_ in range(ROUNDS // 5):
        actor = Actor("slack", "T1", f"CLICK{round_}", display_name="Sam", timezone="UTC")
        assert not coach.handle_text(actor, "/met", f"Person{round_} at PyCon").error
        with pg() as session:
            nudge_id = session.scalars(select(Nudge.id).join(Contact, Contact.id == Nudge.contact_id)
                                       .where(Contact.name == f"Person{round_}")).one()
        click = partial(coach.press, actor, format_action_id(Verb.SENT, nudge_id))
        replies = at_once(click, click)
        assert [r.text for r in replies if r.error] == []
        assert sum("Already noted" in r.text for r in replies) == 1
    with pg() as session:
        assert session.scalar(select(func.count()).select_from(Event).where(Event.kind == "sent")) == ROUNDS // 5


def test_two_linked_accounts_pressing_at_once_record_once(pg: sessionmaker[Session], clock: FakeClock) -> None:
    """The same nudge's button pressed on Slack and on Discord at the same moment: the per-person lock on
    the canonical member makes them run one after the other; one records, the other reads it."""
    coach = Coach(pg, clock)
    for round_ in range(ROUNDS // 10):
        slack = Actor("slack", "T1", f"LS{round_}", display_name="Sam", timezone="UTC")
        discord = Actor("discord", "G1", f"LD{round_}", display_name="sam", timezone="UTC")
        assert not coach.handle_text(slack, "/met", f"Person{round_} at PyCon").error
        code = coach.handle_text(slack, "/coach", "link").text.split("Your link code: ", 1)[1].split()[0]
        assert "press Allow" in coach.handle_text(discord, "/coach", f"link {code}").text
        with pg() as session:
            code_id = session.scalars(select(LinkCode.id).where(LinkCode.code_hash == code_hash(code))).one()
        assert "Linked" in coach.press(slack, format_action_id(Verb.ALLOW, code_id)).text
        with pg() as session:
            nudge_id = session.scalars(select(Nudge.id).join(Contact, Contact.id == Nudge.contact_id)
                                       .where(Contact.name == f"Person{round_}")).one()
            assert session.scalar(select(func.count(Member.id)).where(Member.linked_to.is_not(None))) == round_ + 1
        action = format_action_id(Verb.SENT, nudge_id)
        replies = at_once(partial(coach.press, slack, action), partial(coach.press, discord, action))
        assert [r.text for r in replies if r.error] == []
        assert sum("Already noted" in r.text for r in replies) == 1
    with pg() as session:
        assert session.scalar(select(func.count()).select_from(Event).where(Event.kind == "sent")) == ROUNDS // 10
