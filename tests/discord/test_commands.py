"""Every slash command through the real discord.py command tree (SimCord fakes only Discord itself):
options, user options, autocomplete, ephemeral replies, the timezone picker, the review modal and DMs."""

from __future__ import annotations

import json

import discord
import pytest

from tests.discord.harness import World, text_of

GUILD_ONLY = ("met", "coach sent", "coach list", "coach settings tz")


def deferred_then_edited(world: World) -> bool:
    """Every command acks at once (type 5, "thinking") and fills the answer in afterwards."""
    callbacks = [r for r in world.env.http_requests if r.path.endswith("/callback")]
    return bool(callbacks) and all((r.json or {}).get("type") == 5 for r in callbacks)


async def test_met_with_a_member_is_ephemeral_and_schedules_the_follow_up(world: World, server) -> None:
    channel, alice, bob = server
    result = await alice.slash(channel, "met", who=bob, where="PyCon", notes="onboarding metrics", tags="#python")

    assert result.ephemeral
    assert deferred_then_edited(world)
    text = text_of(result.response)
    assert "Noted: you met Bob Smith at PyCon" in text
    assert "#python" in text
    assert "remind you to follow up" in text
    # nobody else in the channel sees it
    assert all(not m.embeds for m in channel.history(viewer=bob))


async def test_met_with_a_typed_name(world: World, server) -> None:
    channel, alice, _ = server
    result = await alice.slash(channel, "met", name="Jane Doe", where="EuroPython", offer="an intro to our CTO")
    assert "Noted: you met Jane Doe at EuroPython" in text_of(result.response)
    shown = await alice.slash(channel, "coach show", name="Jane Doe")
    assert "You could offer: an intro to our CTO" in text_of(shown.response)


async def test_met_again_by_first_name_has_an_undo_button(world: World, server) -> None:
    """`/met name:siobhan` beside "Siobhán O'Neill": another meeting on her with an Undo button (a core
    action id within Discord's limits); its click takes the meeting back in the answer's place."""
    channel, alice, _ = server
    await alice.slash(channel, "met", name="Siobhán O'Neill", where="DevOpsDays")
    again = await alice.slash(channel, "met", name="siobhan", where="KubeCon")
    assert "You've met Siobhán O'Neill before — logged another meeting at KubeCon." in text_of(again.response)
    buttons = [_field(child) for row in again.response.components for child in _field(row)["components"]]
    assert [b.get("label") for b in buttons] == ["Undo"] and buttons[0]["custom_id"].startswith("coach:unmet:")
    assert len(buttons[0]["custom_id"]) <= 100
    await alice.click(again.response, label="Undo")
    assert "Undone: the meeting at KubeCon is off Siobhán O'Neill's history" in text_of(again.response)
    shown = await alice.slash(channel, "coach show", name="siobhan")
    assert "Met: " in text_of(shown.response) and "KubeCon" not in text_of(shown.response)


async def test_coach_undo_takes_back_the_meeting_as_the_button_does(world: World, server) -> None:
    channel, alice, _ = server
    await alice.slash(channel, "met", name="Siobhán O'Neill", where="DevOpsDays")
    await alice.slash(channel, "met", name="siobhan", where="KubeCon")
    undone = await alice.slash(channel, "coach undo", name="siobhan")
    assert "Undone: the meeting at KubeCon is off Siobhán O'Neill's history" in text_of(undone.response)
    again = await alice.slash(channel, "coach undo", name="siobhan")
    assert "Undone" not in text_of(again.response)  # nothing left to take back
    shown = await alice.slash(channel, "coach show", name="siobhan")
    assert "DevOpsDays" in text_of(shown.response) and "KubeCon" not in text_of(shown.response)


@pytest.mark.parametrize(
    ("options", "problem"),
    [({}, "Tell me who you met"), ({"name": "!!!"}, "doesn't look like a name"),
     ({"name": "Jane", "tags": "#" + "x" * 50}, "at most")],
)
async def test_bad_met_gets_usage_and_saves_nothing(world: World, server, options: dict, problem: str) -> None:
    channel, alice, _ = server
    result = await alice.slash(channel, "met", **options)
    assert result.ephemeral
    assert problem in text_of(result.response)
    assert result.response.embeds[0].color == discord.Color.red()
    listed = await alice.slash(channel, "coach list")
    assert "No contacts" in text_of(listed.response)


async def test_timezone_is_asked_once_after_the_first_met(world: World, server) -> None:
    channel, alice, bob = server
    first = await alice.slash(channel, "met", who=bob)
    assert "assuming UTC" in text_of(first.response) and first.response.components
    second = await alice.slash(channel, "met", name="Carol")  # not answered, but not asked again
    assert "assuming" not in text_of(second.response) and not second.response.components
    picked = await alice.select(first.response, ["Asia/Tokyo"], custom_id=f"coach-tz:{channel.guild.id}")
    assert picked.acknowledged and "Timezone set to Asia/Tokyo" in text_of(first.response)


async def test_timezone_picked_from_the_question(world: World, server) -> None:
    channel, alice, bob = server
    first = await alice.slash(channel, "met", who=bob)
    assert "assuming UTC" in text_of(first.response)
    picked = await alice.select(first.response, ["Europe/Berlin"], custom_id=f"coach-tz:{channel.guild.id}")
    assert picked.acknowledged
    edited = first.response
    assert "Timezone set to Europe/Berlin" in text_of(edited)
    assert not edited.components  # the picker is gone

    again = await alice.slash(channel, "met", name="Carol")
    assert "assuming" not in text_of(again.response) and not again.response.components
    settings = await alice.slash(channel, "coach settings show")
    assert "Timezone: Europe/Berlin" in text_of(settings.response)


async def test_timezone_picker_works_after_a_restart(world: World, server) -> None:
    channel, alice, bob = server
    first = await alice.slash(channel, "met", who=bob)
    await world.restart()
    await alice.select(first.response, ["Asia/Tokyo"], custom_id=f"coach-tz:{channel.guild.id}")
    assert "Timezone set to Asia/Tokyo" in text_of(first.response)


async def test_contact_commands(world: World, server) -> None:
    channel, alice, bob = server
    await alice.slash(channel, "met", who=bob, where="PyCon")
    name = "Bob Smith"

    async def ask(command: str, **options: object) -> str:
        result = await alice.slash(channel, command, **options)
        assert result.ephemeral, command
        return text_of(result.response)

    assert "Here's a draft for Bob Smith" in await ask("coach draft", name=name)
    assert "your first message to Bob Smith is sent" in await ask("coach sent", name=name)
    assert "Snoozed Bob Smith for 3 days" in await ask("coach snooze", name=name, delay="3d")
    assert "first message sent, waiting for a reply" in await ask("coach show", name="bob")
    assert "Bob Smith" in await ask("coach list", stage="waiting")
    assert "No contacts" in await ask("coach list", stage="in_touch")
    assert "Bob Smith replied" in await ask("coach replied", name=name)
    assert "Bob Smith" in await ask("coach list", stage="in_touch")
    assert "moving on from Bob Smith" in await ask("coach moveon", name=name)
    assert "Forget Bob Smith?" in await ask("coach forget", name=name)  # asks first
    assert "Forgot Bob Smith" in await ask("coach forget", name='"Bob Smith" confirm')
    assert "No contact named 'Bob Smith'" in await ask("coach show", name=name)


async def test_list_by_tag(world: World, server) -> None:
    channel, alice, _ = server
    await alice.slash(channel, "met", name="Jane", tags="python, pycon")
    await alice.slash(channel, "met", name="Omar", tags="#rust")
    listed = text_of((await alice.slash(channel, "coach list", tag="#python")).response)
    assert "Jane" in listed and "Omar" not in listed


async def test_settings_commands(world: World, server) -> None:
    channel, alice, _ = server

    async def ask(command: str, **options: object) -> str:
        return text_of((await alice.slash(channel, command, **options)).response)

    assert "Timezone set to America/Chicago" in await ask("coach settings tz", zone="America/Chicago")
    assert "I don't know the timezone" in await ask("coach settings tz", zone="Mars/Olympus")
    assert "between 08:00 and 16:00" in await ask("coach settings hours", start=8, end=16)
    backwards = await ask("coach settings hours", start=16, end=8)
    assert "start before the end" in backwards and "start:9 end:17" in backwards and "8-16" not in backwards
    assert "every 60 days" in await ask("coach settings checkins", days=60)
    assert "Paused" in await ask("coach settings pause")
    assert "Nudges: paused" in await ask("coach settings show")
    assert "nudges are on again" in await ask("coach settings resume")


async def test_timezone_autocomplete(world: World, server) -> None:
    channel, alice, _ = server
    offered = await alice.autocomplete(channel, "coach settings tz", "zone", "berl")
    assert {"name": "Europe/Berlin", "value": "Europe/Berlin"} in offered
    assert len(await alice.autocomplete(channel, "coach settings tz", "zone", "")) == 24


async def test_export_attaches_json_and_csv(world: World, server) -> None:
    channel, alice, bob = server
    await alice.slash(channel, "met", who=bob, where="PyCon")
    result = await alice.slash(channel, "coach export")
    assert result.ephemeral
    files = {a.filename: a for a in result.response.attachments}
    assert set(files) == {"coach-export.json", "coach-contacts.csv"}
    document = json.loads(await files["coach-export.json"].read())
    assert [c["name"] for c in document["contacts"]] == ["Bob Smith"]
    assert document["member"]["platform"] == "discord"


async def test_help_and_delete_my_data(world: World, server) -> None:
    channel, alice, bob = server
    assert "/met" in text_of((await alice.slash(channel, "coach help")).response)
    await alice.slash(channel, "met", who=bob)
    asked = await alice.slash(channel, "coach delete-my-data")
    assert "Delete all your data?" in text_of(asked.response)
    await alice.click(asked.response, label="Yes, delete everything")
    assert "I deleted everything" in text_of(asked.response)
    assert "No contacts" in text_of((await alice.slash(channel, "coach list")).response)


async def test_forget_asks_first_and_the_button_deletes(world: World, server) -> None:
    channel, alice, _ = server
    await alice.slash(channel, "met", name="Jane Doe", where="PyCon")
    asked = await alice.slash(channel, "coach forget", name="jane")
    assert "Forget Jane Doe?" in text_of(asked.response) and "cannot be undone" in text_of(asked.response)
    assert "Jane Doe" in text_of((await alice.slash(channel, "coach list")).response)  # nothing deleted yet
    await alice.click(asked.response, label="Yes, forget Jane Doe")
    assert "Forgot Jane Doe" in text_of(asked.response)
    assert "No contacts" in text_of((await alice.slash(channel, "coach list")).response)


async def test_a_first_name_finds_the_contact_and_several_are_listed(world: World, server) -> None:
    channel, alice, _ = server
    for name in ("Jane Doe", "José Ruiz"):
        await alice.slash(channel, "met", name=name, where="PyCon")
    assert "Jane Doe — met" in text_of((await alice.slash(channel, "coach show", name="JANE")).response)
    listing = text_of((await alice.slash(channel, "coach show", name="J")).response)
    assert "More than one contact matches 'J'" in listing and "• José Ruiz — met at PyCon" in listing


async def test_review_with_a_draft_option(world: World, server) -> None:
    channel, alice, _ = server
    result = await alice.slash(channel, "review", draft="hey, can you get me a job at your company? thx")
    assert result.ephemeral
    assert "Draft review" in text_of(result.response)


async def test_review_without_a_draft_opens_a_modal(world: World, server) -> None:
    channel, alice, bob = server
    await alice.slash(channel, "met", who=bob, where="PyCon", notes="onboarding metrics")
    shown = await alice.slash(channel, "review")
    assert shown.modal is not None
    long_draft = "Hi Bob,\n\nGreat to meet you at PyCon. " + "I enjoyed our chat about onboarding metrics. " * 20
    submitted = await alice.submit_modal(shown, {"coach-review-draft": long_draft, "coach-review-who": "Bob Smith"})
    assert submitted.ephemeral
    assert "Draft review" in text_of(submitted.response)


async def test_review_in_a_dm_and_guild_commands_stay_in_servers(world: World, server) -> None:
    _, alice, _ = server
    in_dm = alice.user.available_commands()
    assert "review" in in_dm and not any(name in in_dm for name in GUILD_ONLY)
    result = await alice.user.slash("review", draft="Hi Jane, lovely to meet you yesterday. Coffee next week?")
    assert "Draft review" in text_of(result.response)


async def test_a_draft_sent_as_a_dm_is_reviewed(world: World, server) -> None:
    _, alice, _ = server
    await alice.send_dm("Hi Jane, it was great meeting you at PyCon! Would you like to grab a coffee next week?")
    reply = alice.user.dm_channel.last_message
    assert reply is not None and reply.author.id == world.bot.user.id
    assert "Draft review" in text_of(reply)


async def test_autocomplete_offers_only_the_members_own_contacts_in_this_server(world: World) -> None:
    env = world.env
    one, two = env.create_guild("One"), env.create_guild("Two")
    one_channel, two_channel = one.create_text_channel("general"), two.create_text_channel("general")
    alice_user, carol_user = env.create_user("alice"), env.create_user("carol")
    alice_one, carol_one = one.add_member(alice_user), one.add_member(carol_user)
    alice_two = two.add_member(alice_user)

    await alice_one.slash(one_channel, "met", name="Jane Doe")
    await alice_one.slash(one_channel, "met", name="Janet Fox")
    await carol_one.slash(one_channel, "met", name="Jane Carol-Contact")
    await alice_two.slash(two_channel, "met", name="Jade Two")

    names = [c["value"] for c in await alice_one.autocomplete(one_channel, "coach sent", "name", "ja")]
    assert sorted(names) == ["Jane Doe", "Janet Fox"]
    assert [c["value"] for c in await alice_one.autocomplete(one_channel, "coach show", "name", "fox")] == [
        "Janet Fox"]
    assert [c["value"] for c in await alice_two.autocomplete(two_channel, "coach show", "name", "")] == ["Jade Two"]
    assert [c["value"] for c in await carol_one.autocomplete(one_channel, "review", "who", "")] == [
        "Jane Carol-Contact"]


async def test_two_servers_never_see_each_others_contacts(world: World) -> None:
    env = world.env
    one, two = env.create_guild("One"), env.create_guild("Two")
    one_channel, two_channel = one.create_text_channel("general"), two.create_text_channel("general")
    alice = env.create_user("alice")
    alice_one, alice_two = one.add_member(alice), two.add_member(alice)
    dave_two = two.add_member(env.create_user("dave"))

    await alice_one.slash(one_channel, "met", name="Secret Contact", notes="private notes")
    for member in (alice_two, dave_two):
        listed = text_of((await member.slash(two_channel, "coach list")).response)
        assert "Secret Contact" not in listed and "No contacts" in listed
        shown = text_of((await member.slash(two_channel, "coach show", name="Secret Contact")).response)
        assert "No contact named" in shown and "private notes" not in shown
        exported = (await member.slash(two_channel, "coach export")).response.attachments
        assert b"Secret Contact" not in await exported[0].read()


async def test_a_draft_without_enough_notes_asks_with_buttons_and_the_answer_drafts_in_its_place(
        world: World, server) -> None:
    """Ask rather than guess: one question with five buttons in one row (core action ids within Discord's
    limits); a click stores the answer and the draft takes the question's place; Don't follow up has Undo."""
    channel, alice, _ = server
    await alice.slash(channel, "met", name="Jane Doe")
    asked = await alice.slash(channel, "coach draft", name="Jane Doe")
    question = asked.response
    assert "What's this message to Jane Doe for?" in text_of(question)
    buttons = [_field(child) for row in question.components for child in _field(row)["components"]]
    assert [b["custom_id"].rsplit(":", 1)[0] for b in buttons] == ["coach:for-send", "coach:for-ask",
                                                                   "coach:for-thank", "coach:for-share",
                                                                   "coach:for-stop"]
    assert len(question.components) == 1  # one row: Discord allows five buttons a row
    assert all(len(b["label"]) <= 80 and len(b["custom_id"]) <= 100 for b in buttons)
    await alice.click(question, label="3. Thank them")
    assert "Here's a draft for Jane Doe" in text_of(question) and not question.components
    shown = await alice.slash(channel, "coach show", name="Jane Doe")
    assert "Messages are for: thank them" in text_of(shown.response)

    stopped = await alice.slash(channel, "coach purpose", name="Jane Doe", answer="stop")
    assert "no more reminders about them" in text_of(stopped.response)
    await alice.click(stopped.response, label="Undo")
    assert "Undone: Jane Doe is back on your follow-up list" in text_of(stopped.response)
    typed = await alice.slash(channel, "coach purpose", name="Jane Doe", words="ask about their pricing")
    assert "I wanted to ask about your pricing." in text_of(typed.response)


def _field(component: object) -> dict:
    """A component as its payload, whether the harness hands it over as a dict or as a discord.py object."""
    if isinstance(component, dict):
        return component
    data = component.to_dict()  # type: ignore[attr-defined]
    return data
