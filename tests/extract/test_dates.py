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


TWELFTH_MARCH = Reference(D(2026, 3, 12))


@pytest.mark.parametrize("sentence, expected", [
    ("The women said they would hold another protest on 20 March.", D(2026, 3, 20)),
    ("The court is scheduled to hear the case on 2 April.", D(2026, 4, 2)),
    ("The group plans to meet again on 5 January.", D(2027, 1, 5)),  # a plan for a day already past this year
    ("Amiri was detained at a rally on 11 March.", D(2026, 3, 11)),
    ("They will march on 20 March, the group said.", D(2026, 3, 20)),
    ("The group said it would publish its report by 30 April.", D(2026, 4, 30)),
])
def test_a_day_and_month_without_a_year_look_forward_in_a_plan_and_back_otherwise(sentence, expected):
    dated = [e for e in find_time_expressions(sentence, TWELFTH_MARCH) if e.resolved]
    assert [(e.first, e.planned) for e in dated] == [(expected, expected > TWELFTH_MARCH.date)]


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


def _with_model_years(sentence):
    """The sentence's dates as if the model had labelled every four-digit year DATE (the worst case)."""
    import re

    spans = [(m.start(), m.end()) for m in re.finditer(r"\b(?:19|20)\d\d\b", sentence)]
    return find_time_expressions(sentence, FRIDAY, spans)


# --- plans, forecasts and expectations --------------------------------------------------------------
# Short sentences from the BBC corpus (../shared/corpora/bbc, 2004-05) and a few written for the tests.

PLANNED = [
    ("A third Spider-Man film is scheduled for release in 2007.", "2007"),  # bbc 0860
    ("Ireland's economic 'miracle' is enjoying a second wind, with 5% growth forecast for 2005 and 2006.", "2005"),
    ("Under Mr Tellier's tenure, plans to cut the worldwide workforce of 75,000 by almost a third by 2006 "
     "were announced.", "2006"),  # bbc, shortened
    ("The chip is due in 2006.", "2006"),
    ("Intel said it would start producing the chip in early 2005.", "early 2005"),
    ("The economy is set to grow in 2005.", "2005"),
    ("Growth in 2005 is expected to slow.", "2005"),
    ("In 2006, the firm will launch a new console.", "2006"),
    ("The vote is scheduled for March 2006.", "March 2006"),
    ("The firm aims to double its sales by 2008.", "2008"),
    ("TimeWarner is to restate its accounts in 2005.", "2005"),
    ("Ministers will meet next year.", "next year"),
]


@pytest.mark.parametrize("sentence, phrase", PLANNED, ids=[p[0][:40] for p in PLANNED])
def test_a_date_in_a_plan_or_forecast_is_planned(sentence, phrase):
    (expression,) = [e for e in _with_model_years(sentence) if e.text == phrase]
    assert expression.planned


PAST = [
    ("Revenues at media group Reuters slipped 11% during 2004, mainly due to the weakness of the dollar.", "2004"),
    ("Time Warner's profits were slightly better than expected in 2004.", "2004"),
    ("The plant built in 1999 will close.", "1999"),
    ("He said in 2003 that he would resign.", "2003"),
    ("The company could have collapsed in 2002.", "2002"),
    ("It will be the first time since 1917 that the party has chosen Manchester.", "1917"),  # bbc 0990
    ("Singer Harry Connick Jr is to star in a Broadway revival of 1950s hit musical The Pajama Game.", "1950s"),
    ("Next month's Budget will be Mr Brown's eighth since Labour came to power in 1997.", "1997"),  # bbc
    ("The talks began in May 2005.", "May 2005"),
]


@pytest.mark.parametrize("sentence, phrase", PAST, ids=[p[0][:40] for p in PAST])
def test_a_date_reported_as_past_is_not_planned(sentence, phrase):
    (expression,) = [e for e in _with_model_years(sentence) if e.text == phrase]
    assert not expression.planned


def test_the_cue_must_be_in_the_dates_own_clause():
    sentence = "Sales rose in 2004 and will rise in 2005."
    planned = {e.text: e.planned for e in find_time_expressions(sentence, FRIDAY)}
    assert planned == {"2004": False, "2005": True}


def test_may_the_month_is_no_modal_verb():
    (expression,) = find_time_expressions("The bank cut rates in May 2004.", FRIDAY)
    assert expression.text == "May 2004" and not expression.planned
    (expression,) = find_time_expressions("The bank may cut rates in June 2005.", FRIDAY)
    assert expression.planned


def test_a_sentence_with_any_forecast_speaks_of_the_future():
    from generator.extract.plans import speaks_of_future

    assert speaks_of_future("Sales rose in 2004 and will rise in 2005.")
    assert speaks_of_future("The upcoming election is on 5 May.")
    assert not speaks_of_future("Revenues slipped 11% during 2004, mainly due to the weakness of the dollar.")
    assert not speaks_of_future("Sales in December failed to meet expectations.")


# --- years that are part of a name --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Sales of replica England football kits were boosted by the Euro 2004 tournament.",  # bbc
    "FIFA 2005 was the best-selling game of the Christmas season.",
    "Most firms still run Windows 2000 on their servers.",
    "The update fixes a flaw in Microsoft Office 2003.",
    "The race starts at 1830 GMT.",
])
def test_a_year_in_a_name_or_a_clock_time_is_no_date(sentence):
    assert [e.text for e in _with_model_years(sentence)] == []


@pytest.mark.parametrize("sentence, phrase", [
    ("The show opened in July 2025.", "July 2025"),
    ("The film opens in Summer 2024.", "2024"),
    ("Christmas 2004 was the busiest on record.", "2004"),
    ("In 2005 the firm grew.", "2005"),
    ("The 2004 election was close.", "2004"),
    ("It was founded in March 2005.", "March 2005"),
])
def test_a_year_after_a_calendar_or_function_word_is_still_a_date(sentence, phrase):
    assert [e.text for e in _with_model_years(sentence)] == [phrase]


# --- qualifiers say what the words say ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, qualifier", [
    ("Taliban representatives had visited Moscow for talks as early as 2018.", "as early as 2018", "by"),
    ("The auction included a knife from 1891.", "1891", "on"),  # dating from: in 1891, not since
    ("Prices have risen from 1990 onwards.", "1990", "since"),
    ("Schools have been closed since 2022.", "2022", "since"),
    ("By 2004, sales had doubled.", "2004", "by"),
    ("The mill was still grinding flour as late as 1952.", "as late as 1952", "still"),  # not "until": it may go on
    ("Indonesia has been severely hit by 1986's fall in world oil prices.", "1986", "on"),  # adapted from Reuters
    ("Indonesia has been severely hit by last year's fall in world oil prices.", "last year", "on"),  # Reuters, 1987
])
def test_qualifiers(sentence, phrase, qualifier):
    (expression,) = find_time_expressions(sentence, FRIDAY)
    assert (expression.text, expression.qualifier) == (phrase, qualifier)


@pytest.mark.parametrize("sentence", [
    "Wheat stocks rose by 1800 tonnes in the week.",
    "The plant will shed 2000 workers, the union said.",
    "Output fell to 1950 barrels a day.",
])
def test_a_count_of_things_is_no_year(sentence):
    assert [e.text for e in _with_model_years(sentence)] == []


def test_persian_weekdays_and_weeks_are_dated_from_the_article():
    """The article of Tuesday 8 July 2025: its Monday, its coming Friday, its past Saturday-to-Friday week."""
    import datetime as dt

    from generator.extract.dates import Reference, find_time_expressions

    reference = Reference(date=dt.date(2025, 7, 8))

    def read(sentence: str) -> list[tuple[str, dt.date, dt.date, bool]]:
        return [(e.text, e.first, e.last, e.planned) for e in find_time_expressions(sentence, reference)]

    assert read("هیئتی روز دوشنبه به کابل رسید.") == [("روز دوشنبه", dt.date(2025, 7, 7), dt.date(2025, 7, 7), False)]
    assert read("آنان روز جمعه آینده گرد هم می‌آیند.") == [
        ("روز جمعه آینده", dt.date(2025, 7, 11), dt.date(2025, 7, 11), True)]
    assert read("سه‌شنبه گذشته نشستی برگزار شد.") == [("سه‌شنبه گذشته", dt.date(2025, 7, 1), dt.date(2025, 7, 1), False)]
    assert read("فعالان هفته گذشته تظاهرات کردند.") == [
        ("هفته گذشته", dt.date(2025, 6, 28), dt.date(2025, 7, 4), False)]  # Saturday 28 June to Friday 4 July
    assert read("سه هفته بعد آزاد شد.") == []  # three weeks after something else: no date of its own
