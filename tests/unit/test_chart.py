"""The digest's chart: a small PNG a phone can read, with alt text, the same bytes for the same numbers,
other pictures for other numbers, an empty history drawn too — and Pillow loaded only when a chart is drawn."""

from __future__ import annotations

import hashlib
import io
import struct
import subprocess
import sys
import zlib
from datetime import date, timedelta

import pytest
from PIL import Image

from bot.chart import COLORS, Chart, draw, scale
from bot.digest import WeekStats

LABELS = ("5 Oct", "12 Oct", "19 Oct", "26 Oct", "2 Nov", "9 Nov", "16 Nov", "23 Nov")
MET, FOLLOWED, REPLIES = (3, 1, 0, 4, 2, 5, 1, 12), (2, 1, 0, 3, 1, 4, 1, 9), (1, 0, 0, 2, 1, 1, 0, 3)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def chunk_kinds(data: bytes) -> list[bytes]:
    kinds, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert zlib.crc32(data[at + 4:at + 8 + length]) == crc
        kinds.append(kind)
        at += 12 + length
    return kinds


def test_the_png_is_small_phone_sized_and_carries_no_metadata() -> None:
    png = draw(LABELS, MET, FOLLOWED, REPLIES)
    assert len(png) < 150 * 1024
    width, height = png_size(png)
    assert (width, height) == (960, 600)  # wide enough to read on a phone, a 16:10 card
    assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(chunk_kinds(png))


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()  # decodes every row: a truncated or corrupt PNG fails here
    assert image.format == "PNG" and image.size == (960, 600)
    return image.convert("RGB")


def colour_count(image: Image.Image, rgb: tuple[int, int, int]) -> int:
    return sum(count for count, colour in image.getcolors(maxcolors=1 << 16) or [] if colour == rgb)


def test_the_png_decodes_and_shows_the_bars_in_the_series_colours() -> None:
    image = decoded(draw(LABELS, MET, FOLLOWED, REPLIES))
    met, followed, replies = (colour_count(image, colour) for colour in COLORS)
    assert met > followed > replies > 0  # bar areas in proportion to the totals (28 > 21 > 8), legend alike
    assert colour_count(image, (255, 255, 255)) > 960 * 600 // 2  # mostly paper: a clean card


def test_other_numbers_draw_another_picture() -> None:
    first = decoded(draw(LABELS, MET, FOLLOWED, REPLIES))
    for other in [(MET, FOLLOWED, (0,) * 8), (MET[::-1], FOLLOWED, REPLIES), ((30,) * 8, (20,) * 8, (10,) * 8)]:
        assert decoded(draw(LABELS, *other)).tobytes() != first.tobytes()
    assert decoded(draw(("1 Jan", *LABELS[1:]), MET, FOLLOWED, REPLIES)).tobytes() != first.tobytes()


@pytest.mark.parametrize("labels", [LABELS, ()], ids=["eight-quiet-weeks", "no-weeks"])
def test_an_empty_history_is_drawn_without_bars(labels: tuple[str, ...]) -> None:
    zeros = (0,) * len(labels)
    image = decoded(draw(labels, zeros, zeros, zeros))
    legend_only = [colour_count(image, colour) for colour in COLORS]
    assert legend_only[0] == legend_only[1] == legend_only[2] == 20 * 20  # the legend's squares, no bar


@pytest.mark.parametrize(("top", "expected"), [(0, (1, 3)), (3, (1, 3)), (4, (1, 4)), (7, (2, 8)), (9, (3, 9)),
                                                (12, (3, 12)), (17, (5, 20)), (99, (25, 100)), (480, (200, 600))])
def test_the_scale_has_whole_round_steps_and_at_most_four_gridlines(top: int, expected: tuple[int, int]) -> None:
    step, axis_top = scale(top)
    assert (step, axis_top) == expected and axis_top >= top and axis_top // step <= 4


def test_the_same_numbers_give_the_same_bytes_and_other_numbers_other_bytes() -> None:
    first = draw(LABELS, MET, FOLLOWED, REPLIES)
    draw.cache_clear()
    assert draw(LABELS, MET, FOLLOWED, REPLIES) == first
    assert draw(LABELS, MET, FOLLOWED, (0,) * 8) != first


def test_another_process_draws_the_same_bytes() -> None:
    code = ("import sys, hashlib; from bot.chart import draw; "
            f"sys.stdout.write(hashlib.sha256(draw({LABELS!r}, {MET!r}, {FOLLOWED!r}, {REPLIES!r})).hexdigest())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout == hashlib.sha256(draw(LABELS, MET, FOLLOWED, REPLIES)).hexdigest()


def test_the_chart_has_alt_text_with_the_numbers() -> None:
    mondays = tuple(date(2026, 10, 5) + timedelta(days=7 * n) for n in range(8))
    stats = WeekStats(mondays, MET, FOLLOWED, REPLIES, eligible=28)
    chart = stats.chart()
    assert isinstance(chart, Chart) and chart.labels == LABELS
    assert chart.alt.startswith("Bar chart of your last 8 weeks: 28 contacts met, 21 followed up within 48 hours, "
                                "8 replies.")
    assert "week of 23 Nov: 12 met, 9 followed up, 3 replies" in chart.alt and len(chart.alt) <= 1000
    assert chart.png() == draw(LABELS, MET, FOLLOWED, REPLIES)
    assert stats.summary() == ("Last 8 weeks: 21 of 28 new contacts followed up within 48 h (75%) · "
                               "8 replies received.")


def test_pillow_is_loaded_only_where_a_chart_is_drawn() -> None:
    code = ("import sys; import adapters.entrypoints.cli, adapters.entrypoints.review_cli, bot.coach, bot.digest, "
            "scheduler.runtime, adapters.console.app; "
            "from bot.review import review; review('Hi Jane, great to meet you.'); "
            "sys.stdout.write(str(sorted(m for m in sys.modules if m.startswith(('PIL', 'matplotlib')))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout == "[]"
