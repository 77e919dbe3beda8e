"""Every Discord surface at its extremes, through the real command tree and the real dispatcher, with every
request checked against Discord's published limits (tests/discord/limits.py, run by the `env` fixture): the
longest names and notes a member can give, 60 contacts due at once, 200 contacts in lists and autocomplete,
a 40-contact Monday digest, and every button of a catch-up clicked in turn."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import discord
import pytest
import simcord

from bot.commands import Met, Who
from bot.identity import Actor
from bot.limits import MAX_FIELD, MAX_NAME, MAX_TEXT
from bot.replies import Verb, format_action_id, parse_action_id
from scheduler.weekly import plan_week
from tests.discord.harness import World, text_of
from tests.discord.limits import EMBEDS_TOTAL

MONDAY_0900_UTC = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)
LONG_NOTES = ("notes * _ ` > & < " * MAX_TEXT)[:MAX_TEXT]
LONG_FIELD = ("where & < > " * MAX_FIELD)[:MAX_FIELD]


def longest(number: int) -> str:
    """A distinct name of the longest length a member can give (Discord shows it unescaped)."""
    return (f"{number:03d} " + "Wolfeschlegelsteinhausenbergerdorff " * 4)[: MAX_NAME - 1] + "x"


@pytest.fixture
def server(world: World) -> tuple[simcord.ChannelHandle, simcord.MemberActor]:
    guild = world.env.create_guild("PyCon friends")
    return guild.create_text_channel("general"), guild.add_member(world.env.create_user("alice"))


async def seed(world: World, server, count: int, *, notes: str | None = LONG_NOTES) -> list[str]:
    """`count` contacts met just now, recorded through the core as /met records them (notes reach 4,000
    characters when meetings' notes merge)."""
    channel, alice = server
    actor = Actor("discord", str(channel.guild.id), str(alice.id), display_name="alice")
    names = [longest(n) for n in range(count)]
    for name in names:
        reply = await world.runtime.api.handle(actor, Met(Who(name), where=LONG_FIELD, notes=notes, offer=LONG_FIELD))
        assert not reply.error, reply.text
    return names


def embed_total(message: discord.Message) -> int:
    return sum(len(e.title or "") + len(e.description or "") + len(e.author.name or "") + len(e.footer.text or "")
               + sum(len(f.name or "") + len(f.value or "") for f in e.fields) for e in message.embeds)


def buttons(message: discord.Message) -> dict[int, list[str]]:
    """Each nudge's enabled buttons in a message, by nudge id."""
    found: dict[int, list[str]] = {}
    for row in message.components:
        for child in row.children:  # type: ignore[attr-defined]
            parsed = parse_action_id(getattr(child, "custom_id", None) or "")
            if parsed is not None and not child.disabled:
                found.setdefault(parsed.nudge_id, []).append(child.custom_id)
    return found


async def deliver_all(world: World, alice: simcord.MemberActor, expected: int) -> list[discord.Message]:
    delivered = await world.deliver(timedelta(days=2))
    for _ in range(50):
        if delivered >= expected:
            break
        delivered += await world.deliver(timedelta(seconds=5))
    assert delivered >= 1
    return [m for m in alice.user.dm_channel.history() if m.author.id == world.bot.user.id]


async def test_every_button_of_a_catch_up_clicked_in_turn(world: World, server) -> None:
    """Five contacts with the longest names and notes in one DM; on each in turn: Draft it, Snooze, then
    I sent it (or Move on), then They replied. Every click shows on the message, which stays under 6,000."""
    alice = server[1]
    await seed(world, server, 5)
    [message] = await deliver_all(world, alice, 5)
    assert embed_total(message) <= EMBEDS_TOTAL
    for nudge_id in sorted(buttons(message)):
        last = Verb.MOVE_ON if nudge_id % 2 else Verb.SENT
        for verb in (Verb.DRAFT, Verb.SNOOZE, last, Verb.REPLIED):
            action_id = format_action_id(verb, nudge_id)
            assert action_id in buttons(message).get(nudge_id, []), (verb, nudge_id)
            result = await alice.user.click(message, custom_id=action_id)
            if verb is Verb.DRAFT:
                assert "draft" in text_of(result.followups[0]).lower()
                continue
            [message] = [m for m in alice.user.dm_channel.history() if m.id == message.id]  # as edited
            assert embed_total(message) <= EMBEDS_TOTAL
            [recorded] = [e for e in message.embeds if (e.author.name or "") == "Recorded"]  # one, folded
            assert longest(nudge_id - 1)[:20] in recorded.description.splitlines()[-1]  # the newest, last
    assert buttons(message) == {}  # every contact answered: no button left to press
    assert len(recorded.description.splitlines()) > 3  # the latest clicks, as many as fit


async def test_sixty_contacts_due_at_once_arrive_with_every_button(world: World, server) -> None:
    alice = server[1]
    await seed(world, server, 60)
    messages = await deliver_all(world, alice, 60)
    found = {nudge: ids for message in messages for nudge, ids in buttons(message).items()}
    assert len(found) == 60 and all(len(ids) == 5 for ids in found.values())
    assert all(embed_total(message) <= EMBEDS_TOTAL for message in messages)


async def test_lists_autocomplete_and_show_with_200_contacts(world: World, server) -> None:
    channel, alice = server
    names = await seed(world, server, 200, notes=None)
    listed = (await alice.slash(channel, "coach list")).response
    assert names[-1] in text_of(listed)
    offered = await alice.autocomplete(channel, "coach sent", "name", "0")
    assert 1 <= len(offered) <= 25 and all(len(choice["name"]) <= 100 for choice in offered)
    picked = await alice.slash(channel, "coach show", name=offered[0]["value"])
    assert "Wolfeschlegel" in text_of(picked.response)


async def test_show_with_the_longest_notes(world: World, server) -> None:
    channel, alice = server
    [name] = await seed(world, server, 1)
    shown = (await alice.slash(channel, "coach show", name=name[:MAX_NAME])).response
    assert LONG_NOTES.strip()[:100] in text_of(shown) or shown.attachments


async def test_a_forty_contact_monday_digest(world: World, server) -> None:
    alice = server[1]
    await seed(world, server, 40)
    world.clock.set(MONDAY_0900_UTC)
    assert await asyncio.to_thread(plan_week, world.runtime.sessions, world.clock) == 1
    await world.deliver()  # the catch-ups of everyone overdue, and the digest in a DM of its own
    [digest] = [m for m in alice.user.dm_channel.history() if "week" in (m.embeds[0].title or "").lower()]
    assert len([i for ids in buttons(digest).values() for i in ids]) == 12
    assert embed_total(digest) <= EMBEDS_TOTAL


async def test_met_with_every_option_at_its_longest(world: World, server) -> None:
    """The longest /met Discord's options take, then the same contact met again until the notes pass the
    core's 4,000: each answer (with the timezone note and picker after the first) is one Discord takes."""
    channel, alice = server
    tags = " ".join(f"#{n}" + "t" * 37 for n in range(10))
    interests = ", ".join(f"{n}" + "i" * 79 for n in range(3))
    options = {"name": longest(1), "where": LONG_FIELD, "offer": LONG_FIELD, "interests": interests, "tags": tags}
    first = await alice.slash(channel, "met", notes=("n & < > " * 200)[:1000], **options)
    assert "Noted" in text_of(first.response) and first.response.components  # the timezone picker
    for round_ in range(6):  # another meeting each time, with new notes merged in
        again = await alice.slash(channel, "met", notes=f"{round_} " + ("m " * 500)[:998], **options)
        assert longest(1)[:20] in text_of(again.response)
    shown = (await alice.slash(channel, "coach show", name=longest(1))).response
    assert "Wolfeschlegel" in text_of(shown)
