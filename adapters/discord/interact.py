"""Shared plumbing for every interaction: who is asking, and "ack within 3 s, then ask the core (bot.api,
which works on its own threads), then show the reply" (ephemeral in servers). Work from the ack to the
answer is tracked as in flight: a shutdown waits for it (see CoachBot.drain), and a bot that is stopping
takes no new work."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, Protocol, cast

import discord

from adapters.inflight import tracked
from bot.api import OOPS, CoachAPI
from bot.config import Settings
from bot.identity import Actor
from bot.replies import Reply, error

from .render import embeds_for, file_limit_note, files_for, fit_total

PLATFORM = "discord"
log = logging.getLogger(__name__)
Extra = tuple[str | None, discord.ui.View | None]  # a line under the reply, and a View to attach


class CoachClient(Protocol):
    """What interaction handlers need from the bot (see bot.py)."""

    api: CoachAPI
    settings: Settings
    inflight: set[asyncio.Task[Any]]
    stopping: bool


@contextlib.contextmanager
def in_flight(client: Any) -> Iterator[bool]:
    """Mark the current task as work a shutdown waits for. Yields False when the bot is stopping: the
    interaction is then left unanswered — never acknowledged, so never lost (the member can try again)."""
    if getattr(client, "stopping", False):
        yield False
        return
    inflight: set[asyncio.Task[Any]] | None = getattr(client, "inflight", None)
    if inflight is None:
        yield True
        return
    with tracked(inflight):
        yield True


def client_of(interaction: discord.Interaction[Any]) -> CoachClient:
    return cast(CoachClient, interaction.client)


def actor_for(user: discord.abc.User, guild_id: int | None) -> Actor:
    """The member behind an interaction. A DM has no server: workspace "" (the core then matches by user)."""
    return Actor(PLATFORM, str(guild_id) if guild_id else "", str(user.id), display_name=user.display_name)


def interaction_actor(interaction: discord.Interaction[Any]) -> Actor:
    return actor_for(interaction.user, interaction.guild_id)


async def answer(
    interaction: discord.Interaction[Any],
    call: Callable[[], Awaitable[Reply]],
    *,
    extra: Callable[[Reply], Awaitable[Extra]] | None = None,
    view_for: Callable[[Reply], discord.ui.View | None] | None = None,
) -> Reply:
    """Defer at once (ephemeral in a server), run the core, then fill in the deferred response.

    `extra` may add a line under the reply and a View (e.g. the timezone picker); otherwise `view_for`
    makes the reply's buttons (views.respond passes the nudge buttons: this module knows no View)."""
    with in_flight(interaction.client) as accepted:
        if not accepted:
            return error(OOPS)
        return await _respond(interaction, call, extra, view_for)


async def _respond(interaction: discord.Interaction[Any], call: Callable[[], Awaitable[Reply]],
                   extra: Callable[[Reply], Awaitable[Extra]] | None,
                   view_for: Callable[[Reply], discord.ui.View | None] | None) -> Reply:
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=interaction.guild_id is not None, thinking=True)
    try:
        reply = await call()
    except Exception:  # the core guards itself; this is the last line of defence
        log.exception("discord interaction failed")
        reply = error(OOPS)
    note, view = await extra(reply) if extra is not None else (None, None)
    note = "\n".join(filter(None, (note, file_limit_note(reply)))) or None
    if view is None and reply.actions and view_for is not None:
        view = view_for(reply)
    embeds = embeds_for(reply)
    if note:
        embeds.append(discord.Embed(description=note, color=embeds[0].color))
    kwargs: dict[str, Any] = {"embeds": fit_total(embeds)}
    files = files_for(reply)
    if files:
        kwargs["attachments"] = files
    if view is not None:
        kwargs["view"] = view
    await interaction.edit_original_response(**kwargs)
    return reply


async def say(interaction: discord.Interaction[Any], reply: Reply) -> None:
    """A reply that needs no core call (a usage problem caught in the adapter)."""
    kwargs: dict[str, Any] = {"embeds": embeds_for(reply), "ephemeral": interaction.guild_id is not None}
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)
