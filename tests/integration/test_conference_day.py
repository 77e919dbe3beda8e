"""The conference day end to end in one process, on SQLite and the real PostgreSQL: /coach event, /met of
several people, the day's recap (exactly once, through the dispatcher), the 48-hour nudges of one event
spread a few an hour, an event across a DST change and across a change of timezone, and 30 people."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor
from bot.models import Conference, Contact, Nudge, NudgeKind, NudgeState
from bot.planner import SPREAD_PER_HOUR
from bot.recap import RECAP
from bot.replies import Verb, format_action_id
from bot.rules import FIRST_NUDGE_DEADLINE
from scheduler.dispatcher import Dispatcher
from scheduler.notifier import Outgoing
from tests.fakes import RecordingNotifier, ThreadedCoach

BERLIN = Actor("console", "local", "u-berlin", display_name="Berta", timezone="Europe/Berlin")
STRANGER = Actor("console", "local", "u-other", display_name="Otto", timezone="Europe/Berlin")
STEP = timedelta(minutes=15)


def at(zone: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)  # type: ignore[misc]


def berlin(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("Europe/Berlin")).strftime("%a %d %H:%M")


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> ThreadedCoach:
    return ThreadedCoach(Coach(sessions, clock, default_timezone="UTC"))


def say(coach: ThreadedCoach, line: str, actor: Actor = BERLIN) -> str:
    reply = coach.handle_line(actor, line)
    assert not reply.error, reply.text
    return reply.text


async def run_until(clock: FakeClock, until: datetime, worker: Dispatcher) -> list[tuple[Outgoing, datetime]]:
    """Move the clock in 15-minute steps with a dispatcher tick at each: every DM, and when."""
    notifier = next(iter(worker.notifiers.values()))
    assert isinstance(notifier, RecordingNotifier)
    got: list[tuple[Outgoing, datetime]] = []
    while clock.now() < until:
        clock.advance(STEP)
        before = len(notifier.sent)
        await worker.tick()
        got += [(message, clock.now()) for message in notifier.sent[before:]]
    return got


def rows(sessions: sessionmaker[Session], kind: str) -> list[Nudge]:
    with sessions() as session:
        return list(session.scalars(select(Nudge).where(Nudge.kind == kind).order_by(Nudge.id)))


def is_recap(message: Outgoing) -> bool:
    return bool(message.reply.title and message.reply.title.startswith("Your day"))


async def test_a_conference_day_end_to_end(sessions: sessionmaker[Session], clock: FakeClock,
                                           coach: ThreadedCoach) -> None:
    clock.set(at("Europe/Berlin", 2026, 3, 3, 9, 30))  # Tuesday morning, Berlin
    started = say(coach, '/coach event "KubeCon EU" until fri')
    assert "It's on until the end of Fri 6 Mar" in started and "17:30" in started
    assert "Event: KubeCon EU, until the end of Fri 6 Mar." in say(coach, "/coach settings")
    assert say(coach, "/coach help").startswith("Event: KubeCon EU")

    clock.advance(timedelta(hours=1))
    many = say(coach, '/met @ana @ben "Chris Ode" -- talked about eBPF')
    assert "Noted 3 people at KubeCon EU: ana, ben, Chris Ode." in many and "Notes for all of them" in many
    clock.advance(timedelta(hours=3))
    say(coach, "/met dana at the Rust meetup")  # "at" wins; she still joined the event's day
    clock.advance(timedelta(minutes=2))
    assert "Already noted" in say(coach, "/met dana at the Rust meetup")  # a double submit records nothing
    say(coach, '/coach note "Chris Ode" -- wants the slides')

    with sessions() as session:
        contacts = {c.name: c for c in session.scalars(select(Contact))}
        assert {c.where_met for c in contacts.values()} == {"KubeCon EU", "the Rust meetup"}
        assert contacts["ben"].notes == "talked about eBPF"
        assert contacts["Chris Ode"].notes == "talked about eBPF; wants the slides"
        assert len({c.conference_id for c in contacts.values()}) == 1
    [recap_row] = rows(sessions, RECAP)
    assert (recap_row.day, berlin(recap_row.due_at)) == ("2026-03-03", "Tue 03 17:30")

    notifier = RecordingNotifier()
    worker = Dispatcher(sessions, clock, {"console": notifier})
    clock.set(at("Europe/Berlin", 2026, 3, 3, 15, 0))  # ticks on the quarter hour from here
    got = await run_until(clock, at("Europe/Berlin", 2026, 3, 6, 12, 0), worker)
    recaps = [(m, when) for m, when in got if is_recap(m)]
    assert [berlin(when) for _, when in recaps] == ["Tue 03 17:30"]  # exactly one, at the end of the day
    recap = recaps[0][0].reply
    assert recap.title == "Your day at KubeCon EU: 4 people"
    assert [part.title for part in recap.sections] == ["1. ana", "2. ben", "3. Chris Ode", "4. dana"]
    assert "talked about eBPF; wants the slides" in recap.sections[2].text
    for part in recap.sections:
        assert [a.label for a in part.actions] == ["Draft", "Add a note"]
        assert part.actions[1].verb is Verb.NOTE
    first_nudges = [(m, when) for m, when in got if not is_recap(m)]
    with sessions() as session:
        met_at = {c.id: c.met_at for c in session.scalars(select(Contact))}
    for message, when in first_nudges:
        for nudge_id in message.nudge_ids:
            with sessions() as session:
                nudge = session.get_one(Nudge, nudge_id)
            if nudge.kind == NudgeKind.FOLLOW_UP_48H.value:
                assert nudge.contact_id is not None and when <= met_at[nudge.contact_id] + FIRST_NUDGE_DEADLINE

    ended = say(coach, "/coach event end")
    assert ended.startswith("KubeCon EU is over")
    assert "Event:" not in say(coach, "/coach settings")
    assert "No event is on" in say(coach, "/coach event")
    say(coach, "/met erik")
    with sessions() as session:
        erik = session.scalars(select(Contact).where(Contact.name == "erik")).one()
        assert (erik.where_met, erik.conference_id) == (None, None)


async def test_eight_people_at_once_are_nudged_three_an_hour_and_the_recap_comes_once(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach) -> None:
    clock.set(at("Europe/Berlin", 2026, 3, 3, 18, 30))  # typed in the evening, after the recap's slot
    say(coach, '/coach event "KubeCon EU" until thu')
    say(coach, "/met " + " ".join(f"@p{i}" for i in range(8)) + " -- hallway track")
    pending = sorted(n.due_at for n in rows(sessions, NudgeKind.FOLLOW_UP_48H.value))
    assert [berlin(d) for d in pending] == ["Thu 05 09:00"] * 3 + ["Thu 05 10:00"] * 3 + ["Thu 05 11:00"] * 2
    [recap_row] = rows(sessions, RECAP)
    assert berlin(recap_row.due_at) == "Wed 04 09:00"  # the day's slot had passed: the next working moment

    notifier = RecordingNotifier()
    worker = Dispatcher(sessions, clock, {"console": notifier})
    got = await run_until(clock, at("Europe/Berlin", 2026, 3, 6, 18, 0), worker)
    per_dm = Counter(berlin(when) for m, when in got if not is_recap(m) for _ in m.nudge_ids)
    assert max(per_dm.values()) <= SPREAD_PER_HOUR
    recaps = [m for m, _ in got if is_recap(m)]
    assert len(recaps) == 1 and "on Tue 3 Mar" in recaps[0].reply.text
    assert [n.state for n in rows(sessions, RECAP)] == [NudgeState.SENT.value]


async def test_an_event_across_the_autumn_dst_change_recaps_at_17_30_each_day(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach) -> None:
    clock.set(at("Europe/Berlin", 2026, 10, 23, 9, 0))  # Friday; clocks go back on Sunday 25 October
    say(coach, "/coach settings tz Europe/Berlin")
    say(coach, '/coach event "DevOpsDays" until mon')
    notifier = RecordingNotifier()
    worker = Dispatcher(sessions, clock, {"console": notifier})
    got: list[tuple[Outgoing, datetime]] = []
    for day in (23, 24, 25, 26):
        clock.set(max(clock.now(), at("Europe/Berlin", 2026, 10, day, 11, 0)))
        say(coach, f'/met "Person {day}a" "Person {day}b"')
        got += await run_until(clock, at("Europe/Berlin", 2026, 10, day, 19, 0), worker)
    recaps = [(m, when) for m, when in got if is_recap(m)]
    local = [when.astimezone(ZoneInfo("Europe/Berlin")).strftime("%a %H:%M %Z") for _, when in recaps]
    assert local == ["Fri 17:30 CEST", "Sat 17:30 CEST", "Sun 17:30 CET", "Mon 17:30 CET"]
    assert [[p.title for p in m.reply.sections] for m, _ in recaps][2] == ["1. Person 25a", "2. Person 25b"]
    clock.set(at("Europe/Berlin", 2026, 10, 27, 0, 30))
    assert "No event is on" in say(coach, "/coach event")  # over at midnight after Monday, in CET


async def test_an_event_follows_the_member_to_another_timezone(sessions: sessionmaker[Session], clock: FakeClock,
                                                               coach: ThreadedCoach) -> None:
    clock.set(at("Europe/Berlin", 2026, 3, 2, 9, 0))  # Monday in Berlin
    say(coach, '/coach event "KubeCon NA" until wed')
    say(coach, "/coach settings tz America/Chicago")  # flew over
    with sessions() as session:
        conference = session.scalars(select(Conference)).one()
        assert conference.ends_at == at("America/Chicago", 2026, 3, 5, 0, 0)  # midnight after Wed, Chicago
    clock.set(at("America/Chicago", 2026, 3, 3, 10, 0))
    say(coach, "/met @ana @ben")
    [recap_row] = rows(sessions, RECAP)
    assert recap_row.due_at == at("America/Chicago", 2026, 3, 3, 17, 30)
    say(coach, "/coach settings hours 8-16")
    [recap_row] = rows(sessions, RECAP)
    assert recap_row.due_at == at("America/Chicago", 2026, 3, 3, 15, 30)  # the new end of the working day
    clock.set(at("America/Chicago", 2026, 3, 4, 23, 30))
    assert "Event: KubeCon NA, until the end of today." in say(coach, "/coach settings")


async def test_a_recap_of_thirty_people(sessions: sessionmaker[Session], clock: FakeClock,
                                        coach: ThreadedCoach) -> None:
    clock.set(at("Europe/Berlin", 2026, 3, 3, 9, 0))
    say(coach, '/coach event "KubeCon EU" until tomorrow')
    for batch in range(3):
        clock.advance(timedelta(hours=2))
        say(coach, "/met " + " ".join(f'"Person {batch * 10 + i:02d}"' for i in range(10)) + " -- booth crawl")
    notifier = RecordingNotifier()
    worker = Dispatcher(sessions, clock, {"console": notifier})
    got = await run_until(clock, at("Europe/Berlin", 2026, 3, 3, 18, 0), worker)
    [recap] = [m for m, _ in got if is_recap(m)]
    assert recap.reply.title == "Your day at KubeCon EU: 30 people"
    assert len(recap.reply.sections) == 30 and len(recap.reply.actions) == 60
    assert recap.reply.sections[-1].title == "30. Person 29"
    dues = sorted(n.due_at for n in rows(sessions, NudgeKind.FOLLOW_UP_48H.value))
    assert all(sum(1 for o in dues if d <= o < d + timedelta(hours=1)) <= SPREAD_PER_HOUR for d in dues)


async def test_add_a_note_is_the_members_own(sessions: sessionmaker[Session], clock: FakeClock,
                                             coach: ThreadedCoach) -> None:
    clock.set(at("Europe/Berlin", 2026, 3, 3, 10, 0))
    say(coach, '/coach event "KubeCon EU"')
    say(coach, '/met "Chris Ode"')
    with sessions() as session:
        chris = session.scalars(select(Contact)).one().id
    hint = coach.press(BERLIN, format_action_id(Verb.NOTE, chris))
    assert hint.text == 'Type what you remember about Chris Ode: /coach note "Chris Ode" -- <your note>'
    assert coach.press(STRANGER, format_action_id(Verb.NOTE, chris)).error
    real = coach.coach
    assert (await asyncio.to_thread(real.note_target, BERLIN, chris)) == ("Chris Ode", None)
    assert (await asyncio.to_thread(real.note_target, STRANGER, chris)) is None
    in_dm = Actor("console", "", "u-berlin")  # a DM does not say which workspace
    added = await asyncio.to_thread(real.add_note, in_dm, chris, "wants the eBPF slides")
    assert added.text.startswith("Noted about Chris Ode: wants the eBPF slides.")
    assert (await asyncio.to_thread(real.add_note, STRANGER, chris, "sneaky")).error
    with sessions() as session:
        assert session.get_one(Contact, chris).notes == "wants the eBPF slides"


@pytest.mark.parametrize(("line", "problem"), [
    ("/coach event until fri", "Name the event"),
    ('/coach event "KubeCon" until 2026-03-01', "has passed"),
    ('/coach event "KubeCon" until someday', "can't read 'someday' as a day"),
])
def test_bad_events_are_refused_and_nothing_is_on(sessions: sessionmaker[Session], clock: FakeClock,
                                                  coach: ThreadedCoach, line: str, problem: str) -> None:
    clock.set(at("Europe/Berlin", 2026, 3, 3, 10, 0))
    reply = coach.handle_line(BERLIN, line)
    assert reply.error and problem in reply.text and 'Example: /coach event "KubeCon EU" until fri' in reply.text
    with sessions() as session:
        assert session.scalars(select(Conference)).first() is None


def test_delete_my_data_takes_the_events_too(sessions: sessionmaker[Session], clock: FakeClock,
                                             coach: ThreadedCoach) -> None:
    clock.set(at("Europe/Berlin", 2026, 3, 3, 10, 0))
    say(coach, '/coach event "KubeCon EU" until fri')
    say(coach, "/met @ana @ben")
    say(coach, '/coach event "Hallway Con"')  # a newer event ends the first
    assert "I deleted everything" in say(coach, "/coach delete-my-data confirm")
    with sessions() as session:
        assert session.scalars(select(Conference)).first() is None
        assert session.scalars(select(Nudge)).first() is None
