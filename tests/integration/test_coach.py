"""Use cases end to end through Coach, against a migrated SQLite file and the real PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.api import CoachAPI
from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor
from bot.models import Contact, Event, Member, Nudge, NudgeKind, NudgeState, Stage
from bot.replies import Verb, format_action_id
from scheduler.dispatcher import Dispatcher
from tests.fakes import RecordingNotifier

JANE = Actor("slack", "T1", "U_JANE_OWNER", display_name="Sam", timezone="UTC")
OTHER = Actor("slack", "T1", "U_OTHER", display_name="Alex", timezone="UTC")
OTHER_TEAM = Actor("slack", "T2", "U_JANE_OWNER", display_name="Sam elsewhere", timezone="UTC")


@pytest.fixture
def coach(sessions: sessionmaker[Session], clock: FakeClock) -> Coach:
    return Coach(sessions, clock)


@pytest.fixture
def api(sessions: sessionmaker[Session], clock: FakeClock) -> Iterator[CoachAPI]:
    """Async tests reach the core as adapters do: a unit of work refuses the event loop's thread."""
    api = CoachAPI(sessions, clock)
    yield api
    api.close()


def pending(sessions: sessionmaker[Session], name: str) -> Nudge | None:
    with sessions() as session:
        query = select(Nudge).join(Contact, Contact.id == Nudge.contact_id).where(
            Contact.name == name, Nudge.state == NudgeState.PENDING.value
        )
        return session.scalars(query).one_or_none()


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_met_records_contact_and_plans_48h_nudge(coach: Coach, sessions: sessionmaker[Session],
                                                 clock: FakeClock) -> None:
    reply = coach.handle_line(JANE, "/met Jane Doe at PyCon -- talked about onboarding metrics #python")
    assert not reply.error
    assert "Jane Doe" in reply.text and "PyCon" in reply.text
    nudge = pending(sessions, "Jane Doe")
    assert nudge is not None and nudge.kind == NudgeKind.FOLLOW_UP_48H
    assert clock.now() < nudge.due_at <= clock.now() + timedelta(hours=48)
    with sessions() as session:
        contact = session.scalars(select(Contact)).one()
        assert (contact.where_met, contact.notes, contact.tags) == ("PyCon", "talked about onboarding metrics",
                                                                     ["python"])


def test_meeting_someone_again_logs_on_the_same_contact(coach: Coach, sessions: sessionmaker[Session],
                                                        clock: FakeClock) -> None:
    coach.handle_line(JANE, "/met Jane Doe at PyCon")
    clock.advance(timedelta(days=20))
    reply = coach.handle_line(JANE, "/met jane doe at EuroPython -- second chat")
    assert "met Jane Doe before" in reply.text
    assert count(sessions, Contact) == 1
    with sessions() as session:
        kinds = [e.kind for e in session.scalars(select(Event).order_by(Event.id))]
    assert kinds == ["met", "met", "before_met"]  # and what the contact was before it, for its Undo


def test_a_mention_and_its_name_find_the_same_person(coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_text(JANE, "/met", "<@U777|jane> at PyCon")
    assert not coach.handle_text(JANE, "/coach", "sent <@U777|jane.doe>").error
    assert not coach.handle_text(JANE, "/coach", "show jane").error
    assert count(sessions, Contact) == 1


def test_two_people_with_one_display_name_stay_two_contacts(coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_text(JANE, "/met", "<@U1|jane> at PyCon")
    reply = coach.handle_text(JANE, "/met", "<@U2|jane> at RustConf")
    assert not reply.error and "jane (2)" in reply.text
    assert count(sessions, Contact) == 2
    assert "RustConf" in coach.handle_text(JANE, "/coach", "show <@U2|jane>").text


def test_the_whole_no_reply_ladder(coach: Coach, sessions: sessionmaker[Session], clock: FakeClock) -> None:
    coach.handle_line(JANE, '/met "Jane Doe" at PyCon')
    for expected_kind in (NudgeKind.NO_REPLY_1W, NudgeKind.NO_REPLY_2W, NudgeKind.MOVE_ON):
        clock.advance(timedelta(days=1))
        reply = coach.handle_line(JANE, '/coach sent "Jane Doe"')
        assert not reply.error, reply.text
        nudge = pending(sessions, "Jane Doe")
        assert nudge is not None and nudge.kind == expected_kind
    reply = coach.handle_line(JANE, '/coach sent "Jane Doe"')
    assert "won't count a fourth" in reply.text
    reply = coach.handle_line(JANE, '/coach draft "Jane Doe"')
    assert "won't draft" in reply.text
    assert not coach.handle_line(JANE, "/coach moveon Jane").error
    assert pending(sessions, "Jane Doe") is None
    with sessions() as session:
        assert session.scalars(select(Contact.stage)).one() == Stage.MOVED_ON


def test_reply_stops_the_chain_and_plans_a_check_in(coach: Coach, sessions: sessionmaker[Session],
                                                    clock: FakeClock) -> None:
    coach.handle_line(JANE, "/met Bob at a meetup")
    coach.handle_line(JANE, "/coach sent Bob")
    clock.advance(timedelta(days=2))
    reply = coach.handle_line(JANE, "/coach replied Bob")
    assert "replied" in reply.text
    nudge = pending(sessions, "Bob")
    assert nudge is not None and nudge.kind == NudgeKind.CHECK_IN
    assert nudge.due_at >= clock.now() + timedelta(days=90)
    coach.handle_line(JANE, "/coach settings checkins 30")
    nudge = pending(sessions, "Bob")
    assert nudge is not None and nudge.due_at < clock.now() + timedelta(days=33)


def test_snooze_and_pause_resume(coach: Coach, sessions: sessionmaker[Session], clock: FakeClock) -> None:
    coach.handle_line(JANE, "/met Jane at PyCon")
    before = pending(sessions, "Jane")
    assert before is not None
    coach.handle_line(JANE, "/coach snooze Jane 3d")
    after = pending(sessions, "Jane")
    assert after is not None and after.due_at >= clock.now() + timedelta(days=3)
    assert "paused" in coach.handle_line(JANE, "/coach settings pause").text.lower()
    assert pending(sessions, "Jane") is None
    coach.handle_line(JANE, "/coach settings resume")
    assert pending(sessions, "Jane") is not None


def test_timezone_setting_validates_and_replans(coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_line(JANE, "/met Jane at PyCon")
    bad = coach.handle_line(JANE, "/coach settings tz Mars/Olympus")
    assert bad.error and "America/New_York" in bad.text
    assert not coach.handle_line(JANE, "/coach settings tz Asia/Tokyo").error
    with sessions() as session:
        assert session.scalars(select(Member.timezone)).one() == "Asia/Tokyo"
    nudge = pending(sessions, "Jane")
    assert nudge is not None
    from zoneinfo import ZoneInfo

    assert 9 <= nudge.due_at.astimezone(ZoneInfo("Asia/Tokyo")).hour < 18


def test_unknown_and_ambiguous_contacts(coach: Coach) -> None:
    reply = coach.handle_line(JANE, "/coach sent Nobody")
    assert reply.error and "No contact named 'Nobody'" in reply.text and "/coach list" in reply.text
    coach.handle_line(JANE, "/met Jane Doe")
    coach.handle_line(JANE, "/met Jane Roe")
    reply = coach.handle_line(JANE, "/coach sent Jane")
    assert reply.error and "Jane Doe" in reply.text and "Jane Roe" in reply.text
    assert not coach.handle_line(JANE, "/coach sent jane roe").error


def test_members_never_see_each_others_contacts(coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_line(JANE, "/met Jane Doe at PyCon -- secret project")
    for actor in (OTHER, OTHER_TEAM):
        assert coach.handle_line(actor, "/coach show Jane Doe").error
        assert "secret" not in coach.handle_line(actor, "/coach export").attachments[0].content
        assert "No contacts" in coach.handle_line(actor, "/coach list").text
        assert coach.handle_line(actor, "/coach forget Jane Doe").error
    assert count(sessions, Contact) == 1


def test_buttons_record_once_and_only_for_their_member(coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_line(JANE, "/met Jane at PyCon")
    nudge = pending(sessions, "Jane")
    assert nudge is not None
    sent_button = format_action_id(Verb.SENT, nudge.id)
    assert coach.press(OTHER, sent_button).error
    first = coach.press(JANE, sent_button)
    assert not first.error and "sent" in first.text
    second = coach.press(JANE, sent_button)
    assert "Already noted" in second.text
    with sessions() as session:
        assert session.scalars(select(Contact.stage)).one() == Stage.WAITING
        assert [e.kind for e in session.scalars(select(Event).order_by(Event.id))] == ["met", "sent"]
    for forged in ("coach:sent:abc", "coach:explode:1", "", "coach:sent:999999", "x" * 5000):
        assert coach.press(JANE, forged).error


def test_draft_button_offers_a_draft_that_uses_the_context(coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_line(JANE, "/met Jane Doe at PyCon -- onboarding metrics")
    nudge = pending(sessions, "Jane Doe")
    assert nudge is not None
    reply = coach.press(JANE, format_action_id(Verb.DRAFT, nudge.id))
    assert not reply.error
    assert "Jane" in reply.text and "PyCon" in reply.text


def test_a_draft_names_its_stage_tells_true_time_and_signs_with_the_display_name(
        coach: Coach, clock: FakeClock) -> None:
    coach.handle_line(JANE, "/met Jane Doe at coffee -- her startup does carbon accounting; promised intro to Sam "
                            "offer: our survey template interests: rust, climbing")
    first = coach.handle_line(JANE, '/coach draft "Jane Doe"')
    assert first.title == "Draft: First message to Jane Doe (met today: within the 48 hours)"
    assert "coffee today" in first.text and "your startup" in first.text.lower() and "Sam" in first.text
    assert "her startup" not in first.text and first.text.count("\nSam\n") == 1  # signed once, by the member
    clock.advance(timedelta(days=1))
    coach.handle_line(JANE, '/coach sent "Jane Doe"')
    clock.advance(timedelta(days=7))
    week = coach.handle_line(JANE, '/coach draft "Jane Doe"')
    assert week.title == "Draft: One-week follow-up to Jane Doe (you wrote last week, no reply yet)"
    assert "from last week" in week.text
    coach.handle_line(JANE, '/coach sent "Jane Doe"')
    clock.advance(timedelta(days=7))
    last = coach.handle_line(JANE, '/coach draft "Jane Doe"')
    assert last.title == "Draft: Last message to Jane Doe (two weeks, no reply: you last wrote last week)"
    assert "a couple of weeks ago" in last.text and "introduction to Sam" in last.text
    coach.handle_line(JANE, '/coach replied "Jane Doe"')
    clock.advance(timedelta(days=90))
    check_in = coach.handle_line(JANE, '/coach draft "Jane Doe"')
    assert check_in.title == "Draft: Check-in with Jane Doe" and "about three months" in check_in.text


def test_a_follow_up_asked_for_early_says_when_it_is_due_and_still_drafts(coach: Coach, clock: FakeClock) -> None:
    """Stage and time tell the truth: a first message five days after meeting is past the 48 hours; a
    one-week follow-up asked for two days after the first message says when it falls due, and is drafted."""
    coach.handle_line(JANE, "/met Jane Doe at PyCon -- she asked for our onboarding checklist")
    clock.advance(timedelta(days=5))
    late = coach.handle_line(JANE, '/coach draft "Jane Doe"')
    assert late.title == "Draft: First message to Jane Doe (met on Wednesday: past the 48 hours, still worth writing)"
    assert "checklist" in late.text and "Before you send it: attach" in late.text
    coach.handle_line(JANE, '/coach sent "Jane Doe"')  # Monday 9 March
    clock.advance(timedelta(days=2))
    early = coach.handle_line(JANE, '/coach draft "Jane Doe"')
    assert early.title == ("Draft: One-week follow-up to Jane Doe (not due yet: due Monday 16 March, "
                           "a week after your message on Monday)")
    assert "isn't due yet" in early.text and "checklist" in early.text
    assert re.search(r"\b(?:Hi|Hello|Hey|Dear) Jane,", early.text)  # the greeting varies with the contact's id
    clock.advance(timedelta(days=6))
    due = coach.handle_line(JANE, '/coach draft "Jane Doe"')
    assert due.title == "Draft: One-week follow-up to Jane Doe (you wrote last week, no reply yet)"
    assert "isn't due yet" not in due.text


def test_the_place_reads_as_a_sentence_in_replies_too(coach: Coach) -> None:
    assert "you met Ana over coffee." in coach.handle_line(JANE, "/met Ana at coffee").text
    assert "you met Bo on the train to Milan." in coach.handle_line(JANE, "/met Bo at train to Milan").text
    assert "you met Cy at PyCon." in coach.handle_line(JANE, "/met Cy at PyCon").text


def test_a_user_id_is_no_name_to_sign_with(coach: Coach) -> None:
    """The console's user id is the machine login: a display name equal to it signs nothing."""
    login = Actor("console", "local", "zq_login", display_name="zq_login", timezone="UTC")
    coach.handle_line(login, "/met Jane Doe at PyCon -- talked about onboarding metrics")
    reply = coach.handle_line(login, '/coach draft "Jane Doe"')
    assert "zq_login" not in reply.text and "Here's a draft" in reply.text


def test_review_uses_the_contact(coach: Coach) -> None:
    coach.handle_line(JANE, "/met Jane Doe at PyCon -- onboarding metrics")
    reply = coach.handle_line(JANE, '/review "Jane Doe" Hi, want to buy my product? Let me know ASAP!!!')
    assert not reply.error and reply.text
    assert coach.handle_line(JANE, "/review @nobody hello there").error


def test_export_is_json_and_csv_of_own_data(coach: Coach) -> None:
    coach.handle_line(JANE, "/met Jane Doe at PyCon -- onboarding #python")
    coach.handle_line(JANE, "/met Bob")
    reply = coach.handle_line(JANE, "/coach export")
    data = json.loads(reply.attachments[0].content)
    assert {c["name"] for c in data["contacts"]} == {"Jane Doe", "Bob"}
    assert data["member"]["user_id"] == JANE.user_id
    rows = list(csv.DictReader(io.StringIO(reply.attachments[1].content)))
    assert {r["name"] for r in rows} == {"Jane Doe", "Bob"}
    assert next(r for r in rows if r["name"] == "Jane Doe")["tags"] == "python"


def test_forget_deletes_contact_events_and_nudges(coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_line(JANE, "/met Jane Doe at PyCon")
    coach.handle_line(JANE, "/coach sent Jane Doe")
    coach.handle_line(JANE, "/met Bob")
    asked = coach.handle_line(JANE, "/coach forget Jane Doe")  # asks first, deletes nothing
    assert asked.title == "Forget Jane Doe?" and '/coach forget "Jane Doe" confirm' in asked.text
    assert [a.action_id for a in asked.actions] == [f"coach:forget:{asked.actions[0].nudge_id}"]
    assert count(sessions, Contact) == 2
    reply = coach.handle_line(JANE, '/coach forget "Jane Doe" confirm')
    assert "Forgot Jane Doe" in reply.text
    assert count(sessions, Contact) == 1
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Event).join(Contact)) == 1
        assert {n.contact_id for n in session.scalars(select(Nudge))} == set(session.scalars(select(Contact.id)))


def test_list_filters_by_stage_and_tag(coach: Coach) -> None:
    coach.handle_line(JANE, "/met Jane at PyCon #python")
    coach.handle_line(JANE, "/met Bob #golang")
    coach.handle_line(JANE, "/coach sent Bob")
    assert "Bob" in coach.handle_line(JANE, "/coach list waiting").text
    assert "Jane" not in coach.handle_line(JANE, "/coach list waiting").text
    tagged = coach.handle_line(JANE, "/coach list #python").text
    assert "Jane" in tagged and "Bob" not in tagged


def test_a_failing_use_case_writes_nothing(coach: Coach, sessions: sessionmaker[Session],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.handlers.contacts as contacts

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(contacts, "schedule_new", explode)  # after the contact and its event are written
    reply = coach.handle_line(JANE, "/met Jane at PyCon")
    assert reply.error and "nothing was saved" in reply.text
    assert "disk on fire" not in reply.text
    assert count(sessions, Contact) == 0 and count(sessions, Event) == 0 and count(sessions, Member) == 0


async def deliver_first_nudge(api: CoachAPI, sessions: sessionmaker[Session], clock: FakeClock) -> dict[Verb, str]:
    """Meet Jane, let the 48 h nudge go out through the real dispatcher, return its buttons by verb."""
    notifier = RecordingNotifier("slack")
    await api.handle_line(JANE, "/met Jane at PyCon")
    clock.advance(timedelta(days=2))
    await Dispatcher(sessions, clock, {"slack": notifier}).tick()
    assert len(notifier.sent) == 1
    return {action.verb: action.action_id for action in notifier.sent[0].reply.actions}


async def test_a_delivered_nudges_buttons_work_once(api: CoachAPI, sessions: sessionmaker[Session],
                                                    clock: FakeClock) -> None:
    buttons = await deliver_first_nudge(api, sessions, clock)
    first = await api.press(JANE, buttons[Verb.SENT])
    assert not first.error and "Already noted" not in first.text
    assert "Already noted" in (await api.press(JANE, buttons[Verb.SENT])).text
    with sessions() as session:
        assert session.scalars(select(Contact.stage)).one() == Stage.WAITING


async def test_typed_then_clicked_counts_one_message(api: CoachAPI, sessions: sessionmaker[Session],
                                                     clock: FakeClock) -> None:
    buttons = await deliver_first_nudge(api, sessions, clock)
    clock.advance(timedelta(hours=1))
    await api.handle_line(JANE, "/coach sent Jane")
    reply = await api.press(JANE, buttons[Verb.SENT])
    assert "didn't count another message" in reply.text
    assert not (await api.press(JANE, buttons[Verb.REPLIED])).error  # news is news, whenever it is clicked
    with sessions() as session:
        kinds = [e.kind for e in session.scalars(select(Event).order_by(Event.id))]
    assert kinds.count("sent") == 1 and kinds[-1] == "replied"


@pytest.mark.parametrize(("typed", "found"), [
    ("raj", "raj_patel"), ("Raj Patel", "raj_patel"), ("@raj_patel", "raj_patel"), ("JOSE", "José Ruiz"),
    ("josé r", "José Ruiz"), ("ruiz", "José Ruiz"), ("siobhan", "Siobhán O'Neill"), ("o'neill", "Siobhán O'Neill"),
    ("Jane", "Jane Doe"),
])
def test_a_contact_is_found_by_first_name_handle_prefix_case_and_accents(coach: Coach, typed: str,
                                                                           found: str) -> None:
    for line in ("/met @raj_patel", "/met José Ruiz at PyCon", "/met \"Siobhán O'Neill\"", "/met Jane Doe at KubeCon"):
        assert not coach.handle_line(JANE, line).error
    shown = coach.handle_line(JANE, f"/coach show {typed}")
    assert not shown.error and shown.text.startswith(f"{found} — "), shown.text


def test_several_matches_are_listed_with_what_tells_them_apart_and_nothing_is_written(
        coach: Coach, sessions: sessionmaker[Session]) -> None:
    coach.handle_line(JANE, "/met Jane Doe at KubeCon")
    coach.handle_line(JANE, "/met Jane Roe at PyCon")
    events = count(sessions, Event)
    reply = coach.handle_line(JANE, "/coach sent jane")
    assert reply.error and reply.text.splitlines()[:3] == [
        "More than one contact matches 'jane':", "• Jane Doe — met at KubeCon on Wed 4 Mar 2026",
        "• Jane Roe — met at PyCon on Wed 4 Mar 2026"]
    assert 'Say which one, e.g. /coach sent "Jane Doe"' in reply.text
    assert count(sessions, Event) == events


def test_dont_follow_up_stops_the_ladder_and_undo_takes_it_back(coach: Coach, sessions: sessionmaker[Session],
                                                                clock: FakeClock) -> None:
    """The answer buttons act on the contact (coach:for-<answer>:<contact id>), only for its own member; "Don't
    follow up" cancels the pending nudge (a MOVED_ON event), and Undo removes exactly that and re-plans."""
    coach.handle_line(JANE, "/met Lucy at call -- vendor, too expensive, ruled out. dont chase")
    rested = coach.handle_line(JANE, "/coach draft Lucy")  # the notes say not to chase: let it rest, or stop
    assert "No message needed for Lucy yet" in rested.text and "ruled out" in rested.text
    assert [a.verb for a in rested.actions] == [Verb.FOR_ANYWAY, Verb.FOR_STOP]
    stop = rested.actions[1].action_id
    assert coach.press(OTHER, stop).error  # someone else's click changes nothing
    assert pending(sessions, "Lucy") is not None
    stopped = coach.press(JANE, stop)
    assert "no more reminders about them" in stopped.text and pending(sessions, "Lucy") is None
    assert [a.verb for a in stopped.actions] == [Verb.FOR_UNDO]
    assert "you've moved on from them" in coach.handle_line(JANE, "/coach draft Lucy").text
    with sessions() as session:
        contact = session.scalars(select(Contact).where(Contact.name == "Lucy")).one()
        assert contact.purpose == "stop" and contact.stage == Stage.MOVED_ON
    clock.advance(timedelta(hours=1))
    undone = coach.press(JANE, stopped.actions[0].action_id)
    assert "Undone: Lucy is back on your follow-up list" in undone.text
    assert pending(sessions, "Lucy") is not None
    with sessions() as session:
        contact = session.scalars(select(Contact).where(Contact.name == "Lucy")).one()
        assert contact.purpose is None and contact.stage == Stage.NEW
        assert [e.kind for e in contact.events] == ["met"]
    assert "There's no “don't follow up” to undo" in coach.press(JANE, stopped.actions[0].action_id).text
    typed = coach.handle_line(JANE, '/coach purpose Lucy "ask about their pricing"')
    assert "I wanted to ask about your pricing." in typed.text
    assert "Messages are for: “ask about their pricing”" in coach.handle_line(JANE, "/coach show Lucy").text


def contact_state(sessions: sessionmaker[Session], name: str) -> tuple[object, ...]:
    """Everything a /met may change about a contact: its fields, events, and every nudge row."""
    with sessions() as session:
        contact = session.scalars(select(Contact).where(Contact.name == name)).one()
        nudges = session.execute(select(Nudge.id, Nudge.kind, Nudge.state, Nudge.due_at, Nudge.day)
                                 .where(Nudge.member_id == contact.member_id).order_by(Nudge.id)).all()
        return ((contact.met_at, contact.where_met, contact.conference_id, contact.notes, contact.interests,
                 contact.offer, contact.tags, contact.platform_user_id, contact.stage),
                [(e.id, e.kind, e.at, e.detail) for e in contact.events], [tuple(n) for n in nudges])


def test_a_first_name_logs_another_meeting_and_undo_restores_exactly_only_for_its_member(
        coach: Coach, sessions: sessionmaker[Session], clock: FakeClock) -> None:
    """`/met siobhan` beside "Siobhán O'Neill" logs a meeting on her (no second contact) with an Undo button
    (coach:unmet:<meeting>); someone else's press changes nothing; the member's press puts back the contact,
    its ladder (stage and the very reminder row) and events exactly; a second press finds nothing to undo."""
    coach.handle_line(JANE, "/met \"Siobhán O'Neill\" at DevOpsDays -- likes Go offer: an intro #sre")
    coach.handle_line(JANE, "/coach sent siobhan")
    clock.advance(timedelta(days=2))
    before = contact_state(sessions, "Siobhán O'Neill")
    again = coach.handle_line(JANE, "/met siobhan at KubeCon -- wants the eBPF slides interests: ebpf #kube")
    assert again.text.startswith("You've met Siobhán O'Neill before — logged another meeting at KubeCon.")
    assert [(a.label, a.verb, a.command) for a in again.actions] == [
        ("Undo", Verb.UNDO_MET, '/coach undo "Siobhán O\'Neill"')]
    assert count(sessions, Contact) == 1
    during = contact_state(sessions, "Siobhán O'Neill")
    assert during[0][-1] == Stage.NEW and "wants the eBPF slides" in str(during[0][3]) and during != before
    button = again.actions[0].action_id
    assert coach.press(OTHER, button).error and coach.press(OTHER_TEAM, button).error
    assert contact_state(sessions, "Siobhán O'Neill") == during  # someone else's click changes nothing
    assert "Undo" not in coach.handle_line(OTHER, "/coach undo siobhan").text  # nor their own command: no contact
    clock.advance(timedelta(minutes=5))
    undone = coach.press(JANE, button)
    assert "Undone: the meeting at KubeCon is off Siobhán O'Neill's history" in undone.text
    assert contact_state(sessions, "Siobhán O'Neill") == before
    assert "Nothing to undo: that meeting is no longer on record." in coach.press(JANE, button).text
    assert "There's no repeat meeting with Siobhán O'Neill to undo" in coach.handle_line(JANE, "/coach undo sio").text
    assert contact_state(sessions, "Siobhán O'Neill") == before


def test_undo_takes_back_the_recap_its_meeting_planned_and_refuses_once_more_happened(
        coach: Coach, sessions: sessionmaker[Session], clock: FakeClock) -> None:
    coach.handle_line(JANE, "/met Mei Lin at PyCon")
    clock.advance(timedelta(days=1))
    coach.handle_line(JANE, '/coach event "KubeCon EU"')
    before = contact_state(sessions, "Mei Lin")
    again = coach.handle_line(JANE, "/met mei")  # at the event: it plans the day's recap
    assert "logged another meeting at KubeCon EU" in again.text
    assert any(kind == NudgeKind.EVENT_RECAP for _, kind, *_ in contact_state(sessions, "Mei Lin")[2])
    assert "Undone" in coach.handle_line(JANE, "/coach undo mei").text
    assert contact_state(sessions, "Mei Lin") == before  # no recap left for a meeting that did not happen

    coach.handle_line(JANE, "/met mei at KubeCon -- again")
    coach.handle_line(JANE, "/coach sent mei")
    after = contact_state(sessions, "Mei Lin")
    refused = coach.handle_line(JANE, "/coach undo mei")
    assert "Too late to undo that meeting with Mei Lin" in refused.text
    assert contact_state(sessions, "Mei Lin") == after
