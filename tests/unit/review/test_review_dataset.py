"""The labelled drafts: their shape, and the accuracy the coach must keep on drafts it was not tuned on.

Accuracy is a property of the rules, not of the machine, so it may be asserted; timing is only benchmarked.
Splits: ``tune`` (rules were adjusted against it, the tone model learned from it), ``heldout`` (never listed by
the bench; its figure chose the tone model's threshold, so it is validation, not a clean test), ``blind``
(written by someone who had not read ``bot/review``, never tuned on: the honest figure) and ``final`` (opened
once at the end; not asserted here).
"""

from __future__ import annotations

from collections import Counter

import pytest

from bot.review import RULES, MessageKind
from bot.review.evaluate import accuracy, judge, load

SPLITS = ("tune", "heldout", "blind", "final")


def test_dataset_shape() -> None:
    data = load()
    assert len([r for r in data if r.split in ("tune", "heldout")]) >= 300
    assert sum(r.split == "blind" for r in data) >= 80
    assert len({r.id for r in data}) == len(data)
    longer = [r.text for r in data if len(r.text.split()) > 3]  # a bare "Thanks!" may be written twice
    assert len(set(longer)) == len(longer)
    for r in data:
        assert r.label in ("good", "needs_work") and r.split in SPLITS
        assert MessageKind(r.kind)
        assert r.rules <= set(RULES)
        assert r.rules or r.label == "good"  # a good draft may still carry a small slip ("typo")
    kinds = Counter((r.kind, r.label) for r in data if r.split in ("tune", "heldout"))
    assert all(kinds[(k.value, lab)] >= 20 for k in MessageKind for lab in ("good", "needs_work"))
    assert sum(r.context is not None for r in data) >= 100


def test_tune_split_floor() -> None:
    result = accuracy(judge(load(["tune"])))
    assert result["balanced_accuracy"] >= 0.95


@pytest.mark.parametrize("split", ["heldout", "blind"])
@pytest.mark.parametrize("given_kind", [False, True])
def test_unseen_drafts_are_judged_like_a_careful_reader(split: str, given_kind: bool) -> None:
    result = accuracy(judge(load([split]), given_kind=given_kind))
    assert result["balanced_accuracy"] >= 0.88, result
    assert result["good_accuracy"] >= 0.85 and result["needs_work_accuracy"] >= 0.85, result
