"""Replies as embeds: long text in pieces Discord accepts, cut at line ends; never an empty description."""

from __future__ import annotations

import discord

from adapters.discord.render import (
    BLANK,
    DESCRIPTION_LIMIT,
    EMBEDS_TOTAL,
    MESSAGE_LIMIT,
    embeds_for,
    recorded_embeds,
    section_embeds,
)
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


def test_clicks_fold_into_one_recorded_embed_and_the_oldest_give_way() -> None:
    nudge = [discord.Embed(title="t" * 200, description="d" * 900) for _ in range(5)]
    embeds = nudge
    for click in range(30):
        embeds = recorded_embeds(embeds, Reply(f"click {click}: " + "x" * 200))
        assert sum(map(len, embeds)) <= EMBEDS_TOTAL and len(embeds) == 6
    lines = embeds[-1].description.splitlines()
    assert embeds[-1].author.name == "Recorded" and lines[-1].startswith("click 29:")
    assert 1 < len(lines) < 30 and not any(line.startswith("click 0:") for line in lines)
    assert [e.description for e in embeds[:5]] == ["d" * 900] * 5  # the nudge itself unchanged


def test_a_message_sent_with_no_room_left_is_cut_to_fit_on_a_click() -> None:
    full = [discord.Embed(title="t", description="d" * 3000), discord.Embed(title="u", description="e" * 2990)]
    embeds = recorded_embeds(full, Reply("Noted: your first message is sent."))
    assert sum(map(len, embeds)) <= EMBEDS_TOTAL and embeds[-1].description.startswith("Noted")
