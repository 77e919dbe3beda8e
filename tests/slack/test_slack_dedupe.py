"""The event receipts behind Slack's de-duplication under threads (the API runs them on its workers),
and the Socket Mode log filter (one line, no traceback, no connection ticket)."""

from __future__ import annotations

import logging
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from adapters.slack.service import OneLine
from bot.clock import FakeClock
from bot.store import open_store, platform
from bot.store.platform import Receipts
from tests.conftest import START


def test_each_event_id_is_first_exactly_once_across_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")
    receipts = Receipts(sessions, FakeClock(START))
    monkeypatch.setattr(platform, "PRUNE_EVERY", 50)  # prune often while threads race
    firsts: Counter[str] = Counter()
    lock, start = threading.Lock(), threading.Barrier(8)

    def worker() -> None:
        start.wait()
        for i in range(300):
            if receipts.first(f"Ev{i}"):
                with lock:
                    firsts[f"Ev{i}"] += 1

    try:
        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        engine.dispose()
    assert len(firsts) == 300 and set(firsts.values()) == {1}


def test_socket_mode_failures_are_one_warning_line_without_the_ticket() -> None:
    try:
        raise ConnectionError("boom")
    except ConnectionError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("adapters.slack.socket_mode", logging.ERROR, __file__, 1,
                               "Failed to connect (error: %s); Retrying...", ("url='wss://x/link/?ticket=abc123&app_id=A1'",),
                               exc_info)
    assert OneLine().filter(record)
    assert (record.levelname, record.exc_info) == ("WARNING", None)
    assert "abc123" not in record.getMessage() and "ticket=[redacted]&app_id=A1" in record.getMessage()
