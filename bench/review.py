"""Benchmark draft review on the labelled set: accuracy, per-rule precision/recall, speed, start-up.

Prints one JSON line per measurement: balanced accuracy and per-class recall per split — real writing first
(``real_tune``, ``real_heldout`` by source site, and ``blind2``, ``blind3``), then the project's own drafts (tune,
held-out, blind; ``--final`` adds the final blind part, to be opened once) — the real held-out split by
finer kind, kind-detection accuracy, per-rule precision and recall, ms per draft, and the median start-up of
``coach review "text"`` as a whole process.
Run: ``.venv/bin/python bench/review.py`` (``--errors`` lists misjudged *tune* and *real_tune* drafts;
held-out and blind errors are never listed, so nobody tunes on them).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.review import review
from bot.review.evaluate import Labelled, accuracy, judge, kind_accuracy, load, per_rule

SPLITS = ("real_tune", "real_heldout", "blind2", "blind3", "tune", "heldout", "blind")  # "final" only with --final
TUNED = ("tune", "real_tune")
SAMPLE = (
    "Hi Jane, it was great to meet you at PyCon on Thursday. I keep thinking about your point on onboarding "
    "metrics and how your team measures time to first commit. I put together a short doc on what we track "
    "and thought you might find it useful. Would you be up for a twenty-minute call next week to compare "
    "notes? No worries if the timing is bad. "
)


def timing(rows: list[Labelled]) -> list[dict[str, Any]]:
    texts = [(r.text, r.context) for r in rows]
    for t, c in texts:  # warm up
        review(t, c)
    rounds, start = 20, time.perf_counter()
    for _ in range(rounds):
        for t, c in texts:
            review(t, c)
    elapsed = time.perf_counter() - start
    draft_1k = (SAMPLE * 4)[:1000]
    samples = []
    for _ in range(300):
        t0 = time.perf_counter()
        review(draft_1k)
        samples.append((time.perf_counter() - t0) * 1000)
    huge = (SAMPLE * 200)[:50_000]
    t0 = time.perf_counter()
    review(huge)
    huge_ms = (time.perf_counter() - t0) * 1000
    return [
        {
            "metric": "throughput",
            "drafts_per_s": round(rounds * len(texts) / elapsed, 1),
            "ms_per_draft": round(elapsed * 1000 / (rounds * len(texts)), 3),
            "mean_chars": round(statistics.mean(len(t) for t, _ in texts)),
        },
        {
            "metric": "latency_1000_chars",
            "ms_median": round(statistics.median(samples), 3),
            "ms_p95": round(sorted(samples)[int(len(samples) * 0.95)], 3),
            "target_ms": 5,
        },
        {"metric": "latency_50000_chars", "ms": round(huge_ms, 2)},
        startup(),
    ]


def startup(runs: int = 15) -> dict[str, Any]:
    """Wall time of `coach review "text"` as a whole process (interpreter start included), median of runs."""
    coach = Path(sys.executable).with_name("coach")
    command = [str(coach)] if coach.exists() else [sys.executable, "-m", "adapters.entrypoints.cli"]
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([*command, "review", "Hi Wren, great meeting you at the Postgres meetup. Coffee next week?"],
                       check=True, capture_output=True)
        samples.append((time.perf_counter() - t0) * 1000)
    return {"metric": "startup_coach_review", "ms_median": round(statistics.median(samples), 1),
            "ms_max": round(max(samples), 1), "target_ms": 200}


def by_kind(results: list[tuple[Labelled, Any]]) -> list[dict[str, Any]]:
    """Per finer kind of a real message: how many of each class the review judged as its author did."""
    groups: dict[str, list[tuple[Labelled, Any]]] = defaultdict(list)
    for row, rv in results:
        groups[row.real_kind or row.kind].append((row, rv))
    return [{"real_kind": kind, **accuracy(part)} for kind, part in sorted(groups.items())]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", action="store_true", help="list misjudged tune drafts (never held-out or blind)")
    ap.add_argument("--final", action="store_true", help="also score the final blind part (open it once)")
    args = ap.parse_args(argv)
    splits = (*SPLITS, "final") if args.final else SPLITS
    rows = load(splits)
    emit = lambda obj: print(json.dumps({"bench": "review", **obj}))  # noqa: E731
    emit({"metric": "dataset", "rows": len(rows), **{s: sum(r.split == s for r in rows) for s in splits}})
    detected = judge(rows)
    given = judge(rows, given_kind=True)
    for mode, results in (("kind_detected", detected), ("kind_given", given)):
        for split in splits:
            part = [x for x in results if x[0].split == split]
            if part:
                emit({"metric": "accuracy", "split": split, "mode": mode, **accuracy(part)})
    for line in by_kind([x for x in detected if x[0].split == "real_heldout"]):
        emit({"metric": "accuracy_by_kind", "split": "real_heldout", **line})
    for split in splits:
        part = [x for x in detected if x[0].split == split]
        if part:
            emit({"metric": "kind_detection", "split": split, "accuracy": kind_accuracy(part), "n": len(part)})
    for split in splits:
        for line in per_rule([x for x in detected if x[0].split == split]):
            emit({"metric": "rule", "split": split, **line})
    for line in timing(rows):
        emit(line)
    if args.errors:
        for row, rv in detected:
            if row.split in TUNED and (rv.verdict != row.label or set(rv.rules) != set(row.rules)):
                print(
                    json.dumps(
                        {
                            "id": row.id,
                            "kind": row.kind,
                            "got_kind": str(rv.kind),
                            "label": row.label,
                            "got": rv.verdict,
                            "rules": sorted(row.rules),
                            "got_rules": list(rv.rules),
                            "text": row.text[:200],
                        }
                    ),
                    file=sys.stderr,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
