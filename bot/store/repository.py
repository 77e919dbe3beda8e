"""Queries over the coach's tables. Every contact query is scoped to one member."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from bot.commands import Who
from bot.identity import Actor
from bot.models import Contact, Member, Nudge, NudgeState


class ContactNotFound(LookupError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)


class AmbiguousContact(LookupError):
    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name, self.candidates = name, tuple(candidates)
        super().__init__(name)


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def is_actor(actor: Actor) -> ColumnElement[bool]:
    """The WHERE clause that picks the actor's own member row."""
    return and_(
        Member.platform == actor.platform,
        Member.workspace_id == actor.workspace_id,
        Member.user_id == actor.user_id,
    )


MEMBER_LOCK_SPACE = 0x0C0A  # first key of the per-person advisory locks (the second: a hash of the person)


def lock_person(session: Session, platform: str, user_id: str) -> None:
    """Serialise this person's units of work until the transaction ends (PostgreSQL; SQLite's
    BEGIN IMMEDIATE already serialises every writer). Two requests at once — a double submit, a replayed
    request, two replicas — then read what the other wrote instead of racing to insert it.
    By platform and user only: a DM click may not say its workspace; a hash collision only makes two
    people wait for each other a moment."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text("SELECT pg_advisory_xact_lock(:space, hashtext(:person))"),
                    {"space": MEMBER_LOCK_SPACE, "person": f"{platform}\x1f{user_id}"})


def find_member(session: Session, actor: Actor) -> Member | None:
    return session.scalars(select(Member).where(is_actor(actor))).one_or_none()


def member_for(session: Session, actor: Actor, now: datetime, default_timezone: str) -> Member:
    """The actor's member row, created on first contact with the coach."""
    query = select(Member).where(is_actor(actor))
    member = session.scalars(query).one_or_none()
    if member is not None:
        if actor.display_name and member.display_name != actor.display_name:
            member.display_name = actor.display_name
        return member
    member = Member(
        platform=actor.platform,
        workspace_id=actor.workspace_id,
        user_id=actor.user_id,
        display_name=actor.display_name,
        timezone=actor.timezone or default_timezone,
        timezone_confirmed=actor.timezone is not None,
        work_start_hour=9,
        work_end_hour=18,
        work_days="01234",
        checkin_days=90,
        paused=False,
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(member)
    except IntegrityError:  # another replica created it a moment ago
        member = session.scalars(query).one()
    return member


def find_contact(session: Session, member: Member, who: Who) -> Contact:
    """By platform id, then exact name, then a unique first-name/prefix match."""
    contacts = list(session.scalars(select(Contact).where(Contact.member_id == member.id)))
    if who.user_id:
        for contact in contacts:
            if contact.platform_user_id == who.user_id:
                return contact
    key = name_key(who.name)
    exact = [c for c in contacts if c.name_key == key]
    if exact:
        return exact[0]
    partial = [c for c in contacts if c.name_key.startswith(key + " ") or c.name_key.split(" ")[0] == key]
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise AmbiguousContact(who.name, sorted(c.name for c in partial))
    raise ContactNotFound(who.name)


def existing_contact(session: Session, member: Member, who: Who) -> Contact | None:
    """The same person recorded before (same platform id or same name), if any."""
    query = select(Contact).where(Contact.member_id == member.id)
    if who.user_id:
        found = session.scalars(query.where(Contact.platform_user_id == who.user_id)).first()
        if found is not None:
            return found
    same_name = session.scalars(query.where(Contact.name_key == name_key(who.name))).first()
    if same_name is not None and who.user_id and same_name.platform_user_id not in (None, who.user_id):
        return None  # two different members who share a display name
    return same_name


def free_name(session: Session, member: Member, name: str) -> str:
    """`name`, or `name (2)`… when the member already has a different contact by that name."""
    taken = set(session.scalars(select(Contact.name_key).where(Contact.member_id == member.id)))
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
    query = select(Nudge).where(Nudge.contact_id == contact.id, Nudge.state == NudgeState.PENDING.value)
    return session.scalars(query).one_or_none()


def pending_nudges_by_contact(session: Session, member: Member) -> dict[int, Nudge]:
    query = select(Nudge).where(Nudge.member_id == member.id, Nudge.state == NudgeState.PENDING.value,
                                Nudge.contact_id.is_not(None))
    return {nudge.contact_id: nudge for nudge in session.scalars(query) if nudge.contact_id is not None}
