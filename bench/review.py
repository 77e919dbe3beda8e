"""Benchmark draft review on the labelled set: accuracy, per-rule precision/recall, speed.

Prints one JSON line per measurement. Run: ``.venv/bin/python bench/review.py``
(``--errors`` also lists misjudged *tune* drafts; held-out errors are never listed, so nobody tunes on them).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.review import RULES, DraftContext, MessageKind, review

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "drafts.jsonl"
SAMPLE = (
    "Hi Jane, it was great to meet you at PyCon on Thursday. I keep thinking about your point on onboarding "
    "metrics and how your team measures time to first commit. I put together a short doc on what we track "
    "and thought you might find it useful. Would you be up for a twenty-minute call next week to compare "
    "notes? No worries if the timing is bad. "
)


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def context_of(row: dict[str, Any]) -> DraftContext | None:
    return DraftContext.from_dict(row.get("context"))


def judge(rows: list[dict[str, Any]], given_kind: bool) -> list[tuple[dict[str, Any], Any]]:
    return [(r, review(r["text"], context_of(r), kind=MessageKind(r["kind"]) if given_kind else None)) for r in rows]


def accuracy(results: list[tuple[dict[str, Any], Any]]) -> dict[str, Any]:
    per: dict[str, list[bool]] = {"good": [], "needs_work": []}
    for row, rv in results:
        per[row["label"]].append(rv.verdict == row["label"])
    good = sum(per["good"]) / max(1, len(per["good"]))
    bad = sum(per["needs_work"]) / max(1, len(per["needs_work"]))
    return {
        "balanced_accuracy": round((good + bad) / 2, 3),
        "good_accuracy": round(good, 3),
        "needs_work_accuracy": round(bad, 3),
        "n": len(results),
        "n_good": len(per["good"]),
        "n_needs_work": len(per["needs_work"]),
    }


def per_rule(results: list[tuple[dict[str, Any], Any]]) -> list[dict[str, Any]]:
    out = []
    for rule in RULES:
        tp = fp = fn = 0
        for row, rv in results:
            expected, got = rule in row["rules"], rule in rv.rules
            tp += expected and got
            fp += got and not expected
            fn += expected and not got
        out.append(
            {
                "rule": rule,
                "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                "recall": round(tp / (tp + fn), 3) if tp + fn else None,
                "tp": tp,
                "fp": fp,
                "fn": fn,
            }
        )
    return out


def timing(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    texts = [(r["text"], context_of(r)) for r in rows]
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
            "mean_chars": round(statistics.mean(len(t) for t, _ in texts)),
        },
        {
            "metric": "latency_1000_chars",
            "ms_median": round(statistics.median(samples), 3),
            "ms_p95": round(sorted(samples)[int(len(samples) * 0.95)], 3),
            "target_ms": 5,
        },
        {"metric": "latency_50000_chars", "ms": round(huge_ms, 2)},
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", action="store_true", help="list misjudged tune drafts (never held-out ones)")
    args = ap.parse_args(argv)
    rows = load()
    emit = lambda obj: print(json.dumps({"bench": "review", **obj}))  # noqa: E731
    emit({"metric": "dataset", "rows": len(rows), "heldout": sum(r["split"] == "heldout" for r in rows)})
    for given in (False, True):
        mode = "kind_given" if given else "kind_detected"
        for split in ("heldout", "tune"):
            results = judge([r for r in rows if r["split"] == split], given)
            emit({"metric": "accuracy", "split": split, "mode": mode, **accuracy(results)})
    auto = judge(rows, False)
    kind_ok = sum(rv.kind == r["kind"] for r, rv in auto) / len(auto)
    emit({"metric": "kind_detection", "accuracy": round(kind_ok, 3), "n": len(auto)})
    for split in ("heldout", "tune"):
        for line in per_rule([x for x in auto if x[0]["split"] == split]):
            emit({"metric": "rule", "split": split, **line})
    for line in timing(rows):
        emit(line)
    if args.errors:
        for row, rv in auto:
            if row["split"] == "tune" and (rv.verdict != row["label"] or set(rv.rules) != set(row["rules"])):
                print(
                    json.dumps(
                        {
                            "id": row["id"],
                            "kind": row["kind"],
                            "got_kind": str(rv.kind),
                            "label": row["label"],
                            "got": rv.verdict,
                            "rules": row["rules"],
                            "got_rules": list(rv.rules),
                            "text": row["text"][:160],
                        }
                    ),
                    file=sys.stderr,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
