"""``review()``: clean the draft, pick its kind, run the rules, score and decide."""

from __future__ import annotations

from dataclasses import replace

from bot.review.kinds import detect_kind, parse_kind
from bot.review.model import RULES, SEVERITIES, DraftContext, Finding, MessageKind, Review
from bot.review.rules import RULE_FUNCS, Draft
from bot.review.signals import Signals, measure, prepare, sentence_of
from bot.review.tone import shipped_model

PENALTY = {"high": 35, "medium": 15, "low": 5}
NEEDS_WORK_CEILING = 75  # a draft that needs work never scores like one that is ready

_BLOCKED: dict[str, tuple[str, str]] = {
    "empty": ("There's no draft here yet.", "Paste the message you want me to look at."),
    "no_words": (
        "There are no words here, only symbols or emoji.",
        "Write a few sentences: who you are to them, one detail, one question.",
    ),
    "code": ("This looks like code, not a message to a person.", "Paste the message itself, as you would send it."),
    "language": (
        "I can only review drafts written in English for now.",
        "Paste an English version, or ask a fluent colleague to read this one.",
    ),
}


def review(draft: str, context: DraftContext | None = None, kind: MessageKind | str | None = None) -> Review:
    """Review one draft. Never raises on odd input: empty, huge, emoji, code or another language."""
    prepared = prepare(draft)
    chosen = parse_kind(kind) if kind is not None else None
    if prepared.blocker is not None:
        message, fix = _BLOCKED[prepared.blocker]
        finding = (
            Finding("too_short", "high", message, None, fix) if prepared.blocker in ("empty", "no_words") else None
        )
        return Review(
            "needs_work",
            0,
            chosen or MessageKind.FOLLOW_UP,
            (finding,) if finding else (),
            notes=(*prepared.notes, *(() if finding else (f"{message} {fix}",))),
        )
    sig = measure(_without_signature(prepared.text, context))
    resolved = chosen or detect_kind(sig, context)
    d = Draft.build(sig, resolved, context)
    findings: list[Finding] = []
    for rule in RULE_FUNCS:
        findings.extend(rule(d))
    findings = _second_reading(_focus(_dedupe(findings), d), sig)
    findings.sort(key=lambda f: (SEVERITIES.index(f.severity), RULES.index(f.rule)))
    verdict = "needs_work" if any(f.severity in ("high", "medium") for f in findings) else "good"
    score = max(0, 100 - sum(PENALTY[f.severity] for f in findings))
    score = min(score, NEEDS_WORK_CEILING) if verdict == "needs_work" else score
    return Review(verdict, score, resolved, tuple(findings), notes=prepared.notes)


def _without_signature(text: str, context: DraftContext | None) -> str:
    """Drop a final line that is just the member's own name: a signature is not content."""
    if context is None or not context.member_name or not context.member_name.strip():
        return text
    head, sep, last = text.rstrip().rpartition("\n")
    if sep and head.strip() and last.strip(" -—~").casefold() == context.member_name.strip().casefold():
        return head
    return text


# what the tone model says when it overrules a passing review: tentative, since it cannot point at a phrase
_TONE_WORDS: dict[str, tuple[str, str]] = {
    "pushy": (
        "Read as the recipient, this may come across as pressure.",
        "Drop anything that hints at a deadline, a favour owed or a reproach, and make it easy to say no.",
    ),
    "salesy": (
        "This reads a little like a pitch.",
        "Lead with them and your conversation; keep your product out unless they asked about it.",
    ),
    "over_personal": (
        "This gets more personal than a professional contact expects.",
        "Keep to the work and what you discussed; leave their private life and looks out of it.",
    ),
    "self_centred": (
        "It's mostly about you.",
        "Turn one sentence around to them: why them, and what's in it for them.",
    ),
    "generic": (
        "It could be sent to almost anyone.",
        "Add one thing only this person would recognise: their talk, a remark of theirs, where you met.",
    ),
    "no_personalization": (
        "Nothing in it is specific to them.",
        "Mention one detail that shows you wrote it for them: a post of theirs, a shared contact, your chat.",
    ),
}


def _second_reading(findings: list[Finding], sig: Signals) -> list[Finding]:
    """When every rule passes, let the tone model speak if it is very sure the draft needs work."""
    if any(f.severity in ("high", "medium") for f in findings):
        return findings
    model = shipped_model()
    call = model.judge(sig.text, sig.sentences) if model else None
    if call is None:
        return findings
    message, fix = _TONE_WORDS[call.rule]
    excerpt = None
    if call.excerpt:
        start = sig.scan.find(call.excerpt)
        excerpt = sentence_of(sig.scan, start, start + len(call.excerpt)) if start >= 0 else call.excerpt[:90]
    return [*(f for f in findings if f.rule != call.rule), Finding(call.rule, "medium", message, excerpt, fix)]


_SECONDARY = frozenset({"no_personalization", "no_ask", "no_value"})


def _focus(findings: list[Finding], d: Draft) -> list[Finding]:
    """One finding per problem, the biggest first.

    A stock phrase and "nothing about them" are one problem: keep the finding whose fix is more useful (the
    member's own notes when there are any). Beside a serious problem (a guilt trip, a pitch, something too
    personal) a missing detail or ask is only a hint: fixing the big thing comes first.
    """
    rules = {f.rule: f for f in findings}
    generic, personal = rules.get("generic"), rules.get("no_personalization")
    if generic and personal and personal.severity == "medium":
        drop = generic if d.details else personal
        findings = [f for f in findings if f is not drop]
    if any(f.severity == "high" for f in findings):
        findings = [
            replace(f, severity="low") if f.rule in _SECONDARY and f.severity == "medium" else f for f in findings
        ]
    elif any(f.severity == "medium" and f.rule not in _SECONDARY for f in findings):
        # a missing ask is the smallest of a draft's problems: fix the pitch, the pressure, the stock line first
        findings = [replace(f, severity="low") if f.rule == "no_ask" else f for f in findings]
    return findings


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Keep the most severe finding per rule."""
    best: dict[str, Finding] = {}
    extra: list[Finding] = []
    for f in findings:
        cur = best.get(f.rule)
        if cur is None or SEVERITIES.index(f.severity) < SEVERITIES.index(cur.severity):
            best[f.rule] = f
        elif f.rule == "placeholder":
            extra.append(f)
    return [*best.values(), *extra]
