"""The conference day on Slack, over signed HTTP against the fake Web API: /coach event, a /met of several
people with an *Add details* button each, the day's recap of 30 people within Block Kit's limits (split
over messages), and its *Add a note* and *Draft* buttons."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.models import Contact
from tests.slack.conftest import SlackRig
from tests.slack.slackfakes import button_click

# START is Wed 4 Mar 2026 15:00 UTC; the fake's users.info gives Europe/Berlin (16:00 there).
BLOCK_LIMIT, SECTION_TEXT, BUTTONS_PER_BLOCK = 50, 3000, 25


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def within_block_kit(blocks: list[dict[str, Any]]) -> None:
    assert len(blocks) <= BLOCK_LIMIT
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_TEXT
        if block["type"] == "actions":
            assert len(block["elements"]) <= BUTTONS_PER_BLOCK
            assert len({e["action_id"] for e in block["elements"]}) == len(block["elements"])
    ids = [b["block_id"] for b in blocks if "block_id" in b]
    assert len(ids) == len(set(ids))


async def test_an_event_a_met_of_several_and_add_details_for_each(rig: SlackRig) -> None:
    await rig.send.command("/coach", 'event "KubeCon EU" until fri', key="e1")
    [started] = await rig.fake.wait_responses()
    assert "Enjoy KubeCon EU! It's on until the end of Fri 6 Mar." in started["text"]
    [home] = await rig.fake.wait_for("views.publish")
    assert any("Event: KubeCon EU, until the end of Fri 6 Mar." in b.get("text", {}).get("text", "")
               for b in home.args["view"]["blocks"])

    await rig.send.command("/met", '<@U2|ana> <@U3|ben> "Chris Ode" -- talked about eBPF', key="m1")
    answer = (await rig.fake.wait_responses(2))[-1]
    assert answer["text"].startswith("Noted 3 people at KubeCon EU: ana, ben, Chris Ode.")
    within_block_kit(answer["blocks"])
    details = buttons(answer["blocks"])
    assert [b["text"]["text"] for b in details] == ["Add details: ana", "Add details: ben", "Add details: Chris Ode"]
    click = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": "U1", "team_id": "T1"},
             "trigger_id": "t-details", "container": {"type": "message", "is_ephemeral": True},
             "actions": [{"action_id": details[1]["action_id"], "value": details[1]["value"], "type": "button"}]}
    await rig.send.interaction(click)
    [opened] = await rig.fake.wait_for("views.open")
    assert opened.args["view"]["blocks"][0]["element"]["initial_value"] == "ben"
    assert opened.args["view"]["blocks"][1]["element"]["initial_user"] == "U3"
    with rig.runtime.sessions() as session:
        assert {c.name: c.where_met for c in session.scalars(select(Contact))} == {
            "ana": "KubeCon EU", "ben": "KubeCon EU", "Chris Ode": "KubeCon EU"}

    await rig.send.command("/coach", "event end", key="e2")
    assert "KubeCon EU is over" in (await rig.fake.wait_responses(3))[-1]["text"]


async def test_a_recap_of_thirty_people_fits_block_kit_and_its_buttons_work(rig: SlackRig) -> None:
    await rig.send.command("/coach", 'event "KubeCon EU"', key="e1")
    for batch in range(3):
        names = " ".join(f'"Person {batch * 10 + i:02d}"' for i in range(10))
        await rig.send.command("/met", f"{names} -- booth crawl", key=f"m{batch}")
    await rig.fake.wait_responses(4)
    assert rig.runtime.dispatcher is not None
    rig.clock.advance(timedelta(hours=1, minutes=30))  # 17:30 in Berlin: the end of the working day
    delivered = await rig.runtime.dispatcher.tick()
    [recap] = [d for d in delivered if (d.message.reply.title or "").startswith("Your day")]
    posts = [p for p in rig.fake.of("chat.postMessage") if p.args.get("channel") in ("U1", "DU1")]
    assert len(posts) >= 2  # 30 people: one section and one row of buttons each do not fit one message
    for post in posts:
        within_block_kit(post.args["blocks"])
    assert posts[0].args["blocks"][0]["text"]["text"] == "Your day at KubeCon EU: 30 people"
    assert len({post.args["metadata"]["event_payload"]["key"] for post in posts}) == len(posts)
    shown = [b["text"]["text"] for post in posts for b in post.args["blocks"] if b["type"] == "section"]
    for n in range(30):
        assert sum(f"*{n + 1}. Person {n:02d}*" in text for text in shown) == 1
    labels = [e["text"]["text"] for post in posts for e in buttons(post.args["blocks"])]
    assert labels == ["Draft", "Add a note"] * 30
    assert recap.message.nudge_ids and len(recap.message.nudge_ids) == 1

    message = rig.fake.messages["DU1"][-1]
    note = next(e for e in buttons(message["blocks"]) if e["text"]["text"] == "Add a note")
    await rig.send.interaction(button_click(note["action_id"], message, channel="DU1"))
    [opened] = await rig.fake.wait_for("views.open")
    name = opened.args["view"]["blocks"][0]["element"]["initial_value"]
    assert name.startswith("Person ")
    values = {"name": {"name": {"value": name}}, "notes": {"notes": {"value": "wants the eBPF slides"}}}
    before = len(rig.fake.of("chat.postMessage"))
    await rig.send.interaction({"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1"},
                                "view": {**opened.args["view"], "state": {"values": values}}})
    updated = (await rig.fake.wait_for("chat.postMessage", before + 1))[-1]
    assert updated.args["text"].startswith(f"Updated {name}: notes")
    with rig.runtime.sessions() as session:
        assert session.scalars(select(Contact.notes).where(Contact.name == name)).one() == (
            "booth crawl; wants the eBPF slides")

    draft = next(e for e in buttons(message["blocks"]) if e["text"]["text"] == "Draft")
    before = len(rig.fake.of("chat.postMessage"))
    await rig.send.interaction(button_click(draft["action_id"], message, channel="DU1"))
    threaded = (await rig.fake.wait_for("chat.postMessage", before + 1))[-1]
    assert threaded.args["thread_ts"] == message["ts"] and "Here's a draft for Person" in threaded.args["text"]


async def test_add_a_note_from_someone_else_opens_nothing(rig: SlackRig) -> None:
    await rig.send.command("/coach", 'event "KubeCon EU"', key="e1")
    await rig.send.command("/met", '"Chris Ode"', key="m1")
    await rig.fake.wait_responses(2)
    assert rig.runtime.dispatcher is not None
    rig.clock.advance(timedelta(hours=1, minutes=30))
    await rig.runtime.dispatcher.tick()
    message = rig.fake.messages["DU1"][-1]
    note = next(e for e in buttons(message["blocks"]) if e["text"]["text"] == "Add a note")
    await rig.send.interaction(button_click(note["action_id"], message, channel="DU1", user="U9",
                                            response_url=rig.fake.response_url("stranger")))
    refused = (await rig.fake.wait_responses(3))[-1]
    assert "no longer valid" in refused["text"]
    assert not rig.fake.of("views.open")
