"""Fakes for the far edge only: a notifier that records what it was asked to send."""

from __future__ import annotations

from scheduler.notifier import DeliveryError, Outgoing


class RecordingNotifier:
    def __init__(self, platform: str = "console") -> None:
        self.platform = platform
        self.sent: list[Outgoing] = []
        self.fail_with: DeliveryError | None = None

    async def send(self, message: Outgoing) -> str | None:
        if self.fail_with is not None:
            raise self.fail_with
        self.sent.append(message)
        return f"msg-{len(self.sent)}"
