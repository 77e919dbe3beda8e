"""`coach discord`: serve Discord with DISCORD_TOKEN (slash commands, DM nudges, the dispatcher)."""

from __future__ import annotations

import argparse
import asyncio
import sys

import discord

from adapters.bootstrap import serving_runtime
from adapters.discord.settings import DiscordSettings
from adapters.startup import StartFailed, config_or_exit

TOKEN_HELP = ("coach discord: DISCORD_TOKEN is not set. Get it from the Discord Developer Portal → your app → "
              "Bot → Reset Token, and put it in .env (see README → Add it to Discord).")
BAD_TOKEN = ("coach discord: Discord rejected DISCORD_TOKEN. Make a new one in the Developer Portal → your app → "
             "Bot → Reset Token.")


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="coach discord", description="Serve Discord with DISCORD_TOKEN.").parse_args(argv)
    config = config_or_exit()
    settings: DiscordSettings = config.of("discord")
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(TOKEN_HELP, file=sys.stderr)
        return 2
    from adapters.discord.service import discord_service

    runtime = serving_runtime(config.core)
    service = discord_service(runtime, settings)
    runtime.add(service)
    try:
        asyncio.run(runtime.run())
    except discord.LoginFailure:
        print(BAD_TOKEN, file=sys.stderr)
        return 2
    except StartFailed as problem:
        print(problem.line, file=sys.stderr)
        return problem.code
    except KeyboardInterrupt:
        return 130
    return 1 if service.failure is not None else 0
