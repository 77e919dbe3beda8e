"""`coach doctor`: check the configuration, the database and each platform's credentials, and say what
is wrong in plain words. It changes nothing: no migrations, no gateway connection, no messages.

Exit code 0 when every check passes, 1 when one fails, 2 when the settings cannot even be read.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from bot.config import ConfigError, Settings, load_settings, require_for

Status = str  # "ok", "problem", "skipped"


@dataclass(frozen=True)
class Check:
    topic: str
    status: Status
    words: str

    def line(self) -> str:
        mark = {"ok": "ok     ", "problem": "PROBLEM", "skipped": "-      "}[self.status]
        return f"{mark} {self.topic}: {self.words}"


def main(argv: list[str], out: TextIO | None = None) -> int:
    argparse.ArgumentParser(prog="coach doctor", description="Check configuration, database and "
                            "platform credentials.").parse_args(argv)
    out = out or sys.stdout
    try:
        settings = load_settings()
    except ConfigError as problem:
        print(Check("configuration", "problem", str(problem)).line(), file=out)
        return 2
    checks = [check_configuration(settings), check_database(settings),
              *check_slack(settings), check_discord(settings)]
    for check in checks:
        print(check.line(), file=out)
    failed = [c for c in checks if c.status == "problem"]
    print(f"\n{len(failed)} problem{'s' if len(failed) != 1 else ''} found." if failed else
          "\nEverything checks out.", file=out)
    return 1 if failed else 0


def check_configuration(settings: Settings) -> Check:
    platforms = [name for name, on in (("Slack", settings.slack_configured),
                                       ("Discord", settings.discord_configured)) if on]
    if not platforms:
        return Check("configuration", "ok", "no platform configured: `coach` will start the console")
    try:
        require_for(settings, "run")
    except ConfigError as problem:
        return Check("configuration", "problem", str(problem))
    return Check("configuration", "ok", f"complete for {' and '.join(platforms)}")


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


def check_slack(settings: Settings) -> list[Check]:
    if not settings.slack_configured and settings.slack_app_token is None:
        return [Check("Slack", "skipped", "not configured (set SLACK_BOT_TOKEN to use Slack)")]
    checks: list[Check] = []
    if settings.slack_bot_token is not None:
        checks.append(_slack_call("Slack bot token", settings, "auth.test", settings.slack_bot_token.get_secret_value(),
                                  _describe_auth, "SLACK_BOT_TOKEN"))
    elif settings.slack_client_id:
        checks.append(Check("Slack bot token", "skipped", "OAuth install: each workspace's token is checked when "
                            "it is used"))
    if settings.slack_app_token is not None:
        checks.append(_slack_call("Slack app-level token", settings, "apps.connections.open",
                                  settings.slack_app_token.get_secret_value(),
                                  lambda _data: "accepted: Socket Mode can connect", "SLACK_APP_TOKEN"))
    return checks


def _slack_call(topic: str, settings: Settings, method: str, token: str,
                describe: Callable[[dict[str, object]], str], variable: str) -> Check:
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    base = settings.slack_api_url or WebClient.BASE_URL
    client = WebClient(token=token, base_url=base if base.endswith("/") else base + "/", timeout=10)
    try:
        response = client.api_call(method)
    except SlackApiError as failure:
        code = failure.response.get("error", "error") if failure.response is not None else "error"
        return Check(topic, "problem", f"Slack refused {variable} ({code}): copy it again from the Slack app "
                     "settings, and reinstall the app if its scopes changed")
    except Exception as failure:
        return Check(topic, "problem", f"cannot reach Slack at {base}: {type(failure).__name__}")
    return Check(topic, "ok", describe(dict(response.data) if isinstance(response.data, dict) else {}))


def _describe_auth(data: dict[str, object]) -> str:
    return f"signed in as @{data.get('user', '?')} in the workspace {data.get('team', '?')}"


def check_discord(settings: Settings) -> Check:
    if settings.discord_token is None:
        return Check("Discord", "skipped", "not configured (set DISCORD_TOKEN to use Discord)")
    return asyncio.run(_discord_login(settings.discord_token.get_secret_value()))


async def _discord_login(token: str) -> Check:
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
