"""One date for an article: what the timeline learns about an undated article goes back to it.

An undated article whose "last week" retells what other reports date to a day was written after that
day; its page, the indexes and the timeline then give it that floor, labelled as inferred and from what.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from generator.extract.dates import Reference, find_time_expressions
from generator.extract.plans import speaks_of_future
from generator.model import Article, Event, Precision, PublicationDate, TimelineEntry

#: How far after a date an undated article's "last week" or "Sunday" is searched for its earliest
#: possible publication day (a year and a month covers "last year").
CORROBORATION_DAYS = 400


def with_corroborated_dates(articles: Sequence[Article], timeline: Sequence[TimelineEntry]) -> list[Article]:
    """Articles whose date the timeline has narrowed: an undated article whose "last week" retells what
    other reports date 5 March 1987 was written on or after 9 March 1987. Its page, the indexes and the
    timeline then give one date, the same one, labelled as inferred and from what."""
    floors: dict[str, tuple[dt.date, str]] = {}
    for entry in timeline:
        for event in entry.citations:
            if event.article_id in entry.dated_by_corroboration and not event.resolved \
                    and not speaks_of_future(event.sentence):  # a plan is no evidence of when it was written
                floor = earliest_publication(event, entry.first) or entry.first
                others = len(entry.article_ids) - 1
                why = (f"inferred: ¶{event.paragraph} reports as '{event.phrase}' what {others} other "
                       f"{'article dates' if others == 1 else 'articles date'} {_day_text(entry.first)}")
                if event.article_id not in floors or floor > floors[event.article_id][0]:
                    floors[event.article_id] = (floor, why)
    return [_with_floor(article, *floors[article.metadata.article_id])
            if article.metadata.article_id in floors else article for article in articles]


@lru_cache(maxsize=4096)
def _earliest_publication_of(phrase: str, happened: dt.date) -> dt.date | None:
    for days in range(CORROBORATION_DAYS):
        day = happened + dt.timedelta(days=days)
        for expression in find_time_expressions(phrase, Reference(date=day)):
            if expression.resolved and expression.first <= happened <= expression.last:
                return day
    return None


def earliest_publication(event: Event, happened: dt.date) -> dt.date | None:
    """The first day on which the event's own words ("Last week", "Sunday") would date it to `happened`,
    by the same rules that resolve them: the earliest the article can have been written. None when
    no such day exists: the words cannot be telling of that day."""
    return _earliest_publication_of(event.phrase, happened)


def _with_floor(article: Article, floor: dt.date, why: str) -> Article:
    date = article.metadata.date
    if date.known or (date.not_before and date.not_before >= floor):
        return article
    narrowed = PublicationDate(date.value, date.precision, date.provenance, date.evidence, not_before=floor,
                               not_before_precision=Precision.DAY, not_before_evidence=why)
    return replace(article, metadata=replace(article.metadata, date=narrowed))


def _day_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
