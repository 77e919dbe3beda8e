"""``review()``: clean the draft, pick its kind, run the rules, score and decide."""

from __future__ import annotations

from dataclasses import replace

from bot.review import textsignal
from bot.review.kinds import detect_kind, parse_kind
from bot.review.model import RULES, SEVERITIES, DraftContext, Finding, MessageKind, Review
from bot.review.rules import RULE_FUNCS, Draft, content_free, has_concrete_ask, has_specific, vague_cold_ask
from bot.review.signals import measure, prepare

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


def review(
    draft: str,
    context: DraftContext | None = None,
    kind: MessageKind | str | None = None,
    *,
    second_opinion: bool = True,
) -> Review:
    """Review one draft. Never raises on odd input: empty, huge, emoji, code or another language.

    ``second_opinion=False`` runs the rules alone, without the learned signal (``textsignal``); its training
    reads the rules that way.
    """
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
    findings = _focus(_settle(_dedupe(findings), d), d)
    findings.sort(key=lambda f: (SEVERITIES.index(f.severity), RULES.index(f.rule)))
    verdict = "needs_work" if any(f.severity in ("high", "medium") for f in findings) else "good"
    if verdict == "good" and second_opinion and not _short_and_concrete(d):
        extra = textsignal.second_opinion(prepared.text, findings, str(resolved))
        if extra is not None:
            findings.insert(0, extra)
            verdict = "needs_work"
    score = max(0, 100 - sum(PENALTY[f.severity] for f in findings))
    score = min(score, NEEDS_WORK_CEILING) if verdict == "needs_work" else score
    return Review(verdict, score, resolved, tuple(findings), notes=prepared.notes)


def _short_and_concrete(d: Draft) -> bool:
    """A short message whose question asks one concrete thing about something specific ("Could you share the
    Grafana dashboard JSON from your demo?"). Short is normal in a chat; the learned signal leans on length, so
    it does not overrule one."""
    return d.sig.word_count <= 25 and d.sig.questions > 0 and has_concrete_ask(d) and has_specific(d)


def _without_signature(text: str, context: DraftContext | None) -> str:
    """Drop a final line that is just the member's own name: a signature is not content."""
    if context is None or not context.member_name or not context.member_name.strip():
        return text
    head, sep, last = text.rstrip().rpartition("\n")
    if sep and head.strip() and last.strip(" -—~").casefold() == context.member_name.strip().casefold():
        return head
    return text


_SECONDARY = frozenset({"no_personalization", "no_ask", "no_value"})


def _settle(findings: list[Finding], d: Draft) -> list[Finding]:
    """What may change the verdict: only a problem the recipient would notice and mind.

    Those are a template slot or the wrong name, nothing but stock lines, a pitch, pressure or guilt,
    over-familiarity, a meaning-changing slip, an oversized or stacked ask, a wall of text, and a message that
    is mostly about the sender. A missing detail, a missing ask, an offer left out or a short message are
    suggestions: real people's good messages often have none of them (thank-yous, reconnects, a shared link,
    a one-line chat message), so they never decide the verdict on their own.
    """
    out = []
    for f in findings:
        suggestion = (f.rule in _SUGGESTIONS_ONLY and not vague_cold_ask(d)) or (
            f.rule == "too_short" and not content_free(d)
        )
        if f.severity == "medium" and suggestion:
            f = replace(f, severity="low")
        out.append(f)
    return out


_SUGGESTIONS_ONLY = frozenset({"no_personalization", "no_ask"})


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
