"""How values read on a page: the other spellings of a name, a decade with its qualifier."""

from __future__ import annotations

import datetime as dt

from generator.model import Precision, TimelineEntry
from generator.render.wording import entry_date, other_spellings


def test_other_spellings_differing_only_in_capitals_or_the_are_one():
    # as a lower-cased wire story and a headline write the IMF
    assert other_spellings("International Monetary Fund", ("IMF", "imf", "the international monetary fund")) == ["IMF"]
    assert other_spellings("Kremlin", ("the Kremlin",)) == []
    assert other_spellings("Sergey Lavrov", ("Lavrov", "Sergei Lavrov")) == ["Lavrov", "Sergei Lavrov"]


def test_a_decade_reads_with_its_article():
    def entry(qualifier: str) -> TimelineEntry:
        return TimelineEntry("k", dt.date(1990, 1, 1), dt.date(1999, 12, 31), Precision.DECADE, qualifier, "", (), ())

    assert entry_date(entry("about")) == "About the 1990s"  # "in the mid-1990s"
    assert entry_date(entry("since")) == "Since the 1990s"
    assert entry_date(entry("on")) == "1990s"


def test_a_solar_hijri_month_reads_as_both_its_ends_never_as_one_gregorian_month():
    saratan = TimelineEntry("k", dt.date(2025, 6, 22), dt.date(2025, 7, 22), Precision.SPAN, "on", "", (), ())
    assert entry_date(saratan) == "22 June – 22 July 2025"
    year = TimelineEntry("k", dt.date(2021, 3, 21), dt.date(2022, 3, 20), Precision.SPAN, "since", "", (), ())
    assert entry_date(year) == "Since 21 March 2021"  # "از سال ۱۴۰۰": since its first day
