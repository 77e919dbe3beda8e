"""Nudges as Slack DMs: chat.postMessage to the member's user id (Slack posts it into the app's DM, and
answers with the DM's id) with Block Kit, a plain-text fallback and the nudge ids in message metadata, so a
re-claimed nudge can be found in the DM instead of posted twice. A reply with a chart (/coach digest's; the
Monday DM shows a text sparkline instead: no Tier 4 upload per member) is followed into the DM by the PNG
through files_upload_v2 (with alt text).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.chart import Chart
from scheduler.notifier import DeliveryError, Outgoing

from .actors import error_code
from .render import escape, fallback_text, message_blocks

log = logging.getLogger(__name__)

EVENT_TYPE = "coach_nudge"
HISTORY_LIMIT = 50
MAX_CHANNELS = 100_000  # remembered DM ids (a few MB at most)
# Retrying cannot help: the person is gone, or the "person" is a bot.
PERMANENT = frozenset({"cannot_dm_bot", "user_not_found", "account_inactive", "user_disabled",
                       "user_not_visible", "team_access_revoked"})

ClientFor = Callable[[str], Awaitable[AsyncWebClient | None]]


class SlackNotifier:
    """Implements scheduler.notifier.Notifier for platform "slack"."""

    platform = "slack"

    def __init__(self, client_for: ClientFor) -> None:
        self.client_for = client_for
        self._channels: dict[tuple[str, str], str] = {}

    async def send(self, message: Outgoing) -> str | None:
        recipient = message.recipient
        client = await self.client_for(recipient.workspace_id)
        if client is None:
            raise DeliveryError(f"the app is not installed in workspace {recipient.workspace_id}", permanent=True)
        try:
            key = (recipient.workspace_id, recipient.user_id)
            # chat.postMessage to the user's id posts into the app's DM with them and answers with the DM's
            # id: no conversations.open (Tier 3, 50 a minute per workspace) per member on a Monday.
            channel = self._channels.get(key) or recipient.user_id
            if message.retry:
                channel = await self._dm(client, recipient.workspace_id, recipient.user_id)
                found = await self._already_posted(client, channel, message)
                if found is not None:
                    log.info("nudges %s were already in the DM; not posting again", message.nudge_ids)
                    posted, chart_id = found
                    return await self._finish_chart(client, channel, f"{channel}:{posted}", message, chart_id)
            first_ts: str | None = None
            for index, blocks in enumerate(message_blocks(message.reply)):  # a long recap: several messages
                payload = _payload(message) if index == 0 else {**_payload(message),
                                                                "key": f"{message.idempotency_key}#{index}"}
                response = await client.chat_postMessage(
                    channel=channel,
                    text=fallback_text(message.reply) if index == 0
                    else escape(f"{message.reply.title or ''} ({index + 1})"),
                    blocks=blocks,
                    metadata={"event_type": EVENT_TYPE, "event_payload": payload},
                    unfurl_links=False,
                    unfurl_media=False,
                )
                if index == 0:
                    first_ts = str(response["ts"])
                    channel = str(response.get("channel") or channel)
                    self._remember(key, channel)
        except SlackApiError as failure:
            self._channels.pop((recipient.workspace_id, recipient.user_id), None)
            raise _delivery_error(failure) from None
        except (TimeoutError, SlackClientError, aiohttp.ClientError) as failure:
            raise DeliveryError(f"Slack unreachable: {type(failure).__name__}") from None
        return await self._finish_chart(client, channel, f"{channel}:{first_ts}", message)

    @staticmethod
    async def _finish_chart(client: AsyncWebClient, channel: str, ref: str, message: Outgoing,
                            uploaded: str | None = None) -> str:
        """The digest's chart, a step of its own after the message: uploaded now unless an earlier attempt
        did (a retry of a digest whose process died between the two finishes it). The message is posted
        either way: a failed upload costs the picture, never a second DM."""
        chart = message.reply.chart
        if chart is None:
            return ref
        file_id = uploaded or await upload_chart(client, channel, chart)
        return f"{ref}|{file_id}" if file_id is not None else ref

    async def _dm(self, client: AsyncWebClient, team_id: str, user_id: str) -> str:
        key = (team_id, user_id)
        if key not in self._channels:
            opened = await client.conversations_open(users=user_id)
            self._remember(key, str(opened["channel"]["id"]))
        return self._channels[key]

    def _remember(self, key: tuple[str, str], channel: str) -> None:
        if len(self._channels) > MAX_CHANNELS:
            self._channels.clear()
        self._channels[key] = channel

    async def _already_posted(self, client: AsyncWebClient, channel: str,
                              message: Outgoing) -> tuple[str, str | None] | None:
        """The ts of an earlier post of this very nudge in the DM's recent history, if any, and the file id
        of its chart if that was uploaded after it."""
        history = await client.conversations_history(channel=channel, limit=HISTORY_LIMIT,
                                                     include_all_metadata=True)
        wanted = _payload(message)["key"]
        chart = message.reply.chart
        charts: list[str] = []  # chart files newer than what is read next (history is newest first)
        for item in history.get("messages") or []:
            metadata = item.get("metadata") or {}
            if metadata.get("event_type") == EVENT_TYPE and (metadata.get("event_payload") or {}).get("key") == wanted:
                return str(item.get("ts")), charts[-1] if charts else None
            if chart is not None:
                charts += [str(f["id"]) for f in item.get("files") or []
                           if isinstance(f, dict) and f.get("name") == chart.filename and f.get("id")]
        return None


async def upload_chart(client: AsyncWebClient, channel: str, chart: Chart) -> str | None:
    """The chart into the DM (files.getUploadURLExternal → upload → files.completeUploadExternal); its file
    id, or None when Slack refused (logged by error code only)."""
    try:
        png = await asyncio.to_thread(chart.png)
        uploaded = await client.files_upload_v2(channel=channel, file=png, filename=chart.filename,
                                                title="Your last 8 weeks", alt_txt=chart.alt)
    except SlackApiError as failure:
        log.warning("chart upload failed: %s", error_code(failure))
        return None
    except (TimeoutError, SlackClientError, aiohttp.ClientError) as failure:
        log.warning("chart upload failed: %s", type(failure).__name__)
        return None
    files = uploaded.get("files") or [uploaded.get("file") or {}]
    file_id = (files[0] or {}).get("id") if files else None
    return str(file_id) if file_id else None


def chart_file_id(delivery_ref: str | None) -> str | None:
    """The chart's Slack file id from a delivered digest's reference (`channel:ts|file id`)."""
    if not delivery_ref or "|" not in delivery_ref:
        return None
    return delivery_ref.rsplit("|", 1)[1] or None


def _payload(message: Outgoing) -> dict[str, Any]:
    return {"key": message.idempotency_key, "nudge_ids": ",".join(str(n) for n in message.nudge_ids)}


def _delivery_error(failure: SlackApiError) -> DeliveryError:
    response = failure.response
    code = error_code(failure)
    if response.status_code == 429 or code == "ratelimited":
        return DeliveryError("rate limited by Slack", retry_after=_retry_after(response.headers))
    return DeliveryError(f"Slack said {code}", permanent=code in PERMANENT)


def _retry_after(headers: Any) -> float:
    for name, value in (headers or {}).items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(1.0, float(raw))
            except (TypeError, ValueError):
                break
    return 30.0
