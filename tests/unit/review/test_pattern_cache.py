"""The stored compiled patterns: the same matches as `re.compile`, and never worse than no cache at all."""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from bot.review import pattern_cache
from bot.review.pattern_cache import PatternCache

DATA = Path(__file__).parents[2] / "data"

_SAMPLES = (
    r"\b(?:did you (?:even )?(?:see|get|read) my (?:last|previous) (?:message|email))\b",
    r"(?P<who>[A-Z][a-z]+) (?:said|offered) (?:to|that) (?P<what>[^.]{3,40})",
    r"\b(\w{2,})\s+\1(?![\w-])",
    r"(?<=[a-z,;:] )([A-Z][a-zA-Z0-9&'-]{2,}|[A-Z]{2,}[a-z]*)",
)


def _texts() -> list[str]:
    rows = [json.loads(line) for line in (DATA / "real" / "career_guides.jsonl").read_text().splitlines()]
    return [row["text"] for row in rows[:40]] + ["Did you even see my last message?", "the the", "Sent by Ana to Bo"]


def test_a_stored_pattern_matches_exactly_as_re_compile_does(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    writer = PatternCache(path)
    for sample in _SAMPLES:
        writer.compile(sample, re.IGNORECASE)
    writer.save(asked=True)

    reader = PatternCache(path)
    for sample in _SAMPLES:
        stored, plain = reader.compile(sample, re.IGNORECASE), re.compile(sample, re.IGNORECASE)
        assert (stored.pattern, stored.flags, stored.groups, stored.groupindex) == (
            plain.pattern, plain.flags, plain.groups, plain.groupindex)
        for text in _texts():
            assert [m.span() + m.groups() for m in stored.finditer(text)] == [
                m.span() + m.groups() for m in plain.finditer(text)]


def test_every_pattern_of_the_review_and_the_drafter_survives_the_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    subprocess.run([sys.executable, "-m", "bot.review.pattern_cache", str(path)], check=True, capture_output=True)
    built = pattern_cache.stored_patterns(path)
    assert len(built) > 200  # the review's and the drafter's module-level patterns, all of them
    reader = PatternCache(path)
    texts = _texts()
    for pattern, flags in built:
        stored, plain = reader.compile(pattern, flags), re.compile(pattern, flags)
        assert stored.flags == plain.flags and stored.groupindex == plain.groupindex
        for text in texts[:8]:
            found, expected = stored.search(text), plain.search(text)
            assert (found and found.span()) == (expected and expected.span()), pattern[:60]


def _file_where_coffee_is_stored_as_tea(path: Path, build: object) -> None:
    """A well-formed file whose entry for "coffee" holds the compiled form of "tea", written for ``build``."""
    writer = PatternCache(tmp := path.with_suffix(".tmp"))
    writer.compile("tea")
    writer.save(asked=True)
    _build, _checksum, payload = marshal.loads(tmp.read_bytes())
    payload = marshal.dumps({("coffee", 0): marshal.loads(payload)[("tea", 0)]})
    path.write_bytes(marshal.dumps((build, zlib.crc32(payload), payload)))


def test_a_stored_form_is_what_compile_returns(tmp_path: Path) -> None:
    # the file is trusted as written (as a .pyc is): its form for "coffee" is used, so it matches "tea"
    path = tmp_path / "patterns.marshal"
    _file_where_coffee_is_stored_as_tea(path, pattern_cache._BUILD)
    assert PatternCache(path).compile("coffee").search("green tea")


def test_a_file_from_another_python_build_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    _file_where_coffee_is_stored_as_tea(path, ("another python",))
    assert PatternCache(path).compile("coffee").search("green tea") is None


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.marshal"
    damaged.write_bytes(b"\x00not a pattern file")
    assert PatternCache(damaged).compile(r"coffee (?:next|this) week").search("coffee next week")


def _rewrite_entry(path: Path, code: bytes, *, keep_checksum: bool) -> None:
    build, checksum, payload = marshal.loads(path.read_bytes())
    forms = marshal.loads(payload)
    flags, _code, groups, groupindex, indexgroup = forms[("coffee", 0)]
    forms[("coffee", 0)] = (flags, code, groups, groupindex, indexgroup)
    payload = marshal.dumps(forms)
    path.write_bytes(marshal.dumps((build, checksum if keep_checksum else zlib.crc32(payload), payload)))


@pytest.mark.parametrize("keep_checksum", [True, False], ids=["altered-file", "invalid-code"])
def test_an_altered_file_or_an_entry_python_rejects_is_compiled_afresh(tmp_path: Path, keep_checksum: bool) -> None:
    path = tmp_path / "patterns.marshal"
    writer = PatternCache(path)
    writer.compile("coffee")
    writer.save(asked=True)
    # valid code that matches the empty string: only the checksum tells it apart; 0xffff... _sre itself refuses
    _rewrite_entry(path, (1).to_bytes(4, sys.byteorder) * 3 if keep_checksum else b"\xff" * 12,
                   keep_checksum=keep_checksum)

    assert PatternCache(path).compile("coffee").search("a coffee").span() == (2, 8)


def test_nothing_is_written_under_dont_write_bytecode_unless_asked(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "patterns.marshal"
    cache = PatternCache(path)
    cache.compile("coffee")
    cache.save()
    assert not path.exists()
    cache.save(asked=True)
    assert path.exists()


def test_an_unwritable_place_is_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    cache = PatternCache(blocker / "patterns.marshal")
    cache.compile("coffee")
    cache.save(asked=True)  # no error: the next start compiles again
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_cache_stores_module_patterns_only_up_to_its_caps(tmp_path: Path) -> None:
    cache = PatternCache(tmp_path / "patterns.marshal")
    huge = "x" * (pattern_cache.MAX_PATTERN + 1)
    assert cache.compile(huge).search(huge)
    cache.save(asked=True)
    assert not (tmp_path / "patterns.marshal").exists()  # nothing stored, nothing written


def test_a_bad_pattern_still_raises_re_error(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        PatternCache(tmp_path / "p.marshal").compile(r"(unclosed")
