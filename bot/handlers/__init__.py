"""Use-case handlers: plain functions `handler(command, context) -> Reply`, one table wires them.

A new command is a dataclass in bot/commands.py, a function here, and a line in HANDLERS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot import commands
from bot.handlers import conference, contacts, data, details, digest, help, linking, privacy, review, settings
from bot.handlers.context import Context
from bot.replies import Reply

Handler = Callable[[Any, Context], Reply]

HANDLERS: dict[type, Handler] = {
    commands.Met: contacts.met,
    commands.Sent: contacts.sent,
    commands.Replied: contacts.replied,
    commands.Snooze: contacts.snooze,
    commands.MoveOn: contacts.move_on,
    commands.Show: contacts.show,
    commands.Draft: contacts.draft,
    commands.Forget: contacts.forget,
    commands.UndoMet: contacts.undo_met,
    commands.Purpose: contacts.set_purpose,
    commands.ListContacts: contacts.list_contacts,
    commands.ChangeSettings: settings.settings,
    commands.Export: data.export,
    commands.Digest: digest.digest,
    commands.Review: review.review_draft,
    commands.Help: help.show_help,
    commands.DeleteMyData: privacy.delete_my_data,
    commands.AddDetails: details.add_details,
    commands.MetMany: contacts.met_many,
    commands.Note: contacts.note,
    commands.StartEvent: conference.start_event,
    commands.EndEvent: conference.end_event,
    commands.ShowEvent: conference.show_event,
    commands.Link: linking.link,
    commands.Unlink: linking.unlink_account,
    commands.Merge: linking.merge,
}

__all__ = ["HANDLERS", "Context", "Handler"]
