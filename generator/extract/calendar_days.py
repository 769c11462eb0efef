"""Calendar arithmetic for dates read in text: the latest 3 July before a date, a month's end, the part of
a month "early March" means, the years in which a day falls on a weekday."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta

from generator.model import Precision
from generator.text.lexicon import MONTHS

#: A weekday only fixes a year within this distance of a year the evidence states: the same
#: date falls on the same weekday again after 5, 6 or 11 years, so a wider window would guess.
YEAR_WINDOW = 1


def month_number(word: str | None) -> int | None:
    return MONTHS[word.rstrip(".").lower()] if word else None


def is_valid_day(month: int | None, day: int | None) -> bool:
    return month is not None and day is not None and date_or_none(2000, month, day) is not None


def date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def latest_before(reference: dt.date, month: int, day: int) -> dt.date:
    """The date with this day and month nearest before the reference (or just after: a week's leeway)."""
    for year in (reference.year + 1, reference.year, reference.year - 1):
        value = date_or_none(year, month, day)
        if value and value <= reference + dt.timedelta(days=7):
            return value
    return dt.date(reference.year - 1, month, 28)


def earliest_after(reference: dt.date, month: int, day: int) -> dt.date:
    """The date with this day and month nearest after the reference (or on it): the day a plan is for."""
    for year in (reference.year, reference.year + 1, reference.year + 2):
        value = date_or_none(year, month, day)
        if value and value >= reference:
            return value
    return dt.date(reference.year + 1, month, 28)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def part_of_month(year: int, month: int, part: str) -> tuple[dt.date, dt.date]:
    part = part.lower()
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    return dt.date(year, month, 21), month_end(year, month)


def widened(value: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    if precision is Precision.YEAR:
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)
    if precision is Precision.MONTH:
        return value.replace(day=1), month_end(value.year, value.month)
    if precision is Precision.WEEK:
        monday = value - dt.timedelta(days=value.weekday())
        return monday, monday + dt.timedelta(days=6)
    return value, value


def years_matching_weekday(month: int, day: int, weekday: int, near: Iterable[int]) -> list[int]:
    """Years within YEAR_WINDOW of the evidence years in which month/day falls on weekday."""
    years = sorted({year + offset for year in near for offset in range(-YEAR_WINDOW, YEAR_WINDOW + 1)})
    return [year for year in years if (value := date_or_none(year, month, day)) and value.weekday() == weekday]
