"""The Monday digest on Slack, through the real Bolt app and the real dispatcher against the fake Web API:
the message in the DM with its weeks as a sparkline (no upload per member), App Home's numbers, and /coach
digest, whose chart goes into the DM through files_upload_v2 (getUploadURLExternal → upload →
completeUploadExternal)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

from scheduler.weekly import plan_week
from tests.slack.conftest import SlackRig

MONDAY_0900_BERLIN = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)  # the fake's users are in Europe/Berlin


def weekly(rig: SlackRig, dm: str) -> list[dict[str, object]]:
    """The Monday digests in a DM."""
    return [m for m in rig.fake.messages.get(dm, []) if str(m.get("text") or "").startswith("Your week")]


async def test_the_monday_digest_is_posted_with_a_sparkline_and_no_upload(rig: SlackRig) -> None:
    await rig.send.command("/met", '"Jane Doe" at PyCon -- onboarding metrics')
    await rig.send.command("/met", "Bob at RustConf", user="U2")
    await rig.fake.wait_responses(2)
    rig.clock.set(MONDAY_0900_BERLIN)
    assert await asyncio.to_thread(plan_week, rig.runtime.sessions, rig.clock) == 2
    for _ in range(5):  # a tick is bounded (Slack paces a workspace's DMs): the second digest may take the next
        await rig.runtime.tick()
        if weekly(rig, "DU2"):
            break

    # Posted to each member's user id (Slack puts it in the app's DM), or to the DM already known.
    posts = {str(call.args["channel"]).lstrip("D"): call for call in rig.fake.of("chat.postMessage")
             if "week" in str(call.args.get("text", "")).splitlines()[0]}
    assert set(posts) == {"U1", "U2"}
    assert [len(weekly(rig, dm)) for dm in ("DU1", "DU2")] == [1, 1]
    text = posts["U1"].args["text"]
    assert text.splitlines()[0] == "Your week in networking" and "Jane Doe" in text and "Bob" not in text
    assert "met `" in text and "followed up `" in text  # the eight weeks as a sparkline
    blocks = json.dumps(posts["U1"].args["blocks"])
    assert "Draft for Jane Doe" in blocks and "coach:draft:" in blocks
    # No chart uploaded on a Monday: files.* are Tier 4 (about 100 a minute per workspace).
    assert not rig.fake.of("files.getUploadURLExternal") and not rig.fake.uploads

    # App Home: the same two numbers, and the weeks as a sparkline (no chart file yet).
    before = len(rig.fake.of("views.publish"))  # commands that change App Home re-publish it too
    await rig.send.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home"}, event_id="EvW")
    published = (await rig.fake.wait_for("views.publish", count=before + 1))[-1]
    view = published.args["view"]
    assert "Your last 8 weeks" in json.dumps(view) and "new contacts followed up within 48 h" in json.dumps(view)
    assert "met `" in json.dumps(view) and not [block for block in view["blocks"] if block["type"] == "image"]

    # A restart and another pass of the weekly job on Monday afternoon: nothing new.
    rig.clock.set(datetime(2026, 3, 9, 14, 0, tzinfo=UTC))
    assert await asyncio.to_thread(plan_week, rig.runtime.sessions, rig.clock) == 0
    await rig.runtime.tick()
    assert [len(weekly(rig, dm)) for dm in ("DU1", "DU2")] == [1, 1]


async def test_coach_digest_answers_now_and_puts_the_chart_in_the_dm(rig: SlackRig) -> None:
    await rig.send.command("/met", '"Jane Doe" at PyCon')
    await rig.fake.wait_responses()
    await rig.send.command("/coach", "digest")
    responses = await rig.fake.wait_responses(2)
    assert responses[-1]["text"].splitlines()[0] == "Your week in networking" and "Jane Doe" in responses[-1]["text"]
    [complete] = await rig.fake.wait_for("files.completeUploadExternal")
    assert complete.args["channel_id"] == "DU1" and len(rig.fake.uploads) == 1
    await rig.send.command("/coach", "settings")
    assert "Monday digest: on" in (await rig.fake.wait_responses(3))[-1]["text"]


async def test_a_failed_chart_upload_keeps_the_digest_delivered_once(rig: SlackRig) -> None:
    await rig.send.command("/met", '"Jane Doe" at PyCon')
    await rig.fake.wait_responses()
    rig.fake.fail("files.getUploadURLExternal", error="missing_scope")
    rig.clock.set(MONDAY_0900_BERLIN)
    await asyncio.to_thread(plan_week, rig.runtime.sessions, rig.clock)
    await rig.runtime.tick()
    await rig.runtime.tick()
    digests = [c for c in rig.fake.of("chat.postMessage") if str(c.args["text"]).startswith("Your week")]
    assert [str(c.args["channel"]).lstrip("D") for c in digests] == ["U1"]
    assert rig.fake.uploads == []


def digest_posts(rig: SlackRig) -> list[object]:
    return [c for c in rig.fake.of("chat.postMessage") if str(c.args.get("text", "")).startswith("Your week")]
