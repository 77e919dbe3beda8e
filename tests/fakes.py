"""Fakes for the far edge only: a notifier that records what it was asked to send."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

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


BLOCK_SECONDS = 20  # a core call on the loop thread would hold the loop this long, then fail the test


class Blocker:
    """Wraps a core method: records the thread it runs on and holds it until released."""

    def __init__(self, real: Any) -> None:
        self.real, self.threads = real, []  # type: list[int]
        self.entered, self.release = threading.Event(), threading.Event()

    def __call__(self, *args: Any) -> Any:
        self.threads.append(threading.get_ident())
        self.entered.set()
        self.release.wait(BLOCK_SECONDS)
        return self.real(*args)


class ThreadedCoach:
    """A Coach for async tests that set up data synchronously: each call runs on a worker thread and is
    waited for (a unit of work refuses the event loop's thread; adapters go through bot.api instead)."""

    def __init__(self, coach: Any) -> None:
        self.coach = coach

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.coach, name)
        if not callable(method):
            return method

        def call(*args: Any, **kwargs: Any) -> Any:
            with ThreadPoolExecutor(max_workers=1) as pool:
                return pool.submit(method, *args, **kwargs).result()

        return call
