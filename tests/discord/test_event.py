"""The conference day through the real discord.py command tree (SimCord fakes only Discord): /coach event's
options, /met with `others`, the day's recap of 30 people in DMs within Discord's limits (five rows of
buttons and 6,000 characters of embeds a message), and its *Add a note* modal and *Draft* button."""

from __future__ import annotations

from datetime import timedelta

import discord
from sqlalchemy import select

from bot.models import Contact
from tests.discord.harness import World, custom_ids, text_of

# The clock starts Wed 4 Mar 2026 15:00 UTC; the bot's default timezone is UTC (working day ends 18:00).
TO_RECAP = timedelta(hours=2, minutes=30)


def embed_chars(message: discord.Message) -> int:
    return sum(len(e.title or "") + len(e.description or "") for e in message.embeds)


async def test_event_options_and_a_met_of_several(world: World, server) -> None:
    channel, alice, bob = server
    started = await alice.slash(channel, "coach event start", name="KubeCon EU", until="fri")
    assert "Enjoy KubeCon EU! It's on until the end of Fri 6 Mar." in text_of(started.response)
    bad = await alice.slash(channel, "coach event start", name="KubeCon EU", until="someday")
    assert "can't read 'someday' as a day" in text_of(bad.response)
    assert "Example: /coach event start name:KubeCon EU until:fri" in text_of(bad.response)
    shown = await alice.slash(channel, "coach event show")
    assert "Event: KubeCon EU, until the end of Fri 6 Mar." in text_of(shown.response)

    met = await alice.slash(channel, "met", who=bob, others=f'<@{alice.id}>, "Chris Ode", Dana Lee',
                            notes="talked about eBPF")
    text = text_of(met.response)
    assert text.startswith("Noted 4 people at KubeCon EU: Bob Smith, alice, Chris Ode, Dana Lee.")
    with world.runtime.sessions() as session:
        contacts = {c.name: c for c in session.scalars(select(Contact))}
    assert set(contacts) == {"Bob Smith", "alice", "Chris Ode", "Dana Lee"}
    assert {c.where_met for c in contacts.values()} == {"KubeCon EU"}
    assert contacts["Bob Smith"].platform_user_id == str(bob.id)
    one = await alice.slash(channel, "met", name="Erik")
    assert "Noted: you met Erik at KubeCon EU." in text_of(one.response)  # one person: as ever

    noted = await alice.slash(channel, "coach note", name="Chris Ode", text="wants the slides")
    assert "Noted about Chris Ode: wants the slides." in text_of(noted.response)
    ended = await alice.slash(channel, "coach event end")
    assert "KubeCon EU is over" in text_of(ended.response)


async def test_a_recap_of_thirty_people_fits_discords_limits_and_its_buttons_work(world: World, server) -> None:
    channel, alice, _ = server
    await alice.slash(channel, "coach event start", name="KubeCon EU")
    for batch in range(3):
        names = ", ".join(f"Person {batch * 10 + i:02d}" for i in range(10))
        await alice.slash(channel, "met", others=names, notes="booth crawl")
    assert await world.deliver(TO_RECAP) == 1
    recap = alice.user.dm_channel.history()  # the recap is the only DM so far
    assert len(recap) == 6  # five people a message: a row of buttons each
    assert recap[0].embeds[0].title == "Your day at KubeCon EU: 30 people"
    for message in recap:
        assert len(message.components) <= 5 and all(len(row.children) <= 5 for row in message.components)
        assert embed_chars(message) <= 6000 and len(message.embeds) <= 10
    titles = [e.title for m in recap for e in m.embeds if (e.title or "")[:1].isdigit()]
    assert titles == [f"{n + 1}. Person {n:02d}" for n in range(30)]
    labels = [child.label for m in recap for row in m.components for child in row.children]  # type: ignore[attr-defined]
    assert labels == [label for n in range(30) for label in (f"{n + 1}. Draft", "Add a note")]

    last = recap[-1]
    note_id = next(i for i in custom_ids(last) if i.startswith("coach:note:"))
    shown = await alice.user.click(last, custom_id=note_id)
    assert shown.modal is not None and shown.modal["title"] == "A note about Person 25"
    submitted = await alice.user.submit_modal(shown, {"coach-note-text": "wants the eBPF slides"})
    assert "Noted about Person 25: wants the eBPF slides." in text_of(submitted.response)
    with world.runtime.sessions() as session:
        notes = session.scalars(select(Contact.notes).where(Contact.name == "Person 25")).one()
    assert notes == "booth crawl; wants the eBPF slides"

    drafted = await alice.user.click(last, label="26. Draft")
    assert "Here's a draft for Person 25" in text_of(drafted.followups[-1] if drafted.followups else drafted.response)
