"""``coach review``: review drafts from stdin, for a person, as one JSON object, or as JSON lines."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from bot.review import MessageKind, Review, format_review, parse_kind, read_context, review

USAGE = (
    'usage: coach review [--json | --jsonl] [--kind connection_note|follow_up|thank_you|cold_outreach] ["draft text"]'
)
EXAMPLE = 'example: coach review "Hi Jane, great to meet you at PyCon. Here is the survey template I mentioned."'
PROMPT = "Paste your draft, then press Ctrl-D on a new line (Ctrl-Z then Enter on Windows):"
MAX_INPUT = 1_000_000  # characters read from stdin for one draft


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # no argparse exit/traceback: raise to run()
        raise ValueError(message)


def _parser() -> _Parser:
    p = _Parser(prog="coach review", add_help=False)
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true")
    mode.add_argument("--jsonl", action="store_true")
    p.add_argument("--kind")
    p.add_argument("-h", "--help", action="store_true")
    p.add_argument("draft", nargs="*")
    return p


def _result(r: Review) -> dict[str, Any]:
    out: dict[str, Any] = {
        "verdict": r.verdict,
        "score": r.score,
        "kind": str(r.kind),
        "findings": [f.to_dict() for f in r.findings],
    }
    if r.notes:
        out["notes"] = list(r.notes)
    return out


_LINE_KEYS = frozenset({"id", "text", "kind", "context"})


def _one_line(raw: str, kind: MessageKind | None) -> dict[str, Any]:
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return {"id": None, "error": f"not valid JSON: {str(exc)[:80]}"}
    if not isinstance(obj, dict):
        return {"id": None, "error": 'each line must be a JSON object with "id" and "text"'}
    ident = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        return {"id": ident, "error": 'missing "text" (a string)'}
    warnings: list[str] = []
    line_kind = parse_kind(obj["kind"]) if isinstance(obj.get("kind"), str) else None
    if obj.get("kind") is not None and line_kind is None:
        warnings.append(f"unknown kind {_short(obj.get('kind'))} ignored; the kind was guessed from the text")
    context, context_warnings = read_context(obj.get("context"))
    warnings.extend(context_warnings)
    warnings.extend(f"unknown key {_short(key)} ignored" for key in obj if key not in _LINE_KEYS)
    out = {"id": ident, **_result(review(text, context, kind=line_kind or kind))}
    if warnings:
        out["warnings"] = warnings
    return out


def run(argv: list[str], stdin: TextIO, stdout: TextIO) -> int:
    """Entry point for ``coach review``; returns the exit code, never raises on bad input."""
    try:
        args = _parser().parse_args(argv)
    except ValueError as exc:
        stdout.write(f"coach review: {exc}\n{USAGE}\n")
        return 2
    if args.help:
        stdout.write(
            f"{USAGE}\nReviews the draft given as an argument, or reads one on stdin; with --jsonl reads lines\n"
            '{"id", "text", "kind"?, "context"?} where context takes name, where, notes, offer, interests.\n'
            f"{EXAMPLE}\n"
        )
        return 0
    kind = parse_kind(args.kind) if args.kind else None
    if args.kind and kind is None:
        stdout.write(f"coach review: unknown kind {args.kind!r}\n{USAGE}\n")
        return 2
    if args.jsonl and args.draft:
        stdout.write(f"coach review: --jsonl reads stdin; drop the draft argument\n{USAGE}\n")
        return 2
    if args.jsonl:
        for raw in stdin:
            if not raw.strip():
                continue
            stdout.write(json.dumps(_one_line(raw, kind), ensure_ascii=False) + "\n")
        return 0
    if args.draft:
        draft = " ".join(args.draft)
    else:
        if _interactive(stdin):
            stdout.write(PROMPT + "\n")
            stdout.flush()
        try:
            draft = stdin.read(MAX_INPUT)
        except (UnicodeDecodeError, OSError) as exc:
            draft = ""
            stdout.write(f"coach review: could not read stdin ({exc.__class__.__name__}); reviewing nothing.\n")
    result = review(draft, kind=kind)
    if args.json:
        stdout.write(json.dumps(_result(result), ensure_ascii=False) + "\n")
    else:
        stdout.write(format_review(result) + "\n")
    return 0


def _short(value: object, limit: int = 40) -> str:
    """A value echoed back in a warning, never longer than ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _interactive(stdin: TextIO) -> bool:
    try:
        return stdin.isatty()
    except (AttributeError, ValueError, OSError):
        return False
