"""Which kind of message a draft is: from the nudge that asked for it, or guessed from its words."""

from __future__ import annotations

from bot.review import lexicon as lx
from bot.review.model import DraftContext, MessageKind
from bot.review.signals import Signals

NUDGE_KINDS: dict[str, MessageKind] = {
    "follow_up_48h": MessageKind.FOLLOW_UP,
    "no_reply_1w": MessageKind.FOLLOW_UP,
    "no_reply_2w": MessageKind.FOLLOW_UP,
    "check_in": MessageKind.FOLLOW_UP,
    "move_on": MessageKind.FOLLOW_UP,
}
CONNECTION_NOTE_LIMIT = 300  # characters, LinkedIn's limit for a note on an invitation


def kind_for_nudge(nudge_kind: str) -> MessageKind:
    """The message kind a nudge stage asks for; raises ValueError for an unknown stage."""
    try:
        return NUDGE_KINDS[str(nudge_kind)]
    except KeyError:
        raise ValueError(f"unknown nudge kind {nudge_kind!r}; expected one of {sorted(NUDGE_KINDS)}") from None


def parse_kind(value: str | MessageKind | None) -> MessageKind | None:
    """Accept a kind by value ("follow_up"), by friendly name ("follow-up", "note", "cold") or a nudge stage."""
    if value is None or isinstance(value, MessageKind):
        return value
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {
        "note": "connection_note",
        "connection": "connection_note",
        "followup": "follow_up",
        "thanks": "thank_you",
        "thankyou": "thank_you",
        "cold": "cold_outreach",
        "outreach": "cold_outreach",
    }
    key = aliases.get(key, key)
    if key in NUDGE_KINDS:
        return NUDGE_KINDS[key]
    try:
        return MessageKind(key)
    except ValueError:
        return None


def detect_kind(sig: Signals, context: DraftContext | None = None) -> MessageKind:
    """Guess the kind from the draft's own words (and whether the member has met the contact).

    Each kind collects evidence and the strongest wins: thanks in the opening for a thank-you; a past meeting
    or message for a follow-up; a short note that asks to connect; a stranger introducing themselves.
    """
    scan = sig.scan
    opening = scan[: max(120, len(scan) // 3)]
    thanks = [m for m in lx.KIND_THANKS.finditer(scan) if m.start() < len(opening) or sig.word_count < 25]
    follow = len(lx.KIND_FOLLOW.findall(scan))
    cold = 2 * len(lx.KIND_COLD_STRONG.findall(scan)) + len(lx.KIND_COLD.findall(scan))
    short = sig.chars <= CONNECTION_NOTE_LIMIT  # a longer message could not be sent as a connection note
    connect = short and bool(lx.KIND_CONNECT.search(scan))
    score = {
        MessageKind.THANK_YOU: 2.5 * bool(thanks) + 1.0 * any(m.start() < len(opening) for m in thanks),
        MessageKind.FOLLOW_UP: 1.2 * follow + (0.4 if context is not None and (context.where_met or context.notes)
                                               else 0.0),
        MessageKind.CONNECTION_NOTE: 2.4 * connect,
        MessageKind.COLD_OUTREACH: 1.5 * cold + (0.5 if sig.word_count > 90 else 0.0),
    }
    if thanks and lx.KIND_THANKS_AGAIN.search(scan):
        score[MessageKind.THANK_YOU] -= 1.5  # "thanks again…, as promised here's" follows up a thank-you
    best = max(score, key=lambda k: (score[k], -_ORDER.index(k)))
    if score[best] <= 0:
        return MessageKind.FOLLOW_UP if context is not None else MessageKind.COLD_OUTREACH
    return best


_ORDER = (MessageKind.THANK_YOU, MessageKind.CONNECTION_NOTE, MessageKind.FOLLOW_UP, MessageKind.COLD_OUTREACH)
