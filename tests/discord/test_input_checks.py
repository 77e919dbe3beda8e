"""Discord's options and its review modal refuse what the text grammar refuses — NUL and other control
characters, a name that is no name — with a short usage message (never the apology), storing nothing."""

from __future__ import annotations

import discord
import pytest
from sqlalchemy import func, select

from bot.coach import OOPS
from bot.commands import CONTROL_PROBLEM
from bot.models import Contact, Event
from tests.discord.harness import World, text_of


def stored(world: World) -> tuple[int, int]:
    with world.runtime.sessions() as session:
        return (session.scalar(select(func.count()).select_from(Contact)) or 0,
                session.scalar(select(func.count()).select_from(Event)) or 0)


def refused(message: object, problem: str = CONTROL_PROBLEM) -> bool:
    text = text_of(message)
    embeds = getattr(message, "embeds", None) or []
    return problem in text and OOPS not in text and bool(embeds) and embeds[0].color == discord.Color.red()


@pytest.mark.parametrize("options", [
    {"name": "Jane\x00Doe"},
    {"name": "Jane Doe", "notes": "talked\x00metrics"},
    {"name": "Jane Doe", "where": "Py\x1bCon"},
    {"name": "Jane Doe", "offer": "an intro\x7f"},
])
async def test_met_options_with_control_characters_are_refused(world: World, server, options: dict) -> None:
    channel, alice, _ = server
    result = await alice.slash(channel, "met", **options)
    assert result.ephemeral and refused(result.response)
    assert stored(world) == (0, 0)


async def test_a_name_option_with_nul_finds_nothing_and_says_so(world: World, server) -> None:
    channel, alice, _ = server
    await alice.slash(channel, "met", name="Jane Doe")
    for command in ("coach show", "coach sent", "coach forget"):
        result = await alice.slash(channel, command, name="Jane\x00Doe")
        assert refused(result.response), command
    assert stored(world) == (1, 1)


async def test_review_option_with_nul_is_refused(world: World, server) -> None:
    channel, alice, _ = server
    result = await alice.slash(channel, "review", draft="Hi Jane\x00, great to meet you")
    assert refused(result.response)


@pytest.mark.parametrize("fields", [
    {"coach-review-draft": "Hi Bob,\x00 great to meet you at PyCon.", "coach-review-who": ""},
    {"coach-review-draft": "Hi Bob, great to meet you at PyCon.", "coach-review-who": "Bob\x00Smith"},
    {"coach-review-draft": "Hi Bob, great to meet you at PyCon.", "coach-review-who": "!!!"},
])
async def test_the_review_modal_refuses_what_the_grammar_refuses(world: World, server, fields: dict) -> None:
    channel, alice, bob = server
    await alice.slash(channel, "met", who=bob, where="PyCon")
    shown = await alice.slash(channel, "review")
    assert shown.modal is not None
    submitted = await alice.submit_modal(shown, fields)
    problem = "doesn't look like a name" if fields["coach-review-who"] == "!!!" else CONTROL_PROBLEM
    assert submitted.ephemeral and refused(submitted.response, problem)
    assert stored(world) == (1, 1)
