"""What every long-running `coach` command does first: settings (or one clear line and exit 2), logs,
and a runtime with metrics and — when COACH_METRICS_PORT is set — its own /healthz and /metrics server.

    settings = settings_or_exit("slack-socket")   # or "slack-http", "discord", "run", None (no platform)
    runtime = build_runtime(settings)              # then runtime.add(platform services); runtime.run()
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from adapters.logs import configure_logging as _configure
from bot.config import ConfigError, Mode, Settings, load_settings, require_for
from scheduler.runtime import Runtime


class StartupError(SystemExit):
    """Raised (exit code 2) after the one-line message is printed: no traceback reaches the terminal."""


class StartFailed(Exception):
    """A service could not start (its platform unreachable, or refusing a token): the CLI prints `line`
    on stderr, alone, and exits with `code`."""

    def __init__(self, line: str, code: int = 1) -> None:
        super().__init__(line)
        self.line, self.code = line, code


def settings_or_exit(mode: Mode | None = None) -> Settings:
    """Settings that are complete for `mode`, or one line on stderr and exit code 2."""
    try:
        settings = load_settings()
        if mode is not None:
            require_for(settings, mode)
    except ConfigError as problem:
        print(f"coach: {problem}", file=sys.stderr)
        raise StartupError(2) from None
    configure_logging(settings)
    return settings


def configure_logging(settings: Settings) -> logging.Handler:
    return _configure(settings.log_level, settings.log_format, settings.secrets())


def build_runtime(settings: Settings) -> Runtime:
    """The runtime every serving mode shares, counting metrics; adds the ops server when a port is set."""
    from adapters.http.metrics import instrument
    from adapters.http.ops import OpsServer

    with database_or_exit(settings):
        runtime = Runtime.from_settings(settings)
    instrument(runtime)
    if settings.metrics_port is not None:
        runtime.add(OpsServer(runtime, settings.metrics_port))
    return runtime


@contextmanager
def database_or_exit(settings: Settings) -> Iterator[None]:
    """Turn "cannot connect / migrate" into one line naming the database (no password) and exit 1."""
    try:
        yield
    except DBAPIError as failure:
        where = describe_database(settings.database_url)
        reason = " ".join(str(failure.orig or failure).split())[:200]
        print(f"coach: cannot use the database {where}: {reason} — check DATABASE_URL and that the "
              "database is running (`coach doctor` tells more)", file=sys.stderr)
        raise StartupError(1) from None


def describe_database(url: str | None) -> str:
    if not url:
        return "(the default SQLite file)"
    return make_url(url).render_as_string(hide_password=True)
