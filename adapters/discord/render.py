"""The core's neutral Reply as Discord sees it: embeds and files (the buttons live in views.py)."""

from __future__ import annotations

import io

import discord

from bot.replies import Reply, Verb, chunks, kept_after, parse_action_id

COLOR = discord.Color.blurple()
ERROR_COLOR = discord.Color.red()
DONE_COLOR = discord.Color.green()
DESCRIPTION_LIMIT = 4000  # Discord allows 4096 per embed and 6000 per message
EMBEDS_TOTAL = 6000  # Discord's most for all the embeds of one message (titles, descriptions, authors…)
MAX_EMBEDS = 10
MESSAGE_LIMIT = 5400  # leaves room for a title and a note under 6000
# A message with buttons keeps this much of the 6,000 free for the "Recorded" embed a click adds.
RECORDED_ROOM = 1000
RECORDED_LEAST = 300  # what a click shows even on a message sent with no room kept (the nudge is cut instead)
SECTION_LIMIT = 900  # one contact of a digest at most (less when five long titles leave less room)
FILE_LIMIT = 10 * 2**20  # bytes per file a bot may upload (Discord's default; more only in boosted servers)
BLANK = "\u200b"  # a zero-width space: Discord needs some text in a description
ELLIPSIS = "…"
RECORDED = "Recorded"


def text_limit(reply: Reply) -> int:
    """How much of a reply's text its embeds show: what is left under 6,000 for a title and a note, and,
    when it has buttons, for what a click records (`recorded_embeds`)."""
    return MESSAGE_LIMIT - (RECORDED_ROOM if reply.actions else 0)


def embeds_for(reply: Reply) -> list[discord.Embed]:
    """One embed per ~4000 characters, split at line ends; the title on the first."""
    color = ERROR_COLOR if reply.error else COLOR
    pieces = chunks(reply.text or BLANK, DESCRIPTION_LIMIT, limit=text_limit(reply))
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
    if len(reply.text) > text_limit(reply):
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
    """A nudge after a click: its words unchanged, and under them one "Recorded" embed with what each click
    on it recorded, newest last. The message stays within Discord's 6,000 characters: the oldest lines give
    way first (a catch-up of five is clicked up to twenty times), then, for a message sent before there was
    room kept for them, the longest descriptions above are cut short."""
    earlier = [e for e in original if _is_recorded(e)]
    embeds = [e.copy() for e in original if not _is_recorded(e)][: MAX_EMBEDS - 1] or [discord.Embed(color=COLOR)]
    embeds[0].color = DONE_COLOR
    lines = [line for e in earlier for line in (e.description or "").splitlines() if line and line != BLANK]
    lines.append(" ".join((reply.text or BLANK).split()))
    done = discord.Embed(color=DONE_COLOR)
    done.set_author(name=RECORDED)
    room = min(DESCRIPTION_LIMIT, max(RECORDED_LEAST, EMBEDS_TOTAL - sum(map(len, embeds)) - len(done)))
    kept: list[str] = []
    for line in reversed(lines):  # newest first, until the room is used up
        if kept and sum(map(len, kept)) + len(kept) + len(line) > room:
            break
        kept.insert(0, line)
    done.description = _first_piece("\n".join(kept), room)
    return fit_total([*embeds, done])


def _is_recorded(embed: discord.Embed) -> bool:
    return getattr(embed.author, "name", None) == RECORDED


def fit_total(embeds: list[discord.Embed], total: int = EMBEDS_TOTAL) -> list[discord.Embed]:
    """`embeds` (at most ten) cut to Discord's `total` for a message: the longest description is shortened,
    with an ellipsis, until they fit. Nothing to do for embeds built within their budgets."""
    embeds = embeds[:MAX_EMBEDS]
    while (over := sum(map(len, embeds)) - total) > 0:
        longest = max(embeds, key=lambda e: len(e.description or ""))
        text = longest.description or ""
        if len(text) <= len(ELLIPSIS) + 1:  # nothing left to shorten: drop the last embed instead
            embeds = embeds[:-1]
            continue
        longest.description = text[: max(1, len(text) - over - len(ELLIPSIS))] + ELLIPSIS
    return embeds


def section_embeds(reply: Reply, sections: tuple[Reply, ...], *, first: bool) -> list[discord.Embed]:
    """A digest's part as embeds: the intro (on the first message only), then one embed per contact. The
    contacts share what the 6,000 characters leave after the intro, their titles and RECORDED_ROOM."""
    embeds: list[discord.Embed] = []
    if first:
        intro = discord.Embed(description=_first_piece(reply.text.split("\n\n", 1)[0], 500), color=COLOR)
        intro.title = (reply.title or "")[:256] or None
        embeds.append(intro)
    titles = [(part.title or "")[:256] or None for part in sections]
    left = EMBEDS_TOTAL - RECORDED_ROOM - sum(map(len, embeds)) - sum(len(t or "") for t in titles)
    share = max(1, min(SECTION_LIMIT, left // max(1, len(sections))))
    for part, title in zip(sections, titles, strict=True):
        embed = discord.Embed(description=_first_piece(part.text, share), color=COLOR)
        embed.title = title
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
