"""`coach slack`: serve Slack with the dispatcher in-process — `--socket` (Socket Mode, no public URL)
or `--port P` (HTTP: POST /slack/events, GET /healthz, and the OAuth pages when configured)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from adapters.bootstrap import serving_runtime
from adapters.slack.service import SlackUnavailable, slack_service
from adapters.slack.settings import HTTP, SOCKET, SlackSettings
from adapters.startup import StartupError, config_or_exit


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="coach slack", description="Serve the coach in Slack.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--socket", action="store_true", help="Socket Mode (needs SLACK_APP_TOKEN)")
    mode.add_argument("--port", type=int, help="HTTP mode on this port (needs SLACK_SIGNING_SECRET)")
    parser.add_argument("--host", default="0.0.0.0", help="HTTP mode: the address to listen on")
    options = parser.parse_args(argv)
    port = options.port if options.port is not None or options.socket else 3000
    try:
        config = config_or_exit(SOCKET if options.socket else HTTP, prog="coach slack")  # one line, exit 2
        slack: SlackSettings = config.of("slack")
        runtime = serving_runtime(config.core)
    except StartupError as stop:
        return int(stop.code or 2)
    runtime.add(slack_service(runtime, slack, socket=options.socket, port=port, host=options.host))
    try:
        asyncio.run(runtime.run())
    except SlackUnavailable as problem:
        print(problem.line, file=sys.stderr)
        return problem.code
    except KeyboardInterrupt:  # Ctrl-C before the loop's own signal handlers were in place
        return 130
    return 0
