"""What the member stored about a contact, reduced to the details a good draft should mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.review import lexicon as lx
from bot.review import pattern_cache as rx
from bot.review.model import DraftContext

_WORD = rx.compile(r"[A-Za-z0-9][A-Za-z0-9+#.'-]*")
_LEAD = rx.compile(
    r"^\s*(?:(?:we|i|they|she|he)\s+)?(?:talked|chatted|spoke|discussed|discussing|conversation|chat|"
    r"talk|spoke at length|compared notes|swapped notes|bonded)\s*(?:about|on|over|re:?)?\s+",
    re.IGNORECASE,
)
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "from",
        "by",
        "our",
        "their",
        "his",
        "her",
        "my",
        "your",
        "its",
        "this",
        "that",
        "these",
        "those",
        "we",
        "they",
        "she",
        "he",
        "i",
        "you",
        "it",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "has",
        "have",
        "had",
        "do",
        "did",
        "not",
        "but",
        "so",
        "if",
        "as",
        "into",
        "over",
        "up",
        "out",
        "talk",
        "talked",
        "chat",
        "chatted",
        "spoke",
        "discussed",
        "conference",
        "meetup",
        "event",
        "meeting",
        "met",
        "some",
        "more",
        "very",
        "really",
        "how",
        "what",
        "when",
        "which",
        "who",
        "why",
        "new",
        "good",
        "great",
        "lots",
        "bit",
    ]
)


@dataclass(frozen=True)
class Detail:
    """One stored detail: how to name it to the member, and the stems that count as mentioning it."""

    field: str  # "where_met" | "notes" | "interests" | "offer"
    label: str
    stems: tuple[str, ...]


def _stems(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for w in _WORD.findall(text):
        w = w.lower().strip(".'-")
        if len(w) < 3 or w in _STOP:
            continue
        stem = w[:6] if len(w) > 6 else w
        if stem not in out:
            out.append(stem)
    return tuple(out)


def usable(value: str | None) -> bool:
    """A stored field worth using: has real words and no template blanks like [TODO] or {{notes}}."""
    return bool(value and value.strip() and _stems(value) and not lx.PLACEHOLDER.search(value))


def context_words(context: DraftContext | None) -> frozenset[str]:
    """Lower-cased words the member typed into the contact's record (names may look like typos)."""
    if context is None:
        return frozenset()
    parts = [
        context.contact_name,
        context.where_met,
        context.notes,
        context.offer,
        context.member_name,
        *context.interests,
        *context.tags,
    ]
    return frozenset(w.lower() for p in parts if p for w in lx.WORD.findall(p))



def details(context: DraftContext | None) -> tuple[Detail, ...]:
    """The stored details worth mentioning, in the order the coach would suggest them."""
    if context is None:
        return ()
    out: list[Detail] = []
    if usable(context.where_met) and context.where_met:
        out.append(Detail("where_met", context.where_met.strip(), _stems(context.where_met)))
    if usable(context.notes) and context.notes:
        # only what a message could use (a topic, their project, what they asked for, a promise): never a
        # judgement, a to-do or their private life, which the draft should not mention at all
        from bot.review.notes import mentionable  # the drafter's note reader: loaded only when notes are given

        usable_clauses = [c for c in mentionable(context.notes) if _stems(c)]
        if usable_clauses:
            label = " ".join(_LEAD.sub("", usable_clauses[0]).split()[:8]) or usable_clauses[0]
            out.append(Detail("notes", label, _stems(" ".join(usable_clauses))))
    for interest in context.interests:
        if usable(interest):
            out.append(Detail("interests", interest.strip(), _stems(interest)))
    if usable(context.offer) and context.offer:
        out.append(Detail("offer", context.offer.strip(), _stems(context.offer)))
    return tuple(out)


def draft_stems(text: str) -> frozenset[str]:
    """Every prefix-stem a draft offers for matching stored details (linear in the draft)."""
    out: set[str] = set()
    for w in _WORD.findall(text):
        w = w.lower().strip(".'-")
        if len(w) >= 3:
            out.add(w[:6] if len(w) > 6 else w)
            if w.endswith("s") and len(w) > 3:
                out.add(w[:-1][:6])
    return frozenset(out)


def mentioned(detail: Detail, stems: frozenset[str]) -> bool:
    """True when the draft mentions any meaningful word of the detail."""
    return any(s in stems or (s.endswith("s") and s[:-1] in stems) for s in detail.stems)
