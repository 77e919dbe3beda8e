"""Measure the review engine against labelled drafts: balanced accuracy, per-rule precision and recall.

Two kinds of data, in ``tests/data``:

- Real writing (``real/*.jsonl``, see ``real/README.md``): close rewrites of published networking messages,
  each with its source page and the label its author gave. Split by the source's site, so no site feeds
  both sides: ``real_tune`` (rules were adjusted against it) and ``real_heldout`` (only reported).
  ``real/blind2.jsonl`` and ``real/blind3.jsonl`` (``blind2``, ``blind3``) were written by helpers who had not
  read this package.
- The project's own drafts: ``drafts.jsonl``, ``drafts_more*.jsonl`` (splits ``tune`` and ``heldout``),
  ``drafts_blind.jsonl`` (``blind``) and ``drafts_final.jsonl`` (``final``: opened once).

Shared by ``bench/review.py`` and the tests.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.review.engine import review
from bot.review.kinds import parse_kind
from bot.review.model import RULES, DraftContext, Review, read_context

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
FILES = (
    "drafts.jsonl",
    "drafts_more.jsonl",
    "drafts_more2.jsonl",
    "drafts_more3.jsonl",
    "drafts_blind.jsonl",
    "drafts_final.jsonl",
)
REAL_DIR = "real"
LABELS = ("good", "needs_work")
REAL_TUNE_SHARE = 0.6  # of source sites; the rest is held out


def site_of(url: str) -> str:
    """The site a source URL belongs to (``www.`` dropped): the unit a split never divides."""
    host = urlsplit(url).netloc.lower()
    return host.removeprefix("www.")


def real_split(url: str) -> str:
    """``real_tune`` or ``real_heldout``, fixed by a hash of the source's site."""
    digest = hashlib.sha256(site_of(url).encode()).digest()
    return "real_tune" if digest[0] < REAL_TUNE_SHARE * 256 else "real_heldout"


@dataclass(frozen=True)
class Labelled:
    """One labelled draft as a careful reader judged it."""

    id: str
    text: str
    kind: str
    label: str
    rules: frozenset[str]
    split: str
    context: DraftContext | None
    source: str | None = None  # the page a real message was rewritten from
    real_kind: str | None = None  # the finer kind of a real message (reconnect, congrats, community_dm, …)

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> Labelled:
        source = row.get("source")
        return cls(
            id=str(row["id"]),
            text=row["text"],
            kind=row["kind"],
            label=row.get("label") or row["author_label"],
            rules=frozenset(row.get("rules", ())),
            split=row.get("split") or real_split(str(source)),
            context=read_context(row.get("context"))[0],
            source=source,
            real_kind=row.get("real_kind"),
        )


def load(splits: Iterable[str] | None = None, data_dir: Path = DATA_DIR) -> list[Labelled]:
    """Every labelled draft in ``data_dir`` (only the given splits, when named)."""
    wanted = set(splits) if splits is not None else None
    rows: list[Labelled] = []
    paths = [data_dir / name for name in FILES] + sorted((data_dir / REAL_DIR).glob("*.jsonl"))
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = Labelled.from_json(json.loads(line))
                if wanted is None or row.split in wanted:
                    rows.append(row)
    return rows


def judge(rows: Sequence[Labelled], given_kind: bool = False) -> list[tuple[Labelled, Review]]:
    """Review each draft, with its labelled kind or letting the engine detect it."""
    return [(r, review(r.text, r.context, kind=parse_kind(r.kind) if given_kind else None)) for r in rows]


def accuracy(results: Sequence[tuple[Labelled, Review]]) -> dict[str, Any]:
    """Balanced accuracy: the mean of the share of good drafts called good and of weak drafts called weak."""
    per: dict[str, list[bool]] = {label: [] for label in LABELS}
    for row, rv in results:
        per[row.label].append(rv.verdict == row.label)
    share = {label: sum(v) / len(v) if v else 0.0 for label, v in per.items()}
    return {
        "balanced_accuracy": round(sum(share.values()) / len(share), 3),
        "good_accuracy": round(share["good"], 3),
        "needs_work_accuracy": round(share["needs_work"], 3),
        "n": len(results),
        "n_good": len(per["good"]),
        "n_needs_work": len(per["needs_work"]),
    }


def kind_accuracy(results: Sequence[tuple[Labelled, Review]]) -> float:
    """Share of drafts whose detected kind is the labelled one."""
    return round(sum(str(rv.kind) == row.kind for row, rv in results) / max(1, len(results)), 3)


def per_rule(results: Sequence[tuple[Labelled, Review]]) -> list[dict[str, Any]]:
    """Precision and recall of each rule against the rules the labeller named.

    A rule counts as fired when it is a problem (medium or high); a low-severity hint is counted apart
    (``hints``), since it does not change the verdict. A real message names no rules, only its author's
    verdict: a firing on it counts as right when the author called it weak (precision only, no recall).
    """
    out = []
    for rule in RULES:
        tp = fp = fn = hints = 0
        for row, rv in results:
            fired = {f.rule for f in rv.findings if f.severity != "low"}
            hints += any(f.rule == rule and f.severity == "low" for f in rv.findings)
            got = rule in fired
            expected = (got and row.label == "needs_work") if row.source else rule in row.rules
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
                "hints": hints,
            }
        )
    return out
