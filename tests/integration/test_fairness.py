"""Fairness: one workspace's backlog does not hold up the others. A paced platform is claimed round-robin
across workspaces, each taking no more than its budget sends in a pacing window, and sent in turns.
SQLite and PostgreSQL, a fake clock, an in-process Pacer (no sleeping: waits are recorded)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.models import Member, NudgeState
from scheduler.claim import Lease
from scheduler.dispatcher import Dispatcher
from scheduler.ratelimit import Limit, Pacer
from tests.fakes import RecordingNotifier
from tests.integration.dispatch_support import seed_due, states

SMALL = [f"T_SMALL{n}" for n in range(5)]


def seed(sessions: sessionmaker[Session], clock: FakeClock, big: int = 30) -> dict[int, str]:
    """A big workspace with an old backlog, and five small ones with one nudge each, due just now."""
    seed_due(sessions, members=big, per_member=1, due=clock.now() - timedelta(hours=1), platform="slack")
    with sessions.begin() as session:
        session.execute(update(Member).values(workspace_id="T_BIG"))
    seed_due(sessions, members=len(SMALL), per_member=1, due=clock.now(), platform="slack")
    with sessions.begin() as session:
        for n, workspace in enumerate(SMALL):
            session.execute(update(Member).where(Member.user_id == f"U{n}", Member.workspace_id == "W1")
                            .values(workspace_id=workspace))
        return {member.id: member.workspace_id for member in session.query(Member)}


def paced_dispatcher(sessions: sessionmaker[Session], clock: FakeClock,
                     notifier: RecordingNotifier) -> tuple[Dispatcher, list[float]]:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    pacer = Pacer({"slack": (Limit("workspace", 2.0),)})  # two a second per workspace
    dispatcher = Dispatcher(sessions, clock, {"slack": notifier}, pacer=pacer, pace_window=timedelta(seconds=1),
                            monotonic=lambda: 0.0, sleep=sleep, worker_id="fair")
    return dispatcher, waits


def test_a_claim_takes_every_small_workspace_and_only_the_big_ones_allowance(
        sessions: sessionmaker[Session], clock: FakeClock) -> None:
    workspace_of = seed(sessions, clock)
    dispatcher, _waits = paced_dispatcher(sessions, clock, RecordingNotifier("slack"))
    claimed = dispatcher.claim(Lease("fair", clock.now() + timedelta(minutes=5)))
    per_workspace = Counter(workspace_of[row.member_id] for row in claimed)
    assert per_workspace == {"T_BIG": 2, **{workspace: 1 for workspace in SMALL}}


async def test_small_workspaces_go_out_first_in_turns_and_the_backlog_drains_after(
        sessions: sessionmaker[Session], clock: FakeClock) -> None:
    seed(sessions, clock)
    notifier = RecordingNotifier("slack")
    dispatcher, _waits = paced_dispatcher(sessions, clock, notifier)
    await dispatcher.tick()  # one tick drains all: batch after batch while a workspace has rows left behind
    order = [message.recipient.workspace_id for message in notifier.sent]
    assert set(order[:len(SMALL) + 1]) == {"T_BIG", *SMALL}  # the big one's oldest, then each small one
    assert order[len(SMALL) + 1:] == ["T_BIG"] * 29
    assert states(sessions) == {NudgeState.SENT.value: 35}


async def test_a_small_workspace_due_later_is_served_in_the_next_batch_not_after_the_backlog(
        sessions: sessionmaker[Session], clock: FakeClock) -> None:
    seed(sessions, clock, big=40)
    notifier = RecordingNotifier("slack")
    dispatcher, _waits = paced_dispatcher(sessions, clock, notifier)
    dispatcher.tick_budget = 0.0  # one batch a tick
    await dispatcher.tick()
    seed_due(sessions, members=1, per_member=1, due=clock.now(), platform="slack")  # a newcomer, due now
    with sessions.begin() as session:
        session.execute(update(Member).where(Member.workspace_id == "W1").values(workspace_id="T_LATE"))
    before = len(notifier.sent)
    await dispatcher.tick()
    assert "T_LATE" in [message.recipient.workspace_id for message in notifier.sent[before:]]
    assert sum(1 for row in states(sessions).elements() if row == NudgeState.PENDING.value) > 30

