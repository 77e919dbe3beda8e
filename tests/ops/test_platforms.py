"""The platform registry and the composition root: one line per platform, settings that each platform
brings, the log redaction that covers every platform's tokens, and a bootstrap only entry points import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.platforms import REGISTRY, load_config, platform, platforms, require_for, variables
from bot.config import ConfigError, Settings

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINTS = {"adapters/cli.py", "adapters/run_cli.py", "adapters/migrate_cli.py", "adapters/slack/cli.py",
                "adapters/discord/cli.py", "adapters/discord/__init__.py", "adapters/bootstrap.py"}
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
    code = ("import sys; from adapters.platforms import load_config; from adapters.cli import default_command; "
            "load_config(); default_command(); "
            "print(sorted(m for m in ('discord', 'slack_sdk', 'slack_bolt') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
                         cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_only_entry_points_import_the_composition_root() -> None:
    importers = {str(path.relative_to(ROOT)) for folder in ("adapters", "scheduler", "bot")
                 for path in (ROOT / folder).rglob("*.py") if "adapters.bootstrap" in imports(path)}
    assert importers <= ENTRY_POINTS, importers - ENTRY_POINTS


def test_the_scheduler_imports_no_adapter() -> None:
    for path in (ROOT / "scheduler").rglob("*.py"):
        assert not [m for m in imports(path) if m.split(".")[0] == "adapters"], path
