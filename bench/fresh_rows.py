"""Score only one round's fresh held-out rows, rules alone vs rules + the learned second opinion.

Prints one JSON line per measurement: balanced accuracy, per-class recall and n for the rows whose id starts
with ``--prefix`` (default ``rJ-``, issue 20's fourth round, ``tests/data/real/new_sites3.jsonl``), for the
whole round and for each kind (the review's kind and the finer ``real_kind``) with at least ``--min-n`` rows.
Kind detected by the coach, as in ``bench/review.py``. Aggregates only: no row is listed.
Run: ``.venv/bin/python bench/fresh_rows.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.review import review
from bot.review.evaluate import Labelled, accuracy, load


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--prefix", default="rJ-", help="id prefix of the round's rows (comma-separated for several)")
    ap.add_argument("--min-n", type=int, default=8, help="smallest kind reported on its own")
    ap.add_argument("--split", default="real_heldout", help="real_heldout, or real_tune for a round's tune half")
    args = ap.parse_args()
    prefixes = tuple(args.prefix.split(","))  # "rL-,rM-": two rounds together
    rows: list[Labelled] = [r for r in load([args.split]) if r.id.startswith(prefixes)]
    for mode, second in (("rules", False), ("rules+second_opinion", True)):
        results = [(r, review(r.text, r.context, second_opinion=second)) for r in rows]
        print(json.dumps({"mode": mode, "rows": args.prefix + "*", **accuracy(results)}))
        for field in ("kind", "real_kind"):
            groups: dict[str, list] = defaultdict(list)
            for r, rv in results:
                groups[str(getattr(r, field))].append((r, rv))
            for name, part in sorted(groups.items()):
                if len(part) >= args.min_n:
                    print(json.dumps({"mode": mode, field: name, **accuracy(part)}))


if __name__ == "__main__":
    main()
