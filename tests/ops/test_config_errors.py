"""A missing or malformed setting stops `coach` with one line naming the variable, exit code 2, and no
traceback — run as a real subprocess with a controlled environment (no .env, no inherited tokens)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.platforms import load_config, require_for, variables, where
from bot.config import ConfigError

ROOT = Path(__file__).resolve().parents[2]
BOT = "xoxb-1111-2222-abcdefghijkl"
APP = "xapp-1-A111-2222-abcdef"
SIGNING = "8f742231b10e8888abcd99yyyzzz85a5"
DISCORD = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789"


def coach(tmp_path: Path, env: dict[str, str], *args: str,
          script: str | None = None) -> subprocess.CompletedProcess[str]:
    """`coach ARGS` (or `python -c SCRIPT`) in an empty directory with only `env` set."""
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
             "DATABASE_URL": f"sqlite:///{tmp_path}/coach.db", **env}
    command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "adapters.entrypoints.cli", *args]
    return subprocess.run(command, cwd=tmp_path, env=clean, capture_output=True, text=True, timeout=60)


def assert_one_line(result: subprocess.CompletedProcess[str], variable: str, *secrets: str) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    for secret in secrets:
        assert secret not in result.stderr + result.stdout
    return lines[0]


# --- missing: what each mode needs ------------------------------------------------------------------

MISSING = [
    ("slack-http", {"SLACK_BOT_TOKEN": BOT}, "SLACK_SIGNING_SECRET"),
    ("slack-http", {"SLACK_SIGNING_SECRET": SIGNING}, "SLACK_BOT_TOKEN"),
    ("slack-http", {"SLACK_SIGNING_SECRET": SIGNING, "SLACK_CLIENT_ID": "123.456"}, "SLACK_CLIENT_SECRET"),
    ("slack-http", {"SLACK_SIGNING_SECRET": SIGNING, "SLACK_CLIENT_SECRET": "0123456789abcdef"}, "SLACK_CLIENT_ID"),
    ("slack-socket", {"SLACK_BOT_TOKEN": BOT}, "SLACK_APP_TOKEN"),
    ("slack-socket", {"SLACK_APP_TOKEN": APP}, "SLACK_BOT_TOKEN"),
    ("discord", {}, "DISCORD_TOKEN"),
    ("discord", {"DISCORD_TOKEN": ""}, "DISCORD_TOKEN"),  # an empty line copied from .env.example
]


@pytest.mark.parametrize(("mode", "env", "variable"), MISSING, ids=[f"{m}-{v}" for m, _, v in MISSING])
def test_each_required_setting_missing_is_one_line(tmp_path: Path, mode: str, env: dict[str, str],
                                                   variable: str) -> None:
    script = f"from adapters.startup import settings_or_exit; settings_or_exit({mode!r})"
    line = assert_one_line(coach(tmp_path, env, script=script), variable, *(v for v in env.values() if v))
    assert f"{variable} is not set — " in line
    assert where()[variable].split(" → ")[-1] in line  # says where to get it


def test_signing_secret_message_matches_the_issue(tmp_path: Path) -> None:
    result = coach(tmp_path, {"SLACK_BOT_TOKEN": BOT}, "run")
    line = assert_one_line(result, "SLACK_SIGNING_SECRET", BOT)
    assert line == ("coach: SLACK_SIGNING_SECRET is not set — api.slack.com/apps → your app → Basic Information "
                    "→ App Credentials → Signing Secret")


def test_run_with_no_platform_says_what_to_set(tmp_path: Path) -> None:
    line = assert_one_line(coach(tmp_path, {}, "run"), "SLACK_BOT_TOKEN")
    assert "DISCORD_TOKEN" in line


def test_run_checks_each_configured_platform(tmp_path: Path) -> None:
    env = {"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "DISCORD_TOKEN": DISCORD}
    assert require_for(load_config(env, _env_file=None), "run") is None
    with pytest.raises(ConfigError, match="DISCORD_TOKEN is not set"):
        require_for(load_config({"slack_bot_token": BOT, "slack_app_token": APP}, _env_file=None), "discord")


# --- malformed: every variable the app reads ---------------------------------------------------------

MALFORMED = {
    "DATABASE_URL": "mysql://root@localhost/coach",
    "COACH_TICK_SECONDS": "soon",
    "COACH_DISPATCH": "maybe",
    "COACH_DEFAULT_TZ": "Mars/Olympus_Mons",
    "COACH_LOG_LEVEL": "loud",
    "COACH_LOG_FORMAT": "xml",
    "COACH_METRICS_PORT": "99999",
    "COACH_CONSOLE_START": "2026-03-04T15:00:00",
    "COACH_LLM_URL": "ollama.local:11434",
    "COACH_LLM_MODEL": "llama3.1:8b",  # named, with no COACH_LLM_URL to ask it at
    "COACH_LLM_API_KEY": "Bearer sk-has-a-prefix",
    "COACH_LLM_TIMEOUT": "0",
    "COACH_LLM_WORKSPACES": "T123; T456",
    "SLACK_BOT_TOKEN": "xoxp-1111-2222-userTokenNotBot",
    "SLACK_SIGNING_SECRET": BOT,
    "SLACK_APP_TOKEN": "xoxb-not-an-app-token-123",
    "SLACK_CLIENT_ID": "my-client",
    "SLACK_CLIENT_SECRET": "has a space",
    "SLACK_API_URL": "slack.com/api",
    "DISCORD_TOKEN": "0123456789abcdef0123456789abcdef",
    "DISCORD_GUILD_ID": "my-server",
    "DISCORD_SHARDS": "0",
}


def test_every_setting_has_a_malformed_case() -> None:
    assert set(MALFORMED) == set(variables())
    assert set(where()) == set(variables())


@pytest.mark.parametrize("variable", sorted(MALFORMED))
def test_each_malformed_setting_is_one_line(tmp_path: Path, variable: str) -> None:
    value = MALFORMED[variable]
    secret = variable.endswith(("_TOKEN", "_SECRET"))
    line = assert_one_line(coach(tmp_path, {variable: value}, "run"), variable, *([value] if secret else []))
    assert line.startswith(f"coach: {variable} is invalid (")
    assert where()[variable] in line


def test_quoted_or_prefixed_tokens_are_caught(tmp_path: Path) -> None:
    line = assert_one_line(coach(tmp_path, {"DISCORD_TOKEN": f"Bot {DISCORD}"}, "run"), "DISCORD_TOKEN", DISCORD)
    assert "Bot " in line


def test_a_dotenv_file_is_read_too(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("COACH_TICK_SECONDS=-5\n")
    assert_one_line(coach(tmp_path, {}, "run"), "COACH_TICK_SECONDS")


def test_migrate_and_doctor_report_config_the_same_way(tmp_path: Path) -> None:
    assert_one_line(coach(tmp_path, {"COACH_LOG_LEVEL": "chatty"}, "migrate"), "COACH_LOG_LEVEL")
    result = coach(tmp_path, {"COACH_LOG_LEVEL": "chatty"}, "doctor")
    assert result.returncode == 2 and "COACH_LOG_LEVEL" in result.stdout and "Traceback" not in result.stderr


def test_malformed_tokens_are_all_reported_at_once_before_any_network(tmp_path: Path) -> None:
    """A token's shape is checked before anything goes to the network (there is no SLACK_API_URL nor a
    Discord to reach here: the check never gets that far), and every bad one is named at once."""
    result = coach(tmp_path, {"SLACK_BOT_TOKEN": "hello", "SLACK_SIGNING_SECRET": SIGNING, "DISCORD_TOKEN": "abc",
                              "COACH_TICK_SECONDS": "soon"}, "run")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert [line.split(" is invalid")[0] for line in lines] == ["coach: COACH_TICK_SECONDS", "coach: SLACK_BOT_TOKEN",
                                                                "coach: DISCORD_TOKEN"], result.stderr
    assert "hello" not in result.stderr and "abc" not in result.stderr
    assert "logging in" not in result.stderr


@pytest.mark.parametrize(("variable", "value"), [
    ("SLACK_BOT_TOKEN", "xoxb-1"), ("SLACK_BOT_TOKEN", "xoxe.xoxb-1-MTIz-abc"), ("SLACK_APP_TOKEN", "xapp-1-A1-2-x"),
    ("DISCORD_TOKEN", "MTIz.fake.token"), ("DISCORD_TOKEN", DISCORD),
])
def test_token_shapes_that_are_accepted(variable: str, value: str) -> None:
    config = load_config({variable: value}, _env_file=None)
    assert value in config.core.secrets()
