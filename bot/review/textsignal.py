"""A small learned second opinion: naive Bayes over a message's words and the rules' findings.

Trained only on the tune splits by ``python -m bot.review.train`` (see there) and stored beside this module
as ``textsignal.json``. It never clears a message: when the rules find nothing to fix and the words look
much more like the weak messages in the training examples than the good ones, it adds one finding.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.review import pattern_cache as rx
from bot.review.model import Finding

WEIGHTS = Path(__file__).with_name("textsignal.json")
log = logging.getLogger(__name__)
RULE = "reads_weak"
_TOKEN = rx.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_DIGIT = rx.compile(r"\d")


def tokens(text: str) -> list[str]:
    """Lower-cased words, curly apostrophes straightened, digits folded to 0."""
    return [_DIGIT.sub("0", w) for w in _TOKEN.findall(text.lower().replace("\u2019", "'"))]


def _length_bucket(n: int) -> str:
    return "L:<15" if n < 15 else "L:<40" if n < 40 else "L:<90" if n < 90 else "L:<150" if n < 150 else "L:big"


def features(text: str, findings: Iterable[Finding], kind: str, verdict: str, use_rules: bool) -> set[str]:
    """What the model sees: the set of words, and (when it was trained with them) the rules' output."""
    words = tokens(text)
    out = set(words)
    if use_rules:
        out.update(f"R:{f.rule}:{f.severity}" for f in findings)
        out.update((f"K:{kind}", f"V:{verdict}", _length_bucket(len(words))))
    return out


@dataclass(frozen=True)
class TextModel:
    """Log-odds weights per feature (weak over good), a bias and the threshold for a flag."""

    weights: dict[str, float]
    bias: float
    threshold: float
    use_rules: bool

    def score(self, feats: Iterable[str]) -> float:
        w = self.weights
        return self.bias + math.fsum(w.get(x, 0.0) for x in feats)  # exact: no order (hash seed) effect

    def to_json(self) -> str:
        body = {
            "about": "naive Bayes log-odds (needs_work over good); built by `python -m bot.review.train`",
            "bias": self.bias,
            "threshold": self.threshold,
            "use_rules": self.use_rules,
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(body, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> TextModel:
        raw = json.loads(text)
        return cls(
            weights={str(k): float(v) for k, v in raw["weights"].items()},
            bias=float(raw["bias"]),
            threshold=float(raw["threshold"]),
            use_rules=bool(raw["use_rules"]),
        )


@cache
def load(path: Path = WEIGHTS) -> TextModel | None:
    """The stored model, read once; None when the file is absent or unreadable (the review then runs on its
    rules alone, and says so once in the log)."""
    try:
        return TextModel.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as problem:
        log.warning("the review's second opinion is off: %s could not be read (%s)", path.name, problem)
        return None


_SEEN = ("That's a statistical comparison of its wording, length and kind with a few hundred real messages that "
         "career guides and recruiters marked good or weak, not one line I can point to.")
_FIX = "Read it as them: why you're writing to them in particular, the one thing you'd like, and less about yourself."


def finding(with_hints: bool) -> Finding:
    """The coach's words for the flag; it names the hints below when the model also weighed them."""
    whole = "Taken as a whole, and with the points below," if with_hints else "Taken as a whole,"
    said = f"{whole} it reads more like the examples guides mark as weak than the ones they recommend. {_SEEN}"
    return Finding(RULE, "medium", said, None, _FIX)


def second_opinion(text: str, findings: Sequence[Finding], kind: str) -> Finding | None:
    """The extra finding for a message the rules passed (so ``findings`` are hints only), or None."""
    model = load()
    if model is None:
        return None
    if model.score(features(text, findings, kind, "good", model.use_rules)) < model.threshold:
        return None
    return finding(with_hints=model.use_rules and bool(findings))
