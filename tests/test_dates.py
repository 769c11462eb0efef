"""Temporal expressions: a table of sentences written for the tests, with reference dates and results."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.dates import Reference, find_time_expressions
from generator.model import Precision

D = dt.date
FRIDAY = Reference(D(2024, 3, 15))  # a Friday
UNKNOWN = Reference()

# sentence, reference, expected (phrase, first, last, precision, qualifier)
CASES = [
    ("The ceasefire was signed on 12 March.", FRIDAY, ("12 March", D(2024, 3, 12), D(2024, 3, 12), Precision.DAY, "on")),
    ("Talks opened on Tuesday (12 March) in Doha.", FRIDAY,
     ("Tuesday (12 March)", D(2024, 3, 12), D(2024, 3, 12), Precision.DAY, "on")),
    ("Talks opened on Tuesday, March 12, in Doha.", Reference(anchor_years=(2024,)),
     ("Tuesday, March 12", D(2024, 3, 12), D(2024, 3, 12), Precision.DAY, "on")),
    ("The embassy closed in February 1992.", FRIDAY, ("February 1992", D(1992, 2, 1), D(1992, 2, 29), Precision.MONTH, "on")),
    ("The movement was founded in 1994.", FRIDAY, ("1994", D(1994, 1, 1), D(1994, 12, 31), Precision.YEAR, "on")),
    ("Schools have been closed since 2022.", FRIDAY, ("2022", D(2022, 1, 1), D(2022, 12, 31), Precision.YEAR, "since")),
    ("The court ruled in January 2023 that the law stood.", FRIDAY,
     ("January 2023", D(2023, 1, 1), D(2023, 1, 31), Precision.MONTH, "on")),
    ("The minister resigned on Wednesday.", FRIDAY, ("Wednesday", D(2024, 3, 13), D(2024, 3, 13), Precision.DAY, "on")),
    ("The report was published Sunday.", FRIDAY, ("Sunday", D(2024, 3, 10), D(2024, 3, 10), Precision.DAY, "on")),
    ("Last week, the council voted again.", FRIDAY, ("Last week", D(2024, 3, 4), D(2024, 3, 10), Precision.WEEK, "on")),
    ("The ban was lifted in April this year.", FRIDAY,
     ("April this year", D(2024, 4, 1), D(2024, 4, 30), Precision.MONTH, "on")),
    ("He called them partners in June last year.", FRIDAY,
     ("June last year", D(2023, 6, 1), D(2023, 6, 30), Precision.MONTH, "on")),
    ("Envoys had met in Oslo as early as 2016.", FRIDAY,
     ("as early as 2016", D(2016, 1, 1), D(2016, 12, 31), Precision.YEAR, "by")),
    ("Aid flows fell sharply in the 1990s.", FRIDAY, ("the 1990s", D(1990, 1, 1), D(1999, 12, 31), Precision.DECADE, "on")),
    ("Fighting resumed after 2019.", FRIDAY, ("2019", D(2019, 1, 1), D(2019, 12, 31), Precision.YEAR, "after")),
    ("The office stayed open until 2020.", FRIDAY, ("2020", D(2020, 1, 1), D(2020, 12, 31), Precision.YEAR, "until")),
    ("Three years ago the border was open.", FRIDAY,
     ("Three years ago", D(2021, 1, 1), D(2021, 12, 31), Precision.YEAR, "about")),
    ("The statement came yesterday.", FRIDAY, ("yesterday", D(2024, 3, 14), D(2024, 3, 14), Precision.DAY, "on")),
    ("Elections were held on 2019-09-28.", FRIDAY, ("2019-09-28", D(2019, 9, 28), D(2019, 9, 28), Precision.DAY, "on")),
    ("The talks resumed in early May 2022.", FRIDAY,
     ("early May 2022", D(2022, 5, 1), D(2022, 5, 10), Precision.MONTH, "about")),
]


@pytest.mark.parametrize("sentence, reference, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_expression_resolves(sentence, reference, expected):
    expressions = [e for e in find_time_expressions(sentence, reference) if e.resolved]
    assert len(expressions) == 1, expressions
    e = expressions[0]
    assert (e.text, e.first, e.last, e.precision, e.qualifier) == expected


NON_DATES = [
    "The council adopted Resolution 2254 on the matter.",
    "The fund froze about $9bn (£6.6bn) in assets.",
    "It was a nine-year war that cost 15,000 personnel.",
    "Girls over the age of 12 may not attend school.",
    "The convoy of 2000 trucks left the depot.",
    "Turnout reached 2010 voters in the district.",
    "Flight 2019 was cancelled.",
    "She may speak later, he said.",
]


@pytest.mark.parametrize("sentence", NON_DATES)
def test_numbers_that_are_not_dates_stay_numbers(sentence):
    assert find_time_expressions(sentence, FRIDAY) == []


def test_a_bare_year_is_a_date_only_where_the_model_says_so():
    sentence = "The 2021 takeover changed everything."
    assert find_time_expressions(sentence, FRIDAY) == []
    start = sentence.index("2021")
    (expression,) = find_time_expressions(sentence, FRIDAY, model_spans=[(start, start + 4)])
    assert (expression.first.year, expression.precision) == (2021, Precision.YEAR)


@pytest.mark.parametrize("sentence", [
    "The minister resigned on Wednesday.", "Last week, the council voted again.", "The ban was lifted in April this year.",
])
def test_relative_expressions_stay_unresolved_without_the_article_date(sentence):
    (expression,) = find_time_expressions(sentence, UNKNOWN)
    assert not expression.resolved and expression.basis == "unresolved"
    assert "unknown" in expression.note


def test_weekday_with_date_needs_a_single_year_near_the_evidence():
    # 12 March is a Tuesday in 2024 and in 2019: evidence of 2021 is near neither
    (expression,) = find_time_expressions("Talks opened on Tuesday (12 March).", Reference(anchor_years=(2021,)))
    assert not expression.resolved


def test_a_wrong_weekday_is_noted_not_hidden():
    (expression,) = find_time_expressions("It happened on Monday, 12 March 2024.", FRIDAY)
    assert expression.first == D(2024, 3, 12) and "was a Tuesday" in expression.note


def test_impossible_dates_are_not_dates():
    assert [e for e in find_time_expressions("They met on 31 February 2024.", FRIDAY) if e.resolved] == []
