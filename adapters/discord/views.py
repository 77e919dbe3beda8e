"""Components that outlive the process: nudge buttons and the timezone picker are DynamicItems whose
custom_id carries everything needed (registered in setup_hook), so they work after a restart."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.commands import ChangeSettings, Review, UsageError, person
from bot.replies import (
    ACTION_ID_PATTERN,
    PURPOSE_VERBS,
    VERB_PATTERN,
    Reply,
    Verb,
    error,
    format_action_id,
    parse_action_id,
)

from .interact import Extra, actor_for, answer, client_of, in_flight, interaction_actor, say
from .render import DONE_COLOR, disabled_view, embeds_for, fit_total, recorded_embeds
from .zones import COMMON_ZONES

NUDGE_TEMPLATE = ACTION_ID_PATTERN
TIMEZONE_TEMPLATE = r"^coach-tz:(?P<guild_id>\d{1,20})$"
STYLES = {
    Verb.SENT: discord.ButtonStyle.success,
    Verb.REPLIED: discord.ButtonStyle.primary,
    Verb.SNOOZE: discord.ButtonStyle.secondary,
    Verb.DRAFT: discord.ButtonStyle.secondary,
    Verb.MOVE_ON: discord.ButtonStyle.danger,
    Verb.DELETE_ME: discord.ButtonStyle.danger,
    Verb.NOTE: discord.ButtonStyle.secondary,
    Verb.ALLOW: discord.ButtonStyle.success,
    Verb.DENY: discord.ButtonStyle.danger,
    Verb.UNLINK: discord.ButtonStyle.danger,
}


class NudgeButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=NUDGE_TEMPLATE):
    """A nudge button; its custom_id is the core's action id, `coach:<verb>:<nudge id>`."""

    def __init__(self, verb: Verb, nudge_id: int, *, label: str | None = None, row: int | None = None) -> None:
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=(label or verb.value)[:80],
            style=STYLES.get(verb, discord.ButtonStyle.secondary),
            custom_id=format_action_id(verb, nudge_id),
            row=row,
        )
        super().__init__(button)
        self.verb, self.nudge_id = verb, nudge_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> NudgeButton:
        return cls(Verb(match["verb"]), int(match["nudge_id"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        if self.verb is Verb.NOTE:  # a recap's *Add a note*: a form, answered at once
            await open_note(interaction, self.nudge_id)
            return
        await record_press(interaction, self.custom_id)


async def open_note(interaction: discord.Interaction[Any], contact_id: int) -> None:
    with in_flight(interaction.client) as accepted:
        if not accepted:
            return
        target = await client_of(interaction).api.note_target(interaction_actor(interaction), contact_id)
        if target is None:
            await say(interaction, error("That button is no longer valid. /coach list shows your contacts."))
            return
        await interaction.response.send_modal(NoteModal(contact_id, target[0]))


class NoteModal(discord.ui.Modal):
    """*Add a note* about one contact of a recap: what the member remembers, added to its notes."""

    def __init__(self, contact_id: int, name: str) -> None:
        super().__init__(title=f"A note about {name}"[:45], custom_id=f"coach-note:{contact_id}")
        self.contact_id = contact_id
        self.text: discord.ui.TextInput[NoteModal] = discord.ui.TextInput(
            label="What do you remember?", style=discord.TextStyle.paragraph, min_length=1, max_length=1000,
            placeholder="what you talked about, what you could offer", custom_id="coach-note-text")
        self.add_item(self.text)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        api, actor = client_of(interaction).api, interaction_actor(interaction)
        await respond(interaction, lambda: api.add_note(actor, self.contact_id, self.text.value))


PICK_TEMPLATE = rf"^coach-pick:(?P<verb>{VERB_PATTERN})$"
MAX_BUTTONS = 25  # five rows of five
PICK_PLACEHOLDERS = {
    Verb.SENT: "I sent a message to…",
    Verb.REPLIED: "They replied…",
    Verb.SNOOZE: "Snooze 1 day…",
    Verb.DRAFT: "Draft a message to…",
    Verb.MOVE_ON: "Move on from…",
    Verb.NOTE: "Add a note about…",
}


class NudgePicker(discord.ui.DynamicItem[discord.ui.Select[Any]], template=PICK_TEMPLATE):
    """A digest with more buttons than a message holds: one menu per verb, each option a core action id."""

    def __init__(self, verb: Verb, options: list[discord.SelectOption] | None = None) -> None:
        select: discord.ui.Select[Any] = discord.ui.Select(
            custom_id=f"coach-pick:{verb.value}", placeholder=PICK_PLACEHOLDERS.get(verb),
            options=options or [discord.SelectOption(label=verb.value)],
        )
        super().__init__(select)
        self.verb = verb

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> NudgePicker:
        return cls(Verb(match["verb"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await record_press(interaction, self.item.values[0] if self.item.values else "")


async def record_press(interaction: discord.Interaction[Any], action_id: str) -> None:
    """A click on a nudge: record it through the core, then show on the nudge itself what was recorded
    (that nudge's buttons greyed out). A draft, or a problem, comes as a separate message instead."""
    with in_flight(interaction.client) as accepted:
        if accepted:
            await _record_press(interaction, action_id)


async def _record_press(interaction: discord.Interaction[Any], action_id: str) -> None:
    await interaction.response.defer()
    reply = await client_of(interaction).api.press(interaction_actor(interaction), action_id)
    parsed = parse_action_id(action_id)
    if reply.error or parsed is None or parsed.verb is Verb.DRAFT:
        view = nudge_view(reply) if reply.actions and not reply.error else None  # a question's answer buttons
        if view is not None:
            await interaction.followup.send(embeds=embeds_for(reply), view=view)
        else:
            await interaction.followup.send(embeds=embeds_for(reply), ephemeral=reply.error)
        return
    if parsed.verb in PURPOSE_VERBS or parsed.verb is Verb.UNDO_MET:  # the answer takes the question's place
        await interaction.edit_original_response(embeds=embeds_for(reply), view=nudge_view(reply))
        return
    message = interaction.message
    embeds = recorded_embeds(list(message.embeds) if message else [], reply)
    await interaction.edit_original_response(embeds=embeds, view=disabled_view(message, parsed.nudge_id, parsed.verb))


MAX_SECTIONS = 5  # contacts per DM: one row of buttons each, and Discord gives a message five rows


def digest_parts(reply: Reply) -> list[tuple[Reply, tuple[Reply, ...]]]:
    """A digest in messages of at most MAX_SECTIONS contacts each (the intro on the first); any other
    reply is one message."""
    if not reply.sections:
        return [(reply, ())]
    return [(reply, reply.sections[i:i + MAX_SECTIONS]) for i in range(0, len(reply.sections), MAX_SECTIONS)]


def sections_view(sections: tuple[Reply, ...]) -> discord.ui.View | None:
    """One row per contact, in the order of their embeds; the row's first button carries the contact's
    number, as its embed's title does."""
    view = discord.ui.View(timeout=None)
    for row, part in enumerate(sections[:MAX_SECTIONS]):
        number = (part.title or "").split(".", 1)[0]
        for index, action in enumerate(part.actions[:5]):
            label = f"{number}. {action.label}" if index == 0 and number.isdigit() else action.label
            view.add_item(NudgeButton(action.verb, action.nudge_id, label=label, row=row))
    return view if view.children else None


def nudge_view(reply: Reply) -> discord.ui.View | None:
    """The nudge's buttons as a persistent View (no timeout; every custom_id a core action id).
    A digest gets one row per contact (`sections_view`, at most MAX_SECTIONS per message); buttons
    beyond 25 with no sections get one menu per verb instead."""
    if reply.sections:
        return sections_view(reply.sections)
    if not reply.actions:
        return None
    view = discord.ui.View(timeout=None)
    if len(reply.actions) <= MAX_BUTTONS:
        for action in reply.actions:
            view.add_item(NudgeButton(action.verb, action.nudge_id, label=action.label))
        return view
    for verb in Verb:
        options = [discord.SelectOption(label=action.label[:100], value=action.action_id)
                   for action in reply.actions if action.verb is verb][:25]
        if options:
            view.add_item(NudgePicker(verb, options))
    return view


async def respond(
    interaction: discord.Interaction[Any],
    call: Callable[[], Awaitable[Reply]],
    *,
    extra: Callable[[Reply], Awaitable[Extra]] | None = None,
) -> Reply:
    """interact.answer with this module's buttons under a reply that has actions: the buttons' own
    callbacks answer through it too, so it lives here, and interact.py never imports views."""
    return await answer(interaction, call, extra=extra, view_for=nudge_view)


def zone_options(default: str) -> list[discord.SelectOption]:
    zones = list(dict.fromkeys([default, *COMMON_ZONES]))[:25]
    return [
        discord.SelectOption(label=zone, value=zone, description="the default for now" if zone == default else None)
        for zone in zones
    ]


class TimezoneSelect(discord.ui.DynamicItem[discord.ui.Select[Any]], template=TIMEZONE_TEMPLATE):
    """Discord shares no timezone: a one-click picker of common zones, for the member in one server."""

    def __init__(self, guild_id: int, default: str = "UTC") -> None:
        select: discord.ui.Select[Any] = discord.ui.Select(
            custom_id=f"coach-tz:{guild_id}", placeholder="Pick your timezone", options=zone_options(default)
        )
        super().__init__(select)
        self.guild_id = guild_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> TimezoneSelect:
        return cls(int(match["guild_id"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        with in_flight(interaction.client) as accepted:
            if accepted:
                await self._pick(interaction)

    async def _pick(self, interaction: discord.Interaction[Any]) -> None:
        zone = self.item.values[0] if self.item.values else ""
        await interaction.response.defer()
        actor = actor_for(interaction.user, self.guild_id)
        try:
            reply = await client_of(interaction).api.handle(actor, ChangeSettings(key="tz", value=zone))
        except UsageError as problem:
            reply = error(problem.text)
        if reply.error:
            await interaction.followup.send(embeds=embeds_for(reply), ephemeral=True)
            return
        message = interaction.message
        kept = list(message.embeds if message else [])[:9]
        done = discord.Embed(description=reply.text, color=DONE_COLOR)
        await interaction.edit_original_response(embeds=fit_total([*kept, done]), view=None)


def timezone_view(guild_id: int, default: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(TimezoneSelect(guild_id, default))
    return view


class ReviewModal(discord.ui.Modal, title="Review a draft"):
    """/review without a draft: room for a long message (Discord options are single-line)."""

    draft: discord.ui.TextInput[ReviewModal] = discord.ui.TextInput(
        label="Your draft", style=discord.TextStyle.paragraph, min_length=1, max_length=4000,
        custom_id="coach-review-draft",
    )
    who: discord.ui.TextInput[ReviewModal] = discord.ui.TextInput(
        label="Who is it for? (optional)", placeholder="One of your contacts", required=False,
        max_length=120,
        custom_id="coach-review-who",
    )

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        """The draft and name are checked as the grammar checks them; a problem is told, nothing stored."""
        api, actor = client_of(interaction).api, interaction_actor(interaction)
        try:
            name = self.who.value.strip()
            command = Review(draft=self.draft.value, who=person(name, usage="review") if name else None)
        except UsageError as problem:
            await say(interaction, error(problem.text))
            return
        await respond(interaction, lambda: api.handle(actor, command))
