"""`coach console`: the console coach on stdin/stdout."""

from __future__ import annotations

import argparse
import sys

from adapters.console.app import ConsoleSession
from adapters.startup import settings_or_exit
from bot.store import open_store


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="coach console", description="Chat with the coach in this terminal.").parse_args(argv)
    settings = settings_or_exit()
    _engine, sessions = open_store(settings.database_url)
    session = ConsoleSession(sessions, sys.stdout, start=settings.console_start)
    return session.run(sys.stdin, interactive=sys.stdin.isatty())
