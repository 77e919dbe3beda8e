"""One member across accounts (`/coach link`), in one process on SQLite and the real PostgreSQL: a code,
the Allow DM through the dispatcher, one contact book, nudges to one place, a click from either platform
acting once, strangers refused, wrong/expired/reused codes, unlink, merge, export and delete-my-data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor
from bot.linking import code_hash, new_code
from bot.models import Contact, LinkCode, Member, Nudge, NudgeState
from bot.replies import Reply, Verb, format_action_id
from scheduler.dispatcher import Dispatcher
from scheduler.notifier import Outgoing
from tests.fakes import RecordingNotifier, ThreadedCoach

SLACK = Actor("slack", "T1", "U1", display_name="Ana", timezone="Europe/Berlin")
DISCORD = Actor("discord", "G1", "111", display_name="ana.d", timezone="Europe/Berlin")
STRANGER = Actor("discord", "G1", "999", display_name="mallory")
WHERE_LAST_USED = "Nudges go to: Slack user Ana (workspace T1) — where you last used me"
MONDAY = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> ThreadedCoach:
    clock.set(MONDAY)
    return ThreadedCoach(Coach(sessions, clock, default_timezone="UTC"))


@pytest.fixture
def notifiers() -> dict[str, RecordingNotifier]:
    return {"slack": RecordingNotifier("slack"), "discord": RecordingNotifier("discord")}


@pytest.fixture
def worker(sessions: sessionmaker[Session], clock: FakeClock, notifiers: dict[str, RecordingNotifier]) -> Dispatcher:
    return Dispatcher(sessions, clock, notifiers)


def say(coach: ThreadedCoach, actor: Actor, line: str) -> Reply:
    reply = coach.handle_line(actor, line)
    assert isinstance(reply, Reply)
    return reply


def code_in(text: str) -> str:
    return text.split("Your link code: ", 1)[1].split()[0]


async def deliver(worker: Dispatcher, notifiers: dict[str, RecordingNotifier]) -> list[Outgoing]:
    before = {name: len(n.sent) for name, n in notifiers.items()}
    await worker.tick()
    return [m for name, n in notifiers.items() for m in n.sent[before[name]:]]


async def link(coach: ThreadedCoach, worker: Dispatcher, notifiers: dict[str, RecordingNotifier],
               first: Actor = SLACK, second: Actor = DISCORD) -> Reply:
    """`/coach link` on `first`, the code typed on `second`, Allow pressed on `first`'s DM."""
    code = code_in(say(coach, first, "/coach link").text)
    asked = say(coach, second, f"/coach link {code}")
    assert not asked.error and "press Allow" in asked.text, asked.text
    [request] = await deliver(worker, notifiers)
    assert request.recipient.platform == first.platform and request.recipient.user_id == first.user_id
    assert "wants to share your contact book" in request.reply.text
    allow = next(a for a in request.reply.actions if a.verb is Verb.ALLOW)
    return coach.press(first, allow.action_id)


async def test_two_accounts_share_one_book_and_nudges_go_to_one_place(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach, worker: Dispatcher,
        notifiers: dict[str, RecordingNotifier]) -> None:
    say(coach, SLACK, "/met Jane Doe at PyCon -- onboarding metrics")
    say(coach, DISCORD, "/met Raj at RustConf")
    say(coach, DISCORD, '/met "jane doe" at a meetup')  # the same person, met from the other account
    joined = await link(coach, worker, notifiers)
    assert not joined.error and "Linked: Discord user ana.d" in joined.text, joined.text
    assert "2 contacts came over" in joined.text
    assert '/coach merge "Jane Doe" "jane doe (2)"' in joined.text  # listed, not merged
    assert "Linked: this account now shares" in say(coach, DISCORD, "/coach list").text  # the notice, once
    for actor in (SLACK, DISCORD):
        listing = say(coach, actor, "/coach list").text
        assert "Jane Doe" in listing and "Raj" in listing and "jane doe (2)" in listing
    with sessions() as session:
        assert session.scalar(select(func.count(Member.id)).where(Member.linked_to.is_not(None))) == 1
        slack = session.scalars(select(Member).where(Member.platform == "slack")).one()
        assert {c.member_id for c in session.scalars(select(Contact))} == {slack.id}
    merged = say(coach, DISCORD, '/coach merge "Jane Doe" "jane doe (2)"')
    assert "Merged jane doe (2) into Jane Doe" in merged.text
    assert "jane doe (2)" not in say(coach, SLACK, "/coach list").text
    assert "meetup" in say(coach, SLACK, '/coach show "Jane Doe"').text

    # Nudges go where the member last used the coach (Discord, just now), or where they pin them.
    settings = say(coach, SLACK, "/coach settings").text
    assert WHERE_LAST_USED in settings
    say(coach, DISCORD, "/coach settings deliver discord")
    say(coach, SLACK, "/coach list")  # a use on Slack no longer moves them: pinned
    clock.advance(timedelta(days=2))
    due = await deliver(worker, notifiers)
    assert due and {m.recipient.platform for m in due} == {"discord"}
    nudge_id = due[0].nudge_ids[0]
    sent = format_action_id(Verb.SENT, nudge_id)
    # The same button from either platform acts once; a stranger is refused.
    assert coach.press(STRANGER, sent).error
    first = coach.press(SLACK, sent)
    again = coach.press(DISCORD, sent)
    assert not first.error and "Already noted" in again.text, (first.text, again.text)
    say(coach, SLACK, "/coach settings deliver auto")
    assert WHERE_LAST_USED in say(coach, SLACK, "/coach settings").text


async def test_codes_are_single_use_expire_and_limit_wrong_tries(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach, worker: Dispatcher,
        notifiers: dict[str, RecordingNotifier]) -> None:
    code = code_in(say(coach, SLACK, "/coach link").text)
    assert len(code) == 11
    with sessions() as session:
        stored = session.scalars(select(LinkCode)).one()
        assert stored.code_hash == code_hash(code) and code.replace("-", "") not in stored.code_hash
    assert "this account's own contact book" in say(coach, SLACK, f"/coach link {code}").text
    # a stranger's wrong guesses are counted: five an hour
    for left in (4, 3, 2, 1, 0):
        reply = say(coach, STRANGER, f"/coach link {new_code()}")
        assert reply.error and f"({left} tr" in reply.text, reply.text
    assert "Too many wrong codes" in say(coach, STRANGER, f"/coach link {code}").text
    clock.advance(timedelta(minutes=61))
    code = code_in(say(coach, SLACK, "/coach link").text)
    # a stranger who has the code can only ask; the code's account denies
    assert "press Allow" in say(coach, STRANGER, f"/coach link {code.lower()}").text
    assert "already used" in say(coach, DISCORD, f"/coach link {code}").text
    [request] = await deliver(worker, notifiers)
    assert "Discord user mallory" in request.reply.text
    deny = next(a for a in request.reply.actions if a.verb is Verb.DENY)
    assert coach.press(STRANGER, deny.action_id).error  # only the code's account answers
    assert "Declined" in coach.press(SLACK, deny.action_id).text
    assert "Already answered" in coach.press(SLACK, deny.action_id.replace("deny", "allow")).text
    assert "declined" in say(coach, STRANGER, "/coach list").text
    # an expired code
    late = code_in(say(coach, SLACK, "/coach link").text)
    clock.advance(timedelta(minutes=11))
    assert "has expired" in say(coach, DISCORD, f"/coach link {late}").text
    # a new code replaces the old one
    old = code_in(say(coach, SLACK, "/coach link").text)
    new = code_in(say(coach, SLACK, "/coach link").text)
    assert "has expired" in say(coach, DISCORD, f"/coach link {old}").text
    assert "press Allow" in say(coach, DISCORD, f"/coach link {new}").text
    with sessions() as session:
        assert session.scalar(select(func.count(Member.id)).where(Member.linked_to.is_not(None))) == 0


async def test_a_strangers_click_on_a_linked_members_nudge_is_refused(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach, worker: Dispatcher,
        notifiers: dict[str, RecordingNotifier]) -> None:
    say(coach, DISCORD, "/met Jane at PyCon")
    await link(coach, worker, notifiers)
    clock.advance(timedelta(days=2))
    [nudge] = await deliver(worker, notifiers)
    for verb in (Verb.SENT, Verb.SNOOZE, Verb.MOVE_ON):
        assert coach.press(STRANGER, format_action_id(verb, nudge.nudge_ids[0])).error
    with sessions() as session:
        assert session.get_one(Nudge, nudge.nudge_ids[0]).state == NudgeState.SENT
        assert session.scalar(select(func.count(Contact.id))) == 1


async def test_unlink_keeps_the_book_with_the_other_account(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach, worker: Dispatcher,
        notifiers: dict[str, RecordingNotifier]) -> None:
    say(coach, SLACK, "/met Jane at PyCon")
    say(coach, SLACK, "/coach settings hours 8-16")
    await link(coach, worker, notifiers)
    asked = say(coach, SLACK, "/coach unlink")
    assert "stays with it" in asked.text and asked.actions[0].verb is Verb.UNLINK
    assert coach.press(STRANGER, asked.actions[0].action_id).error
    done = coach.press(SLACK, asked.actions[0].action_id)
    assert "Unlinked" in done.text and "stays with your Discord account" in done.text, done.text
    assert "Jane" in say(coach, DISCORD, "/coach list").text
    assert "Jane" not in say(coach, SLACK, "/coach list").text
    assert "08:00–16:00" in say(coach, SLACK, "/coach settings").text  # a copy of the settings
    assert "08:00–16:00" in say(coach, DISCORD, "/coach settings").text
    assert say(coach, DISCORD, "/coach unlink").error  # nothing linked any more
    with sessions() as session:
        discord = session.scalars(select(Member).where(Member.platform == "discord")).one()
        assert discord.linked_to is None and discord.deliver_id is None
        nudges = session.scalars(select(Nudge).where(Nudge.contact_id.is_not(None)))
        assert {n.member_id for n in nudges} == {discord.id}


async def test_export_and_delete_my_data_cover_every_linked_account(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach, worker: Dispatcher,
        notifiers: dict[str, RecordingNotifier]) -> None:
    say(coach, SLACK, "/met Jane at PyCon")
    await link(coach, worker, notifiers)
    other = Actor("slack", "T2", "U2", display_name="Ana two")
    await link(coach, worker, notifiers, first=SLACK, second=other)  # a third account: one group
    export = say(coach, DISCORD, "/coach export")
    assert "covers all your linked accounts" in export.text
    document = json.loads(export.attachments[0].content)
    assert {(a["platform"], a["user_id"]) for a in document["accounts"]} == {("slack", "U1"), ("discord", "111"),
                                                                              ("slack", "U2")}
    assert [c["name"] for c in document["contacts"]] == ["Jane"]
    asked = say(coach, DISCORD, "/coach delete-my-data")
    assert "every linked account" in asked.text
    assert coach.press(STRANGER, asked.actions[0].action_id).error
    done = coach.press(DISCORD, asked.actions[0].action_id)
    assert "on all 3 of your linked accounts" in done.text, done.text
    with sessions() as session:
        assert session.scalar(select(func.count(Member.id))) == 0
        assert session.scalar(select(func.count(LinkCode.id))) == 0
        assert session.scalar(select(func.count(Nudge.id))) == 0


async def test_delete_my_data_typed_from_a_linked_account(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach, worker: Dispatcher,
        notifiers: dict[str, RecordingNotifier]) -> None:
    say(coach, SLACK, "/met Jane at PyCon")
    await link(coach, worker, notifiers)
    done = say(coach, DISCORD, "/coach delete-my-data confirm")
    assert "on all 2 of your linked accounts" in done.text, done.text
    with sessions() as session:
        assert session.scalar(select(func.count(Member.id))) == 0
        assert session.scalar(select(func.count(Contact.id))) == 0
    assert "No contacts" in say(coach, SLACK, "/coach list").text  # starts fresh


async def test_a_code_typed_with_a_space_and_typed_allow(
        sessions: sessionmaker[Session], clock: FakeClock, coach: ThreadedCoach, worker: Dispatcher,
        notifiers: dict[str, RecordingNotifier]) -> None:
    code = code_in(say(coach, SLACK, "/coach link").text)
    assert say(coach, SLACK, "/coach link allow").error  # nothing waiting yet
    assert "press Allow" in say(coach, DISCORD, f"/coach link {code.replace('-', ' ').lower()}").text
    assert "Linked: Discord user ana.d" in say(coach, SLACK, "/coach link allow").text
    with sessions() as session:
        code_id = session.scalars(select(LinkCode.id)).one()
    assert "Already answered: allowed" in coach.press(SLACK, format_action_id(Verb.DENY, code_id)).text
