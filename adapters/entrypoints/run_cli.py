"""`coach run`: every configured platform in one process, sharing one store and one dispatcher."""

from __future__ import annotations

import argparse
import asyncio
import sys

from adapters.bootstrap import add_services, serving_runtime
from adapters.startup import StartFailed, config_or_exit


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="coach run", description="Serve every configured platform.")
    parser.add_argument("--port", type=int, default=3000, help="HTTP port for Slack events and /healthz")
    options = parser.parse_args(argv)
    config = config_or_exit("run")  # one line and exit 2 when a configured platform lacks a setting
    runtime = serving_runtime(config.core)
    add_services(runtime, config, port=options.port)
    try:
        asyncio.run(runtime.run())
    except StartFailed as problem:  # a platform unreachable or refusing us at start-up: one line
        print(problem.line, file=sys.stderr)
        return problem.code
    except KeyboardInterrupt:
        return 130
    return 0
