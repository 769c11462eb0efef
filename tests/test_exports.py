"""Exports: every CSV cell that a spreadsheet would run as a formula is neutralised (OWASP)."""

from __future__ import annotations

import csv
import io

from generator.exports import csv_cell, write_csv


def test_cells_starting_like_a_formula_get_an_apostrophe():
    for cell in ("=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx"):
        assert csv_cell(cell) == "'" + cell
    for cell in ("Kabul", "3 July 2025", "", "a=b"):
        assert csv_cell(cell) == cell
    assert csv_cell(-2) == -2  # numbers the generator writes are numbers, not text


def test_written_csv_round_trips_with_the_neutralised_cells():
    text = write_csv(["a", "b"], [["=1+1", 'say "x", then y'], [3, "@me"]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1+1", 'say "x", then y'], ["3", "'@me"]]
