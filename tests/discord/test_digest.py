"""The Monday digest on Discord under SimCord: a DM embed with the weeks as a sparkline, one component per
listed contact, and /coach digest (its chart attached, `attachment://`) and /coach settings digest."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import simcord

from scheduler.weekly import plan_week
from tests.discord.harness import World, custom_ids, text_of

MONDAY_0900_UTC = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)  # members are on COACH_DEFAULT_TZ (UTC) here


def server(world: World) -> tuple[simcord.ChannelHandle, simcord.MemberActor, simcord.MemberActor]:
    guild = world.env.create_guild("PyCon friends")
    channel = guild.create_text_channel("general")
    return channel, guild.add_member(world.env.create_user("alice")), guild.add_member(world.env.create_user("bob"))


async def test_the_monday_digest_is_an_embed_with_a_sparkline_of_the_weeks(world: World) -> None:
    channel, alice, bob = server(world)
    await alice.slash(channel, "met", name="Jane Doe", where="PyCon")
    await alice.slash(channel, "met", name="Sam Lee", where="PyCon")
    await bob.slash(channel, "met", name="Zed Secret", where="a bar")
    world.clock.set(MONDAY_0900_UTC)
    assert await asyncio.to_thread(plan_week, world.runtime.sessions, world.clock) == 2
    await world.deliver()

    digest = alice.user.dm_channel.last_message
    assert digest is not None and digest.author.id == world.bot.user.id
    embed = digest.embeds[0]
    assert "week" in (embed.title or "").lower() and "week" in (embed.description or "").splitlines()[0].lower()
    assert "Jane Doe" in text_of(digest) and "Sam Lee" in text_of(digest) and "Zed" not in text_of(digest)
    # The eight weeks as a sparkline in the text: no chart drawn per member on a Monday (100,000 members
    # at ~70 ms a chart would be hours of CPU); /coach digest attaches it on request.
    assert "met `" in text_of(digest) and not digest.attachments and not digest.embeds[-1].image.url
    assert len([i for i in custom_ids(digest) if i.startswith("coach:draft:")]) == 2
    assert "Zed Secret" in text_of(bob.user.dm_channel.last_message)

    # The weekly job and the dispatcher again (another replica, a restart): no second digest.
    await world.restart()
    assert await asyncio.to_thread(plan_week, world.runtime.sessions, world.clock) == 0
    assert await world.deliver() == 0
    assert alice.user.dm_channel.last_message.id == digest.id


async def test_coach_digest_and_the_digest_setting(world: World) -> None:
    channel, alice, _ = server(world)
    await alice.slash(channel, "met", name="Jane Doe", where="PyCon")
    answer = (await alice.slash(channel, "coach digest")).response
    assert "Jane Doe" in text_of(answer) and "week" in text_of(answer).lower()
    assert [a.filename for a in answer.attachments] == ["coach-week.png"]
    off = (await alice.slash(channel, "coach settings digest", state="off")).response
    assert "digest is off" in text_of(off)
    assert "Monday digest: off" in text_of((await alice.slash(channel, "coach settings show")).response)
    world.clock.set(MONDAY_0900_UTC)
    assert await asyncio.to_thread(plan_week, world.runtime.sessions, world.clock) == 0
    await alice.slash(channel, "coach settings digest", state="on")
    assert await asyncio.to_thread(plan_week, world.runtime.sessions, world.clock) == 1
