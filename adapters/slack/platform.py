"""Slack in the platform registry (adapters/platforms.py): its settings, its `coach run` service, and
what `coach doctor` checks (auth.test with the bot token, apps.connections.open with the app token)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from adapters.platforms import Check, Platform

from .settings import HTTP, SOCKET, SlackSettings

if TYPE_CHECKING:
    from scheduler.runtime import Runtime, Service


def serve(runtime: Runtime, settings: SlackSettings, port: int) -> Service:
    """`coach run`: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on `port`."""
    from .service import slack_service

    socket = settings.socket_mode
    return slack_service(runtime, settings, socket=socket, port=None if socket else port)


def checks(settings: SlackSettings) -> list[Check]:
    """Call Slack with each token that is set; nothing is posted."""
    if not settings.configured and settings.slack_app_token is None:
        return [Check("Slack", "skipped", "not configured (set SLACK_BOT_TOKEN to use Slack)")]
    found: list[Check] = []
    if settings.slack_bot_token is not None:
        found.append(_call("Slack bot token", settings, "auth.test", settings.slack_bot_token.get_secret_value(),
                           _describe_auth, "SLACK_BOT_TOKEN"))
    elif settings.slack_client_id:
        found.append(Check("Slack bot token", "skipped", "OAuth install: each workspace's token is checked when "
                           "it is used"))
    if settings.slack_app_token is not None:
        found.append(_call("Slack app-level token", settings, "apps.connections.open",
                           settings.slack_app_token.get_secret_value(),
                           lambda _data: "accepted: Socket Mode can connect", "SLACK_APP_TOKEN"))
    return found


def _call(topic: str, settings: SlackSettings, method: str, token: str,
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


PLATFORM: Platform[SlackSettings] = Platform(
    name="slack", title="Slack", settings=SlackSettings, switch="SLACK_BOT_TOKEN", modes=(HTTP, SOCKET),
    service=serve, checks=checks,
    command="serve Slack: --socket (Socket Mode) or --port P (HTTP)",  # adapters/entrypoints/slack_cli.py
)
