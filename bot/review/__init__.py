"""Draft review: pure, deterministic, no network. ``review`` a draft, ``write_draft`` for a nudge stage."""

from bot.review.drafts import write_draft
from bot.review.engine import review
from bot.review.format import format_review
from bot.review.kinds import detect_kind, kind_for_nudge, parse_kind
from bot.review.model import RULES, DraftContext, Finding, MessageKind, Review, read_context

__all__ = [
    "RULES",
    "DraftContext",
    "Finding",
    "MessageKind",
    "Review",
    "detect_kind",
    "format_review",
    "kind_for_nudge",
    "parse_kind",
    "read_context",
    "review",
    "write_draft",
]
