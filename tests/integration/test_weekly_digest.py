"""The Monday digest end to end in one process, on SQLite and the real PostgreSQL: the weekly job plans a
row, the dispatcher claims and delivers it, with a fake clock moved across Monday mornings in New York and
Berlin (and a DST Monday), restarts, downtime, four dispatchers, and the settings that stop it."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.digest import DIGEST
from bot.identity import Actor
from bot.models import Nudge, NudgeState
from bot.timefmt import week_of
from scheduler.dispatcher import Dispatcher
from scheduler.weekly import plan_week
from tests.conftest import _empty
from tests.fakes import RecordingNotifier, ThreadedCoach

BERLIN = Actor("console", "local", "u-berlin", display_name="Berta", timezone="Europe/Berlin")
NEW_YORK = Actor("console", "local", "u-nyc", display_name="Nico", timezone="America/New_York")
STEP = timedelta(minutes=15)


def at(zone: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)  # type: ignore[misc]


def meet(sessions: sessionmaker[Session], clock: FakeClock, actor: Actor, *lines: str) -> ThreadedCoach:
    coach = ThreadedCoach(Coach(sessions, clock, default_timezone="UTC"))
    for line in lines:
        reply = coach.handle_line(actor, line)
        assert not reply.error, reply.text
    return coach


def dispatcher(sessions: sessionmaker[Session], clock: FakeClock, notifier: RecordingNotifier,
               name: str = "w1") -> Dispatcher:
    return Dispatcher(sessions, clock, {notifier.platform: notifier}, worker_id=name)


async def run_until(sessions: sessionmaker[Session], clock: FakeClock, until: datetime,
                    worker: Dispatcher) -> list[tuple[str, datetime]]:
    """Move the clock in 15-minute steps, running the weekly job and a tick at each: who got a digest, when."""
    notifier = next(iter(worker.notifiers.values()))
    assert isinstance(notifier, RecordingNotifier)
    got: list[tuple[str, datetime]] = []
    while clock.now() < until:
        clock.advance(STEP)
        await asyncio.to_thread(plan_week, sessions, clock)
        before = len(notifier.sent)
        await worker.tick()
        got += [(m.recipient.user_id, clock.now()) for m in notifier.sent[before:] if m.weekly]
    return got


def digest_rows(sessions: sessionmaker[Session]) -> list[Nudge]:
    with sessions() as session:
        return list(session.scalars(select(Nudge).where(Nudge.kind == DIGEST).order_by(Nudge.id)))


@pytest.mark.parametrize(("start", "berlin_0900", "new_york_0900"), [
    # A winter Monday: Berlin UTC+1, New York UTC-5.
    (datetime(2026, 11, 29, 12, 0, tzinfo=UTC), datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
     datetime(2026, 11, 30, 14, 0, tzinfo=UTC)),
    # The Monday after the US moves its clocks (8 March 2026): New York UTC-4, Berlin still UTC+1.
    (datetime(2026, 3, 7, 12, 0, tzinfo=UTC), datetime(2026, 3, 9, 8, 0, tzinfo=UTC),
     datetime(2026, 3, 9, 13, 0, tzinfo=UTC)),
    # The Monday after Europe moves (29 March 2026): Berlin UTC+2.
    (datetime(2026, 3, 28, 12, 0, tzinfo=UTC), datetime(2026, 3, 30, 7, 0, tzinfo=UTC),
     datetime(2026, 3, 30, 13, 0, tzinfo=UTC)),
])
async def test_each_member_gets_one_digest_at_nine_on_monday_in_their_zone(
        sessions: sessionmaker[Session], start: datetime, berlin_0900: datetime, new_york_0900: datetime) -> None:
    clock = FakeClock(start - timedelta(days=2))
    meet(sessions, clock, BERLIN, "/met Ana Lima at PyCon -- talked about onboarding")
    meet(sessions, clock, NEW_YORK, '/met "Bob Stone" at the meetup')
    clock.set(start)
    worker = dispatcher(sessions, clock, RecordingNotifier())
    got = await run_until(sessions, clock, new_york_0900 + timedelta(days=1), worker)
    assert got == [("u-berlin", berlin_0900), ("u-nyc", new_york_0900)]
    assert Counter(row.state for row in digest_rows(sessions)) == {NudgeState.SENT.value: 2}
    assert {row.week for row in digest_rows(sessions)} == {week_of(berlin_0900, "Europe/Berlin").isoformat()}


async def test_the_digest_names_each_contact_with_an_action_and_only_the_members_own(
        sessions: sessionmaker[Session]) -> None:
    clock = FakeClock(at("Europe/Berlin", 2026, 11, 26, 10))  # a Thursday
    meet(sessions, clock, BERLIN, "/met Ana Lima at PyCon -- talked about onboarding",
         '/met "Dr. Chen" at the meetup', "/coach sent Ana Lima")
    meet(sessions, clock, NEW_YORK, '/met "Zed Secret" at a bar')
    clock.set(at("Europe/Berlin", 2026, 11, 27, 11))
    meet(sessions, clock, BERLIN, "/met Carla at lunch")
    notifier = RecordingNotifier()
    worker = dispatcher(sessions, clock, notifier)
    clock.set(at("Europe/Berlin", 2026, 11, 30, 9))
    await asyncio.to_thread(plan_week, sessions, clock)
    await worker.tick()
    digests = {m.recipient.user_id: m for m in notifier.sent if m.weekly}
    berlin = digests["u-berlin"].reply
    full = "\n".join(part for part in (berlin.title, berlin.text) if part)
    assert "week" in full.splitlines()[0].lower() and "week" in berlin.text.splitlines()[0].lower()
    for name in ("Ana Lima", "Dr. Chen", "Carla"):
        assert name in berlin.text
        assert any(name in action.label and name in action.command for action in berlin.actions)
    assert "Zed Secret" not in full and all("Zed" not in a.label for a in berlin.actions)
    assert "Last 8 weeks:" in berlin.text
    assert berlin.chart is not None and berlin.chart.alt.startswith("Bar chart of your last 8 weeks")
    clock.set(at("America/New_York", 2026, 11, 30, 9))
    await asyncio.to_thread(plan_week, sessions, clock)
    await worker.tick()
    nyc = [m.reply for m in notifier.sent if m.weekly and m.recipient.user_id == "u-nyc"]
    assert len(nyc) == 1 and "Zed Secret" in nyc[0].text and "Ana" not in nyc[0].text


async def test_a_restart_on_monday_afternoon_sends_no_second_digest(sessions: sessionmaker[Session]) -> None:
    clock = FakeClock(at("Europe/Berlin", 2026, 11, 27, 10))
    meet(sessions, clock, BERLIN, "/met Ana at PyCon")
    clock.set(at("Europe/Berlin", 2026, 11, 30, 8, 50))
    first = RecordingNotifier()
    assert await run_until(sessions, clock, at("Europe/Berlin", 2026, 11, 30, 9, 30),
                           dispatcher(sessions, clock, first, "before")) != []
    clock.set(at("Europe/Berlin", 2026, 11, 30, 15))  # the process restarts: a new dispatcher, the job again
    second = RecordingNotifier()
    assert await run_until(sessions, clock, at("Europe/Berlin", 2026, 12, 2, 18),
                           dispatcher(sessions, clock, second, "after")) == []
    assert len(digest_rows(sessions)) == 1


async def test_after_downtime_a_missed_digest_goes_out_once_that_week_and_never_the_next(
        sessions: sessionmaker[Session]) -> None:
    clock = FakeClock(at("America/New_York", 2026, 11, 25, 10))
    meet(sessions, clock, NEW_YORK, "/met Ana at PyCon")
    clock.set(at("America/New_York", 2026, 12, 2, 13))  # down from Sunday to Wednesday afternoon
    notifier = RecordingNotifier()
    worker = dispatcher(sessions, clock, notifier)
    got = await run_until(sessions, clock, at("America/New_York", 2026, 12, 2, 18), worker)
    assert got == [("u-nyc", at("America/New_York", 2026, 12, 2, 13, 15))]
    # A row planned but never delivered that week (the coach went down again) is cancelled, not sent late.
    clock.set(at("America/New_York", 2026, 12, 7, 0, 1))
    await asyncio.to_thread(plan_week, sessions, clock)
    clock.set(at("America/New_York", 2026, 12, 14, 9, 30))
    assert await run_until(sessions, clock, at("America/New_York", 2026, 12, 14, 10),
                           dispatcher(sessions, clock, notifier, "w2")) == [
        ("u-nyc", at("America/New_York", 2026, 12, 14, 9, 45))]
    states = {row.week: row.state for row in digest_rows(sessions)}
    assert states == {"2026-11-30": "sent", "2026-12-07": "cancelled", "2026-12-14": "sent"}


async def test_digest_off_stops_next_mondays_digest_and_on_brings_it_back(sessions: sessionmaker[Session]) -> None:
    clock = FakeClock(at("Europe/Berlin", 2026, 11, 26, 10))
    coach = meet(sessions, clock, BERLIN, "/met Ana at PyCon")
    assert "Monday digest: on" in coach.handle_line(BERLIN, "/coach settings").text
    assert not coach.handle_line(BERLIN, "/coach settings digest off").error
    assert "Monday digest: off" in coach.handle_line(BERLIN, "/coach settings").text
    notifier = RecordingNotifier()
    worker = dispatcher(sessions, clock, notifier)
    assert await run_until(sessions, clock, at("Europe/Berlin", 2026, 11, 30, 12), worker) == []
    coach.handle_line(BERLIN, "/coach settings digest on")
    clock.set(at("Europe/Berlin", 2026, 12, 6, 12))
    assert await run_until(sessions, clock, at("Europe/Berlin", 2026, 12, 7, 12), worker) == [
        ("u-berlin", at("Europe/Berlin", 2026, 12, 7, 9))]


async def test_off_after_the_row_is_planned_still_stops_it(sessions: sessionmaker[Session]) -> None:
    clock = FakeClock(at("Europe/Berlin", 2026, 11, 26, 10))
    coach = meet(sessions, clock, BERLIN, "/met Ana at PyCon")
    clock.set(at("Europe/Berlin", 2026, 11, 30, 1))
    assert await asyncio.to_thread(plan_week, sessions, clock) == 1
    coach.handle_line(BERLIN, "/coach settings digest off")
    assert await run_until(sessions, clock, at("Europe/Berlin", 2026, 11, 30, 12),
                           dispatcher(sessions, clock, RecordingNotifier())) == []
    assert [row.state for row in digest_rows(sessions)] == [NudgeState.CANCELLED.value]


async def test_no_contacts_or_paused_means_no_digest(sessions: sessionmaker[Session]) -> None:
    clock = FakeClock(at("Europe/Berlin", 2026, 11, 26, 10))
    coach = meet(sessions, clock, BERLIN, "/coach settings tz Europe/Berlin")  # a member without contacts
    meet(sessions, clock, NEW_YORK, "/met Ana at PyCon", "/coach settings pause")
    assert "no digest" in coach.handle_line(BERLIN, "/coach digest").text
    assert await run_until(sessions, clock, at("Europe/Berlin", 2026, 12, 1, 12),
                           dispatcher(sessions, clock, RecordingNotifier())) == []
    assert digest_rows(sessions) == []


async def test_someone_whose_first_contact_comes_after_monday_morning_waits_for_next_monday(
        sessions: sessionmaker[Session]) -> None:
    clock = FakeClock(at("Europe/Berlin", 2026, 12, 2, 10))  # a Wednesday
    meet(sessions, clock, BERLIN, "/met Ana at PyCon")
    assert await run_until(sessions, clock, at("Europe/Berlin", 2026, 12, 7, 10),
                           dispatcher(sessions, clock, RecordingNotifier())) == [
        ("u-berlin", at("Europe/Berlin", 2026, 12, 7, 9))]


@pytest.mark.postgres
async def test_four_dispatchers_and_four_weekly_jobs_on_postgresql_send_each_digest_once(
        _postgres_store: tuple[Engine, sessionmaker[Session]], clock: FakeClock) -> None:
    engine, sessions = _postgres_store
    _empty(engine)
    clock.set(at("Europe/Berlin", 2026, 11, 26, 10))
    actors = [Actor("console", "local", f"u{n}", display_name=None, timezone="Europe/Berlin") for n in range(30)]
    for actor in actors:
        meet(sessions, clock, actor, f"/met Person {actor.user_id} at PyCon")
    clock.set(at("Europe/Berlin", 2026, 11, 30, 9))
    notifiers = [RecordingNotifier() for _ in range(4)]
    workers = [dispatcher(sessions, clock, notifier, f"w{n}") for n, notifier in enumerate(notifiers)]

    async def replica(worker: Dispatcher) -> None:
        for _ in range(3):
            await asyncio.to_thread(plan_week, sessions, clock)
            await worker.tick()

    await asyncio.gather(*(replica(worker) for worker in workers))
    sent = Counter(m.recipient.user_id for notifier in notifiers for m in notifier.sent if m.weekly)
    assert sent == Counter({actor.user_id: 1 for actor in actors})
    assert Counter(row.state for row in digest_rows(sessions)) == {NudgeState.SENT.value: 30}
    _empty(engine)


async def test_a_chart_that_cannot_be_drawn_leaves_the_digest_words(sessions: sessionmaker[Session],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> bytes:
        raise OSError("Matplotlib requires access to a writable cache directory")

    monkeypatch.setattr("bot.chart.draw", broken)
    clock = FakeClock(at("Europe/Berlin", 2026, 11, 26, 10))
    coach = meet(sessions, clock, BERLIN, "/met Ana at PyCon")
    notifier = RecordingNotifier()
    clock.set(at("Europe/Berlin", 2026, 11, 30, 9))
    await asyncio.to_thread(plan_week, sessions, clock)
    await dispatcher(sessions, clock, notifier).tick()
    [digest] = [m for m in notifier.sent if m.weekly]
    assert "Ana" in digest.reply.text and digest.reply.chart is None
    now = coach.handle_line(BERLIN, "/coach digest")
    assert not now.error and "Ana" in now.text and now.chart is None
