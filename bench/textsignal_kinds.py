"""Where the learned second opinion flags good messages, kind by kind, in grouped cross-validation.

Reads only the tune splits, as ``python -m bot.review.train`` does, with the shipped configuration (rules'
findings as features, real rows only). For each fine kind of the real tune rows (``real_kind``) it prints the
share of *good* rows the rules pass that the model flags at the CV threshold (the whole budget is 5 %), and
the share of *weak* rows the rules miss that it catches, pooled over the three salts. Aggregates only.

Run: ``.venv/bin/python bench/textsignal_kinds.py`` (about a minute).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.review import review
from bot.review.evaluate import DATA_DIR, FILES, REAL_DIR, Labelled, site_of
from bot.review.signals import prepare
from bot.review.textsignal import features
from bot.review.train import BUDGET, FOLDS, SALTS, TUNE_SPLITS, Config, Row, _score, fit


def main() -> int:
    config = Config()
    rows: list[Row] = []
    kinds: list[str] = []
    for path in [DATA_DIR / n for n in FILES] + sorted((DATA_DIR / REAL_DIR).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = Labelled.from_json(json.loads(line))
            if r.split not in TUNE_SPLITS:
                continue
            rv = review(r.text, r.context, second_opinion=False)
            feats = features(prepare(r.text).text, rv.findings, str(rv.kind), rv.verdict, config.use_rules)
            group = f"site:{site_of(r.source)}" if r.source else f"own:{path.name}"
            rows.append(Row(frozenset(feats), r.label == "needs_work", group, bool(r.source), rv.verdict == "good"))
            kinds.append(str(r.real_kind or r.kind))
    tally: dict[str, dict[str, list[bool]]] = defaultdict(lambda: {"good": [], "weak": []})
    for salt in SALTS:
        fold = [int(hashlib.sha256((salt + r.group).encode()).hexdigest(), 16) % FOLDS for r in rows]
        scores = [0.0] * len(rows)
        for k in range(FOLDS):
            weights = fit([r for r, f in zip(rows, fold, strict=True) if f != k], config)
            for i, r in enumerate(rows):
                if fold[i] == k:
                    scores[i] = _score(weights, r.feats)
        good = sorted((s for s, r in zip(scores, rows, strict=True) if r.real and r.rules_pass and not r.weak),
                      reverse=True)
        t = good[int(BUDGET * len(good))] + 1e-6
        for s, r, kind in zip(scores, rows, kinds, strict=True):
            if r.real and r.rules_pass:
                tally[kind]["weak" if r.weak else "good"].append(s >= t)
    for kind, parts in sorted(tally.items()):
        g, w = parts["good"], parts["weak"]
        print(json.dumps({"real_kind": kind, "passed_good": len(g) // len(SALTS),
                          "good_flagged": round(sum(g) / len(g), 3) if g else None,
                          "missed_weak": len(w) // len(SALTS),
                          "missed_weak_flagged": round(sum(w) / len(w), 3) if w else None}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
