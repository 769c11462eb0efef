"""Saved web pages and Markdown notes: the same pages, metadata and safety as plain text.

The fixtures (tests/fixtures/formats) are written for these tests; what each states is read from
the file itself in the comments below.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.ingest.formats import read_html, read_markdown
from generator.ingest.sources import ingest
from generator.model import Provenance
from generator.pipeline import build_dossier
from tests.browser import browse
from tests.conftest import FIXTURES_DIR

FIXTURES = FIXTURES_DIR / "formats"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
#: What the saved page holds around its article, none of which may reach the site.
PAGE_FURNITURE = ("tracking pixel text", "Share on Twitter", "Reader42", "Subscribe now", "Miners strike",
                  "Cookie settings", "All rights reserved", "window.dataLayer", "font-family", "must never run")


@pytest.fixture(scope="module")
def dossier():
    return build_dossier(FIXTURES)


@pytest.fixture(scope="module")
def by_name(dossier):
    return {article.source.name: article for article in dossier.articles}


def test_a_saved_page_gives_its_metadata_with_where_each_was_read(by_name):
    meta = by_name["201_saved_page.html"].metadata
    # <meta property="og:title">, og:site_name, <meta name="author">, JSON-LD datePublished, <link rel=canonical>
    assert meta.title.value == "Two reporters detained at border crossing"
    assert meta.publisher.value == "The Northern Ledger" and meta.publisher.provenance is Provenance.STATED
    assert meta.author.value == "Helen Marsh"
    assert str(meta.date.value) == "2024-03-05" and meta.date.provenance is Provenance.STATED
    assert "datePublished" in meta.date.evidence
    assert meta.url == "https://ledger.example.org/news/2024/03/reporters-detained"
    assert meta.language == "en-GB"  # <html lang="en-GB">


def test_a_saved_page_gives_its_article_text_and_nothing_around_it(by_name):
    article = by_name["201_saved_page.html"]
    texts = [paragraph.text for paragraph in article.paragraphs]
    assert texts[0].startswith("Border guards detained two reporters of the Valley Tribune on Monday")
    assert texts[-1] == "Press groups say at least nine journalists have been detained in the region since January 2023."
    joined = " ".join(texts + [item.text for item in article.clean.set_aside])
    assert not [words for words in PAGE_FURNITURE if words in joined]


def test_a_saved_pages_people_dates_and_quotes(by_name):
    article = by_name["201_saved_page.html"]
    assert {"Jonas Berg", "Lea Novak", "Tomas Weller"} <= {m.name for m in article.mentions}
    # "… not a crime," said Tomas Weller, the editor of the Valley Tribune.
    assert [(quote.speaker, quote.text[:31]) for quote in article.quotes] == [("Tomas Weller", "Our colleagues were doing their")]
    # "on Monday", counted from the page's date, Tuesday 5 March 2024
    assert ("Monday", "2024-03-04") in [(event.phrase, str(event.first)) for event in article.events]


def test_a_markdown_note_gives_its_front_matter_as_the_curators_values(by_name):
    meta = by_name["202_note.md"].metadata
    assert (meta.title.value, meta.publisher.value, meta.author.value, str(meta.date.value), meta.url, meta.language) \
        == ("Union condemns detention of reporters", "National Union of Journalists", "Press office", "2024-03-06",
            "https://union.example.org/statements/detention", "en")
    assert meta.title.provenance is Provenance.SIDECAR and meta.title.evidence == "front matter of 202_note.md"


def test_a_markdown_note_is_read_as_text_with_no_formatting_and_no_raw_html(by_name):
    article = by_name["202_note.md"]
    texts = [paragraph.text for paragraph in article.paragraphs]
    assert texts[0].startswith("The National Union of Journalists condemned the detention of Jonas Berg")
    assert "called on the interior ministry to return their equipment" in texts[0]  # the link's words, not its address
    assert not [text for text in texts if "*" in text or "](" in text or "<" in text or "must never run" in text]
    assert texts[-2:] == ["Jonas Berg works for the Valley Tribune.", "Lea Novak is a freelance photographer."]
    assert ("Lea Novak", "We were asked who paid for our trip, not what we saw.") in \
        [(quote.speaker, quote.text) for quote in article.quotes]
    assert ("12 March 2024", "2024-03-12") in [(event.phrase, str(event.first)) for event in article.events]


def test_raw_html_in_a_note_is_reported_with_its_line(dossier):
    messages = [str(problem) for problem in dossier.problems if problem.path == "202_note.md"]
    assert messages == ["202_note.md: holds raw HTML (raw HTML at line 18); it is left out: an article's text is "
                        "shown as text. Write the passage as Markdown or plain text."]


def test_bad_inputs_in_the_new_formats_are_reported_and_nothing_else_is_lost(dossier, by_name):
    problems = {problem.path: problem for problem in dossier.problems}
    # a page with navigation and scripts but no article
    assert "no body text; not published" in problems["204_no_article.html"].message
    assert "Save the article's own page" in problems["204_no_article.html"].hint
    # front matter that is no YAML: reported with its line, and the article is still published without it
    bad = problems["205_bad_front_matter.md"]
    assert bad.line == 4 and "not valid YAML" in bad.message and "published without it" in bad.hint
    assert by_name["205_bad_front_matter.md"].paragraphs[0].text.startswith("The editor Mira Holm was released on bail")
    # markup broken off mid-page still gives its text
    assert [p.text[:40] for p in by_name["203_broken.html"].paragraphs] == [
        "A court in the capital adjourned the cas", "The hearing was moved to April after the",
        "Holm denies the charge of spreading fals"]
    assert sorted(by_name) == ["201_saved_page.html", "202_note.md", "203_broken.html", "205_bad_front_matter.md"]


def test_a_file_named_html_that_holds_no_html_and_two_files_with_one_name(tmp_path):
    (tmp_path / "a.html").write_text("Just some words, no markup at all.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A headline\n\nA paragraph.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Another\n\nText.\n", encoding="utf-8")
    problems = {problem.path: problem.message for problem in ingest(tmp_path).problems}
    assert problems["a.html"] == "is named like a web page but holds no HTML."
    assert problems["b.txt"].startswith("has the same name as b.md but for its ending")


def test_front_matter_alone_is_split_off_and_a_sidecar_overrides_it():
    converted = read_markdown("---\ntitle: A\n---\n# Heading\n\nBody *text*.\n")
    assert converted.front_matter == "title: A\n"
    assert converted.text == "Heading\n\nBody text."


def test_json_ld_and_meta_tags_are_the_fallback_when_the_page_has_nothing_else():
    page = (b'<html><head><script type="application/ld+json">{"@graph": [{"@type": "ReportageNewsArticle", '
            b'"headline": "A headline", "datePublished": "2023-11-02", "author": [{"name": "A. Writer"}, '
            b'{"name": "B. Writer"}]}]}</script></head><body><article><p>' + b"Words of the article. " * 20 +
            b"</p></article></body></html>")
    stated = read_html("x.html", page.decode("utf-8")).stated
    assert stated["date"].value == "2023-11-02" and stated["date"].evidence == "the saved page's JSON-LD datePublished"
    assert stated["title"].value == "A headline"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A new dossier (python -m generator new) with the fixtures dropped into its seeds/."""
    work = tmp_path_factory.mktemp("formats")
    result = subprocess.run([sys.executable, "-m", "generator", "new", "d", "--title", "Formats"], cwd=work, env=ENV,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    project = work / "d"
    for path in FIXTURES.iterdir():
        if path.name != "README.md":
            shutil.copy2(path, project / "seeds" / path.name)
    for strict in (True, False):
        result = subprocess.run([sys.executable, "-m", "generator", "build", *(["--strict"] if strict else [])],
                                cwd=project, env=ENV, capture_output=True, text=True, timeout=600)
        assert (result.returncode != 0) is strict, result.stdout + result.stderr  # --strict fails on the bad ones
    return project / "build" / "site"


def test_the_saved_page_is_published_clean_with_its_canonical_address_as_source(built):
    page = (built / "articles" / "two-reporters-detained-at-border-crossing" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://ledger.example.org/news/2024/03/reporters-detained"' in page
    assert "The Northern Ledger" in page and "Helen Marsh" in page
    assert not [words for words in PAGE_FURNITURE if words in page]
    assert "cdn.ledger.example.org" not in page


def test_nothing_from_a_saved_page_or_a_note_runs_in_the_browser(built):
    dialogs = []
    with browse(built.as_uri()) as visit:
        visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for slug in ("two-reporters-detained-at-border-crossing", "union-condemns-detention-of-reporters"):
            visit.page.goto((built / "articles" / slug / "index.html").as_uri())
            visit.page.wait_for_load_state("load")
        assert dialogs == []
        assert visit.page.locator("article script").count() == 0
