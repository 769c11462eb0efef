"""Dates written in article text, resolved against the article's own date.

A rule grammar reads each sentence ("3 July", "February 1989", "in April this year",
"last week", "Thursday", "the 1990s"); the NER model's DATE spans add candidates, which
must parse by the same rules. Numbers that are not dates stay numbers: a bare year
needs a cue ("in 2021") or the model's DATE label, and "Resolution 1325", "$9bn",
"a nine-year war", "15,000 personnel" or "the age of 12" match no rule. A date is
never more precise than written: "in 2021" is a year, not 1 January 2021. Where the
article's own date is unknown, relative expressions stay unresolved, and say so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta

from generator.extract.calendar_days import (
    date_or_none,
    earliest_after,
    is_valid_day,
    latest_before,
    month_end,
    month_number,
    part_of_month,
    widened,
    years_matching_weekday,
)
from generator.extract.date_words import (
    NOT_YEAR_AFTER,
    NOT_YEAR_BEFORE,
    NUMBERS,
    cue_qualifier,
    names_a_year,
    qualifier_of,
)
from generator.extract.persian_dates import persian_time_expressions
from generator.extract.plans import is_planned, words_before
from generator.extract.time_expression import NO_YEAR, UNKNOWN_ARTICLE_DATE, Reference, Taken, TimeExpression
from generator.model import Precision
from generator.text.lexicon import DAY, MONTH, WEEKDAY, WEEKDAYS, YEAR
from generator.text.scripts import ARABIC_SCRIPT

_P = {
    # weekday with a date: "Monday (2 March)", "Monday, March 2", "Monday 2 March 1987"
    "weekday_date": rf"(?P<wd>{WEEKDAY})\s*(?:,|(?P<open>\())?\s*(?:the\s+)?(?:(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH})"
                    rf"|(?P<m2>{MONTH})\s+(?P<d2>{DAY}))\b(?:,?\s+(?P<y>{YEAR})\b)?(?(open)\))",
    "full_date": rf"(?:(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?)\s+(?P<y>{YEAR})\b",
    "iso_date": r"(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b",
    "month_relative_year": rf"(?P<m1>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
    "month_year": rf"(?:(?P<part>early|mid|late)[\s-]+)?(?P<m1>{MONTH})\s+(?:of\s+)?(?P<y>{YEAR})\b",
    "day_month": rf"(?:(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>{DAY}))\b(?!,?\s+{YEAR})",
    "decade": r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>(?:1[89]|20)\d0)['’]?s\b",
    "cued_year": rf"(?P<cue>in|since|after|before|until|till|by|from|during|of|as early as|as late as|"
                 rf"early|late|mid|around|circa|around)[\s-]+(?P<y>{YEAR})\b(?![-–/]\d|\s*(?:%|per cent|percent))",
    "relative_period": r"(?P<rel>last|this|next|past|previous)\s+(?P<unit>week|month|year)\b",
    "ago": r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
           r"(?P<unit>day|week|month|year)s?\s+ago\b",
    "named_day": r"(?P<named>yesterday|the day before yesterday)\b",
    "in_month": rf"(?:(?P<rel>in|last|this|early|late|mid)[\s-]+)(?P<m1>{MONTH})\b(?!\s+(?:{DAY}|{YEAR}))",
    "weekday": rf"(?:(?P<rel>last|this|next)\s+)?(?P<wd>{WEEKDAY})\b",
}
_ORDER = ("weekday_date", "full_date", "iso_date", "month_relative_year", "month_year", "day_month", "decade",
          "cued_year", "relative_period", "ago", "named_day", "in_month", "weekday")
_PATTERNS = {name: re.compile(rf"\b{pattern}", re.IGNORECASE) for name, pattern in _P.items()}
#: Every pattern needs one of these; most sentences have none and skip the grammar.
_MAY_HAVE_DATE = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|ago", re.IGNORECASE)
_BARE_YEAR = re.compile(rf"^(?:the\s+)?(?P<y>{YEAR})$")
_ONWARDS = re.compile(r"\s+(?:on|onwards?)\b", re.IGNORECASE)


def find_time_expressions(sentence: str, reference: Reference,
                          model_spans: Sequence[tuple[int, int]] = ()) -> list[TimeExpression]:
    """Every date expression in the sentence, resolved as far as the reference allows."""
    found: list[TimeExpression] = []
    taken = Taken()
    if ARABIC_SCRIPT.search(sentence):
        found.extend(persian_time_expressions(sentence, reference, taken))
    if not found and not _MAY_HAVE_DATE.search(sentence):
        return found
    for name in _ORDER:
        for match in _PATTERNS[name].finditer(sentence):
            if taken.overlaps(match.start(), match.end()):
                continue
            try:
                expression = _resolve(name, match, sentence, reference)
            except (OverflowError, ValueError):  # arithmetic past the calendar's ends (year 1 or 9999)
                expression = TimeExpression(match.group(0), match.start(), match.end(), None, None, None,
                                            qualifier_of(words_before(sentence, match.start())), "unresolved",
                                            "it falls outside the calendar")
            if expression:
                found.append(expression)
                taken.add(match.start(), match.end())
        taken.commit()
    for start, end in model_spans:  # a bare year is a date only where the model says so
        text = sentence[start:end]
        bare = _BARE_YEAR.match(text)
        if bare and not taken.overlaps(start, end) \
                and not NOT_YEAR_BEFORE.search(words_before(sentence, start)) \
                and not NOT_YEAR_AFTER.match(sentence, end):
            year = int(bare["y"])
            found.append(TimeExpression(text, start, end, dt.date(year, 1, 1), dt.date(year, 12, 31),
                                        Precision.YEAR, qualifier_of(words_before(sentence, start)), "as written"))
    found = [_as_read(sentence, e) for e in found if not names_a_year(sentence, e.text, e.start)]
    return sorted(found, key=lambda e: e.start)


def _as_read(sentence: str, expression: TimeExpression) -> TimeExpression:
    """The reading the words around a date give it: "from 1990 onwards" is since 1990, "last year's fall"
    is a fall of last year, and a date in a plan or forecast ("due in 2006") is planned."""
    qualifier = expression.qualifier
    if qualifier == "on" and _ONWARDS.match(sentence, expression.end) \
            and re.search(r"\bfrom\s+(?:the\s+)?$", words_before(sentence, expression.start), re.I):
        qualifier = "since"
    if qualifier != "on" and sentence[expression.end:expression.end + 2] in ("'s", "’s"):
        qualifier = "on"  # "hit by last year's fall": the date names when the fall was, nothing "by" it
    # planned by its own words (a Persian "coming Friday", read by its resolver) or by the sentence's
    planned = expression.planned or is_planned(sentence, expression.start, expression.end, qualifier)
    if planned == expression.planned and qualifier == expression.qualifier:
        return expression
    return replace(expression, qualifier=qualifier, planned=planned)


@dataclass(frozen=True)
class _Found:
    """One match of a date pattern, in its sentence, with what every resolver reads of it."""

    match: re.Match[str]
    sentence: str
    ref: Reference
    groups: dict[str, str | None]
    before: str  # the words just before the match: cues such as "since", "by", "the end of"
    month_word: str | None
    month: int | None
    day: int | None
    year: int | None

    @classmethod
    def of(cls, match: re.Match[str], sentence: str, ref: Reference) -> _Found:
        groups = match.groupdict()
        month_word = groups.get("m1") or groups.get("m2")
        day = int(re.sub(r"\D", "", groups.get("d1") or groups.get("d2") or "0")) or None
        return cls(match, sentence, ref, groups, words_before(sentence, match.start()), month_word,
                   month_number(month_word), day, int(groups["y"]) if groups.get("y") else None)

    def make(self, first, last, precision, basis, note="", qualifier=None) -> TimeExpression:
        return TimeExpression(self.match.group(0), self.match.start(), self.match.end(), first, last, precision,
                              qualifier or qualifier_of(self.before), basis, note)

    def unresolved(self, note: str) -> TimeExpression:
        return self.make(None, None, None, "unresolved", note)

    def from_article_date(self, first, last, precision, qualifier=None) -> TimeExpression:
        return self.make(first, last, precision, "article date", _inferred_note(self.ref), qualifier=qualifier)

    @property
    def planned(self) -> bool:
        return is_planned(self.sentence, self.match.start(), self.match.end(), qualifier_of(self.before))


def _resolve(name: str, match: re.Match[str], sentence: str, ref: Reference) -> TimeExpression | None:
    """The dates a match of the pattern `name` stands for: one resolver a pattern."""
    found = _Found.of(match, sentence, ref)
    if found.month_word == "may":
        return None  # "the age of 12 may not": the verb, not the month
    return _RESOLVERS[name](found) if name in _RESOLVERS else None


def _iso_date(found: _Found) -> TimeExpression | None:
    try:
        value = dt.date.fromisoformat(found.groups["iso"])
    except ValueError:
        return None
    return found.make(value, value, Precision.DAY, "as written")


def _day_of_month(found: _Found) -> TimeExpression | None:
    """"Thursday 3 July 2025", "3 July 2025", "3 July": a year written, or the article's, or the one year the
    weekday allows."""
    month, day, year, ref = found.month, found.day, found.year, found.ref
    if not is_valid_day(month, day):
        return found.make(None, None, None, "invalid", f"there is no {day} {found.month_word}: not a real date")
    weekday = WEEKDAYS[found.groups["wd"].lower()] if found.groups.get("wd") else None
    if year is not None:
        value = date_or_none(year, month, day)
        if value is None:
            return found.make(None, None, None, "invalid",
                              f"there is no {day} {found.month_word} {year}: not a real date")
        note = "" if weekday is None or value.weekday() == weekday else f"{value:%-d %B %Y} was a {value:%A}"
        return found.make(value, value, Precision.DAY, "as written", note)
    if ref.date is not None:
        # "would hold another protest on 20 March": a plan looks forward from the article's date
        value = (earliest_after if found.planned else latest_before)(ref.date, month, day)
        return found.from_article_date(value, value, Precision.DAY)
    if weekday is not None:
        years = years_matching_weekday(month, day, weekday, ref.anchor_years)
        if len(years) == 1:
            value = dt.date(years[0], month, day)
            return found.make(value, value, Precision.DAY, "weekday and year evidence",
                              f"{value:%-d %B} is a {value:%A} in {years[0]}, the only such year within one year "
                              f"of the years stated ({', '.join(map(str, sorted(set(ref.anchor_years))))})")
    return found.unresolved(NO_YEAR)


def _month_year(found: _Found) -> TimeExpression:
    year, month = found.year, found.month
    if found.groups.get("part"):
        first, last = part_of_month(year, month, found.groups["part"])
        return found.make(first, last, Precision.MONTH, "as written", qualifier="about")
    return found.make(dt.date(year, month, 1), month_end(year, month), Precision.MONTH, "as written")


def _month_relative_year(found: _Found) -> TimeExpression:
    if found.ref.date is None:
        return found.unresolved(UNKNOWN_ARTICLE_DATE)
    target = found.ref.date.year + {"this": 0, "last": -1, "next": 1}[found.groups["rel"].lower()]
    return found.from_article_date(dt.date(target, found.month, 1), month_end(target, found.month), Precision.MONTH)


def _decade(found: _Found) -> TimeExpression:
    start_year = int(found.groups["decade"])
    return found.make(dt.date(start_year, 1, 1), dt.date(start_year + 9, 12, 31), Precision.DECADE, "as written",
                      qualifier="about" if found.groups.get("part") else None)


def _cued_year(found: _Found) -> TimeExpression | None:
    """"in 1987", "since 2001", "by the end of 2004": a year after a word that makes it one."""
    match, sentence, before, year = found.match, found.sentence, found.before, found.year
    if NOT_YEAR_BEFORE.search(before) or NOT_YEAR_AFTER.match(sentence, match.end()):
        return None  # "resolution 2004", "by 1800 tonnes"
    cue = found.groups["cue"].lower()
    if cue == "of" and not re.search(r"\b(?:spring|summer|autumn|fall|winter|end|start|beginning|middle)\s+$",
                                     before, re.I):
        return None  # "a fleet of 2000 ships": "of" alone is no date cue
    qualifier = {"as early as": "by", "as late as": "still", "early": "about", "late": "about",
                 "mid": "about", "around": "about", "circa": "about"}.get(cue) or cue_qualifier(cue)
    text_start = match.start() if cue in ("early", "late", "mid", "as early as", "as late as") else match.start("y")
    return TimeExpression(sentence[text_start:match.end()], text_start, match.end(), dt.date(year, 1, 1),
                          dt.date(year, 12, 31), Precision.YEAR, qualifier, "as written")


def _relative_period(found: _Found) -> TimeExpression:
    """"last week", "next month", "this year"."""
    ref = found.ref
    if ref.date is None:
        return found.unresolved(UNKNOWN_ARTICLE_DATE)
    unit = found.groups["unit"].lower()
    offset = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[found.groups["rel"].lower()]
    if unit == "week":
        monday = ref.date - dt.timedelta(days=ref.date.weekday()) + dt.timedelta(weeks=offset)
        return found.from_article_date(monday, monday + dt.timedelta(days=6), Precision.WEEK)
    if unit == "month":
        first = (ref.date.replace(day=1) + relativedelta(months=offset))
        return found.from_article_date(first, month_end(first.year, first.month), Precision.MONTH)
    target = ref.date.year + offset
    return found.from_article_date(dt.date(target, 1, 1), dt.date(target, 12, 31), Precision.YEAR)


def _ago(found: _Found) -> TimeExpression:
    """"three weeks ago": about then, as wide as its unit."""
    if found.ref.date is None:
        return found.unresolved(UNKNOWN_ARTICLE_DATE)
    count = NUMBERS.get(found.groups["n"].lower()) or int(found.groups["n"])
    unit = found.groups["unit"].lower()
    value = found.ref.date - relativedelta(**{f"{unit}s": count})
    precision = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}[unit]
    first, last = widened(value, precision)
    return found.from_article_date(first, last, precision, qualifier="about")


def _named_day(found: _Found) -> TimeExpression:
    """"yesterday", "the day before yesterday"."""
    if found.ref.date is None:
        return found.unresolved(UNKNOWN_ARTICLE_DATE)
    value = found.ref.date - dt.timedelta(days=2 if "before" in found.groups["named"].lower() else 1)
    return found.from_article_date(value, value, Precision.DAY)


def _in_month(found: _Found) -> TimeExpression:
    """"in March", "last March", "in early March": the article's year, or the one before if March is still
    to come."""
    ref, month, rel = found.ref, found.month, found.groups["rel"].lower()
    if ref.date is None:
        return found.unresolved(NO_YEAR)
    target_year = ref.date.year if month <= ref.date.month else ref.date.year - 1
    if rel == "last":
        target_year = ref.date.year - 1 if month >= ref.date.month else ref.date.year
    first, last = dt.date(target_year, month, 1), month_end(target_year, month)
    if rel in ("early", "late", "mid"):
        first, last = part_of_month(target_year, month, rel)
    return found.from_article_date(first, last, Precision.MONTH,
                                   qualifier="about" if rel in ("early", "late", "mid") else None)


def _weekday(found: _Found) -> TimeExpression:
    """"on Monday": the one before the article's date, or the one after for a plan ("will meet on Monday")."""
    return _weekday_of(found, WEEKDAYS[found.groups["wd"].lower()], (found.groups.get("rel") or "").lower())


def _weekday_of(found: _Found, weekday: int, rel: str) -> TimeExpression:
    ref, match, sentence = found.ref, found.match, found.sentence
    if ref.date is None:
        return found.unresolved("a weekday, relative to the article's date, which is unknown")
    back = (ref.date.weekday() - weekday) % 7
    if rel == "last" and back == 0:
        back = 7
    if rel == "next" or (rel != "last" and is_planned(sentence, match.start(), match.end(), "on")):
        ahead = (weekday - ref.date.weekday()) % 7
        if not ahead and not _LATER_TODAY.search(words_before(sentence, match.start())):
            ahead = 7  # "will meet on Saturday", written on a Saturday: the next one
        value = ref.date + dt.timedelta(days=ahead)
    else:
        value = ref.date - dt.timedelta(days=back)
    return found.from_article_date(value, value, Precision.DAY)


#: One resolver a pattern of `_PATTERNS` (by its name).
_RESOLVERS = {
    "iso_date": _iso_date, "weekday_date": _day_of_month, "full_date": _day_of_month, "day_month": _day_of_month,
    "month_year": _month_year, "month_relative_year": _month_relative_year, "decade": _decade,
    "cued_year": _cued_year, "relative_period": _relative_period, "ago": _ago, "named_day": _named_day,
    "in_month": _in_month, "weekday": _weekday,
}


#: "due to appear later on Saturday", written on that Saturday: that very day.
_LATER_TODAY = re.compile(r"\b(?:later|later on|this)\s+(?:on\s+)?$", re.IGNORECASE)


def _inferred_note(ref: Reference) -> str:
    return "relative to the article's inferred date" if ref.inferred else ""


