"""Discord's settings (DISCORD_* variables): read and checked here, registered in adapters/platforms.py.

Light on purpose: no discord.py import, so `coach`, `coach doctor` and the console load it cheaply.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field, SecretStr, field_validator

from bot.config import ConfigError, EnvSettings, env, shaped

DISCORD_APP = "discord.com/developers/applications → your app"
WHERE: dict[str, str] = {
    "DISCORD_TOKEN": f"{DISCORD_APP} → Bot → Reset Token",
    "DISCORD_GUILD_ID": "Discord → Server Settings → Widget → Server ID (a number), or empty",
    "DISCORD_SHARDS": "a whole number of shards, 1 or more, or empty",
}
MODE = "discord"  # the mode `config_or_exit` checks Discord for
# What people paste by mistake: the client secret (32 characters) or the application id (digits only).
_NOT_A_TOKEN = re.compile(r"[0-9a-zA-Z_-]{32}|[0-9]{15,22}")
# The shape of a bot token (checked before anything goes to the network): the bot's id in base64, a
# timestamp, an HMAC — three URL-safe base64 parts separated by dots.
_TOKEN = re.compile(r"[0-9a-zA-Z_-]+\.[0-9a-zA-Z_-]+\.[0-9a-zA-Z_-]+")


class DiscordSettings(EnvSettings):
    """The bot token; optionally one server to sync commands to, and a shard count."""

    WHERE: ClassVar[dict[str, str]] = WHERE

    discord_token: SecretStr | None = Field(None, validation_alias=env("DISCORD_TOKEN"))
    discord_guild_id: int | None = Field(None, ge=1, validation_alias=env("DISCORD_GUILD_ID"))
    discord_shards: int | None = Field(None, ge=1, validation_alias=env("DISCORD_SHARDS"))

    @field_validator("discord_token")
    @classmethod
    def _discord_token(cls, value: SecretStr | None) -> SecretStr | None:
        return shaped(value, lambda s: not _NOT_A_TOKEN.fullmatch(s) and _TOKEN.fullmatch(s) is not None,
                      "a bot token has three parts separated by dots; not the client secret or app id")

    @property
    def configured(self) -> bool:
        return self.discord_token is not None

    def require(self, mode: str | None = None) -> None:
        """Raise ConfigError when the bot token is missing."""
        if self.discord_token is None:
            raise ConfigError(self.missing("DISCORD_TOKEN"))
