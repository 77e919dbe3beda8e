"""Work in flight: the tasks between a platform's acknowledgement and the coach's answer, which a
shutdown waits for (Slack's listeners and Discord's interactions alike)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from typing import Any

log = logging.getLogger(__name__)


@contextlib.contextmanager
def tracked(tasks: set[asyncio.Task[Any]]) -> Iterator[None]:
    """Count the current task among `tasks` while the block runs."""
    task = asyncio.current_task()
    if task is None:
        yield
        return
    tasks.add(task)
    try:
        yield
    finally:
        tasks.discard(task)


async def drain(tasks: set[asyncio.Task[Any]], timeout: float, what: str) -> None:
    """Wait up to `timeout` seconds for every task, including ones that start meanwhile; what is still
    working after that is logged (by count, `what` naming it), not cancelled here."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while tasks and (left := deadline - loop.time()) > 0:
        await asyncio.wait(set(tasks), timeout=left)
    if tasks:
        log.warning("stopping with %d %s still working", len(tasks), what)
