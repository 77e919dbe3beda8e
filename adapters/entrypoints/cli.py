"""`coach`: the one console script. Each subcommand `coach NAME` is the module `NAME_cli` beside this one
(adapters/entrypoints/), with `main(argv) -> int`; a platform's own subcommand is listed in the registry
(adapters/platforms.py: `Platform.command`, its help). `coach` alone serves every configured platform, or
the console when none is."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from functools import cache


def module(name: str) -> str:
    """The entry point of `coach <name>`: adapters/entrypoints/<name>_cli.py."""
    return f"adapters.entrypoints.{name}_cli"


# `coach review` must start fast (it is a one-shot command): it is found here without loading the platform
# registry, whose settings classes pull in pydantic.
REVIEW = (module("review"), "review a draft: `coach review \"text\"`, or stdin (--json, --jsonl)")


@cache
def subcommands() -> dict[str, tuple[str, str]]:
    """Every subcommand: name → (module, help), the platforms' own from the registry."""
    from adapters.platforms import platforms

    helps = {
        "console": "chat with the coach in this terminal (no tokens needed)",
        **{entry.name: entry.command for entry in platforms() if entry.command is not None},  # the registry's
        "run": "serve every configured platform in one process",
        "review": REVIEW[1],
        "migrate": "apply database migrations and exit",
        "doctor": "check configuration, database and platform credentials",
    }
    return {name: (module(name), help_text) for name, help_text in helps.items()}


INTERRUPTED = 130  # 128 + SIGINT


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "review":
        try:
            return int(importlib.import_module(REVIEW[0]).run(args[1:], sys.stdin, sys.stdout))
        except KeyboardInterrupt:
            return _interrupted()
    if args and args[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if args and args[0] in subcommands():
        name, rest = args[0], args[1:]
    elif args:
        print(f"coach: unknown command {args[0][:40]!r}\n\n{usage()}", file=sys.stderr)
        return 2
    else:
        name, rest = default_command(), []
    try:
        return int(importlib.import_module(subcommands()[name][0]).main(rest))
    except KeyboardInterrupt:
        return _interrupted()


def _interrupted() -> int:
    """Ctrl-C leaves quietly, as Ctrl-D does; 130 is the shell's code for it."""
    sys.stdout.write("\n")
    sys.stdout.flush()
    return INTERRUPTED


def default_command() -> str:
    from adapters.platforms import load_config
    from bot.config import ConfigError

    try:
        config = load_config()
    except ConfigError:
        return "run"  # let `coach run` report the problem with its one-line message
    return "run" if config.configured() else "console"


def usage() -> str:
    lines = ["usage: coach [COMMAND] [options]", "", "commands:"]
    lines += [f"  {name:<9} {help_text}" for name, (_module, help_text) in subcommands().items()]
    lines += ["", "With no command: every configured platform, or the console when no tokens are set."]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
