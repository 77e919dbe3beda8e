"""One process drawing on a shared rate budget, for the multi-process budget tests: it reserves a slot,
writes the slot's moment (database clock) to its file at once, sleeps until it is at most AHEAD_S away,
and asks again — like a dispatcher with messages always waiting — until DURATION_S have passed.

    python -m tests.integration.budget_worker URL KEY RATE AHEAD_S DURATION_S OUT_FILE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.store.engine import make_engine
from scheduler.ratelimit import BudgetStore, SharedBucket


def main(url: str, key: str, rate: float, ahead: float, duration: float, out: Path) -> int:
    engine = make_engine(url)
    bucket = SharedBucket(BudgetStore(engine), key, rate)
    deadline = time.monotonic() + duration
    with out.open("a", encoding="utf-8") as slots:
        while time.monotonic() < deadline:
            now = time.monotonic()
            wait = bucket.reserve(now)
            slots.write(f"{now + wait - bucket.offset:.6f}\n")
            slots.flush()
            time.sleep(max(0.0, wait - ahead))
    engine.dispose()
    return 0


if __name__ == "__main__":
    url, key, rate, ahead, duration, out = sys.argv[1:7]
    raise SystemExit(main(url, key, float(rate), float(ahead), float(duration), Path(out)))
