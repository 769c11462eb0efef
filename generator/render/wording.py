"""How the dossier's values read on a page: dates never more precise than known, counted nouns.

Every page, the review list and the exports word a date with these, so no two of them disagree on it.
"""

from __future__ import annotations

import datetime as dt

from generator.model import Precision, Provenance, PublicationDate, TimelineEntry
from generator.text.persian_calendar import span_text


def noun(count: int, singular: str, plural_form: str | None = None) -> str:
    """The word for `count` things: {{ n }} {{ n | noun("entry", "entries") }}."""
    return singular if count == 1 else plural_form or singular + "s"


def date_text(date: PublicationDate | dt.date | None, precision: Precision | None = None,
              last: dt.date | None = None) -> str:
    """A date as readers write it, never more precise than known: "2 March 1987", "March 1987", and a span
    another calendar gives (a Solar Hijri month) by both its ends: "22 June – 22 July 2025"."""
    if isinstance(date, PublicationDate):
        date, precision = date.value, date.precision
    if date is None:
        return "unknown"
    if precision is Precision.DECADE:
        return f"{date.year}s"
    if precision is Precision.SPAN:
        return span_text(date, last) if last else f"from {date.day} {date:%B %Y}"
    if precision is Precision.WEEK:
        return f"week of {date.day} {date.strftime('%B %Y')}"
    if precision is Precision.YEAR:
        return str(date.year)
    if precision is Precision.MONTH:
        return date.strftime("%B %Y")
    return f"{date.day} {date.strftime('%B %Y')}"


def published(date: PublicationDate) -> str:
    """An article's date as every page gives it: "2 March 1987", "3 March 1987 (inferred)", "not before
    9 March 1987 (inferred)" or "date unknown", so no two pages disagree on it."""
    if date.known:
        return date_text(date) + (" (inferred)" if date.provenance is Provenance.INFERRED else "")
    if date.not_before:
        return f"not before {date_text(date.not_before, date.not_before_precision)} (inferred)"
    return "date unknown"


QUALIFIER_WORDS = {"on": "", "by": "by ", "since": "since ", "after": "after ", "before": "before ",
                   "until": "until ", "still": "still in ", "about": "about "}


def day_text(date: dt.date, precision: Precision | None, last: dt.date | None = None) -> str:
    """A date with its weekday where it is known to the day: "Tuesday 10 March 2026"; else as `date_text`."""
    text = date_text(date, precision, last)
    return f"{date:%A} {text}" if precision is Precision.DAY else text


def other_spellings(name: str, aliases: tuple[str, ...]) -> list[str]:
    """The other ways a name is written, as a reader needs them: one of each that differs only in capitals or a
    leading "the" ("IMF", not "IMF · imf"), the one with capitals kept, none that is the name itself."""
    def key(text: str) -> str:
        return " ".join(text.casefold().removeprefix("the ").split())

    kept: dict[str, str] = {}
    for alias in aliases:
        best = kept.get(key(alias))
        if best is None or sum(c.isupper() for c in alias) > sum(c.isupper() for c in best):
            kept[key(alias)] = alias
    kept.pop(key(name), None)
    return list(kept.values())


def entry_date(entry: TimelineEntry) -> str:
    """"2 March 1987", "since 1985", "about May 1986": the date as precise as known, with its qualifier;
    "2006 (planned or expected)" where the articles give it as a plan or forecast, not as past."""
    if entry.first is None:
        return "date unresolved"
    word = QUALIFIER_WORDS.get(entry.qualifier, "")
    if entry.precision is Precision.SPAN and entry.qualifier in ("since", "after", "before"):
        when = date_text(entry.first, Precision.DAY)  # "since 1400" is since its first day, 21 March 2021
    elif entry.precision is Precision.SPAN and entry.qualifier in ("until", "by"):
        when = date_text(entry.last, Precision.DAY)
    else:
        when = date_text(entry.first, entry.precision, entry.last)
    # "about the 1990s" ("mid-1990s", "around the 1990s"), never "About 1990s"
    text = word + ("the " + when if word and entry.precision is Precision.DECADE else when)
    if entry.planned:
        text += " (planned or expected)"
    return text[0].upper() + text[1:]
