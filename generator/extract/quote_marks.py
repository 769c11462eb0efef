"""Where a paragraph quotes: quotation marks paired, curly ones by direction and straight ones by turns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Curly quotation marks, paired by their direction; guillemets («…», as Persian, Arabic and French text quote)
#: likewise, each pair apart, so a “…” inside «…» is a quote within the quote.
OPENING_MARK = "“"
CLOSING_MARK = "”"
OPENING_GUILLEMET = "«"
CLOSING_GUILLEMET = "»"


SCARE_QUOTE_MAX_WORDS = 8


#: A quotation of fewer words says little alone ("an “ally”"): it is shown in its sentence.
PARTIAL_QUOTE_WORDS = 4


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offsets of the quoted words within the paragraph, marks excluded
    end: int


def quote_spans(text: str) -> list[QuoteSpan]:
    """Paired quotation marks: curly ones by direction, straight ones by alternation. Unpaired ones are left."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    straight_open: int | None = None
    guillemet_open: int | None = None
    for index, char in enumerate(text):
        if char == OPENING_GUILLEMET:
            guillemet_open = index
        elif char == CLOSING_GUILLEMET and guillemet_open is not None:
            spans.append(QuoteSpan(guillemet_open + 1, index))
            guillemet_open = None
        elif char == OPENING_MARK:
            open_at = index
        elif char == CLOSING_MARK and open_at is not None:
            spans.append(QuoteSpan(open_at + 1, index))
            open_at = None
        elif char == '"':
            if straight_open is None:
                straight_open = index
            else:
                spans.append(QuoteSpan(straight_open + 1, index))
                straight_open = None
    return sorted((span for span in spans if span.end > span.start and text[span.start:span.end].strip()),
                  key=lambda span: span.start)


def merged_spans(spans: Sequence[QuoteSpan]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in spans:  # sorted by start
        if merged and span.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    return merged
