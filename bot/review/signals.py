"""Turn raw input into clean text plus the measurable signals the rules use."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.review import lexicon as lx
from bot.review import pattern_cache as rx

MAX_SCAN = 20_000  # phrase rules look at this much; length rules see the whole draft

# classes exclude "<" and are bounded, so a paste of "<http://" a thousand times stays linear
_SLACK_MENTION = rx.compile(r"<@[A-Z0-9]{1,40}\|([^<>\n]{1,200})>|<@([A-Z0-9]{1,40})>")
_SLACK_LINK = rx.compile(r"<(https?://[^|<>\s]{1,2000})\|([^<>\n]{1,300})>|<(https?://[^<>\s]{1,2000})>")
_HTML_TAG = rx.compile(
    r"</?(?:a|b|i|u|p|br|hr|div|span|strong|em|ul|ol|li|html|head|body|title|h[1-6]|table|tr|td|th|img|"
    r"font|blockquote|pre|code|section|article|header|footer|meta|style|script)\b[^>]{0,300}>",
    re.IGNORECASE,
)
_URL = rx.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_MD_LINK = rx.compile(r"\[([^\[\]\n]{1,200})\]\((https?://[^()\s]{1,2000})\)")
_MD_MARK = rx.compile(r"(\*\*|__|~~|`{1,3})")
_MD_HEAD = rx.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_ENTITY = rx.compile(r"&(?:nbsp|amp|lt|gt|quot|#39);")
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}
_CODE_LINE = rx.compile(  # matched on stripped lines, so no leading or trailing whitespace runs
    r"^(?:def |class |import |from \S+ import|function\b|const |let |var |return\b|#include|public |"
    r"private |if\s?\(|for\s?\(|while\s?\(|SELECT |[}{]$|.*;$|.*=>|.*\)\s?\{$)",
)
_LETTER = rx.compile(r"[^\W\d_]")
_ASCII_LETTER = rx.compile(r"[A-Za-z]")
_EN_FUNCTION = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "to",
        "of",
        "in",
        "on",
        "for",
        "you",
        "your",
        "i",
        "me",
        "my",
        "is",
        "it",
        "that",
        "this",
        "with",
        "at",
        "we",
        "be",
        "was",
        "are",
        "so",
        "if",
        "would",
        "love",
        "hi",
        "hey",
        "thanks",
        "just",
        "about",
        "our",
        "can",
        "will",
        "have",
        "had",
        "do",
        "not",
        "but",
        "or",
        "great",
        "hope",
        "how",
        "what",
        "when",
        "let",
        "know",
        "from",
        "as",
        "by",
        "up",
        "met",
        "meet",
        "chat",
        "thank",
        "there",
        "it's",
        "i'm",
        "i'd",
        "all",
        "some",
        "any",
        "more",
        "next",
        "week",
        "call",
        "coffee",
        "happy",
        "glad",
        "good",
    }
)


@dataclass(frozen=True)
class Prepared:
    """Cleaned text and what was done to it; ``blocker`` is set when there is nothing reviewable."""

    text: str
    notes: tuple[str, ...]
    blocker: str | None  # "empty" | "no_words" | "code" | "language"


def prepare(raw: str) -> Prepared:
    """Strip platform markup, and spot input that is not an English message at all."""
    if not isinstance(raw, str):  # defensive: adapters may hand us anything
        raw = "" if raw is None else str(raw)
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("’", "'")
    text = text.replace("\u200b", "")
    if not text.strip():
        return Prepared("", (), "empty")
    notes: list[str] = []
    cleaned = _SLACK_MENTION.sub(lambda m: m.group(1) or "there", text)
    cleaned = _SLACK_LINK.sub(lambda m: m.group(2) or m.group(3) or "", cleaned)
    cleaned = _MD_LINK.sub(r"\1 (\2)", cleaned)
    stripped = _HTML_TAG.sub(" ", cleaned)
    stripped = _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], stripped)
    stripped = _MD_HEAD.sub("", stripped)
    stripped = _MD_MARK.sub("", stripped)
    if stripped != cleaned:
        notes.append("I ignored the formatting (HTML/Markdown) and reviewed the words.")
    if _looks_like_code(stripped):
        return Prepared(text.strip(), ("This looks like code, not a message.",), "code")
    text = re.sub(r"[ \t]+", " ", stripped).strip()
    letters = _LETTER.findall(text[:MAX_SCAN])
    if not letters:
        return Prepared(text, tuple(notes), "no_words")
    ascii_share = len(_ASCII_LETTER.findall(text[:MAX_SCAN])) / len(letters)
    words = [w.lower() for w in lx.WORD.findall(text[:MAX_SCAN])]
    foreign = ascii_share < 0.6 or (len(words) >= 6 and sum(w in _EN_FUNCTION for w in words) / len(words) < 0.12)
    if foreign and _LETTER.search(_URL.sub(" ", text[:MAX_SCAN])):  # a bare link's path is no language to judge
        return Prepared(text, (*notes, "This doesn't look like English; I can only review English drafts."), "language")
    return Prepared(text, tuple(notes), None)


def _looks_like_code(text: str) -> bool:
    text = lx.PLACEHOLDER.sub("NAME", text[:MAX_SCAN])  # a template's [Name] and {{first_name}} are words
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    code = sum(1 for ln in lines if _CODE_LINE.match(ln.strip()[:500]))
    symbols = sum(text[:MAX_SCAN].count(c) for c in "{}();=<>[]")
    return (len(lines) >= 2 and code / len(lines) >= 0.5) or symbols / max(len(text[:MAX_SCAN]), 1) > 0.08


@dataclass(frozen=True)
class Signals:
    """Measurements of a cleaned draft."""

    text: str
    scan: str
    chars: int
    words: tuple[str, ...]
    word_count: int
    sentences: tuple[str, ...]
    greeting_name: str | None
    body: str
    questions: int
    first_person: int
    second_person: int
    first_plural: int
    longest_sentence_words: int
    placeholders: tuple[re.Match[str], ...]  # template blanks in the scan ("[Name]", "{{company}}"), found once

    def without_placeholders(self) -> str:
        """The scan with each template blank replaced by a space."""
        pieces: list[str] = []
        at = 0
        for blank in self.placeholders:
            pieces += (self.scan[at : blank.start()], " ")
            at = blank.end()
        return "".join(pieces) + self.scan[at:]


def measure(text: str) -> Signals:
    """Compute the signals of one cleaned draft in linear time."""
    scan = text[:MAX_SCAN]
    words = tuple(lx.WORD.findall(scan))
    total_words = len(words) if len(text) <= MAX_SCAN else len(lx.WORD.findall(text))
    sentences = tuple(s.strip() for s in lx.SENTENCE_SPLIT.split(scan) if s.strip())
    g = lx.GREETING.match(scan)
    name = g.group("name") if g else None
    if name and name.lower() in lx.NOT_A_NAME:
        name = None
    body = scan[g.end() :] if g else scan
    return Signals(
        text=text,
        scan=scan,
        chars=len(text),
        words=words,
        word_count=total_words,
        sentences=sentences,
        greeting_name=name,
        body=body,
        questions=len(lx.QUESTION.findall(scan)),
        first_person=len(lx.FIRST_PERSON.findall(scan)),
        second_person=len(lx.SECOND_PERSON.findall(scan)),
        first_plural=len(lx.FIRST_PLURAL.findall(scan)),
        longest_sentence_words=max((len(s.split()) for s in sentences), default=0),
        placeholders=tuple(lx.PLACEHOLDER.finditer(scan)),
    )


def sentence_of(scan: str, start: int, end: int, limit: int = 90) -> str:
    """The sentence around a match, trimmed to ``limit`` characters, as a finding's excerpt."""
    left = max(
        scan.rfind(".", 0, start), scan.rfind("!", 0, start), scan.rfind("?", 0, start), scan.rfind("\n", 0, start)
    )
    cut = [i for i in (scan.find(c, end) for c in ".!?\n") if i != -1]
    right = min(cut) + 1 if cut else len(scan)
    s = scan[left + 1 : right].strip()
    if len(s) > limit:
        lo = max(0, start - left - 1 - limit // 3)
        s = ("…" if lo else "") + s[lo : lo + limit].strip() + "…"
    return s
