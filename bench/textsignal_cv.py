"""Grouped cross-validation behind the learned second opinion (``bot/review/textsignal.py``).

Reads only the tune splits (``real_tune`` and the own-style ``tune`` drafts). Folds are grouped by source
site (an own-style draft's group is its file), five folds under three fixed salts. For each configuration it
prints one JSON line: per salt, the model's balanced accuracy alone on real rows, its AUC on all real rows and
on the real rows the rules pass, and at the flag threshold (at most ``BUDGET`` of the passed good rows
flagged) the share of weak rows flagged (all, and those the rules miss) and the change of the own-style
balanced accuracy when flags are added to the rules. docs/review.md ("A learned second opinion") reports it.

Run: ``.venv/bin/python bench/textsignal_cv.py`` (about two minutes; the logistic regressions are slow).
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.review import review
from bot.review.evaluate import DATA_DIR, FILES, REAL_DIR, Labelled, site_of
from bot.review.model import Review
from bot.review.signals import prepare
from bot.review.textsignal import tokens

FOLDS, SALTS, BUDGET = 5, ("a", "b", "c"), 0.05
Weights = tuple[dict[str, float], float]


@dataclass(frozen=True)
class Config:
    model: str  # "nb" or "lr"
    rules: str  # "none", "low" (only the hints) or "all" (findings, kind, verdict, length bucket)
    pairs: bool
    min_df: int
    hyper: float  # NB: alpha; LR: L2
    real_only: bool


def rows() -> list[tuple[Labelled, str, Review]]:
    out = []
    for path in [DATA_DIR / n for n in FILES] + sorted((DATA_DIR / REAL_DIR).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = Labelled.from_json(json.loads(line))
                if r.split in ("real_tune", "tune"):
                    group = f"site:{site_of(r.source)}" if r.source else f"own:{path.name}"
                    out.append((r, group, review(r.text, r.context, second_opinion=False)))
    return out


def feats(text: str, rv: Review, c: Config) -> frozenset[str]:
    words = tokens(prepare(text).text)
    f = set(words)
    if c.pairs:
        f.update(f"{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True))
    if c.rules != "none":
        f.update(f"R:{x.rule}:{x.severity}" for x in rv.findings if c.rules == "all" or x.severity == "low")
    if c.rules == "all":
        n = len(words)
        size = "<15" if n < 15 else "<40" if n < 40 else "<90" if n < 90 else "<150" if n < 150 else "big"
        f.update((f"K:{rv.kind}", f"V:{rv.verdict}", f"L:{size}"))
    return frozenset(f)


def fit_nb(docs: Sequence[frozenset[str]], ys: Sequence[int], c: Config) -> Weights:
    df = Counter(x for d in docs for x in d)
    vocab = sorted(x for x, n in df.items() if n >= c.min_df)
    cnt = {0: Counter[str](), 1: Counter[str]()}
    for d, y in zip(docs, ys, strict=True):
        cnt[y].update(d)
    tot = {k: sum(cnt[k][x] for x in vocab) + c.hyper * len(vocab) for k in (0, 1)}
    return {x: math.log((cnt[1][x] + c.hyper) / tot[1]) - math.log((cnt[0][x] + c.hyper) / tot[0]) for x in vocab}, 0.0


def fit_lr(
    docs: Sequence[frozenset[str]], ys: Sequence[int], c: Config, epochs: int = 30, rate: float = 0.5
) -> Weights:
    """L2 logistic regression, class-balanced, full-batch Adagrad (deterministic)."""
    df = Counter(x for d in docs for x in d)
    vocab = sorted(x for x, n in df.items() if n >= c.min_df)
    keep = set(vocab)
    xs = [sorted(x for x in d if x in keep) for d in docs]
    n1 = sum(ys)
    cw = {1: len(ys) / (2 * n1), 0: len(ys) / (2 * (len(ys) - n1))}
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(float)
    b = gb2 = 0.0
    for _ in range(epochs):
        grad: dict[str, float] = defaultdict(float)
        gbias = 0.0
        for x, y in zip(xs, ys, strict=True):
            z = max(-30.0, min(30.0, b + sum(w[t] for t in x)))
            e = (1 / (1 + math.exp(-z)) - y) * cw[y] / len(xs)
            gbias += e
            for t in x:
                grad[t] += e
        for t in vocab:
            g = grad.get(t, 0.0) + c.hyper * w[t]
            if g:
                g2[t] += g * g
                w[t] -= rate * g / (math.sqrt(g2[t]) + 1e-8)
        gb2 += gbias * gbias
        b -= rate * gbias / (math.sqrt(gb2) + 1e-8)
    return dict(w), b


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def balanced(pairs: Sequence[tuple[int, int]]) -> float:
    per: dict[int, list[bool]] = {0: [], 1: []}
    for y, p in pairs:
        per[y].append(p == y)
    return (sum(per[0]) / len(per[0]) + sum(per[1]) / len(per[1])) / 2


def evaluate(data: list[tuple[Labelled, str, Review]], c: Config) -> dict[str, object]:
    docs = [feats(r.text, rv, c) for r, _, rv in data]
    ys = [int(r.label == "needs_work") for r, _, _ in data]
    real = [bool(r.source) for r, _, _ in data]
    rule = [int(rv.verdict == "needs_work") for _, _, rv in data]
    own = [i for i in range(len(data)) if not real[i]]
    base_own = balanced([(ys[i], rule[i]) for i in own])
    out: dict[str, list[float]] = defaultdict(list)
    for salt in SALTS:
        fold = [int(hashlib.sha256((salt + g).encode()).hexdigest(), 16) % FOLDS for _, g, _ in data]
        sc = [0.0] * len(data)
        for k in range(FOLDS):
            train = [i for i in range(len(data)) if fold[i] != k and (real[i] or not c.real_only)]
            fit = fit_nb if c.model == "nb" else fit_lr
            w, b = fit([docs[i] for i in train], [ys[i] for i in train], c)
            for i in range(len(data)):
                if fold[i] == k:
                    sc[i] = b + sum(w.get(x, 0.0) for x in sorted(docs[i]))
        r_all = [i for i in range(len(data)) if real[i]]
        passed = [i for i in r_all if not rule[i]]
        good = sorted((sc[i] for i in passed if not ys[i]), reverse=True)
        t = good[int(BUDGET * len(good))] + 1e-6
        out["alone_balanced"].append(balanced([(ys[i], int(sc[i] > 0)) for i in r_all]))
        out["auc_real"].append(auc([sc[i] for i in r_all if ys[i]], [sc[i] for i in r_all if not ys[i]]))
        out["auc_passed"].append(auc([sc[i] for i in passed if ys[i]], [sc[i] for i in passed if not ys[i]]))
        out["weak_flagged"].append(sum(sc[i] >= t for i in r_all if ys[i]) / sum(ys[i] for i in r_all))
        missed = [i for i in passed if ys[i]]
        out["missed_weak_flagged"].append(sum(sc[i] >= t for i in missed) / len(missed))
        out["own_delta"].append(balanced([(ys[i], max(rule[i], int(sc[i] >= t))) for i in own]) - base_own)
    return {"config": c.__dict__, **{k: [round(v, 3) for v in vs] for k, vs in out.items()}}


def configs() -> list[Config]:
    grid = [Config("nb", r, p, 2, a, False) for r in ("none", "all") for p in (False, True) for a in (0.1, 0.5, 1.0)]
    grid += [Config("lr", r, p, 2, l2, False) for r in ("none", "all") for p in (False, True) for l2 in (1e-3, 1e-2)]
    grid += [Config("nb", r, p, m, 1.0, False) for r in ("none", "low", "all") for p in (False, True) for m in (1, 3)]
    grid += [Config("nb", r, p, 2, 1.0, True) for r in ("none", "low", "all") for p in (False, True)]
    return grid


def main() -> int:
    data = rows()
    for c in configs():
        print(json.dumps(evaluate(data, c)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
