"""The dispatcher in one process, on SQLite and the real PostgreSQL, with a fake clock: retries, leases,
permanent failures, downtime digests, working hours and DST."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor
from bot.models import Member, Nudge, NudgeKind, NudgeState
from bot.nudges import compose_digest
from bot.replies import Reply
from scheduler.claim import Lease, reclaim_expired, writing
from scheduler.dispatcher import Dispatcher, Outcome, backoff
from scheduler.notifier import DeliveryError
from tests.fakes import RecordingNotifier, ThreadedCoach
from tests.integration.dispatch_support import FlakyPlatform, seed_due, states

BERLIN = Actor("console", "local", "u-berlin", display_name="Berta", timezone="Europe/Berlin")
NEW_YORK = Actor("console", "local", "u-nyc", display_name="Nico", timezone="America/New_York")
LEASE = timedelta(minutes=5)


def dispatcher(sessions: sessionmaker[Session], clock: FakeClock, notifier: object, name: str = "w1") -> Dispatcher:
    return Dispatcher(sessions, clock, {notifier.platform: notifier}, worker_id=name, lease=LEASE)  # type: ignore[attr-defined]


def nudge_rows(sessions: sessionmaker[Session]) -> list[Nudge]:
    with sessions() as session:
        return list(session.scalars(select(Nudge).order_by(Nudge.id)))


async def test_a_due_nudge_goes_out_once_and_its_row_is_kept(sessions: sessionmaker[Session],
                                                             clock: FakeClock) -> None:
    ids = seed_due(sessions, members=3, per_member=1, due=clock.now(), platform="console")
    notifier = RecordingNotifier()
    delivered = await dispatcher(sessions, clock, notifier).tick()
    assert sorted(d.message.nudge_ids[0] for d in delivered) == ids
    assert await dispatcher(sessions, clock, notifier).tick() == []
    assert len(notifier.sent) == 3
    assert states(sessions) == {NudgeState.SENT.value: 3}
    assert all(row.delivery_ref and row.sent_at == clock.now() for row in nudge_rows(sessions)
               if row.state == NudgeState.SENT.value)


async def test_429s_and_500s_lose_nothing_and_double_nothing(sessions: sessionmaker[Session],
                                                             clock: FakeClock) -> None:
    ids = seed_due(sessions, members=150, per_member=2, due=clock.now())
    platform = FlakyPlatform(seed=3)
    worker = dispatcher(sessions, clock, platform)
    for _ in range(60):
        await worker.tick()
        if states(sessions) == {NudgeState.SENT.value: len(ids)}:
            break
        clock.advance(timedelta(minutes=1))
    assert states(sessions) == {NudgeState.SENT.value: len(ids)}
    posted = platform.nudges_posted()
    assert set(posted) == set(ids) and max(posted.values()) == 1
    assert platform.calls["429"] > 5 and platform.calls["500"] > 2 and platform.calls["found on retry"] > 0


async def test_a_permanent_error_marks_the_nudge_failed_and_tells_the_member(sessions: sessionmaker[Session],
                                                                            clock: FakeClock) -> None:
    coach = ThreadedCoach(Coach(sessions, clock))
    coach.handle_line(BERLIN, '/met "Jane Doe" at PyCon')
    notifier = RecordingNotifier()
    notifier.fail_with = DeliveryError("cannot_dm_bot", permanent=True)
    clock.advance(timedelta(days=2))
    assert await dispatcher(sessions, clock, notifier).tick() == []
    [row] = nudge_rows(sessions)
    assert (row.state, row.last_error) == (NudgeState.FAILED.value, "cannot_dm_bot")
    reply = coach.handle_line(BERLIN, "/coach list")
    assert "couldn't send you a reminder about Jane Doe" in reply.text
    assert "couldn't send" not in coach.handle_line(BERLIN, "/coach list").text  # told once


async def test_an_expired_lease_is_reclaimed_as_a_retry_of_the_same_message(sessions: sessionmaker[Session],
                                                                           clock: FakeClock) -> None:
    seed_due(sessions, members=1, per_member=3, due=clock.now(), platform="console")
    dead = dispatcher(sessions, clock, RecordingNotifier(), name="dead")
    # …and then the process died:
    [lost] = await asyncio.to_thread(lambda: dead.compose(dead.claim(Lease("dead", clock.now() + LEASE))))
    assert len(lost.nudge_ids) == 3 and not lost.retry

    notifier = RecordingNotifier()
    survivor = dispatcher(sessions, clock, notifier, name="survivor")
    assert await survivor.tick() == []  # the lease still holds
    clock.advance(LEASE + timedelta(seconds=1))
    [again] = [d.message for d in await survivor.tick()]
    assert again.retry and again.nudge_ids == lost.nudge_ids
    assert again.idempotency_key == lost.idempotency_key  # so the platform can tell it was posted
    assert states(sessions) == {NudgeState.SENT.value: 3}


async def test_a_give_back_never_makes_two_pending_nudges_for_one_contact(sessions: sessionmaker[Session],
                                                                         clock: FakeClock) -> None:
    coach = ThreadedCoach(Coach(sessions, clock))
    coach.handle_line(BERLIN, '/met "Jane Doe" at PyCon')
    clock.advance(timedelta(days=2))
    notifier = RecordingNotifier()
    notifier.fail_with = DeliveryError("internal_error")
    worker = dispatcher(sessions, clock, notifier)
    lease = Lease("w1", clock.now() + LEASE)
    messages = await asyncio.to_thread(lambda: worker.compose(worker.claim(lease)))
    coach.handle_line(BERLIN, '/coach sent "Jane Doe"')  # the member acts while the nudge is in flight
    outcomes = await worker.deliver_all(messages, lease)
    await asyncio.to_thread(worker.record, outcomes)
    rows = nudge_rows(sessions)
    assert Counter(row.state for row in rows) == {NudgeState.CANCELLED.value: 1, NudgeState.PENDING.value: 1}
    assert next(r for r in rows if r.state == NudgeState.PENDING.value).kind == NudgeKind.NO_REPLY_1W.value


async def test_a_failing_platform_is_retried_with_backoff_then_marked_failed(sessions: sessionmaker[Session],
                                                                            clock: FakeClock) -> None:
    seed_due(sessions, members=1, per_member=1, due=clock.now(), platform="console")
    notifier = RecordingNotifier()
    notifier.fail_with = DeliveryError("internal_error")
    worker = dispatcher(sessions, clock, notifier)
    waits = []
    for _ in range(8):
        before = clock.now()
        await worker.tick()
        [row] = nudge_rows(sessions)
        if row.state != NudgeState.PENDING.value:
            break
        waits.append(row.due_at - before)
        clock.set(row.due_at)
    assert waits == [backoff(n, None) for n in range(1, 8)]
    assert row.state == NudgeState.FAILED.value and row.attempts == 8


def test_backoff_honours_retry_after_and_is_capped() -> None:
    assert backoff(1, 30.0) == timedelta(seconds=30)
    assert backoff(1, 0.0) == timedelta(seconds=1)
    assert backoff(3, None) == timedelta(minutes=1)
    assert backoff(30, None) == timedelta(hours=1)


async def test_a_paused_member_gets_nothing_and_the_row_is_kept(sessions: sessionmaker[Session],
                                                                clock: FakeClock) -> None:
    seed_due(sessions, members=1, per_member=1, due=clock.now(), platform="console")
    with sessions.begin() as session:
        session.execute(update(Member).values(paused=True))
    notifier = RecordingNotifier()
    assert await dispatcher(sessions, clock, notifier).tick() == []
    assert notifier.sent == [] and states(sessions) == {NudgeState.CANCELLED.value: 1}


async def test_after_downtime_each_overdue_nudge_goes_out_once_in_working_hours_as_one_digest(
    sessions: sessionmaker[Session], clock: FakeClock,
) -> None:
    coach = ThreadedCoach(Coach(sessions, clock))
    for actor in (BERLIN, NEW_YORK):
        for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
            coach.handle_line(actor, f'/met "{name}" at PyCon')
    # Nothing ran for five days; the restart lands at 03:00 in Berlin, Sunday 22:00 in New York.
    clock.set(datetime(2026, 3, 9, 2, 0, tzinfo=UTC))
    notifier = RecordingNotifier()
    worker = dispatcher(sessions, clock, notifier)
    while clock.now() < datetime(2026, 3, 10, tzinfo=UTC):
        await worker.tick()
        clock.advance(timedelta(minutes=15))
    assert len(notifier.sent) == 2  # one digest per member
    by_zone = {message.recipient.user_id: message for message in notifier.sent}
    for actor in (BERLIN, NEW_YORK):
        digest = by_zone[actor.user_id]
        assert len(digest.nudge_ids) == 3 and len(digest.parts) == 3 and digest.digest_id == min(digest.nudge_ids)
        assert {action.nudge_id for action in digest.reply.actions} == set(digest.nudge_ids)
    assert Counter(n for m in notifier.sent for n in m.nudge_ids) == Counter({n: 1 for n in by_zone_ids(notifier)})
    sent_at = {row.member_id: row.sent_at for row in nudge_rows(sessions) if row.state == NudgeState.SENT.value}
    local_hours = sorted(at.astimezone(ZoneInfo(zone)).hour for at, zone in
                         zip(sorted(sent_at.values()), ("Europe/Berlin", "America/New_York"), strict=True))
    assert local_hours == [9, 9]  # Monday 09:00 in each member's own zone (New York already on summer time)


def by_zone_ids(notifier: RecordingNotifier) -> list[int]:
    return [n for message in notifier.sent for n in message.nudge_ids]


@pytest.mark.parametrize(("zone", "sent_local"), [
    ("Europe/Berlin", datetime(2026, 3, 23, 10, 0)),  # spring forward on Sunday 29 March
    ("Europe/Berlin", datetime(2026, 10, 19, 10, 0)),  # fall back on Sunday 25 October
    ("America/New_York", datetime(2026, 3, 2, 10, 0)),  # spring forward on Sunday 8 March
    ("America/New_York", datetime(2026, 10, 26, 10, 0)),  # fall back on Sunday 1 November
])
async def test_a_nudge_due_at_ten_arrives_at_ten_across_a_dst_night(
    sessions: sessionmaker[Session], zone: str, sent_local: datetime,
) -> None:
    clock = FakeClock(sent_local.replace(tzinfo=ZoneInfo(zone)))
    coach = ThreadedCoach(Coach(sessions, clock))
    actor = Actor("console", "local", "u-dst", timezone=zone)
    coach.handle_line(actor, '/met "Jane Doe" at PyCon')
    coach.handle_line(actor, '/coach sent "Jane Doe"')  # the one-week follow-up counts from now: 10:00
    notifier = RecordingNotifier()
    worker = dispatcher(sessions, clock, notifier)
    clock.advance(timedelta(days=6, hours=20))
    give_up = clock.now() + timedelta(days=2)
    while not notifier.sent and clock.now() < give_up:
        clock.advance(timedelta(minutes=15))
        await worker.tick()
    arrived = clock.now().astimezone(ZoneInfo(zone))
    assert (arrived.date() - sent_local.date(), arrived.hour, arrived.minute) == (timedelta(days=7), 10, 0)
    assert arrived.utcoffset() != sent_local.replace(tzinfo=ZoneInfo(zone)).utcoffset()  # a DST night passed


def test_a_digest_numbers_each_nudge_and_keeps_its_buttons() -> None:
    from bot.replies import Action, Verb

    parts = [
        Reply("Write to Ada.", (Action("I sent it", Verb.SENT, 1, "/coach sent Ada"),), title="Follow up with Ada"),
        Reply("Write to Alan.", (Action("Move on", Verb.MOVE_ON, 2, "/coach moveon Alan"),), title="Check in"),
    ]
    digest = compose_digest(parts)
    assert digest.title == "2 people to get back to"
    assert "1. Follow up with Ada\nWrite to Ada." in digest.text and "2. Check in\nWrite to Alan." in digest.text
    assert [(a.label, a.action_id) for a in digest.actions] == [("I sent it", "coach:sent:1"),
                                                                ("Move on", "coach:moveon:2")]
    # each contact a section of its own, with its own buttons
    assert [(p.title, [a.action_id for a in p.actions]) for p in digest.sections] == [
        ("1. Follow up with Ada", ["coach:sent:1"]), ("2. Check in", ["coach:moveon:2"])]
    assert compose_digest(parts[:1]) is parts[0]


async def test_the_dispatcher_reaching_the_database_on_the_event_loop_fails(sessions: sessionmaker[Session],
                                                                           clock: FakeClock,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The dispatcher's database work runs in threads; made direct, it trips the core's event-loop guard."""
    from bot.store.uow import BlockingCall
    from scheduler import dispatcher as module

    ThreadedCoach(Coach(sessions, clock)).handle_line(BERLIN, '/met "Jane Doe" at PyCon')
    clock.advance(timedelta(days=2))

    async def direct(call: Any, /, *args: Any, **kwargs: Any) -> Any:
        return call(*args, **kwargs)

    monkeypatch.setattr(module.asyncio, "to_thread", direct)
    with pytest.raises(BlockingCall):
        await dispatcher(sessions, clock, RecordingNotifier()).tick()


def test_a_give_back_after_the_lease_ran_out_leaves_the_new_claim_alone(sessions: sessionmaker[Session],
                                                                        clock: FakeClock) -> None:
    """A's lease runs out before it sends; B re-claims the row; A, recording "not sent" while B's claim
    is still being committed, must not undo B's claim (nor its attempt count, which tells B's notifier
    to check the platform first)."""
    [nudge_id] = seed_due(sessions, members=1, per_member=1, due=clock.now(), platform="console")
    notifier = RecordingNotifier()
    first = dispatcher(sessions, clock, notifier, name="A")
    [message], _more = first.claim_and_compose(Lease("A", clock.now() + LEASE))
    clock.advance(LEASE + timedelta(seconds=1))
    ran_out = Outcome(message, clock.now(), error=DeliveryError("lease ran out before sending"), attempted=False)
    with writing(sessions) as session:  # B's re-claim, not yet committed
        [taken] = reclaim_expired(session, clock.now(), Lease("B", clock.now() + LEASE), 10, ["console"])
        recording = threading.Thread(target=first.record, args=([ran_out],))
        recording.start()
        recording.join(timeout=0.5)  # A's record waits for B's transaction
    recording.join(timeout=30)
    assert taken.id == nudge_id and taken.retry
    [row] = nudge_rows(sessions)
    assert (row.state, row.claimed_by, row.attempts) == (NudgeState.SENDING, "B", 2)
