"""A console in a terminal lives in real time: nudges arrive while the member is not typing."""

from __future__ import annotations

import io
import os
import threading
import time
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from adapters.console.app import ConsoleSession
from bot.clock import FakeClock


def test_a_live_console_delivers_nudges_between_lines(sqlite_sessions: sessionmaker[Session],
                                                      clock: FakeClock) -> None:
    out = io.StringIO()
    read_end, write_end = os.pipe()
    lines = os.fdopen(read_end, "r")
    console = ConsoleSession(sqlite_sessions, out, user="ana", timezone="UTC", live=True, tick_seconds=0.05,
                             real_clock=clock, start=clock.now())

    def member_types_then_waits() -> None:
        os.write(write_end, b"/met Jane at PyCon\n")
        deadline = time.monotonic() + 10
        while "Noted" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        clock.advance(timedelta(days=1, minutes=1))  # a real day passes with nothing typed (Wed → Thu 15:01)
        while "Follow up with Jane" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        os.close(write_end)

    typist = threading.Thread(target=member_types_then_waits)
    typist.start()
    assert console.run(lines) == 0
    typist.join()
    assert "Follow up with Jane" in out.getvalue()
