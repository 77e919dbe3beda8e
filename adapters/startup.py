"""What every long-running `coach` command does first: settings (or one clear line and exit 2), logs."""

from __future__ import annotations

import logging
import sys

from bot.config import ConfigError, Settings, load_settings


class StartupError(SystemExit):
    pass


def settings_or_exit() -> Settings:
    try:
        settings = load_settings()
    except ConfigError as problem:
        print(f"coach: {problem}", file=sys.stderr)
        raise StartupError(2) from None
    configure_logging(settings)
    return settings


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
