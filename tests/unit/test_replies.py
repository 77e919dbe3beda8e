"""The one text chunker both renderers use (Slack sections, Discord embeds)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.replies import chunks


def test_text_that_fits_is_one_piece_unchanged() -> None:
    assert chunks("one\ntwo\n", 10) == ["one\ntwo\n"]
    assert chunks("", 10) == [""]
    assert chunks("abc", 3) == ["abc"]


def test_a_piece_ends_at_a_line_break_in_its_second_half() -> None:
    text = "first line\nsecond line\nthird"
    assert chunks(text, 15) == ["first line", "second line", "third"]
    assert chunks("aaaaaaa\n\n\nbbb", 8) == ["aaaaaaa", "bbb"]  # the breaks at a cut go, blank lines too


def test_a_line_break_too_early_gives_way_to_a_cut_mid_line() -> None:
    assert chunks("ab\n" + "c" * 20, 10) == ["ab\nccccccc", "c" * 10, "ccc"]


def test_limit_truncates_first() -> None:
    assert chunks("x" * 50, 20, limit=30) == ["x" * 20, "x" * 10]
    assert chunks("x" * 50, 20, limit=20) == ["x" * 20]


def test_size_must_hold_a_character() -> None:
    with pytest.raises(ValueError):
        chunks("text", 0)


@given(st.text(alphabet="ab \n", max_size=400), st.integers(1, 60), st.none() | st.integers(0, 400))
def test_pieces_fit_lose_only_line_breaks_and_are_few(text: str, size: int, limit: int | None) -> None:
    pieces = chunks(text, size, limit)
    kept = text if limit is None else text[:limit]
    assert all(len(piece) <= size for piece in pieces)
    assert "".join(pieces).replace("\n", "") == kept.replace("\n", "")
    assert len(pieces) <= len(kept) // (size // 2 + 1) + 1  # no run of tiny pieces
    assert all(pieces) or pieces == [""]
