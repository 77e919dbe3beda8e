"""Who is asking: team and user ids from a payload, plus their timezone from `users.info` (cached)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.identity import Actor
from bot.timefmt import is_zone

log = logging.getLogger(__name__)
PLATFORM = "slack"
CACHE_SECONDS = 6 * 3600
CACHE_SIZE = 10_000
LOOKUP_SECONDS = 1.0  # users.info runs before the ack: a slow Slack must not eat the 3 s Slack allows


@dataclass(frozen=True)
class Profile:
    timezone: str | None
    display_name: str | None


class Actors:
    """Builds Actors; asks Slack for a user's zone and name once per user per few hours."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._cache: dict[tuple[str, str], tuple[float, Profile]] = {}

    async def actor(self, client: AsyncWebClient, team_id: str, user_id: str, name: str | None = None) -> Actor:
        profile = await self.profile(client, team_id, user_id)
        return Actor(PLATFORM, team_id, user_id, display_name=profile.display_name or name,
                     timezone=profile.timezone)

    async def profile(self, client: AsyncWebClient, team_id: str, user_id: str) -> Profile:
        key = (team_id, user_id)
        cached = self._cache.get(key)
        if cached is not None and self._clock() - cached[0] < CACHE_SECONDS:
            return cached[1]
        try:
            profile = await asyncio.wait_for(_fetch(client, user_id), LOOKUP_SECONDS)
        except (TimeoutError, aiohttp.ClientError, OSError) as failure:
            log.warning("users.info for %s did not answer in time: %s", user_id, type(failure).__name__)
            return Profile(None, None)  # not cached: the next command asks again
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = (self._clock(), profile)
        return profile


async def _fetch(client: AsyncWebClient, user_id: str) -> Profile:
    try:
        user = (await client.users_info(user=user_id)).get("user") or {}
    except SlackApiError as failure:
        log.warning("users.info for %s failed: %s", user_id, error_code(failure))
        return Profile(None, None)
    details = user.get("profile") or {}
    name = details.get("display_name") or details.get("real_name") or user.get("real_name") or user.get("name")
    return Profile(_zone(user.get("tz")), name or None)


def error_code(failure: SlackApiError) -> str:
    """Slack's error code, or the HTTP status when the body was not Slack's JSON."""
    data = getattr(failure.response, "data", None)
    code = data.get("error") if isinstance(data, dict) else None
    return str(code or f"http_{getattr(failure.response, 'status_code', '?')}")


def _zone(name: Any) -> str | None:
    if not isinstance(name, str) or not name:
        return None
    return name if is_zone(name) else None


def team_of(body: dict[str, Any]) -> str:
    """The workspace of a payload: slash commands and events say team_id, interactions say team.id."""
    team = body.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    user = body.get("user")
    if isinstance(user, dict) and user.get("team_id"):
        return str(user["team_id"])
    return str(body.get("team_id") or "")
