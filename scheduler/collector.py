"""How a long-running dispatcher process sets up Python's garbage collector (`coach run` and the
benchmarks that stand in for it)."""

from __future__ import annotations

import gc

# New container objects between two young collections (CPython's default is 700). A dispatcher batch makes
# tens of thousands of short-lived tuples and rows that die without cycles: scanning them every 700 costs
# ~3 % of dispatching for nothing. Cyclic garbage waits a little longer; memory barely moves.
YOUNG_COLLECTION_THRESHOLD = 20_000


def settle_collector() -> None:
    """Once start-up is done. What it built (modules, SQLAlchemy's mappers and caches, the services) lives
    as long as the process: frozen out of the collector's passes; and young collections run less often."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)
