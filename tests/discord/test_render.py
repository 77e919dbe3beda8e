"""Replies as embeds: long text in pieces Discord accepts, cut at line ends; never an empty description."""

from __future__ import annotations

import discord

from adapters.discord.render import BLANK, DESCRIPTION_LIMIT, MESSAGE_LIMIT, embeds_for, recorded_embeds, section_embeds
from bot.replies import Reply


def test_long_text_is_cut_at_line_ends_within_the_message_limit() -> None:
    text = "\n".join(f"• Contact {n}: met at PyCon, waiting for a reply" for n in range(400))
    descriptions = [embed.description or "" for embed in embeds_for(Reply(text, title="Your contacts"))]
    assert len(descriptions) == 2 and all(len(d) <= DESCRIPTION_LIMIT for d in descriptions)
    assert sum(map(len, descriptions)) <= MESSAGE_LIMIT
    assert all(d.endswith("waiting for a reply") for d in descriptions[:-1])  # no line is split mid-way


def test_empty_text_gets_a_blank_description() -> None:
    assert [embed.description for embed in embeds_for(Reply(""))] == [BLANK]
    assert recorded_embeds([discord.Embed(description="nudge")], Reply(""))[-1].description == BLANK
    part = Reply("", title="1. Jane Doe")
    assert [embed.description for embed in section_embeds(Reply("Intro"), (part,), first=False)] == [BLANK]
