"""A static SVG bar chart of timeline entries per year: no script, readable offline and in print."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import TimelineEntry
from generator.render.environment import environment

WIDTH, HEIGHT = 720, 180
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 36, 12, 16, 34
BAR_COLOUR = "#607d8b"  # Material's blue grey: readable on light and dark pages
TEXT_COLOUR = "#757575"
MIN_LABEL_GAP = 34  # pixels between year labels
BASELINE = HEIGHT - MARGIN_BOTTOM


@dataclass(frozen=True)
class Bar:
    year: int
    count: int
    x: str  # coordinates as written, to a tenth of a pixel
    y: str
    width: str
    height: str


@dataclass(frozen=True)
class Label:
    year: int
    x: str


def entries_per_year(entries: Sequence[TimelineEntry]) -> list[tuple[int, int]]:
    """(year, entries), oldest first: the chart's figures, which the Timeline page also gives as text."""
    counts = Counter(entry.first.year for entry in entries if entry.first is not None)
    return sorted(counts.items())


def entries_per_year_svg(entries: Sequence[TimelineEntry], title: str) -> str:
    counts = Counter(dict(entries_per_year(entries)))
    bars, labels = _bars(counts)
    return environment().get_template("chart.svg.j2").render(
        title=title, width=WIDTH, height=HEIGHT, left=MARGIN_LEFT, right=WIDTH - MARGIN_RIGHT, top=MARGIN_TOP,
        baseline=BASELINE, bar_colour=BAR_COLOUR, text_colour=TEXT_COLOUR, bars=bars, labels=labels,
        first=min(counts, default=0), last=max(counts, default=0), peak=max(counts.values(), default=0),
        described="; ".join(f"{year}: {counts[year]}" for year in sorted(counts)))


def _bars(counts: Counter[int]) -> tuple[list[Bar], list[Label]]:
    """Bars from the latest year back; year labels at least `MIN_LABEL_GAP` apart, in reading order."""
    if not counts:
        return [], []
    years = list(range(min(counts), max(counts) + 1))
    peak = max(counts.values())
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_width / len(years)
    bar = max(1.0, step * 0.8)
    label_at = WIDTH * 2  # labels are placed from the right, so the latest year always has one
    bars, labels = [], []
    for index, year in reversed(list(enumerate(years))):
        x = MARGIN_LEFT + index * step + (step - bar) / 2
        count = counts.get(year, 0)
        if not count:
            continue
        height = plot_height * count / peak
        bars.append(Bar(year, count, f"{x:.1f}", f"{BASELINE - height:.1f}", f"{bar:.1f}", f"{height:.1f}"))
        centre = x + bar / 2
        if label_at - centre >= MIN_LABEL_GAP:
            labels.append(Label(year, f"{centre:.1f}"))
            label_at = centre
    return bars, labels[::-1]
