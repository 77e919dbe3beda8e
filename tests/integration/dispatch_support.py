"""Helpers for the dispatcher tests: bulk-seed due nudges, and fake platforms that keep what they were
sent — in memory, or in a table several dispatcher processes share (so doubles can be counted)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime

from sqlalchemy import Column, Engine, Integer, MetaData, String, Table, insert, select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Contact, Event, EventKind, Member, Nudge, NudgeKind, NudgeState
from scheduler.notifier import DeliveryError, Outgoing

FAKE = "fake"
POSTS = Table(  # what the shared fake platform "posted": one row per nudge per post
    "fake_platform_posts",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("key", String(40), index=True),
    Column("nudge_id", Integer),
    Column("worker", String(64)),
)


def seed_due(sessions: sessionmaker[Session], *, members: int, per_member: int, due: datetime,
             platform: str = FAKE, always_open: bool = True) -> list[int]:
    """`members × per_member` contacts, each with a MET event and one pending follow-up nudge due at `due`.
    `always_open`: working hours around the clock, so real-time tests never wait for a morning."""
    with sessions.begin() as session:
        member_ids = session.scalars(insert(Member).returning(Member.id, sort_by_parameter_order=True), [
            dict(platform=platform, workspace_id="W1", user_id=f"U{n}", timezone="UTC", timezone_confirmed=True,
                 work_start_hour=0 if always_open else 9, work_end_hour=24 if always_open else 18,
                 work_days="0123456" if always_open else "01234", checkin_days=90, paused=False, created_at=due)
            for n in range(members)
        ]).all()
        contact_rows = [
            dict(member_id=m, name=f"Contact {m}-{k}", name_key=f"contact {m}-{k}", interests=[], tags=[],
                 stage="new", met_at=due, created_at=due)
            for m in member_ids for k in range(per_member)
        ]
        contact_ids = session.scalars(insert(Contact).returning(Contact.id, sort_by_parameter_order=True),
                                      contact_rows).all()
        session.execute(insert(Event), [dict(contact_id=c, kind=EventKind.MET.value, at=due) for c in contact_ids])
        nudge_rows = [
            dict(member_id=row["member_id"], contact_id=c, kind=NudgeKind.FOLLOW_UP_48H.value, due_at=due,
                 state=NudgeState.PENDING.value, attempts=0, created_at=due)
            for row, c in zip(contact_rows, contact_ids, strict=True)
        ]
        return list(session.scalars(insert(Nudge).returning(Nudge.id, sort_by_parameter_order=True), nudge_rows))


def states(sessions: sessionmaker[Session]) -> Counter[str]:
    """The nudges' states, leaving out the "still worth writing" rows a delivered 48 h nudge plans next."""
    with sessions() as session:
        return Counter(session.scalars(select(Nudge.state).where(Nudge.kind != NudgeKind.STILL_WORTH.value)))


class FlakyPlatform:
    """Answers 429 to `p429` of calls and 500 to `p500` (half of those after posting: the response was
    lost). On a retry it looks for its own earlier post first, as the Slack notifier reads the DM history."""

    platform = FAKE

    def __init__(self, seed: int = 7, p429: float = 0.10, p500: float = 0.05) -> None:
        self.rng, self.p429, self.p500 = random.Random(seed), p429, p500
        self.posts: list[Outgoing] = []
        self.by_key: dict[str, int] = {}
        self.calls = Counter[str]()

    async def send(self, message: Outgoing) -> str | None:
        if message.retry and message.idempotency_key in self.by_key:
            self.calls["found on retry"] += 1
            return f"post-{self.by_key[message.idempotency_key]}"
        roll = self.rng.random()
        if roll < self.p429:
            self.calls["429"] += 1
            raise DeliveryError("ratelimited", retry_after=2.0)
        if roll < self.p429 + self.p500:
            self.calls["500"] += 1
            if self.rng.random() < 0.5:
                self._post(message)
            raise DeliveryError("internal_error")
        self.calls["ok"] += 1
        return f"post-{self._post(message)}"

    def _post(self, message: Outgoing) -> int:
        self.posts.append(message)
        self.by_key[message.idempotency_key] = len(self.posts)
        return len(self.posts)

    def nudges_posted(self) -> Counter[int]:
        return Counter(nudge_id for post in self.posts for nudge_id in post.nudge_ids)


class TablePlatform:
    """A fake platform whose posts are rows in a shared table: several processes, one record."""

    platform = FAKE

    def __init__(self, engine: Engine, worker: str) -> None:
        self.engine, self.worker = engine, worker

    async def send(self, message: Outgoing) -> str | None:
        key = message.idempotency_key
        with self.engine.begin() as connection:
            if message.retry:  # the platform-side idempotency the real notifiers use
                found = connection.scalar(select(POSTS.c.id).where(POSTS.c.key == key).limit(1))
                if found is not None:
                    return f"post-{found}"
            connection.execute(insert(POSTS), [dict(key=key, nudge_id=n, worker=self.worker)
                                               for n in message.nudge_ids])
        return key


def posts_per_nudge(engine: Engine) -> Counter[int]:
    with engine.connect() as connection:
        return Counter(connection.scalars(select(POSTS.c.nudge_id)))
