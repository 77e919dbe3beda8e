"""*Draft it for me*: a message for each nudge stage, in the coach's own words, built from stored context."""

from __future__ import annotations

import re

from bot.review.context import _LEAD, topic_of, usable
from bot.review.kinds import kind_for_nudge
from bot.review.model import DraftContext

_UNSAFE = re.compile(r"[^\w\s'&+./#-]+|_+")
_SPACE = re.compile(r"\s+")


def _clean(value: str | None, max_words: int = 10, *, check: bool = True) -> str:
    """Make a stored field safe to drop into a sentence: no template characters, bounded length."""
    if not value or (check and not usable(value)):
        return ""
    words = _SPACE.sub(" ", _UNSAFE.sub(" ", value)).strip(" .,;:-—").split(" ")
    return " ".join(words[:max_words]).strip(" .,;:-—")


def _first_name(context: DraftContext) -> str:
    name = _clean(context.contact_name.lstrip("@"), 3, check=False).split(" ")[0] if context.contact_name else ""
    if not name:
        return "there"
    head = name[:1].upper()
    return (head if len(head) == 1 else name[:1]) + name[1:]


def _topic(context: DraftContext) -> tuple[str, bool]:
    """The conversation topic and whether it reads as a noun phrase ('onboarding metrics')."""
    if not context.notes:
        return "", False
    first = re.split(r"[.;\n]", context.notes.strip(), maxsplit=1)[0]
    topic = _clean(topic_of(context.notes), 8)
    return topic, bool(_LEAD.match(first))


def _sign_off(context: DraftContext, word: str = "Best") -> str:
    member = _clean(context.member_name, 4, check=False)
    return f"\n\n{word},\n{member}" if member else ""


def write_draft(nudge_kind: str, context: DraftContext) -> str:
    """A ready-to-edit message for a nudge stage; it passes ``review`` for that stage's kind."""
    kind_for_nudge(nudge_kind)  # validates the stage
    if nudge_kind == "move_on":
        raise ValueError("move_on has no draft: the coach suggests letting this contact go")
    first = _first_name(context)
    where = _clean(context.where_met, 6)
    topic, noun = _topic(context)
    interest = next((c for c in (_clean(i, 5) for i in context.interests) if c), "")
    offer = _clean(context.offer, 12)
    chat = (f"our chat about {topic}" if noun else f"our chat ({topic})") if topic else "our conversation"

    if nudge_kind == "follow_up_48h":
        met = f"It was good to meet you at {where}." if where else "It was good to meet you the other day."
        lines = [met, f"I've been thinking about {chat} since."]
        if interest:
            lines.append(f"Nice to find someone else into {interest}, too.")
        lines.append(
            f"One thing I can offer: {offer}."
            if offer
            else "If there's anything I can help with on your side, I'm happy to help."
        )
        lines.append("Would you be up for a short call or a coffee in the next couple of weeks?")
        return f"Hi {first},\n\n{' '.join(lines)}{_sign_off(context)}"

    if nudge_kind == "no_reply_1w":
        about = f" about {topic}" if topic else (f" after we met at {where}" if where else " after we met")
        if interest and not (topic or where):
            about += f" and found we're both into {interest}"
        lines = [f"A quick follow-up on my note from last week{about}."]
        lines.append(
            f"The offer still stands: {offer}."
            if offer
            else "I'm happy to help with anything on your plate if it's useful."
        )
        lines.append("No pressure at all if now is a busy time.")
        lines.append("Would a short chat sometime soon work for you?")
        return f"Hi {first},\n\n{' '.join(lines)}{_sign_off(context)}"

    if nudge_kind == "no_reply_2w":
        since = "" if topic else (f" when we met at {where}" if where else " when we met")
        if interest and not (topic or where):
            since += f", not least the {interest} tangent"
        lines = [
            "This is my last note, so I'll keep it short and stay out of your inbox after this.",
            f"I enjoyed {chat}{f' at {where}' if where and topic else ''}{since}.",
        ]
        lines.append(
            f"If {offer} would still be useful, I'm happy to help any time."
            if offer
            else "If I can ever help with something, I'm happy to."
        )
        lines.append("And if the timing isn't right, no problem at all. Would you like to pick this up later on?")
        return f"Hi {first},\n\n{' '.join(lines)}{_sign_off(context, 'All the best')}"

    # check_in
    if topic:
        lines = [
            f"It's been a while since {chat}, and it came to mind today.",
            f"How have things been going with {topic}?" if noun else "How have things been going?",
        ]
    elif where:
        lines = [
            f"It's been a while since we met at {where}, and you came to mind today.",
            "How have things been going on your side?",
        ]
    else:
        lines = [
            "It's been a while since we last talked, and you came to mind today.",
            "How have things been going on your side?",
        ]
    if interest:
        lines.append(f"Still into {interest}?")
    lines.append(
        f"If {offer} would help, just say and I'll set it up."
        if offer
        else "If there's anything I can help with, I'm happy to."
    )
    return f"Hi {first},\n\n{' '.join(lines)}{_sign_off(context, 'Cheers')}"
