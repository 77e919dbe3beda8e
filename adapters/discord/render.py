"""The core's neutral Reply as Discord sees it: embeds and files (the buttons live in views.py)."""

from __future__ import annotations

import io

import discord

from bot.replies import Reply, Verb, chunks, kept_after, parse_action_id

COLOR = discord.Color.blurple()
ERROR_COLOR = discord.Color.red()
DONE_COLOR = discord.Color.green()
DESCRIPTION_LIMIT = 4000  # Discord allows 4096 per embed and 6000 per message
MESSAGE_LIMIT = 5400  # leaves room for a title and a note under 6000
FILE_LIMIT = 10 * 2**20  # bytes per file a bot may upload (Discord's default; more only in boosted servers)
SECTION_LIMIT = 900  # one contact of a digest: up to five per message stay under 6000 in all
BLANK = "\u200b"  # a zero-width space: Discord needs some text in a description


def embeds_for(reply: Reply) -> list[discord.Embed]:
    """One embed per ~4000 characters, split at line ends; the title on the first."""
    color = ERROR_COLOR if reply.error else COLOR
    pieces = chunks(reply.text or BLANK, DESCRIPTION_LIMIT, limit=MESSAGE_LIMIT)
    embeds = [discord.Embed(description=piece, color=color) for piece in pieces]
    if reply.title:
        embeds[0].title = reply.title[:256]
    if reply.chart is not None:  # the digest's chart, shown inside the embed from the attached PNG
        embeds[-1].set_image(url=f"attachment://{reply.chart.filename}")
    return embeds


def files_for(reply: Reply) -> list[discord.File]:
    """Export attachments (and text too long for embeds) as uploaded files; a chart as its PNG, with its alt
    text as the attachment's description."""
    files = [discord.File(str(a.path), filename=a.filename) if a.path is not None  # streamed from disk
             else discord.File(io.BytesIO(a.content.encode("utf-8")), filename=a.filename)
             for a in reply.attachments if a.size <= FILE_LIMIT]
    if reply.chart is not None:
        files.append(discord.File(io.BytesIO(reply.chart.png()), filename=reply.chart.filename,
                                  description=reply.chart.alt))
    if len(reply.text) > MESSAGE_LIMIT:
        files.append(discord.File(io.BytesIO(reply.text.encode("utf-8")), filename="reply.txt"))
    return files


def file_limit_note(reply: Reply) -> str | None:
    """What a member is told when an export file is over what Discord lets a bot upload (it is left out)."""
    over = [a for a in reply.attachments if a.size > FILE_LIMIT]
    if not over:
        return None
    sizes = ", ".join(f"{a.filename} is {a.size / 2**20:.1f} MB" for a in over)
    return (f"{sizes}: over the {FILE_LIMIT // 2**20} MB Discord allows a bot to upload, so I could not attach "
            f"{'it' if len(over) == 1 else 'them'}. Everything else is attached; /coach list shows your contacts "
            "50 at a time (narrow it with a stage or a #tag), and /coach forget removes ones you no longer need.")


def recorded_embeds(original: list[discord.Embed], reply: Reply) -> list[discord.Embed]:
    """A nudge after a click: its words unchanged, and what the coach recorded underneath."""
    embeds = [embed.copy() for embed in original[:9]] or [discord.Embed(color=COLOR)]
    embeds[0].color = DONE_COLOR
    done = discord.Embed(description=_first_piece(reply.text, DESCRIPTION_LIMIT), color=DONE_COLOR)
    done.set_author(name="Recorded")
    return [*embeds, done]


def section_embeds(reply: Reply, sections: tuple[Reply, ...], *, first: bool) -> list[discord.Embed]:
    """A digest's part as embeds: the intro (on the first message only), then one embed per contact."""
    embeds: list[discord.Embed] = []
    if first:
        intro = discord.Embed(description=reply.text.split("\n\n", 1)[0][:DESCRIPTION_LIMIT], color=COLOR)
        intro.title = (reply.title or "")[:256] or None
        embeds.append(intro)
    for part in sections:
        embed = discord.Embed(description=_first_piece(part.text, SECTION_LIMIT), color=COLOR)
        embed.title = (part.title or "")[:256] or None
        embeds.append(embed)
    return embeds


def disabled_view(message: discord.Message | None, nudge_id: int, verb: Verb | None = None) -> discord.ui.View | None:
    """The message's components with this nudge's buttons greyed out, except those that still make sense
    after `verb` ("They replied" after "I sent it"); a digest's other nudges keep theirs."""
    if message is None or not message.components:
        return None
    kept = set(kept_after(verb)) if verb is not None else set()
    view = discord.ui.View.from_message(message, timeout=None)
    for item in view.children:
        parsed = parse_action_id(getattr(item, "custom_id", "") or "")
        if isinstance(item, discord.ui.Button) and parsed is not None and parsed.nudge_id == nudge_id:
            item.disabled = parsed.verb not in kept
    return view


def _first_piece(text: str, size: int) -> str:
    """What of `text` fits one embed of `size`: cut at a line break where possible; never empty (Discord
    refuses an empty description)."""
    return chunks(text, size, limit=size)[0] or BLANK
