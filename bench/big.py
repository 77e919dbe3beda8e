"""Benchmark a big member: `/coach list` and `/coach export` (and App Home) of a member with 10,000 contacts.

    .venv/bin/python bench/big.py                 # SQLite, 10,000 contacts
    .venv/bin/python bench/big.py --contacts 2000

The member is seeded in bulk (each contact with notes, interests, tags, two events and a pending reminder:
bench/seeding.py), then each command runs through the core (bot.coach.Coach) as an adapter would call it,
once untraced for its time and once under tracemalloc for the memory it allocates beyond what was allocated
before (`peak_mib`: the peak of Python allocations during the command; the files an export writes are on
disk, `files_mib`). One line per measurement:
`big command=export contacts=10000 ms=… peak_mib=… files_mib=…`.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from seeding import BIG_MEMBER, TEAM, seed_big_member  # noqa: E402

from bot import queries  # noqa: E402
from bot.clock import SystemClock  # noqa: E402
from bot.coach import Coach  # noqa: E402
from bot.identity import Actor  # noqa: E402
from bot.store import open_store  # noqa: E402


def measure(call: Callable[[], Any]) -> tuple[float, float, Any]:
    """(milliseconds untraced, peak MiB allocated while traced, the traced call's result)."""
    gc.collect()
    started = time.perf_counter()
    result = call()
    took = (time.perf_counter() - started) * 1000
    del result
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    result = call()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return took, peak / 2**20, result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coach-big-") as tmp:
        url = f"sqlite:///{tmp}/coach.db"
        seed_big_member(url, args.contacts)
        engine, sessions = open_store(url)
        clock = SystemClock()
        coach = Coach(sessions, clock)
        actor = Actor("slack", TEAM, BIG_MEMBER, display_name="Big", timezone="UTC")
        for name, call in (("list", lambda: coach.handle_line(actor, "/coach list")),
                           ("export", lambda: coach.handle_line(actor, "/coach export")),
                           ("home", lambda: queries.home(sessions, actor, clock.now()))):
            took, peak, result = measure(call)
            line = f"big command={name} contacts={args.contacts} ms={took:.0f} peak_mib={peak:.1f}"
            if name == "export":
                size = sum(getattr(a, "size", None) or len(a.content.encode()) for a in result.attachments)
                line += f" files_mib={size / 2**20:.1f}"
                line += f" lines={result.text.count(chr(10)) + 1}"
                for attachment in result.attachments:
                    getattr(attachment, "discard", lambda: None)()
            elif name == "list":
                line += f" lines={result.text.count(chr(10)) + 1} error={result.error}"
            print(line, flush=True)
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
