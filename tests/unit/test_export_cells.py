"""One CSV cell of /coach export: text that a spreadsheet would run as a formula starts with a quote."""

from __future__ import annotations

import pytest

from bot.handlers.data import safe_cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "＝", " ="])
def test_each_formula_start_is_quoted(start: str) -> None:
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["Jane Doe", "'quoted", "2026-03-04T15:00:00+00:00", "", None, 3])
def test_other_cells_are_left_alone(value: object) -> None:
    assert safe_cell(value) == value
