"""The manifest and the code agree: every command, the shortcut, events and scopes the adapter uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.slack.app import COMMANDS, REVIEW_SHORTCUT
from adapters.slack.config import BOT_SCOPES

yaml = pytest.importorskip("yaml", reason="PyYAML is not a declared dependency")
MANIFEST = Path(__file__).resolve().parents[2] / "deploy" / "slack-manifest.yml"


def test_manifest_matches_the_adapter() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    features, settings = manifest["features"], manifest["settings"]
    commands = {c["command"]: c for c in features["slash_commands"]}
    assert set(commands) == set(COMMANDS) and all(c["should_escape"] is True for c in commands.values())
    assert [s["callback_id"] for s in features["shortcuts"]] == [REVIEW_SHORTCUT]
    assert features["app_home"] == {"home_tab_enabled": True, "messages_tab_enabled": True,
                                    "messages_tab_read_only_enabled": False}
    assert set(settings["event_subscriptions"]["bot_events"]) == {"message.im", "app_home_opened"}
    assert settings["interactivity"]["is_enabled"] is True and "socket_mode_enabled" in settings
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(BOT_SCOPES)
