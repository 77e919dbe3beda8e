"""/review: a pasted draft, judged by bot/review — against a contact's stored details when named."""

from __future__ import annotations

from bot import commands
from bot.handlers.contacts import draft_context
from bot.handlers.context import Context
from bot.replies import Reply
from bot.review import format_review, review
from bot.store.repository import find_contact


def review_draft(cmd: commands.Review, ctx: Context) -> Reply:
    context = None
    if cmd.who is not None:
        contact = find_contact(ctx.session, ctx.member, cmd.who)
        context = draft_context(contact, ctx.member.display_name)
    result = review(cmd.draft, context)
    return Reply(format_review(result), title="Draft review")
