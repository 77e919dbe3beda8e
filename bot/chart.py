"""The digest's chart: the last eight weeks as a small PNG (contacts met, followed up within 48 h, replies).

Drawn with Pillow, imported only inside `draw` — start-up, the grammar and `coach review` never load it.
The text is Pillow's built-in font (`ImageFont.load_default(size)`, Aileron, shipped inside Pillow: no font
file on the machine is read, so every machine draws the same pixels), and the PNG carries no metadata: the
same numbers always give the same bytes. A chart costs a few milliseconds, the first in a process a few
tens (the import and the font), where matplotlib took ~50 ms and ~500 ms.
"""

from __future__ import annotations

import io
import math
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 960, 600  # readable on a phone, a 16:10 card, ~15 KB
SERIES = ("Contacts met", "Followed up in 48 h", "Replies")
COLORS = ((0x00, 0x72, 0xB2), (0x00, 0x9E, 0x73), (0xE6, 0x9F, 0x00))  # Okabe–Ito: fine with colour-blindness
TITLE = "Your last 8 weeks"
FILENAME = "coach-week.png"

# The picture is drawn as palette indices (mode "L"), saved as a palette PNG: a few colours, no per-row
# filtering, so encoding takes ~1 ms where an RGB PNG of the same size takes ~9. Indices 0..SHADES are a
# ramp from white paper to the ink, so Pillow's anti-aliased text (it blends the index with the paper's 0)
# lands on the grey in between; the greys are points of that ramp; the bars' colours come after it.
SHADES = 160
PAPER, INK, MUTED, GRID = 0, SHADES, round(0.7 * SHADES), round(0.14 * SHADES)
BARS = tuple(SHADES + 1 + index for index in range(len(COLORS)))
_INK_RGB = (0x1F, 0x23, 0x28)
PALETTE = [round(255 + (ink - 255) * shade / SHADES) for shade in range(SHADES + 1) for ink in _INK_RGB] \
    + [channel for color in COLORS for channel in color]

# The plot area and its furniture, in pixels.
LEFT, RIGHT, TOP, BASELINE = 72, 936, 96, 470
BAR, GAP = 26, 2  # a bar's width and the space between the bars of one week
MAX_TICKS = 4  # gridlines above zero, at most
STEPS = (1, 2, 3, 5, *(m * 10**k for k in range(1, 7) for m in (1, 2, 2.5, 5)))  # whole, round steps
_LOCK = threading.Lock()  # one drawing at a time: the fonts (FreeType faces) are shared, and not thread-safe


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


def scale(top: int) -> tuple[int, int]:
    """(step, axis top) for values up to `top`: whole numbers, a round step (1, 2, 3, 5, then 1, 2, 2.5 or
    5 × 10^k), at most MAX_TICKS gridlines above zero, and room for at least 3 so that a quiet stretch does
    not look busy."""
    top = max(3, top)
    step = next((int(step) for step in STEPS if math.ceil(top / step) <= MAX_TICKS), math.ceil(top / MAX_TICKS))
    return step, step * math.ceil(top / step)


@lru_cache(maxsize=4)
def _font(size: int) -> FreeTypeFont:
    from PIL import ImageFont

    font = ImageFont.load_default(size)
    if not isinstance(font, ImageFont.FreeTypeFont):  # a Pillow built without FreeType has only a bitmap font
        raise RuntimeError("Pillow has no FreeType: the chart needs ImageFont.load_default(size)")
    return font


@lru_cache(maxsize=8)
def _frame(labels: tuple[str, ...]) -> Image:
    """What charts of the same weeks share — the title, the weeks' names, the baseline, the legend — drawn once
    (on a Monday every member of a time zone has the same eight weeks)."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (WIDTH, HEIGHT), PAPER)  # palette indices, see PALETTE
    pen = ImageDraw.Draw(image)
    label = _font(22)
    pen.text((LEFT - 52, 28), TITLE, font=_font(30), fill=INK, stroke_width=1, stroke_fill=INK)  # bold enough
    slot = (RIGHT - LEFT) / max(1, len(labels))
    for week, name in enumerate(labels):
        pen.text((round(LEFT + slot * (week + 0.5)), BASELINE + 12), name, font=label, fill=INK, anchor="mt")
    pen.line([(LEFT, BASELINE), (RIGHT, BASELINE)], fill=INK, width=2)
    x = LEFT - 52
    for name, color in zip(SERIES, BARS, strict=True):  # the legend, one line under the weeks
        pen.rectangle([(x, 541), (x + 19, 560)], fill=color)
        pen.text((x + 30, 551), name, font=label, fill=INK, anchor="lm")
        x += 30 + round(pen.textlength(name, font=label)) + 44
    return image


@lru_cache(maxsize=256)
def draw(labels: tuple[str, ...], met: tuple[int, ...], followed_up: tuple[int, ...],
         replies: tuple[int, ...]) -> bytes:
    """Grouped bars per week over the gridlines, as PNG bytes."""
    from PIL import Image, ImageDraw

    series = (met, followed_up, replies)
    step, axis_top = scale(max((value for values in series for value in values), default=0))
    with _LOCK:
        image = _frame(labels).copy()
        _draw_bars(ImageDraw.Draw(image), labels, series, step, axis_top)
    picture = Image.frombytes("P", image.size, image.tobytes())
    picture.putpalette(PALETTE)
    out = io.BytesIO()
    picture.save(out, format="PNG", compress_level=1)  # ~15 KB; no metadata: Pillow writes none unless asked
    return out.getvalue()


def _draw_bars(pen: ImageDraw, labels: tuple[str, ...], series: tuple[tuple[int, ...], ...], step: int,
               axis_top: int) -> None:
    """The gridlines and their numbers, the bars, and a word when there is nothing to show."""

    def y_of(value: float) -> int:
        return round(BASELINE - (BASELINE - TOP) * value / axis_top)

    for tick in range(0, axis_top + 1, step):
        y = y_of(tick)
        if tick:
            pen.line([(LEFT, y), (RIGHT, y)], fill=GRID, width=1)
        pen.text((LEFT - 12, y), str(tick), font=_font(20), fill=MUTED, anchor="rm")

    slot = (RIGHT - LEFT) / max(1, len(labels))
    group = len(series) * BAR + (len(series) - 1) * GAP
    for week in range(len(labels)):
        x = round(LEFT + slot * (week + 0.5) - group / 2)
        for values, color in zip(series, BARS, strict=True):
            value = values[week] if week < len(values) else 0
            if value > 0:
                pen.rectangle([(x, y_of(value)), (x + BAR - 1, BASELINE - 1)], fill=color)
            x += BAR + GAP
    if not any(any(values) for values in series):
        pen.text(((LEFT + RIGHT) // 2, (TOP + BASELINE) // 2), "No contacts met in these weeks",
                 font=_font(22), fill=MUTED, anchor="mm")
