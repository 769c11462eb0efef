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


def test_timelinejs_json_is_the_document_json_writes_whole():
    """The slides are written one by one and joined; the file is the one `json.dumps` writes of the whole."""
    import datetime as dt
    import json

    from generator.export.timeline import _timelinejs_date, timelinejs_json
    from generator.model import Event, Precision, TimelineEntry
    from generator.render.escaping import escape
    from generator.render.wording import entry_date
    from tests.helpers import article

    def whole(entries, articles, title):  # the plain construction, slide by slide in one document
        events = []
        for entry in entries:
            sources = "".join(f"<li>{escape(articles[e.article_id].metadata.title.value or '')}, ¶{e.paragraph}</li>"
                              for e in entry.citations)
            slide = {"unique_id": entry.key, "start_date": _timelinejs_date(entry.first, entry.precision),
                     "text": {"headline": str(escape(entry_date(entry))),
                              "text": f"<p>{escape(entry.sentence)}</p><ul>{sources}</ul>"},
                     "group": str(entry.first.year)}
            if entry.precision in (Precision.WEEK, Precision.DECADE):
                slide["end_date"] = _timelinejs_date(entry.last, Precision.DAY)
            events.append(slide)
        document = {"title": {"text": {"headline": str(escape(title)),
                                       "text": "<p>Events cited from the dossier's articles.</p>"}}, "events": events}
        return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    day = Event("a", 2, 'Women marched in Kabul, chanting "bread, work".', "on 3 July", dt.date(2025, 7, 3),
                dt.date(2025, 7, 3), Precision.DAY, "on", "as written")
    week = Event("b", 1, "Talks went on all week.", "that week", dt.date(2025, 6, 30), dt.date(2025, 7, 6),
                 Precision.WEEK, "on", "as written")
    entries = [TimelineEntry("e-2025-06-30-1", week.first, week.last, Precision.WEEK, "on", week.sentence, (week,), ()),
               TimelineEntry("e-2025-07-03-1", day.first, day.last, Precision.DAY, "on", day.sentence, (day, week), ())]
    articles = {"a": article("a"), "b": article("b")}
    for title in ('Dossier "events": []', "Кабул <2025>"):
        assert timelinejs_json(entries, articles, title, entry_date) == whole(entries, articles, title)
        assert timelinejs_json([], articles, title, entry_date) == whole([], articles, title)


def test_events_csv_is_one_file_of_every_citation_in_order():
    import datetime as dt

    from generator.export.timeline import CSV_COLUMNS, events_csv
    from generator.model import Event, Precision, TimelineEntry
    from tests.helpers import article

    first = Event("a", 1, "=Protest in Kabul on 3 July.", "on 3 July", dt.date(2025, 7, 3), dt.date(2025, 7, 3),
                  Precision.DAY, "on", "as written", entities=("Kabul",))
    second = Event("b", 4, "Women gathered on 3 July, in Kabul, again.", "on 3 July", dt.date(2025, 7, 3),
                   dt.date(2025, 7, 3), Precision.DAY, "on", "as written", entities=("Kabul",))
    entries = [TimelineEntry("e-2025-07-03-1", first.first, first.last, Precision.DAY, "on", first.sentence,
                             (first, second), ("Kabul",)),
               TimelineEntry("e-2025-07-03-2", first.first, first.last, Precision.DAY, "on", second.sentence,
                             (second,), ("Kabul",))]
    rows = list(csv.reader(io.StringIO(events_csv(entries, {"a": article("a"), "b": article("b")}))))
    assert rows[0] == list(CSV_COLUMNS)
    assert [(row[0], row[7], row[10], row[14]) for row in rows[1:]] == [
        ("e-2025-07-03-1", "a", "1", "'=Protest in Kabul on 3 July."),
        ("e-2025-07-03-1", "b", "4", second.sentence), ("e-2025-07-03-2", "b", "4", second.sentence)]
