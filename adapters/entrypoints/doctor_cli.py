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
        for line in problem.lines():
            print(Check("configuration", "problem", line).line(), file=out)
        return 2
    checks = [check_configuration(config), check_database(config.core), check_model(config.core)]
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


def check_model(settings: Settings) -> Check:
    """The optional model for drafts (COACH_LLM_*): reachable, and the model named is one it lists."""
    from adapters.llm import check

    status, words = check(settings)
    return Check("model drafts", status, words)


def check_database(settings: Settings) -> Check:
    from bot.api import schema_report

    ok, words = schema_report(settings.database_url)
    return Check("database", "ok" if ok else "problem", words)
