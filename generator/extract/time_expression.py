"""What the date grammar (`dates`) reads a sentence into, and what it reads against: the typed values the
events, metadata and timeline stages receive."""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_right
from dataclasses import dataclass

from generator.model import Precision

#: Why a relative date has no days: said alike by the English and the Persian grammar.
UNKNOWN_ARTICLE_DATE = "relative to the article's date, which is unknown"
NO_YEAR = "no year is written and the article's date is unknown"


@dataclass(frozen=True)
class Reference:
    """What a relative date is resolved against: the article's date, or only evidence of its period."""

    date: dt.date | None = None  # the article's publication date, when known to the day
    anchor_years: tuple[int, ...] = ()  # years the article or dossier states, for "Thursday (3 July)"
    inferred: bool = False  # the article's date was itself inferred
    #: the calendar a Persian "last month" or "this year" counts in: the one the article is dated in, the Solar
    #: Hijri one where its date is not written in the text (a curator's or inferred date)
    gregorian_months: bool = False


@dataclass(frozen=True)
class TimeExpression:
    """A date expression in a sentence and what it resolves to (an inclusive range)."""

    text: str
    start: int
    end: int
    first: dt.date | None
    last: dt.date | None
    precision: Precision | None
    qualifier: str  # on, by, before, after, since, until, still ("as late as"), about
    basis: str  # "as written", "article date", "weekday and year evidence", "unresolved" or "invalid"
    note: str = ""
    planned: bool = False  # written as a plan, forecast or expectation ("due in 2006"), not as a past event

    @property
    def resolved(self) -> bool:
        return self.first is not None


class Taken:
    """The spans already read as dates, sorted, so an overlap check costs log n, not n.

    One pattern's matches never overlap each other, so the spans a pattern adds are only checked
    against earlier patterns' and merged in, in one linear pass, when the pattern is done.
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._pending: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start)
        if index > 0 and self._spans[index - 1][1] > start:
            return True
        return index < len(self._starts) and self._starts[index] < end

    def add(self, start: int, end: int) -> None:
        self._pending.append((start, end))

    def commit(self) -> None:
        if self._pending:
            self._spans = list(heapq.merge(self._spans, self._pending))
            self._starts = [start for start, _ in self._spans]
            self._pending = []
