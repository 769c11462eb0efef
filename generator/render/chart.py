"""A static SVG bar chart of timeline entries per year: no script, readable offline and in print."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from generator.model import TimelineEntry

WIDTH, HEIGHT = 720, 180
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 36, 12, 16, 34
BAR_COLOUR = "#607d8b"  # Material's blue grey: readable on light and dark pages
TEXT_COLOUR = "#757575"
MIN_LABEL_GAP = 34  # pixels between year labels


def entries_per_year_svg(entries: Sequence[TimelineEntry], title: str) -> str:
    counts = Counter(entry.first.year for entry in entries if entry.first is not None)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
             f'height="{HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" '
             f'font-family="sans-serif" font-size="11">',
             f'<title id="chart-title">{escape(title)}</title>']
    if not counts:
        parts.append('<desc id="chart-desc">No dated entry.</desc></svg>')
        return "\n".join(parts) + "\n"
    first, last = min(counts), max(counts)
    years = list(range(first, last + 1))
    peak = max(counts.values())
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_width / len(years)
    bar = max(1.0, step * 0.8)
    described = "; ".join(f"{year}: {counts[year]}" for year in sorted(counts))
    parts.append(f'<desc id="chart-desc">Timeline entries per year, {first} to {last}. {escape(described)}.</desc>')
    baseline = MARGIN_TOP + plot_height
    parts.append(f'<line x1="{MARGIN_LEFT}" y1="{baseline}" x2="{WIDTH - MARGIN_RIGHT}" y2="{baseline}" '
                 f'stroke="{TEXT_COLOUR}" stroke-width="1"/>')
    parts.append(f'<text x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + 4}" text-anchor="end" fill="{TEXT_COLOUR}">{peak}</text>')
    parts.append(f'<text x="{MARGIN_LEFT - 6}" y="{baseline}" text-anchor="end" fill="{TEXT_COLOUR}">0</text>')
    label_at = WIDTH * 2  # labels are placed from the right, so the latest year always has one
    labels = []
    for index, year in reversed(list(enumerate(years))):
        x = MARGIN_LEFT + index * step + (step - bar) / 2
        count = counts.get(year, 0)
        if not count:
            continue
        height = plot_height * count / peak
        parts.append(f'<rect x="{x:.1f}" y="{baseline - height:.1f}" width="{bar:.1f}" height="{height:.1f}" '
                     f'fill="{BAR_COLOUR}"><title>{year}: {count} {"entry" if count == 1 else "entries"}</title></rect>')
        centre = x + bar / 2
        if label_at - centre >= MIN_LABEL_GAP:
            labels.append(f'<text x="{centre:.1f}" y="{baseline + 16}" text-anchor="middle" '
                          f'fill="{TEXT_COLOUR}">{year}</text>')
            label_at = centre
    parts += reversed(labels)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
