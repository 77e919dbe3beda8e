"""/review: a pasted draft, judged by bot/review — against a contact's stored details when named."""

from __future__ import annotations

from bot import commands
from bot.handlers.contacts import draft_context
from bot.handlers.context import Context
from bot.models import Stage
from bot.replies import Reply
from bot.review import MessageKind, format_review, review

FOLLOW_UP_STAGES = {Stage.WAITING.value, Stage.FOLLOWED_UP.value}


def review_draft(cmd: commands.Review, ctx: Context) -> Reply:
    context, kind = None, None
    if cmd.who is not None:
        contact = ctx.contact(cmd.who)
        context = draft_context(contact, ctx.member)
        if contact.stage in FOLLOW_UP_STAGES:  # they have had a message already: judge it as a follow-up
            kind = MessageKind.FOLLOW_UP
    result = review(cmd.draft, context, kind=kind)
    return Reply(format_review(result), title="Draft review")
