"""The words around a date: the qualifier they give it ("since 2001", "by March"), and the words that
make a number no date ("resolution 2004", "1800 tonnes", "Windows 2000")."""

from __future__ import annotations

import re

from generator.text.lexicon import MONTHS, WEEKDAYS, YEAR

QUALIFIERS = (
    (re.compile(r"(?:\bsince|\bever since|\bstarting (?:in|from))\s+(?:the\s+)?$", re.I), "since"),
    (re.compile(r"\bas early as\s+(?:the\s+)?$", re.I), "by"),
    (re.compile(r"(?:\bafter|\bfollowing|\blater than)\s+(?:the\s+)?$", re.I), "after"),
    (re.compile(r"(?:\bbefore|\bprior to|\bearlier than)\s+(?:the\s+)?$", re.I), "before"),
    (re.compile(r"\bby\s+(?:the\s+)?$", re.I), "by"),
    (re.compile(r"(?:\buntil|\btill|\bup to|\bthrough)\s+(?:the\s+)?$", re.I), "until"),
    (re.compile(r"(?:\baround|\babout|\bapproximately|\bcirca|\bc\.|\bsome time in|\bsometime in)\s+(?:the\s+)?$", re.I),
     "about"),
)


#: "at 1830 GMT", "2004 hours": a clock time, not a year; "rose by 1800 tonnes", "2000 workers": a count.
NOT_YEAR_AFTER = re.compile(
    r"\s*(?:gmt|bst|utc|cet|est|pst|hours|hrs|h\b|am\b|pm\b|a\.m|p\.m|(?:tonnes|tons|barrels|bpd|dlrs|dollars|"
    r"pounds|euros|marks|francs|yen|shares|people|jobs|workers|employees|troops|soldiers|votes|units|cars|"
    r"acres|hectares|km|miles|metres|meters|feet|kg|mw|pct|percent|per cent)\b)", re.IGNORECASE)


NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


NOT_YEAR_BEFORE = re.compile(r"(?:resolution|no\.?|number|article|law|decree|order|flight|page|room|model|code|"
                              r"[$£€#]|\d[,.])\s*$", re.IGNORECASE)


def qualifier_of(before: str) -> str:
    for pattern, qualifier in QUALIFIERS:
        if pattern.search(before):
            return qualifier
    return "on"


def cue_qualifier(cue: str) -> str:
    return {"since": "since", "after": "after", "before": "before", "by": "by",
            "until": "until", "till": "until"}.get(cue, "on")


#: Capitalised words that may stand before a year that is a date: calendar words, seasons, feasts,
#: and the function words a sentence may open with ("In 2005", "The 2004 election").
DATE_WORDS_BEFORE_YEAR = frozenset(
    "spring summer autumn fall winter christmas easter new year years fiscal fy financial q1 q2 q3 q4 h1 h2 "
    "in on at by for from since until till before after during between through throughout around about circa "
    "early late mid of and or to than the a an this that these those its their his her our last next every "
    "as also only even then until but while when where if so of year-end".split())


def names_a_year(sentence: str, text: str, start: int) -> bool:
    """"FIFA 2005", "Windows 2000", "Euro 2004": a bare year (`text`, at `start`) right after a capitalised word
    that is no calendar or function word is part of a name (a game, a product, an edition), not a date."""
    if not re.fullmatch(YEAR, text):
        return False
    word = re.search(r"([^\W\d_][\w'’.-]*)\s+$", sentence[max(0, start - 40):start])
    if not word or not word[1][0].isupper():
        return False
    lowered = word[1].lower().rstrip(".")
    return lowered not in DATE_WORDS_BEFORE_YEAR and lowered not in MONTHS and lowered not in WEEKDAYS
