"""Dates written in Persian text: Solar Hijri and Gregorian, with their Persian names, and relative ones.

"۱۵ اسد ۱۴۰۰" is the day it converts to; "سرطان ۱۴۰۴" and "سال ۱۴۰۰" are the exact days they span, across
two Gregorian months or years, said so in the note and never rounded to one; "۱۵ اگست ۲۰۲۱" and "جولای ۲۰۲۵"
are Gregorian dates with Persian month names. Relative phrases ("دیروز", "روز جمعه آینده", "هفته گذشته", "دو
سال پیش", "ماه گذشته") resolve against the article's date; a month or a year before or after it is a Solar
Hijri one, the calendar the writer counts in, and the note says so. A count ("۱۴۰۰ نفر", "۱۶ ساله") has no
calendar word and is no date; a month name that is an ordinary word too (اسد، جدی، میزان) is a month only with
a day, a year or the word ماه.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from generator.extract.calendar_days import date_or_none, month_end, widened
from generator.extract.time_expression import NO_YEAR, UNKNOWN_ARTICLE_DATE, Reference, Taken, TimeExpression
from generator.model import Precision
from generator.text import persian_calendar as calendar
from generator.text.lexicon import FIRST_YEAR, LAST_YEAR


def _names(names) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


_SH, _GM = _names(calendar.SOLAR_HIJRI_MONTH), _names(calendar.GREGORIAN_MONTH)
_PART = r"(?:(?P<part>اوایل|اوائل|اواسط|اواخر)\s+)?"
_NUMBER_WORDS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
                 "یازده": 11, "دوازده": 12}
_P = {
    "solar_hijri_day": rf"(?:{calendar.WEEKDAY}\s*[،,]?\s*)?(?P<d>\d{{1,2}}|اول|یکم)\s+(?:ماه\s+)?(?P<sm>{_SH})"
                       rf"(?:\s+(?:سال\s+)?(?P<y>\d{{4}}))?(?:\s*{calendar.SOLAR_HIJRI_MARK})?",
    "gregorian_day": rf"(?:{calendar.WEEKDAY}\s*[،,]?\s*)?(?P<d>\d{{1,2}}|اول|یکم)\s+(?:ماه\s+)?(?P<gm>{_GM})"
                     rf"(?:\s+(?:سال\s+)?(?P<y>\d{{4}}))?(?:\s*{calendar.GREGORIAN_MARK})?",
    "solar_hijri_month": rf"{_PART}(?P<cue>ماه\s+)?(?P<sm>{_SH})(?:ی?\s+(?:سال\s+)?(?P<y>\d{{4}}))?"
                         rf"(?P<mark>\s*{calendar.SOLAR_HIJRI_MARK})?",
    "gregorian_month": rf"{_PART}(?P<cue>ماه\s+)?(?P<gm>{_GM})(?:\s+(?:سال\s+)?(?P<y>\d{{4}}))?"
                       rf"(?:\s*{calendar.GREGORIAN_MARK})?",
    "year": rf"{_PART}سال\s+(?P<y>\d{{4}})(?:\s*(?P<mark>{calendar.SOLAR_HIJRI_MARK}|{calendar.GREGORIAN_MARK}))?"
            rf"|(?P<y2>\d{{4}})\s*(?P<mark2>{calendar.SOLAR_HIJRI_MARK}|{calendar.GREGORIAN_MARK})",
    "ago": rf"(?P<n>\d{{1,2}}|{_names(_NUMBER_WORDS)})\s+(?P<unit>روز|هفته|ماه|سال)\s+(?:پیش|قبل)",
    # "امروز، پنجشنبه،" (today, Thursday): the weekday in commas is the same day
    "named_day": rf"(?P<named>پریروز|دیروز|دیشب|امروز|امشب|فردا|پس\s?فردا)(?:\s*[،,]\s*(?:روز\s+)?{calendar.WEEKDAY}(?!\w)(?!\s*\d))?",
    "period": r"(?:این|همین)\s+(?P<this>ماه|سال)|(?P<unit>ماه|سال)\s+(?P<rel>گذشته|پیش|قبل|آینده|بعد|جاری|روان)"
              r"|(?P<named_year>امسال|پارسال)",
    # "روز دوشنبه" (on Monday), "روز جمعه آینده" (next Friday), "سه‌شنبه گذشته" (last Tuesday)
    "weekday": rf"(?:روز\s+)?(?P<wd>{calendar.WEEKDAY})(?:\s+(?P<rel>آینده|گذشته|پیش|قبل|بعد)(?!\w))?",
    # a week as the Persian calendar counts it, Saturday to Friday
    "week": r"(?:(?P<this>این)\s+هفته|هفته\s+(?P<rel>گذشته|پیش|قبل|آینده|بعد|جاری))",
}
_PATTERNS = {name: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") for name, pattern in _P.items()}
_RELATIVE = {"آینده": 1, "بعد": 1, "گذشته": -1, "پیش": -1, "قبل": -1, "جاری": 0, "روان": 0}
_COUNT_BEFORE = re.compile(r"(?:\d|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|چند|چندین)\s+$")
#: Words before a date that say how it bounds what happened: "پس از" after, "تا" until, "از" since …
_QUALIFIERS = ((re.compile(r"(?:پس|بعد)\s+از\s+$"), "after"), (re.compile(r"(?:پیش|قبل)\s+از\s+$"), "before"),
               (re.compile(r"(?<!\w)تا\s+$"), "until"), (re.compile(r"(?<!\w)از\s+(?:زمان\s+)?$"), "since"),
               (re.compile(r"(?:حدود|حوالی)\s+$"), "about"))
#: A verb in the future, or words of a plan: "خواهند کرد" (will do), "قرار است" (is to); not "می‌خواهند" (they want).
_FUTURE = re.compile(r"(?<!\w)(?<!می )(?<!نمی )(?:خواه(?:م|ی|د|یم|ید|ند)|قرار\s+(?:است|شده)|در\s+نظر\s+دار(?:د|ند))(?!\w)")
_CLAUSE_MARK = re.compile(r"[.،,:؛;!؟?«»]")
_PARTS = {"اوایل": (1, 10), "اوائل": (1, 10), "اواسط": (11, 20), "اواخر": (21, 31)}


def persian_time_expressions(sentence: str, reference: Reference, taken: Taken) -> list[TimeExpression]:
    """Every Persian date expression in the sentence, each span added to `taken`, resolved as far as the
    article's date allows."""
    text = calendar.normalised(sentence)
    found = []
    for name, pattern in _PATTERNS.items():
        for match in pattern.finditer(text):
            if taken.overlaps(match.start(), match.end()):
                continue
            expression = _RESOLVERS[name](_Match(match, sentence, text, reference))
            if expression is not None:
                found.append(expression)
                taken.add(match.start(), match.end())
        taken.commit()
    return _ranges(sorted(found, key=lambda e: e.start), sentence, text)


_FROM = re.compile(r"(?<!\w)از\s+(?:(?:اول|آغاز|ابتدای|اوایل)\s+)?$")
_UNTIL = re.compile(r"\s+تا\s+")


def _ranges(found: list[TimeExpression], sentence: str, text: str) -> list[TimeExpression]:
    """"از اول ژانویه تا ۳۰ ژوئن ۲۰۲۵" (from 1 January to 30 June) is one span, from the first date's first day to
    the second's last. "از ۲۴ اسد ۱۴۰۰ تاکنون" (from 24 Asad 1400 until now) stays that day, since when."""
    merged, index = [], 0
    while index < len(found):
        first = found[index]
        if first.first is not None and _FROM.search(text, 0, first.start):
            second = found[index + 1] if index + 1 < len(found) else None
            if second is not None and second.last is not None and _UNTIL.fullmatch(text, first.end, second.start):
                merged.append(_span(sentence, first, second.end, second.last, second.planned,
                                    "as written" if {first.basis, second.basis} == {"as written"} else "article date",
                                    "from the first date's first day to the second's last"))
                index += 2
                continue
        merged.append(first)
        index += 1
    return merged


def _span(sentence: str, first: TimeExpression, end: int, last: dt.date, planned: bool, basis: str,
          note: str) -> TimeExpression:
    return TimeExpression(sentence[first.start:end], first.start, end, first.first, last, Precision.SPAN, "on", basis,
                          note, planned)


@dataclass(frozen=True)
class _Match:
    match: re.Match[str]
    sentence: str  # as written
    text: str  # normalised: ASCII digits, Persian letters, joiners as spaces
    ref: Reference

    def group(self, name: str) -> str | None:
        return self.match.groupdict().get(name)

    @property
    def qualifier(self) -> str:
        before = self.text[max(0, self.match.start() - 20):self.match.start()]
        return next((qualifier for pattern, qualifier in _QUALIFIERS if pattern.search(before)), "on")

    def make(self, first, last, precision, basis, note="", qualifier=None, planned=False) -> TimeExpression:
        ref = self.ref
        if ref.date is not None and not ref.inferred and first is not None and first > ref.date:
            planned = True  # after the day it was written: it had not happened yet
        planned = planned or (first is not None or basis == "unresolved") and self.future
        return TimeExpression(self.sentence[self.match.start():self.match.end()], self.match.start(),
                              self.match.end(), first, last, precision, qualifier or self.qualifier, basis, note,
                              planned)

    def relative(self, first, last, precision, note="", qualifier=None, planned=False) -> TimeExpression | None:
        if self.ref.date is None:
            return self.make(None, None, None, "unresolved", UNKNOWN_ARTICLE_DATE)
        inferred = "relative to the article's inferred date" if self.ref.inferred else ""
        note = "; ".join(part for part in (note, inferred) if part)
        return self.make(first, last, precision, "article date", note, qualifier, planned)

    @property
    def future(self) -> bool:
        """The date's own clause speaks of the future: "… در سپتامبر ۲۰۲۵ برگزار خواهد شد", "قرار است روز …".
        The clause runs from the punctuation before the date to the one after it, so a future verb of another
        clause or inside a quotation ("روز سه‌شنبه گفت: «… خواهد …»") says nothing of this date."""
        before = _CLAUSE_MARK.split(self.text[:self.match.start()])[-1]
        after = _CLAUSE_MARK.split(self.text[self.match.end():], maxsplit=1)[0]
        return bool(_FUTURE.search(before) or _FUTURE.search(after))


def _solar_hijri_day(m: _Match) -> TimeExpression | None:
    month, day = calendar.SOLAR_HIJRI_MONTH[m.group("sm")], _day(m.group("d"))
    written = f"{day} {m.group('sm')}"
    if m.group("y"):
        year = int(m.group("y"))
        if year not in calendar.SOLAR_HIJRI_YEARS:
            return None
        value = calendar.solar_hijri_day(year, month, day)
        if value is None:
            return m.make(None, None, None, "invalid", f"'{written} {year}' is no day of the Solar Hijri calendar")
        return m.make(value, value, Precision.DAY, "as written", f"Solar Hijri {written} {year} ({calendar.month_name(month)}), converted")
    if m.ref.date is None:
        return m.make(None, None, None, "unresolved", NO_YEAR)
    year = calendar.solar_hijri_of(m.ref.date)[0]
    value = calendar.solar_hijri_day(year, month, day)
    if value is not None and value > m.ref.date and not m.future:
        year -= 1
        value = calendar.solar_hijri_day(year, month, day)
    if value is None:
        return None
    return m.relative(value, value, Precision.DAY, f"Solar Hijri {written}, in {year}: the year of the article's date")


def _gregorian_day(m: _Match) -> TimeExpression | None:
    month, day = calendar.GREGORIAN_MONTH[m.group("gm")], _day(m.group("d"))
    if m.group("y"):
        year = int(m.group("y"))
        value = date_or_none(year, month, day)
        if year in calendar.SOLAR_HIJRI_YEARS or value is None:
            return None
        return m.make(value, value, Precision.DAY, "as written")
    if m.ref.date is None:
        return m.make(None, None, None, "unresolved", NO_YEAR)
    year = m.ref.date.year
    value = date_or_none(year, month, day)
    if value is not None and value > m.ref.date and not m.future:
        year, value = year - 1, date_or_none(year - 1, month, day)
    return m.relative(value, value, Precision.DAY) if value else None


def _solar_hijri_month(m: _Match) -> TimeExpression | None:
    name, month = m.group("sm"), calendar.SOLAR_HIJRI_MONTH[m.group("sm")]
    cued = bool(m.group("cue") or m.group("mark") or m.group("part")) or "سال" in m.match.group(0) \
        or _date_preposition(m)
    if m.group("y"):
        year = int(m.group("y"))
        if year not in calendar.SOLAR_HIJRI_YEARS or (name in calendar.AMBIGUOUS_MONTH_NAMES and not cued):
            return None
        return _month_span(m, year, month, "as written")
    if not m.group("cue"):
        return None
    if m.ref.date is None:
        return m.make(None, None, None, "unresolved", NO_YEAR)
    year = calendar.solar_hijri_of(m.ref.date)[0]
    if calendar.solar_hijri_month_days(year, month)[0] > m.ref.date and not m.future:
        year -= 1
    return _month_span(m, year, month, "article date")


def _month_span(m: _Match, year: int, month: int, basis: str) -> TimeExpression:
    first, last = calendar.solar_hijri_month_days(year, month)
    part = m.group("part")
    if part:
        low, high = _PARTS[part]
        first, last = first + dt.timedelta(days=low - 1), min(last, first + dt.timedelta(days=high - 1))
    note = (f"Solar Hijri {calendar.month_of_year(month, year)}: {calendar.span_text(first, last)}"
            + (", across two Gregorian months" if first.month != last.month else ""))
    qualifier = "about" if part else None
    if basis == "as written":
        return m.make(first, last, Precision.SPAN, basis, note, qualifier)
    return m.relative(first, last, Precision.SPAN, note, qualifier)


def _gregorian_month(m: _Match) -> TimeExpression | None:
    name, month = m.group("gm"), calendar.GREGORIAN_MONTH[m.group("gm")]
    if m.group("y"):
        year = int(m.group("y"))
        if year in calendar.SOLAR_HIJRI_YEARS or not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        return m.make(dt.date(year, month, 1), month_end(year, month), Precision.MONTH, "as written",
                      qualifier="about" if m.group("part") else None)
    if not m.group("cue") or name in calendar.SHORT_GREGORIAN_MONTH_NAMES:
        return None
    if m.ref.date is None:
        return m.make(None, None, None, "unresolved", NO_YEAR)
    year = m.ref.date.year if month <= m.ref.date.month or m.future else m.ref.date.year - 1
    return m.relative(dt.date(year, month, 1), month_end(year, month), Precision.MONTH)


def _year(m: _Match) -> TimeExpression | None:
    year, mark = int(m.group("y") or m.group("y2")), (m.group("mark") or m.group("mark2") or "")
    gregorian = mark.startswith("م")
    if year in calendar.SOLAR_HIJRI_YEARS and not gregorian:
        first, last = calendar.solar_hijri_year_days(year)
        return m.make(first, last, Precision.SPAN, "as written",
                      f"Solar Hijri year {year}: {calendar.span_text(first, last)}, across two Gregorian years",
                      qualifier="about" if m.group("part") else None)
    if FIRST_YEAR <= year <= LAST_YEAR and (gregorian or not mark):
        return m.make(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, "as written",
                      qualifier="about" if m.group("part") else None)
    return None


def _ago(m: _Match) -> TimeExpression | None:
    if m.ref.date is None:
        return m.relative(None, None, None)
    count = _NUMBER_WORDS.get(m.group("n")) or int(m.group("n"))
    unit = {"روز": "day", "هفته": "week", "ماه": "month", "سال": "year"}[m.group("unit")]
    precision = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}[unit]
    first, last = widened(m.ref.date - relativedelta(**{f"{unit}s": count}), precision)
    return m.relative(first, last, precision, qualifier="about" if unit != "day" else None)


def _named_day(m: _Match) -> TimeExpression | None:
    offset = {"پریروز": -2, "دیروز": -1, "دیشب": -1, "امروز": 0, "امشب": 0, "فردا": 1}.get(
        m.group("named").replace(" ", ""), 2)
    if m.ref.date is None:
        return m.relative(None, None, None)
    value = m.ref.date + dt.timedelta(days=offset)
    return m.relative(value, value, Precision.DAY, planned=offset > 0)


def _period(m: _Match) -> TimeExpression | None:
    """"ماه گذشته", "سال آینده", "امسال": a Solar Hijri month or year before, after or of the article's date."""
    if _COUNT_BEFORE.search(m.text, 0, m.match.start()):
        return None  # "چند ماه پیش" (some months ago), "سه سال بعد" (three years later): counted from elsewhere
    unit = m.group("this") or m.group("unit") or "سال"
    offset = 0 if m.group("this") else _RELATIVE.get(m.group("rel") or "", 0)
    offset = {"امسال": 0, "پارسال": -1}.get(m.group("named_year") or "", offset)
    if m.ref.date is None:
        return m.relative(None, None, None)
    if m.ref.gregorian_months:
        return _gregorian_period(m, unit, offset)
    year, month, _ = calendar.solar_hijri_of(m.ref.date)
    if unit == "ماه":
        month += offset
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        first, last = calendar.solar_hijri_month_days(year, month)
        note = (f"the Solar Hijri month {calendar.month_of_year(month, year)}, counted from the article's date: "
                f"{calendar.span_text(first, last)}")
    else:
        year += offset
        first, last = calendar.solar_hijri_year_days(year)
        note = f"the Solar Hijri year {year}, counted from the article's date: {calendar.span_text(first, last)}"
    return m.relative(first, last, Precision.SPAN, note, planned=offset > 0)


def _gregorian_period(m: _Match, unit: str, offset: int) -> TimeExpression | None:
    """The article is dated in the Gregorian calendar: its writer counts months and years in it too."""
    if unit == "ماه":
        first = m.ref.date.replace(day=1) + relativedelta(months=offset)
        return m.relative(first, month_end(first.year, first.month), Precision.MONTH, planned=offset > 0)
    year = m.ref.date.year + offset
    return m.relative(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, planned=offset > 0)


def _weekday(m: _Match) -> TimeExpression | None:
    """"روز جمعه آینده" is the coming Friday: after the article's date, so not yet happened when it was written."""
    weekday = calendar.WEEKDAYS[m.group("wd").replace(" ", "")]
    rel = _RELATIVE.get(m.group("rel") or "", 0)
    if m.ref.date is None:
        return m.relative(None, None, None)
    if rel > 0 or (rel == 0 and m.future):
        value = m.ref.date + dt.timedelta(days=(weekday - m.ref.date.weekday()) % 7 or 7)
    else:
        back = (m.ref.date.weekday() - weekday) % 7
        value = m.ref.date - dt.timedelta(days=back or (7 if rel < 0 else 0))
    return m.relative(value, value, Precision.DAY, planned=value > m.ref.date)


def _week(m: _Match) -> TimeExpression | None:
    """"هفته گذشته" is the Saturday-to-Friday week before the article's; "سه هفته بعد" counts from elsewhere."""
    if _COUNT_BEFORE.search(m.text, 0, m.match.start()):
        return None
    if m.ref.date is None:
        return m.relative(None, None, None)
    offset = 0 if m.group("this") else _RELATIVE.get(m.group("rel") or "", 0)
    saturday = m.ref.date - dt.timedelta(days=(m.ref.date.weekday() - 5) % 7) + dt.timedelta(weeks=offset)
    return m.relative(saturday, saturday + dt.timedelta(days=6), Precision.WEEK, planned=offset > 0)


def _date_preposition(m: _Match) -> bool:
    """"در سرطان ۱۴۰۳" (in Saratan 1403): a preposition of time right before a month name without a day."""
    return bool(re.search(r"(?<!\w)(?:در|از|تا|طی|اوایل|اواخر|اواسط)\s+$", m.text[max(0, m.match.start() - 12):
                                                                                  m.match.start()]))


def _day(written: str) -> int:
    """"۱۵", or "اول" / "یکم" (the first): "اول سپتامبر ۲۰۲۵" is 1 September."""
    return 1 if written in ("اول", "یکم") else int(written)


_RESOLVERS = {"solar_hijri_day": _solar_hijri_day, "gregorian_day": _gregorian_day,
              "solar_hijri_month": _solar_hijri_month, "gregorian_month": _gregorian_month, "year": _year,
              "ago": _ago, "named_day": _named_day, "period": _period, "weekday": _weekday, "week": _week}
