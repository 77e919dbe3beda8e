"""The twelve review rules. Each looks at one cleaned draft and returns zero or more findings."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.review import lexicon as lx
from bot.review import pattern_cache as rx
from bot.review.context import Detail, context_words, details, draft_stems, mentioned
from bot.review.kinds import CONNECTION_NOTE_LIMIT
from bot.review.lexicon import Phrases
from bot.review.model import DraftContext, Finding, MessageKind
from bot.review.phrases import first_name, greeting_name
from bot.review.signals import Signals, sentence_of

K = MessageKind

# word-count norms per kind: (too short below, medium above, high above)
LENGTH_NORMS: dict[MessageKind, tuple[int, int, int]] = {
    K.CONNECTION_NOTE: (5, 10_000, 10_000),  # the 300-character cap is the real limit
    K.FOLLOW_UP: (8, 150, 250),
    K.THANK_YOU: (5, 150, 250),
    K.COLD_OUTREACH: (20, 175, 300),
}
LONG_SENTENCE_WORDS = 40
REASONLESS_SUBSTANCE = 10  # above this, a stranger's ask carries enough of its own to answer
_NON_SPECIFIC_PROPER = frozenset(
    str.split(
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
        "August September October November December LinkedIn Slack Zoom Discord Twitter Teams Google Meet "
        "Calendly Best Thanks Cheers Regards Hope Looking Thank ASAP FYI BTW ETA EOD OK PS Sir Madam Mr Mrs Ms Dr"
    )
)
_ABOUT_THEM = rx.compile(r"\b(?:you|your|you're|you've|we|our|us)\b", re.IGNORECASE)
_CV_LINE = rx.compile(
    r"\b(?:experience|years|studied|degree|background|resume|cv|skills|graduated|certified|my name)\b", re.IGNORECASE
)
_THANKS_FOR = rx.compile(
    r"\b(?:thanks|thank you|thank u|thx|grateful|appreciate)\b(?: \w+)?(?: for| you for)? ([^.!?\n]{0,80})",
    re.IGNORECASE,
)
_THANKS_FILLER = rx.compile(
    r"^(?:(?:so |very |ever so )?much|a lot|a ton|heaps|(?:once )?again|for)(?:\s+for)?\s+", re.IGNORECASE
)
_VAGUE_THANKS = rx.compile(
    r"^(?:(?:so much|again|a lot|a ton|very much)\s+)?(?:for\s+)?(?:your time|everything|all|it|that|this|"
    r"connecting|accepting|the (?:connection|add|chat|call|talk|meeting)|meeting (?:with )?me|chatting|"
    r"talking|your (?:valuable |precious |kind )?(?:time|help|insights|advice|support|guidance)|the advice|"
    r"taking the time|the (?:opportunity|chance) to (?:connect|chat|talk|meet|speak))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Draft:
    """Everything a rule may look at."""

    sig: Signals
    kind: MessageKind
    context: DraftContext | None
    details: tuple[Detail, ...]
    used: tuple[Detail, ...]
    missing: tuple[Detail, ...]
    known_words: frozenset[str]

    @classmethod
    def build(cls, sig: Signals, kind: MessageKind, context: DraftContext | None) -> Draft:
        ds = details(context)
        stems = draft_stems(sig.scan) if ds else frozenset()
        used = tuple(d for d in ds if mentioned(d, stems))
        missing = tuple(d for d in ds if d not in used)
        return cls(sig, kind, context, ds, used, missing, context_words(context))


def _excerpt(d: Draft, m: re.Match[str]) -> str:
    return sentence_of(d.sig.scan, m.start(), m.end())


def has_specific(d: Draft) -> bool:
    """Whether the draft carries any detail only this contact would recognise."""
    if any(x.field != "offer" for x in d.used):
        return True
    if lx.SPECIFIC.search(d.sig.scan) or lx.NUMBER.search(d.sig.body) or lx.QUOTED.search(d.sig.scan):
        return True
    skip = set(_NON_SPECIFIC_PROPER)
    for name in (d.context.contact_name, d.context.member_name or "") if d.context else ():
        skip.update(name.split())
    if d.sig.greeting_name:
        skip.add(d.sig.greeting_name)
    body = d.sig.body
    for m in lx.PROPER_NOUN.finditer(body):
        word = m.group(1).strip("'")
        if word in skip or word.startswith("I'"):
            continue
        # a name personalises unless it sits in a line of the sender's own CV
        sentence = sentence_of(body, m.start(), m.end(), limit=400)
        if _ABOUT_THEM.search(sentence) or not _CV_LINE.search(sentence):
            return True
    if d.kind is K.THANK_YOU:
        thanks = _THANKS_FOR.search(d.sig.scan)
        obj = _THANKS_FILLER.sub("", thanks.group(1).strip()) if thanks else ""
        if len(obj.split()) >= 2 and not _VAGUE_THANKS.match(obj):
            return True
    return False


def substance(d: Draft) -> list[str]:
    """The words that are not every networking message's (names, greeting and sign-off left out)."""
    return [word.casefold() for word, _proper in _substance(d)]


def substance_weight(d: Draft, *, place_counts: bool = True) -> int:
    """How much a message says: one point a substance word, two for a name of something (a proper noun).
    Without ``place_counts``, a follow-up's "great meeting you at <the place>" adds nothing."""
    return sum(2 if proper else 1 for _word, proper in _substance(d, place_counts))


def _substance(d: Draft, place_counts: bool = True) -> list[tuple[str, bool]]:
    names = {w.casefold() for w in _names(d)}
    if not place_counts and d.kind in (K.FOLLOW_UP, K.CONNECTION_NOTE):
        for place in lx.MEETING_PLACE.finditer(d.sig.scan):
            names.update(w.casefold() for w in lx.WORD.findall(place.group(1)))
    lines = d.sig.scan.strip().splitlines()
    if len(lines) >= 2 and len(lines[-1].split()) <= 3:  # a sign-off line: "Best, Ana", "– Derek Sloane"
        lines = lines[:-1]
    out = []
    for line in lines:
        for m in lx.WORD.finditer(line):
            word = m.group(0)
            folded = word.casefold().replace("’", "'").strip("'")
            folded = lx.MISSPELLINGS.get(folded, folded)  # "confrence" is as stock as "conference"
            if folded in lx.STOCK_WORDS or folded in names or len(folded) < 2:
                continue
            before = line[: m.start()].rstrip()
            proper = word[:1].isupper() and bool(before) and before[-1] not in ".!?:—-–"
            out.append((folded, proper))
    return out


def _names(d: Draft) -> set[str]:
    found = {d.sig.greeting_name} if d.sig.greeting_name else set()
    if d.context:
        found.update(d.context.contact_name.split())
        found.update((d.context.member_name or "").split())
    tail = d.sig.scan.rstrip().rsplit(None, 3)[-3:]  # "Cheers, Anil" at the end of a one-line message
    found.update(w.strip(",.!-–— ") for w in tail if w[:1].isupper())
    return {n for n in found if n}


def stock_only(d: Draft) -> bool:
    """Nothing but stock lines: no word in it says anything about them, you or the matter at hand — or a
    word or two ("great meeting you at SaaStr, let's stay in touch") and nothing anyone could answer."""
    if has_concrete_ask(d):  # "great meeting you at the Postgres meetup — coffee next week?" proposes a step
        return substance_weight(d) == 0
    if lx.WARMTH.search(d.sig.scan):  # "seeing your name made me grin", "you're on my mind"
        return False
    if (lx.FIXED_MEETING.search(d.sig.scan) or re.search(r"[£$€]\s?\d[\d,.]*\s+(?:for\s+(?:the|my|your|our)\s+\w|"
                                                          r"back\b)", d.sig.scan)) and not lx.BUMP.search(d.sig.scan):
        return False  # "our call on Tuesday at 3pm", "the £85 for the part", "the £20 back": the matter at hand
    return substance_weight(d, place_counts=False) <= 2


def vague_cold_ask(d: Draft) -> bool:
    """A stranger's message whose only ask is one nobody can say yes to ("pick your brain", "learn more
    about your career", "be in touch in some capacity")."""
    return d.kind is K.COLD_OUTREACH and not has_concrete_ask(d) and bool(lx.VAGUE_ASK.search(d.sig.scan))


def content_free(d: Draft) -> bool:
    """Too little to answer: a bare greeting, "got a sec?", "quick question" — the question not yet asked."""
    return (d.sig.word_count < 4 and not has_specific(d)) or bool(lx.ANNOUNCED_QUESTION.search(d.sig.scan))


def has_value(d: Draft) -> bool:
    return bool(lx.VALUE.search(d.sig.scan)) or any(x.field == "offer" for x in d.used)


def has_ask(d: Draft) -> bool:
    return d.sig.questions > 0 or bool(lx.ASK.search(d.sig.scan))


def has_concrete_ask(d: Draft) -> bool:
    """An ask the reader could say yes to: a question, or an ask that isn't only 'let me know' or 'learn more'."""
    if d.sig.questions > 0:
        return True
    vague = [m.span() for m in lx.VAGUE_ASK.finditer(d.sig.scan)]
    return any(not any(a <= m.start() < b for a, b in vague) for m in lx.ASK.finditer(d.sig.scan))


def asks_nothing_on_purpose(d: Draft) -> bool:
    """Value first, a plain thank-you, or a graceful close: the guide's 'one small ask, or none'."""
    return bool(lx.NO_ASK_NEEDED.search(d.sig.scan))


def big_asks(d: Draft) -> list[re.Match[str]]:
    """Asks that cost the reader a lot: a referral, an executive's time, a review of a long document, a job.
    A review the message itself keeps small ("it's two pages", "just the abstract") is not one."""
    found = list(lx.BIG_ASK.finditer(d.sig.scan))
    if found and lx.SMALL_REVIEW.search(d.sig.scan):
        found = [m for m in found if not lx.REVIEW_ASK.search(m.group(0))]
    return found


def _quote(value: str, limit: int = 60) -> str:
    """A stored note as a quotation: the member's own words, never spliced into a sentence."""
    value = " ".join(value.split())
    return f"“{value[:limit].rstrip()}{'…' if len(value) > limit else ''}”"


def _detail_phrase(missing: tuple[Detail, ...]) -> str:
    """How to point the member at their stored details, quoting them rather than splicing them in."""
    where = next((x.label for x in missing if x.field == "where_met"), None)
    topic = next((x.label for x in missing if x.field == "notes"), None)
    interest = next((x.label for x in missing if x.field == "interests"), None)
    parts = []
    if where:
        parts.append(f"where you met ({_quote(where, 40)})")
    if topic:
        parts.append(f"what you talked about ({_quote(topic)})")
    if interest and len(parts) < 2:
        parts.append(f"an interest you share ({_quote(interest, 40)})")
    if not parts:
        return "Add one detail from your conversation."
    return "Mention " + " or ".join(parts) + "."


# ----------------------------------------------------------------------------------------- rules


def rule_placeholder(d: Draft) -> list[Finding]:
    out: list[Finding] = []
    m = d.sig.placeholders[0] if d.sig.placeholders else None
    if m:
        out.append(
            Finding(
                "placeholder",
                "high",
                f"There's a template blank left in: {m.group(0)!r}.",
                _excerpt(d, m),
                "Replace it with the real detail before sending.",
            )
        )
    merged = lx.MAIL_MERGE.search(d.sig.scan) if not m else None
    if merged:
        out.append(
            Finding(
                "placeholder",
                "medium",
                "It looks mail-merged: a name dropped in with stray spaces or its legal suffix.",
                _excerpt(d, merged),
                "Write the name as you would say it, and read the sentence once as they will.",
            )
        )
    if d.context and d.sig.greeting_name:
        name = d.sig.greeting_name.casefold()
        called = greeting_name(d.context.contact_name, d.context.notes)  # "goes by Shiv" in the notes counts
        known = [p.casefold() for p in re.findall(r"[^\W\d_][\w'-]*", f"{d.context.contact_name} {called}")]
        if known and not any(k.startswith(name) or name.startswith(k) for k in known):
            out.append(
                Finding(
                    "placeholder",
                    "high",
                    f"This greets {d.sig.greeting_name}, but it's for {d.context.contact_name}.",
                    d.sig.sentences[0] if d.sig.sentences else None,
                    f"Check the name: greet {first_name(d.context.contact_name)}.",
                )
            )
    return out


def rule_length(d: Draft) -> list[Finding]:
    sig, out = d.sig, []
    short, medium, high = LENGTH_NORMS[d.kind]
    if d.kind is K.CONNECTION_NOTE and sig.chars > CONNECTION_NOTE_LIMIT:
        out.append(
            Finding(
                "too_long",
                "high",
                f"Connection notes are capped at {CONNECTION_NOTE_LIMIT} characters; this is {sig.chars}.",
                None,
                "Keep the one detail and the reason to connect; cut the rest.",
            )
        )
    elif sig.word_count > high:
        out.append(
            Finding(
                "too_long",
                "high",
                f"At {sig.word_count} words this reads like an essay.",
                None,
                "Aim for 50–125 words: one detail, one offer, one question.",
            )
        )
    elif sig.word_count > medium:
        out.append(
            Finding(
                "too_long",
                "medium",
                f"At {sig.word_count} words it's longer than most people will read in a DM.",
                None,
                "Trim to 50–125 words; move the background to a later message.",
            )
        )
    elif sig.longest_sentence_words > LONG_SENTENCE_WORDS:
        longest = max(sig.sentences, key=lambda s: len(s.split()))
        out.append(
            Finding(
                "too_long",
                "low",
                "One sentence runs on; simple sentences get more replies.",
                longest[:90] + ("…" if len(longest) > 90 else ""),
                "Split it into two or three.",
            )
        )
    if sig.word_count < short:
        out.append(
            Finding(
                "too_short",
                "medium",
                f"Only {sig.word_count} word{'s' if sig.word_count != 1 else ''}: there's not enough "
                "here to start a conversation.",
                None,
                "Add why you're writing (a shared detail) and what you'd like next.",
            )
        )
    return out


# Stock wording that needs work whatever else the message says: (pattern, what is wrong, the fix).
_STOCK_PROBLEMS: tuple[tuple[Phrases | re.Pattern[str], str, str], ...] = (
    (lx.BARE_LINK, "It's a link and nothing else: they can't tell why you sent it or whether it's worth a click.",
     "Add a line on what it is and why it made you think of them."),
    (lx.BROADCAST, "It reads as a message to a list, from a company, not from you to them.",
     "Write it from you, to them: one line only they would recognise."),
    (lx.SELF_EFFACING, "The apology or deference stands where a reason to write should be.",
     "Drop it and open with why them: the one thing you read or heard that made you write."),
    (lx.FORM_GREETING, "It greets nobody in particular, so it reads like a form letter.",
     "Find the person's name and use it."),
)
_BUMP = ("It only asks whether they saw your last message; there's nothing new to answer.",
         "Add one new thing: a detail, a link they'd use, or a smaller, concrete question.")


_CHASE = ("It only chases them for news on your own application; there's nothing for them to answer but a status.",
          "Wait a few days past the date they gave, then add something: a question about the role, or a result "
          "since you spoke.")


def status_chase(d: Draft) -> re.Match[str] | None:
    """A follow-up that is nothing but a chase for a decision on the sender's own candidacy ("just following up
    on my resume", "any updates?"): no other question and hardly a word besides."""
    if d.kind is not K.FOLLOW_UP or (m := lx.STATUS_CHASE.search(d.sig.scan)) is None:
        return None
    chasing = [s for s in d.sig.sentences if lx.STATUS_CHASE.search(s) or lx.BUMP.search(s)]
    if any("?" in s for s in d.sig.sentences if s not in chasing):
        return None
    rest = [w for w in substance(d) if w not in lx.CHASE_WORDS]
    return m if len(rest) <= 1 else None


def rule_generic(d: Draft) -> list[Finding]:
    """Stock wording: a problem only when the message is nothing else; beside real content, a suggestion."""
    bump = lx.BUMP.search(d.sig.scan)
    only_a_bump = bump and d.kind is not K.THANK_YOU and (substance_weight(d) <= 3 or
                                                          (d.kind is K.FOLLOW_UP and stock_only(d)))
    if bump and only_a_bump:
        return [Finding("generic", "medium", _BUMP[0], _excerpt(d, bump), _BUMP[1])]
    if (chase := status_chase(d)) is not None:
        return [Finding("generic", "medium", _CHASE[0], _excerpt(d, chase), _CHASE[1])]
    if stock_only(d) and d.sig.word_count >= 2:
        return [
            Finding(
                "generic",
                "medium",
                "Nothing in it is about them or the matter at hand: it could be sent to anyone.",
                d.sig.sentences[0] if d.sig.sentences else None,
                "Add one thing only this person would recognise: their talk or post, your chat, what you need.",
            )
        ]
    for pattern, message, fix in _STOCK_PROBLEMS:
        if (m := pattern.search(d.sig.scan)) is not None:
            return [Finding("generic", "medium", message, _excerpt(d, m), fix)]
    cliche = lx.CLICHE_ASK.search(d.sig.scan)
    bounded = lx.BOUNDED_TIME.search(d.sig.scan) or (d.sig.questions and lx.QUESTION_ABOUT.search(d.sig.scan))
    if cliche and not bounded:
        return [
            Finding(
                "generic",
                "medium",
                f"“{cliche.group(0)}” is the ask people are most tired of: it asks for open-ended time and says "
                "nothing about what you want to know.",
                _excerpt(d, cliche),
                "Ask the one thing you want to know, so they can answer in a line.",
            )
        ]
    m = lx.GENERIC_STRONG.search(d.sig.scan) or lx.GENERIC_SOFT.search(d.sig.scan)
    if m:
        return [
            Finding(
                "generic",
                "low",
                "There's a stock line in it that people have seen a hundred times.",
                _excerpt(d, m),
                "Say it in your own words, or cut it: the specific part carries the message.",
            )
        ]
    return []


def rule_personalization(d: Draft) -> list[Finding]:
    stored = [x for x in d.details if x.field in ("where_met", "notes", "interests")]
    specific = has_specific(d)
    name = d.context.contact_name if d.context else "them"
    if stored:
        used_any = any(x.field != "offer" for x in d.used)
        missing = tuple(x for x in d.missing if x.field != "offer")
        if not used_any and not specific:
            return [
                Finding(
                    "no_personalization",
                    "medium",
                    f"Nothing here is about {name}, though you noted details you could use.",
                    None,
                    _detail_phrase(missing),
                )
            ]
        topic_missing = tuple(x for x in missing if x.field == "notes")
        if not used_any or topic_missing:
            return [
                Finding(
                    "no_personalization",
                    "low",
                    "Specific enough to send; a detail from your notes would make it warmer still.",
                    None,
                    _detail_phrase(topic_missing or missing),
                )
            ]
        return []
    if not specific:
        message, fix = {
            K.THANK_YOU: (
                "The thanks is warm but doesn't say for what, so it reads like a form letter.",
                "Name the one thing they did or said that helped, and what you did with it.",
            ),
            K.FOLLOW_UP: (
                "Nothing here would remind them who you are.",
                "Name where you met or one thing you talked about.",
            ),
        }.get(
            d.kind,
            (
                "Nothing here shows it was written for them.",
                "Mention one specific thing: their talk or post, a mutual contact, where you met.",
            ),
        )
        return [Finding("no_personalization", "medium", message, None, fix)]
    return []


def rule_value(d: Draft) -> list[Finding]:
    offer = next((x for x in d.details if x.field == "offer"), None)
    offer_used = offer is not None and offer in d.used
    if d.kind is K.COLD_OUTREACH and not has_value(d) and big_asks(d):
        fix = f"Offer {_quote(offer.label, 40)}." if offer else "Offer something back: an intro, a resource, a result."
        return [Finding("no_value", "medium", "It asks for a big favour and offers nothing back.", None, fix)]
    if offer is not None and not offer_used and d.kind in (K.COLD_OUTREACH, K.FOLLOW_UP):
        return [
            Finding(
                "no_value",
                "low",
                "You planned to offer something; the draft doesn't mention it.",
                None,
                f"Add a line offering what you noted: {_quote(offer.label, 50)}.",
            )
        ]
    return []


def rule_ask(d: Draft) -> list[Finding]:
    if d.sig.questions > 3:
        return [
            Finding(
                "pushy",
                "medium" if d.sig.questions >= 5 else "low",
                f"{d.sig.questions} questions in one message feels like a quiz.",
                None,
                "Keep the one question that matters most.",
            )
        ]
    if has_concrete_ask(d) or asks_nothing_on_purpose(d) or d.kind in (K.THANK_YOU, K.CONNECTION_NOTE):
        return []
    if d.kind is K.COLD_OUTREACH and (not has_value(d) or has_ask(d)):
        vague = lx.VAGUE_ASK.search(d.sig.scan)
        return [
            Finding(
                "no_ask",
                "medium",
                "It's too vague to answer: they can't tell what you'd like from them."
                if vague
                else "It never says what you'd like from them, so the easiest reply is none.",
                _excerpt(d, vague) if vague else None,
                "End with one small, concrete question, e.g. which one thing they'd do first in your place.",
            )
        ]
    return []


def rule_reason(d: Draft) -> list[Finding]:
    """A stranger asked for their time (coffee, a chat, "can we talk") or for work with no reason: nothing
    about why them — their work, a mutual contact, a shared group — and nothing about what it would be about."""
    scan = d.sig.scan
    if d.kind is not K.COLD_OUTREACH or lx.SPECIFIC.search(scan) or lx.REASON.search(scan):
        return []
    if substance_weight(d) > REASONLESS_SUBSTANCE:  # a message with that much in it has its reasons
        return []
    m = lx.MEETING_ASK.search(scan)
    job = None if m or lx.NOT_A_JOB_ASK.search(scan) else lx.JOB_ASK.search(scan)
    hit = m or job
    if hit is None:
        return []
    what = "for their time" if m else "for work"
    return [
        Finding(
            "generic",
            "medium",
            f"It asks someone who doesn't know you {what}, but never says why them or what about.",
            _excerpt(d, hit),
            "Say what led you to them (their work, who suggested them) and the one thing you'd like to ask.",
        )
    ]


def rule_intro_reason(d: Draft) -> list[Finding]:
    """An introduction asked for with no reason: the person asked has nothing to pass on to the other side. A
    suggestion only: between people who know each other the reason may already be known."""
    scan = d.sig.scan
    m = lx.INTRO_ASK.search(scan)
    if not m or lx.SPECIFIC.search(scan) or any(not r.group(0).startswith("intro") for r in lx.REASON.finditer(scan)):
        return []
    return [
        Finding(
            "generic",
            "low",
            "It asks for an introduction without saying why, so they have nothing to pass on.",
            _excerpt(d, m),
            "Say in two lines who you are and what you'd like to ask them, so it can be forwarded as it is.",
        )
    ]


def rule_ask_size(d: Draft) -> list[Finding]:
    """Too much at once: a big favour from someone you barely know, a stack of asks, or a deadline on a favour."""
    big = big_asks(d)
    if not big:
        return []
    deadline = lx.DEADLINE.search(d.sig.scan)
    stranger = d.kind in (K.COLD_OUTREACH, K.CONNECTION_NOTE)
    if lx.CONGRATS.search(d.sig.scan):
        return [
            Finding(
                "pushy",
                "medium",
                "It congratulates them and asks a big favour in the same breath, so the congratulations read as a "
                "way in.",
                _excerpt(d, big[0]),
                "Send the congratulations on their own; ask for the favour another time, and smaller.",
            )
        ]
    untargeted = lx.ANY_OPENING.search(d.sig.scan)
    if untargeted and not stranger:
        return [
            Finding(
                "pushy",
                "medium",
                "It asks them to put you forward without saying for what, so there is nothing they can act on.",
                _excerpt(d, untargeted),
                "Name the one role you want and add two lines they could forward as they are.",
            )
        ]
    if stranger or len(big) >= 2 or deadline:
        return [
            Finding(
                "pushy",
                "medium",
                "This asks a lot of someone you barely know" + (" and sets them a deadline." if deadline else "."),
                _excerpt(d, big[0]),
                "Ask for one small thing first (a pointer, ten minutes); the bigger favour can come once you know "
                "each other.",
            )
        ]
    return []


def rule_pushy(d: Draft) -> list[Finding]:
    scan = d.sig.scan
    m = lx.PUSHY_HIGH.search(scan)
    if m:
        return [
            Finding(
                "pushy",
                "high",
                "This guilt-trips them for not replying; it makes a reply less likely.",
                _excerpt(d, m),
                "Drop the reproach; restate the one useful thing and make it easy to say no.",
            )
        ]
    m = lx.PUSHY_MEDIUM.search(scan) or lx.SHOUT.search(scan)
    if m:
        return [
            Finding(
                "pushy",
                "low" if lx.SOFTENER.search(scan) and not lx.SHOUT.search(scan) else "medium",
                "This comes across as pressure.",
                _excerpt(d, m),
                'Soften it: give them an easy out ("no worries if the timing\'s wrong").',
            )
        ]
    unblanked = d.sig.without_placeholders()  # a <TOPIC> blank is the placeholder rule's, not shouting
    runs = [m.group(0) for m in lx.CAPS_RUN.finditer(unblanked)]
    runs = [r for r in runs if any(w.strip("'!?.,") not in lx.CAPS_OK for w in r.split())]
    caps = runs + [w for w in lx.CAPS_EMPHASIS.findall(unblanked) if w.lower() not in d.known_words]
    if caps:
        return [
            Finding(
                "pushy",
                "medium",
                "The capitals read as shouting.",
                " ".join(caps[:4]),
                "Use normal case; let the words carry the emphasis.",
            )
        ]
    return []


def rule_unasked_intro(d: Draft) -> list[Finding]:
    """Introducing people, or promising someone's time, without asking them first."""
    m = lx.UNASKED_INTRO.search(d.sig.scan)
    if not m:
        return []
    return [
        Finding(
            "pushy",
            "medium",
            "This introduces them, or promises their time, without asking first.",
            _excerpt(d, m),
            "Ask each side first (\"would you be open to an intro to …?\"), then introduce them once both say yes.",
        )
    ]


def _about_their_work(d: Draft, m: re.Match[str]) -> bool:
    """A social account named for what it says about their work ("I read on your Instagram that your studio runs
    a free clinic"), not for their private life."""
    if not lx.SOCIAL_NETWORK.search(m.group(0)):
        return False
    sentence = sentence_of(d.sig.scan, m.start(), m.end(), limit=400)
    return bool(lx.WORK_CONTENT.search(sentence)) and not lx.PERSONAL_CONTENT.search(sentence)


def _where_they_met(d: Draft, m: re.Match[str]) -> bool:
    """The phrase names the place the member recorded meeting them ("the stag do in Krakow"): both were there."""
    where = (d.context.where_met or "").lower() if d.context else ""
    return bool(where) and m.group(0).lower().strip() in where


def rule_over_personal(d: Draft) -> list[Finding]:
    m = next((x for x in lx.OVER_PERSONAL_HIGH.finditer(d.sig.scan)
              if not _about_their_work(d, x) and not _where_they_met(d, x)), None)
    if m:
        return [
            Finding(
                "over_personal",
                "high",
                "This is too personal for a professional contact.",
                _excerpt(d, m),
                "Remove it; keep to the work, the event and what you can do for each other.",
            )
        ]
    m = lx.OVER_PERSONAL_MEDIUM.search(d.sig.scan)
    if m:
        return [
            Finding(
                "over_personal",
                "medium",
                "This gets more personal than a new contact expects.",
                _excerpt(d, m),
                "Keep it warm but professional; save personal news for people you know well.",
            )
        ]
    return []


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# what a member notes about a person that must never reach them: an unflattering judgement of them, or the
# hardest parts of their private life (a topic such as on-call burnout or flaky CI is neither)
_HARSH = _set(
    "rude arrogant awkward boring weird annoying pushy intense sketchy salesy meh flaky rambling condescending smug "
    "jerk weirdo creepy odd grumpy cynical stressed bored drunk nervous shy chatty talkative"
)
_PRIVATE_NOTED = _set(
    "divorce divorced chemo chemotherapy cancer funeral died death grief pregnant pregnancy miscarriage ivf "
    "fertility rehab therapy therapist diagnosis diagnosed surgery sober addiction layoff laid fired salary debt "
    "dating religion sexuality disability depression depressed anxiety adhd autism hospital illness"
)
_ABOUT_A_PERSON = rx.compile(
    r"\b(?:seemed|seems|seem|was|is|were|are|bit|kinda|kind of|very|quite|pretty|so|super|rather|little|"
    r"you|you're|your|his|her|their|he's|she's|they're|going through|just had|recently)\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
_OWN_NOTES = rx.compile(r"\b(?:(?:per|from|according to|see) my notes|note to self|my notes say)\b", re.IGNORECASE)


def _said_of_them(text: str, word: str) -> bool:
    """Whether ``word`` is said of a person in ``text`` ("seemed a bit arrogant", "her divorce"), not a topic."""
    for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        if _ABOUT_A_PERSON.search(text[max(0, m.start() - 40) : m.start()]):
            return True
    return False


def rule_private_notes(d: Draft) -> list[Finding]:
    """The member's own notes showing: "per my notes", or a judgement of them or their private life that the
    member wrote down for themselves and the draft repeats to them."""
    m = _OWN_NOTES.search(d.sig.scan)
    if m:
        return [
            Finding(
                "placeholder",
                "high",
                "Your own notes are showing: this reads as written to yourself, not to them.",
                _excerpt(d, m),
                "Rewrite it as a message to them; leave your notes out.",
            )
        ]
    if d.context is None or not d.context.notes:
        return []
    notes = d.context.notes
    noted = {w.lower() for w in lx.WORD.findall(notes)} & (_HARSH | _PRIVATE_NOTED)
    said = {w.lower() for w in d.sig.words}
    shown = sorted(w for w in noted & said if _said_of_them(notes, w) and _said_of_them(d.sig.scan, w))
    if not shown:
        return []
    return [
        Finding(
            "over_personal",
            "high",
            f"Your private notes are showing: “{shown[0]}” is what you noted for yourself, not something to say "
            "to them.",
            None,
            "Leave judgements and their private life out; keep to the work, the event and what you can do for them.",
        )
    ]


def rule_self_centred(d: Draft) -> list[Finding]:
    sig = d.sig
    promo = lx.SELF_PROMOTION.search(sig.scan)
    if promo:
        return [
            Finding(
                "self_centred",
                "medium",
                "It turns into promoting yourself.",
                _excerpt(d, promo),
                "Keep it about them and what you discussed; let your work speak when they ask about it.",
            )
        ]
    m = lx.RESUME_DUMP.search(sig.scan)
    ratio = sig.first_person / max(1, sig.second_person + sig.first_plural)
    asks_for_work = d.kind is K.COLD_OUTREACH and bool(lx.JOB_ASK.search(sig.scan) or big_asks(d))
    if (m and sig.first_person > sig.second_person) or (sig.first_person >= 9 and ratio >= 3.5) or (
        asks_for_work and sig.first_person >= 6 and ratio >= 4
    ):
        return [
            Finding(
                "self_centred",
                "medium",
                f"It's mostly about you ({sig.first_person}× I/me/my vs {sig.second_person}× you/your).",
                _excerpt(d, m) if m else None,
                "Turn one 'I' sentence around to them: what's in it for them, or a question about their work.",
            )
        ]
    return []


def rule_salesy(d: Draft) -> list[Finding]:
    m = lx.SALESY_STRONG.search(d.sig.scan)
    buzz = list(lx.SALESY_BUZZ.finditer(d.sig.scan))
    if m:
        return [
            Finding(
                "salesy",
                "medium",
                "This reads like a sales pitch, which kills a new connection.",
                _excerpt(d, m),
                "Drop the pitch; lead with the conversation and offer help, not a product.",
            )
        ]
    if len(buzz) >= 2:
        return [
            Finding(
                "salesy",
                "medium",
                "The buzzwords make it sound like marketing copy.",
                _excerpt(d, buzz[0]),
                "Say it plainly, the way you'd say it over coffee.",
            )
        ]
    if buzz:
        return [
            Finding(
                "salesy", "low", f"'{buzz[0].group(0)}' is jargon.", _excerpt(d, buzz[0]), "Use a plain word instead."
            )
        ]
    return []


def rule_typo(d: Draft) -> list[Finding]:
    hits: list[str] = []
    for w in d.sig.words:
        low = w.lower()
        if low in lx.MISSPELLINGS and (w == low or len(low) > 3) and low not in d.known_words \
                and not lx.TEXTSPEAK.fullmatch(low):  # "thx", "pls": a chat register, judged as such, not a slip
            hits.append(f"{w} → {lx.MISSPELLINGS[low]}")
    # a slip that is a real word ("your welcome") or a doubled word reads as careless, not as a typo
    slips = 0
    for slip, fix in lx.REAL_WORD_SLIPS.finditer(d.sig.scan):
        hits.append(f"'{slip}' → {fix}")
        slips += 1
    for m in lx.REPEATED_WORD.finditer(d.sig.scan):
        if m.group(1).lower() not in ("that", "had", "is"):
            hits.append(f"'{m.group(0)}' (repeated word)")
            slips += 1
    if lx.LOWER_I.search(d.sig.scan):
        hits.append("i → I")
    careless = _careless(d, any(not lx.CASUAL_SPELLING.fullmatch(h.split(" → ")[0]) for h in hits))
    if careless:
        return [
            Finding(
                "typo",
                "medium",
                f"It reads as dashed off ({', '.join(careless)}).",
                None,
                "Write it in full sentences with capitals, apostrophes and punctuation; it's a first impression.",
            )
        ]
    if not hits:
        return []
    severity = "medium" if len(hits) >= 2 or slips else "low"
    return [
        Finding(
            "typo",
            severity,
            f"Spelling slip{'s' if len(hits) > 1 else ''}: {', '.join(hits[:4])}.",
            None,
            "Fix the spelling; typos make a first message look rushed.",
        )
    ]


def _run_on(scan: str) -> bool:
    """Thirty words or more in a row with no punctuation between them (linear: one split, no backtracking)."""
    return any(len(part.split()) >= lx.RUN_ON_WORDS for part in lx.PUNCTUATION_BREAK.split(scan))


def _punctuated(scan: str) -> bool:
    return any(c in scan for c in ".,!?;:")


def _careless(d: Draft, misspelt: bool) -> list[str]:
    """Signs of a message dashed off: a misspelling or a long unpunctuated run, with another of those or two
    lesser signs (a lower-case start, text-speak or a missing apostrophe, each normal in a quick chat message)."""
    scan = d.sig.scan.strip()
    first = next((c for c in scan if c.isalpha()), "")
    hard = [
        label
        for label, found in (
            ("a misspelling", misspelt),
            ("a long run with no punctuation", _run_on(scan) or (d.sig.word_count >= 15 and not _punctuated(scan))),
        )
        if found
    ]
    soft = [
        label
        for label, found in (
            ("no capital to start", first.islower()),
            ("text-speak", bool(lx.TEXTSPEAK.search(scan))),
            ("contractions without apostrophes", bool(lx.NO_APOSTROPHE.search(scan))),
        )
        if found
    ]
    return [*hard, *soft] if len(hard) >= 2 or (hard and len(soft) >= 2) else []


RULE_FUNCS: tuple[Callable[[Draft], list[Finding]], ...] = (
    rule_placeholder,
    rule_pushy,
    rule_unasked_intro,
    rule_over_personal,
    rule_private_notes,
    rule_length,
    rule_generic,
    rule_personalization,
    rule_value,
    rule_ask,
    rule_reason,
    rule_intro_reason,
    rule_ask_size,
    rule_self_centred,
    rule_salesy,
    rule_typo,
)
