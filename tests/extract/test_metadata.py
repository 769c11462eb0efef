"""Metadata of the seeds, each expected value read from the article by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.clean.boilerplate import clean_text
from generator.extract.metadata import DossierEvidence, extract_metadata
from generator.model import CuratorValues, Precision, Provenance, SourceFile
from tests.conftest import CORPORA


def test_titles(article_by_source):
    titles = {name: (a.metadata.title.value, a.metadata.title.provenance) for name, a in article_by_source.items()}
    assert titles["000_68507b3c627c16da.txt"] == (
        "Civil Organizations: Russia’s Move to Legitimize the Taliban Has Dangerous Consequences for Women",
        Provenance.STATED)
    assert titles["003_db9fd82546c56745.txt"][1] is Provenance.STATED
    # 002 and 004 have no headline: the title is the first words of the first sentence, flagged as derived
    for name, opening in (("002_e2ffc1113a645db8.txt", "A coalition of women’s protest movements has condemned"),
                          ("004_bd110d5bfaa63d58.txt", "Russia has become the first country to formally recognize")):
        title, provenance = titles[name]
        assert title.startswith(opening) and title.endswith("…")
        assert provenance is Provenance.DERIVED


def test_publishers_and_authors(article_by_source):
    publishers = {name: a.metadata.publisher.value for name, a in article_by_source.items()}
    # Zan News is named in the bylines of 000 and 001; the other three name no outlet
    assert publishers == {
        "000_68507b3c627c16da.txt": "Zan News",
        "001_b8986cde7695ea0e.txt": "Zan News",
        "002_e2ffc1113a645db8.txt": None,
        "003_db9fd82546c56745.txt": None,
        "004_bd110d5bfaa63d58.txt": None,
    }
    assert article_by_source["001_b8986cde7695ea0e.txt"].metadata.publisher.evidence == \
        "byline 'Writer: Zan News', line 5"
    # "Writer: Zan News" names the outlet, not a person: no seed names its author
    assert all(a.metadata.author.value is None for a in article_by_source.values())
    assert all(a.metadata.author.provenance is Provenance.UNKNOWN for a in article_by_source.values())


def test_stated_date(article_by_source):
    date = article_by_source["004_bd110d5bfaa63d58.txt"].metadata.date
    assert (date.value, date.precision, date.provenance) == (dt.date(2025, 7, 4), Precision.DAY, Provenance.STATED)


@pytest.mark.parametrize("name", ["000_68507b3c627c16da.txt", "001_b8986cde7695ea0e.txt"])
def test_jul_5_gets_its_year_from_the_weekday(article_by_source, name):
    # "Jul 5" has no year; the text says the Taliban announced recognition "on Thursday (3 July)",
    # and 3 July 2025 was a Thursday
    date = article_by_source[name].metadata.date
    assert (date.value, date.precision, date.provenance) == (dt.date(2025, 7, 5), Precision.DAY, Provenance.INFERRED)
    assert "'Jul 5'" in date.evidence and "'Thursday (3 July)'" in date.evidence and "2025" in date.evidence


def test_undated_articles_stay_unknown_with_a_labelled_bound(article_by_source):
    no_date_002 = article_by_source["002_e2ffc1113a645db8.txt"].metadata.date
    no_date_003 = article_by_source["003_db9fd82546c56745.txt"].metadata.date
    assert no_date_002.value is None and no_date_002.provenance is Provenance.UNKNOWN
    assert no_date_003.value is None and no_date_003.provenance is Provenance.UNKNOWN
    # 003 reports "The move came on Thursday, July 3": it was written on or after 3 July 2025
    assert (no_date_003.not_before, no_date_003.not_before_precision) == (dt.date(2025, 7, 3), Precision.DAY)
    assert no_date_003.not_before_evidence.startswith("inferred")
    # 002's own text only dates the Taliban's return "in 2021"; its "Last week" (¶7) retells the recognition
    # the other reports date 3 July 2025, which narrows the bound to the next week (see test_timeline)
    assert (no_date_002.not_before, no_date_002.not_before_precision) == (dt.date(2025, 7, 7), Precision.DAY)
    assert no_date_002.not_before_evidence.startswith("inferred")


def test_counts_and_identity(article_by_source):
    article = article_by_source["000_68507b3c627c16da.txt"]
    meta = article.metadata
    assert len(article.paragraphs) == 7
    assert meta.word_count == sum(len(p.text.split()) for p in article.paragraphs)
    assert meta.reading_minutes == 2  # 318 words at 200 words a minute
    assert meta.source_name == "000_68507b3c627c16da.txt"
    assert meta.article_id == "000_68507b3c627c16da"
    assert len(meta.sha256) == 64
    assert article.slug == "civil-organizations-russias-move-to-legitimize-the-taliban"


def test_same_title_gets_two_slugs(article_by_source):
    # 003's headline and 004's derived title share their first words
    slugs = [a.slug for a in article_by_source.values()]
    assert len(set(slugs)) == len(slugs)


def _metadata(text: str, name: str = "x.txt", sidecar=None, years=()):
    source = SourceFile(path=None, name=name, stem=name.removesuffix(".txt"), text=text, sha256="0" * 64,
                        sidecar=sidecar or CuratorValues())
    metadata, _ = extract_metadata(source, clean_text(text), DossierEvidence(tuple(years)))
    return metadata


def test_partial_date_without_evidence_keeps_the_year_unknown():
    meta = _metadata("A headline\n- Jul 5\n\nThe council met on Thursday to discuss the budget.\n")
    assert meta.date.value is None
    assert "nothing in the text fixes the year" in meta.date.evidence


def test_weekday_year_is_never_taken_from_far_away_evidence():
    # 3 July is a Thursday in 2014 and 2025; evidence of 2020 is near neither, so no year is guessed
    meta = _metadata("Headline\n- Jul 5\n\nThe deal was signed on Thursday (3 July).\n", years=[2020])
    assert meta.date.value is None
    meta = _metadata("Headline\n- Jul 5\n\nThe deal was signed on Thursday (3 July).\n", years=[2024])
    assert meta.date.value == dt.date(2025, 7, 5)


def test_sidecar_beats_extraction():
    meta = _metadata("Headline\n- Jul 5\n\nText of the article here.\n",
                     sidecar=CuratorValues(title="Curated title", publisher="Example Wire", date="2024-03"))
    assert (meta.title.value, meta.title.provenance) == ("Curated title", Provenance.SIDECAR)
    assert (meta.publisher.value, meta.publisher.provenance) == ("Example Wire", Provenance.SIDECAR)
    assert (meta.date.value, meta.date.precision) == (dt.date(2024, 3, 1), Precision.MONTH)


@pytest.mark.parametrize("name, dateline, date, author", [
    ("0500.txt", "LOS ANGELES, March 12", dt.date(1987, 3, 12), None),
    ("0001.txt", "SALVADOR, Feb 26", dt.date(1987, 2, 26), None),
    ("0106.txt", "PEKING, March 3", dt.date(1987, 3, 3), "Mark O'Neill"),
])
def test_reuters_date_line_dateline_and_byline(name, dateline, date, author):
    path = CORPORA / "reuters21578" / name
    meta = _metadata(path.read_text(encoding="utf-8"), name=name)
    assert meta.dateline == dateline
    assert (meta.date.value, meta.date.provenance) == (date, Provenance.STATED)
    assert meta.author.value == author
    if author:
        assert meta.publisher.value == "Reuters"


def test_bbc_article_has_no_date_and_no_publisher():
    meta = _metadata((CORPORA / "bbc" / "0001.txt").read_text(encoding="utf-8"), name="0001.txt")
    assert meta.title.value == "Ad sales boost Time Warner profit"
    assert meta.date.value is None and meta.publisher.value is None and meta.dateline is None


def test_a_joined_byline_gives_author_and_date():
    meta = _metadata("Border Reopens\nBy Jane Doe | 5 July 2025 | 3 min read\n\nThe border reopened on Friday.\n")
    assert (meta.author.value, meta.author.provenance) == ("Jane Doe", Provenance.STATED)
    assert (meta.date.value, meta.date.provenance) == (dt.date(2025, 7, 5), Provenance.STATED)


def test_a_source_url_line_gives_the_url_and_an_inferred_publisher():
    meta = _metadata("Border Reopens\nhttps://www.example-news.org/world/border-reopens\n\nThe border reopened on Friday.\n")
    assert meta.url == "https://www.example-news.org/world/border-reopens"
    assert (meta.publisher.value, meta.publisher.provenance) == ("example-news.org", Provenance.INFERRED)
    assert "inferred from the address" in meta.publisher.evidence


def test_a_source_line_names_the_publisher():
    meta = _metadata("Border Reopens\nSource: Pajhwok Afghan News\n\nThe border reopened on Friday.\n")
    assert (meta.publisher.value, meta.publisher.provenance) == ("Pajhwok Afghan News", Provenance.STATED)


def test_a_plan_or_forecast_is_no_bound_on_an_undated_articles_date():
    # a year given for a plan or forecast says nothing of when the article was written
    meta = _metadata("Chip Plans\n\nThe firm was founded in 1999.\n\n"
                     "It said it would start producing the chip in early 2005. Sales are set to grow in 2006.\n")
    assert (meta.date.not_before, meta.date.not_before_precision) == (dt.date(1999, 1, 1), Precision.YEAR)
    assert meta.date.not_before_evidence == "inferred: the text reports '1999' (¶1) as past"
    meta = _metadata("Chip Plans\n\nThe chip is due in 2006, the firm said.\n")
    assert meta.date.not_before is None


def test_a_sentence_that_also_forecasts_gives_no_bound():
    # from the BBC corpus (0044): the past "last year" and the forecast "in 2005" share one sentence
    meta = _metadata("Japan Growth\n\nJapan's economy grew in 2003.\n\nJapan's economy grew 2.6% overall in 2004 "
                     "and is forecast to see growth of 2.1% in 2005.\n")
    assert meta.date.not_before == dt.date(2003, 1, 1)


def test_bbc_forecast_sentences_give_no_bound():
    # bbc 0044 ¶6 "... and is forecast to see growth of 2.1% in 2005" once made it "not before 2005"; its
    # past dates are 2004's: ¶2 "the government revised growth figures from earlier in 2004"
    meta = _metadata((CORPORA / "bbc" / "0044.txt").read_text(encoding="utf-8"), name="0044.txt")
    assert (meta.date.not_before, meta.date.not_before_precision) == (dt.date(2004, 1, 1), Precision.YEAR)
    assert meta.date.not_before_evidence == "inferred: the text reports '2004' (¶2) as past"


def test_every_co_author_is_kept(tmp_path):
    from generator.clean.boilerplate import clean_text
    from generator.extract.metadata import DossierEvidence, extract_metadata
    from generator.ingest.sources import ingest

    (tmp_path / "a.txt").write_text("GATT TALKS OPEN\ndate 1987-03-02\nBy Jonathan Lynn and Anthony Williams, Reuters\n\n"
                                    "GENEVA, March 2 - Trade talks opened today.\n", encoding="utf-8")
    (source,) = ingest(tmp_path).sources
    metadata, _ = extract_metadata(source, clean_text(source.text), DossierEvidence())
    assert metadata.author.value == "Jonathan Lynn and Anthony Williams"
    assert metadata.publisher.value == "Reuters"


def test_a_press_release_names_its_issuer_as_publisher(tmp_path):
    from generator.clean.boilerplate import clean_text
    from generator.extract.metadata import DossierEvidence, extract_metadata
    from generator.ingest.sources import ingest
    from tests.clean.test_boilerplate import RELEASE

    (tmp_path / "release.txt").write_text(RELEASE, encoding="utf-8")
    (source,) = ingest(tmp_path).sources
    metadata, _ = extract_metadata(source, clean_text(source.text), DossierEvidence())
    assert metadata.publisher.value == "Human Rights Watch"
    assert "release's header" in metadata.publisher.evidence


def test_the_texts_own_headline_stays_in_sight_when_the_curator_retitles_it(tmp_path):
    from generator.pipeline import build_dossier

    (tmp_path / "note.md").write_text("---\ntitle: The curator's title\n---\n# The article's own heading\n\nFirst "
                                      "paragraph of the note, long enough to be a paragraph.\n", encoding="utf-8")
    (article,) = build_dossier(tmp_path).articles
    assert article.metadata.title.value == "The curator's title"
    assert "the article's own headline (line 1) reads “The article's own heading”" in article.metadata.title.evidence
