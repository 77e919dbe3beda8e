"""/coach delete-my-data: ask once (with a button), then erase every row of the member.

The button's action id is `coach:deleteme:<member id>`; only that member may press it (bot.coach).
Typing `/coach delete-my-data confirm` does the same where there are no buttons.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot import commands
from bot.handlers.context import Context
from bot.models import Conference, Contact, Event, Member, Nudge
from bot.replies import Action, Reply, Verb
from bot.store.uow import mark_erased

CONFIRM_COMMAND = "/coach delete-my-data confirm"


def delete_my_data(cmd: commands.DeleteMyData, ctx: Context) -> Reply:
    if cmd.confirmed:
        return erase(ctx.session, ctx.member)
    count = ctx.session.scalar(select(func.count(Contact.id)).where(Contact.member_id == ctx.member.id)) or 0
    button = Action("Yes, delete everything", Verb.DELETE_ME, ctx.member.id, CONFIRM_COMMAND)
    return Reply(
        f"This deletes everything I store about you: {count} contact{'s' if count != 1 else ''}, their notes "
        "and history, every reminder, and your settings. It cannot be undone — /coach export first if you "
        "want a copy.",
        actions=(button,),
        title="Delete all your data?",
    )


def erase(session: Session, member: Member) -> Reply:
    """Delete the member and every row that belongs to them, in the caller's transaction."""
    mark_erased(session)
    member.notice = None  # nothing left to tell them afterwards
    session.flush()
    contact_ids = select(Contact.id).where(Contact.member_id == member.id).scalar_subquery()
    options = {"synchronize_session": False}
    session.execute(delete(Event).where(Event.contact_id.in_(contact_ids)), execution_options=options)
    session.execute(delete(Nudge).where(Nudge.member_id == member.id), execution_options=options)
    session.execute(delete(Contact).where(Contact.member_id == member.id), execution_options=options)
    session.execute(delete(Conference).where(Conference.member_id == member.id), execution_options=options)
    session.execute(delete(Member).where(Member.id == member.id), execution_options=options)
    session.expunge_all()  # the deleted objects must not be flushed again
    return Reply("Done: I deleted everything I stored about you. If you use the coach again, it starts fresh.")
