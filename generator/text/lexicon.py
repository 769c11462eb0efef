"""Words and patterns shared by the stages: calendar words, release headers, the heads of bodies' names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from generator.resources import data_lines
from generator.text import persian_calendar

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july",
     "august", "september", "october", "november", "december"), start=1):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {
    name: number for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}

MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
#: The years `YEAR` reads; a date line or sidecar date outside them is refused, not computed with
#: (9999-12-31 plus "next week" is past the end of Python's calendar).
FIRST_YEAR, LAST_YEAR = 1800, 2099

#: A whole line that is only a date: "Mar 2", "2 March 1987", "Monday, March 2, 1987", "1987-03-02".
DATE_ONLY = re.compile(
    rf"""^(?:(?:date|published|updated|posted|last\ updated)\s*:?\s*)?
        (?:{WEEKDAY},?\s+)?
        (?:
            (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
          | (?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?
          | (?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?
          | (?P<n1>\d{{1,4}})[/.](?P<n2>\d{{1,2}})[/.](?P<n3>\d{{1,4}})
        )
        (?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A line that is only the address of the original: "https://…", "Source: https://…".
def web_address_host(url: str) -> str | None:
    """The host of an http(s) address, or None when it is no usable address ("https://[evil" has none)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    return host if parts.scheme.lower() in ("http", "https") and host else None


#: Stands where an address held a protected name (`protect`): the link is not published at all.
WITHHELD_LINK = "[link withheld]"
SOURCE_URL = re.compile(rf"^(?:(?:source|url|link|original|via)\s*:\s*)?<?(https?://[^\s<>]{{4,500}}|"
                        rf"{re.escape(WITHHELD_LINK)})>?$", re.IGNORECASE)

#: A press release's or statement's header, with the issuer's name before or after it.
RELEASE_HEADER = re.compile(
    r"^(?:(?P<before>[^|:–—]{2,80}?)\s*[|:–—-]\s*)?(?:for immediate release|(?:joint |public )?(?:press|news|media) "
    r"(?:release|statement)|public statement|joint statement|embargoed(?: until| till)? .{0,60})"
    r"(?:\s*[|:–—-]\s*(?P<after>[^|:–—]{2,80}))?\s*$", re.IGNORECASE)


def word_list(name: str) -> frozenset[str]:
    """A list of words kept as data (`generator/data/NAME.txt`: one a line, `#` comments), not as code."""
    return frozenset(line.strip().lower() for line in data_lines(name))


#: Words that make a name a body's: "Bank of Japan Governor Satoshi Sumita" names a bank.
ORGANISATION_HEADS = word_list("organisation_heads")
#: Plural nouns a body's name holds in the possessive: "Afghan Women's Justice Collective".
GROUP_NOUNS = word_list("group_nouns")
#: "du", "van der", "bin": small words inside a person's surname ("Barend du Plessis", "du Plessis said").
NAME_PARTICLES = word_list("name_particles")
def _happenings() -> tuple[dict[str, str], frozenset[str]]:
    phrases: dict[str, str] = {}
    once = set()
    for line in data_lines("happenings"):
        kind, _, words = line.partition(":")
        kind = kind.strip()
        if kind.endswith("[once]"):
            kind = kind.removesuffix("[once]").strip()
            once.add(kind)
        phrases.update({phrase.strip().lower(): kind for phrase in words.split(",") if phrase.strip()})
    return phrases, frozenset(once)


#: Phrase -> the kind of happening it names ("return to power" -> "came to power"): `data/happenings.txt`;
#: and the kinds that happen once to an actor, so a mention without a date can be dated by another report.
HAPPENING_PHRASES, HAPPENS_ONCE = _happenings()
HAPPENING = re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in sorted(HAPPENING_PHRASES, key=len, reverse=True))
                       + r")(?:['’]s|s|es)?(?![\w-])", re.IGNORECASE)


def happenings_in(text: str) -> list[tuple[str, str]]:
    """Every kind of happening the text names, once each, with its words as first written."""
    found: dict[str, str] = {}
    for match in HAPPENING.finditer(text):
        found.setdefault(HAPPENING_PHRASES[match[1].lower()], match[0])
    return list(found.items())


@lru_cache(maxsize=1 << 16)  # asked of the same clauses by merging, attaching and conflicts
def happening_in(text: str) -> tuple[str, str]:
    """The kind of happening the text names first, and its words as written (("", "") for none):
    "since the group seized control" -> ("came to power", "seized control")."""
    match = HAPPENING.search(text)
    return (HAPPENING_PHRASES[match[1].lower()], match[0]) if match else ("", "")




@dataclass(frozen=True)
class DateLine:
    """What a date-only line says: a full or partial date, or why it cannot be read."""

    year: int | None
    month: int | None
    day: int | None
    note: str = ""  # how it was read ("Solar Hijri 24/5/1400"), or why it was not
    problem: str = ""  # set when the line is a date that cannot be used: ambiguous or impossible


_TIME = r"(?:ساعت\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:ق\.?\s?ظ|ب\.?\s?ظ|صبح|عصر|شب))?"
#: "تاریخ نشر" (published), "به‌روزرسانی" (updated) …, read in normalised text (a joiner is a space).
_PERSIAN_DATE_LABEL = (r"(?:(?:تاریخ(?:\s(?:نشر|انتشار|ثبت))?|منتشر\sشده|نشر\sشده|نشر|انتشار|(?:آخرین\s)?به\s?روز\s?(?:رسانی|شده)"
                       r"|بروزرسانی|به\sروز\sرسانی)(?:\sدر)?)")
#: What stands around a numeric date on a Persian page: "تاریخ انتشار: سه‌شنبه ۱۴۰۴/۰۴/۲۴ - ۱۱:۲۰".
_PERSIAN_AROUND_NUMERIC = re.compile(
    rf"^(?:{_PERSIAN_DATE_LABEL}\s*:?\s*)?(?:{persian_calendar.WEEKDAY}\s*[،,]?\s*)?|\s*[-–|،,]?\s*{_TIME}\s*$")
_ANY_MONTH = "|".join(sorted({*persian_calendar.SOLAR_HIJRI_MONTH, *persian_calendar.GREGORIAN_MONTH}, key=len,
                             reverse=True))
#: "۱۷ سرطان ۱۴۰۴", "دوشنبه، ۱۷ سرطان ۱۴۰۴ ه‍.ش", "تاریخ نشر: ۱۷ تیر ۱۴۰۴ - ۱۰:۴۵", "۵ جولای ۲۰۲۵"
#: (read in `persian_calendar.normalised` text: ASCII digits, Persian letters, a joiner as a space).
PERSIAN_DATE_ONLY = re.compile(
    rf"""^(?:{_PERSIAN_DATE_LABEL}\s*:?\s*)?(?:{_TIME}\s*[-–|،,]?\s*)?(?:{persian_calendar.WEEKDAY}\s*[،,]?\s*)?
        (?P<day>\d{{1,2}})\s+(?P<month>{_ANY_MONTH})\s+(?P<year>\d{{4}})
        (?:\s*(?:{persian_calendar.SOLAR_HIJRI_MARK}|{persian_calendar.GREGORIAN_MARK}|ش))?
        (?:\s*[-–|/،,(]\s*\d{{1,2}}\s+(?:{_ANY_MONTH})\s+\d{{4}}(?:\s*{persian_calendar.GREGORIAN_MARK})?\)?)?
        (?:\s*[-–|،,]?\s*{_TIME})?\s*$""", re.VERBOSE)


def parse_date_only(line: str) -> DateLine | None:
    """What a date-only line says; None when the line is not a date line at all."""
    text = persian_calendar.normalised(line.strip())  # Persian and Arabic-Indic digits as ASCII, Persian letters
    persian = PERSIAN_DATE_ONLY.match(" ".join(text.split()))
    if persian:
        day, month_word, year = int(persian["day"]), persian["month"], int(persian["year"])
        if month_word in persian_calendar.GREGORIAN_MONTH:
            return _checked(year, persian_calendar.GREGORIAN_MONTH[month_word], day,
                            f"'{day} {month_word} {year}': a Gregorian date with the month's Persian name")
        return _solar_hijri(year, persian_calendar.SOLAR_HIJRI_MONTH[month_word], day, f"{day} {month_word} {year}")
    match = DATE_ONLY.match(text) or DATE_ONLY.match(_PERSIAN_AROUND_NUMERIC.sub("", text))
    if not match:
        return None
    if match["iso"]:
        year, month, day = (int(part) for part in match["iso"].split("-"))
        return _checked(year, month, day, "")
    if match["n1"]:
        return _numeric(int(match["n1"]), int(match["n2"]), int(match["n3"]), match.group(0).strip())
    month_word = match["m1"] or match["m2"]
    day_word = match["d1"] or match["d2"]
    year_word = match["y1"] or match["y2"]
    month = MONTHS[month_word.rstrip(".").lower()]
    day = int(re.sub(r"\D", "", day_word))
    if year_word:
        return _checked(int(year_word), month, day, "")
    if not _exists(2000, month, day):  # 2000 is a leap year: 29 February may exist
        return DateLine(None, None, None, problem=f"there is no day {day} in {month_word}")
    return DateLine(None, month, day)


def _numeric(first: int, second: int, third: int, text: str) -> DateLine:
    """1400/5/24 and 24/5/1400 (Solar Hijri), 2021/08/15 (Y/M/D), 25/04/2021 (D/M/Y); 03/04/2021 is refused."""
    if first > 31:  # year first
        if first in persian_calendar.SOLAR_HIJRI_YEARS:
            return _solar_hijri(first, second, third, text, f"{third}/{second}/{first}")
        return _checked(first, second, third, "read as year/month/day")
    if third < 1000:
        return DateLine(None, None, None, problem=f"'{text}' has no four-digit year")
    if third in persian_calendar.SOLAR_HIJRI_YEARS:  # 22/4/1404: Persian sites write day/month/year too
        return _solar_hijri(third, second, first, text, f"{first}/{second}/{third}")
    if first <= 12 and second <= 12 and first != second:
        return DateLine(None, None, None, problem=f"'{text}' is ambiguous: day/month or month/day")
    if first == second:
        return _checked(third, first, second, "day and month are the same number")
    if first > 12:
        return _checked(third, second, first, "read as day/month/year (the first number is above 12)")
    return _checked(third, first, second, "read as month/day/year (the second number is above 12)")


def _solar_hijri(year: int, month: int, day: int, text: str, written: str | None = None) -> DateLine:
    """A Solar Hijri date as the Gregorian day it is, the original kept in the note."""
    value = persian_calendar.solar_hijri_day(year, month, day)
    if value is None:
        return DateLine(None, None, None, problem=f"'{text}' is not a date in the Solar Hijri calendar")
    named = f" ({persian_calendar.month_name(month)})" if written is None else ""
    return DateLine(value.year, value.month, value.day,
                    note=f"Solar Hijri {written or text}{named}, converted to the Gregorian calendar")


def _checked(year: int, month: int, day: int, note: str) -> DateLine:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return DateLine(None, None, None, problem=f"the year {year} is outside the years read as dates "
                                                  f"({FIRST_YEAR}–{LAST_YEAR})")
    if not _exists(year, month, day):
        return DateLine(None, None, None, problem=f"{year:04d}-{month:02d}-{day:02d} is not a real date")
    return DateLine(year, month, day, note=note)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def is_acronym(word: str) -> bool:
    """Written in capitals, two to six letters once dots are gone: "IMF", "U.S.", "OECD"."""
    bare = word.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


#: A byline's label, in English or in Persian (نویسنده "writer", گزارشگر and خبرنگار "reporter", به قلم "by the pen
#: of"; گزارش "report", نوشته "written" and تهیه‌کننده "prepared by" only with a colon): what follows it names who
#: wrote the article.
BYLINE_LABEL = re.compile(
    r"^(?:(?:by|writer|author|authors|written by|reporter|reported by|reporting by)\s*[:\-]?\s+"
    r"|(?:نویسنده|نویسندگان|گزارشگر|خبرنگار|به\sقلم)\s*[:\-]?\s*|(?:گزارش|نوشته|تهیه[\s\u200c]کننده)\s*:\s*)",
    re.IGNORECASE)
