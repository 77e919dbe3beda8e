"""Draft review: pure, deterministic, no network. ``review`` a draft, ``write_draft`` for a nudge stage.

Names are loaded on first use (PEP 562), so `coach review` never pays for the drafter's modules and the
drafter never pays for the review's lexicon until it asks for a review.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.review.drafts import write_draft
    from bot.review.engine import review
    from bot.review.format import format_review
    from bot.review.kinds import detect_kind, kind_for_nudge, parse_kind
    from bot.review.model import RULES, DraftContext, Finding, MessageKind, Review, read_context

_HOMES: dict[str, str] = {
    "write_draft": "bot.review.drafts",
    "review": "bot.review.engine",
    "format_review": "bot.review.format",
    "detect_kind": "bot.review.kinds",
    "kind_for_nudge": "bot.review.kinds",
    "parse_kind": "bot.review.kinds",
    **dict.fromkeys(("RULES", "DraftContext", "Finding", "MessageKind", "Review", "read_context"), "bot.review.model"),
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'bot.review' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
