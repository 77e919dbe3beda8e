"""The real Bolt app over real HTTP, signed like Slack signs, against the fake Web API on loopback."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

import adapters.slack.app as slack_app
from bot.models import Contact, Event, EventKind, Member, Nudge, NudgeState
from bot.replies import Verb, format_action_id
from tests.slack.conftest import SlackRig
from tests.slack.slackfakes import button_click, sign


def count_events(rig: SlackRig, kind: EventKind | None = None) -> int:
    with rig.runtime.sessions() as session:
        query = select(func.count()).select_from(Event)
        if kind is not None:
            query = query.where(Event.kind == kind.value)
        return session.scalar(query) or 0


def contact_names(rig: SlackRig, team: str) -> list[str]:
    with rig.runtime.sessions() as session:
        query = select(Contact.name).join(Member, Member.id == Contact.member_id).where(Member.workspace_id == team)
        return sorted(session.scalars(query))


async def deliver_nudge(rig: SlackRig, who: str = "Jane Doe", team: str = "T1", user: str = "U1") -> dict[str, Any]:
    """/met, then two days later the dispatcher DMs the 48 h nudge; returns the posted message."""
    answered = len(rig.fake.responses)
    key = "met-" + who.replace(" ", "-")
    await rig.send.command("/met", f"{who} at PyCon -- onboarding metrics", team=team, user=user, key=key)
    await rig.fake.wait_responses(answered + 1)
    assert rig.runtime.dispatcher is not None
    channel = f"D{user}"
    for _day in range(7):  # to the next working-hours slot, over a weekend if need be
        rig.clock.advance(timedelta(days=1))
        delivered = await rig.runtime.dispatcher.tick()
        mine = [d for d in delivered if (d.message.recipient.workspace_id, d.message.recipient.user_id) == (team, user)]
        if mine:
            break
    assert len(mine) == 1 and len(mine[0].message.nudge_ids) == 1
    return rig.fake.messages[channel][-1] | {"channel": channel}


# --- signatures ------------------------------------------------------------------------------------


async def test_forged_stale_and_malformed_requests_are_refused(rig: SlackRig) -> None:
    body = "command=%2Fmet&text=Jane&team_id=T1&user_id=U1&response_url=x&trigger_id=t"
    forged = await rig.send.post(body, "application/x-www-form-urlencoded", headers=sign(body, "wrong-secret"))
    stale = await rig.send.post(body, "application/x-www-form-urlencoded", timestamp=int(time.time()) - 6 * 60)
    unsigned = await rig.send.post(body, "application/x-www-form-urlencoded", signed=False)
    junk = {"X-Slack-Signature": "v0=nothex", "X-Slack-Request-Timestamp": "x"}
    garbage_signature = await rig.send.post(body, "application/x-www-form-urlencoded", headers=junk)
    tampered = sign(body)
    async with rig.send.http.post(rig.send.url, data=body + "&text=Mallory", headers=tampered) as response:
        assert response.status == 401
    assert [forged[0], stale[0], unsigned[0], garbage_signature[0]] == [401, 401, 401, 401]
    malformed = await rig.send.post("payload=%7Bnot-json", "application/x-www-form-urlencoded")
    assert malformed[0] in (400, 404)
    assert rig.fake.responses == [] and count_events(rig) == 0


async def test_url_verification_echoes_the_challenge(rig: SlackRig) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "legacy"})
    status, text = await rig.send.post(body, "application/json")
    assert status == 200 and "abc123" in text


# --- slash commands --------------------------------------------------------------------------------


async def test_met_answers_ephemerally_with_add_details_and_uses_the_slack_timezone(rig: SlackRig) -> None:
    status, _ = await rig.send.command("/met", "<@U77|jane> at PyCon -- onboarding metrics #python")
    assert status == 200
    [response] = await rig.fake.wait_responses()
    assert response["response_type"] == "ephemeral"
    assert "Noted: you met jane at PyCon" in response["text"]
    assert any(e.get("action_id") == "coach_add_details" for b in response["blocks"] for e in b.get("elements", []))
    with rig.runtime.sessions() as session:
        member = session.scalars(select(Member)).one()
        contact = session.scalars(select(Contact)).one()
    assert (member.workspace_id, member.user_id, member.timezone) == ("T1", "U1", "Europe/Berlin")
    assert (contact.platform_user_id, contact.tags) == ("U77", ["python"])
    await rig.send.command("/coach", "list", key="r2")
    await rig.fake.wait_responses(2)
    assert len(rig.fake.of("users.info")) == 1  # cached


async def test_met_again_by_first_name_has_an_undo_button_that_puts_the_contact_back(rig: SlackRig) -> None:
    """`/met siobhan` beside "Siobhán O'Neill": another meeting on her, with Undo beside Add details; a click
    on the ephemeral answer takes the meeting back and answers in its place."""
    await rig.send.command("/met", "\"Siobhán O'Neill\" at DevOpsDays", key="k1")
    await rig.send.command("/met", "siobhan at KubeCon", key="k2")
    again = (await rig.fake.wait_responses(2))[-1]
    assert "You've met Siobhán O'Neill before — logged another meeting at KubeCon." in again["text"]
    buttons = {e["text"]["text"]: e["action_id"] for b in again["blocks"] if b["type"] == "actions"
               for e in b["elements"]}
    assert buttons.keys() == {"Undo", "Add details"} and buttons["Undo"].startswith("coach:unmet:")
    click = button_click(buttons["Undo"], {"ts": "1.0", "blocks": again["blocks"]}, channel="C1",
                         response_url=rig.fake.response_url("undo"))
    click["container"]["is_ephemeral"] = True
    status, _ = await rig.send.interaction(click)
    assert status == 200
    undone = (await rig.fake.wait_responses(3))[-1]
    assert "Undone: the meeting at KubeCon is off Siobhán O'Neill's history" in undone["text"]
    assert undone["replace_original"] is True
    with rig.runtime.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
        assert session.scalars(select(Event.kind)).all() == [EventKind.MET]


async def test_every_command_answers_ephemerally(rig: SlackRig) -> None:
    lines = [
        ("/met", '"Jane Doe" at PyCon -- talked about onboarding metrics'),
        ("/review", "Hi Jane, great to meet you at PyCon. Would you share how you measure onboarding?"),
        ("/coach", 'show "Jane Doe"'),
        ("/coach", "list"),
        ("/coach", 'draft "Jane Doe"'),
        ("/coach", 'sent "Jane Doe"'),
        ("/coach", 'snooze "Jane Doe" 2d'),
        ("/coach", 'replied "Jane Doe"'),
        ("/coach", 'moveon "Jane Doe"'),
        ("/coach", "settings tz America/New_York"),
        ("/coach", "settings"),
        ("/coach", "help"),
        ("/coach", 'forget "Jane Doe"'),
        ("/coach", "dance"),
    ]
    for i, (command, text) in enumerate(lines, 1):
        status, _ = await rig.send.command(command, text, key=f"k{i}")
        assert status == 200
        await rig.fake.wait_responses(i)
    texts = [r["text"] for r in rig.fake.responses]
    assert all(r["response_type"] == "ephemeral" for r in rig.fake.responses)
    assert "Noted" in texts[0] and "review" in texts[1].lower() and "Jane Doe" in texts[2]
    assert "Here's a draft" in texts[4] and "first message" in texts[5] and "Snoozed" in texts[6]
    assert "replied" in texts[7] and "moving on" in texts[8].lower() and "America/New_York" in texts[9]
    assert "Forget Jane Doe?" in texts[12] and "/coach help" in texts[13]  # forget asks first
    assert ":warning:" in rig.fake.responses[13]["blocks"][0]["text"]["text"]


async def test_export_uploads_files_to_the_dm(rig: SlackRig) -> None:
    await rig.send.command("/met", "Jane at PyCon")
    await rig.fake.wait_responses(1)
    await rig.send.command("/coach", "export", key="exp")
    await rig.fake.wait_for("files.completeUploadExternal")
    complete = rig.fake.of("files.completeUploadExternal")[0]
    assert complete.args["channel_id"] == "DU1"
    assert len(rig.fake.uploads) == 2 and any(b'"Jane"' in upload for upload in rig.fake.uploads)


async def test_bare_met_opens_the_form_and_its_submission_records_the_contact(rig: SlackRig) -> None:
    await rig.send.command("/met", "")
    [opened] = await rig.fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "coach_met"
    values = {
        "name": {"name": {"type": "plain_text_input", "value": "Ada Lovelace"}},
        "member": {"member": {"type": "users_select", "selected_user": "U42"}},
        "where": {"where": {"type": "plain_text_input", "value": "PyCon"}},
        "notes": {"notes": {"type": "plain_text_input", "value": "analytical engines"}},
        "interests": {"interests": {"type": "plain_text_input", "value": "math, poetry"}},
        "offer": {"offer": {"type": "plain_text_input", "value": "an intro to our data team"}},
    }
    submission = {"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1", "name": "u1", "team_id": "T1"},
                  "view": {**view, "id": "V1", "state": {"values": values}}}
    status, _ = await rig.send.interaction(submission)
    assert status == 200
    post = (await rig.fake.wait_for("chat.postMessage"))[0]
    assert post.args["channel"] == "DU1" and "Noted: you met Ada Lovelace at PyCon" in post.args["text"]
    with rig.runtime.sessions() as session:
        contact = session.scalars(select(Contact)).one()
    assert (contact.interests, contact.offer, contact.platform_user_id) == (["math", "poetry"],
                                                                           "an intro to our data team", "U42")
    blank = {**values, "name": {"name": {"value": " "}}}
    bad = {**submission, "view": {**submission["view"], "state": {"values": blank}}}
    status, text = await rig.send.interaction(bad)
    assert status == 200 and json.loads(text) == {"response_action": "errors",
                                                  "errors": {"name": "Tell me who you met."}}


async def test_add_details_fills_in_the_contact_without_another_meeting(rig: SlackRig) -> None:
    await rig.send.command("/met", "Jane Doe at PyCon")
    [response] = await rig.fake.wait_responses()
    button = response["blocks"][-1]["elements"][0]
    click = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": "U1", "team_id": "T1"},
             "trigger_id": "t-details", "container": {"type": "message", "is_ephemeral": True},
             "actions": [{"action_id": button["action_id"], "value": button["value"], "type": "button"}]}
    await rig.send.interaction(click)
    [opened] = await rig.fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["blocks"][0]["element"]["initial_value"] == "Jane Doe"
    values = {"name": {"name": {"value": "Jane Doe"}}, "offer": {"offer": {"value": "a code review"}}}
    await rig.send.interaction({"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1"},
                                "view": {**view, "state": {"values": values}}})
    post = (await rig.fake.wait_for("chat.postMessage"))[0]
    assert post.args["text"].startswith("Updated Jane Doe: what you can offer")
    assert count_events(rig, EventKind.MET) == 1


# --- nudges and their buttons ----------------------------------------------------------------------


async def test_nudge_is_a_dm_with_buttons_fallback_text_and_metadata(rig: SlackRig) -> None:
    message = await deliver_nudge(rig)
    post = rig.fake.of("chat.postMessage")[-1]
    assert post.token == "xoxb-t1" and message["channel"] == "DU1"
    assert post.args["text"].startswith("Follow up with Jane Doe")
    assert post.args["metadata"]["event_type"] == "coach_nudge"
    buttons = [e["text"]["text"] for b in post.args["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["I sent it", "They replied", "Snooze 1 day", "Draft it for me", "Move on"]


async def test_each_button_records_once_and_updates_the_message(rig: SlackRig) -> None:
    for i, verb in enumerate((Verb.SENT, Verb.REPLIED, Verb.SNOOZE, Verb.MOVE_ON)):
        user = f"U{i + 10}"  # one member each, so no digest bundles two nudges
        message = await deliver_nudge(rig, who=f"Person {i}", user=user)
        nudge_id = int(message["metadata"]["event_payload"]["nudge_ids"])
        before = count_events(rig)
        click = button_click(format_action_id(verb, nudge_id), message, channel=message["channel"], user=user)
        status, _ = await rig.send.interaction(click)
        assert status == 200
        update = (await rig.fake.wait_for("chat.update", 2 * i + 1))[-1]
        assert (update.args["channel"], update.args["ts"]) == (message["channel"], message["ts"])
        # the outcome sits under the nudge's text; only the buttons that still make sense stay under it
        kept = [e["text"]["text"] for b in update.args["blocks"] if b["type"] == "actions" for e in b["elements"]]
        assert kept == {Verb.SENT: ["They replied"], Verb.REPLIED: [], Verb.MOVE_ON: ["They replied"],
                        Verb.SNOOZE: ["I sent it", "They replied", "Draft it for me", "Move on"]}[verb]
        outcome = [b.get("block_id") for b in update.args["blocks"]].index("coach_outcome")
        assert update.args["blocks"][outcome - 1]["type"] == "section"
        assert count_events(rig) == before + 1
        await rig.send.interaction(click)  # a second click on the same button
        second = (await rig.fake.wait_for("chat.update", 2 * i + 2))[-1]
        outcome = next(b for b in second.args["blocks"] if b.get("block_id") == "coach_outcome")
        assert "Already noted" in outcome["elements"][0]["text"]
        assert count_events(rig) == before + 1


async def test_draft_button_answers_in_the_thread_and_keeps_the_buttons(rig: SlackRig) -> None:
    message = await deliver_nudge(rig)
    nudge_id = int(message["metadata"]["event_payload"]["nudge_ids"])
    before = len(rig.fake.of("chat.postMessage"))
    await rig.send.interaction(button_click(format_action_id(Verb.DRAFT, nudge_id), message, channel="DU1"))
    draft = (await rig.fake.wait_for("chat.postMessage", before + 1))[-1]
    assert draft.args["thread_ts"] == message["ts"] and "draft for Jane Doe" in draft.args["text"]
    assert rig.fake.of("chat.update") == []


async def test_someone_else_cannot_press_my_nudge(rig: SlackRig) -> None:
    message = await deliver_nudge(rig)
    nudge_id = int(message["metadata"]["event_payload"]["nudge_ids"])
    click = button_click(format_action_id(Verb.SENT, nudge_id), message, channel="DU1", user="U2",
                         response_url=rig.fake.response_url("stranger"))
    before = count_events(rig)
    await rig.send.interaction(click)
    response = (await rig.fake.wait_responses(2))[-1]
    assert "no longer valid" in response["text"] and response["response_type"] == "ephemeral"
    assert count_events(rig) == before and rig.fake.of("chat.update") == []


async def test_a_429_from_chat_post_message_is_retried_not_lost(rig: SlackRig) -> None:
    await rig.send.command("/met", "Jane Doe at PyCon")
    await rig.fake.wait_responses()
    rig.fake.fail("chat.postMessage", status=429, retry_after="0", times=2)  # beats slack_sdk's one retry
    rig.clock.advance(timedelta(days=2))
    assert rig.runtime.dispatcher is not None
    assert await rig.runtime.dispatcher.tick() == []
    with rig.runtime.sessions() as session:
        nudge = session.scalars(select(Nudge).where(Nudge.kind == "follow_up_48h")).one()
    assert nudge.state == NudgeState.PENDING.value and nudge.due_at > rig.clock.now()
    rig.clock.advance(timedelta(seconds=30))
    assert len(await rig.runtime.dispatcher.tick()) == 1
    assert len(rig.fake.of("chat.postMessage")) == 3 and len(rig.fake.messages["DU1"]) == 1


async def test_a_connection_lost_after_slack_posted_the_nudge_is_one_dm(rig: SlackRig) -> None:
    """Slack posts, the answer is lost: slack_sdk used to post again on its own (two identical DMs, the row
    at attempts=1). Now the dispatcher's retry, which looks in the DM first, is the only one."""
    await rig.send.command("/met", "Jane Doe at PyCon")
    await rig.fake.wait_responses()
    rig.fake.drop("chat.postMessage")
    rig.clock.advance(timedelta(days=2))
    assert rig.runtime.dispatcher is not None
    assert await rig.runtime.dispatcher.tick() == []
    assert len(rig.fake.messages["DU1"]) == 1  # posted once, its answer lost
    with rig.runtime.sessions() as session:
        nudge = session.scalars(select(Nudge).where(Nudge.kind == "follow_up_48h")).one()
    assert (nudge.state, nudge.attempts) == (NudgeState.PENDING.value, 1)
    rig.clock.advance(timedelta(minutes=1))
    [again] = await rig.runtime.dispatcher.tick()
    assert again.message.retry and len(rig.fake.of("conversations.history")) == 1
    assert len(rig.fake.of("chat.postMessage")) == 1 and len(rig.fake.messages["DU1"]) == 1


# --- reviews -------------------------------------------------------------------------------------


async def test_a_dmd_draft_is_reviewed_once_in_its_thread_despite_retries(rig: SlackRig) -> None:
    event = {"type": "message", "channel_type": "im", "channel": "DU1", "user": "U1", "ts": "1700000001.000100",
             "text": "Hi Jane, great meeting you at PyCon! Could I send you our onboarding checklist?"}
    assert (await rig.send.event(event, event_id="EvDraft"))[0] == 200
    assert (await rig.send.event(event, event_id="EvDraft", retry=1))[0] == 200
    assert (await rig.send.event(event, event_id="EvDraft", retry=2))[0] == 200
    [review] = await rig.fake.wait_for("chat.postMessage")
    assert review.args["thread_ts"] == "1700000001.000100" and review.args["channel"] == "DU1"
    assert "Draft review" in review.args["text"]
    bot_echo = {**event, "user": "UBOT", "bot_id": "BBOT", "ts": "1700000002.0"}
    await rig.send.event(bot_echo, event_id="EvEcho")
    await rig.send.event({**event, "ts": "1700000003.0"}, event_id="EvNext")
    await rig.fake.wait_for("chat.postMessage", 2)
    assert len(rig.fake.of("chat.postMessage")) == 2


async def test_review_shortcut_answers_ephemerally_in_the_thread(rig: SlackRig) -> None:
    payload = {"type": "message_action", "callback_id": "coach_review_message", "team": {"id": "T1"},
               "user": {"id": "U1", "name": "u1", "team_id": "T1"}, "channel": {"id": "C9"},
               "message": {"type": "message", "ts": "1700000005.000200", "user": "U1",
                           "text": "hey, saw your talk, wanna grab coffee sometime?"},
               "message_ts": "1700000005.000200", "trigger_id": "t", "response_url": rig.fake.response_url("sc")}
    status, _ = await rig.send.interaction(payload)
    assert status == 200
    [response] = await rig.fake.wait_responses()
    assert response["response_type"] == "ephemeral" and response["thread_ts"] == "1700000005.000200"
    assert "Draft review" in response["text"]


# --- App Home ------------------------------------------------------------------------------------


async def test_app_home_shows_due_recent_and_numbers(rig: SlackRig) -> None:
    await rig.send.command("/met", "Jane Doe at PyCon")
    await rig.fake.wait_responses()
    refreshed = await rig.fake.wait_for("views.publish")  # /met changed what Home shows: published at once
    assert "Jane Doe" in json.dumps(refreshed[0].args["view"])
    await rig.send.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"}, event_id="EvH1")
    published = (await rig.fake.wait_for("views.publish", 2))[-1]
    text = json.dumps(published.args["view"])
    assert published.args["user_id"] == "U1" and published.args["view"]["type"] == "home"
    assert "Due this week" in text and "Jane Doe" in text and "first follow-up" in text
    assert "Reply rate" in text and "Followed up within 48 h" in text
    await rig.send.event({"type": "app_home_opened", "user": "U5", "channel": "DU5", "tab": "home"}, event_id="EvH2")
    stranger = (await rig.fake.wait_for("views.publish", 3))[-1]
    assert "Jane Doe" not in json.dumps(stranger.args["view"]) and "/met" in json.dumps(stranger.args["view"])


# --- workspaces ----------------------------------------------------------------------------------


async def test_two_workspaces_never_see_each_others_contacts(rig: SlackRig) -> None:
    await rig.send.command("/met", "Jane Doe at PyCon", team="T1", user="U1", key="a")
    await rig.send.command("/met", "Bob Stone at JSConf", team="T2", user="U1", key="b")
    await rig.fake.wait_responses(2)
    await rig.send.command("/coach", "list", team="T2", user="U1", key="c")
    listing = (await rig.fake.wait_responses(3))[-1]["text"]
    assert "Bob Stone" in listing and "Jane Doe" not in listing
    await rig.send.command("/coach", 'show "Jane Doe"', team="T2", user="U1", key="d")
    assert "No contact named" in (await rig.fake.wait_responses(4))[-1]["text"]
    assert contact_names(rig, "T1") == ["Jane Doe"] and contact_names(rig, "T2") == ["Bob Stone"]


async def test_delete_my_data_asks_then_erases_only_me(rig: SlackRig) -> None:
    await rig.send.command("/met", "Jane Doe at PyCon", key="m1")
    await rig.send.command("/met", "Bob at RustConf", user="U2", key="m2")
    await rig.fake.wait_responses(2)
    await rig.send.command("/coach", "delete-my-data", key="d1")
    ask = (await rig.fake.wait_responses(3))[-1]
    buttons = [e for b in ask["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert len(buttons) == 1 and buttons[0]["action_id"].startswith("coach:deleteme:")
    click = button_click(buttons[0]["action_id"], {"ts": "1.0", "text": ask["text"]}, channel="C1",
                         response_url=rig.fake.response_url("confirm"))
    click["container"]["is_ephemeral"] = True
    status, _ = await rig.send.interaction(click)
    assert status == 200
    done = (await rig.fake.wait_responses(4))[-1]
    assert done["replace_original"] is True and done["response_type"] == "ephemeral"
    assert contact_names(rig, "T1") == ["Bob"]
    with rig.runtime.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Member).where(Member.user_id == "U1")) == 0


async def test_forget_asks_then_its_button_deletes_and_only_its_member_may_press_it(rig: SlackRig) -> None:
    await rig.send.command("/met", "Jane Doe at PyCon", key="m1")
    await rig.fake.wait_responses(1)
    await rig.send.command("/coach", "forget jane", key="f1")
    ask = (await rig.fake.wait_responses(2))[-1]
    assert "Forget Jane Doe?" in ask["text"] and contact_names(rig, "T1") == ["Jane Doe"]
    [button] = [e for b in ask["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert button["action_id"].startswith("coach:forget:") and button["text"]["text"] == "Yes, forget Jane Doe"
    stranger = button_click(button["action_id"], {"ts": "1.0", "text": ask["text"]}, channel="C1", user="U9",
                            response_url=rig.fake.response_url("stranger"))
    stranger["container"]["is_ephemeral"] = True
    assert (await rig.send.interaction(stranger))[0] == 200
    assert "no longer valid" in (await rig.fake.wait_responses(3))[-1]["text"]
    assert contact_names(rig, "T1") == ["Jane Doe"]
    click = button_click(button["action_id"], {"ts": "1.0", "text": ask["text"]}, channel="C1",
                         response_url=rig.fake.response_url("confirm"))
    click["container"]["is_ephemeral"] = True
    assert (await rig.send.interaction(click))[0] == 200
    done = (await rig.fake.wait_responses(4))[-1]
    assert "Forgot Jane Doe" in done["text"] and done["replace_original"] is True
    assert contact_names(rig, "T1") == []
    assert (await rig.send.interaction(click))[0] == 200  # pressed again: nothing left to delete
    assert "already gone" in (await rig.fake.wait_responses(5))[-1]["text"]


async def test_a_refused_request_never_logs_the_draft_at_info(rig: SlackRig) -> None:
    import io
    import logging

    from adapters.logs import configure_logging

    stream = io.StringIO()
    handler = configure_logging("INFO", "human", (), stream=stream)
    try:
        body = "command=%2Freview&text=Dear+Jane+my+secret+salary+plan&team_id=T1&user_id=U1&response_url=x"
        status, _ = await rig.send.post(body, "application/x-www-form-urlencoded", headers=sign(body, "wrong"))
        assert status == 401
        logging.getLogger("slack_bolt.RequestVerification").info("probe %s", body)  # what Bolt does at INFO
    finally:
        logging.getLogger().removeHandler(handler)
    assert "salary" not in stream.getvalue()


async def test_a_catch_up_digest_puts_each_contacts_buttons_under_its_section(rig: SlackRig) -> None:
    for i, who in enumerate(("Jane Doe", "Omar Ali")):
        await rig.send.command("/met", f"{who} at PyCon", user="U7", key=f"digest-{i}")
        await rig.fake.wait_responses(i + 1)
    assert rig.runtime.dispatcher is not None
    rig.clock.advance(timedelta(days=10))  # the coach was down: both nudges are overdue at once
    for _day in range(7):
        if await rig.runtime.dispatcher.tick():
            break
        rig.clock.advance(timedelta(days=1))
    message = rig.fake.messages["DU7"][-1]
    blocks = message["blocks"]
    assert [b["type"] for b in blocks] == ["header", "section", "section", "actions", "section", "actions"]
    assert blocks[0]["text"]["text"] == "2 people to get back to"
    assert blocks[2]["text"]["text"].startswith("*1. Follow up with Jane Doe*")
    assert blocks[4]["text"]["text"].startswith("*2. Follow up with Omar Ali*")
    first, second = ([e["action_id"] for e in b["elements"]] for b in (blocks[3], blocks[5]))
    assert {a.split(":")[2] for a in first} != {a.split(":")[2] for a in second}
    assert [e["text"]["text"] for e in blocks[3]["elements"]] == [
        "I sent it", "They replied", "Snooze 1 day", "Draft it for me", "Move on"]
    assert len({b["block_id"] for b in blocks if "block_id" in b}) == 2  # unique ids, one per contact
    click = button_click(first[0], message | {"channel": "DU7"}, channel="DU7", user="U7")
    assert (await rig.send.interaction(click))[0] == 200
    update = (await rig.fake.wait_for("chat.update", 1))[-1]
    kinds = [(b["type"], b.get("block_id", "")) for b in update.args["blocks"]]
    nudge = first[0].split(":")[2]
    assert kinds[2:] == [("section", ""), ("context", f"coach_outcome:{nudge}"), ("actions", f"coach_actions:{nudge}"),
                         ("section", ""), ("actions", f"coach_actions:{second[0].split(':')[2]}")]
    assert [e["text"]["text"] for e in update.args["blocks"][4]["elements"]] == ["They replied"]


async def test_app_home_is_refreshed_after_commands_that_change_it_and_only_those(rig: SlackRig) -> None:
    steps = [("/met", "Jane Doe at PyCon", 1), ("/coach", "list", 1), ("/coach", 'show "Jane Doe"', 1),
             ("/review", "Hi Jane, lovely to meet you", 1), ("/coach", 'sent "Jane Doe"', 2),
             ("/coach", "forget Jane", 2), ("/coach", 'forget "Jane Doe" confirm', 3), ("/coach", "sent Nobody", 3)]
    for i, (command, text, publishes) in enumerate(steps, 1):
        await rig.send.command(command, text, key=f"h{i}")
        await rig.fake.wait_responses(i)
        await rig.fake.wait_for("views.publish", publishes)
        assert len(rig.fake.of("views.publish")) == publishes, (command, text)
    await rig.send.command("/met", "Omar at PyCon", key="h-last")  # a read-only command's late publish shows here
    assert len(await rig.fake.wait_for("views.publish", 4)) == 4
    last = rig.fake.of("views.publish")[-2]
    assert last.args["user_id"] == "U1" and "Jane Doe" not in json.dumps(last.args["view"])


async def test_a_burst_of_changes_folds_into_few_homes_and_the_last_shows_them_all(
        rig: SlackRig, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first change after a quiet spell is published at once; the member's next changes within the gap
    are read by one more pass after it, not by a Home each."""
    monkeypatch.setattr(slack_app, "HOME_GAP", 2.0)
    names = [f"Person{i} Doe" for i in range(6)]
    for i, name in enumerate(names, 1):
        await rig.send.command("/met", f"{name} at PyCon", key=f"b{i}")
        await rig.fake.wait_responses(i)
    first = (await rig.fake.wait_for("views.publish"))[0]
    assert names[0] in json.dumps(first.args["view"])
    # Home lists the five most recent: wait for the one that shows them all (a pass after the gap)
    await rig.fake._wait(lambda: any(all(name in json.dumps(call.args["view"]) for name in names[1:])
                                     for call in rig.fake.of("views.publish")), 15, "a Home with every change")
    assert 2 <= len(rig.fake.of("views.publish")) <= 3 < len(names)


async def test_a_draft_button_without_enough_notes_asks_and_the_answer_replaces_the_question(rig: SlackRig) -> None:
    """Ask rather than guess on Slack: the nudge's *Draft it for me* answers in the thread with the question
    and one button per answer (core action ids, button text within Slack's 75); a click stores the answer and
    the draft takes the question's place."""
    await rig.send.command("/met", "Bob Stone", key="met-bob")
    await rig.fake.wait_responses(1)
    assert rig.runtime.dispatcher is not None
    for _day in range(7):
        rig.clock.advance(timedelta(days=1))
        if await rig.runtime.dispatcher.tick():
            break
    nudge = rig.fake.messages["DU1"][-1] | {"channel": "DU1"}
    nudge_id = int(nudge["metadata"]["event_payload"]["nudge_ids"])
    await rig.send.interaction(button_click(format_action_id(Verb.DRAFT, nudge_id), nudge, channel="DU1"))
    question = rig.fake.messages["DU1"][-1] | {"channel": "DU1"}
    for _ in range(100):
        if question.get("thread_ts"):
            break
        await asyncio.sleep(0.02)
        question = rig.fake.messages["DU1"][-1] | {"channel": "DU1"}
    assert question["thread_ts"] == nudge["ts"] and "What's this message to Bob Stone for?" in question["text"]
    buttons = [e for b in question["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [e["action_id"].rsplit(":", 1)[0] for e in buttons] == [
        "coach:for-send", "coach:for-ask", "coach:for-thank", "coach:for-share", "coach:for-stop"]
    assert all(len(e["text"]["text"]) <= 75 for e in buttons)
    thank = next(e["action_id"] for e in buttons if e["action_id"].startswith("coach:for-thank:"))
    await rig.send.interaction(button_click(thank, question, channel="DU1"))
    update = (await rig.fake.wait_for("chat.update"))[-1]
    assert (update.args["channel"], update.args["ts"]) == ("DU1", question["ts"])
    assert "Here's a draft for Bob Stone" in update.args["text"]
    assert not [b for b in update.args["blocks"] if b["type"] == "actions"]
    with rig.runtime.sessions() as session:
        assert session.scalars(select(Contact)).one().purpose == "thank"
