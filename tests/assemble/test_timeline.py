"""The timeline of the seeds, checked against what a reader finds in them; merging; exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import replace

from generator.model import Precision

D = dt.date
ALL_SEEDS = {"000_68507b3c627c16da", "001_b8986cde7695ea0e", "002_e2ffc1113a645db8", "003_db9fd82546c56745",
             "004_bd110d5bfaa63d58"}


def _entries(dossier, first, precision):
    return [e for e in dossier.timeline if e.first == first and e.precision is precision]


def test_the_recognition_is_one_entry_citing_every_seed(dossier):
    (entry,) = _entries(dossier, D(2025, 7, 3), Precision.DAY)
    assert set(entry.article_ids) == ALL_SEEDS
    phrases = {(event.article_id[:3], event.paragraph, event.phrase) for event in entry.citations}
    # read in the seeds: 000 ¶6 and 001 ¶7 "on Thursday (3 July)", 003 ¶3 "on Thursday, July 3",
    # 004 ¶9 "which came on Thursday" (the article is dated Friday 4 July 2025), 002 ¶7 "Last week"
    assert phrases == {("000", 6, "Thursday (3 July)"), ("001", 7, "Thursday (3 July)"),
                       ("003", 3, "Thursday, July 3"), ("004", 9, "Thursday"), ("002", 7, "Last week")}
    # 002 states no date: its "Last week" is dated only by the other reports, and says so
    assert entry.dated_by_corroboration == ("002_e2ffc1113a645db8",)
    assert {"Taliban", "Russia"} <= set(entry.entities)


def test_background_events_at_their_precision(dossier):
    # 004: "invaded Afghanistan in 1979", "withdrawal in February 1989", "as early as 2018", "in 2022"
    assert _entries(dossier, D(1979, 1, 1), Precision.YEAR)[0].citations[0].paragraph == 14
    assert _entries(dossier, D(1989, 2, 1), Precision.MONTH)[0].citations[0].paragraph == 15
    (early,) = _entries(dossier, D(2018, 1, 1), Precision.YEAR)
    # "had visited Moscow for talks as early as 2018": by 2018 at the latest, not "since 2018"
    assert early.qualifier == "by"
    assert _entries(dossier, D(2022, 1, 1), Precision.YEAR)[0].citations[0].paragraph == 12
    # 003: "in January 2025"; 004 (dated 4 July 2025): "in April this year", "in July last year"
    assert _entries(dossier, D(2025, 1, 1), Precision.MONTH)[0].citations[0].article_id.startswith("003")
    assert _entries(dossier, D(2025, 4, 1), Precision.MONTH)[0].citations[0].phrase == "April this year"
    assert _entries(dossier, D(2024, 7, 1), Precision.MONTH)[0].citations[0].phrase == "July last year"


def test_the_takeover_is_one_entry_and_the_other_happenings_of_2021_stay_apart(dossier):
    """Read in the seeds: 002 ¶3 the Taliban "returned to power in 2021" and 003 ¶2 "since the group seized
    control of the country in 2021" date one happening, the takeover, which 000 ¶2 ("they seized power
    through force"), 001 ¶8 ("after their return to power") and 004 ¶2 ("after they swept into Kabul and
    took power") name without a date: one entry, five articles. 004 ¶11 (Russia "did not close down their
    embassy in Afghanistan in 2021") and 004 ¶19 (sanctions "in 2021") are other happenings."""
    in_2021 = [e for e in _entries(dossier, D(2021, 1, 1), Precision.YEAR) if e.qualifier == "on"]
    cited = sorted(sorted((c.article_id[:3], c.paragraph) for c in e.citations) for e in in_2021)
    assert cited == [[("000", 2), ("001", 8), ("002", 3), ("003", 2), ("004", 2)], [("004", 11)], [("004", 19)]]
    takeover = next(e for e in in_2021 if len(e.citations) == 5)
    # led by the clause about it, not by the recognition 003 ¶2 is about
    assert takeover.sentence == "… the group seized control of the country in 2021."
    assert sum(c.anchored for c in takeover.citations) == 3


def test_the_recognition_is_led_by_a_sentence_that_states_it(dossier):
    # 000 ¶6 "This statement comes as the Taliban announced ..." and 001 ¶7 "This comes as ..." point back
    # to what came before; 003 ¶3 and 004 ¶9 name the move themselves
    (entry,) = _entries(dossier, D(2025, 7, 3), Precision.DAY)
    assert not entry.sentence.startswith("This")
    assert "recogni" in entry.sentence


def test_an_undated_article_is_dated_the_same_on_its_page_and_on_the_timeline(dossier, article_by_source):
    """002 states no date; its ¶7 "Last week, Russia officially recognized the Taliban rule" is dated by the
    other reports to 3 July 2025 (a Thursday: the week of 30 June to 6 July), so 002 was written in the
    following week at the earliest, 7 July 2025: the bound its page and the indexes show."""
    date = article_by_source["002_e2ffc1113a645db8.txt"].metadata.date
    assert date.value is None
    assert (date.not_before, date.not_before_precision) == (D(2025, 7, 7), Precision.DAY)
    assert date.not_before_evidence.startswith("inferred") and "'Last week'" in date.not_before_evidence
    assert "3 July 2025" in date.not_before_evidence and "¶7" in date.not_before_evidence
    (entry,) = _entries(dossier, D(2025, 7, 3), Precision.DAY)
    assert entry.dated_by_corroboration == ("002_e2ffc1113a645db8",)


def test_no_seed_date_is_planned(dossier):
    # the seeds report what happened; their future ("will lead to", "will seek") carries no date
    assert not [e for e in dossier.timeline if e.planned]


def test_non_dates_in_the_seeds_make_no_event(dossier):
    phrases = {event.phrase for article in dossier.articles for event in article.events}
    assert not {p for p in phrases if any(word in p for word in ("1325", "9bn", "nine-year", "15,000", "12"))}


def test_sunday_in_an_undated_article_stays_undated(dossier):
    (entry,) = [e for e in dossier.timeline if e.first is None]
    (event,) = entry.citations
    assert (event.article_id[:3], event.paragraph, event.phrase) == ("002", 2, "Sunday")
    assert "unknown" in event.note


def test_timeline_page_groups_by_year_and_month_and_cites(built_site, article_by_source):
    page = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert page.index('id="1979"') < page.index('id="2021"') < page.index('id="july-2025"')
    slug = article_by_source["004_bd110d5bfaa63d58.txt"].slug
    assert f'href="../articles/{slug}/#p9"' in page
    assert '<img alt="Bar chart of the timeline\'s entries per year, 1979 to 2025; its figures follow."' in page


def test_timelinejs_export_loads_with_the_events(built_site):
    document = json.loads((built_site / "timeline" / "timeline.json").read_text(encoding="utf-8"))
    starts = [event["start_date"] for event in document["events"]]
    assert {"year": "2025", "month": "7", "day": "3"} in starts
    assert {"year": "1979"} in starts  # a year stays a year
    recognition = next(e for e in document["events"] if e["start_date"] == {"year": "2025", "month": "7", "day": "3"})
    assert recognition["text"]["headline"] == "3 July 2025" and recognition["text"]["text"].count("<li>") == 5


def test_events_csv_has_a_row_per_citation(built_site, dossier):
    rows = list(csv.DictReader(io.StringIO((built_site / "timeline" / "events.csv").read_text(encoding="utf-8"))))
    assert len(rows) == sum(len(entry.citations) for entry in dossier.timeline)
    assert {row["article_id"] for row in rows if row["date"] == "2025-07-03"} == ALL_SEEDS


def test_chart_is_static_svg(built_site):
    svg = (built_site / "timeline" / "chart.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "<script" not in svg and "http://" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert "1979: 1 entry" in svg


def test_entity_page_has_its_timeline(built_site):
    page = (built_site / "actors" / "gul-hassan-hassan" / "index.html").read_text(encoding="utf-8")
    assert 'id="on-the-timeline"' in page and "timeline/#e-2025-07-03-1" in page


# --- merging rules on events written for the tests ------------------------------------------------

def _event(article_id, sentence, phrase, first, precision=Precision.DAY, entities=(), paragraph=1, last=None):
    from generator.model import Event

    resolved = first is not None
    return Event(article_id=article_id, paragraph=paragraph, sentence=sentence, phrase=phrase, first=first,
                 last=last or first, precision=precision if resolved else None, qualifier="on",
                 basis="as written" if resolved else "unresolved", entities=tuple(entities))


def _timeline(*articles_events, bounds=None):
    from dataclasses import replace

    from generator.assemble.timeline import build_timeline
    from generator.model import Provenance, PublicationDate
    from tests.helpers import article as _article

    articles = []
    for article_id, events in articles_events:
        article = replace(_article(article_id), events=tuple(events))
        if bounds and article_id in bounds:
            metadata = replace(article.metadata, date=PublicationDate(None, None, Provenance.UNKNOWN,
                                                                      not_before=bounds[article_id]))
            article = replace(article, metadata=metadata)
        articles.append(article)
    return build_timeline(articles)


def test_different_events_on_the_same_day_stay_apart():
    timeline = _timeline(
        ("a", [_event("a", "The parliament in Lisbon passed the budget on 3 May.", "3 May", D(2024, 5, 3),
                      entities=["Parliament"])]),
        ("b", [_event("b", "A storm flooded the harbour of Oslo on 3 May.", "3 May", D(2024, 5, 3),
                      entities=["Oslo"])]))
    assert len(timeline) == 2


def test_the_same_event_told_twice_is_one_entry_with_both_citations():
    timeline = _timeline(
        ("a", [_event("a", "The ministry banned the newspaper on 3 May.", "3 May", D(2024, 5, 3), entities=["Ministry"])]),
        ("b", [_event("b", "On Friday the ministry banned the paper outright.", "Friday", D(2024, 5, 3),
                      entities=["Ministry"])]))
    (entry,) = timeline
    assert entry.article_ids == ("a", "b")


def test_an_undated_retelling_joins_only_a_close_entry_its_bounds_allow():
    event = _event("c", "Last week the ministry banned the newspaper outright.", "Last week", None, entities=["Ministry"])
    dated = ("a", [_event("a", "The ministry banned the newspaper on 3 May.", "3 May", D(2024, 5, 3), entities=["Ministry"])])
    (entry,) = _timeline(dated, ("c", [event]), bounds={"c": D(2024, 1, 1)})
    assert entry.dated_by_corroboration == ("c",)
    # an article known to be written after 2025 cannot report a 2024 event as "last week"
    apart = _timeline(dated, ("c", [event]), bounds={"c": D(2025, 6, 1)})
    assert len(apart) == 2 and apart[1].first is None


def test_the_same_event_under_two_dates_is_flagged():
    timeline = _timeline(
        ("a", [_event("a", "The ministry banned the Kabul Times newspaper after its editor was arrested.",
                      "3 May", D(2024, 5, 3), entities=["Ministry", "Kabul Times"])]),
        ("b", [_event("b", "The ministry banned the Kabul Times newspaper after its editor was arrested.",
                      "5 May", D(2024, 5, 5), entities=["Ministry", "Kabul Times"])]))
    assert [[(c.iso, c.citations) for c in entry.conflicts] for entry in timeline] == [
        [("2024-05-05", (("b", 1),))], [("2024-05-03", (("a", 1),))]]


def test_two_dates_in_one_sentence_or_one_article_are_never_a_conflict():
    sentence = "Amiri, detained at a rally in Kabul on 11 March, appeared in the Kabul court on Saturday."
    one_sentence = _timeline(("a", [_event("a", sentence, "11 March", D(2026, 3, 11), entities=["Amiri", "Kabul"]),
                                    _event("a", sentence, "Saturday", D(2026, 3, 14), entities=["Amiri", "Kabul"])]))
    assert len(one_sentence) == 2 and not any(entry.conflicts for entry in one_sentence)
    told = "The ministry banned the Kabul Times newspaper after its editor was arrested."
    one_article = _timeline(("a", [_event("a", told, "3 May", D(2024, 5, 3), entities=["Ministry", "Kabul Times"]),
                                   _event("a", told.replace("banned", "closed"), "5 May", D(2024, 5, 5), paragraph=4,
                                          entities=["Ministry", "Kabul Times"])]))
    assert not any(entry.conflicts for entry in one_article)


def _letters(number: int) -> str:
    word = ""
    for _ in range(4):
        number, digit = divmod(number, 26)
        word += chr(97 + digit)
    return word


def test_a_long_timeline_is_split_into_pages_by_year_and_month(tmp_path):
    """600 distinct events in 1987 and 50 in 1990: an overview, a page per year, 1987 split by month."""
    from generator.pipeline import build_dossier
    from generator.render.index import TIMELINE_PAGE_ENTRIES
    from generator.render.pages import Renderer

    class NoNames:
        def spans(self, articles):
            return [[] for _ in articles]

    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    paragraphs = [f"On {1 + i % 28} {months[i % 12]} 1987 the {_letters(i)} {_letters(i + 5000)} met."
                  for i in range(600)]
    paragraphs += [f"On {1 + i % 28} May 1990 the {_letters(i + 9000)} {_letters(i + 12000)} met." for i in range(50)]
    (tmp_path / "a.txt").write_text("Many Events\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    dossier = build_dossier(tmp_path, NoNames())
    assert len(dossier.timeline) == 650 > TIMELINE_PAGE_ENTRIES
    pages = {page.path: page.html for page in Renderer().pages(dossier) if page.path.startswith("timeline/")}
    assert {"timeline/index.md", "timeline/1987.md", "timeline/1987-03.md", "timeline/1990.md"} <= set(pages)
    assert 'href="1987/"' in pages["timeline/index.md"] and 'href="1987-03/"' in pages["timeline/index.md"]
    on_pages = [key for path, html in pages.items() if path.endswith(".md")
                for key in re.findall(r'class="dossier-event" id="(e-[a-z0-9-]+)"', html or "")]
    assert sorted(on_pages) == sorted(entry.key for entry in dossier.timeline)  # each entry once, on one page
    assert max(len(html or "") for html in pages.values()) < 300_000


def test_many_undated_entries_are_split_into_parts():
    from types import SimpleNamespace

    from generator.render.index import TIMELINE_PAGE_ENTRIES, timeline_pages

    undated = [SimpleNamespace(first=None, key=f"e-{number}") for number in range(2 * TIMELINE_PAGE_ENTRIES + 1)]
    pages = timeline_pages(undated)
    assert [page.path for page in pages] == ["timeline/index.md", "timeline/undated.md", "timeline/undated-2.md",
                                             "timeline/undated-3.md"]
    assert [entry for page in pages for entry in page.undated] == undated
    assert [label for label, *_ in pages[0].periods] == ["Not dated, part 1 of 3", "Not dated, part 2 of 3",
                                                        "Not dated, part 3 of 3"]


def test_a_month_of_more_entries_than_a_page_holds_is_split_into_parts():
    import datetime as dt
    from types import SimpleNamespace

    from generator.model import Precision
    from generator.render.index import TIMELINE_PAGE_ENTRIES, timeline_pages

    march = [SimpleNamespace(first=dt.date(1987, 3, 1 + number % 28), precision=Precision.DAY, key=f"e-{number}")
             for number in range(2 * TIMELINE_PAGE_ENTRIES + 1)]
    pages = timeline_pages(march)
    paths = [page.path for page in pages]
    assert paths == ["timeline/index.md", "timeline/1987-03.md", "timeline/1987-03-part-2.md",
                     "timeline/1987-03-part-3.md", "timeline/1987.md"]
    on_pages = [entry for page in pages for _, months in page.years for _, group in months for entry in group]
    assert on_pages == march  # each entry once, in order
    assert all(len(group) <= TIMELINE_PAGE_ENTRIES for page in pages for _, months in page.years for _, group in months)
    [(_, _, count, children)] = pages[0].periods
    assert count == len(march) and [label for label, _, _ in children] == [
        "March 1987, part 1 of 3", "March 1987, part 2 of 3", "March 1987, part 3 of 3"]


def _page(dossier, path):
    from generator.render.pages import Renderer

    return next(page.html for page in Renderer().pages(dossier) if page.path == path)


def test_sources_page_labels_inferred_dates_as_the_article_pages_do(dossier):
    # Zan News (000, 001) prints "Jul 5": the year is inferred; 002 states no date: only a bound is known
    page = _page(dossier, "sources/index.md")
    zan = page[page.index("Zan News"):]
    assert zan.count("5 July 2025 (inferred)") == 2
    assert "not before 7 July 2025 (inferred)" in page
    assert "not before 3 July 2025 (inferred)" in page  # 003: "The move came on Thursday, July 3"


def test_timeline_page_says_by_for_as_early_as(dossier):
    page = _page(dossier, "timeline/index.md")
    assert "<strong>By 2018</strong>" in page and "Since 2018" not in page


def test_a_planned_entry_is_marked_on_the_page():
    from generator.render.wording import entry_date

    (entry,) = _timeline(("a", [replace(_event("a", "The plant is due to open in 2006.", "2006", D(2006, 1, 1),
                                               precision=Precision.YEAR), planned=True)]))
    assert entry.planned and entry_date(entry) == "2006 (planned or expected)"


def test_a_plan_and_a_past_event_on_the_same_date_stay_apart():
    past = _event("a", "The ministry opened the new bridge in 2006.", "2006", D(2006, 1, 1), precision=Precision.YEAR)
    plan = replace(_event("b", "The ministry will open the new bridge in 2006.", "2006", D(2006, 1, 1),
                          precision=Precision.YEAR), planned=True)
    assert sorted(entry.planned for entry in _timeline(("a", [past]), ("b", [plan]))) == [False, True]


def test_under_a_year_only_the_same_action_merges():
    # both sentences share "Taliban", "Russia", "recognise" ... but date different things to 2021
    takeover = _event("a", "Russia recognised the Taliban government, the first since the Taliban seized "
                           "control of Kabul in 2021.", "2021", D(2021, 1, 1), precision=Precision.YEAR,
                      entities=["Russia", "Taliban"])
    embassy = _event("b", "Russia, which has now recognised the Taliban government, kept its embassy in Kabul "
                          "open in 2021.", "2021", D(2021, 1, 1), precision=Precision.YEAR,
                     entities=["Russia", "Taliban"])
    retold = _event("c", "Critics of Russia's recognition of the Taliban recall how the Taliban seized control "
                         "of Kabul in 2021.", "2021", D(2021, 1, 1), precision=Precision.YEAR,
                    entities=["Russia", "Taliban"])
    timeline = _timeline(("a", [takeover]), ("b", [embassy]), ("c", [retold]))
    assert sorted(entry.article_ids for entry in timeline) == [("a", "c"), ("b",)]


def test_the_lead_is_a_sentence_that_states_the_happening():
    pointing = _event("a", "This comes as the ministry banned the newspaper on 3 May.", "3 May", D(2024, 5, 3),
                      entities=["Ministry"])
    stating = _event("b", "The ministry banned the Kabul newspaper outright on 3 May.", "3 May", D(2024, 5, 3),
                     entities=["Ministry"])
    (entry,) = _timeline(("a", [pointing]), ("b", [stating]))
    assert entry.sentence == stating.sentence


def test_an_undated_weekday_joins_only_an_entry_on_that_weekday():
    dated = ("a", [_event("a", "The ministry banned the newspaper on 3 May.", "3 May", D(2024, 5, 3),
                          entities=["Ministry"])])  # a Friday
    monday = _event("c", "On Monday the ministry banned the newspaper outright.", "Monday", None, entities=["Ministry"])
    friday = _event("c", "On Friday the ministry banned the newspaper outright.", "Friday", None, entities=["Ministry"])
    assert len(_timeline(dated, ("c", [monday]))) == 2
    (entry,) = _timeline(dated, ("c", [friday]))
    assert entry.dated_by_corroboration == ("c",)
