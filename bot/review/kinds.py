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
    """Guess the kind from the draft's own words (and whether the member has met the contact)."""
    scan = sig.scan
    thanks = lx.KIND_THANKS.search(scan)
    if thanks:
        # thanks in the opening (not just a polite closing line) makes it a thank-you
        closing_start = max(len(scan) - 60, len(scan) * 2 // 3)
        if thanks.start() < closing_start or sig.word_count < 25:
            return MessageKind.THANK_YOU
    if lx.KIND_COLD_STRONG.search(scan):
        return MessageKind.COLD_OUTREACH
    short = sig.chars <= CONNECTION_NOTE_LIMIT + 40
    if short and lx.KIND_CONNECT.search(scan):
        return MessageKind.CONNECTION_NOTE
    if lx.KIND_COLD.search(scan):
        return MessageKind.COLD_OUTREACH
    if lx.KIND_FOLLOW.search(scan):
        return MessageKind.FOLLOW_UP
    if context is not None and (context.where_met or context.notes):
        return MessageKind.FOLLOW_UP
    return MessageKind.COLD_OUTREACH
