"""`coach migrate`: apply the Alembic migrations and exit (start-up applies them too)."""

from __future__ import annotations

import argparse

from adapters.startup import database_or_exit, settings_or_exit
from bot.store import open_store


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="coach migrate", description="Apply database migrations.").parse_args(argv)
    settings = settings_or_exit()
    with database_or_exit(settings):
        engine, _sessions = open_store(settings.database_url)  # takes the advisory lock on PostgreSQL
    print(f"coach: database schema is up to date ({engine.url.render_as_string(hide_password=True)})")
    engine.dispose()
    return 0
