"""A second reader for what phrase rules miss: a small logistic model over the draft's words and word pairs.

The rules catch problems they have words for; a pitch, a guilt trip or an over-familiar aside can be phrased
in ways no list holds. This model was trained on the labelled *tune* drafts (``python -m bot.review.train``
rebuilds ``tone_model.json`` from the repository's data, deterministically) and speaks only when it is very
sure a draft needs work that the rules passed. It then names the likeliest problem and the sentence that
weighs most, so the member still gets a place to look and a fix. Pure: no network, no numpy.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("tone_model.json")
TOKEN = re.compile(r"[a-z']+|\d+|[!?]")
# rules the model may name; the others (length, blanks, spelling) are measured, not guessed
TONE_RULES: tuple[str, ...] = ("pushy", "salesy", "over_personal", "self_centred", "generic", "no_personalization")


# function words carry no tone on their own ("could" is in good asks and bad ones alike); in a pair they may
STOP = frozenset(
    (
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as", "is",
        "are", "was", "were", "be", "been", "am", "i", "me", "my", "we", "our", "you", "your", "it", "its", "this",
        "that", "these", "those", "so", "if", "then", "than", "just", "could", "would", "can", "will", "should", "may",
        "might", "do", "did", "does", "have", "has", "had", "not", "no", "yes", "please", "hi", "hello", "hey", "dear",
        "thanks", "thank",
    )
)


def features(text: str) -> frozenset[str]:
    """Lower-cased content words, and adjacent word pairs unless both are function words."""
    words = TOKEN.findall(text.lower())
    return frozenset(w for w in words if w not in STOP) | frozenset(
        f"{a} {b}" for a, b in pairwise(words) if a not in STOP or b not in STOP
    )


@dataclass(frozen=True)
class Linear:
    """One logistic model: a bias and a weight per feature (absent features weigh nothing)."""

    bias: float
    weights: dict[str, float]

    def score(self, feats: Iterable[str]) -> float:
        return self.bias + sum(self.weights.get(f, 0.0) for f in feats)

    def probability(self, feats: Iterable[str]) -> float:
        z = max(-30.0, min(30.0, self.score(feats)))
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, object]:
        return {"bias": self.bias, "weights": self.weights}

    @classmethod
    def from_json(cls, value: dict[str, object]) -> Linear:
        weights = value["weights"]
        assert isinstance(weights, dict)
        return cls(float(value["bias"]), {str(k): float(v) for k, v in weights.items()})  # type: ignore[arg-type]


@dataclass(frozen=True)
class ToneModel:
    """The verdict model, one model per rule it may name, and the threshold it must clear to speak."""

    verdict: Linear
    rules: dict[str, Linear]
    threshold: float

    def judge(self, text: str, sentences: tuple[str, ...]) -> ToneCall | None:
        """A call when the draft very likely needs work, else None."""
        feats = features(text)
        p = self.verdict.probability(feats)
        if p < self.threshold:
            return None
        rule = max(TONE_RULES, key=lambda r: (self.rules[r].probability(feats), -TONE_RULES.index(r)))
        excerpt = max(sentences, key=lambda s: self.verdict.score(features(s)) - self.verdict.bias, default=None)
        return ToneCall(rule, round(p, 3), excerpt)

    def to_json(self) -> dict[str, object]:
        return {
            "threshold": self.threshold,
            "verdict": self.verdict.to_json(),
            "rules": {name: model.to_json() for name, model in self.rules.items()},
        }

    @classmethod
    def from_json(cls, value: dict[str, object]) -> ToneModel:
        rules = value["rules"]
        assert isinstance(rules, dict)
        return cls(
            Linear.from_json(value["verdict"]),  # type: ignore[arg-type]
            {name: Linear.from_json(model) for name, model in rules.items()},
            float(value["threshold"]),  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class ToneCall:
    """The model's word on one draft: the likeliest problem, how sure it is, and where to look."""

    rule: str
    probability: float
    excerpt: str | None


@cache
def shipped_model() -> ToneModel | None:
    """The model that ships with the package, or None if its file is missing (the rules still work)."""
    try:
        return ToneModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, AssertionError):
        return None
