"""*Draft it for me* on realistic contacts: what the coach drafts (or asks) for each, first message and
one-week follow-up, through the real use cases on a throwaway SQLite store and a fake clock.

    .venv/bin/python bench/drafts.py                 # the dev split of tests/data/drafting/contacts.jsonl
    .venv/bin/python bench/drafts.py --split heldout # the held-out split (never tuned on)
    .venv/bin/python bench/drafts.py --split heldout3 --data tests/data/drafting/contacts_heldout3.jsonl

Each contact is recorded as a member would have recorded it: `/met` with its place, notes, offer and
interests `met_days_ago` before now (the member's display name is `member_name`); if `first_sent_days_ago`
is set, the first message was drafted and marked sent then, else it is drafted and sent now. The one-week
follow-up is drafted a week after the first message — or now, if that week isn't over (the heading must
then say it isn't due yet).

Output: one JSON line per contact and stage, ``{"contact", "stage", "heading", "text", "tips"}`` for a
draft, ``{"contact", "stage", "question", "why", "choices"}`` for a question (``why``: the line saying why it
asks), or ``{"contact", "stage", "rest"}`` when the coach advises no chaser (nothing to follow up on), then one
summary line:
``{"drafts", "questions", "rests", "contacts_asked", "contacts_asked_share", "review_passed", "distinct_skeletons",
"max_skeleton_share", "top_skeletons"}``.

A *skeleton* is one sentence of a draft's body (the greeting line and the sign-off excluded), lower-cased,
with every word that comes from the contact's record — its name, place, notes (also as the drafter expands
shorthand: "wk" → "week"), offer and interests — the member's name, numbers and time words (today,
yesterday, a weekday, last week, …) each replaced by "_", consecutive "_" merged into one. Two sentences
that differ only in such words share a skeleton. ``max_skeleton_share`` is the largest share of drafts
that contain one same skeleton (target: at most 0.10).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import FakeClock
from bot.coach import Coach
from bot.commands import Draft, Met, Sent, Who
from bot.identity import Actor
from bot.replies import PURPOSE_VERBS, Reply, Verb
from bot.review import DraftContext, kind_for_nudge, review
from bot.review.purpose import expand
from bot.store import open_store
from bot.store.migrate import upgrade

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "drafting" / "contacts.jsonl"
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday morning
STAGE_KIND = {"first": "follow_up_48h", "one_week": "no_reply_1w"}
TIME_WORDS = frozenset(("today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "last", "week", "weeks", "ago", "earlier", "couple", "few", "month", "months", "a"))


def rows(path: Path, split: str) -> list[dict[str, Any]]:
    """The contacts of one split; the other split's rows are never kept."""
    out = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                if row.get("split") == split:
                    out.append(row)
    return out


def run(split: str, path: Path = DATA) -> list[dict[str, Any]]:
    """Every contact's two stages, each a draft or a question."""
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        engine, sessions = open_store(f"sqlite:///{folder}/bench.db")
        upgrade(engine)
        clock = FakeClock(NOW)
        coach = Coach(sessions, clock)
        for i, row in enumerate(rows(path, split)):
            results += contact_stages(coach, clock, row, i)
        engine.dispose()
    return results


def contact_stages(coach: Coach, clock: FakeClock, row: dict[str, Any], index: int) -> list[dict[str, Any]]:
    actor = Actor("slack", "TBENCH", f"U{index:04d}", display_name=row.get("member_name") or None, timezone="UTC")
    who = Who(row["name"])
    clock.set(NOW - timedelta(days=row["met_days_ago"]))
    coach.handle(actor, Met(who, where=row.get("where") or None, notes=row.get("notes") or None,
                            interests=tuple(row.get("interests") or ()), offer=row.get("offer") or None))
    sent_days = row.get("first_sent_days_ago")
    sent_at = NOW - timedelta(days=sent_days) if sent_days is not None else NOW
    clock.set(max(sent_at, clock.now()))
    out = [shown(row, "first", coach.handle(actor, Draft(who)))]
    coach.handle(actor, Sent(who))
    clock.set(min(sent_at + timedelta(days=7), NOW) if sent_days is not None else sent_at + timedelta(days=7))
    out.append(shown(row, "one_week", coach.handle(actor, Draft(who))))
    return out


def shown(row: dict[str, Any], stage: str, reply: Reply) -> dict[str, Any]:
    if any(action.verb is Verb.FOR_ANYWAY for action in reply.actions):  # "no chaser needed": advice, not a question
        return {"contact": row["id"], "stage": stage, "rest": reply.text.split("\n\n", 1)[0]}
    if any(action.verb in PURPOSE_VERBS for action in reply.actions):
        lines = reply.text.split("\n")
        return {"contact": row["id"], "stage": stage, "question": lines[0],
                "why": lines[1] if len(lines) > 1 else "", "choices": [action.label for action in reply.actions]}
    body = reply.text.split("\n\n", 1)[1] if "\n\n" in reply.text else reply.text
    body = body.split("\nWhen it's sent:", 1)[0]
    text, *tips = body.split("\nBefore you send it: ")
    return {"contact": row["id"], "stage": stage, "heading": reply.title or "", "text": text.strip(),
            "tips": [tip.strip() for tip in tips]}


def record_words(row: dict[str, Any]) -> set[str]:
    fields = [row.get("name"), row.get("where"), row.get("notes"), row.get("offer"), row.get("member_name"),
              " ".join(row.get("interests") or ())]
    text = " ".join(f for f in fields if f)
    words = {w.lower() for w in re.findall(r"[\w'’-]+", text + " " + expand(text))}
    return words | {w.rstrip("s") for w in words} | {w.split("'")[0] for w in words}


def sentences(text: str) -> list[str]:
    lines = text.strip().split("\n")
    body = "\n".join(lines[1:])  # the greeting
    parts = [p for p in body.split("\n\n") if p.strip()]
    if len(parts) > 1 and parts[-1].count("\n") == 1 and parts[-1].split("\n")[0].endswith(","):
        parts = parts[:-1]  # the sign-off
    return [s.strip() for p in parts for s in re.split(r"(?<=[.!?:])\s+", p) if s.strip()]


def skeleton(sentence: str, words: set[str]) -> str:
    out: list[str] = []
    for token in re.findall(r"[\w'’-]+|[^\w\s]", sentence.lower()):
        bare = token.strip("'’")
        placeholder = (bare in words or bare.rstrip("s") in words or bare in TIME_WORDS or bare.isdigit()
                       or bare.split("'")[0] in words)
        token = "_" if placeholder and re.match(r"\w", token) else token
        if not (token == "_" and out and out[-1] == "_"):
            out.append(token)
    return re.sub(r"\s+([.,!?:;])", r"\1", " ".join(out))


def summary(results: list[dict[str, Any]], data: list[dict[str, Any]]) -> dict[str, Any]:
    by_id = {row["id"]: row for row in data}
    drafts = [r for r in results if "text" in r]
    counts: Counter[str] = Counter()
    passed = 0
    for r in drafts:
        row = by_id[r["contact"]]
        counts.update({skeleton(s, record_words(row)) for s in sentences(r["text"])})
        context = DraftContext(row["name"], row.get("where") or None, row.get("notes"),
                               tuple(row.get("interests") or ()), row.get("offer"), member_name=row.get("member_name"))
        passed += review(r["text"], context, kind=kind_for_nudge(STAGE_KIND[r["stage"]])).verdict == "good"
    asked = {r["contact"] for r in results if "question" in r}
    top = counts.most_common(5)
    rests = sum("rest" in r for r in results)
    return {"drafts": len(drafts), "questions": sum("question" in r for r in results), "rests": rests,
            "contacts_asked": len(asked),
            "contacts_asked_share": round(len(asked) / max(1, len(by_id)), 3), "review_passed": passed,
            "distinct_skeletons": len(counts),
            "max_skeleton_share": round(top[0][1] / max(1, len(drafts)), 3) if top else 0.0,
            "top_skeletons": [[s, n] for s, n in top]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--split", default="dev", help="the rows whose 'split' is this (dev, heldout, heldout2, …)")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not rows(args.data, args.split):
        parser.error(f"no contacts with split {args.split!r} in {args.data}")
    results = run(args.split, args.data)
    for result in results:
        print(json.dumps(result, ensure_ascii=False))
    print(json.dumps(summary(results, rows(args.data, args.split)), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
