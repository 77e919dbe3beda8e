"""``coach review`` CLI, driven through run() with StringIO."""

from __future__ import annotations

import io
import json

from adapters.entrypoints.review_cli import run


def call(argv: list[str], stdin: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(argv, io.StringIO(stdin), out)
    return code, out.getvalue()


def test_human_output() -> None:
    code, out = call([], "Hi Jane, did you see my last message? I haven't heard back.")
    assert code == 0
    assert out.startswith("Needs work")
    assert "pushy" in out and "Fix:" in out and "Traceback" not in out


def test_json_output_is_one_object() -> None:
    code, out = call(["--json"], "Just following up on this. Any update?")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["verdict"] == "needs_work" and isinstance(obj["score"], int)
    assert {"rule", "severity", "message"} <= set(obj["findings"][0])
    assert "pushy" in {f["rule"] for f in obj["findings"]}


def test_json_with_kind_flag() -> None:
    note = "Hi Maria, great to meet you at Data Council and talk about data contracts. " * 5
    _, out = call(["--json", "--kind", "connection_note"], note)
    obj = json.loads(out)
    assert obj["kind"] == "connection_note"
    assert "too_long" in {f["rule"] for f in obj["findings"]}


def test_jsonl_one_result_per_line_and_errors() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Thanks!"}),
        "this is not json",
        json.dumps({"id": "b"}),
        json.dumps([1, 2]),
        json.dumps(
            {
                "id": 7,
                "text": "Hi Tom, great chatting at the Rust meetup about async runtimes. Happy to "
                "send you the benchmark repo I mentioned. Let's connect.",
            }
        ),
    ]
    code, out = call(["--jsonl"], "\n".join(lines) + "\n")
    assert code == 0
    results = [json.loads(x) for x in out.strip().splitlines()]
    assert len(results) == 5
    assert results[0]["id"] == "a" and results[0]["verdict"] == "needs_work"
    assert "error" in results[1] and "error" in results[2] and results[2]["id"] == "b" and "error" in results[3]
    assert results[4]["id"] == 7 and results[4]["verdict"] == "good"
    assert all({"rule", "severity", "message"} <= set(f) for r in results if "findings" in r for f in r["findings"])


def test_empty_and_odd_input_never_crash() -> None:
    for stdin in ("", "   \n", "😀😀😀", "x" * 50_000, "def f():\n    return 1\n"):
        code, out = call([], stdin)
        assert code == 0 and out.strip() and "Traceback" not in out
        code, out = call(["--json"], stdin)
        assert code == 0 and json.loads(out)["verdict"] in ("good", "needs_work")
    assert "no draft" in call([], "")[1].lower()


def test_bad_flags_give_usage() -> None:
    code, out = call(["--bogus"], "hi")
    assert code == 2 and "usage" in out
    code, out = call(["--kind", "sonnet"], "hi")
    assert code == 2 and "unknown kind" in out
    code, out = call(["--json", "--jsonl"], "hi")
    assert code == 2


def test_draft_as_an_argument_is_reviewed_without_reading_stdin() -> None:
    class Untouchable(io.StringIO):
        def read(self, *args: object) -> str:
            raise AssertionError("stdin must not be read when the draft is an argument")

    out = io.StringIO()
    code = run(["--json", "Hi Jane, did you see my last message? I haven't heard back."], Untouchable(), out)
    assert code == 0 and "pushy" in {f["rule"] for f in json.loads(out.getvalue())["findings"]}


def test_terminal_gets_a_prompt_line_and_a_pipe_does_not() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = io.StringIO()
    assert run([], Terminal("Thanks!"), out) == 0
    first, *rest = out.getvalue().splitlines()
    assert "Paste your draft" in first and "Ctrl-D" in first and rest[0].startswith("Needs work")
    assert "Paste your draft" not in call([], "Thanks!")[1]


def test_jsonl_context_short_keys_and_warnings() -> None:
    text = "Hi Jane, good to meet you. Would you like to grab coffee sometime?"
    lines = [
        json.dumps({"id": "a", "text": text, "context": {"name": "Jane Doe", "where": "PyCon",
                                                        "notes": "onboarding metrics", "mood": "happy"}}),
        json.dumps({"id": "b", "text": text, "context": {"contact_name": "Jane Doe", "where_met": "PyCon"}}),
        json.dumps({"id": "c", "text": text, "context": {"name": "Jane", "interests": "rust, climbing"}}),
        json.dumps({"id": "d", "text": text, "kind": "sonnet", "extra": 1}),
    ]
    _, out = call(["--jsonl"], "\n".join(lines))
    a, b, c, d = (json.loads(x) for x in out.strip().splitlines())
    fix_a = next(f["fix"] for f in a["findings"] if f["rule"] == "no_personalization")
    assert "PyCon" in fix_a and "onboarding metrics" in fix_a
    assert a["warnings"] == ["unknown context key 'mood' ignored; known: name, where, notes, offer, interests"]
    assert "PyCon" in next(f["fix"] for f in b["findings"] if f["rule"] == "no_personalization")
    assert "warnings" not in b and "warnings" not in c
    assert any("sonnet" in w for w in d["warnings"]) and any("'extra'" in w for w in d["warnings"])
