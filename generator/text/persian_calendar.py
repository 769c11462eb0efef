"""The calendars Persian news is dated in: the Solar Hijri one (Afghan and Iranian month names) and the
Gregorian one with its months spelt in Persian (Afghan "جولای", Iranian "ژوئیه").

A Solar Hijri month runs from about the 21st of one Gregorian month to about the 21st of the next, and its
year from about 21 March: a month or a year of it is a span of exact days, never one Gregorian month or year.
"""

from __future__ import annotations

import datetime as dt

import jdatetime

#: The Solar Hijri months by their Afghan (Dari: Hamal … Hut) and Iranian (Farvardin … Esfand) names, in order.
SOLAR_HIJRI_MONTHS = (("حمل", "فروردین"), ("ثور", "اردیبهشت"), ("جوزا", "خرداد"), ("سرطان", "تیر"),
                      ("اسد", "مرداد", "امرداد"), ("سنبله", "شهریور"), ("میزان", "مهر"), ("عقرب", "آبان"),
                      ("قوس", "آذر"), ("جدی", "دی"), ("دلو", "بهمن"), ("حوت", "اسفند"))
AFGHAN_MONTH_NAMES = ("Hamal", "Sawr", "Jawza", "Saratan", "Asad", "Sunbula", "Mizan", "Aqrab", "Qaws", "Jadi",
                      "Dalw", "Hut")
IRANIAN_MONTH_NAMES = ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar",
                       "Dey", "Bahman", "Esfand")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth")
SOLAR_HIJRI_MONTH = {name: number for number, names in enumerate(SOLAR_HIJRI_MONTHS, start=1) for name in names}
#: Month names that are ordinary words too (اسد "lion" and a given name, جدی "serious", میزان "amount", تیر
#: "bullet", مهر "seal", دی "yesterday's"): without a day they are a month only after ماه or with a calendar mark.
AMBIGUOUS_MONTH_NAMES = frozenset("حمل ثور سرطان اسد میزان عقرب قوس جدی دلو حوت تیر مهر آذر دی بهمن".split())
#: Years this low are Solar Hijri (1404 SH began in March 2025); a Gregorian year is four digits from 1800.
SOLAR_HIJRI_YEARS = range(1200, 1500)

#: The Gregorian months as Persian writes them: Afghan spellings from English, Iranian ones from French.
GREGORIAN_MONTHS = (("جنوری", "ژانویه"), ("فبروری", "فیبروری", "فوریه"),
                    ("مارچ", "مارس"), ("اپریل", "آپریل", "آوریل"), ("می", "مه", "مئی"), ("جون", "ژوئن", "جوون"),
                    ("جولای", "جولائی", "ژوئیه", "ژوییه"), ("اگست", "آگست", "اگوست", "آگوست", "اوت"),
                    ("سپتمبر", "سپتامبر"), ("اکتوبر", "اکتبر"), ("نومبر", "نوامبر"), ("دسمبر", "دیسمبر", "دسامبر"))
GREGORIAN_MONTH = {name: number for number, names in enumerate(GREGORIAN_MONTHS, start=1) for name in names}
#: "می" is also the verb prefix and "مه" fog: a Gregorian month only with a day before it or a year after it.
SHORT_GREGORIAN_MONTH_NAMES = frozenset({"می", "مه", "مئی"})

#: Persian weekday names (without their joiner or space) by Python's weekday number.
WEEKDAYS = {"دوشنبه": 0, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "جمعه": 4, "شنبه": 5, "یکشنبه": 6}
WEEKDAY = r"(?:(?:یک|دو|سه|چهار|پنج)\s?شنبه|شنبه|جمعه)"
#: The marks that say a year is Solar Hijri ("ه.ش", "هجری شمسی", "خورشیدی") or Gregorian ("م", "میلادی").
SOLAR_HIJRI_MARK = r"(?:ه[\u200d‍]?\s?\.?\s?ش\b\.?|هجری\s(?:شمسی|خورشیدی)|خورشیدی|شمسی)"
GREGORIAN_MARK = r"(?:میلادی|م\b\.?)"

#: Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII, Arabic ي and ك as Persian ی and ک, a joiner as a space:
#: one character for one, so a match in the normalised text is at the same place in the original.
_NORMAL = str.maketrans({**{c: str(i % 10) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")},
                         "ي": "ی", "ى": "ی", "ك": "ک", "\u200c": " "})


def normalised(text: str) -> str:
    """The text as the calendar patterns read it, the same length as the original."""
    return text.translate(_NORMAL)


def month_name(month: int) -> str:
    """"Saratan, the fourth month, Tir in Iran"."""
    return f"{AFGHAN_MONTH_NAMES[month - 1]}, the {ORDINALS[month - 1]} month, {IRANIAN_MONTH_NAMES[month - 1]} in Iran"


def month_of_year(month: int, year: int) -> str:
    """"Jadi 1402 (Dey in Iran)"."""
    return f"{AFGHAN_MONTH_NAMES[month - 1]} {year} ({IRANIAN_MONTH_NAMES[month - 1]} in Iran)"


def solar_hijri_day(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day a Solar Hijri date is; None for a day the calendar has not (31 Mizan, 30 Hut 1403)."""
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def solar_hijri_month_days(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last Gregorian days of a Solar Hijri month."""
    first = jdatetime.date(year, month, 1)
    following = jdatetime.date(year + 1, 1, 1) if month == 12 else jdatetime.date(year, month + 1, 1)
    return first.togregorian(), following.togregorian() - dt.timedelta(days=1)


def solar_hijri_year_days(year: int) -> tuple[dt.date, dt.date]:
    """The first and last Gregorian days of a Solar Hijri year (1 Hamal to the last day of Hut)."""
    return jdatetime.date(year, 1, 1).togregorian(), jdatetime.date(year + 1, 1, 1).togregorian() - dt.timedelta(days=1)


def solar_hijri_of(value: dt.date) -> tuple[int, int, int]:
    """The Solar Hijri year, month and day of a Gregorian day."""
    day = jdatetime.date.fromgregorian(date=value)
    return day.year, day.month, day.day


def span_text(first: dt.date, last: dt.date) -> str:
    """"22 June – 22 July 2025", "20 March 2024 – 20 March 2025": both ends, the year once where it is one."""
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"
