"""`coach console`: the console coach on stdin/stdout."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path
from typing import TextIO

import platformdirs
from sqlalchemy.engine import make_url

from adapters.console.app import ConsoleSession
from adapters.logs import configure_logging
from adapters.startup import database_or_exit, settings_or_exit
from bot.store import open_store
from bot.store.engine import APP_NAME, PRIVATE_FILE, private_file, private_folder


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="coach console", description="Chat with the coach in this terminal.").parse_args(argv)
    settings = settings_or_exit()
    if settings.log_level.upper() != "DEBUG":
        log_to_file(settings.log_level, settings.log_format, settings.secrets())
    with database_or_exit(settings):
        _engine, sessions = open_store(settings.database_url)
    stdin = text_input(sys.stdin)
    interactive = stdin.isatty()
    session = ConsoleSession(sessions, sys.stdout, start=settings.console_start, live=interactive,
                             tick_seconds=settings.tick_seconds, data_dir=data_folder(settings.database_url))
    return session.run(stdin, interactive=interactive)


def data_folder(database_url: str | None) -> Path:
    """Where the console keeps files (the digest's chart): beside a SQLite database, else the user data folder."""
    url = make_url(database_url) if database_url else None
    if url is not None and url.drivername.startswith("sqlite") and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent
    return private_folder(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def text_input(stream: TextIO) -> TextIO:
    """stdin as UTF-8 text in which bytes that are not UTF-8 read as U+FFFD: a line pasted in another
    encoding is answered like any other text, not with an error."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="replace")
    return stream


def log_to_file(level: str, fmt: str, secrets: list[str]) -> None:
    """The terminal is the conversation: logs go to a file (COACH_LOG_LEVEL=DEBUG shows them on stderr),
    private to the user like the database: folder 0700, file 0600."""
    try:
        path = private_file(private_folder(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))) / "console.log")
        os.chmod(path, PRIVATE_FILE)
        stream = path.open("a", encoding="utf-8")
    except OSError:
        return  # a read-only home: keep logging to stderr
    configure_logging(level, fmt, secrets, stream=stream)
