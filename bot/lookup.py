"""Read-only questions adapters ask while a member types: their own contact names (for autocomplete) and
whether they have told the coach their timezone. Every query is scoped to the asking member; nothing is
created or changed here."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands import without_controls
from bot.identity import Actor
from bot.limits import MAX_NAME
from bot.models import Contact, Member
from bot.store.repository import is_actor, name_key
from bot.store.uow import UnitOfWork

MAX_SUGGESTIONS = 25


def _member_id(actor: Actor) -> Select[int]:
    """The member the actor acts as: its own row's id, or the canonical member's it is linked to."""
    return select(func.coalesce(Member.linked_to, Member.id)).where(is_actor(actor))


def contact_names(
    sessions: sessionmaker[Session], actor: Actor, typed: str = "", limit: int = MAX_SUGGESTIONS
) -> list[str]:
    """The actor's own contact names containing `typed` (case-insensitive), most recently met first."""
    needle = name_key(without_controls(typed))[:MAX_NAME]
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = (
        select(Contact.name)
        .where(Contact.member_id.in_(_member_id(actor).scalar_subquery()))
        .order_by(Contact.met_at.desc(), Contact.id.desc())
        .limit(max(1, min(limit, MAX_SUGGESTIONS)))
    )
    if needle:
        query = query.where(Contact.name_key.like(f"%{escaped}%", escape="\\"))
    with UnitOfWork(sessions, read_only=True) as uow:
        return list(uow.session.scalars(query))


def timezone_question_due(sessions: sessionmaker[Session], actor: Actor) -> bool:
    """Ask for a timezone once: with the member's first contact, unless their platform told us or they chose."""
    member_id = _member_id(actor).scalar_subquery()
    with UnitOfWork(sessions, read_only=True) as uow:
        confirmed = uow.session.scalars(select(Member.timezone_confirmed).where(Member.id == member_id)).first()
        contacts = uow.session.scalar(select(func.count()).select_from(Contact).where(Contact.member_id == member_id))
    return confirmed is False and (contacts or 0) <= 1
