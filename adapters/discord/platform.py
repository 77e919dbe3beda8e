"""Discord in the platform registry (adapters/platforms.py): its settings, its `coach run` service, and
what `coach doctor` checks (a log-in over HTTP, no gateway connection)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from adapters.platforms import Check, Platform

from .settings import MODE, DiscordSettings

if TYPE_CHECKING:
    from scheduler.runtime import Runtime, Service


def serve(runtime: Runtime, settings: DiscordSettings, port: int) -> Service:
    """`coach run`: the gateway bot (Discord needs no HTTP port)."""
    from .service import discord_service

    return discord_service(runtime, settings)


def checks(settings: DiscordSettings) -> list[Check]:
    if settings.discord_token is None:
        return [Check("Discord", "skipped", "not configured (set DISCORD_TOKEN to use Discord)")]
    return [asyncio.run(_login(settings.discord_token.get_secret_value()))]


async def _login(token: str) -> Check:
    """Log in over HTTP only (GET /users/@me), as discord.py does before it would open the gateway."""
    import discord
    from discord.http import HTTPClient

    http = HTTPClient(asyncio.get_running_loop())
    try:
        me = await http.static_login(token)
    except discord.LoginFailure:
        return Check("Discord", "problem", "Discord refused DISCORD_TOKEN: reset it under Developer Portal → "
                     "your app → Bot → Reset Token, and paste it again")
    except discord.HTTPException as failure:
        return Check("Discord", "problem", f"Discord answered {failure.status}: try again later")
    except Exception as failure:
        return Check("Discord", "problem", f"cannot reach Discord: {type(failure).__name__}")
    finally:
        await http.close()
    name = me.get("username", "?") if isinstance(me, dict) else "the bot"
    return Check("Discord", "ok", f"logged in as {name} (no gateway connection made)")


PLATFORM: Platform[DiscordSettings] = Platform(
    name="discord", title="Discord", settings=DiscordSettings, switch="DISCORD_TOKEN", modes=(MODE,),
    service=serve, checks=checks,
    command="serve Discord with DISCORD_TOKEN",  # adapters/entrypoints/discord_cli.py
)
