"""`coach doctor`: check the configuration, the database and each platform's credentials, and say what
is wrong in plain words. It changes nothing: no migrations, no gateway connection, no messages.

Exit code 0 when every check passes, 1 when one fails, 2 when the settings cannot even be read. Each
platform's checks live with it (adapters/<platform>/platform.py), in the registry's order.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from adapters.platforms import Check, Config, load_config, platforms, require_for
from bot.config import ConfigError, Settings

__all__ = ["Check", "main"]


def main(argv: list[str], out: TextIO | None = None) -> int:
    argparse.ArgumentParser(prog="coach doctor", description="Check configuration, database and "
                            "platform credentials.").parse_args(argv)
    out = out or sys.stdout
    try:
        config = load_config()
    except ConfigError as problem:
        print(Check("configuration", "problem", str(problem)).line(), file=out)
        return 2
    checks = [check_configuration(config), check_database(config.core)]
    for entry in platforms():
        checks += entry.checks(config.of(entry.name))
    for check in checks:
        print(check.line(), file=out)
    failed = [c for c in checks if c.status == "problem"]
    print(f"\n{len(failed)} problem{'s' if len(failed) != 1 else ''} found." if failed else
          "\nEverything checks out.", file=out)
    return 1 if failed else 0


def check_configuration(config: Config) -> Check:
    titles = [entry.title for entry, _settings in config.configured()]
    if not titles:
        return Check("configuration", "ok", "no platform configured: `coach` will start the console")
    try:
        require_for(config, "run")
    except ConfigError as problem:
        return Check("configuration", "problem", str(problem))
    return Check("configuration", "ok", f"complete for {' and '.join(titles)}")


def check_database(settings: Settings) -> Check:
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from adapters.startup import describe_database
    from bot.store.engine import default_database_url, make_engine
    from bot.store.migrate import alembic_config, current_revision

    url = settings.database_url or default_database_url()
    where = sqlite_file(url) or describe_database(settings.database_url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = current_revision(engine)
    except Exception as failure:
        reason = " ".join(str(getattr(failure, "orig", None) or failure).split())[:200]
        return Check("database", "problem", f"cannot connect to {where}: {reason}")
    finally:
        engine.dispose()
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if current != head:
        return Check("database", "problem", f"{where} is reachable but its schema is at {current or 'nothing'}, "
                     f"not {head}: run `coach migrate` (start-up does it too)")
    return Check("database", "ok", f"{where} is reachable and its schema is up to date ({head})")


def sqlite_file(url: str) -> str | None:
    """`the SQLite file /home/ana/.local/share/connection-coach/coach.db` (the path a backup needs), or
    None for another database."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return f"the SQLite file {Path(parsed.database).resolve()}"
