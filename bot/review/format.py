"""Plain-text rendering of a review for a person: a verdict line, then one line per finding with its fix."""

from __future__ import annotations

from bot.review.model import Review

_KIND_LABEL = {
    "connection_note": "connection note",
    "follow_up": "follow-up",
    "thank_you": "thank-you",
    "cold_outreach": "cold message",
}
_MARK = {"high": "!!", "medium": "!", "low": "-"}


def format_review(review: Review) -> str:
    """Short, human, no markdown bold."""
    kind = _KIND_LABEL.get(str(review.kind), str(review.kind))
    if review.verdict == "good":
        head = f"Looks good to send ({kind}, score {review.score}/100)."
    elif not review.findings:
        head = "I can't review this one."
    else:
        head = f"Needs work before you send it ({kind}, score {review.score}/100)."
    lines = [head]
    lines.extend(f"  note: {n}" for n in review.notes)
    for f in review.findings:
        where = f' ("{f.excerpt}")' if f.excerpt else ""
        lines.append(f"  {_MARK.get(f.severity, '-')} {f.rule}: {f.message}{where} Fix: {f.fix}")
    if review.verdict == "good" and not review.findings:
        lines.append("  Specific, useful and easy to answer. Send it.")
    return "\n".join(lines)
