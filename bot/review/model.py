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
        """A context from JSON (`coach review --jsonl`, the labelled drafts); None unless it names the contact.
        Fields of the wrong type are dropped, not trusted."""
        if not isinstance(value, dict) or not isinstance(value.get("contact_name"), str):
            return None

        def text(key: str) -> str | None:
            found = value.get(key)
            return found if isinstance(found, str) and found.strip() else None

        def items(key: str) -> tuple[str, ...]:
            found = value.get(key)
            return tuple(x for x in found if isinstance(x, str)) if isinstance(found, list) else ()

        return cls(value["contact_name"], where_met=text("where_met"), notes=text("notes"),
                   interests=items("interests"), offer=text("offer"), tags=items("tags"),
                   member_name=text("member_name"))


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
