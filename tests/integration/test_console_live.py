"""A console in a terminal lives in real time: nudges arrive while the member is not typing.

The member's "day passes" is a jump of the clock made from another thread. A jump that lands inside a
dispatcher tick (after the lease is taken, before the send) makes the lease look expired, and the nudge
is given back for later on a clock that never moves again: so the jump waits until no tick is running,
and the typist waits for the console's output by condition, not by polling against a deadline.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from adapters.console.app import ConsoleSession
from bot.clock import FakeClock

WAIT = 120.0  # a safety net against a hang; nothing here depends on how long a step takes


class WatchedOutput(io.StringIO):
    """The console's stdout; a thread can wait until some text has been written."""

    def __init__(self) -> None:
        super().__init__()
        self.changed = threading.Condition()

    def write(self, text: str) -> int:
        with self.changed:
            written = super().write(text)
            self.changed.notify_all()
        return written

    def wait_for(self, text: str) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: text in self.getvalue(), timeout=WAIT)


def serialised(call: Callable[[], int], lock: threading.Lock) -> Callable[[], int]:
    def locked() -> int:
        with lock:
            return call()

    return locked


def test_a_live_console_delivers_nudges_between_lines(sqlite_sessions: sessionmaker[Session],
                                                      clock: FakeClock, tmp_path: Path) -> None:
    out = WatchedOutput()
    read_end, write_end = os.pipe()
    lines = os.fdopen(read_end, "r")
    console = ConsoleSession(sqlite_sessions, out, user="ana", timezone="UTC", live=True, tick_seconds=0.05,
                             real_clock=clock, start=clock.now(), data_dir=tmp_path)
    ticking = threading.Lock()
    console._deliver_due = serialised(console._deliver_due, ticking)  # type: ignore[method-assign]
    seen: dict[str, bool] = {}

    def member_types_then_waits() -> None:
        try:
            os.write(write_end, b"/met Jane at PyCon\n")
            seen["noted"] = out.wait_for("Noted")
            with ticking:  # a real day passes with nothing typed (Wed → Thu 15:01), between two ticks
                clock.advance(timedelta(days=1, minutes=1))
            seen["nudge"] = out.wait_for("Follow up with Jane")
        finally:
            os.close(write_end)

    typist = threading.Thread(target=member_types_then_waits)
    typist.start()
    try:
        assert console.run(lines) == 0
    finally:
        typist.join()
        lines.close()
    assert seen == {"noted": True, "nudge": True}
    assert out.getvalue().count("Follow up with Jane") == 1
