"""/coach delete-my-data asks first (with a button), then leaves no row of that member behind — on SQLite
and on the real PostgreSQL — and touches nobody else's."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.commands import DeleteMyData, parse_line
from bot.identity import Actor
from bot.models import Contact, Event, Member, Nudge
from bot.replies import Verb, format_action_id, parse_action_id

ALICE = Actor("slack", "T1", "U1", display_name="alice", timezone="UTC")
BOB = Actor("slack", "T1", "U2", display_name="bob", timezone="UTC")


def rows_of(session: Session, member_id: int) -> dict[str, int]:
    contacts = select(Contact.id).where(Contact.member_id == member_id).scalar_subquery()
    return {
        "members": session.scalar(select(func.count()).where(Member.id == member_id)) or 0,
        "contacts": session.scalar(select(func.count()).where(Contact.member_id == member_id)) or 0,
        "events": session.scalar(select(func.count()).where(Event.contact_id.in_(contacts))) or 0,
        "nudges": session.scalar(select(func.count()).where(Nudge.member_id == member_id)) or 0,
    }


def member_id(sessions: sessionmaker[Session], actor: Actor) -> int:
    with sessions() as session:
        found = session.scalar(select(Member.id).where(Member.user_id == actor.user_id))
        assert found is not None
        return found


def fill(coach: Coach, clock: FakeClock, actor: Actor) -> None:
    for line in ('/met "Jane Doe" at PyCon -- onboarding metrics #python', "/met Bob at RustConf",
                 '/coach sent "Jane Doe"', "/coach settings tz Europe/Berlin"):
        assert not coach.handle_line(actor, line).error, line
    clock.advance(timedelta(hours=1))
    assert not coach.handle_line(actor, '/coach replied "Jane Doe"').error


def test_delete_my_data_asks_then_the_button_erases_every_row(sessions: sessionmaker[Session],
                                                              clock: FakeClock) -> None:
    coach = Coach(sessions, clock)
    fill(coach, clock, ALICE)
    fill(coach, clock, BOB)
    alice, bob = member_id(sessions, ALICE), member_id(sessions, BOB)
    with sessions() as session:
        before_bob = rows_of(session, bob)
        assert all(rows_of(session, alice).values())

    ask = coach.handle_line(ALICE, "/coach delete-my-data")
    assert not ask.error and "cannot be undone" in ask.text
    (button,) = ask.actions
    assert button.verb is Verb.DELETE_ME and button.action_id == f"coach:deleteme:{alice}"
    assert button.command == "/coach delete-my-data confirm"
    with sessions() as session:
        assert rows_of(session, alice)["contacts"] == 2  # asking deletes nothing

    assert coach.press(BOB, button.action_id).error  # only Alice may press Alice's button
    with sessions() as session:
        assert rows_of(session, alice)["contacts"] == 2

    done = coach.press(ALICE, button.action_id)
    assert not done.error and "deleted everything" in done.text
    with sessions() as session:
        assert rows_of(session, alice) == {"members": 0, "contacts": 0, "events": 0, "nudges": 0}
        assert rows_of(session, bob) == before_bob
    assert coach.press(ALICE, button.action_id).error  # a second click finds nothing to delete


def test_typed_confirmation_erases_too_and_the_member_can_start_fresh(sessions: sessionmaker[Session],
                                                                       clock: FakeClock) -> None:
    coach = Coach(sessions, clock)
    fill(coach, clock, ALICE)
    alice = member_id(sessions, ALICE)
    assert not coach.handle_line(ALICE, "/coach delete-my-data confirm").error
    with sessions() as session:
        assert rows_of(session, alice) == {"members": 0, "contacts": 0, "events": 0, "nudges": 0}
    assert "0 contacts" in coach.handle_line(ALICE, "/coach delete-my-data").text


def test_grammar_and_action_ids_stay_backwards_compatible() -> None:
    assert parse_line("/coach delete-my-data") == DeleteMyData()
    assert parse_line("/coach delete-my-data confirm") == DeleteMyData(confirmed=True)
    assert parse_action_id("coach:sent:42") is not None and parse_action_id("coach:sent:42").verb is Verb.SENT  # type: ignore[union-attr]
    assert parse_action_id(format_action_id(Verb.DELETE_ME, 7)).nudge_id == 7  # type: ignore[union-attr]
    assert parse_action_id("coach:deleteme:x") is None
