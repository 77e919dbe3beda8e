"""The labelled draft set: shape, and a floor on accuracy for the tune split (never wall-clock)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bot.review import RULES, DraftContext, MessageKind, review

DATA = Path(__file__).resolve().parents[2] / "data" / "drafts.jsonl"


def rows() -> list[dict]:
    return [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]


def ctx(row: dict) -> DraftContext | None:
    return DraftContext.from_dict(row.get("context"))


def test_dataset_shape() -> None:
    data = rows()
    assert len(data) >= 120
    assert len({r["id"] for r in data}) == len(data)
    for r in data:
        assert {"id", "kind", "text", "label", "rules", "reason", "split"} <= set(r)
        assert r["label"] in ("good", "needs_work") and r["split"] in ("tune", "heldout")
        assert MessageKind(r["kind"])
        assert set(r["rules"]) <= set(RULES)
        assert r["reason"]
    kinds = Counter((r["kind"], r["label"]) for r in data)
    assert all(kinds[(k.value, lab)] >= 10 for k in MessageKind for lab in ("good", "needs_work"))
    heldout = sum(r["split"] == "heldout" for r in data) / len(data)
    assert 0.25 <= heldout <= 0.45
    assert sum("context" in r for r in data) >= 10


def test_tune_split_balanced_accuracy_floor() -> None:
    per: dict[str, list[bool]] = {"good": [], "needs_work": []}
    for r in rows():
        if r["split"] == "tune":
            per[r["label"]].append(review(r["text"], ctx(r)).verdict == r["label"])
    good = sum(per["good"]) / len(per["good"])
    bad = sum(per["needs_work"]) / len(per["needs_work"])
    assert good >= 0.85 and bad >= 0.85
    assert (good + bad) / 2 >= 0.9
