"""The core's use-case runner: who is asking and what they typed or clicked in, a Reply out. Each call is
one synchronous unit of work that commits whole or not at all, and refuses to run on an event loop's
thread. Adapters reach it through bot.api.CoachAPI, which runs it on its own executor."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol, TypeVar

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.commands import (
    Command,
    Draft,
    Export,
    Forget,
    Met,
    MoveOn,
    Note,
    Replied,
    Review,
    Sent,
    Snooze,
    UndoMet,
    UsageError,
    Who,
    checked_actor,
    parse,
    parse_line,
)
from bot.handlers import HANDLERS, Context
from bot.handlers.contacts import apply_purpose, apply_verb, erase_contact, note, undo_meeting, unknown_action
from bot.handlers.drafting import model_reply
from bot.handlers.linking import unlink_pressed
from bot.handlers.privacy import erase
from bot.identity import Actor
from bot.linking import answer, note_use
from bot.modeldraft import ModelDrafts, write
from bot.models import Contact, Event, EventKind, LinkCode, Member, Nudge
from bot.nudges import quoted
from bot.replies import PURPOSE_VERBS, Reply, Verb, error, parse_action_id
from bot.store.errors import describe, frames, is_transient
from bot.store.repository import (
    AmbiguousContact,
    ContactNotFound,
    acts_for,
    canonical,
    find_member,
    lock_group,
    lock_member,
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
                 observer: CommandObserver | None = None, models: ModelDrafts | None = None) -> None:
        self.sessions = sessions
        self.clock = clock
        self.default_timezone = default_timezone
        self.observer = observer
        self.models = models  # the operator's model for drafts (bot/modeldraft.py), if one is configured

    def finish(self, reply: Reply) -> Reply:
        """A reply whose draft the member's model is to write (`reply.model`): ask it, outside any unit of
        work (a slow model holds no lock or connection), and vet its answer; the built-in draft otherwise.
        The first model-written draft says so, once."""
        job = reply.model
        if job is None:
            return reply
        if self.models is None:
            return replace(reply, model=None)
        outcome = write(self.models, job)
        if self.observer is not None:  # "model_draft": ok when the model's draft was used, error otherwise
            try:
                self.observer.on_command(job.platform, "model_draft", outcome.text is not None)
            except Exception:
                log.exception("command observer failed")
        if outcome.text is not None and job.announce:
            try:
                with UnitOfWork(self.sessions) as uow:
                    uow.session.execute(update(Member).where(Member.id == job.member_id).values(model_noted=True))
                    uow.commit()
            except Exception:  # the draft still reaches the member; the note is told again next time
                log.exception("recording that the model's first draft was shown failed")
        return model_reply(reply, job, outcome, self.models)

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
        reply = self._guarded(lambda: unit(actor, lambda ctx: handler(command, ctx)), command)
        return self._observed(actor, command_name(command), reply)

    def press(self, actor: Actor, action_id: str) -> Reply:
        """A button on a nudge: `coach:<verb>:<nudge id>`. Only the nudge's own member — from any of its
        linked accounts — may press it.

        Nudges arrive as DMs, where a platform may not say which workspace a click came from; the
        nudge's member is the one acting, provided the clicking user is that member or linked to it.
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
        if parsed.verb in PURPOSE_VERBS:
            answer = PURPOSE_VERBS[parsed.verb]
            return self._observed(actor, "button_purpose",
                                  self._guarded(lambda: self._purpose(actor, parsed.nudge_id, answer)))
        if parsed.verb in (Verb.ALLOW, Verb.DENY):
            allow = parsed.verb is Verb.ALLOW
            return self._observed(actor, f"button_{parsed.verb.value}",
                                  self._guarded(lambda: self._answer_link(actor, parsed.nudge_id, allow)))
        if parsed.verb is Verb.UNDO_MET:
            return self._observed(actor, "button_unmet", self._guarded(lambda: self._undo_met(actor, parsed.nudge_id)))
        if parsed.verb is Verb.UNLINK:
            return self._observed(actor, "button_unlink", self._guarded(lambda: self._unlink(actor, parsed.nudge_id)))

        def act(session: Session) -> Reply:
            nudge = session.get(Nudge, parsed.nudge_id)
            member = session.get(Member, nudge.member_id) if nudge is not None else None
            if nudge is None or member is None or not acts_for(session, actor, member):
                return unknown_action()
            member = _lock_owner(session, actor, member)
            now = self.clock.now()  # after every lock this click takes
            _note_click(session, actor, member)
            contact = session.get(Contact, nudge.contact_id) if nudge.contact_id is not None else None
            if contact is None:
                return unknown_action()
            stale = _stale_answer(session, nudge, contact, parsed.verb)
            if stale is not None:
                return Reply(stale)
            return apply_verb(Context(session, member, now, models=self.models), contact, parsed.verb,
                              nudge_id=nudge.id)

        def unit() -> Reply:
            with UnitOfWork(self.sessions) as uow:
                lock_person(uow.session, actor.platform, actor.user_id)
                reply = act(uow.session)
                uow.commit()
                return reply

        return self._observed(actor, f"button_{parsed.verb.value}", self._guarded(unit))

    def _erase(self, actor: Actor, member_id: int) -> Reply:
        """The delete-my-data button: only the member it names (from any linked account) may press it."""
        with UnitOfWork(self.sessions) as uow:
            lock_person(uow.session, actor.platform, actor.user_id)
            member = uow.session.get(Member, member_id)
            if member is None or not acts_for(uow.session, actor, member):
                return unknown_action()
            reply = erase(uow.session, _lock_owner(uow.session, actor, member))
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
            if member is None or not acts_for(uow.session, actor, member):
                return unknown_action()
            member = _lock_owner(uow.session, actor, member)
            reply = erase_contact(Context(uow.session, member, self.clock.now()), contact)
            uow.commit()
            return reply

    def _undo_met(self, actor: Actor, meeting_id: int) -> Reply:
        """An Undo under "You've met … before": only the contact's own member (from any of its linked
        accounts) may take the meeting back."""
        with UnitOfWork(self.sessions) as uow:
            lock_person(uow.session, actor.platform, actor.user_id)
            meeting = uow.session.get(Event, meeting_id)
            if meeting is None:  # undone already (or its contact forgotten)
                return Reply("Nothing to undo: that meeting is no longer on record. /coach list shows your contacts.")
            contact = uow.session.get(Contact, meeting.contact_id)
            member = uow.session.get(Member, contact.member_id) if contact is not None else None
            if contact is None or member is None or not acts_for(uow.session, actor, member):
                return unknown_action()
            member = _lock_owner(uow.session, actor, member)
            reply = undo_meeting(Context(uow.session, member, self.clock.now()), contact, meeting_id)
            uow.commit()
            return reply

    def note_target(self, actor: Actor, contact_id: int) -> tuple[str, str | None] | None:
        """The name and platform user id of the actor's own contact `contact_id` (a recap's *Add a note*
        opens the add-details form on it); None for anyone else's, or a contact gone."""
        with UnitOfWork(self.sessions) as uow:
            contact = uow.session.get(Contact, contact_id)
            member = uow.session.get(Member, contact.member_id) if contact is not None else None
            if contact is None or member is None or not acts_for(uow.session, actor, member):
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
                if contact is None or member is None or not acts_for(uow.session, actor, member):
                    return unknown_action()
                member = _lock_owner(uow.session, actor, member)
                command = Note(Who(contact.name), text)  # checks the text as the grammar does
                reply = note(command, Context(uow.session, member, self.clock.now()))
                uow.commit()
                return reply

        return self._observed(actor, "note", self._guarded(unit))

    def _answer_link(self, actor: Actor, code_id: int, allow: bool) -> Reply:
        """*Allow* or *Deny* on a link request: only the code's own account (or one linked to it) may press it."""
        with UnitOfWork(self.sessions) as uow:
            session = uow.session
            lock_person(session, actor.platform, actor.user_id)
            code = session.get(LinkCode, code_id)
            owner = session.get(Member, code.member_id) if code is not None else None
            if code is None or owner is None or not acts_for(session, actor, canonical(session, owner)):
                return unknown_action()
            member = _lock_owner(session, actor, canonical(session, owner))
            asker = session.get(Member, code.claimed_by) if code.claimed_by is not None else None
            asker_member = lock_group(session, asker) if asker is not None else None
            reply = answer(session, code, member, allow, self.clock.now(), asker_member)
            uow.commit()
            return reply

    def _unlink(self, actor: Actor, account_id: int) -> Reply:
        """*Yes, unlink this account*: only from an account of the same group."""
        with UnitOfWork(self.sessions) as uow:
            lock_person(uow.session, actor.platform, actor.user_id)
            own = find_member(uow.session, actor)
            if own is None:
                return unknown_action()
            member = _lock_owner(uow.session, actor, own)
            reply = unlink_pressed(Context(uow.session, member, self.clock.now()), account_id)
            if reply is None:
                return unknown_action()
            uow.commit()
            return reply

    def _note_hint(self, actor: Actor, contact_id: int) -> Reply:
        """*Add a note* where there is no form to open: how to type it."""
        target = self.note_target(actor, contact_id)
        if target is None:
            return unknown_action()
        return Reply(f"Type what you remember about {target[0]}: /coach note {quoted(target[0])} -- <your note>")

    def _purpose(self, actor: Actor, contact_id: int, answer: str) -> Reply:
        """An answer to "What's this message for?": only the contact's own member may give it."""
        with UnitOfWork(self.sessions) as uow:
            lock_person(uow.session, actor.platform, actor.user_id)
            contact = uow.session.get(Contact, contact_id)
            member = uow.session.get(Member, contact.member_id) if contact is not None else None
            if contact is None or member is None or not _is_member(actor, member):
                return unknown_action()
            reply = apply_purpose(Context(uow.session, member, self.clock.now(), models=self.models), contact, answer)
            uow.commit()
            return reply

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
            account = member_for(uow.session, actor, now, self.default_timezone)
            member = lock_member(uow.session, account)  # a linked account acts as its canonical member
            if member is not account:
                now = self.clock.now()  # read after the canonical member's lock too, as after the person's
            note_use(member, account)
            reply = work(Context(uow.session, member, now, account if account is not member else None, self.models))
            for told in {id(member): member, id(account): account}.values():
                if told.notice:
                    reply = replace(reply, text=f"{told.notice}\n\n{reply.text}")
                    told.notice = None
            uow.commit()
            return reply

    def _reading(self, actor: Actor, work: Callable[[Context], Reply]) -> Reply:
        """A command that only reads (an export: long for a big member) in a read-only unit, so it holds up
        nobody's writes (SQLite: no write turn). It creates no member row and leaves any notice for the
        member's next command."""
        with UnitOfWork(self.sessions, read_only=True, snapshot=True) as uow:
            now = self.clock.now()
            account = find_member(uow.session, actor)
            if account is None:
                return work(Context(uow.session, new_member(actor, now, self.default_timezone), now))
            member = canonical(uow.session, account)  # a linked account reads its canonical member's data
            return work(Context(uow.session, member, now, account if account is not member else None))

    @staticmethod
    def _guarded(work: Callable[[], Reply], command: Command | None = None) -> Reply:
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
            return error(ambiguous_text(many, command))
        except DBAPIError as failure:
            log.error("command failed: %s\n%s", describe(failure), frames(failure))
            return error(OOPS)
        except Exception:
            log.exception("command failed")
            return error(OOPS)


MAX_CANDIDATES = 8


def ambiguous_text(many: AmbiguousContact, command: Command | None = None) -> str:
    """Several contacts answer to what was typed: each on a line with what tells them apart, and the
    same command again with the first one's full name."""
    lines = [f"More than one contact matches {many.name[:60]!r}:"]
    lines += [f"• {name} — {hint}" if hint else f"• {name}"
              for name, hint in list(zip(many.candidates, many.hints, strict=False))[:MAX_CANDIDATES]]
    if isinstance(command, Met):  # a meeting to log: the whole /met again for each, and for someone new
        lines = lines[:1] + [f"{line}\n    {typed_again(command, quoted(name))}"
                             for line, name in zip(lines[1:], many.candidates, strict=False)]
    if len(many.candidates) > MAX_CANDIDATES:
        lines.append(f"…and {len(many.candidates) - MAX_CANDIDATES} more.")
    if isinstance(command, Met):
        lines.append("Someone new? " + typed_again(command, '"<their full name>"'))
    else:
        lines.append(f"Say which one, e.g. {typed_again(command, quoted(many.candidates[0]))}")
    return "\n".join(lines)


def typed_again(command: Command | None, who: str) -> str:
    """`command` as a member would type it about `who` instead (/coach show when there is none)."""
    if isinstance(command, Met):  # everything it carried, in the order the grammar reads it
        parts = [f"/met {who}", *([f"at {command.where}"] if command.where else []),
                 *([f"-- {command.notes}"] if command.notes else []),
                 *([f"offer: {command.offer}"] if command.offer else []),
                 *([f"interests: {', '.join(command.interests)}"] if command.interests else []),
                 *(f"#{tag}" for tag in command.tags)]
        return " ".join(parts)
    if isinstance(command, Review):
        return f"/review {who} <your draft>"
    if isinstance(command, Snooze):
        hours = int(command.delay.total_seconds() // 3600)
        return f"/coach snooze {who} " + (f"{hours // 24}d" if hours % 24 == 0 else f"{hours}h")
    if isinstance(command, Forget):
        return f"/coach forget {who}" + (" confirm" if command.confirmed else "")
    verbs: dict[type, str] = {Sent: "sent", Replied: "replied", MoveOn: "moveon", Draft: "draft", UndoMet: "undo"}
    return f"/coach {verbs.get(type(command), 'show')} {who}"


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


def _lock_owner(session: Session, actor: Actor, member: Member) -> Member:
    """`member` (which the actor acts for) locked as the person it is, when that is another account than the
    actor's own (whose lock is held): a click from Slack and one from Discord on the same nudge then run
    one after the other. Everything read before is read again."""
    if (actor.platform, actor.user_id) == (member.platform, member.user_id):
        return member
    lock_person(session, member.platform, member.user_id)
    session.expire_all()
    return session.get_one(Member, member.id)


def _note_click(session: Session, actor: Actor, member: Member) -> None:
    """A click counts as using the coach from that account (where nudges go when not pinned)."""
    if member.deliver_id is None or member.deliver_pinned:
        return
    account = find_account(session, actor, member)
    if account is not None:
        note_use(member, account)


def find_account(session: Session, actor: Actor, member: Member) -> Member | None:
    if _is_member(actor, member):
        return member
    query = select(Member).where(Member.linked_to == member.id, Member.platform == actor.platform,
                                 Member.user_id == actor.user_id)
    return next((a for a in session.scalars(query) if actor.workspace_id in (a.workspace_id, "")), None)


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
