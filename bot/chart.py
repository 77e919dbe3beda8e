"""The digest's chart: the last eight weeks as a small PNG (contacts met, followed up within 48 h, replies).

matplotlib is imported only inside `draw` — start-up, the grammar and `coach review` never load it. The
drawing uses the Agg canvas directly (no pyplot state, so threads can draw), Matplotlib's own default style
and its bundled DejaVu Sans, and no PNG metadata: the same numbers always give the same bytes.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import lru_cache

WIDTH_IN, HEIGHT_IN, DPI = 6.4, 4.0, 150  # 960 × 600 px: readable on a phone, a few tens of KB
SERIES = ("Contacts met", "Followed up ≤ 48 h", "Replies")
COLORS = ("#0072B2", "#009E73", "#E69F00")  # Okabe–Ito: distinguishable with colour-blindness
FILENAME = "coach-week.png"
_LOCK = threading.Lock()  # rcParams are process-wide: one drawing at a time


@dataclass(frozen=True)
class Chart:
    """What the chart shows, as plain values; `png()` draws it (once per distinct chart, cached)."""

    labels: tuple[str, ...]  # one per week, oldest first ("2 Nov")
    met: tuple[int, ...]
    followed_up: tuple[int, ...]
    replies: tuple[int, ...]
    alt: str  # alt text: the same numbers in words
    filename: str = FILENAME

    def png(self) -> bytes:
        return draw(self.labels, self.met, self.followed_up, self.replies)


@lru_cache(maxsize=256)
def draw(labels: tuple[str, ...], met: tuple[int, ...], followed_up: tuple[int, ...],
         replies: tuple[int, ...]) -> bytes:
    """Grouped bars per week, as PNG bytes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with _LOCK, matplotlib.rc_context():
        matplotlib.rcdefaults()  # ignore any matplotlibrc on this machine
        matplotlib.rcParams.update({"font.family": "DejaVu Sans", "font.size": 11, "axes.titlesize": 14,
                                    "svg.hashsalt": "coach", "figure.dpi": DPI})
        figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        width = 0.26
        for index, (name, values, color) in enumerate(zip(SERIES, (met, followed_up, replies), COLORS,
                                                          strict=True)):
            positions = [week + (index - 1) * width for week in range(len(labels))]
            axes.bar(positions, values, width, label=name, color=color)
        axes.set_xticks(range(len(labels)), labels, fontsize=10)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        axes.set_ylim(0, max(3, *met, *followed_up, *replies) * 1.15)
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="y", alpha=0.3)
        axes.set_axisbelow(True)
        axes.set_title("Your last 8 weeks", loc="left", fontweight="bold")
        axes.legend(loc="upper left", ncols=3, frameon=False, fontsize=10, bbox_to_anchor=(0, -0.1))
        figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.2)
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()
