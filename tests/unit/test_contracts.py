"""The import contracts in pyproject.toml (DESIGN §1) catch the shortcuts issue 12 found: an adapter
querying the store itself, the core importing a platform SDK, a platform reaching into another, a module
other than an entry point importing the composition root; and issue 24 (18): entry points → wiring →
platforms, one way — neither the root nor a platform imports an entry point, and a new module under
adapters/ has to take its place in a layer. Each case copies the tree, adds one import (or one module),
and runs `lint-imports` on the copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "scheduler", "adapters", "migrations")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
ROOT_ONLY_FROM_ENTRY_POINTS = "Entry points over the wiring over the platforms"

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is a dev dependency")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=240)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("tree")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def test_the_tree_as_it_is_keeps_every_contract(tree: Path) -> None:
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout[-2000:]


@pytest.mark.parametrize(("module", "shortcut", "contract"), [
    ("adapters/slack/home.py", "from sqlalchemy import select", "Adapters reach the core only through bot.api"),
    ("adapters/discord/commands.py", "from bot.store.repository import find_contact",
     "Adapters reach the core only through bot.api"),
    ("adapters/http/metrics.py", "from bot.models import Nudge", "Adapters reach the core only through bot.api"),
    ("adapters/console/app.py", "from bot.coach import Coach", "Adapters reach the core only through bot.api"),
    ("adapters/entrypoints/doctor_cli.py", "from bot.store.engine import make_engine",
     "Adapters reach the core only through bot.api"),
    ("adapters/startup.py", "from sqlalchemy.exc import DBAPIError", "Adapters reach the core only through bot.api"),
    ("bot/review/engine.py", "import slack_sdk", "The core and the scheduler import no chat platform"),
    ("bot/coach.py", "import scheduler.dispatcher", "Layers: adapters over scheduler over the core"),
    ("scheduler/dispatcher.py", "import adapters.slack.render", "Layers: adapters over scheduler over the core"),
    ("adapters/slack/render.py", "import adapters.discord.render", "Platforms are independent of each other"),
    ("adapters/slack/service.py", "import adapters.bootstrap", ROOT_ONLY_FROM_ENTRY_POINTS),
    ("adapters/discord/__init__.py", "from adapters.bootstrap import hosted_discord_bot", ROOT_ONLY_FROM_ENTRY_POINTS),
    ("adapters/http/ops.py", "import adapters.bootstrap", ROOT_ONLY_FROM_ENTRY_POINTS),
    ("adapters/bootstrap.py", "import adapters.entrypoints.run_cli", ROOT_ONLY_FROM_ENTRY_POINTS),
    ("adapters/console/app.py", "from adapters.entrypoints.cli import main", ROOT_ONLY_FROM_ENTRY_POINTS),
    ("adapters/platforms.py", "import adapters.slack.service", ROOT_ONLY_FROM_ENTRY_POINTS),
    ("scheduler/runtime.py", "import adapters.bootstrap", "Layers: adapters over scheduler over the core"),
])
def test_a_shortcut_breaks_its_contract(tree: Path, module: str, shortcut: str, contract: str) -> None:
    path = tree / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(f"{original}\n{shortcut}  # noqa\n", encoding="utf-8")
        result = lint_imports(tree)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout[-2000:]


def test_a_new_adapters_module_must_take_a_layer(tree: Path) -> None:
    """The layers under adapters/ are exhaustive: a module outside them (here one that imports the root
    from beside it) breaks the contract until pyproject.toml places it."""
    path = tree / "adapters" / "serve_everything.py"
    try:
        path.write_text("import adapters.bootstrap  # noqa\n", encoding="utf-8")
        result = lint_imports(tree)
    finally:
        path.unlink()
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert ROOT_ONLY_FROM_ENTRY_POINTS in broken and "adapters.serve_everything" in broken, result.stdout[-2000:]
