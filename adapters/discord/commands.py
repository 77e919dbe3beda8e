"""The application commands: /met, /review and the /coach group. Each one turns its options into a core
command (which checks itself as it is built, as a typed command does), asks the core through bot.api, and
shows the Reply (ephemeral in servers)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

import discord
from discord import app_commands

from bot import commands as core
from bot.api import Stage
from bot.commands import UsageError, Who, parse_tags, person
from bot.limits import MAX_CHECKIN_DAYS, MAX_FIELD, MAX_NAME, MAX_TAG, MAX_TEXT, MIN_CHECKIN_DAYS
from bot.replies import Reply, error

from .interact import Extra, client_of, interaction_actor, say
from .views import ReviewModal, respond, timezone_view
from .zones import search_zones

NOTES_LIMIT = 1000
Name = app_commands.Range[str, 1, MAX_NAME]
PURPOSE_CHOICES = [app_commands.Choice(name=label, value=value) for value, label in (
    ("send", "Send what you promised"), ("ask", "Ask them something"), ("thank", "Thank them"),
    ("share", "Share something"), ("stop", "Don't follow up"), ("undo", "Undo don't follow up"))]
Field = app_commands.Range[str, 1, MAX_FIELD]


# --- helpers ---------------------------------------------------------------------------------------------


async def run(interaction: discord.Interaction[Any], build: Callable[[], core.Command],
              extra: Callable[[Reply], Any] | None = None, example: str | None = None) -> None:
    """Build the core command (a usage problem is answered at once), then ask the coach.

    `example`: the command as Discord's options spell it, shown instead of the typed grammar's usage."""
    try:
        command = build()
    except UsageError as problem:
        shown = UsageError(problem.problem, example=example) if example else problem
        await say(interaction, error(shown.text))
        return
    api, actor = client_of(interaction).api, interaction_actor(interaction)
    await respond(interaction, lambda: api.handle(actor, command), extra=extra)


async def contact_choices(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    """Autocomplete: only the asking member's own contacts, in this server."""
    names = await client_of(interaction).api.contact_suggestions(interaction_actor(interaction), current)
    return [app_commands.Choice(name=name[:100], value=name[:100]) for name in names]


async def zone_choices(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=zone, value=zone) for zone in search_zones(current)]


# --- /met and /review ------------------------------------------------------------------------------------


@app_commands.command(name="met", description="Record someone you met; I'll remind you to follow up.")
@app_commands.describe(who="Someone in this server", name="Or their name, if they're not here",
                       where="Where you met", notes="What you talked about",
                       tags="Tags, e.g. #python #pycon", offer="Something useful you could offer them",
                       interests="Interests you share, comma-separated, e.g. rust, climbing",
                       others='More people you met with them: @mentions, "quoted names" or names with commas')
@app_commands.guild_only()
async def met(interaction: discord.Interaction[Any], who: discord.User | None = None, name: Name | None = None,
              where: Field | None = None, notes: app_commands.Range[str, 1, NOTES_LIMIT] | None = None,
              tags: app_commands.Range[str, 1, 400] | None = None, offer: Field | None = None,
              interests: Field | None = None, others: app_commands.Range[str, 1, 1000] | None = None) -> None:
    listed = await _with_names(interaction, others or "")

    def build() -> core.Met | core.MetMany:
        people = [*([] if who is None and not name else [person(
            name or (who.display_name if who is not None else ""), str(who.id) if who is not None else None,
            usage="met")]), *core.parse_people(listed)]
        if not people:
            raise UsageError("Tell me who you met: pick them in `who`, or type a `name`.",
                             "/met who:@jane where:PyCon notes:talked about onboarding metrics")
        fields = {"where": where, "notes": notes, "tags": parse_tags(tags), "offer": offer,
                  "interests": core.parse_interests(interests)}
        if len(people) == 1:
            return core.Met(who=people[0], **fields)  # type: ignore[arg-type]
        return core.MetMany(people=tuple(people), **fields)  # type: ignore[arg-type]

    await run(interaction, build, extra=_timezone_prompt(interaction))


_MENTIONED = re.compile(r"<@!?(\d{1,20})>")


async def _with_names(interaction: discord.Interaction[Any], text: str) -> str:
    """`others` with each mention (`<@123>`) labelled with that person's name in this server
    (`<@123|Ana>`), as the grammar reads a labelled mention; one Discord can't name keeps its id."""
    guild = interaction.guild
    if guild is None or not _MENTIONED.search(text):
        return text
    names: dict[str, str] = {}
    for user_id in list(dict.fromkeys(_MENTIONED.findall(text)))[:core.MAX_PEOPLE]:
        member = guild.get_member(int(user_id))
        if member is None:
            try:
                member = await guild.fetch_member(int(user_id))
            except discord.HTTPException:
                continue
        names[user_id] = member.display_name.replace(">", "").replace("|", "").strip()
    return _MENTIONED.sub(lambda m: f"<@{m[1]}|{names[m[1]]}>" if names.get(m[1]) else m[0], text)


def _timezone_prompt(interaction: discord.Interaction[Any]) -> Callable[[Reply], Any]:
    """After a member's first /met, unless they already chose a timezone: say which one is assumed, and
    offer the picker once (/coach settings tz changes it any time). Not under a reply with buttons of its
    own (another meeting logged on that first contact, and its Undo)."""

    async def prompt(reply: Reply) -> Extra:
        client, actor = client_of(interaction), interaction_actor(interaction)
        if reply.error or reply.actions or interaction.guild_id is None:
            return None, None
        if not await client.api.timezone_question_due(actor):
            return None, None
        default = client.settings.default_timezone
        note = (f"Discord doesn't share your timezone, so I'm assuming {default}. Pick yours so reminders "
                f"arrive in your working hours (or use /coach settings tz).")
        return note, timezone_view(interaction.guild_id, default)

    return prompt


@app_commands.command(name="review", description="I'll review a message before you send it.")
@app_commands.describe(draft="Your draft (leave empty to paste a long one in a form)",
                       who="Who it's for (one of your contacts), to check it against what you noted")
@app_commands.autocomplete(who=contact_choices)
async def review(interaction: discord.Interaction[Any], draft: app_commands.Range[str, 1, MAX_TEXT] | None = None,
                 who: Name | None = None) -> None:
    if not draft:
        await interaction.response.send_modal(ReviewModal())
        return
    def build() -> core.Review:
        return core.Review(draft=draft, who=person(who, usage="review") if who else None)

    await run(interaction, build)


# --- /coach ----------------------------------------------------------------------------------------------

# Suggestions for a snooze: any length the text grammar takes is accepted (`2 days`, `90m` is too short).
DELAYS = ("1h", "1d", "36h", "3d", "1w", "2w")
STAGE_CHOICES = [app_commands.Choice(name=stage.value.replace("_", " "), value=stage.value) for stage in Stage]


async def delay_choices(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    typed = current.strip()
    shown = ([typed] if typed and typed not in DELAYS else []) + [d for d in DELAYS if d.startswith(typed)]
    return [app_commands.Choice(name=delay, value=delay) for delay in (shown or list(DELAYS))[:25]]


def _who(cls: Callable[[Who], core.Command], usage: str, name: str) -> Callable[[], core.Command]:
    return lambda: cls(person(name, usage=usage))


def forget_command(name: str) -> core.Forget:
    """/coach forget asks first (with a button); a name typed as `"Jane Doe" confirm`, as the question
    suggests, goes ahead, as in the text grammar."""
    text = name.strip()
    if text.lower().endswith(" confirm"):
        return core.Forget(person(text[: -len(" confirm")].strip(" \"'“”"), usage="forget"), confirmed=True)
    return core.Forget(person(text, usage="forget"))


def link_command(code: str | None) -> core.Link:
    """/coach link [code]: a code, or `allow`/`deny` typed as one (as the text grammar reads them)."""
    text = (code or "").strip()
    if text.lower() in ("allow", "deny"):
        return core.Link(answer=text.lower())
    return core.Link(code=text or None)


class SettingsGroup(app_commands.Group):
    """/coach settings …: the same settings as the text grammar, one subcommand each."""

    def __init__(self) -> None:
        super().__init__(name="settings", description="Your timezone, working hours, check-ins, pause")

    @app_commands.command(name="show", description="Show your settings")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.ChangeSettings())

    @app_commands.command(name="tz", description="Set your timezone (Discord doesn't tell me)")
    @app_commands.describe(zone="An IANA zone, e.g. Europe/Berlin")
    @app_commands.autocomplete(zone=zone_choices)
    async def tz(self, interaction: discord.Interaction[Any], zone: app_commands.Range[str, 1, 64]) -> None:
        await run(interaction, lambda: core.ChangeSettings(key="tz", value=zone.strip()),
                  example="/coach settings tz zone:Europe/Berlin")

    @app_commands.command(name="hours", description="Only nudge me between these hours (your time)")
    @app_commands.describe(start="First hour, 0-23", end="Last hour, 1-24")
    async def hours(self, interaction: discord.Interaction[Any], start: app_commands.Range[int, 0, 23],
                    end: app_commands.Range[int, 1, 24]) -> None:
        await run(interaction, lambda: core.ChangeSettings(key="hours", value=(start * 60, end * 60)),  # minutes
                  example="/coach settings hours start:9 end:17")

    @app_commands.command(name="checkins", description="How often to suggest checking in with people who replied")
    @app_commands.describe(days="Every this many days")
    async def checkins(self, interaction: discord.Interaction[Any],
                       days: app_commands.Range[int, MIN_CHECKIN_DAYS, MAX_CHECKIN_DAYS]) -> None:
        await run(interaction, lambda: core.ChangeSettings(key="checkins", value=days))

    @app_commands.command(name="digest", description="The Monday digest: on (the default) or off")
    @app_commands.describe(state="on or off")
    async def digest(self, interaction: discord.Interaction[Any], state: Literal["on", "off"]) -> None:
        await run(interaction, lambda: core.ChangeSettings(key="digest", value=state))

    @app_commands.command(name="model", description="Drafts by your server's own model, if it set one up: on or off")
    @app_commands.describe(state="on or off (off by default)")
    async def model(self, interaction: discord.Interaction[Any], state: Literal["on", "off"]) -> None:
        await run(interaction, lambda: core.ChangeSettings(key="model", value=state))

    @app_commands.command(name="deliver", description="Where nudges and the digest go, with linked accounts")
    @app_commands.describe(where="slack, discord, or auto (where you last used me)")
    async def deliver(self, interaction: discord.Interaction[Any], where: Literal["slack", "discord", "auto"]) -> None:
        await run(interaction, lambda: core.ChangeSettings(key="deliver", value=where))

    @app_commands.command(name="pause", description="No nudges until you resume")
    async def pause(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.ChangeSettings(key="pause"))

    @app_commands.command(name="resume", description="Nudges on again")
    async def resume(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.ChangeSettings(key="resume"))


class EventGroup(app_commands.Group):
    """/coach event …: the conference day, as the text grammar's `/coach event "KubeCon EU" until fri`."""

    def __init__(self) -> None:
        super().__init__(name="event", description="At a conference: a recap each day, reminders spread out")

    @app_commands.command(name="start", description="You're at an event until a day you name")
    @app_commands.describe(name="The event, e.g. KubeCon EU",
                           until="Its last day: today, tomorrow, a weekday (fri) or a date (2026-12-11)")
    async def start(self, interaction: discord.Interaction[Any], name: Field,
                    until: app_commands.Range[str, 1, 20] | None = None) -> None:
        await run(interaction, lambda: core.StartEvent(name=name.strip(), until=until),
                  example="/coach event start name:KubeCon EU until:fri")

    @app_commands.command(name="end", description="The event is over")
    async def end(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.EndEvent())

    @app_commands.command(name="show", description="Which event is on")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.ShowEvent())


@app_commands.guild_only()
class CoachGroup(app_commands.Group):
    """/coach …: keep each contact's state true, list, settings, export, forget, delete-my-data, help."""

    def __init__(self) -> None:
        super().__init__(name="coach", description="Your networking coach")
        self.add_command(SettingsGroup())
        self.add_command(EventGroup())

    @app_commands.command(name="sent", description="You sent them a message")
    @app_commands.describe(name="One of your contacts")
    @app_commands.autocomplete(name=contact_choices)
    async def sent(self, interaction: discord.Interaction[Any], name: Name) -> None:
        await run(interaction, _who(core.Sent, "sent", name))

    @app_commands.command(name="replied", description="They wrote back")
    @app_commands.describe(name="One of your contacts")
    @app_commands.autocomplete(name=contact_choices)
    async def replied(self, interaction: discord.Interaction[Any], name: Name) -> None:
        await run(interaction, _who(core.Replied, "replied", name))

    @app_commands.command(name="snooze", description="Remind me about them later")
    @app_commands.describe(name="One of your contacts", delay="For how long, e.g. 36h, 2d, 1w (default 1 day)")
    @app_commands.autocomplete(name=contact_choices, delay=delay_choices)
    async def snooze(self, interaction: discord.Interaction[Any], name: Name,
                     delay: app_commands.Range[str, 1, 20] = "1d") -> None:
        await run(interaction, lambda: core.Snooze(person(name, usage="snooze"), core.snooze_delay(delay)),
                  example="/coach snooze name:Jane delay:2d")

    @app_commands.command(name="moveon", description="Stop reminding me about them")
    @app_commands.describe(name="One of your contacts")
    @app_commands.autocomplete(name=contact_choices)
    async def moveon(self, interaction: discord.Interaction[Any], name: Name) -> None:
        await run(interaction, _who(core.MoveOn, "moveon", name))

    @app_commands.command(name="undo", description="Take back the meeting your latest /met logged on them")
    @app_commands.describe(name="One of your contacts")
    @app_commands.autocomplete(name=contact_choices)
    async def undo(self, interaction: discord.Interaction[Any], name: Name) -> None:
        await run(interaction, _who(core.UndoMet, "undo", name))

    @app_commands.command(name="note", description="Add a note about one of your contacts (no meeting logged)")
    @app_commands.describe(name="One of your contacts", text="What to remember")
    @app_commands.autocomplete(name=contact_choices)
    async def note(self, interaction: discord.Interaction[Any], name: Name,
                   text: app_commands.Range[str, 1, NOTES_LIMIT]) -> None:
        await run(interaction, lambda: core.Note(person(name, usage="note"), text))

    @app_commands.command(name="show", description="Everything about one contact")
    @app_commands.describe(name="One of your contacts")
    @app_commands.autocomplete(name=contact_choices)
    async def show(self, interaction: discord.Interaction[Any], name: Name) -> None:
        await run(interaction, _who(core.Show, "show", name))

    @app_commands.command(name="draft", description="Write a draft for where you stand with them")
    @app_commands.describe(name="One of your contacts")
    @app_commands.autocomplete(name=contact_choices)
    async def draft(self, interaction: discord.Interaction[Any], name: Name) -> None:
        await run(interaction, _who(core.Draft, "draft", name))

    @app_commands.command(name="purpose", description="What messages to them are for (the draft's question)")
    @app_commands.describe(name="One of your contacts", answer="What they're for; Don't follow up stops reminders",
                           words="Or in your own words, e.g. ask about their pricing")
    @app_commands.choices(answer=PURPOSE_CHOICES)
    @app_commands.autocomplete(name=contact_choices)
    async def purpose(self, interaction: discord.Interaction[Any], name: Name, answer: str | None = None,
                      words: app_commands.Range[str, 1, core.MAX_PURPOSE] | None = None) -> None:
        def build() -> core.Purpose:
            who = person(name, usage="purpose")
            if words:
                return core.Purpose(who, words, free=True)
            if not answer:
                raise UsageError("Pick what the message is for, or say it in your own words.",
                                 *core.USAGE["purpose"])
            return core.Purpose(who, answer)

        await run(interaction, build, example="/coach purpose name:Jane answer:Thank them")

    @app_commands.command(name="list", description="Your contacts, by stage or tag")
    @app_commands.describe(stage="Only this stage", tag="Only this tag, e.g. #python")
    @app_commands.choices(stage=STAGE_CHOICES)
    async def list_(self, interaction: discord.Interaction[Any], stage: str | None = None,
                    tag: app_commands.Range[str, 1, MAX_TAG + 1] | None = None) -> None:
        def build() -> core.ListContacts:
            wanted = parse_tags(tag)
            return core.ListContacts(stage=Stage(stage) if stage else None, tag=wanted[0] if wanted else None)

        await run(interaction, build)

    @app_commands.command(name="digest", description="This week's digest now, with your last 8 weeks")
    async def digest(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.Digest())

    @app_commands.command(name="export", description="All your data as JSON and CSV")
    async def export(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.Export())

    @app_commands.command(name="forget", description="Delete a contact and its history (asks first)")
    @app_commands.describe(name="One of your contacts")
    @app_commands.autocomplete(name=contact_choices)
    async def forget(self, interaction: discord.Interaction[Any], name: Name) -> None:
        await run(interaction, lambda: forget_command(name))

    @app_commands.command(name="delete-my-data", description="Delete everything I store about you (asks first)")
    async def delete_my_data(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.DeleteMyData())

    @app_commands.command(name="link", description="Share one contact book with your Slack (or another) account")
    @app_commands.describe(code="The code /coach link gave you on the other account (leave empty to get one)")
    async def link(self, interaction: discord.Interaction[Any],
                   code: app_commands.Range[str, 1, 20] | None = None) -> None:
        await run(interaction, lambda: link_command(code), example="/coach link code:K7QM2-XW9PD")

    @app_commands.command(name="unlink", description="Separate this account from the ones linked to it (asks first)")
    async def unlink(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.Unlink())

    @app_commands.command(name="merge", description="Two contacts that are one person become one")
    @app_commands.describe(keep="The contact to keep", other="The one that joins it")
    @app_commands.autocomplete(keep=contact_choices, other=contact_choices)
    async def merge(self, interaction: discord.Interaction[Any], keep: Name, other: Name) -> None:
        await run(interaction, lambda: core.Merge(person(keep, usage="merge"), person(other, usage="merge")))

    @app_commands.command(name="help", description="What I can do")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        await run(interaction, lambda: core.Help())


def register(tree: app_commands.CommandTree[Any]) -> None:
    """Add every command to a tree (a fresh group per tree, so a restarted bot gets its own)."""
    tree.add_command(met)
    tree.add_command(review)
    tree.add_command(CoachGroup())
