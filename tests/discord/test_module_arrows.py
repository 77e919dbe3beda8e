"""Issue 24 (17): the Discord adapter's modules import one another one way — no cycle, counting the
imports made inside functions (where one was hidden to dodge it): interact.py is plumbing, views.py
builds on it."""

from __future__ import annotations

import ast
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "adapters" / "discord"


def imports_of(path: Path) -> tuple[set[str], set[str]]:
    """The sibling modules `path` imports at its top, and those it imports inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {node.module.split(".")[0] for node in tree.body
           if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}
    inner = {node.module.split(".")[0] for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module} - top
    return top, inner


def test_no_cycle_even_through_imports_inside_functions() -> None:
    graph: dict[str, set[str]] = {}
    for path in sorted(FOLDER.glob("*.py")):
        if path.name == "__init__.py":  # the package's create_bot() loads the bot lazily, by design
            continue
        top, inner = imports_of(path)
        graph[path.stem] = top | inner
    assert "views" not in graph["interact"]

    def reaches(start: str, seen: frozenset[str]) -> None:
        for nxt in graph.get(start, ()):
            assert nxt not in seen, f"import cycle: {' → '.join([*seen, nxt])}"
            reaches(nxt, seen | {nxt})

    for module in graph:
        reaches(module, frozenset({module}))
