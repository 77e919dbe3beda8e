"""The words and buttons of each nudge (DESIGN §3). The scheduler delivers them; it never writes them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from bot.models import NudgeKind
from bot.replies import Action, Reply, Verb
from bot.review.phrases import place_phrase
from bot.store.batch import ContactRow, MemberRow
from bot.timefmt import ago

LABELS = {
    Verb.SENT: "I sent it",
    Verb.REPLIED: "They replied",
    Verb.SNOOZE: "Snooze 1 day",
    Verb.DRAFT: "Draft it for me",
    Verb.MOVE_ON: "Move on",
}
VERBS_FOR_KIND: dict[NudgeKind, tuple[Verb, ...]] = {
    NudgeKind.FOLLOW_UP_48H: (Verb.SENT, Verb.REPLIED, Verb.SNOOZE, Verb.DRAFT, Verb.MOVE_ON),
    NudgeKind.STILL_WORTH: (Verb.SENT, Verb.REPLIED, Verb.SNOOZE, Verb.DRAFT, Verb.MOVE_ON),
    NudgeKind.NO_REPLY_1W: (Verb.SENT, Verb.REPLIED, Verb.SNOOZE, Verb.DRAFT, Verb.MOVE_ON),
    NudgeKind.NO_REPLY_2W: (Verb.SENT, Verb.REPLIED, Verb.SNOOZE, Verb.DRAFT, Verb.MOVE_ON),
    # After the last message the coach never offers to write a fourth: only the truth of the matter.
    NudgeKind.MOVE_ON: (Verb.REPLIED, Verb.MOVE_ON),
    NudgeKind.CHECK_IN: (Verb.SENT, Verb.SNOOZE, Verb.DRAFT, Verb.MOVE_ON),
}
# Each step of the ladder in a few words (App Home, the weekly digest).
DUE_WORDS = {
    NudgeKind.FOLLOW_UP_48H: "first follow-up",
    NudgeKind.STILL_WORTH: "still worth writing",
    NudgeKind.NO_REPLY_1W: "gentle follow-up",
    NudgeKind.NO_REPLY_2W: "last polite note",
    NudgeKind.MOVE_ON: "time to move on",
    NudgeKind.CHECK_IN: "check-in",
}


class DueNudge(Protocol):
    """A due nudge as composing needs it: the dispatcher's held row (or an ORM Nudge)."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def contact_id(self) -> int | None: ...
    @property
    def member_id(self) -> int: ...


TITLES = {
    NudgeKind.FOLLOW_UP_48H: "Follow up with {name}",
    NudgeKind.STILL_WORTH: "Still worth writing to {name}",
    NudgeKind.NO_REPLY_1W: "A gentle follow-up for {name}",
    NudgeKind.NO_REPLY_2W: "One last note to {name}",
    NudgeKind.MOVE_ON: "Time to move on from {name}",
    NudgeKind.CHECK_IN: "Check in with {name}",
}


def quoted(name: str) -> str:
    """How a member types this contact in a command, so the hint reads back as the same name:
    `"Siobhán O'Neill"`, `'Jane "JD" Doe'`, or a one-word name as it is."""
    if " " not in name and not name.startswith(("'", '"', "@", "<")):
        return name
    return f"'{name}'" if '"' in name or "“" in name or "”" in name else f'"{name}"'


COMMANDS = {
    Verb.SENT: "/coach sent {}",
    Verb.REPLIED: "/coach replied {}",
    Verb.SNOOZE: "/coach snooze {} 1d",
    Verb.DRAFT: "/coach draft {}",
    Verb.MOVE_ON: "/coach moveon {}",
}
KINDS = {kind.value: kind for kind in NudgeKind}  # a dict lookup: NudgeKind(value) is slow per nudge
# Each kind's buttons as (verb, label, command template), worked out once rather than per nudge.
BUTTONS: dict[NudgeKind, tuple[tuple[Verb, str, str], ...]] = {
    kind: tuple((verb, "I checked in" if (kind, verb) == (NudgeKind.CHECK_IN, Verb.SENT) else LABELS[verb],
                 COMMANDS[verb]) for verb in verbs)
    for kind, verbs in VERBS_FOR_KIND.items()
}


def actions_for(nudge: DueNudge, contact: ContactRow) -> tuple[Action, ...]:
    who, nudge_id = quoted(contact.name), nudge.id
    return tuple([Action(label, verb, nudge_id, command.format(who))
                  for verb, label, command in BUTTONS[KINDS[nudge.kind]]])


def nudge_text(kind: NudgeKind, contact: ContactRow, member: MemberRow, now: datetime) -> str:
    name = contact.name
    first = name.split(" ")[0]
    where = f" {place_phrase(contact.where_met) or 'at ' + contact.where_met}" if contact.where_met else ""
    topic = f" Your notes: {contact.notes.rstrip('.')}." if contact.notes else ""
    offer = f" Something you could offer: {contact.offer}." if contact.offer else ""
    if kind is NudgeKind.FOLLOW_UP_48H:
        return (
            f"You met {name}{where} {ago(contact.met_at, now, member.timezone)}.{topic} Write to {first} while the "
            f"conversation is fresh for both of you: mention one thing you discussed, offer something "
            f"useful, and suggest a small next step.{offer}"
        )
    if kind is NudgeKind.STILL_WORTH:
        return (
            f"The 48 hours after meeting {name}{where} have passed without a message, and that's all right: "
            f"a note a few days late still beats none. Keep it short, say where you met, and mention one "
            f"thing you talked about.{offer} This is my only reminder about it; after this I'll leave "
            f"{first} in your list as not written to yet."
        )
    if kind is NudgeKind.NO_REPLY_1W:
        return (
            f"A week has passed since your message to {first}, and no reply yet. People get busy. "
            f"One short, friendly follow-up is fine: refer back to your first message and keep the ask small."
        )
    if kind is NudgeKind.NO_REPLY_2W:
        return (
            f"Two weeks without an answer from {first}. One last polite message is fine — make it easy to "
            f"say yes or no, and leave the door open. After that I'll stop reminding you."
        )
    if kind is NudgeKind.MOVE_ON:
        return (
            f"{first} hasn't answered your three messages. It's time to move on and give your energy to "
            f"other connections; I won't remind you about {first} again. If they do write back, tell me "
            f"and I'll help you keep in touch."
        )
    days = contact.checkin_days or member.checkin_days
    return (
        f"It's been about {days} days since you were last in touch with {name}{where}. A quick check-in "
        f"keeps the connection warm: share something useful, congratulate them on news, or ask how a "
        f"project is going.{offer}"
    )


def compose_many(nudges: Sequence[DueNudge], contacts: Mapping[int, ContactRow], members: Mapping[int, MemberRow],
                 now: datetime) -> dict[int, Reply]:
    """The messages of a batch of due nudges (contacts and members read by `bot.store.batch.contact_rows`).
    Nudges whose contact or member is gone, or whose member paused, get no message."""
    replies: dict[int, Reply] = {}
    for nudge in nudges:
        contact = contacts.get(nudge.contact_id) if nudge.contact_id is not None else None
        member = members.get(nudge.member_id)
        if contact is not None and member is not None and not member.paused:
            kind = KINDS[nudge.kind]
            replies[nudge.id] = Reply(text=nudge_text(kind, contact, member, now), actions=actions_for(nudge, contact),
                                      title=TITLES[kind].format(name=contact.name))
    return replies


def compose_digest(parts: Sequence[Reply]) -> Reply:
    """Several nudges due together for one member, as one message: an intro, then one numbered section per
    contact with that contact's own buttons (`sections`), so every button sits under what it acts on."""
    if len(parts) == 1:
        return parts[0]
    sections = tuple(replace(part, title=f"{number}. {part.title}") for number, part in enumerate(parts, 1))
    intro = f"{len(parts)} people are waiting to hear from you. One at a time is plenty."
    return Reply(title=f"{len(parts)} people to get back to",
                 text="\n\n".join([intro, *(f"{part.title}\n{part.text}" for part in sections)]),
                 actions=tuple(action for part in parts for action in part.actions), sections=sections)


def undelivered_notice(contact_name: str, reason: str) -> str:
    """Told on the member's next command when a nudge could not reach them (DMs closed, user gone)."""
    return (
        f"I couldn't send you a reminder about {contact_name} ({reason[:80]}). If your direct messages "
        f"with me are closed, open them so reminders can reach you; /coach list shows who is waiting."
    )
