"""Every Slack surface at its extremes, through the real Bolt app and the real dispatcher, with the fake Web
API refusing whatever real Slack would (tests/slack/limits.py): the longest names and notes a member can
enter, names full of & < > (each escapes to 4-5 characters), 60 contacts due at once, 200 contacts in lists
and App Home, a 40-contact Monday digest, and every button of a catch-up clicked in turn."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.commands import Met, Who
from bot.identity import Actor
from bot.limits import MAX_FIELD, MAX_NAME, MAX_TEXT
from bot.models import Contact
from bot.replies import Verb, format_action_id, parse_action_id
from scheduler.weekly import plan_week
from tests.slack.conftest import SlackRig
from tests.slack.slackfakes import button_click

ME = Actor("slack", "T1", "U1", display_name="Name U1", timezone="Europe/Berlin")
MONDAY_0900_BERLIN = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)
BROKEN_ENTITY = re.compile(r"&(?!amp;|lt;|gt;)")  # an `&` that is not the start of a whole escape


def hostile(number: int) -> str:
    """A distinct name of the longest length a member can give, almost all of it characters Slack escapes."""
    return f"{number:03d} " + ("&<>" * MAX_NAME)[: MAX_NAME - 4]


LONG_NOTES = ("<&> " * MAX_TEXT)[:MAX_TEXT]
LONG_FIELD = ("&<>" * MAX_FIELD)[:MAX_FIELD - 1] + "x"


async def seed(rig: SlackRig, count: int, *, notes: str | None = LONG_NOTES) -> list[str]:
    """`count` contacts met just now, recorded through the core as the /met form records them."""
    names = [hostile(n) for n in range(count)]
    for name in names:
        reply = await rig.runtime.api.handle(ME, Met(Who(name), where=LONG_FIELD, notes=notes, offer=LONG_FIELD))
        assert not reply.error, reply.text
    return names


def texts(blocks: list[dict[str, Any]]) -> list[str]:
    return [str((b.get("text") or {}).get("text", "")) for b in blocks]


def unescaped(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


async def test_app_home_with_200_contacts_and_their_long_escaped_names_is_published(rig: SlackRig) -> None:
    names = await seed(rig, 200, notes=None)
    await rig.send.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"}, event_id="Ev1")
    published = (await rig.fake.wait_for("views.publish"))[-1]  # refused by the fake if past any limit
    blocks = published.args["view"]["blocks"]
    shown = texts(blocks)
    assert not any(BROKEN_ENTITY.search(text) for text in shown)
    due = [unescaped(text) for text in shown if "first follow-up" in text]
    assert sum(line.count("first follow-up") for line in due) == 10  # the ten soonest, each line whole
    assert all(f"*{name}*" in "\n".join(due) for name in names[:10])
    assert any(names[-1] in unescaped(text) for text in shown)  # the most recent contact


async def test_coach_list_of_200_contacts_is_an_ack_slack_takes(rig: SlackRig) -> None:
    await seed(rig, 200, notes=None)
    status, _ = await rig.send.command("/coach", "list")
    assert status == 200
    [answer] = await rig.fake.wait_responses()
    assert len(answer["blocks"]) <= 50 and not any(BROKEN_ENTITY.search(t) for t in texts(answer["blocks"]))


async def test_show_with_the_longest_notes(rig: SlackRig) -> None:
    [name] = await seed(rig, 1)
    await rig.send.command("/coach", f'show "{name}"')
    [answer] = await rig.fake.wait_responses()
    shown = unescaped("".join(texts(answer["blocks"])))
    assert LONG_NOTES.strip()[-200:] in shown.replace("\n", "")


async def deliver_all(rig: SlackRig, expected: int, *, after: timedelta = timedelta(days=2)) -> list[dict[str, Any]]:
    """Move two days on, then tick until `expected` nudges are delivered; the DMs posted."""
    assert rig.runtime.dispatcher is not None
    rig.clock.advance(after)
    delivered = 0
    for _ in range(200):
        delivered += sum(len(d.message.nudge_ids) for d in await rig.runtime.dispatcher.tick())
        if delivered >= expected:
            break
        rig.clock.advance(timedelta(seconds=2))
    assert delivered == expected
    return [m | {"channel": "DU1"} for m in rig.fake.messages["DU1"]]


def nudge_buttons(message: dict[str, Any]) -> dict[int, list[str]]:
    """Each nudge's buttons in a posted message, by nudge id."""
    found: dict[int, list[str]] = {}
    for block in message.get("blocks") or []:
        for element in block.get("elements") or [] if block["type"] == "actions" else []:
            parsed = parse_action_id(element["action_id"])
            if parsed is not None:
                found.setdefault(parsed.nudge_id, []).append(element["action_id"])
    return found


async def test_sixty_contacts_due_at_once_arrive_with_every_button(rig: SlackRig) -> None:
    await seed(rig, 60)
    messages = await deliver_all(rig, 60)
    buttons = {nudge: ids for message in messages for nudge, ids in nudge_buttons(message).items()}
    assert len(buttons) == 60 and all(len(ids) == 5 for ids in buttons.values())
    for message in messages:
        assert not any(BROKEN_ENTITY.search(text) for text in texts(message["blocks"]))


async def test_every_button_of_a_catch_up_clicked_in_turn(rig: SlackRig) -> None:
    """Ten contacts in one DM; on each in turn: Draft it, Snooze, then I sent it (or Move on), then They
    replied — every click a button the message still shows, every update one Slack takes."""
    await seed(rig, 10)
    [message] = await deliver_all(rig, 10)
    for nudge_id in sorted(nudge_buttons(message)):
        last = Verb.MOVE_ON if nudge_id % 2 else Verb.SENT
        for verb in (Verb.DRAFT, Verb.SNOOZE, last, Verb.REPLIED):
            action_id = format_action_id(verb, nudge_id)
            assert action_id in nudge_buttons(message).get(nudge_id, [])
            updates, posts = len(rig.fake.of("chat.update")), len(rig.fake.of("chat.postMessage"))
            status, _ = await rig.send.interaction(button_click(action_id, message, channel="DU1"))
            assert status == 200
            if verb is Verb.DRAFT:  # the draft goes into the thread; the message keeps its buttons
                await rig.fake.wait_for("chat.postMessage", posts + 1)
                continue
            update = (await rig.fake.wait_for("chat.update", updates + 1))[-1]
            message = message | {"blocks": update.args["blocks"], "text": update.args["text"]}
            [outcome] = [b for b in message["blocks"] if b.get("block_id") == f"coach_outcome:{nudge_id}"]
            assert ":white_check_mark:" in outcome["elements"][0]["text"]
    assert nudge_buttons(message) == {}  # every contact answered: no button left to press


async def test_a_forty_contact_monday_digest(rig: SlackRig) -> None:
    await seed(rig, 40)
    rig.clock.set(MONDAY_0900_BERLIN)
    assert await asyncio.to_thread(plan_week, rig.runtime.sessions, rig.clock) == 1
    for _ in range(5):
        await rig.runtime.tick()
        if rig.fake.of("files.completeUploadExternal"):
            break
    [digest] = [c for c in rig.fake.of("chat.postMessage") if str(c.args["text"]).startswith("Your week")]
    blocks = digest.args["blocks"]
    labels = [e["text"]["text"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert len(labels) == 12 and all(len(label) <= 75 for label in labels)
    assert not any(BROKEN_ENTITY.search(text) for text in texts(blocks))
    assert json.dumps(blocks).count("coach:draft:") == 12


async def test_a_name_typed_with_and_lt_gt_is_stored_as_typed_and_shown_escaped_once(rig: SlackRig) -> None:
    """Slack sends a slash command's & < > escaped (`&amp;` `&lt;` `&gt;`): stored as typed, escaped once when
    shown, so the member reads `Tom & Jerry <3`, never `Tom &amp; Jerry`."""
    await rig.send.command("/met", '"Tom &amp; Jerry &lt;3" at R&amp;D -- AT&amp;T &gt; all')
    [answer] = await rig.fake.wait_responses()
    assert "Noted: you met Tom &amp; Jerry &lt;3 at R&amp;D." in answer["text"]  # the text is mrkdwn too
    assert "Tom &amp; Jerry &lt;3" in answer["blocks"][0]["text"]["text"]  # escaped once, shown as typed
    with rig.runtime.sessions() as session:
        contact = session.scalars(select(Contact)).one()
        assert (contact.name, contact.where_met, contact.notes) == ("Tom & Jerry <3", "R&D", "AT&T > all")
    await rig.send.command("/coach", 'show "Tom & Jerry <3"'.replace("&", "&amp;").replace("<", "&lt;"), key="k2")
    assert "Tom &amp; Jerry &lt;3" in json.dumps((await rig.fake.wait_responses(2))[-1]["blocks"])


async def test_the_met_form_at_its_longest_then_add_details(rig: SlackRig) -> None:
    """The form filled to every field's max_length with characters Slack escapes; the DM it answers with,
    App Home after it, and the *Add details* form opened again for that name: each one Slack takes."""
    await rig.send.command("/met", "")
    [opened] = await rig.fake.wait_for("views.open")
    view = opened.args["view"]
    limits = {b["block_id"]: b["element"]["max_length"] for b in view["blocks"]
              if b["type"] == "input" and b["element"]["type"] == "plain_text_input"}
    assert max(limits.values()) <= 3000
    fill = {"name": hostile(1), "where": LONG_FIELD, "notes": ("<&> " * 3000)[: limits["notes"] - 1] + "x",
            "interests": ", ".join(f"{n}" + "&" * 70 for n in range(3)), "offer": LONG_FIELD}
    assert all(len(fill[key]) <= limits[key] for key in fill)
    values = {key: {key: {"type": "plain_text_input", "value": value}} for key, value in fill.items()}
    submission = {"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1", "name": "u1", "team_id": "T1"},
                  "view": {**view, "id": "V1", "state": {"values": values}}}
    status, _ = await rig.send.interaction(submission)
    assert status == 200
    [post] = await rig.fake.wait_for("chat.postMessage")
    assert unescaped(post.args["blocks"][0]["text"]["text"]).startswith(f"Noted: you met {hostile(1)}")
    await rig.fake.wait_for("views.publish")
    details = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": "U1", "team_id": "T1"},
               "trigger_id": "t-details", "container": {"type": "message", "is_ephemeral": True},
               "actions": [{"action_id": "coach_add_details", "type": "button",
                            "value": json.dumps({"name": hostile(1), "user_id": None})}]}
    await rig.send.interaction(details)
    again = (await rig.fake.wait_for("views.open", 2))[-1]
    assert again.args["view"]["blocks"][0]["element"]["initial_value"] == hostile(1)


async def test_a_name_that_looks_like_slack_markup_is_text_in_the_notification_too(rig: SlackRig) -> None:
    """The message's own `text` (notifications, screen readers) is read as mrkdwn as its blocks are: a name
    like `<!channel>` or `<https://…|…>` is escaped there too, never a ping or a link."""
    name = "<!channel> <https://evil.test|Win a prize>"
    assert not (await rig.runtime.api.handle(ME, Met(Who(name), where="PyCon"))).error
    [message] = await deliver_all(rig, 1)
    post = rig.fake.of("chat.postMessage")[-1]
    assert "<" not in post.args["text"] and "&lt;!channel&gt;" in post.args["text"]
    nudge_id = next(iter(nudge_buttons(message)))
    await rig.send.interaction(button_click(format_action_id(Verb.SENT, nudge_id), message, channel="DU1"))
    update = (await rig.fake.wait_for("chat.update"))[-1]
    mrkdwn = [e["text"] for b in update.args["blocks"] for e in [b.get("text") or {}, *(b.get("elements") or [])]
              if isinstance(e, dict) and e.get("type") == "mrkdwn"]
    assert "<" not in update.args["text"] and mrkdwn and not any("<" in text for text in mrkdwn)  # plain_text: as is
