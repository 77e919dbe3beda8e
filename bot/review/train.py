"""Build ``textsignal.json`` from the repo's tune data, deterministically: ``python -m bot.review.train``.

Reads only the tune splits (``real_tune`` and the project's own ``tune`` drafts); held-out, blind and final
rows are never read. The model is multinomial naive Bayes over the set of a message's words (and, with
``--rules``, the rules' findings, kind, verdict and a length bucket), Laplace-smoothed, with equal class
priors. The flag threshold comes from cross-validation grouped by source site (an own-style draft's group is
its file): five folds under three fixed salts; in each, the threshold above which fewer than ``BUDGET`` of
the real good messages that the rules pass would be flagged; the mean of the three.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.review.engine import review
from bot.review.evaluate import DATA_DIR, FILES, REAL_DIR, Labelled, site_of
from bot.review.signals import prepare
from bot.review.textsignal import WEIGHTS, TextModel, features

TUNE_SPLITS = ("real_tune", "tune")
FOLDS = 5
SALTS = ("a", "b", "c")
BUDGET = 0.05  # at most this share of good real messages the rules pass may be flagged (grouped CV)
ROUND = 4


@dataclass(frozen=True)
class Config:
    use_rules: bool = True
    real_only: bool = True
    alpha: float = 1.0
    min_df: int = 2


@dataclass(frozen=True)
class Row:
    feats: frozenset[str]
    weak: bool
    group: str
    real: bool
    rules_pass: bool
    kind: str = ""  # the row's finer kind (``real_kind``), for reports by kind


def tune_rows(config: Config, data_dir: Path = DATA_DIR) -> list[Row]:
    """The tune rows as features, each with its CV group: the source site, or the file of an own draft."""
    out: list[Row] = []
    paths = [data_dir / name for name in FILES] + sorted((data_dir / REAL_DIR).glob("*.jsonl"))
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = Labelled.from_json(json.loads(line))
            if row.split not in TUNE_SPLITS:
                continue
            rv = review(row.text, row.context, second_opinion=False)
            text = prepare(row.text).text
            feats = features(text, rv.findings, str(rv.kind), rv.verdict, config.use_rules)
            group = f"site:{site_of(row.source)}" if row.source else f"own:{path.name}"
            out.append(Row(frozenset(feats), row.label == "needs_work", group, bool(row.source), rv.verdict == "good",
                           str(row.real_kind or row.kind)))
    return out


def fit(rows: Sequence[Row], config: Config) -> dict[str, float]:
    """Naive Bayes log-odds per feature (weak over good), features seen in at least ``min_df`` messages."""
    docs = [r for r in rows if r.real or not config.real_only]
    df = Counter(x for r in docs for x in r.feats)
    vocab = sorted(x for x, n in df.items() if n >= config.min_df)
    counts = {True: Counter[str](), False: Counter[str]()}
    for r in docs:
        counts[r.weak].update(r.feats)
    total = {c: sum(counts[c][x] for x in vocab) + config.alpha * len(vocab) for c in (True, False)}
    return {
        x: round(
            math.log((counts[True][x] + config.alpha) / total[True])
            - math.log((counts[False][x] + config.alpha) / total[False]),
            ROUND,
        )
        for x in vocab
    }


def _score(weights: dict[str, float], feats: frozenset[str]) -> float:
    return sum(weights.get(x, 0.0) for x in sorted(feats))


def cv_scores(rows: Sequence[Row], config: Config, salt: str) -> list[float]:
    """Each row's score from the model fitted on the folds that don't hold its group (one salt's folds)."""
    fold = [int(hashlib.sha256((salt + r.group).encode()).hexdigest(), 16) % FOLDS for r in rows]
    scores = [0.0] * len(rows)
    for k in range(FOLDS):
        weights = fit([r for r, f in zip(rows, fold, strict=True) if f != k], config)
        for i, r in enumerate(rows):
            if fold[i] == k:
                scores[i] = _score(weights, r.feats)
    return scores


def flag_threshold(scores: Sequence[float], rows: Sequence[Row], budget: float = BUDGET) -> float:
    """The score above which at most ``budget`` of the good real rows the rules pass are flagged."""
    good = sorted((s for s, r in zip(scores, rows, strict=True) if r.real and r.rules_pass and not r.weak),
                  reverse=True)
    return good[int(budget * len(good))] + 1e-6


def cv_threshold(rows: Sequence[Row], config: Config, budget: float = BUDGET) -> tuple[float, list[dict[str, float]]]:
    """The flag threshold from grouped cross-validation, and each salt's figures."""
    thresholds, report = [], []
    for salt in SALTS:
        scores = cv_scores(rows, config, salt)
        t = flag_threshold(scores, rows, budget)
        good = [s for s, r in zip(scores, rows, strict=True) if r.real and r.rules_pass and not r.weak]
        missed = [s for s, r in zip(scores, rows, strict=True) if r.real and r.rules_pass and r.weak]
        weak = [s for s, r in zip(scores, rows, strict=True) if r.real and r.weak]
        thresholds.append(t)
        report.append(
            {
                "threshold": round(t, ROUND),
                "good_flagged": round(sum(s >= t for s in good) / len(good), 3),
                "weak_flagged": round(sum(s >= t for s in weak) / len(weak), 3),
                "rules_missed_weak_flagged": round(sum(s >= t for s in missed) / max(1, len(missed)), 3),
            }
        )
    return round(sum(thresholds) / len(thresholds), ROUND), report


def build(config: Config, data_dir: Path = DATA_DIR) -> tuple[TextModel, list[dict[str, float]]]:
    rows = tune_rows(config, data_dir)
    threshold, report = cv_threshold(rows, config)
    return TextModel(fit(rows, config), 0.0, threshold, config.use_rules), report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--text-only", action="store_true", help="words only, without the rules' findings")
    ap.add_argument("--with-own", action="store_true", help="also fit on the project's own tune drafts")
    args = ap.parse_args(argv)
    config = Config(use_rules=not args.text_only, real_only=not args.with_own)
    model, report = build(config)
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(json.dumps({"config": config.__dict__, "features": len(model.weights), "threshold": model.threshold,
                      "cv": report}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
