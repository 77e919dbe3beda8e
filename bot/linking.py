"""Linked accounts (`/coach link`): one member across Slack workspaces, Discord servers and the console.

One member row is canonical: it owns every contact, nudge, conference and setting. A linked account's row
points at it (`members.linked_to`) and owns nothing but its identity, so every handler, query and lock
works on the canonical member unchanged (`bot.store.repository.canonical`, `lock_member`).

Joining takes three steps, each its own unit of work: `/coach link` gives the asking account a one-time
code (`link_codes`: only its SHA-256 is kept, 10 minutes, single use); `/coach link <code>` from the other
account claims it and plans a LINK_REQUEST DM to the code's account ("… wants to share your contact book:
Allow · Deny"), which the dispatcher delivers like any nudge; only *Allow* joins the two. Wrong codes are
counted per account: 5 an hour. Unlinking keeps the shared book with the accounts that stay; the account
that leaves starts empty, with a copy of the settings.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.models import Conference, Contact, LinkCode, Member, Nudge, NudgeKind, NudgeState
from bot.planner import reschedule_all
from bot.recap import replan_recaps
from bot.replies import Action, Reply, Verb
from bot.store.repository import accounts_of, free_name, match_words, name_key

CODE_TTL = timedelta(minutes=10)
ANSWER_TTL = timedelta(hours=1)  # how long the code's account has to Allow or Deny
MAX_TRIES = 5  # wrong codes an account may type…
TRY_WINDOW = timedelta(hours=1)  # …in this long
# 31 symbols without look-alikes (0/O, 1/I/L): 10 of them are 49.5 bits, read aloud or typed easily.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
PLATFORM_NAMES = {"slack": "Slack", "discord": "Discord", "console": "console"}
SETTINGS = ("timezone", "timezone_confirmed", "work_start_hour", "work_end_hour", "work_start_minute",
            "work_end_minute", "work_days", "checkin_days", "paused", "digest_on",
            "model_drafts")
OWN_KEYS = {NudgeKind.WEEKLY_DIGEST.value: "week", NudgeKind.EVENT_RECAP.value: "day"}


def new_code() -> str:
    """`K7QM2-XW9PD`: from the secrets module."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def code_hash(code: str) -> str:
    """What the store keeps of a code: the SHA-256 of its letters, dash and case aside."""
    return hashlib.sha256(code.replace("-", "").upper().encode()).hexdigest()


def account_words(account: Member) -> str:
    """`Discord user Ana (server 123)`, `Slack user jane (workspace T1)`: which account, in words."""
    platform = PLATFORM_NAMES.get(account.platform, account.platform)
    who = account.display_name or account.user_id
    where = {"slack": "workspace", "discord": "server"}.get(account.platform)
    return f"{platform} user {who}" + (f" ({where} {account.workspace_id})" if where and account.workspace_id else "")


def note_use(member: Member, account: Member) -> None:
    """Nudges follow the account last used, in a group whose member did not pin one (a write only on change)."""
    in_group = member is not account or member.deliver_id is not None
    if in_group and not member.deliver_pinned and member.deliver_id != account.id:
        member.deliver_id = account.id


# --- /coach link -----------------------------------------------------------------------------------


def issue_code(session: Session, account: Member, now: datetime) -> str:
    """A fresh code for `account`; its earlier unclaimed codes stop working."""
    session.execute(update(LinkCode).where(LinkCode.member_id == account.id, LinkCode.claimed_by.is_(None),
                                           LinkCode.expires_at > now).values(expires_at=now))
    code = new_code()
    session.add(LinkCode(member_id=account.id, code_hash=code_hash(code), created_at=now, expires_at=now + CODE_TTL))
    session.flush()
    return code


def tries_left(account: Member, now: datetime) -> int:
    if account.link_tries_since is None or now - account.link_tries_since >= TRY_WINDOW:
        return MAX_TRIES
    return max(0, MAX_TRIES - account.link_tries)


def count_wrong(account: Member, now: datetime) -> int:
    """One more wrong code from `account`; the tries it has left this hour."""
    if account.link_tries_since is None or now - account.link_tries_since >= TRY_WINDOW:
        account.link_tries, account.link_tries_since = 0, now
    account.link_tries += 1
    return max(0, MAX_TRIES - account.link_tries)


def claim_code(session: Session, account: Member, member: Member, code: str, now: datetime) -> Reply:
    """`/coach link <code>` typed from `account` (whose member is `member`)."""
    if tries_left(account, now) == 0:
        assert account.link_tries_since is not None
        wait = max(1, int((account.link_tries_since + TRY_WINDOW - now).total_seconds() // 60) + 1)
        return Reply(f"Too many wrong codes from this account. Try again in {wait} minutes, with a fresh code "
                     "from /coach link on your other account.", error=True)
    found = session.scalars(select(LinkCode).where(LinkCode.code_hash == code_hash(code))
                            .with_for_update()).one_or_none()
    if found is None:
        left = count_wrong(account, now)
        return Reply(f"That isn't a code I gave out. Check it against your other account ({left} "
                     f"{'try' if left == 1 else 'tries'} left this hour).", error=True)
    owner = session.get(Member, found.member_id)
    if owner is None:
        return Reply("That code's account is gone. Ask for a new code with /coach link.", error=True)
    if found.claimed_by is not None:
        return Reply("That code was already used: each code works once. Type /coach link on your other account "
                     "for a new one.", error=True)
    if found.expires_at <= now:
        return Reply("That code has expired (codes last 10 minutes). Type /coach link on your other account for a "
                     "new one.", error=True)
    if owner.id == account.id or (owner.linked_to or owner.id) == member.id:
        return Reply("That code is for this account's own contact book: type it on your other account (the other "
                     "platform, workspace or server).", error=True)
    found.claimed_by, found.claimed_at = account.id, now
    request = Nudge(member_id=owner.id, contact_id=None, kind=NudgeKind.LINK_REQUEST, due_at=now,
                    state=NudgeState.PENDING, attempts=0, created_at=now)
    session.add(request)
    session.flush()
    found.nudge_id = request.id
    return Reply(f"I've asked your {PLATFORM_NAMES.get(owner.platform, owner.platform)} account to confirm: "
                 f"press Allow in the message I just sent there (within an hour). Nothing is shared until then.")


def compose_link_requests(session: Session, rows: Sequence[Any], now: datetime) -> dict[int, Reply]:
    """LINK_REQUEST rows (id, member_id) → their DMs: "… wants to share your contact book: Allow · Deny"."""
    replies: dict[int, Reply] = {}
    for row in rows:
        code = session.scalars(select(LinkCode).where(LinkCode.nudge_id == row.id)).first()
        asker = session.get(Member, code.claimed_by) if code is not None and code.claimed_by is not None else None
        if code is None or asker is None or code.answer is not None or now - (code.claimed_at or now) > ANSWER_TTL:
            continue
        who = account_words(asker)
        replies[row.id] = Reply(
            f"{who} wants to share your contact book: your contacts, reminders, settings and Monday digest "
            f"would be one, on both accounts. Only allow it if that account is yours. (Typed: /coach link allow "
            f"or /coach link deny.)",
            actions=(Action("Allow", Verb.ALLOW, code.id, "/coach link allow"),
                     Action("Deny", Verb.DENY, code.id, "/coach link deny")),
            title="Link another account?")
    return replies


def open_request(session: Session, account: Member, now: datetime) -> LinkCode | None:
    """The latest request waiting for `account`'s answer (for `/coach link allow|deny` typed)."""
    query = (select(LinkCode).where(LinkCode.member_id == account.id, LinkCode.claimed_by.is_not(None),
                                    LinkCode.answer.is_(None), LinkCode.claimed_at > now - ANSWER_TTL)
             .order_by(LinkCode.id.desc()).limit(1))
    return session.scalars(query).first()


def answer(session: Session, code: LinkCode, member: Member, allow: bool, now: datetime,
           asker_member: Member | None) -> Reply:
    """Allow or Deny on a claimed code; `member` is the code's account's canonical member (locked), and
    `asker_member` the canonical member of the account that typed the code (locked)."""
    if code.answer is not None:
        return Reply(f"Already answered: {code.answer}.")
    asker = session.get(Member, code.claimed_by) if code.claimed_by is not None else None
    if asker is None or asker_member is None or code.claimed_at is None or now - code.claimed_at > ANSWER_TTL:
        return Reply("That request has expired. Start again with /coach link.", error=True)
    code.answer, code.answered_at = ("allowed" if allow else "denied"), now
    who = account_words(asker)
    if not allow:
        asker.notice = "Your request to link accounts was declined; nothing was shared."
        return Reply(f"Declined: nothing is shared with {who}.")
    if asker_member.id == member.id:
        return Reply(f"{who} already shares this contact book.")
    moved, duplicates = join(session, member, asker_member, now)
    asker.notice = ("Linked: this account now shares the contact book of your "
                    f"{PLATFORM_NAMES.get(member.platform, member.platform)} account (its settings apply).")
    lines = [f"Linked: {who} now shares this contact book — {moved} contact{'s' if moved != 1 else ''} came "
             f"over from it, and your settings here apply to both. Nudges and the Monday digest go to where you "
             f"last used me (/coach settings deliver slack|discord to choose). /coach unlink separates them."]
    lines += duplicate_lines(duplicates)
    return Reply("\n".join(lines))


def duplicate_lines(pairs: Sequence[tuple[Contact, Contact]]) -> list[str]:
    if not pairs:
        return []
    lines = ["These look like the same person — merge each with /coach merge, or leave them apart:"]
    for keep, other in pairs[:10]:
        lines.append(f"• {keep.name} and {other.name}: /coach merge {_quoted(keep.name)} {_quoted(other.name)}")
    if len(pairs) > 10:
        lines.append(f"…and {len(pairs) - 10} more.")
    return lines


def _quoted(name: str) -> str:
    return f'"{name}"' if '"' not in name else f"'{name}'"


# --- joining and separating --------------------------------------------------------------------------


def join(session: Session, keep: Member, other: Member, now: datetime) -> tuple[int, list[tuple[Contact, Contact]]]:
    """`other`'s group joins `keep`'s: its accounts point at `keep`, its data moves there (a contact whose
    name is taken gets `name (2)`). `keep`'s settings stay. Returns how many contacts moved, and the pairs
    that look like the same person (same folded name, or the same platform user) — never merged here."""
    before = {c.id for c in session.scalars(select(Contact).where(Contact.member_id == keep.id))}
    moved = move_data(session, other, keep)
    session.execute(update(Member).where(Member.linked_to == other.id).values(linked_to=keep.id))
    other.linked_to, other.deliver_id, other.deliver_pinned = keep.id, None, False
    if keep.deliver_id is None:
        keep.deliver_id = keep.id
    session.flush()
    _replan(session, keep, now)
    contacts = list(session.scalars(select(Contact).where(Contact.member_id == keep.id).order_by(Contact.id)))
    return moved, look_alikes([c for c in contacts if c.id in before], [c for c in contacts if c.id not in before])


def look_alikes(old: Sequence[Contact], new: Sequence[Contact]) -> list[tuple[Contact, Contact]]:
    by_words = {" ".join(match_words(c.name)): c for c in old}
    by_user = {c.platform_user_id: c for c in old if c.platform_user_id}
    pairs = []
    for contact in new:
        base = contact.name.rsplit(" (", 1)[0] if contact.name.endswith(")") else contact.name
        twin = by_user.get(contact.platform_user_id or "") or by_words.get(" ".join(match_words(base)))
        if twin is not None:
            pairs.append((twin, contact))
    return pairs


def move_data(session: Session, source: Member, target: Member) -> int:
    """Every contact, nudge and conference of `source` now `target`'s. A digest or recap row whose week or
    day `target` already has stays behind (cancelled when pending): one per member and week or day."""
    contacts = list(session.scalars(select(Contact).where(Contact.member_id == source.id).order_by(Contact.id)))
    for contact in contacts:
        if session.scalars(select(Contact.id).where(Contact.member_id == target.id,
                                                    Contact.name_key == contact.name_key)).first() is not None:
            contact.name = free_name(session, target, contact.name)
            contact.name_key = name_key(contact.name)
        contact.member_id = target.id
        session.flush()
    session.execute(update(Conference).where(Conference.member_id == source.id).values(member_id=target.id))
    for kind, key in OWN_KEYS.items():
        column = getattr(Nudge, key)
        taken = select(column).where(Nudge.member_id == target.id, column.is_not(None)).scalar_subquery()
        clash = (Nudge.member_id == source.id, Nudge.kind == kind, column.in_(taken))
        session.execute(update(Nudge).where(*clash, Nudge.state == NudgeState.PENDING)
                        .values(state=NudgeState.CANCELLED, last_error="linked: the other account's row went out"),
                        execution_options={"synchronize_session": False})
        session.execute(update(Nudge).where(Nudge.member_id == source.id, Nudge.kind == kind, column.not_in(taken))
                        .values(member_id=target.id), execution_options={"synchronize_session": False})
    session.execute(update(Nudge).where(Nudge.member_id == source.id,
                                        Nudge.kind.not_in([*OWN_KEYS, NudgeKind.LINK_REQUEST.value]))
                    .values(member_id=target.id), execution_options={"synchronize_session": False})
    session.flush()
    return len(contacts)


def unlink(session: Session, account: Member, member: Member, now: datetime) -> Member:
    """Separate `account` from its group (`member`, canonical). The shared book stays with the accounts that
    remain; `account` starts empty with a copy of the settings. Returns the group's canonical member now."""
    others = [a for a in accounts_of(session, member) if a.id != account.id]
    if account.id == member.id:  # the canonical account leaves: the book moves to the next account
        preferred = next((a for a in others if a.id == member.deliver_id), others[0])
        heir = preferred
        heir.linked_to = None
        for setting in SETTINGS:
            setattr(heir, setting, getattr(member, setting))
        session.flush()
        move_data(session, member, heir)
        session.execute(update(Member).where(Member.linked_to == member.id).values(linked_to=heir.id))
        heir.deliver_pinned = member.deliver_pinned and member.deliver_id != member.id
        heir.deliver_id = (member.deliver_id if member.deliver_id not in (None, member.id) else heir.id)
        member.deliver_id, member.deliver_pinned = None, False
        session.flush()
        session.refresh(heir)
        remaining = heir
    else:
        account.linked_to, account.deliver_id, account.deliver_pinned = None, None, False
        for setting in SETTINGS:
            setattr(account, setting, getattr(member, setting))
        if member.deliver_id == account.id:
            member.deliver_id, member.deliver_pinned = member.id, False
        remaining = member
    session.flush()
    if session.scalar(select(func.count(Member.id)).where(Member.linked_to == remaining.id)) == 0:
        remaining.deliver_id, remaining.deliver_pinned = None, False
    _replan(session, remaining, now)
    return remaining


def erase_accounts(session: Session, member: Member) -> list[Member]:
    """Delete the linked accounts of `member` (their own rows: link requests, codes, leftover digests);
    the caller erases `member` itself. Returns the accounts deleted."""
    linked = accounts_of(session, member)[1:]
    ids = [a.id for a in linked]
    options = {"synchronize_session": False}
    if ids:
        session.execute(delete(Nudge).where(Nudge.member_id.in_(ids)), execution_options=options)
        session.execute(delete(LinkCode).where(LinkCode.member_id.in_(ids) | LinkCode.claimed_by.in_(ids)),
                        execution_options=options)
        session.execute(delete(Member).where(Member.id.in_(ids)), execution_options=options)
    session.execute(delete(LinkCode).where((LinkCode.member_id == member.id) | (LinkCode.claimed_by == member.id)),
                    execution_options=options)
    return linked


def _replan(session: Session, member: Member, now: datetime) -> None:
    reschedule_all(session, member, now)
    replan_recaps(session, member, now)
