"""Linked accounts on Slack, over signed HTTP against the fake Web API: the same person in two workspaces
(U1 in T1, U5 in T2) links them with a code and an *Allow* in a DM; a stranger's wrong codes are counted,
a used code and an expired one are refused, and a stranger's click on the linked member's nudge does nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from bot.linking import new_code
from bot.models import Member
from tests.slack.conftest import SlackRig
from tests.slack.slackfakes import button_click


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


async def last_response(rig: SlackRig, count: int) -> str:
    return str((await rig.fake.wait_responses(count))[-1]["text"])


async def test_two_workspaces_link_with_a_code_and_allow(rig: SlackRig) -> None:
    await rig.send.command("/met", '"Jane Doe" at PyCon', key="m1")
    await rig.send.command("/coach", "link", key="l1")
    shown = await last_response(rig, 2)
    code = shown.split("Your link code: ", 1)[1].split()[0]

    # a stranger in the other workspace: wrong codes are counted, five an hour
    for n, left in enumerate((4, 3, 2, 1, 0)):
        await rig.send.command("/coach", f"link {new_code()}", team="T2", user="U9", key=f"s{n}")
        assert f"({left} tr" in await last_response(rig, 3 + n)
    await rig.send.command("/coach", f"link {code}", team="T2", user="U9", key="s5")
    assert "Too many wrong codes" in await last_response(rig, 8)

    # the member's own account in T2 types the code: the T1 account is asked by DM
    await rig.send.command("/coach", f"link {code}", team="T2", user="U5", key="l2")
    assert "press Allow" in await last_response(rig, 9)
    await rig.send.command("/coach", f"link {code}", team="T2", user="U5", key="l3")
    assert "already used" in await last_response(rig, 10)
    assert rig.runtime.dispatcher is not None
    await rig.runtime.dispatcher.tick()
    request = rig.fake.messages["DU1"][-1]
    assert "wants to share your contact book" in request["text"]
    labels = {e["text"]["text"]: e["action_id"] for e in buttons(request["blocks"])}
    assert set(labels) == {"Allow", "Deny"}
    await rig.send.interaction(button_click(labels["Allow"], request, channel="DU9", team="T2", user="U9",
                                            response_url=rig.fake.response_url("stranger")))
    assert "no longer valid" in await last_response(rig, 11)  # a stranger cannot allow it
    await rig.send.interaction(button_click(labels["Allow"], request, channel="DU1"))
    [updated] = await rig.fake.wait_for("chat.update")
    assert "Linked: Slack user" in updated.args["text"]
    assert not buttons(updated.args["blocks"])  # answered: the buttons are gone

    # one book: the T2 account sees the T1 account's contact, and its nudge goes to one place
    await rig.send.command("/coach", "list", team="T2", user="U5", key="l4")
    listing = await last_response(rig, 12)
    assert "Linked: this account now shares" in listing and "Jane Doe" in listing
    with rig.runtime.sessions() as session:
        assert session.scalar(select(func.count(Member.id)).where(Member.linked_to.is_not(None))) == 1
    rig.clock.advance(timedelta(days=1, hours=18))  # Fri 09:00 UTC: the 48-hour nudge is due
    await rig.runtime.dispatcher.tick()
    nudge = rig.fake.messages["DU5"][-1]  # the T2 account was used last
    assert "Jane Doe" in nudge["text"]
    sent = next(e["action_id"] for e in buttons(nudge["blocks"]) if e["text"]["text"] == "I sent it")
    await rig.send.interaction(button_click(sent, nudge, channel="DU5", team="T2", user="U9",
                                            response_url=rig.fake.response_url("stranger2")))
    assert "no longer valid" in await last_response(rig, 13)
    await rig.send.interaction(button_click(sent, nudge, channel="DU5", team="T2", user="U5"))
    recorded = (await rig.fake.wait_for("chat.update", 2))[-1]
    assert "Jane Doe" in recorded.args["text"]


async def test_an_expired_code_is_refused(rig: SlackRig) -> None:
    await rig.send.command("/coach", "link", key="l1")
    code = (await last_response(rig, 1)).split("Your link code: ", 1)[1].split()[0]
    rig.clock.advance(timedelta(minutes=11))
    await rig.send.command("/coach", f"link {code}", team="T2", user="U5", key="l2")
    assert "has expired" in await last_response(rig, 2)
