"""What every `coach` command does first: settings (or one clear line and exit 2) and logs; and the errors
a start-up ends with. The runtime itself is built by the composition root, adapters/bootstrap.py.

    config = config_or_exit("slack-socket")   # or "slack-http", "discord", "run", None (no platform)
    settings = settings_or_exit()              # the core's settings alone (config_or_exit(...).core)
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from adapters.logs import configure_logging as _configure
from adapters.platforms import Config, load_config, require_for
from bot.api import StoreUnavailable
from bot.config import ConfigError, Settings


class StartupError(SystemExit):
    """Raised (exit code 2) after the one-line message is printed: no traceback reaches the terminal."""


class StartFailed(Exception):
    """A service could not start (its platform unreachable, or refusing a token): the CLI prints `line`
    on stderr, alone, and exits with `code`."""

    def __init__(self, line: str, code: int = 1) -> None:
        super().__init__(line)
        self.line, self.code = line, code


def config_or_exit(mode: str | None = None, prog: str = "coach") -> Config:
    """The core's and every platform's settings, complete for `mode` (adapters/platforms.py: require_for),
    or a line on stderr for each problem (`prog: problem`) and exit code 2. Logging is configured, redacting every
    platform's secrets."""
    try:
        config = load_config()
        if mode is not None:
            require_for(config, mode)
    except ConfigError as problem:
        for line in problem.lines():  # every bad variable at once, a line each
            print(f"{prog}: {line}", file=sys.stderr)
        raise StartupError(2) from None
    configure_logging(config.core)
    return config


def settings_or_exit(mode: str | None = None) -> Settings:
    """The core's settings (every platform's checked too, as config_or_exit does), or one line and exit 2."""
    return config_or_exit(mode).core


def configure_logging(settings: Settings) -> logging.Handler:
    return _configure(settings.log_level, settings.log_format, settings.secrets())


@contextmanager
def database_or_exit(settings: Settings) -> Iterator[None]:
    """Turn "cannot connect / migrate" into one line naming the database (no password) and exit 1."""
    try:
        yield
    except StoreUnavailable as failure:
        print(f"coach: cannot use the database {failure.where}: {failure.reason} — check DATABASE_URL and that "
              "the database is running (`coach doctor` tells more)", file=sys.stderr)
        raise StartupError(1) from None
