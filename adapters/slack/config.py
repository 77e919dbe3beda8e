"""What the Slack adapter needs from its settings (settings.py: SLACK_* variables, checked there), and
the Web API clients it creates.

Every client points at SLACK_API_URL (slack_sdk has no variable of its own for it) and retries a 429
once after Slack's Retry-After, which slack_sdk does not do by default. A dropped connection is retried
only for a read (`READS`): a post, an upload or an update may have been done by Slack before the
connection dropped, and sending it again would do it twice — a nudge's one retry is the dispatcher's,
which looks in the DM first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from .settings import SlackSettings

DEFAULT_API_URL = "https://slack.com/api/"
BOT_SCOPES = ("chat:write", "im:write", "im:history", "commands", "users:read", "files:write")
# Web API methods that change nothing (conversations.open answers the same DM however often it is asked):
# the only ones sent again when the connection drops before Slack's answer arrives.
READS = frozenset({"auth.test", "users.info", "conversations.open", "conversations.history", "conversations.info"})


@dataclass(frozen=True)
class SlackConfig:
    """The plain values the Slack service runs with; the secrets never appear in its repr."""

    api_url: str = DEFAULT_API_URL
    bot_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)

    @classmethod
    def from_settings(cls, settings: SlackSettings) -> SlackConfig:
        def secret(value: object) -> str | None:
            raw = value.get_secret_value() if value is not None else None  # type: ignore[attr-defined]
            return raw or None

        return cls(
            api_url=api_base_url(settings.slack_api_url),
            bot_token=secret(settings.slack_bot_token),
            signing_secret=secret(settings.slack_signing_secret),
            app_token=secret(settings.slack_app_token),
            client_id=settings.slack_client_id or None,
            client_secret=secret(settings.slack_client_secret),
        )

    @property
    def oauth(self) -> bool:
        """Many workspaces, each installed through /slack/install, rather than one bot token."""
        return bool(self.client_id and self.client_secret)


def api_base_url(url: str | None) -> str:
    """slack_sdk joins base_url and the method name, so the base must end with a slash."""
    url = (url or DEFAULT_API_URL).strip()
    return url if url.endswith("/") else url + "/"


class ReadsOnlyRetry(AsyncConnectionErrorRetryHandler):
    """slack_sdk's retry after a dropped connection, for `READS` only: the SDK cannot tell "never reached
    Slack" from "Slack posted, then the answer was lost", so a write is never sent twice by it."""

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        if api_method(request.url) not in READS:
            return False
        return await super()._can_retry_async(state=state, request=request, response=response, error=error)


def api_method(url: str) -> str:
    """`chat.postMessage` from `https://slack.com/api/chat.postMessage?…`."""
    return urlsplit(url).path.rsplit("/", 1)[-1]


def web_client(api_url: str, token: str | None = None) -> AsyncWebClient:
    return AsyncWebClient(
        token=token,
        base_url=api_url,
        retry_handlers=[ReadsOnlyRetry(max_retry_count=1), AsyncRateLimitErrorRetryHandler(max_retry_count=1)],
    )
