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
import heapq
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from generator.model import Precision
from generator.text.lexicon import DAY, MONTH, MONTHS, WEEKDAY, WEEKDAYS, YEAR, word_list

#: A weekday only fixes a year within this distance of a year the evidence states: the same
#: date falls on the same weekday again after 5, 6 or 11 years, so a wider window would guess.
YEAR_WINDOW = 1

_QUALIFIERS = (
    (re.compile(r"(?:\bsince|\bever since|\bstarting (?:in|from))\s+(?:the\s+)?$", re.I), "since"),
    (re.compile(r"\bas early as\s+(?:the\s+)?$", re.I), "by"),
    (re.compile(r"(?:\bafter|\bfollowing|\blater than)\s+(?:the\s+)?$", re.I), "after"),
    (re.compile(r"(?:\bbefore|\bprior to|\bearlier than)\s+(?:the\s+)?$", re.I), "before"),
    (re.compile(r"\bby\s+(?:the\s+)?$", re.I), "by"),
    (re.compile(r"(?:\buntil|\btill|\bup to|\bthrough)\s+(?:the\s+)?$", re.I), "until"),
    (re.compile(r"(?:\baround|\babout|\bapproximately|\bcirca|\bc\.|\bsome time in|\bsometime in)\s+(?:the\s+)?$", re.I),
     "about"),
)

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
#: "at 1830 GMT", "2004 hours": a clock time, not a year; "rose by 1800 tonnes", "2000 workers": a count.
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:gmt|bst|utc|cet|est|pst|hours|hrs|h\b|am\b|pm\b|a\.m|p\.m|(?:tonnes|tons|barrels|bpd|dlrs|dollars|"
    r"pounds|euros|marks|francs|yen|shares|people|jobs|workers|employees|troops|soldiers|votes|units|cars|"
    r"acres|hectares|km|miles|metres|meters|feet|kg|mw|pct|percent|per cent)\b)", re.IGNORECASE)
_ONWARDS = re.compile(r"\s+(?:on|onwards?)\b", re.IGNORECASE)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_NOT_YEAR_BEFORE = re.compile(r"(?:resolution|no\.?|number|article|law|decree|order|flight|page|room|model|code|"
                              r"[$£€#]|\d[,.])\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    """What a relative date is resolved against: the article's date, or only evidence of its period."""

    date: dt.date | None = None  # the article's publication date, when known to the day
    anchor_years: tuple[int, ...] = ()  # years the article or dossier states, for "Thursday (3 July)"
    inferred: bool = False  # the article's date was itself inferred


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


def find_time_expressions(sentence: str, reference: Reference,
                          model_spans: Sequence[tuple[int, int]] = ()) -> list[TimeExpression]:
    """Every date expression in the sentence, resolved as far as the reference allows."""
    found: list[TimeExpression] = []
    taken = _Taken()
    if not _MAY_HAVE_DATE.search(sentence):
        return found
    for name in _ORDER:
        for match in _PATTERNS[name].finditer(sentence):
            if taken.overlaps(match.start(), match.end()):
                continue
            try:
                expression = _resolve(name, match, sentence, reference)
            except (OverflowError, ValueError):  # arithmetic past the calendar's ends (year 1 or 9999)
                expression = TimeExpression(match.group(0), match.start(), match.end(), None, None, None,
                                            _qualifier(_words_before(sentence, match.start())), "unresolved",
                                            "it falls outside the calendar")
            if expression:
                found.append(expression)
                taken.add(match.start(), match.end())
        taken.commit()
    for start, end in model_spans:  # a bare year is a date only where the model says so
        text = sentence[start:end]
        bare = _BARE_YEAR.match(text)
        if bare and not taken.overlaps(start, end) \
                and not _NOT_YEAR_BEFORE.search(_words_before(sentence, start)) \
                and not _NOT_YEAR_AFTER.match(sentence, end):
            year = int(bare["y"])
            found.append(TimeExpression(text, start, end, dt.date(year, 1, 1), dt.date(year, 12, 31),
                                        Precision.YEAR, _qualifier(_words_before(sentence, start)), "as written"))
    found = [_as_read(sentence, e) for e in found if not names_a_year(sentence, e)]
    return sorted(found, key=lambda e: e.start)


def _as_read(sentence: str, expression: TimeExpression) -> TimeExpression:
    """The reading the words around a date give it: "from 1990 onwards" is since 1990, "last year's fall"
    is a fall of last year, and a date in a plan or forecast ("due in 2006") is planned."""
    qualifier = expression.qualifier
    if qualifier == "on" and _ONWARDS.match(sentence, expression.end) \
            and re.search(r"\bfrom\s+(?:the\s+)?$", _words_before(sentence, expression.start), re.I):
        qualifier = "since"
    if qualifier != "on" and sentence[expression.end:expression.end + 2] in ("'s", "’s"):
        qualifier = "on"  # "hit by last year's fall": the date names when the fall was, nothing "by" it
    planned = is_planned(sentence, expression.start, expression.end, qualifier)
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
        return cls(match, sentence, ref, groups, _words_before(sentence, match.start()), month_word,
                   _month(month_word), int(re.sub(r"\D", "", groups.get("d1") or groups.get("d2") or "0")) or None,
                   int(groups["y"]) if groups.get("y") else None)

    def make(self, first, last, precision, basis, note="", qualifier=None) -> TimeExpression:
        return TimeExpression(self.match.group(0), self.match.start(), self.match.end(), first, last, precision,
                              qualifier or _qualifier(self.before), basis, note)

    def unresolved(self, note: str) -> TimeExpression:
        return self.make(None, None, None, "unresolved", note)

    def from_article_date(self, first, last, precision, qualifier=None) -> TimeExpression:
        return self.make(first, last, precision, "article date", _inferred_note(self.ref), qualifier=qualifier)

    @property
    def planned(self) -> bool:
        return is_planned(self.sentence, self.match.start(), self.match.end(), _qualifier(self.before))


_UNKNOWN_ARTICLE_DATE = "relative to the article's date, which is unknown"
_NO_YEAR = "no year is written and the article's date is unknown"


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
    if not _valid(month, day):
        return found.make(None, None, None, "invalid", f"there is no {day} {found.month_word}: not a real date")
    weekday = WEEKDAYS[found.groups["wd"].lower()] if found.groups.get("wd") else None
    if year is not None:
        value = _date(year, month, day)
        if value is None:
            return found.make(None, None, None, "invalid",
                              f"there is no {day} {found.month_word} {year}: not a real date")
        note = "" if weekday is None or value.weekday() == weekday else f"{value:%-d %B %Y} was a {value:%A}"
        return found.make(value, value, Precision.DAY, "as written", note)
    if ref.date is not None:
        # "would hold another protest on 20 March": a plan looks forward from the article's date
        value = (_earliest_after if found.planned else _latest_before)(ref.date, month, day)
        return found.from_article_date(value, value, Precision.DAY)
    if weekday is not None:
        years = years_matching_weekday(month, day, weekday, ref.anchor_years)
        if len(years) == 1:
            value = dt.date(years[0], month, day)
            return found.make(value, value, Precision.DAY, "weekday and year evidence",
                              f"{value:%-d %B} is a {value:%A} in {years[0]}, the only such year within one year "
                              f"of the years stated ({', '.join(map(str, sorted(set(ref.anchor_years))))})")
    return found.unresolved(_NO_YEAR)


def _month_year(found: _Found) -> TimeExpression:
    year, month = found.year, found.month
    if found.groups.get("part"):
        first, last = _part_of_month(year, month, found.groups["part"])
        return found.make(first, last, Precision.MONTH, "as written", qualifier="about")
    return found.make(dt.date(year, month, 1), _month_end(year, month), Precision.MONTH, "as written")


def _month_relative_year(found: _Found) -> TimeExpression:
    if found.ref.date is None:
        return found.unresolved(_UNKNOWN_ARTICLE_DATE)
    target = found.ref.date.year + {"this": 0, "last": -1, "next": 1}[found.groups["rel"].lower()]
    return found.from_article_date(dt.date(target, found.month, 1), _month_end(target, found.month), Precision.MONTH)


def _decade(found: _Found) -> TimeExpression:
    start_year = int(found.groups["decade"])
    return found.make(dt.date(start_year, 1, 1), dt.date(start_year + 9, 12, 31), Precision.DECADE, "as written",
                      qualifier="about" if found.groups.get("part") else None)


def _cued_year(found: _Found) -> TimeExpression | None:
    """"in 1987", "since 2001", "by the end of 2004": a year after a word that makes it one."""
    match, sentence, before, year = found.match, found.sentence, found.before, found.year
    if _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(sentence, match.end()):
        return None  # "resolution 2004", "by 1800 tonnes"
    cue = found.groups["cue"].lower()
    if cue == "of" and not re.search(r"\b(?:spring|summer|autumn|fall|winter|end|start|beginning|middle)\s+$",
                                     before, re.I):
        return None  # "a fleet of 2000 ships": "of" alone is no date cue
    qualifier = {"as early as": "by", "as late as": "still", "early": "about", "late": "about",
                 "mid": "about", "around": "about", "circa": "about"}.get(cue) or _cue_qualifier(cue)
    text_start = match.start() if cue in ("early", "late", "mid", "as early as", "as late as") else match.start("y")
    return TimeExpression(sentence[text_start:match.end()], text_start, match.end(), dt.date(year, 1, 1),
                          dt.date(year, 12, 31), Precision.YEAR, qualifier, "as written")


def _relative_period(found: _Found) -> TimeExpression:
    """"last week", "next month", "this year"."""
    ref = found.ref
    if ref.date is None:
        return found.unresolved(_UNKNOWN_ARTICLE_DATE)
    unit = found.groups["unit"].lower()
    offset = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[found.groups["rel"].lower()]
    if unit == "week":
        monday = ref.date - dt.timedelta(days=ref.date.weekday()) + dt.timedelta(weeks=offset)
        return found.from_article_date(monday, monday + dt.timedelta(days=6), Precision.WEEK)
    if unit == "month":
        first = (ref.date.replace(day=1) + relativedelta(months=offset))
        return found.from_article_date(first, _month_end(first.year, first.month), Precision.MONTH)
    target = ref.date.year + offset
    return found.from_article_date(dt.date(target, 1, 1), dt.date(target, 12, 31), Precision.YEAR)


def _ago(found: _Found) -> TimeExpression:
    """"three weeks ago": about then, as wide as its unit."""
    if found.ref.date is None:
        return found.unresolved(_UNKNOWN_ARTICLE_DATE)
    count = _NUMBERS.get(found.groups["n"].lower()) or int(found.groups["n"])
    unit = found.groups["unit"].lower()
    value = found.ref.date - relativedelta(**{f"{unit}s": count})
    precision = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}[unit]
    first, last = _widen(value, precision)
    return found.from_article_date(first, last, precision, qualifier="about")


def _named_day(found: _Found) -> TimeExpression:
    """"yesterday", "the day before yesterday"."""
    if found.ref.date is None:
        return found.unresolved(_UNKNOWN_ARTICLE_DATE)
    value = found.ref.date - dt.timedelta(days=2 if "before" in found.groups["named"].lower() else 1)
    return found.from_article_date(value, value, Precision.DAY)


def _in_month(found: _Found) -> TimeExpression:
    """"in March", "last March", "in early March": the article's year, or the one before if March is still
    to come."""
    ref, month, rel = found.ref, found.month, found.groups["rel"].lower()
    if ref.date is None:
        return found.unresolved(_NO_YEAR)
    target_year = ref.date.year if month <= ref.date.month else ref.date.year - 1
    if rel == "last":
        target_year = ref.date.year - 1 if month >= ref.date.month else ref.date.year
    first, last = dt.date(target_year, month, 1), _month_end(target_year, month)
    if rel in ("early", "late", "mid"):
        first, last = _part_of_month(target_year, month, rel)
    return found.from_article_date(first, last, Precision.MONTH,
                                   qualifier="about" if rel in ("early", "late", "mid") else None)


def _weekday(found: _Found) -> TimeExpression:
    """"on Monday": the one before the article's date, or the one after for a plan ("will meet on Monday")."""
    ref, match, sentence = found.ref, found.match, found.sentence
    weekday = WEEKDAYS[found.groups["wd"].lower()]
    if ref.date is None:
        return found.unresolved("a weekday, relative to the article's date, which is unknown")
    rel = (found.groups.get("rel") or "").lower()
    back = (ref.date.weekday() - weekday) % 7
    if rel == "last" and back == 0:
        back = 7
    if rel == "next" or (rel != "last" and is_planned(sentence, match.start(), match.end(), "on")):
        ahead = (weekday - ref.date.weekday()) % 7
        if not ahead and not _LATER_TODAY.search(_words_before(sentence, match.start())):
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

#: How much text before a date its cue words ("since the", "Resolution", "the end of") can take.
CUE_WINDOW = 60


def _words_before(sentence: str, position: int) -> str:
    """The text just before a date, where its qualifier and cues are: a bounded window, so that a
    sentence of thousands of dates costs linear time (every cue pattern is anchored at its end)."""
    return sentence[max(0, position - CUE_WINDOW):position]


class _Taken:
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


def _qualifier(before: str) -> str:
    for pattern, qualifier in _QUALIFIERS:
        if pattern.search(before):
            return qualifier
    return "on"


def _cue_qualifier(cue: str) -> str:
    return {"since": "since", "after": "after", "before": "before", "by": "by",
            "until": "until", "till": "until"}.get(cue, "on")


def _inferred_note(ref: Reference) -> str:
    return "relative to the article's inferred date" if ref.inferred else ""


def _month(word: str | None) -> int | None:
    return MONTHS[word.rstrip(".").lower()] if word else None


def _valid(month: int | None, day: int | None) -> bool:
    return month is not None and day is not None and _date(2000, month, day) is not None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_before(reference: dt.date, month: int, day: int) -> dt.date:
    """The date with this day and month nearest before the reference (or just after: a week's leeway)."""
    for year in (reference.year + 1, reference.year, reference.year - 1):
        value = _date(year, month, day)
        if value and value <= reference + dt.timedelta(days=7):
            return value
    return dt.date(reference.year - 1, month, 28)


def _earliest_after(reference: dt.date, month: int, day: int) -> dt.date:
    """The date with this day and month nearest after the reference (or on it): the day a plan is for."""
    for year in (reference.year, reference.year + 1, reference.year + 2):
        value = _date(year, month, day)
        if value and value >= reference:
            return value
    return dt.date(reference.year + 1, month, 28)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def _part_of_month(year: int, month: int, part: str) -> tuple[dt.date, dt.date]:
    part = part.lower()
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    return dt.date(year, month, 21), _month_end(year, month)


def _widen(value: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    if precision is Precision.YEAR:
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)
    if precision is Precision.MONTH:
        return value.replace(day=1), _month_end(value.year, value.month)
    if precision is Precision.WEEK:
        monday = value - dt.timedelta(days=value.weekday())
        return monday, monday + dt.timedelta(days=6)
    return value, value


def years_matching_weekday(month: int, day: int, weekday: int, near: Iterable[int]) -> list[int]:
    """Years within YEAR_WINDOW of the evidence years in which month/day falls on weekday."""
    years = sorted({year + offset for year in near for offset in range(-YEAR_WINDOW, YEAR_WINDOW + 1)})
    return [year for year in years if (value := _date(year, month, day)) and value.weekday() == weekday]


# --- plans and forecasts ---------------------------------------------------------------------------
#
# "The chip is due in 2006", "sales are set to grow in 2005", "it would start producing the chip in
# early 2005": a date a plan, forecast or expectation gives is no past event, and no evidence of when
# the article was written. It is read by cue words in the date's own clause, never by phrases.

#: Modal verbs, matched in lower case only: "May 2005" is a month, "Will Smith" a name.
_MODAL = re.compile(r"\b(?:will|would|shall|should|could|may|might|must)\b|'ll\b|\bwon't\b")
#: Words that make what follows a plan, forecast or expectation, in any case ("Plans to ..."): the list
#: in `data/planning_words.txt`, and "due" unless a cause follows it ("due to the rain").
_FORECAST_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(words).replace(r"\ ", r"\s+")
                        for words in sorted(word_list("planning_words"), key=len, reverse=True))
    + r"|due\b(?! to (?:the|a|an|its|their|his|her|our|this|that|these|those|some|high|"
    r"higher|low|lower|poor|strong|weak|rising|falling|falls?|rises?|concerns?|fears?|problems?|lack|"
    r"[a-z]+(?:ing|ness|ity|ment|tion|sion)s?)\b))\b", re.IGNORECASE)
#: Cue words used of what already happened: "would have", "better than expected", "met its targets".
_NOT_FORECAST = re.compile(
    r"\b(?:would|could|should|may|might|must)(?: not| never| also| already)? have\b|\b(?:than|as|beat|beats|"
    r"beating|missed|exceeds?|exceeded|exceeding|surpass(?:ed|ing)?|above|below|meets?|met|meeting|hit|hitting|"
    r"reached|short of)(?: \w+){0,2} (?:expected|expectations?|forecasts?|predicted|targets?|hopes)\b|"
    r"\bnext to\b|\bnext (?:door|generation)\b", re.IGNORECASE)
#: "The upcoming 2005 election": a date the words right before it make a future one.
_COMING = re.compile(r"\b(?:upcoming|forthcoming|coming|next)\s+(?:the\s+)?$", re.IGNORECASE)
_COMING_ANYWHERE = re.compile(r"\b(?:upcoming|forthcoming|next)\b", re.IGNORECASE)
#: A date that qualifies a noun: "a revival of 1950s hit musical", "the mutiny of 1857".
_ATTRIBUTIVE = re.compile(r"\b(?!(?:end|start|beginning|middle|half|quarter|rest|whole|part|course|remainder|"
                          r"spring|summer|autumn|winter|months?|weeks?|years?)\s)[a-z]+\s+of\s+(?:the\s+)?$",
                          re.IGNORECASE)
#: Where a clause ends, read backwards from a date: punctuation, and words that open another clause.
_CLAUSE_BEFORE = re.compile(r"(?<!\d),(?!\d)|[;:\[\]—–]|\s-\s|\b(?:but|which|who|whom|whose|where|because|"
                            r"although|"
                            r"though|while|whereas|whether)\b", re.IGNORECASE)
#: Words that open a clause of their own unless they are the date's cue ("since Labour came to power in").
_CONJUNCTION = re.compile(r"\b(?:since|after|before|when|until|as)\b", re.IGNORECASE)
#: Read forwards, "and", "that" and "when" open another clause too: "rose in 2004 and will rise".
_CLAUSE_AFTER = re.compile(rf"{_CLAUSE_BEFORE.pattern}|\b(?:and|that|when|as|if|since|after|before|until|so)\b",
                           re.IGNORECASE)
#: A clause opening with its date holds only cue words before it: "In 2006, the firm will ...".
_ONLY_CUES = re.compile(r"^[\W\d]*(?:(?:in|on|at|by|from|during|for|of|the|end|start|beginning|middle|early|"
                        r"late|mid|first|second|half|quarter|around|about|as early as|as late as|until|till|"
                        r"and|or|then|so|now|even|also|only)\b[\W\d]*)*$", re.IGNORECASE)
#: A verb in the past before the date: what follows it ("built in 1999 will close") is another matter.
_PAST_VERB = re.compile(r"\b(?:[a-z]+ed|was|were|had|did|said|made|came|took|began|went|rose|fell|grew|saw|won|"
                        r"lost|built|sold|bought|paid|left|met|held|told|became|gave|got|ran|wrote|spent|"
                        r"struck|brought|thought|found|kept|led|shut|cut|hit|put)\b", re.IGNORECASE)


def is_planned(sentence: str, start: int, end: int, qualifier: str = "on") -> bool:
    """Whether the date at sentence[start:end] is written as a plan, forecast or expectation.

    The cue must be in the date's own clause: "Sales rose in 2004 and will rise in 2005" plans
    2005, not 2004. Before the date, the clause back to its opening counts; after it, only up to the
    next clause, and only where no past verb comes first ("Growth in 2005 is forecast at 2%", but
    "the plant built in 1999 will close"). A fronted date ("In 2006, the firm will ...") takes the
    clause after it. "Since 1990" looks back from now, whatever the sentence goes on to plan. A date
    that qualifies a noun ("a revival of 1950s hit musical", "half their 1960 levels") dates that
    noun, not the verb the clause plans: only what follows it can make it a plan ("the 2006 World
    Cup will be held ...").
    """
    if qualifier == "since":
        return False
    if re.match(r"(?:next|upcoming|coming)\b", sentence[start:end], re.IGNORECASE) \
            or _COMING.search(_words_before(sentence, start)):
        return True
    before = _clause_before(sentence, start)
    if not _ATTRIBUTIVE.search(before):
        if _has_forecast_cue(before):
            return True
        if _PAST_VERB.search(before):
            return False
    after = _clause_after(sentence, end, fronted=bool(_ONLY_CUES.match(before)))
    return _has_forecast_cue(after)


def _clause_before(sentence: str, start: int) -> str:
    """Back to the clause's opening. A clause opened by "since", "when", "until" ... belongs to the clause
    before it unless its own verb is past: "will be his eighth since Labour came to power in 1997"
    reads from "since" (as does "would be the first since the group's return to power in 2021": "since"
    looks back, verb or none), "will steer clear when he fronts the awards on 27 February" from "will". Such a
    word right before the date ("will stay closed until 2006") is the date's own cue and opens nothing."""
    window = sentence[max(0, start - 4 * CUE_WINDOW):start]
    punctuation = [m.end() for m in _CLAUSE_BEFORE.finditer(window)]
    opening = max(punctuation, default=0)
    conjunctions = [m.end() for m in _CONJUNCTION.finditer(window, opening)
                    if not _ONLY_CUES.match(window[m.end():])]
    if conjunctions and (_PAST_VERB.search(window[conjunctions[-1]:])
                         or window[:conjunctions[-1]].lower().endswith("since")):
        opening = conjunctions[-1]  # "since" always looks back: "the first since the group's return to power in"
    return window[opening:]


def _clause_after(sentence: str, end: int, fronted: bool) -> str:
    window = sentence[end:end + 4 * CUE_WINDOW]
    boundaries = list(_CLAUSE_AFTER.finditer(window))
    begin = 0
    if fronted and boundaries and not window[:boundaries[0].start()].strip():
        begin = boundaries.pop(0).end()  # "In 2006, the firm will": the clause after the comma
    return window[begin:boundaries[0].start() if boundaries else len(window)]


def _has_forecast_cue(text: str) -> bool:
    text = _NOT_FORECAST.sub(" ", text)
    return bool(_MODAL.search(text) or _FORECAST_WORD.search(text))


@lru_cache(maxsize=256)  # asked for each sentence of an undated article: a long sentence is searched once
def speaks_of_future(sentence: str) -> bool:
    """"Talks will resume in 2026": a sentence with a plan or forecast anywhere in it is no evidence of
    when the article was written, even for its other dates (a bound on a date must not be a guess)."""
    return _has_forecast_cue(sentence) or bool(_COMING_ANYWHERE.search(_NOT_FORECAST.sub(" ", sentence)))


# --- years that are part of a name ------------------------------------------------------------------

#: Capitalised words that may stand before a year that is a date: calendar words, seasons, feasts,
#: and the function words a sentence may open with ("In 2005", "The 2004 election").
_DATE_WORDS_BEFORE_YEAR = frozenset(
    "spring summer autumn fall winter christmas easter new year years fiscal fy financial q1 q2 q3 q4 h1 h2 "
    "in on at by for from since until till before after during between through throughout around about circa "
    "early late mid of and or to than the a an this that these those its their his her our last next every "
    "as also only even then until but while when where if so of year-end".split())


def names_a_year(sentence: str, expression: TimeExpression) -> bool:
    """"FIFA 2005", "Windows 2000", "Euro 2004": a bare year right after a capitalised word that is no
    calendar or function word is part of a name (a game, a product, an edition), not a date."""
    if not re.fullmatch(YEAR, expression.text):
        return False
    word = re.search(r"([^\W\d_][\w'’.-]*)\s+$", sentence[max(0, expression.start - 40):expression.start])
    if not word or not word[1][0].isupper():
        return False
    lowered = word[1].lower().rstrip(".")
    return lowered not in _DATE_WORDS_BEFORE_YEAR and lowered not in MONTHS and lowered not in WEEKDAYS
