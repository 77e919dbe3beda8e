"""`coach run`: every configured platform in one process, sharing one store and one dispatcher."""

from __future__ import annotations

import argparse
import asyncio
import sys

from adapters.startup import StartFailed, build_runtime, settings_or_exit


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="coach run", description="Serve every configured platform.")
    parser.add_argument("--port", type=int, default=3000, help="HTTP port for Slack events and /healthz")
    options = parser.parse_args(argv)
    settings = settings_or_exit("run")  # one line and exit 2 when a configured platform lacks a setting
    runtime = build_runtime(settings)
    if settings.slack_configured:
        from adapters.slack.service import slack_service

        socket_mode = settings.slack_app_token is not None
        runtime.add(slack_service(runtime, socket=socket_mode, port=None if socket_mode else options.port))
    if settings.discord_configured:
        from adapters.discord.service import discord_service

        runtime.add(discord_service(runtime))
    try:
        asyncio.run(runtime.run())
    except StartFailed as problem:  # a platform unreachable or refusing us at start-up: one line
        print(problem.line, file=sys.stderr)
        return problem.code
    except KeyboardInterrupt:
        return 130
    return 0
