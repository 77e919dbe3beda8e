"""Every setting in one place, read from the environment (and a `.env` file), typed and validated.

`.env.example` documents each variable; the names here are the contract with people running the coach.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def env(name: str) -> AliasChoices:
    return AliasChoices(name)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str | None = Field(None, validation_alias=env("DATABASE_URL"))
    tick_seconds: float = Field(15.0, gt=0, le=3600, validation_alias=env("COACH_TICK_SECONDS"))
    dispatch: bool = Field(True, validation_alias=env("COACH_DISPATCH"))
    default_timezone: str = Field("UTC", validation_alias=env("COACH_DEFAULT_TZ"))
    log_level: str = Field("INFO", validation_alias=env("COACH_LOG_LEVEL"))
    console_start: datetime | None = Field(None, validation_alias=env("COACH_CONSOLE_START"))

    slack_bot_token: SecretStr | None = Field(None, validation_alias=env("SLACK_BOT_TOKEN"))
    slack_signing_secret: SecretStr | None = Field(None, validation_alias=env("SLACK_SIGNING_SECRET"))
    slack_app_token: SecretStr | None = Field(None, validation_alias=env("SLACK_APP_TOKEN"))
    slack_client_id: str | None = Field(None, validation_alias=env("SLACK_CLIENT_ID"))
    slack_client_secret: SecretStr | None = Field(None, validation_alias=env("SLACK_CLIENT_SECRET"))
    slack_api_url: str | None = Field(None, validation_alias=env("SLACK_API_URL"))

    discord_token: SecretStr | None = Field(None, validation_alias=env("DISCORD_TOKEN"))
    discord_guild_id: int | None = Field(None, validation_alias=env("DISCORD_GUILD_ID"))
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
        from zoneinfo import ZoneInfo

        ZoneInfo(value)  # raises for an unknown zone
        return value

    @field_validator("console_start")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("give a timezone, e.g. 2026-03-04T15:00:00Z")
        return value

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_bot_token or self.slack_client_id)

    @property
    def discord_configured(self) -> bool:
        return self.discord_token is not None


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable and how to fix it."""


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as problem:
        first = problem.errors()[0]
        field_name = str(first.get("loc", ("configuration",))[0])
        variable = _variable_for(field_name)
        raise ConfigError(f"{variable} is invalid: {first.get('msg')}") from None


def _variable_for(field_name: str) -> str:
    field_info = Settings.model_fields.get(field_name)
    alias = getattr(field_info, "validation_alias", None) if field_info else None
    if isinstance(alias, AliasChoices) and alias.choices:
        return str(alias.choices[0])
    return field_name.upper()
