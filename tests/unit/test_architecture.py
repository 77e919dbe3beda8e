"""The core depends on nothing at the edge (DESIGN §1, STYLE 1): no platform SDK and no wall clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLATFORM_SDKS = {"slack_bolt", "slack_sdk", "discord", "aiohttp"}
EDGE_PACKAGES = {"adapters", "scheduler"}


def core_modules() -> list[Path]:
    files = sorted((ROOT / "bot").rglob("*.py"))
    assert len(files) > 10, "the core should be found"
    return files


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_imports_no_platform_or_edge_code(path: Path) -> None:
    forbidden = imported_roots(path) & (PLATFORM_SDKS | EDGE_PACKAGES)
    assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_never_reads_the_wall_clock(path: Path) -> None:
    if path.name == "clock.py":
        return
    source = path.read_text(encoding="utf-8")
    for needle in ("datetime.now(", "datetime.utcnow(", "datetime.today(", "time.time(", "time.monotonic(",
                   "from time import", "func.now(", "date.today(", "CURRENT_TIMESTAMP"):
        assert needle not in source, f"{path.relative_to(ROOT)} reads the wall clock: {needle}"


def test_the_checker_catches_a_platform_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from slack_sdk import WebClient\nimport discord.ui\n")
    assert imported_roots(sample) >= {"slack_sdk", "discord"}
