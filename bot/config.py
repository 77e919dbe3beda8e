"""Every setting in one place, read from the environment (and a `.env` file), typed and validated.

`.env.example` documents each variable; the names here are the contract with people running the coach.
A missing or malformed setting becomes one `ConfigError` line that names the variable and where to get it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Mode = Literal["slack-http", "slack-socket", "discord", "run"]

SLACK_APP = "api.slack.com/apps → your app"
DISCORD_APP = "discord.com/developers/applications → your app"
WHERE: dict[str, str] = {
    "DATABASE_URL": "e.g. postgresql://coach:password@db:5432/coach, or leave it empty for SQLite",
    "COACH_TICK_SECONDS": "seconds between dispatcher ticks, e.g. 15",
    "COACH_DISPATCH": "on or off",
    "COACH_DEFAULT_TZ": "an IANA timezone such as UTC or Europe/Berlin",
    "COACH_LOG_LEVEL": "DEBUG, INFO, WARNING or ERROR",
    "COACH_LOG_FORMAT": "human or json",
    "COACH_METRICS_PORT": "a TCP port such as 9100, or empty for none",
    "COACH_CONSOLE_START": "an ISO time with a zone, e.g. 2026-03-04T15:00:00Z",
    "SLACK_BOT_TOKEN": f"{SLACK_APP} → OAuth & Permissions → Bot User OAuth Token (xoxb-…)",
    "SLACK_SIGNING_SECRET": f"{SLACK_APP} → Basic Information → App Credentials → Signing Secret",
    "SLACK_APP_TOKEN": f"{SLACK_APP} → Basic Information → App-Level Tokens (xapp-…, scope connections:write)",
    "SLACK_CLIENT_ID": f"{SLACK_APP} → Basic Information → App Credentials → Client ID",
    "SLACK_CLIENT_SECRET": f"{SLACK_APP} → Basic Information → App Credentials → Client Secret",
    "SLACK_API_URL": "an http(s) URL, or empty for https://slack.com/api/",
    "DISCORD_TOKEN": f"{DISCORD_APP} → Bot → Reset Token",
    "DISCORD_GUILD_ID": "Discord → Server Settings → Widget → Server ID (a number), or empty",
    "DISCORD_SHARDS": "a whole number of shards, 1 or more, or empty",
}
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# What people paste by mistake: the client secret (32 characters) or the application id (digits only).
_DISCORD_NOT_A_TOKEN = re.compile(r"[0-9a-zA-Z_-]{32}|[0-9]{15,22}")


def env(name: str) -> AliasChoices:
    return AliasChoices(name)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True,
                                      env_ignore_empty=True)

    database_url: str | None = Field(None, validation_alias=env("DATABASE_URL"))
    tick_seconds: float = Field(15.0, gt=0, le=3600, validation_alias=env("COACH_TICK_SECONDS"))
    dispatch: bool = Field(True, validation_alias=env("COACH_DISPATCH"))
    default_timezone: str = Field("UTC", validation_alias=env("COACH_DEFAULT_TZ"))
    log_level: str = Field("INFO", validation_alias=env("COACH_LOG_LEVEL"))
    log_format: Literal["human", "json"] = Field("human", validation_alias=env("COACH_LOG_FORMAT"))
    metrics_port: int | None = Field(None, ge=1, le=65535, validation_alias=env("COACH_METRICS_PORT"))
    console_start: datetime | None = Field(None, validation_alias=env("COACH_CONSOLE_START"))

    slack_bot_token: SecretStr | None = Field(None, validation_alias=env("SLACK_BOT_TOKEN"))
    slack_signing_secret: SecretStr | None = Field(None, validation_alias=env("SLACK_SIGNING_SECRET"))
    slack_app_token: SecretStr | None = Field(None, validation_alias=env("SLACK_APP_TOKEN"))
    slack_client_id: str | None = Field(None, validation_alias=env("SLACK_CLIENT_ID"))
    slack_client_secret: SecretStr | None = Field(None, validation_alias=env("SLACK_CLIENT_SECRET"))
    slack_api_url: str | None = Field(None, validation_alias=env("SLACK_API_URL"))

    discord_token: SecretStr | None = Field(None, validation_alias=env("DISCORD_TOKEN"))
    discord_guild_id: int | None = Field(None, ge=1, validation_alias=env("DISCORD_GUILD_ID"))
    discord_shards: int | None = Field(None, ge=1, validation_alias=env("DISCORD_SHARDS"))

    @field_validator("dispatch", mode="before")
    @classmethod
    def _on_off(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in ("on", "off"):
            return value.strip().lower() == "on"
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown timezone {value[:40]!r}") from None
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError("not a log level")
        return value.strip().upper()

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("console_start")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("no timezone given")
        return value

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            backend = make_url(value).get_backend_name()
        except ArgumentError:
            raise ValueError("not a database URL") from None
        if backend not in ("sqlite", "postgresql", "postgres"):
            raise ValueError(f"{backend!r} is not supported; use postgresql://… or sqlite:///…")
        return value

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        # Refuse what is surely another credential; accept shapes we don't know (proxies, test doubles).
        return _shaped(value, lambda s: s.startswith("xoxb-") or not s.startswith(("xox", "xapp-")),
                       "a bot token starts with xoxb- (this is another kind of Slack token)")

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: SecretStr | None) -> SecretStr | None:
        return _shaped(value, lambda s: not s.startswith("xox"),
                       "an app-level token starts with xapp- (this is a bot or user token)")

    @field_validator("slack_signing_secret", "slack_client_secret")
    @classmethod
    def _secret(cls, value: SecretStr | None) -> SecretStr | None:
        return _shaped(value, lambda s: not s.startswith(("xox", "xapp-")), "this looks like a token, not a secret")

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

    @field_validator("discord_token")
    @classmethod
    def _discord_token(cls, value: SecretStr | None) -> SecretStr | None:
        return _shaped(value, lambda s: not _DISCORD_NOT_A_TOKEN.fullmatch(s),
                       "a bot token has three parts separated by dots; not the client secret or app id")

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_bot_token or self.slack_client_id)

    @property
    def discord_configured(self) -> bool:
        return self.discord_token is not None

    def secrets(self) -> list[str]:
        """Every secret value that is set, for log redaction."""
        values = (self.slack_bot_token, self.slack_signing_secret, self.slack_app_token,
                  self.slack_client_secret, self.discord_token)
        return [v.get_secret_value() for v in values if v is not None and v.get_secret_value()]


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable and how to fix it."""


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as problem:
        first = problem.errors()[0]
        field_name = str(first.get("loc", ("configuration",))[0])
        variable = _variable_for(field_name)
        message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        raise ConfigError(invalid(variable, message)) from None


def missing(variable: str) -> str:
    return f"{variable} is not set — {WHERE.get(variable, 'see .env.example')}"


def invalid(variable: str, problem: str) -> str:
    problem = " ".join(problem.split())  # one line, always
    return f"{variable} is invalid ({problem}) — {WHERE.get(variable, 'see .env.example')}"


def require_for(settings: Settings, mode: Mode) -> None:
    """Raise ConfigError for the first setting `mode` needs and lacks.

    slack-http: a signing secret plus a bot token or an OAuth client; slack-socket: an app-level token plus
    a bot token or an OAuth client; discord: a bot token; run: every platform that is configured.
    """
    if mode == "run":
        if not (settings.slack_configured or settings.discord_configured):
            raise ConfigError("no platform is configured — set SLACK_BOT_TOKEN or DISCORD_TOKEN "
                              "(see .env.example), or try `coach console`")
        if settings.slack_configured:
            require_for(settings, "slack-socket" if settings.slack_app_token else "slack-http")
        if settings.discord_configured:
            require_for(settings, "discord")
        return
    if mode == "discord":
        if settings.discord_token is None:
            raise ConfigError(missing("DISCORD_TOKEN"))
        return
    if mode == "slack-socket" and settings.slack_app_token is None:
        raise ConfigError(missing("SLACK_APP_TOKEN"))
    if mode == "slack-http" and settings.slack_signing_secret is None:
        raise ConfigError(missing("SLACK_SIGNING_SECRET"))
    if settings.slack_client_id and settings.slack_client_secret is None:
        raise ConfigError(missing("SLACK_CLIENT_SECRET"))
    if settings.slack_client_secret and not settings.slack_client_id:
        raise ConfigError(missing("SLACK_CLIENT_ID"))
    if settings.slack_bot_token is None and not settings.slack_client_id:
        raise ConfigError(f"{missing('SLACK_BOT_TOKEN')} (or set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
                          "to install into several workspaces)")


def variables() -> dict[str, str]:
    """Environment variable → Settings field, for every setting the app reads."""
    return {_variable_for(name): name for name in Settings.model_fields}


def _shaped(value: SecretStr | None, ok: Callable[[str], bool], hint: str) -> SecretStr | None:
    if value is None:
        return None
    secret = value.get_secret_value()
    if secret != secret.strip() or " " in secret or secret.startswith(("Bot ", "Bearer ")):
        raise ValueError("remove spaces, quotes or a 'Bot '/'Bearer ' prefix")
    if secret.startswith(("'", '"')):
        raise ValueError("remove the quotes around it")
    if not ok(secret):
        raise ValueError(hint)
    return value


def _variable_for(field_name: str) -> str:
    field_info = Settings.model_fields.get(field_name)
    alias = getattr(field_info, "validation_alias", None) if field_info else None
    if isinstance(alias, AliasChoices) and alias.choices:
        return str(alias.choices[0])
    return field_name.upper()
