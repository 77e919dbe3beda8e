"""`coach`: the one entry point. `coach` alone runs every configured platform, or the console when no
Slack/Discord tokens are set."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from bot.config import Settings


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "review":  # reads its own flags: --json, --jsonl, --kind
        from adapters.review_cli import run as run_review

        return run_review(args[1:], sys.stdin, sys.stdout)
    parser = _parser()
    options = parser.parse_args(args)
    try:
        settings = Settings()
    except ValidationError as problem:
        first = problem.errors()[0]
        name = ".".join(str(part) for part in first.get("loc", ())) or "configuration"
        print(f"coach: invalid setting {name.upper()}: {first.get('msg')}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    command = options.command or ("run" if settings.slack_configured or settings.discord_configured else "console")
    if command == "console":
        return _console(settings)
    if command == "migrate":
        return _migrate(settings)
    parser.error(f"'{command}' needs its platform adapter, which this build does not include yet")
    return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coach", description="Connection Coach: follow up with people you meet.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("console", help="chat with the coach in this terminal (no tokens needed)")
    commands.add_parser("review", help="review a draft read from stdin (--json, --jsonl)")
    commands.add_parser("migrate", help="apply database migrations and exit")
    return parser


def _console(settings: Settings) -> int:
    from adapters.console.app import ConsoleSession
    from bot.store import open_store

    _engine, sessions = open_store(settings.database_url)
    session = ConsoleSession(sessions, sys.stdout, start=settings.console_start)
    return session.run(sys.stdin, interactive=sys.stdin.isatty())


def _migrate(settings: Settings) -> int:
    from bot.store import open_store

    engine, _sessions = open_store(settings.database_url)
    print(f"coach: database schema is up to date ({engine.url.render_as_string(hide_password=True)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
