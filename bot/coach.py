"""The core's use-case runner: who is asking and what they typed or clicked in, a Reply out. Each call is
one synchronous unit of work that commits whole or not at all, and refuses to run on an event loop's
thread. Adapters reach it through bot.api.CoachAPI, which runs it on its own executor."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.commands import Command, Export, Note, UsageError, Who, checked_actor, parse, parse_line
from bot.handlers import HANDLERS, Context
from bot.handlers.contacts import apply_verb, erase_contact, note, unknown_action
from bot.handlers.privacy import erase
from bot.identity import Actor
from bot.models import Contact, Event, EventKind, Member, Nudge
from bot.nudges import quoted
from bot.replies import Reply, Verb, error, parse_action_id
from bot.store.errors import describe, frames, is_transient
from bot.store.repository import (
    AmbiguousContact,
    ContactNotFound,
    find_member,
    lock_person,
    member_for,
    new_member,
)
from bot.store.uow import BlockingCall, UnitOfWork

log = logging.getLogger(__name__)
T = TypeVar("T")

ATTEMPTS = 3  # a unit of work that lost a race runs again, up to this many times in all
READ_ONLY_COMMANDS = (Export,)  # commands that only read: run in a read-only unit (Coach._reading)
OOPS = "Something went wrong on my side and nothing was saved. Please try again in a moment."


class CommandObserver(Protocol):
    """Optional hook for metrics: told the name, platform and outcome of every command and button."""

    def on_command(self, platform: str, command: str, ok: bool) -> None: ...


class Coach:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, default_timezone: str = "UTC",
                 observer: CommandObserver | None = None) -> None:
        self.sessions = sessions
        self.clock = clock
        self.default_timezone = default_timezone
        self.observer = observer

    def handle_line(self, actor: Actor, line: str) -> Reply:
        """A whole typed line, as in the console: `/met jane at PyCon`."""
        return self._parse_and_handle(actor, lambda: parse_line(line))

    def handle_text(self, actor: Actor, command: str, text: str) -> Reply:
        """A slash command and its text, as Slack delivers them."""
        return self._parse_and_handle(actor, lambda: parse(command, text))

    def handle(self, actor: Actor, command: Command) -> Reply:
        """A command built by the grammar or by an adapter from a form or options: either way it checked
        itself when it was built (bot.commands); the asker is checked here, before any unit of work."""
        handler = HANDLERS[type(command)]
        try:
            actor = checked_actor(actor)
        except UsageError as problem:
            return self._observed(actor, command_name(command), error(problem.text))
        unit = self._reading if isinstance(command, READ_ONLY_COMMANDS) else self._in_unit
        reply = self._guarded(lambda: unit(actor, lambda ctx: handler(command, ctx)))
        return self._observed(actor, command_name(command), reply)

    def press(self, actor: Actor, action_id: str) -> Reply:
        """A button on a nudge: `coach:<verb>:<nudge id>`. Only the nudge's own member may press it.

        Nudges arrive as DMs, where a platform may not say which workspace a click came from; the
        nudge's member is the one acting, provided the clicking user is that member.
        """
        parsed = parse_action_id(action_id)
        if parsed is None:
            return self._observed(actor, "button", unknown_action())
        try:
            actor = checked_actor(actor)
        except UsageError as problem:
            return self._observed(actor, "button", error(problem.text))
        if parsed.verb is Verb.DELETE_ME:
            return self._observed(actor, "button_deleteme", self._guarded(lambda: self._erase(actor, parsed.nudge_id)))
        if parsed.verb is Verb.FORGET:
            return self._observed(actor, "button_forget", self._guarded(lambda: self._forget(actor, parsed.nudge_id)))
        if parsed.verb is Verb.NOTE:
            return self._observed(actor, "button_note", self._guarded(lambda: self._note_hint(actor, parsed.nudge_id)))

        def act(session: Session) -> Reply:
            now = self.clock.now()
            nudge = session.get(Nudge, parsed.nudge_id)
            member = session.get(Member, nudge.member_id) if nudge is not None else None
            if nudge is None or member is None or not _is_member(actor, member):
                return unknown_action()
            contact = session.get(Contact, nudge.contact_id)
            if contact is None:
                return unknown_action()
            stale = _stale_answer(session, nudge, contact, parsed.verb)
            if stale is not None:
                return Reply(stale)
            return apply_verb(Context(session, member, now), contact, parsed.verb, nudge_id=nudge.id)

        def unit() -> Reply:
            with UnitOfWork(self.sessions) as uow:
                lock_person(uow.session, actor.platform, actor.user_id)
                reply = act(uow.session)
                uow.commit()
                return reply

        return self._observed(actor, f"button_{parsed.verb.value}", self._guarded(unit))

    def _erase(self, actor: Actor, member_id: int) -> Reply:
        """The delete-my-data button: only the member it names may press it."""
        with UnitOfWork(self.sessions) as uow:
            lock_person(uow.session, actor.platform, actor.user_id)
            member = uow.session.get(Member, member_id)
            if member is None or not _is_member(actor, member):
                return unknown_action()
            reply = erase(uow.session, member)
            uow.commit()
            return reply

    def _forget(self, actor: Actor, contact_id: int) -> Reply:
        """The forget button: only the contact's own member may press it; a second press finds nothing."""
        with UnitOfWork(self.sessions) as uow:
            lock_person(uow.session, actor.platform, actor.user_id)
            contact = uow.session.get(Contact, contact_id)
            member = uow.session.get(Member, contact.member_id) if contact is not None else None
            if contact is None:
                return Reply("That contact is already gone. /coach list shows the ones you have.")
            if member is None or not _is_member(actor, member):
                return unknown_action()
            reply = erase_contact(Context(uow.session, member, self.clock.now()), contact)
            uow.commit()
            return reply

    def note_target(self, actor: Actor, contact_id: int) -> tuple[str, str | None] | None:
        """The name and platform user id of the actor's own contact `contact_id` (a recap's *Add a note*
        opens the add-details form on it); None for anyone else's, or a contact gone."""
        with UnitOfWork(self.sessions) as uow:
            contact = uow.session.get(Contact, contact_id)
            member = uow.session.get(Member, contact.member_id) if contact is not None else None
            if contact is None or member is None or not _is_member(actor, member):
                return None
            return contact.name, contact.platform_user_id

    def add_note(self, actor: Actor, contact_id: int, text: str) -> Reply:
        """A note typed into a recap's *Add a note* form (Discord's modal): only the contact's own member
        may add it — from a DM, too, which does not say which server the member is in."""
        try:
            actor = checked_actor(actor)
        except UsageError as problem:
            return self._observed(actor, "note", error(problem.text))

        def unit() -> Reply:
            with UnitOfWork(self.sessions) as uow:
                lock_person(uow.session, actor.platform, actor.user_id)
                contact = uow.session.get(Contact, contact_id)
                member = uow.session.get(Member, contact.member_id) if contact is not None else None
                if contact is None or member is None or not _is_member(actor, member):
                    return unknown_action()
                command = Note(Who(contact.name), text)  # checks the text as the grammar does
                reply = note(command, Context(uow.session, member, self.clock.now()))
                uow.commit()
                return reply

        return self._observed(actor, "note", self._guarded(unit))

    def _note_hint(self, actor: Actor, contact_id: int) -> Reply:
        """*Add a note* where there is no form to open: how to type it."""
        target = self.note_target(actor, contact_id)
        if target is None:
            return unknown_action()
        return Reply(f"Type what you remember about {target[0]}: /coach note {quoted(target[0])} -- <your note>")

    def _parse_and_handle(self, actor: Actor, read: Callable[[], Command]) -> Reply:
        try:
            command = read()
        except UsageError as problem:
            return self._observed(actor, "unparsed", error(problem.text))
        except Exception:
            log.exception("parsing a command failed")
            return self._observed(actor, "unparsed", error(OOPS))
        return self.handle(actor, command)

    def _observed(self, actor: Actor, name: str, reply: Reply) -> Reply:
        if self.observer is not None:
            try:
                self.observer.on_command(actor.platform, name, not reply.error)
            except Exception:  # metrics must never cost a member their reply
                log.exception("command observer failed")
        return reply

    def _in_unit(self, actor: Actor, work: Callable[[Context], Reply]) -> Reply:
        with UnitOfWork(self.sessions) as uow:
            lock_person(uow.session, actor.platform, actor.user_id)
            now = self.clock.now()
            member = member_for(uow.session, actor, now, self.default_timezone)
            reply = work(Context(uow.session, member, now))
            if member.notice:
                reply = Reply(f"{member.notice}\n\n{reply.text}", reply.actions, reply.attachments,
                              reply.error, reply.title)
                member.notice = None
            uow.commit()
            return reply

    def _reading(self, actor: Actor, work: Callable[[Context], Reply]) -> Reply:
        """A command that only reads (an export: long for a big member) in a read-only unit, so it holds up
        nobody's writes (SQLite: no write turn). It creates no member row and leaves any notice for the
        member's next command."""
        with UnitOfWork(self.sessions, read_only=True, snapshot=True) as uow:
            now = self.clock.now()
            member = find_member(uow.session, actor) or new_member(actor, now, self.default_timezone)
            return work(Context(uow.session, member, now))

    @staticmethod
    def _guarded(work: Callable[[], Reply]) -> Reply:
        """No exception reaches a member: usage problems get usage, everything else a safe apology.

        The unit runs again (whole, from a fresh transaction) when another transaction won a race; a
        database failure is logged by kind, SQLSTATE and constraint, never with the row's values."""
        try:
            return _retried(work)
        except BlockingCall:  # a wiring mistake, not a member's problem: loud, never an apology
            raise
        except UsageError as problem:
            return error(problem.text)
        except ContactNotFound as missing:
            return error(f"No contact named {missing.name[:60]!r}. /coach list shows yours.")
        except AmbiguousContact as many:
            return error(ambiguous_text(many))
        except DBAPIError as failure:
            log.error("command failed: %s\n%s", describe(failure), frames(failure))
            return error(OOPS)
        except Exception:
            log.exception("command failed")
            return error(OOPS)


MAX_CANDIDATES = 8


def ambiguous_text(many: AmbiguousContact) -> str:
    """Several contacts answer to what was typed: each on a line with what tells them apart."""
    lines = [f"More than one contact matches {many.name[:60]!r}:"]
    lines += [f"• {name} — {hint}" if hint else f"• {name}"
              for name, hint in list(zip(many.candidates, many.hints, strict=False))[:MAX_CANDIDATES]]
    if len(many.candidates) > MAX_CANDIDATES:
        lines.append(f"…and {len(many.candidates) - MAX_CANDIDATES} more.")
    lines.append(f"Say which one, e.g. /coach show {quoted(many.candidates[0])}")
    return "\n".join(lines)


def _retried(work: Callable[[], T]) -> T:
    """`work()`, run up to ATTEMPTS times while it fails only because a concurrent transaction won."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return work()
        except DBAPIError as failure:
            if attempt == ATTEMPTS or not is_transient(failure):
                raise
            log.info("unit of work retried after a concurrent change: %s", describe(failure))
    raise AssertionError("unreachable")


def command_name(command: Command) -> str:
    """`ListContacts()` → "list_contacts": the label metrics use."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(command).__name__).lower()


def _is_member(actor: Actor, member: Member) -> bool:
    same_person = (actor.platform, actor.user_id) == (member.platform, member.user_id)
    return same_person and actor.workspace_id in (member.workspace_id, "")


ANSWER_KINDS: dict[Verb, tuple[str, ...]] = {
    Verb.SENT: (EventKind.SENT.value, EventKind.CHECKED_IN.value),
    Verb.REPLIED: (EventKind.REPLIED.value,),
    Verb.SNOOZE: (EventKind.SNOOZED.value,),
    Verb.MOVE_ON: (EventKind.MOVED_ON.value,),
}
PROGRESS_KINDS = (EventKind.MET.value, EventKind.SENT.value, EventKind.CHECKED_IN.value, EventKind.REPLIED.value,
                  EventKind.MOVED_ON.value)


def _stale_answer(session: Session, nudge: Nudge, contact: Contact, verb: Verb) -> str | None:
    """Why a click must record nothing: the same button again, or "I sent it" on a nudge the member has
    already answered another way (typed `/coach sent`, or an older reminder's button)."""
    if verb is Verb.DRAFT:
        return None
    events = session.scalars(
        select(Event).where(Event.contact_id == contact.id,
                            (Event.nudge_id == nudge.id) | (Event.at > nudge.created_at))
    ).all()
    if any(e.nudge_id == nudge.id and e.kind in ANSWER_KINDS[verb] for e in events):
        return f"Already noted for {contact.name} — nothing more to do."
    if verb is Verb.SENT and any(e.nudge_id != nudge.id and e.kind in PROGRESS_KINDS for e in events):
        return (f"You've already told me what happened with {contact.name} since this reminder, so I "
                f"didn't count another message. /coach show {quoted(contact.name)} has the history.")
    return None
