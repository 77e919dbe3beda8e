"""The import contracts in pyproject.toml (DESIGN §1) catch the shortcuts issue 12 found: an adapter
querying the store itself, the core importing a platform SDK, a platform reaching into another, a module
other than an entry point importing the composition root. Each case copies the tree, adds one import,
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
    ("adapters/doctor.py", "from bot.store.engine import make_engine", "Adapters reach the core only through bot.api"),
    ("adapters/startup.py", "from sqlalchemy.exc import DBAPIError", "Adapters reach the core only through bot.api"),
    ("bot/review/engine.py", "import slack_sdk", "The core and the scheduler import no chat platform"),
    ("bot/coach.py", "import scheduler.dispatcher", "Layers: adapters over scheduler over the core"),
    ("scheduler/dispatcher.py", "import adapters.slack.render", "Layers: adapters over scheduler over the core"),
    ("adapters/slack/render.py", "import adapters.discord.render", "Platforms are independent of each other"),
    ("adapters/slack/service.py", "import adapters.bootstrap", "Only entry points import the composition root"),
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
