"""The Notifier port: how the dispatcher hands a composed nudge to a platform. Each adapter has one."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from bot.replies import Reply


class Recipient(NamedTuple):
    platform: str
    workspace_id: str
    user_id: str


class Outgoing(NamedTuple):
    """One DM: a nudge (or a digest of several) for one member. (Plain tuples, like Recipient: a batch
    makes thousands.)"""

    recipient: Recipient
    reply: Reply
    nudge_ids: tuple[int, ...]
    # An earlier attempt may have reached the platform (an expired lease, or an error after posting):
    # check the platform (Slack: the DM's recent history/metadata; Discord: the nonce) before posting.
    retry: bool = False
    # A digest: the single nudges `reply` combines, in order (empty for a single nudge).
    parts: tuple[Reply, ...] = ()
    # The digest's stable id (its lowest nudge id when first composed); None for a single nudge.
    digest_id: int | None = None
    # The Monday digest (bot/digest.py): its own DM, with `reply.chart` to attach.
    weekly: bool = False

    @property
    def idempotency_key(self) -> str:
        """Stable across retries and re-claims; at most 25 characters (Discord's nonce limit)."""
        if self.digest_id is not None:
            return f"coach-digest-{self.digest_id}"
        return "coach-nudge-" + "-".join(str(n) for n in self.nudge_ids)


class DeliveryError(Exception):
    """A delivery failed. `permanent` ones (DMs closed, user gone) are not retried."""

    def __init__(self, reason: str, *, permanent: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.permanent, self.retry_after = reason, permanent, retry_after


class Notifier(Protocol):
    platform: str

    async def send(self, message: Outgoing) -> str | None:
        """Deliver one DM; return the platform's message reference. Raise DeliveryError on failure."""
        ...
