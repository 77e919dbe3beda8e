"""/review: a pasted draft, judged by bot/review — against a contact's stored details when named."""

from __future__ import annotations

from bot import commands
from bot.handlers.contacts import draft_context
from bot.handlers.context import Context
from bot.models import Contact, Stage
from bot.replies import Reply
from bot.review import MessageKind, format_review, review
from bot.store.repository import ContactNotFound, find_contact

FOLLOW_UP_STAGES = {Stage.WAITING.value, Stage.FOLLOWED_UP.value}


def review_draft(cmd: commands.Review, ctx: Context) -> Reply:
    context, kind, draft = None, None, cmd.draft
    contact = ctx.contact(cmd.who) if cmd.who is not None else _lead_contact(cmd, ctx)
    if contact is not None:
        context = draft_context(contact, ctx.member)
        if contact.stage in FOLLOW_UP_STAGES:  # they have had a message already: judge it as a follow-up
            kind = MessageKind.FOLLOW_UP
        if cmd.who is None and cmd.lead:
            draft = cmd.draft[len(cmd.lead):].strip()
    result = review(draft, context, kind=kind)
    return Reply(format_review(result), title="Draft review")


def _lead_contact(cmd: commands.Review, ctx: Context) -> Contact | None:
    """The contact a draft's first word names (`/review siobhan Hi …`), matched as /met matches a
    name — the whole or first name, no prefixes, so "Hi" or "Thanks" never binds; else None."""
    if not cmd.lead:
        return None
    try:
        return find_contact(ctx.session, ctx.member, cmd.lead, strict=True)
    except ContactNotFound:
        return None
