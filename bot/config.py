"""The core's settings, read from the environment (and a `.env` file), typed and validated — and the base
every platform's settings class shares (`EnvSettings`): a `ConfigError` line for each bad variable, naming
it and where to get it, and the secret values to redact from logs.

`.env.example` documents each variable; the names here are the contract with people running the coach.
Platform variables (SLACK_*, DISCORD_*) live with their platform (adapters/<platform>/settings.py), which
registers itself in adapters/platforms.py; the core knows none of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, ClassVar, Literal, Self

from pydantic import AliasChoices, Field, PrivateAttr, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

WHERE: dict[str, str] = {
    "DATABASE_URL": "e.g. postgresql://coach:password@db:5432/coach, or leave it empty for SQLite",
    "COACH_TICK_SECONDS": "seconds between dispatcher ticks, e.g. 15",
    "COACH_DISPATCH": "on or off",
    "COACH_DEFAULT_TZ": "an IANA timezone such as UTC or Europe/Berlin",
    "COACH_LOG_LEVEL": "DEBUG, INFO, WARNING or ERROR",
    "COACH_LOG_FORMAT": "human or json",
    "COACH_METRICS_PORT": "a TCP port such as 9100, or empty for none",
    "COACH_CONSOLE_START": "an ISO time with a zone, e.g. 2026-03-04T15:00:00Z",
    "COACH_LLM_URL": "an OpenAI-compatible API's base URL, e.g. http://127.0.0.1:11434/v1 (Ollama), or empty for none",
    "COACH_LLM_MODEL": "the model's name at that endpoint, e.g. llama3.1:8b",
    "COACH_LLM_API_KEY": "the endpoint's API key, if it needs one (sent as a Bearer token)",
    "COACH_LLM_TIMEOUT": "seconds to wait for a model draft before the built-in one, e.g. 8",
    "COACH_LLM_WORKSPACES": "the workspace ids whose members may switch model drafts on, comma-separated "
                            "(Slack team ids, Discord server ids, local for the console), or * for all",
}
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def env(name: str) -> AliasChoices:
    return AliasChoices(name)


class ConfigError(ValueError):
    """Settings missing or malformed; the message names each variable and how to fix it, one a line."""

    @classmethod
    def of(cls, problems: Iterable[str]) -> ConfigError:
        return cls("\n".join(dict.fromkeys(problems)))

    def lines(self) -> list[str]:
        return str(self).splitlines()


class EnvSettings(BaseSettings):
    """Settings from the environment and `.env`. A subclass names each variable (`validation_alias=env(…)`)
    and says where to get it (`WHERE`); `load()` turns each bad value into one ConfigError line."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True,
                                      env_ignore_empty=True)
    WHERE: ClassVar[dict[str, str]] = {}
    _more_secrets: list[str] = PrivateAttr(default_factory=list)

    @classmethod
    def load(cls, **values: Any) -> Self:
        """Read the environment (values given here win); raise ConfigError naming every bad variable (a
        line each: all of them at once, so fixing one never just uncovers the next)."""
        try:
            return cls(**values)
        except ValidationError as problem:
            lines = []
            for error in problem.errors():
                variable = cls.variable(str(error.get("loc", ("configuration",))[0]))
                lines.append(cls.invalid(variable, str(error.get("msg", "invalid")).removeprefix("Value error, ")))
            raise ConfigError.of(lines) from None

    @classmethod
    def variables(cls) -> dict[str, str]:
        """Environment variable → field, for every variable this class reads."""
        return {cls.variable(name): name for name in cls.model_fields}

    @classmethod
    def variable(cls, field_name: str) -> str:
        field_info = cls.model_fields.get(field_name)
        alias = getattr(field_info, "validation_alias", None) if field_info else None
        if isinstance(alias, AliasChoices) and alias.choices:
            return str(alias.choices[0])
        return field_name.upper()

    @classmethod
    def missing(cls, variable: str) -> str:
        return f"{variable} is not set — {cls.WHERE.get(variable, 'see .env.example')}"

    @classmethod
    def invalid(cls, variable: str, problem: str) -> str:
        problem = " ".join(problem.split())  # one line, always
        return f"{variable} is invalid ({problem}) — {cls.WHERE.get(variable, 'see .env.example')}"

    def secrets(self) -> list[str]:
        """Every secret value that is set (its SecretStr fields, and any added), for log redaction."""
        values = [getattr(self, name) for name in type(self).model_fields]
        own = [v.get_secret_value() for v in values if isinstance(v, SecretStr) and v.get_secret_value()]
        return own + self._more_secrets

    def add_secrets(self, values: Iterable[str]) -> None:
        """Redact these too: the platforms' tokens, which the core's settings do not hold."""
        self._more_secrets.extend(v for v in values if v and v not in self._more_secrets)


class Settings(EnvSettings):
    """The core's settings: storage, the ticker, timezone default, logging, the ops port, the console."""

    WHERE: ClassVar[dict[str, str]] = WHERE

    database_url: str | None = Field(None, validation_alias=env("DATABASE_URL"))
    tick_seconds: float = Field(15.0, gt=0, le=3600, validation_alias=env("COACH_TICK_SECONDS"))
    dispatch: bool = Field(True, validation_alias=env("COACH_DISPATCH"))
    default_timezone: str = Field("UTC", validation_alias=env("COACH_DEFAULT_TZ"))
    log_level: str = Field("INFO", validation_alias=env("COACH_LOG_LEVEL"))
    log_format: Literal["human", "json"] = Field("human", validation_alias=env("COACH_LOG_FORMAT"))
    metrics_port: int | None = Field(None, ge=1, le=65535, validation_alias=env("COACH_METRICS_PORT"))
    console_start: datetime | None = Field(None, validation_alias=env("COACH_CONSOLE_START"))
    # Bring your own model (optional, off by default): an OpenAI-compatible /chat/completions endpoint that
    # members of the listed workspaces may let write their drafts (bot/modeldraft.py, adapters/llm.py).
    llm_url: str | None = Field(None, validation_alias=env("COACH_LLM_URL"))
    llm_model: str | None = Field(None, max_length=200, validate_default=True,
                                  validation_alias=env("COACH_LLM_MODEL"))
    llm_api_key: SecretStr | None = Field(None, validation_alias=env("COACH_LLM_API_KEY"))
    llm_timeout: float = Field(8.0, gt=0, le=120, validation_alias=env("COACH_LLM_TIMEOUT"))
    llm_workspaces: str | None = Field(None, max_length=4000, validation_alias=env("COACH_LLM_WORKSPACES"))

    @field_validator("dispatch", mode="before")
    @classmethod
    def _on_off(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in ("on", "off"):
            return value.strip().lower() == "on"
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from bot.timefmt import is_zone

        if not is_zone(value):
            raise ValueError(f"unknown timezone {value[:40]!r}")
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

    @field_validator("llm_url")
    @classmethod
    def _llm_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from urllib.parse import urlsplit

        value = value.strip().rstrip("/")
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("not an http(s) URL")
        if parts.username or parts.password or parts.query or parts.fragment:
            raise ValueError("give the base URL only: no credentials, query or fragment (the key goes in "
                             "COACH_LLM_API_KEY)")
        return value.removesuffix("/chat/completions")

    @field_validator("llm_api_key")
    @classmethod
    def _llm_key(cls, value: SecretStr | None) -> SecretStr | None:
        return shaped(value, lambda key: len(key) <= 500, "too long for an API key")

    @field_validator("llm_model")
    @classmethod
    def _llm_model(cls, value: str | None, info: ValidationInfo) -> str | None:
        value = value.strip() if value else None
        url = info.data.get("llm_url")
        if url and not value:
            raise ValueError("COACH_LLM_URL is set but no model is named")
        if value and not url and "llm_url" in info.data:
            raise ValueError("a model is named but COACH_LLM_URL is not set")
        return value

    @field_validator("llm_workspaces")
    @classmethod
    def _llm_workspaces(cls, value: str | None) -> str | None:
        for part in (value or "").split(","):
            if part.strip() and not re.fullmatch(r"\*|[\w.:-]{1,80}", part.strip()):
                raise ValueError(f"{part.strip()[:40]!r} is not a workspace id; separate them with commas")
        return value

    def llm_workspace_ids(self) -> frozenset[str]:
        """The workspaces whose members may switch model drafts on ("*": every one); empty: none."""
        return frozenset(part.strip() for part in (self.llm_workspaces or "").split(",") if part.strip())

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


def shaped(value: SecretStr | None, ok: Callable[[str], bool], hint: str) -> SecretStr | None:
    """A pasted credential, refused when it carries spaces, quotes or a prefix, or fails `ok` (`hint` says why)."""
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
