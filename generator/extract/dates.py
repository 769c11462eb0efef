"""Dates written in article text, and the year a weekday fixes.

"Thursday (3 July)" names no year, but 3 July falls on a Thursday only in some
years; with other evidence of the period (years the text or the dossier states)
that is enough to fix the year without looking at the machine's clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import DAY, MONTH, MONTHS, WEEKDAY, WEEKDAYS, YEAR

#: A weekday only fixes a year within this distance of a year the evidence states: the same
#: date falls on the same weekday again after 5, 6 or 11 years, so a wider window would guess.
YEAR_WINDOW = 1

_WEEKDAY_DATE = re.compile(
    rf"\b(?P<weekday>{WEEKDAY})\s*(?:,|(?P<open>\())?\s*(?:the\s+)?"
    rf"(?:(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>{DAY}))\b"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?(?(open)\))",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<d1>{DAY})\s+(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?)\s+(?P<year>{YEAR})\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b(?P<m1>{MONTH})\s+(?:of\s+)?(?P<year>{YEAR})\b", re.IGNORECASE)
_PREPOSITION_YEAR = re.compile(
    rf"\b(?:in|since|after|from|until|till|by|before|of|during|early|late|mid|around)[\s-]+(?P<year>{YEAR})\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|shall|would|plans?|planned|expects?|expected|aims?|next|upcoming|by\s+\d{4})\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date the text names, as far as it names it; `weekday` only when the text gives one."""

    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    future: bool = False  # said in a sentence about what will happen


def find_date_mentions(sentence: str) -> list[DateMention]:
    """The dates in one sentence, longest form first, without overlaps."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    future = bool(_FUTURE.search(sentence))

    def free(match: re.Match[str]) -> bool:
        return all(match.end() <= start or match.start() >= end for start, end in taken)

    for pattern in (_WEEKDAY_DATE, _FULL_DATE, _MONTH_YEAR, _PREPOSITION_YEAR):
        for match in pattern.finditer(sentence):
            if not free(match):
                continue
            groups = match.groupdict()
            month_word = groups.get("m1") or groups.get("m2")
            day_word = groups.get("d1") or groups.get("d2")
            month = MONTHS[month_word.rstrip(".").lower()] if month_word else None
            day = int(re.sub(r"\D", "", day_word)) if day_word else None
            if month and day and not _valid(month, day):
                continue
            weekday_word = groups.get("weekday")
            mentions.append(DateMention(
                text=match.group(0).strip(),
                year=int(groups["year"]) if groups.get("year") else None,
                month=month,
                day=day,
                weekday=WEEKDAYS[weekday_word.lower()] if weekday_word else None,
                future=future,
            ))
            taken.append(match.span())
    return mentions


def _valid(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year, so 29 February is allowed here
    except ValueError:
        return False
    return True


def years_matching_weekday(month: int, day: int, weekday: int, near: Iterable[int]) -> list[int]:
    """Years, within YEAR_WINDOW of the evidence years, in which month/day falls on weekday."""
    years = sorted({year + offset for year in near for offset in range(-YEAR_WINDOW, YEAR_WINDOW + 1)})
    matches = []
    for year in years:
        try:
            if dt.date(year, month, day).weekday() == weekday:
                matches.append(year)
        except ValueError:
            continue
    return matches
