"""`coach run`: every configured platform in one process, sharing one store and one dispatcher."""

from __future__ import annotations

import argparse
import asyncio
import sys

from adapters.startup import settings_or_exit
from scheduler.runtime import Runtime


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="coach run", description="Serve every configured platform.")
    parser.add_argument("--port", type=int, default=3000, help="HTTP port for Slack events and /healthz")
    options = parser.parse_args(argv)
    settings = settings_or_exit()
    if not (settings.slack_configured or settings.discord_configured):
        print("coach run: no platform is configured (set SLACK_BOT_TOKEN or DISCORD_TOKEN); "
              "try `coach console`", file=sys.stderr)
        return 2
    runtime = Runtime.from_settings(settings)
    if settings.slack_configured:
        from adapters.slack.service import slack_service

        socket_mode = settings.slack_app_token is not None
        runtime.add(slack_service(runtime, socket=socket_mode, port=None if socket_mode else options.port))
    if settings.discord_configured:
        from adapters.discord.service import discord_service

        runtime.add(discord_service(runtime))
    asyncio.run(runtime.run())
    return 0
