"""`coach migrate`: apply the Alembic migrations and exit (start-up applies them too)."""

from __future__ import annotations

import argparse

from adapters.bootstrap import open_database
from adapters.startup import settings_or_exit


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="coach migrate", description="Apply database migrations.").parse_args(argv)
    settings = settings_or_exit()
    engine = open_database(settings)  # takes the advisory lock on PostgreSQL
    print(f"coach: database schema is up to date ({engine.url.render_as_string(hide_password=True)})")
    engine.dispose()
    return 0
