"""The Discord Notifier: a nudge is a DM with an embed and persistent buttons.

Exactly one DM per nudge: each send carries a nonce derived from the delivery's idempotency key (discord.py
adds `enforce_nonce`, so Discord returns the first message instead of posting a retry twice), and a re-claim
after a lost lease first looks for the nudge's buttons in the recent DM history. discord.py waits out 429s
itself. Under the runtime every request the notifier makes (opening a DM, reading history, posting) takes a
slot of the dispatcher's bot-wide budget (`use_budget`: on PostgreSQL one `rate_budgets` row for every replica
and shard), so the bot stays under Discord's 50 per second however many processes send; alone (tests, a
notifier without a dispatcher) a RequestPacer keeps this process's requests under 40 a second."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

import aiohttp
import discord

from bot.replies import parse_action_id
from scheduler.notifier import DeliveryError, Outgoing
from scheduler.ratelimit import BudgetRequests, Pacer, RequestPacer

from .interact import PLATFORM
from .render import embeds_for, files_for, section_embeds
from .views import digest_parts, nudge_view, sections_view

log = logging.getLogger(__name__)

DMS_CLOSED = 50007  # "Cannot send messages to this user"
GONE = {10003, 10013}  # unknown channel, unknown user
REQUESTS_PER_SECOND = 40.0  # every request of this process, under Discord's 50
HISTORY_LOOKBACK = 20
NONCE_LENGTH = 25  # Discord accepts nonces of up to 25 characters


def nonce_for(idempotency_key: str) -> str:
    """A stable nonce for one delivery: the key itself when it fits Discord's 25 characters, else its hash."""
    if len(idempotency_key) <= NONCE_LENGTH:
        return idempotency_key
    return hashlib.sha256(idempotency_key.encode("utf-8")).hexdigest()[:NONCE_LENGTH]


class DiscordNotifier:
    """scheduler.notifier.Notifier for Discord: DMs the member (Recipient.user_id)."""

    platform = PLATFORM

    def __init__(self, client: discord.Client, pacer: RequestPacer | BudgetRequests | None = None) -> None:
        self.client = client
        self.pacer: RequestPacer | BudgetRequests = pacer or RequestPacer(REQUESTS_PER_SECOND)
        self._first_post_reserved = False  # True: the dispatcher took the first post's slot in the same budget
        self._channels: dict[int, discord.DMChannel] = {}

    def use_budget(self, budget: Pacer, clock: Callable[[], float] = time.monotonic) -> None:
        """Draw every request from the dispatcher's bot-wide budget (shared by every replica and shard on
        PostgreSQL) instead of this process's own 40/s: a message's first request uses the slot the
        dispatcher reserved for it, each further one (the post after opening a DM, a second part) its own."""
        self.pacer = BudgetRequests(budget, PLATFORM, clock=clock)
        self._first_post_reserved = True

    async def send(self, message: Outgoing) -> str | None:
        try:
            user_id = int(message.recipient.user_id)
        except ValueError:
            raise DeliveryError(f"not a Discord user id: {message.recipient.user_id[:40]!r}", permanent=True) from None
        try:
            turns = _Turns(self.pacer, reserved=self._first_post_reserved)
            channel = await self._dm_channel(user_id, turns)
            first: str | None = None
            parts = digest_parts(message.reply)
            for index, (reply, sections) in enumerate(parts):
                ids = tuple(a.nudge_id for part in sections for a in part.actions) or message.nudge_ids
                posted = await self._already_posted(channel, ids, turns) if message.retry else None
                if posted is None:
                    await turns.take()
                    key = message.idempotency_key if index == 0 else f"{message.idempotency_key}#{index}"
                    sent = await channel.send(
                        embeds=section_embeds(reply, sections, first=index == 0) if sections else embeds_for(reply),
                        files=(files_for(reply) or None) if index == 0 else None,
                        view=sections_view(sections) if sections else nudge_view(reply),
                        nonce=nonce_for(key),
                    )
                    posted = str(sent.id)
                first = first or posted
        except discord.RateLimited as limited:  # only when the wait is longer than max_ratelimit_timeout
            raise DeliveryError("rate limited by Discord", retry_after=limited.retry_after) from None
        except discord.HTTPException as failure:
            raise _delivery_error(failure) from None
        except (aiohttp.ClientError, TimeoutError, OSError) as failure:
            raise DeliveryError(f"network: {type(failure).__name__}") from None
        return first

    async def _dm_channel(self, user_id: int, turns: _Turns) -> discord.DMChannel:
        channel = self._channels.get(user_id)
        if channel is None:
            await turns.take()
            channel = await self.client.create_dm(discord.Object(id=user_id))
            if len(self._channels) > 10_000:
                self._channels.clear()
            self._channels[user_id] = channel
        return channel

    async def _already_posted(self, channel: discord.DMChannel, nudge_ids: tuple[int, ...], turns: _Turns
                              ) -> str | None:
        """After a lost lease: is one of our messages for these nudges already there? Its buttons say so."""
        wanted = set(nudge_ids)
        await turns.take()
        async for earlier in channel.history(limit=HISTORY_LOOKBACK):
            if self.client.user is not None and earlier.author.id != self.client.user.id:
                continue
            for custom_id in _custom_ids(earlier):
                parsed = parse_action_id(custom_id)
                if parsed is not None and parsed.nudge_id in wanted:
                    log.info("nudges %s were already delivered as message %s", nudge_ids, earlier.id)
                    return str(earlier.id)
        return None


class _Turns:
    """The requests of one send: the first uses the slot the dispatcher reserved for the message (when it
    paces by the same budget), every later one takes its own."""

    def __init__(self, pacer: RequestPacer | BudgetRequests, *, reserved: bool) -> None:
        self.pacer, self.reserved = pacer, reserved

    async def take(self) -> None:
        if self.reserved:
            self.reserved = False
            return
        await self.pacer.acquire()


def _custom_ids(message: discord.Message) -> list[str]:
    ids: list[str] = []
    for row in message.components:
        for child in getattr(row, "children", [row]):
            custom_id = getattr(child, "custom_id", None)
            if isinstance(custom_id, str):
                ids.append(custom_id)
    return ids


def _delivery_error(failure: discord.HTTPException) -> DeliveryError:
    code = failure.code
    if code == DMS_CLOSED:
        return DeliveryError("your direct messages from this bot are closed", permanent=True)
    if code in GONE or isinstance(failure, discord.NotFound):
        return DeliveryError(f"the member can't be reached on Discord ({code})", permanent=True)
    if failure.status >= 500:
        return DeliveryError(f"Discord server error {failure.status}")
    if failure.status == 429:
        return DeliveryError("rate limited by Discord", retry_after=5.0)
    return DeliveryError(f"Discord refused the DM: {failure.status} ({code})", permanent=failure.status in (400, 403))

