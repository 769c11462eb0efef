"""Dates written in Persian text (generator/extract/persian_dates.py). Conversions checked by hand against the
Solar Hijri calendar: 24 Asad 1400 is 15 August 2021, the day Kabul fell; 1 Hamal 1403 was 20 March 2024."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.dates import find_time_expressions
from generator.extract.time_expression import Reference
from generator.model import Precision

#: Tuesday 8 July 2025 (17 Saratan 1404)
WRITTEN = Reference(date=dt.date(2025, 7, 8))


def one(sentence: str, reference: Reference = WRITTEN):
    found = find_time_expressions(sentence, reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("sentence", "day"), [
    ("طالبان در ۲۴ اسد ۱۴۰۰ کابل را گرفتند.", dt.date(2021, 8, 15)),
    ("طالبان در 24 اسد 1400 کابل را گرفتند.", dt.date(2021, 8, 15)),  # ASCII digits
    ("طالبان در ٢٤ مرداد ١٤٠٠ کابل را گرفتند.", dt.date(2021, 8, 15)),  # Arabic-Indic digits, Iranian month
    ("پس از ۱۵ اگست ۲۰۲۱ مکتب‌ها بسته شد.", dt.date(2021, 8, 15)),  # Gregorian month, Afghan spelling
    ("در ۱۵ اوت ۲۰۲۱ کابل سقوط کرد.", dt.date(2021, 8, 15)),  # Iranian spelling
    ("اول سپتامبر ۲۰۲۵ مهلت پایان می‌یابد.", dt.date(2025, 9, 1)),
])
def test_a_day_written_in_either_calendar_is_that_day(sentence, day):
    expression = one(sentence)
    assert (expression.first, expression.last, expression.precision) == (day, day, Precision.DAY)
    assert expression.basis == "as written"


def test_a_solar_hijri_month_is_the_exact_days_it_spans_across_two_gregorian_months():
    expression = one("این جنبش در ماه جدی سال ۱۴۰۲ تأسیس شد.")
    assert (expression.first, expression.last) == (dt.date(2023, 12, 22), dt.date(2024, 1, 20))
    assert expression.precision is Precision.SPAN
    assert "22 December 2023 – 20 January 2024, across two Gregorian months" in expression.note


def test_a_solar_hijri_year_runs_from_hamal_to_hut():
    expression = one("از سال ۱۴۰۰ به این سو زنان از کار منع شده‌اند.")
    assert (expression.first, expression.last) == (dt.date(2021, 3, 21), dt.date(2022, 3, 20))
    assert expression.qualifier == "since"


def test_a_gregorian_year_and_month_in_persian_are_gregorian():
    assert one("در سال ۲۰۲۱ میلادی").precision is Precision.YEAR
    month = one("دادگاه در جولای ۲۰۲۵ حکم داد.")
    assert (month.first, month.last, month.precision) == (dt.date(2025, 7, 1), dt.date(2025, 7, 31), Precision.MONTH)


@pytest.mark.parametrize("sentence", [
    "۱۴۰۰ نفر بازداشت شدند.",  # a count
    "دختران ۱۶ ساله از مکتب محروم‌اند.",  # an age
    "بر اساس قطعنامه ۱۳۲۵ شورای امنیت",  # a resolution's number
    "سرطان ۱۴۰۳ نفر را کشت.",  # سرطان is cancer too: without ماه, a day or a preposition, no month
    "او این موضوع را جدی گرفت.",  # جدی is "serious"
    "آنان می‌خواهند به خانه برگردند.",  # the verb prefix می is no month
])
def test_numbers_and_words_that_are_no_dates_stay_so(sentence):
    assert find_time_expressions(sentence, WRITTEN) == []


@pytest.mark.parametrize(("sentence", "first", "last"), [
    ("دیروز گفت", dt.date(2025, 7, 7), dt.date(2025, 7, 7)),
    ("دو روز پیش", dt.date(2025, 7, 6), dt.date(2025, 7, 6)),
    ("روز دوشنبه دیدار کرد", dt.date(2025, 7, 7), dt.date(2025, 7, 7)),
    ("سه‌شنبه گذشته", dt.date(2025, 7, 1), dt.date(2025, 7, 1)),
    ("هفته گذشته", dt.date(2025, 6, 28), dt.date(2025, 7, 4)),  # Saturday to Friday
    ("ماه گذشته", dt.date(2025, 5, 22), dt.date(2025, 6, 21)),  # Jawza 1404, the month before Saratan
])
def test_relative_phrases_resolve_against_the_article_date(sentence, first, last):
    expression = one(sentence)
    assert (expression.first, expression.last) == (first, last)
    assert not expression.planned


def test_today_thursday_is_one_day():
    expression = one("وزارت امروز، پنجشنبه، اعلام کرد", Reference(date=dt.date(2025, 7, 3)))
    assert expression.first == dt.date(2025, 7, 3)


def test_a_coming_day_or_a_future_verb_in_the_dates_own_clause_is_planned():
    friday = one("روز جمعه آینده تظاهرات می‌کنند.")
    assert (friday.first, friday.planned) == (dt.date(2025, 7, 11), True)
    assert one("نشست بعدی در سپتامبر ۲۰۲۵ برگزار خواهد شد.").planned
    # a future verb inside the quote a past verb brings in says nothing of the date
    tuesday = one("او روز سه‌شنبه گفت: «ما این کار را خواهیم کرد.»")
    assert (tuesday.first, tuesday.planned) == (dt.date(2025, 7, 8), False)


def test_last_month_counts_in_the_calendar_the_article_is_dated_in():
    gregorian = Reference(date=dt.date(2025, 7, 8), gregorian_months=True)
    expression = one("ماه گذشته", gregorian)
    assert (expression.first, expression.last, expression.precision) == (
        dt.date(2025, 6, 1), dt.date(2025, 6, 30), Precision.MONTH)


def test_without_the_article_date_a_relative_phrase_stays_unresolved():
    expression = one("دیروز گفت", Reference())
    assert expression.first is None and "unknown" in expression.note


def test_from_one_date_to_another_is_one_span_and_since_a_date_stays_that_date():
    span = one("از اول ژانویه تا ۳۰ ژوئن ۲۰۲۵ بیش از ۱۴۰۰ نفر بازگشتند.")
    assert (span.first, span.last, span.precision) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30), Precision.SPAN)
    since = one("از ۲۴ اسد ۱۴۰۰ تاکنون دختران از مکتب محروم‌اند.")
    assert (since.first, since.last, since.qualifier) == (dt.date(2021, 8, 15), dt.date(2021, 8, 15), "since")


def test_a_month_with_its_ezafe_before_the_year():
    expression = one("در جوزای ۱۴۰۴ آغاز شد.")
    assert (expression.first, expression.last) == (dt.date(2025, 5, 22), dt.date(2025, 6, 21))
