"""Exports: every CSV cell that a spreadsheet would run as a formula is neutralised (OWASP)."""

from __future__ import annotations

import csv
import io

from generator.export.timeline import csv_cell, write_csv


def test_cells_starting_like_a_formula_get_an_apostrophe():
    for cell in ("=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx"):
        assert csv_cell(cell) == "'" + cell
    for cell in ("Kabul", "3 July 2025", "", "a=b"):
        assert csv_cell(cell) == cell
    assert csv_cell(-2) == -2  # numbers the generator writes are numbers, not text


def test_written_csv_round_trips_with_the_neutralised_cells():
    text = write_csv(["a", "b"], [["=1+1", 'say "x", then y'], [3, "@me"]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1+1", 'say "x", then y'], ["3", "'@me"]]


def test_events_csv_says_which_dates_are_planned():
    import datetime as dt

    from generator.export.timeline import events_csv
    from generator.model import Event, Precision, TimelineEntry
    from tests.helpers import article

    # a plan, written the way the BBC stories of 2004-05 write them
    sentence = "The new chip is due in 2006."
    event = Event("a", 1, sentence, "in 2006", dt.date(2006, 1, 1), dt.date(2006, 12, 31), Precision.YEAR, "on",
                  "as written", planned=True)
    entry = TimelineEntry("e-2006-1", event.first, event.last, Precision.YEAR, "on", sentence, (event,), (),
                          planned=True)
    (row,) = csv.DictReader(io.StringIO(events_csv([entry], {"a": article("a")})))
    assert row["planned"] == "yes" and row["date"] == "2006" and row["sentence"] == sentence
