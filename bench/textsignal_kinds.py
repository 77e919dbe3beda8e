"""Where the learned second opinion flags good messages, kind by kind, in grouped cross-validation.

Reads only the tune splits, as ``python -m bot.review.train`` does, with the shipped configuration (rules'
findings as features, real rows only). For each fine kind of the real tune rows (``real_kind``) it prints the
share of *good* rows the rules pass that the model flags at the CV threshold (the whole budget is 5 %), and
the share of *weak* rows the rules miss that it catches, pooled over the three salts. Aggregates only.

Run: ``.venv/bin/python bench/textsignal_kinds.py`` (about a minute).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.review.train import SALTS, Config, cv_scores, flag_threshold, tune_rows


def main() -> int:
    config = Config()
    rows = tune_rows(config)
    tally: dict[str, dict[str, list[bool]]] = defaultdict(lambda: {"good": [], "weak": []})
    for salt in SALTS:
        scores = cv_scores(rows, config, salt)
        t = flag_threshold(scores, rows)
        for s, r in zip(scores, rows, strict=True):
            if r.real and r.rules_pass:
                tally[r.kind]["weak" if r.weak else "good"].append(s >= t)
    for kind, parts in sorted(tally.items()):
        g, w = parts["good"], parts["weak"]
        print(json.dumps({"real_kind": kind, "passed_good": len(g) // len(SALTS),
                          "good_flagged": round(sum(g) / len(g), 3) if g else None,
                          "missed_weak": len(w) // len(SALTS),
                          "missed_weak_flagged": round(sum(w) / len(w), 3) if w else None}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
