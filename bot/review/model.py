"""Plain value types of draft review: the message kind, the stored context, findings and the review."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

RULES: tuple[str, ...] = (
    "generic",
    "no_personalization",
    "no_value",
    "no_ask",
    "too_long",
    "too_short",
    "over_personal",
    "pushy",
    "self_centred",
    "placeholder",
    "salesy",
    "typo",
    "reads_weak",  # the learned second opinion (textsignal.py), only on a message the rules passed
)
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")


class MessageKind(StrEnum):
    """The four kinds of message the coach knows the norms of."""

    CONNECTION_NOTE = "connection_note"
    FOLLOW_UP = "follow_up"
    THANK_YOU = "thank_you"
    COLD_OUTREACH = "cold_outreach"


@dataclass(frozen=True)
class DraftContext:
    """What the member stored about the contact; every field but the name is optional."""

    contact_name: str
    where_met: str | None = None
    notes: str | None = None
    interests: tuple[str, ...] = ()
    offer: str | None = None
    tags: tuple[str, ...] = ()
    member_name: str | None = None

    @classmethod
    def from_dict(cls, value: Any) -> DraftContext | None:
        """A context from JSON, or None unless it names the contact; see ``read_context`` for the warnings."""
        return read_context(value)[0]


# JSON keys of a draft context: the short names, and the older long ones that keep working.
CONTEXT_KEYS: dict[str, str] = {
    "name": "contact_name",
    "contact_name": "contact_name",
    "where": "where_met",
    "where_met": "where_met",
    "notes": "notes",
    "offer": "offer",
    "interests": "interests",
    "tags": "tags",
    "member_name": "member_name",
}


def read_context(value: Any) -> tuple[DraftContext | None, tuple[str, ...]]:
    """Read a context from JSON (`coach review --jsonl`, the labelled drafts) and say what was not used.

    Keys: ``name`` (required), ``where``, ``notes``, ``offer``, ``interests`` (a list or a comma-separated
    string), ``tags``, ``member_name``; ``contact_name`` and ``where_met`` are accepted as before. Unknown keys
    and fields of the wrong type come back as warnings, never silently dropped.
    """
    if value is None:
        return None, ()
    if not isinstance(value, dict):
        return None, ('"context" must be an object like {"name": "Jane", "where": "PyCon"}; ignored',)
    warnings: list[str] = []
    fields: dict[str, Any] = {}
    for key, raw in value.items():
        target = CONTEXT_KEYS.get(key)
        if target is None:
            shown = key if len(key) <= 40 else key[:39] + "…"
            warnings.append(f"unknown context key {shown!r} ignored; known: name, where, notes, offer, interests")
            continue
        if target in ("interests", "tags"):
            items = raw.split(",") if isinstance(raw, str) else raw
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                warnings.append(f"context {key!r} must be a list of strings; ignored")
                continue
            fields[target] = tuple(x.strip() for x in items if x.strip())
        elif raw is None:
            continue
        elif not isinstance(raw, str):
            warnings.append(f"context {key!r} must be a string; ignored")
        elif raw.strip():
            fields[target] = raw.strip()
    name = fields.pop("contact_name", None)
    if name is None:
        warnings.append('context without a "name" ignored')
        return None, tuple(warnings)
    return DraftContext(name, **fields), tuple(warnings)


@dataclass(frozen=True)
class Finding:
    """One thing to change: which rule, how serious, what the coach says, where, and how to fix it."""

    rule: str
    severity: str
    message: str
    excerpt: str | None
    fix: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
            "fix": self.fix,
        }


@dataclass(frozen=True)
class Review:
    """The coach's verdict on a draft. ``notes`` carries remarks about the input itself (markup, language)."""

    verdict: str
    score: int
    kind: MessageKind
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def rules(self) -> tuple[str, ...]:
        """Rule ids that fired, in report order."""
        return tuple(f.rule for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "score": self.score,
            "kind": str(self.kind),
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.notes:
            out["notes"] = list(self.notes)
        return out
