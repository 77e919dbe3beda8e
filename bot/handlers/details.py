"""More about someone just recorded (a form's *Add details*): fill in the contact, log no new meeting."""

from __future__ import annotations

from bot.commands import AddDetails
from bot.handlers.contacts import _merge_details, met
from bot.handlers.context import Context
from bot.nudges import quoted
from bot.replies import Reply
from bot.store.repository import existing_contact


def add_details(cmd: AddDetails, ctx: Context) -> Reply:
    contact = existing_contact(ctx.session, ctx.member, cmd.who.name, cmd.who.user_id)
    if contact is None:
        return met(cmd.as_met(), ctx)
    _merge_details(contact, cmd.as_met())
    ctx.session.flush()
    added = [label for label, value in (("where you met", cmd.where), ("notes", cmd.notes),
                                        ("common interests", cmd.interests), ("what you can offer", cmd.offer))
             if value]
    what = ", ".join(added) if added else "nothing new"
    return Reply(f"Updated {contact.name}: {what}. /coach show {quoted(contact.name)} shows everything.")

