"""The store sits below the use cases: models and queries import no command, handler or front-door code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ABOVE_THE_STORE = ("bot.commands", "bot.handlers", "bot.coach", "bot.api", "bot.lookup", "adapters", "scheduler")
STORE_MODULES = sorted([ROOT / "bot" / "models.py", *(ROOT / "bot" / "store").glob("*.py")])


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return modules


@pytest.mark.parametrize("path", STORE_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_store_imports_nothing_above_it(path: Path) -> None:
    above = {m for m in imported_modules(path) if any(m == a or m.startswith(f"{a}.") for a in ABOVE_THE_STORE)}
    assert not above, f"{path.relative_to(ROOT)} imports {sorted(above)}"


def test_the_checker_sees_a_command_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from bot.commands import Who\nfrom bot import handlers\n")
    assert {"bot.commands", "bot.handlers"} <= imported_modules(sample)
