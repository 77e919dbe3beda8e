"""Queries over the coach's tables. Every contact query is scoped to one member."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from bot.identity import Actor
from bot.limits import name_key
from bot.models import Contact, Member, Nudge, NudgeState
from bot.timefmt import local_date


class ContactNotFound(LookupError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)


class AmbiguousContact(LookupError):
    """Several contacts answer to `name`; `candidates` are their names, `hints` what tells each apart."""

    def __init__(self, name: str, candidates: Sequence[str], hints: Sequence[str] = ()) -> None:
        self.name, self.candidates = name, tuple(candidates)
        self.hints = tuple(hints) or tuple("" for _ in self.candidates)
        super().__init__(name)


_SEPARATORS = re.compile(r"[\s_.\-]+")


def match_words(name: str) -> list[str]:
    """A name as words to match typed text against: case and accents folded, handles split at `_ . -`
    ("raj_patel" → raj, patel; "José" → jose)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [word for word in _SEPARATORS.split(plain.strip(" @")) if word]


def is_actor(actor: Actor) -> ColumnElement[bool]:
    """The WHERE clause that picks the actor's own member row."""
    return and_(
        Member.platform == actor.platform,
        Member.workspace_id == actor.workspace_id,
        Member.user_id == actor.user_id,
    )


MEMBER_LOCK_SPACE = 0x0C0A  # first key of the per-person advisory locks (the second: a hash of the person)


def lock_person(session: Session, platform: str, user_id: str) -> None:
    """Serialise this person's units of work until the transaction ends. Two requests at once — a double
    submit, a replayed request, two replicas — then read what the other wrote instead of racing to
    insert it, and the caller reads the clock after this returns, so the later request has the later
    time. PostgreSQL: a transaction-scoped advisory lock, by platform and user only (a DM click may not
    say its workspace; a hash collision only makes two people wait for each other a moment). SQLite:
    the transaction starts here, and its BEGIN IMMEDIATE takes the one write lock (every writer waits)."""
    if session.get_bind().dialect.name != "postgresql":
        session.connection()  # begins the transaction: BEGIN IMMEDIATE (bot/store/engine.py)
        return
    session.execute(text("SELECT pg_advisory_xact_lock(:space, hashtext(:person))"),
                    {"space": MEMBER_LOCK_SPACE, "person": f"{platform}\x1f{user_id}"})


def find_member(session: Session, actor: Actor) -> Member | None:
    """The member the actor acts as: their own row, or the canonical member their account is linked to."""
    account = session.scalars(select(Member).where(is_actor(actor))).one_or_none()
    return None if account is None else canonical(session, account)


def canonical(session: Session, account: Member) -> Member:
    """The member that owns `account`'s contacts, nudges and settings: itself, or the one it is linked to."""
    if account.linked_to is None:
        return account
    return session.get(Member, account.linked_to) or account


def accounts_of(session: Session, member: Member) -> list[Member]:
    """Every account of a canonical member: itself first, then the accounts linked to it, oldest first."""
    linked = session.scalars(select(Member).where(Member.linked_to == member.id).order_by(Member.id)).all()
    return [member, *linked]


def lock_member(session: Session, account: Member) -> Member:
    """The canonical member of `account` (whose person lock the caller already holds), locked too: so
    requests from two linked accounts — two platforms pressing at once — run one after the other. Re-read
    after the lock, so what another request committed meanwhile (a link, an unlink) is what we see."""
    member = canonical(session, account)
    return member if member is account else lock_group(session, account)


def lock_group(session: Session, account: Member) -> Member:
    """`account`'s canonical member, locked, when the caller holds no lock of `account` (another person's)."""
    member = canonical(session, account)
    lock_person(session, member.platform, member.user_id)
    session.flush()  # what this unit changed so far (a new display name) is kept through the re-read
    session.refresh(account)
    member = canonical(session, account)
    session.refresh(member)
    return member


def acts_for(session: Session, actor: Actor, member: Member) -> bool:
    """The actor is `member` or one of the accounts linked to it (by platform and user id: a DM click may
    not say its workspace)."""
    if _same_account(actor, member.platform, member.workspace_id, member.user_id):
        return True
    query = select(Member.workspace_id).where(Member.linked_to == member.id, Member.platform == actor.platform,
                                              Member.user_id == actor.user_id)
    return any(actor.workspace_id in (workspace, "") for workspace in session.scalars(query))


def _same_account(actor: Actor, platform: str, workspace_id: str, user_id: str) -> bool:
    return (actor.platform, actor.user_id) == (platform, user_id) and actor.workspace_id in (workspace_id, "")


def member_for(session: Session, actor: Actor, now: datetime, default_timezone: str) -> Member:
    """The actor's member row, created on first contact with the coach."""
    query = select(Member).where(is_actor(actor))
    member = session.scalars(query).one_or_none()
    if member is not None:
        if actor.display_name and member.display_name != actor.display_name:
            member.display_name = actor.display_name
        return member
    member = new_member(actor, now, default_timezone)
    try:
        with session.begin_nested():
            session.add(member)
    except IntegrityError:  # another replica created it a moment ago
        member = session.scalars(query).one()
    return member


def new_member(actor: Actor, now: datetime, default_timezone: str) -> Member:
    """A member row for the actor as their first command creates it (not added to any session)."""
    return Member(
        platform=actor.platform,
        workspace_id=actor.workspace_id,
        user_id=actor.user_id,
        display_name=actor.display_name,
        timezone=actor.timezone or default_timezone,
        timezone_confirmed=actor.timezone is not None,
        work_start_hour=9,
        work_end_hour=18,
        work_start_minute=0,
        work_end_minute=0,
        work_days="01234",
        checkin_days=90,
        paused=False,
        created_at=now,
    )


def find_contact(session: Session, member: Member, name: str, user_id: str | None = None, *,
                 strict: bool = False) -> Contact:
    """The member's contact called `name` (a typed name or an @handle's name), or with platform `user_id`.

    By platform id, then exact name — both index lookups — then the closest tier of looser matches, read
    from the member's contact names only: the whole name with case, accents and handle separators folded;
    the first name; a prefix of the name; any one word of it. A tier with several contacts is ambiguous
    (AmbiguousContact lists them and what tells them apart). `strict` stops after the first name: what
    /met and a draft's first word use, where a prefix ("Jo", "Hi") is more likely someone new."""
    if user_id:
        by_id = _contact_query(member).where(Contact.platform_user_id == user_id).order_by(Contact.id).limit(1)
        if (found := session.scalars(by_id).first()) is not None:
            return found
    exact = session.scalars(_contact_query(member).where(Contact.name_key == name_key(name))).first()
    if exact is not None:
        return exact
    return closest_contact(session, member, name, strict=strict)


def closest_contact(session: Session, member: Member, name: str, *, strict: bool = False) -> Contact:
    """`find_contact`'s looser tiers alone, for a caller that already looked up the platform id and the exact
    name (/met: `existing_contact`)."""
    typed = match_words(name)
    if not typed:
        raise ContactNotFound(name)
    rows = session.execute(select(Contact.id, Contact.name, Contact.name_key).where(Contact.member_id == member.id))
    names = sorted(rows, key=lambda row: row.name_key)  # a tier lists its contacts in name order
    words = {row.id: match_words(row.name) for row in names}
    joined = " ".join(typed)
    tiers: tuple[Callable[[list[str]], bool], ...] = (
        lambda w: w == typed,
        lambda w: w[:1] == typed,
        lambda w: len(w) >= len(typed) and all(a.startswith(b) for a, b in zip(w, typed, strict=False)),
        lambda w: " ".join(w).startswith(joined),
        lambda w: len(typed) == 1 and typed[0] in w,
    )
    for matches in tiers[:2] if strict else tiers:
        found_ids = [row.id for row in names if matches(words[row.id])]
        if len(found_ids) == 1:
            return session.get_one(Contact, found_ids[0])
        if found_ids:
            raise _ambiguous(session, member, name, found_ids)
    raise ContactNotFound(name)


def _contact_query(member: Member) -> Select[Contact]:
    return select(Contact).where(Contact.member_id == member.id)


def _ambiguous(session: Session, member: Member, name: str, ids: Sequence[int]) -> AmbiguousContact:
    """AmbiguousContact for these contacts, in the order given, each with where and when it was met."""
    found = {row.id: row for row in session.execute(select(Contact.id, Contact.name, Contact.where_met, Contact.met_at)
                                                    .where(Contact.id.in_(ids)))}
    rows = [found[contact_id] for contact_id in ids]
    return AmbiguousContact(name, [row.name for row in rows],
                            [_tells_apart(row.where_met, row.met_at, member.timezone) for row in rows])


def _tells_apart(where_met: str | None, met_at: datetime, timezone: str) -> str:
    """`met at PyCon on Thu 5 Mar 2026`: where and when, so two Janes can be told apart."""
    where = f" at {where_met}" if where_met else ""
    return f"met{where} on {local_date(met_at, timezone)}"


def existing_contact(session: Session, member: Member, name: str, user_id: str | None = None) -> Contact | None:
    """The same person recorded before (same platform id or same name), if any."""
    if user_id:
        found = session.scalars(_contact_query(member).where(Contact.platform_user_id == user_id)).first()
        if found is not None:
            return found
    same_name = session.scalars(_contact_query(member).where(Contact.name_key == name_key(name))).first()
    if same_name is not None and user_id and same_name.platform_user_id not in (None, user_id):
        return None  # two different members who share a display name
    return same_name


def free_name(session: Session, member: Member, name: str) -> str:
    """`name`, or `name (2)`… when the member already has a different contact by that name."""
    keys = select(Contact.name_key).where(Contact.member_id == member.id,
                                          Contact.name_key.startswith(name_key(name), autoescape=True))
    taken = set(session.scalars(keys))  # every candidate's key starts with the name's own
    candidate, number = name, 2
    while name_key(candidate) in taken:
        candidate = f"{name} ({number})"
        number += 1
    return candidate


def contacts_of(session: Session, member: Member) -> list[Contact]:
    query = (
        select(Contact)
        .where(Contact.member_id == member.id)
        .options(selectinload(Contact.events))
        .order_by(Contact.met_at.desc(), Contact.id.desc())
    )
    return list(session.scalars(query))


def pending_nudge(session: Session, contact: Contact) -> Nudge | None:
    query = select(Nudge).where(Nudge.contact_id == contact.id, Nudge.state == NudgeState.PENDING)
    return session.scalars(query).one_or_none()


def pending_nudges_by_contact(session: Session, member: Member) -> dict[int, Nudge]:
    query = select(Nudge).where(Nudge.member_id == member.id, Nudge.state == NudgeState.PENDING,
                                Nudge.contact_id.is_not(None))
    return {nudge.contact_id: nudge for nudge in session.scalars(query) if nudge.contact_id is not None}
