"""/coach link, /coach unlink, /coach merge and `settings deliver`: one member across accounts (bot/linking.py)."""

from __future__ import annotations

from sqlalchemy import delete, update

from bot import commands
from bot.commands import UsageError
from bot.handlers.context import Context
from bot.linking import (
    PLATFORM_NAMES,
    account_words,
    answer,
    claim_code,
    issue_code,
    open_request,
    unlink,
)
from bot.models import Event, Member, Nudge
from bot.nudges import quoted
from bot.planner import reschedule
from bot.replies import Action, Reply, Verb, error
from bot.store.repository import accounts_of, canonical, lock_group
from bot.store.uow import mark_erased


def link(cmd: commands.Link, ctx: Context) -> Reply:
    account = ctx.account or ctx.member
    if cmd.answer is not None:
        request = open_request(ctx.session, account, ctx.now)
        if request is None:
            return error("No link request is waiting for this account. /coach link starts one.")
        asker = ctx.session.get(Member, request.claimed_by) if request.claimed_by is not None else None
        asker_member = lock_group(ctx.session, asker) if asker is not None else None
        return answer(ctx.session, request, ctx.member, cmd.answer == "allow", ctx.now, asker_member)
    if cmd.code is not None:
        return claim_code(ctx.session, account, ctx.member, cmd.code, ctx.now)
    code = issue_code(ctx.session, account, ctx.now)
    linked = len(accounts_of(ctx.session, ctx.member)) - 1
    already = f" (This contact book is already shared by {linked + 1} accounts.)" if linked else ""
    return Reply(
        f"Your link code: {code}\nOn your other account (another Slack workspace, a Discord server, or the "
        f"console), type /coach link {code} within 10 minutes. I'll then ask you here to Allow it; only then "
        f"do the two share one contact book, ladder, settings and Monday digest. The code works once.{already}",
        title="Link another account")


def unlink_account(cmd: commands.Unlink, ctx: Context) -> Reply:
    account = ctx.account or ctx.member
    accounts = accounts_of(ctx.session, ctx.member)
    if len(accounts) == 1:
        return error("This account isn't linked to another. /coach link links one.")
    others = ", ".join(account_words(a) for a in accounts if a.id != account.id)
    if not cmd.confirmed:
        return Reply(
            f"This separates this account from {others}. The shared contact book — contacts, reminders, "
            f"events and settings — stays with {'it' if len(accounts) == 2 else 'them'}; this account starts "
            f"empty, with a copy of your settings. (To keep the book here instead, unlink from the other "
            f"account.) To go ahead: /coach unlink confirm",
            actions=(Action("Yes, unlink this account", Verb.UNLINK, account.id, "/coach unlink confirm"),),
            title="Unlink this account?")
    return separate(ctx, account)


def separate(ctx: Context, account: Member) -> Reply:
    """Unlink `account` from its group (the caller holds both locks)."""
    remaining = unlink(ctx.session, account, ctx.member, ctx.now)
    where = PLATFORM_NAMES.get(remaining.platform, remaining.platform)
    return Reply(f"Unlinked. This account starts fresh, with a copy of your settings; the shared contact book "
                 f"stays with your {where} account. /coach link joins them again.")


def merge(cmd: commands.Merge, ctx: Context) -> Reply:
    """Two contacts that are one person: `other`'s meetings, notes, tags and interests join `keep`."""
    keep, other = ctx.contact(cmd.keep), ctx.contact(cmd.other)
    if keep.id == other.id:
        return error(f"{keep.name!r} and {cmd.other.name!r} are the same contact already.")
    keep.notes = "\n".join(part for part in (keep.notes, other.notes) if part) or None
    keep.tags = list(dict.fromkeys([*(keep.tags or []), *(other.tags or [])]))
    keep.interests = list(dict.fromkeys([*(keep.interests or []), *(other.interests or [])]))
    keep.offer = keep.offer or other.offer
    keep.platform_user_id = keep.platform_user_id or other.platform_user_id
    if other.met_at > keep.met_at:
        keep.met_at, keep.where_met, keep.conference_id = other.met_at, other.where_met, other.conference_id
    name = other.name
    options = {"synchronize_session": False}
    ctx.session.execute(update(Event).where(Event.contact_id == other.id).values(contact_id=keep.id),
                        execution_options=options)
    ctx.session.execute(delete(Nudge).where(Nudge.contact_id == other.id), execution_options=options)
    ctx.session.flush()
    ctx.session.expire(keep, ["events"])
    ctx.session.expire(other, ["events"])  # moved: deleting `other` must not take them along
    ctx.session.delete(other)
    ctx.session.flush()
    mark_erased(ctx.session)
    reschedule(ctx.session, keep, ctx.now)
    return Reply(f"Merged {name} into {keep.name}: one contact, with both histories and notes. "
                 f"/coach show {quoted(keep.name)} has it all.")


def deliver(member: Member, account: Member, ctx: Context, where: str) -> str:
    """`/coach settings deliver slack|discord|auto`: which account nudges and the digest go to."""
    accounts = accounts_of(ctx.session, member)
    if where == "auto":
        member.deliver_pinned = False
        member.deliver_id = account.id if len(accounts) > 1 else None
        return "Nudges and the Monday digest go to where you last used me."
    if account.platform == where:
        chosen: Member | None = account
    else:
        chosen = next((a for a in accounts if a.platform == where), None)
    if chosen is None:
        raise UsageError(f"No {PLATFORM_NAMES.get(where, where)} account shares this contact book. "
                         "/coach link links one.")
    member.deliver_id, member.deliver_pinned = chosen.id, True
    return f"Nudges and the Monday digest go to {account_words(chosen)} from now on."


def delivery_line(ctx: Context) -> str | None:
    """`Nudges go to: Discord user ana (where you last used me)` for /coach settings, in a linked group."""
    accounts = accounts_of(ctx.session, ctx.member)
    if len(accounts) == 1:
        return None
    target = next((a for a in accounts if a.id == ctx.member.deliver_id), ctx.member)
    how = "you chose it" if ctx.member.deliver_pinned else "where you last used me"
    names = ", ".join(account_words(a) for a in accounts)
    return f"Linked accounts: {names}\nNudges go to: {account_words(target)} — {how}"


def unlink_pressed(ctx: Context, account_id: int) -> Reply | None:
    """The *Yes, unlink* button: None when it isn't this group's account."""
    account = ctx.session.get(Member, account_id)
    if account is None or canonical(ctx.session, account).id != ctx.member.id:
        return None
    if len(accounts_of(ctx.session, ctx.member)) == 1:
        return Reply("This account isn't linked any more.")
    return separate(ctx, account)
