"""The platform registry and the composition root: one line per platform, settings that each platform
brings, the log redaction that covers every platform's tokens, and a bootstrap only entry points import."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.platforms import REGISTRY, load_config, platform, platforms, require_for, variables
from bot.config import ConfigError, Settings

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINTS = {"adapters/entrypoints/cli.py", "adapters/entrypoints/run_cli.py",
                "adapters/entrypoints/migrate_cli.py", "adapters/entrypoints/slack_cli.py",
                "adapters/entrypoints/discord_cli.py"}
BOT = "xoxb-1111-2222-abcdefghijkl"
DISCORD = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789"


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_each_platform_folder_registers_once() -> None:
    folders = sorted(p.parent.name for p in (ROOT / "adapters").glob("*/platform.py"))
    assert sorted(entry.name for entry in platforms()) == folders == ["discord", "slack"]
    assert len(REGISTRY) == len(set(REGISTRY)) == len(folders)
    assert platform("slack").title == "Slack" and platform("discord").modes == ("discord",)


def test_the_core_settings_name_no_platform() -> None:
    assert not [v for v in Settings.variables() if v.startswith(("SLACK_", "DISCORD_"))]
    assert {"SLACK_BOT_TOKEN", "DISCORD_TOKEN", "DATABASE_URL"} <= set(variables())
    env_example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert all(f"\n{variable}=" in env_example for variable in variables())


def test_secrets_cover_every_platform_token() -> None:
    config = load_config({"SLACK_BOT_TOKEN": BOT, "DISCORD_TOKEN": DISCORD}, _env_file=None)
    assert {BOT, DISCORD} <= set(config.core.secrets())
    assert [entry.name for entry, _settings in config.configured()] == ["slack", "discord"]


def test_an_unknown_mode_is_a_programming_error() -> None:
    config = load_config({}, _env_file=None)
    with pytest.raises(ValueError, match="unknown mode"):
        require_for(config, "telegram")
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN or DISCORD_TOKEN"):
        require_for(config, "run")


def test_reading_the_registry_loads_no_platform_sdk() -> None:
    code = ("import sys; from adapters.platforms import load_config; "
            "from adapters.entrypoints.cli import default_command; load_config(); default_command(); "
            "print(sorted(m for m in ('discord', 'slack_sdk', 'slack_bolt') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
                         cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_only_entry_points_import_the_composition_root() -> None:
    """Counting imports inside functions too (which the import contracts also see)."""
    importers = {str(path.relative_to(ROOT)) for folder in ("adapters", "scheduler", "bot")
                 for path in (ROOT / folder).rglob("*.py") if "adapters.bootstrap" in imports(path)}
    assert importers <= ENTRY_POINTS, importers - ENTRY_POINTS


def test_nothing_below_the_entry_points_imports_one() -> None:
    """Issue 24 (18): arrows run entry points → wiring → platforms; the root and the platforms name no
    entry point, not even by a module path in a string (the registry gives a platform command's help)."""
    def names_an_entry_point(path: Path) -> bool:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                   and isinstance(node.value, str)]
        return any(name.startswith("adapters.entrypoints") for name in [*imports(path), *strings])

    below = [path for folder in ("adapters", "scheduler", "bot") for path in (ROOT / folder).rglob("*.py")
             if "entrypoints" not in path.parts]
    assert len(below) > 50 and not [path for path in below if names_an_entry_point(path)]


def test_each_platform_command_is_an_entry_point() -> None:
    from adapters.entrypoints.cli import subcommands

    commands = {entry.name for entry in platforms() if entry.command is not None}
    assert commands == {"slack", "discord"}
    for name in commands:
        module, help_text = subcommands()[name]
        assert module == f"adapters.entrypoints.{name}_cli" and help_text == platform(name).command
        assert callable(importlib.import_module(module).main)


def test_the_scheduler_imports_no_adapter() -> None:
    for path in (ROOT / "scheduler").rglob("*.py"):
        assert not [m for m in imports(path) if m.split(".")[0] == "adapters"], path
