"""Nudge DMs through the real bot: embed + persistent buttons, every button before and after a restart,
exactly-once delivery (nonce, retries), DMs closed, digests — SimCord fakes only Discord's side."""

from __future__ import annotations

from datetime import timedelta

import discord
import pytest
import simcord
from sqlalchemy import select

from adapters.discord.notifier import DiscordNotifier, RequestPacer, nonce_for
from bot.models import Nudge, NudgeState
from bot.replies import Reply
from scheduler.notifier import DeliveryError, Outgoing, Recipient
from tests.discord.harness import World, custom_ids, text_of

TWO_DAYS = timedelta(days=2)


@pytest.fixture
def server(world: World) -> tuple[simcord.ChannelHandle, simcord.MemberActor]:
    guild = world.env.create_guild("PyCon friends")
    channel = guild.create_text_channel("general")
    return channel, guild.add_member(world.env.create_user("alice"))


async def nudge_for(world: World, server, *names: str) -> discord.Message:
    """/met each name, let two days pass, deliver: the DM the member got."""
    channel, alice = server
    for name in names:
        await alice.slash(channel, "met", name=name, where="PyCon")
    assert await world.deliver(TWO_DAYS) == 1
    message = alice.user.dm_channel.last_message
    assert message is not None and message.author.id == world.bot.user.id
    return message


def states(world: World) -> list[str]:
    with world.runtime.sessions() as session:
        return list(session.scalars(select(Nudge.state).order_by(Nudge.id)))


async def test_a_nudge_is_a_dm_with_an_embed_and_the_core_action_ids(world: World, server) -> None:
    message = await nudge_for(world, server, "Jane Doe")
    assert message.embeds[0].title == "Follow up with Jane Doe"
    assert "You met Jane Doe at PyCon" in message.embeds[0].description
    assert custom_ids(message) == [f"coach:{verb}:1" for verb in ("sent", "replied", "snooze", "draft", "moveon")]
    posts = [r for r in world.env.http_requests if r.method == "POST" and r.path.endswith("/messages")]
    assert posts[-1].json["nonce"] == "coach-nudge-1" and posts[-1].json["enforce_nonce"] is True


@pytest.mark.parametrize("restart", [False, True], ids=["same-process", "after-restart"])
@pytest.mark.parametrize(
    ("label", "recorded"),
    [("I sent it", "your first message to Jane Doe is sent"), ("They replied", "Jane Doe replied"),
     ("Snooze 1 day", "Snoozed Jane Doe for 1 day"), ("Move on", "moving on from Jane Doe")],
)
async def test_each_button_records_and_shows_it_on_the_nudge(world: World, server, restart: bool, label: str,
                                                             recorded: str) -> None:
    message = await nudge_for(world, server, "Jane Doe")
    if restart:
        await world.restart()
    alice = server[1]
    await alice.user.click(message, label=label)

    edited = alice.user.dm_channel.last_message
    assert edited.id == message.id
    assert edited.embeds[0].title == "Follow up with Jane Doe"  # the nudge is still readable
    assert recorded in edited.embeds[-1].description and edited.embeds[-1].author.name == "Recorded"
    enabled = [child.label for row in edited.components for child in row.children if not child.disabled]
    assert enabled == {"I sent it": ["They replied"], "They replied": [], "Move on": ["They replied"],
                       "Snooze 1 day": ["I sent it", "They replied", "Draft it for me", "Move on"]}[label]
    shown = await alice.slash(server[0], "coach show", name="Jane Doe")
    assert recorded.split(" ")[0].lower() in text_of(shown.response).lower() or "History" in text_of(shown.response)


@pytest.mark.parametrize("restart", [False, True], ids=["same-process", "after-restart"])
async def test_draft_button_answers_with_a_draft_and_keeps_the_buttons(world: World, server, restart: bool) -> None:
    message = await nudge_for(world, server, "Jane Doe")
    if restart:
        await world.restart()
    result = await server[1].user.click(message, label="Draft it for me")
    assert "Here's a draft for Jane Doe" in text_of(result.followups[0])
    assert not any(child.disabled for row in message.components for child in row.children)
    again = await server[1].user.click(message, label="I sent it")  # still works afterwards
    assert again.acknowledged


async def test_a_later_button_on_an_answered_nudge_is_harmless(world: World, server) -> None:
    message = await nudge_for(world, server, "Jane Doe")
    await server[1].slash(server[0], "coach sent", name="Jane Doe")  # typed instead of clicked
    await server[1].user.click(message, label="I sent it")
    assert "didn't count another message" in server[1].user.dm_channel.last_message.embeds[-1].description


async def test_a_digest_gives_each_contact_its_embed_and_its_own_row_of_buttons(world: World, server) -> None:
    message = await nudge_for(world, server, "Jane Doe", "Omar Ali")
    assert [e.title for e in message.embeds] == ["2 people to get back to", "1. Follow up with Jane Doe",
                                                 "2. Follow up with Omar Ali"]
    rows = [[(child.label, child.custom_id) for child in row.children] for row in message.components]
    assert rows == [
        [("1. I sent it", "coach:sent:1"), ("They replied", "coach:replied:1"), ("Snooze 1 day", "coach:snooze:1"),
         ("Draft it for me", "coach:draft:1"), ("Move on", "coach:moveon:1")],
        [("2. I sent it", "coach:sent:2"), ("They replied", "coach:replied:2"), ("Snooze 1 day", "coach:snooze:2"),
         ("Draft it for me", "coach:draft:2"), ("Move on", "coach:moveon:2")],
    ]
    await server[1].user.click(message, label="1. I sent it")
    edited = server[1].user.dm_channel.last_message
    disabled = {child.custom_id for row in edited.components for child in row.children if child.disabled}
    assert disabled == {f"coach:{verb}:1" for verb in ("sent", "snooze", "draft", "moveon")}  # They replied stays
    await server[1].user.click(edited, custom_id="coach:replied:1")
    assert "Jane Doe replied" in server[1].user.dm_channel.last_message.embeds[-1].description


async def test_a_big_digest_goes_out_five_contacts_a_message_each_with_its_row(world: World, server) -> None:
    names = [f"Person {n}" for n in range(1, 8)]
    channel, alice = server
    for name in names:
        await alice.slash(channel, "met", name=name, where="PyCon")
    assert await world.deliver(TWO_DAYS) == 1
    first, second = alice.user.dm_channel.history()[-2:]
    assert len(first.components) == 5 and len(second.components) == 2
    assert [e.title for e in second.embeds] == ["6. Follow up with Person 6", "7. Follow up with Person 7"]
    assert second.components[1].children[0].custom_id == "coach:sent:7"  # type: ignore[attr-defined]
    await world.restart()
    await alice.user.click(second, custom_id="coach:replied:6")
    assert "Person 6 replied" in alice.user.dm_channel.last_message.embeds[-1].description


async def test_a_retried_delivery_does_not_post_twice(world: World, server) -> None:
    message = await nudge_for(world, server, "Jane Doe")
    alice = server[1]
    retry = Outgoing(Recipient("discord", str(server[0].guild.id), str(alice.id)), Reply("again", title="again"),
                     (1,), retry=True)
    assert await world.bot.notifier.send(retry) == str(message.id)
    assert len(alice.user.dm_channel.history()) == 1


async def test_dms_closed_is_permanent_and_the_member_hears_on_their_next_command(world: World, server) -> None:
    channel, alice = server
    await alice.slash(channel, "met", name="Jane Doe")
    world.env.inject_error("POST", "/channels/*/messages", status=403, code=50007,
                           message="Cannot send messages to this user", times=None)
    assert await world.deliver(TWO_DAYS) == 0
    assert states(world) == [NudgeState.FAILED.value]
    assert alice.user.dm_channel.last_message is None

    listed = text_of((await alice.slash(channel, "coach list")).response)
    assert "I couldn't send you a reminder about Jane Doe" in listed
    assert "I couldn't send" not in text_of((await alice.slash(channel, "coach list")).response)  # told once


@pytest.mark.parametrize(
    ("status", "code", "permanent"),
    [(403, 50007, True), (404, 10013, True), (500, 0, False), (503, 0, False)],
)
async def test_delivery_errors(world: World, server, status: int, code: int, permanent: bool) -> None:
    world.env.inject_error("POST", "/channels/*/messages", status=status, code=code, times=None)
    message = Outgoing(Recipient("discord", "1", str(server[1].id)), Reply("hi", title="t"), (7,))
    with pytest.raises(DeliveryError) as failure:
        await world.bot.notifier.send(message)
    assert failure.value.permanent is permanent


async def test_a_user_id_that_is_not_discords_is_permanent(world: World) -> None:
    with pytest.raises(DeliveryError) as failure:
        await world.bot.notifier.send(Outgoing(Recipient("discord", "1", "U123"), Reply("hi"), (1,)))
    assert failure.value.permanent


def test_nonce_is_stable_and_fits_discord() -> None:
    assert nonce_for("coach-nudge-42") == "coach-nudge-42"
    long = "coach-nudge-" + "-".join(str(n) for n in range(100, 120))
    assert nonce_for(long) == nonce_for(long) and len(nonce_for(long)) == 25


async def test_the_request_pacer_stays_under_fifty_per_second() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = RequestPacer(40.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(100):
        await pacer.acquire()
    assert now[0] == pytest.approx(99 / 40)  # 100 requests take ~2.5 s: 40 per second, never 50
    assert all(s <= 1 / 40 + 1e-9 for s in slept)


def test_notifier_is_the_discord_port(world: World) -> None:
    assert isinstance(world.bot.notifier, DiscordNotifier) and world.bot.notifier.platform == "discord"
