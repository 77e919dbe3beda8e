"""Slack's settings (SLACK_* variables): read and checked here, registered in adapters/platforms.py.

Light on purpose: no slack_sdk import, so `coach`, `coach doctor` and the console load it cheaply.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field, SecretStr, field_validator

from bot.config import ConfigError, EnvSettings, env, shaped

SLACK_APP = "api.slack.com/apps → your app"
WHERE: dict[str, str] = {
    "SLACK_BOT_TOKEN": f"{SLACK_APP} → OAuth & Permissions → Bot User OAuth Token (xoxb-…)",
    "SLACK_SIGNING_SECRET": f"{SLACK_APP} → Basic Information → App Credentials → Signing Secret",
    "SLACK_APP_TOKEN": f"{SLACK_APP} → Basic Information → App-Level Tokens (xapp-…, scope connections:write)",
    "SLACK_CLIENT_ID": f"{SLACK_APP} → Basic Information → App Credentials → Client ID",
    "SLACK_CLIENT_SECRET": f"{SLACK_APP} → Basic Information → App Credentials → Client Secret",
    "SLACK_API_URL": "an http(s) URL, or empty for https://slack.com/api/",
}
HTTP, SOCKET = "slack-http", "slack-socket"  # the modes `config_or_exit` checks Slack for
BOT_TOKEN = re.compile(r"(xoxe\.)?xoxb-[A-Za-z0-9-]+")  # xoxe.xoxb-…: a rotating bot token
APP_TOKEN = re.compile(r"xapp-[A-Za-z0-9-]+")


class SlackSettings(EnvSettings):
    """One workspace's bot token, or an OAuth client for many; the signing secret (HTTP) or an app-level
    token (Socket Mode); and where the Web API is."""

    WHERE: ClassVar[dict[str, str]] = WHERE

    slack_bot_token: SecretStr | None = Field(None, validation_alias=env("SLACK_BOT_TOKEN"))
    slack_signing_secret: SecretStr | None = Field(None, validation_alias=env("SLACK_SIGNING_SECRET"))
    slack_app_token: SecretStr | None = Field(None, validation_alias=env("SLACK_APP_TOKEN"))
    slack_client_id: str | None = Field(None, validation_alias=env("SLACK_CLIENT_ID"))
    slack_client_secret: SecretStr | None = Field(None, validation_alias=env("SLACK_CLIENT_SECRET"))
    slack_api_url: str | None = Field(None, validation_alias=env("SLACK_API_URL"))

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        # The shape is checked before anything goes to the network: another kind of token, or no token.
        value = shaped(value, lambda s: BOT_TOKEN.fullmatch(s) is not None or not s.startswith(("xox", "xapp-")),
                       "a bot token starts with xoxb- (this is another kind of Slack token)")
        return shaped(value, lambda s: BOT_TOKEN.fullmatch(s) is not None,
                      "a bot token starts with xoxb- and holds only letters, digits and dashes")

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: SecretStr | None) -> SecretStr | None:
        value = shaped(value, lambda s: not s.startswith("xox"),
                       "an app-level token starts with xapp- (this is a bot or user token)")
        return shaped(value, lambda s: APP_TOKEN.fullmatch(s) is not None,
                      "an app-level token starts with xapp- and holds only letters, digits and dashes")

    @field_validator("slack_signing_secret", "slack_client_secret")
    @classmethod
    def _secret(cls, value: SecretStr | None) -> SecretStr | None:
        return shaped(value, lambda s: not s.startswith(("xox", "xapp-")), "this looks like a token, not a secret")

    @field_validator("slack_client_id")
    @classmethod
    def _client_id(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d+\.\d+", value.strip()):
            raise ValueError("a client id looks like 1234567890.1234567890")
        return value.strip() if value else value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("not an http(s) URL")
        return value

    @property
    def configured(self) -> bool:
        return bool(self.slack_bot_token or self.slack_client_id)

    @property
    def socket_mode(self) -> bool:
        """`coach run` serves Slack over Socket Mode when an app-level token is set, else over HTTP."""
        return self.slack_app_token is not None

    def require(self, mode: str | None = None) -> None:
        """Raise ConfigError for the first setting `mode` needs and lacks (None: the mode `coach run` picks).

        slack-http: a signing secret plus a bot token or an OAuth client; slack-socket: an app-level token
        plus a bot token or an OAuth client."""
        mode = mode or (SOCKET if self.socket_mode else HTTP)
        if mode == SOCKET and self.slack_app_token is None:
            raise ConfigError(self.missing("SLACK_APP_TOKEN"))
        if mode == HTTP and self.slack_signing_secret is None:
            raise ConfigError(self.missing("SLACK_SIGNING_SECRET"))
        if self.slack_client_id and self.slack_client_secret is None:
            raise ConfigError(self.missing("SLACK_CLIENT_SECRET"))
        if self.slack_client_secret and not self.slack_client_id:
            raise ConfigError(self.missing("SLACK_CLIENT_ID"))
        if self.slack_bot_token is None and not self.slack_client_id:
            raise ConfigError(f"{self.missing('SLACK_BOT_TOKEN')} (or set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
                              "to install into several workspaces)")
