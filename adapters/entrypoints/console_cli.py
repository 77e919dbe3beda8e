"""`coach console`: the console coach on stdin/stdout."""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

import platformdirs

from adapters.console.app import ConsoleSession
from adapters.console.terminal import HISTORY_FILE, Terminal
from adapters.llm import model_drafts
from adapters.logs import configure_logging
from adapters.startup import database_or_exit, settings_or_exit
from bot.api import files_folder, open_sessions
from bot.files import APP_NAME, PRIVATE_FILE, private_file, private_folder

DESCRIPTION = """Chat with the coach in this terminal: type one command a line, or pipe a script in
(coach console < script.txt). Your contacts are kept in the database (DATABASE_URL, or a SQLite file in
your user data directory — `coach doctor` names it), so a restart finds them again."""
EPILOG = """commands (as on Slack and Discord):
  /met "Jane Doe" at PyCon -- what you talked about      record someone you met
  /coach list · /coach show <who> · /coach sent <who>     see and keep your contacts true
  /review <draft> · /coach help                           review a message · every command
console only:
  /advance 2d      move time forward and see the nudges that fall due (36h, 2d, 10d). From a pipe it
                   moves the script's clock on a throwaway database (a new file, COACH_CONSOLE_START, or
                   --demo); your real contacts' timeline never moves
  yes / no         answer the question just asked; list, show jane… work without "/coach"
  /quit, /exit     leave (also quit, exit, Ctrl-D)

environment: DATABASE_URL (where contacts live), COACH_CONSOLE_START (pin the clock's start, e.g.
2026-03-04T15:00:00+00:00, so a script's dates are the same on every run)"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="coach console", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demo", action="store_true",
                        help="try it in a throwaway database on a clock /advance can move; your own contacts "
                             "are not touched, and the demo is deleted when you leave")
    args = parser.parse_args(argv)
    settings = settings_or_exit()
    stdin = text_input(sys.stdin)
    interactive = stdin.isatty()
    if args.demo:  # everything the demo writes (database, charts, history, log) stays in its own folder
        with tempfile.TemporaryDirectory(prefix="coach-demo-") as folder:
            if settings.log_level.upper() != "DEBUG":
                log_to_file(settings.log_level, settings.log_format, settings.secrets(), Path(folder))
            sessions, close = open_sessions(f"sqlite:///{Path(folder) / 'demo.db'}")
            try:
                session = ConsoleSession(sessions, sys.stdout, start=settings.console_start, live=False,
                                         data_dir=Path(folder), models=model_drafts(settings))
                return session.run(stdin, interactive=interactive, demo=True,
                                   terminal=terminal_for(stdin, Path(folder)))
            finally:
                close()
    if settings.log_level.upper() != "DEBUG":
        log_to_file(settings.log_level, settings.log_format, settings.secrets())
    with database_or_exit(settings):
        sessions, _close = open_sessions(settings.database_url)
    data_dir = files_folder(settings.database_url)
    session = ConsoleSession(sessions, sys.stdout, start=settings.console_start, live=interactive,
                             tick_seconds=settings.tick_seconds, data_dir=data_dir, models=model_drafts(settings))
    return session.run(stdin, interactive=interactive, terminal=terminal_for(stdin, data_dir))


def terminal_for(stdin: TextIO, data_dir: Path) -> Terminal | None:
    """Line editing, history and a prompt when a person types at a terminal; None for a pipe."""
    if not (stdin.isatty() and sys.stdout.isatty()):
        return None
    return Terminal(data_dir / HISTORY_FILE)


def text_input(stream: TextIO) -> TextIO:
    """stdin as UTF-8 text in which bytes that are not UTF-8 read as U+FFFD: a line pasted in another
    encoding is answered like any other text, not with an error."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="replace")
    return stream


def log_to_file(level: str, fmt: str, secrets: list[str], folder: Path | None = None) -> None:
    """The terminal is the conversation: logs go to a file (COACH_LOG_LEVEL=DEBUG shows them on stderr),
    private to the user like the database: folder 0700, file 0600 — the user's log folder, or `folder`."""
    try:
        folder = folder or Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
        path = private_file(private_folder(folder) / "console.log")
        os.chmod(path, PRIVATE_FILE)
        stream = path.open("a", encoding="utf-8")
    except OSError:
        return  # a read-only home: keep logging to stderr
    configure_logging(level, fmt, secrets, stream=stream)
