"""Calendar words and patterns shared by cleaning (date lines) and extraction (dates in text)."""

from __future__ import annotations

import re

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

#: A whole line that is only a date: "Jul 5", "5 July 2025", "Friday, July 4, 2025", "2025-07-04".
DATE_ONLY = re.compile(
    rf"""^(?:(?:date|published|updated|posted|last\ updated)\s*:?\s*)?
        (?:{WEEKDAY},?\s+)?
        (?:
            (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
          | (?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?
          | (?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?
        )
        (?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_date_only(line: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date-only line; None when the line is not one."""
    match = DATE_ONLY.match(line.strip())
    if not match:
        return None
    if match["iso"]:
        year, month, day = (int(part) for part in match["iso"].split("-"))
        return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    month_word = match["m1"] or match["m2"]
    day_word = match["d1"] or match["d2"]
    year_word = match["y1"] or match["y2"]
    month = MONTHS[month_word.rstrip(".").lower()]
    day = int(re.sub(r"\D", "", day_word))
    return (int(year_word) if year_word else None, month, day)
