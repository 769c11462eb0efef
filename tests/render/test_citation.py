"""Citable pages: the Highwire tags reference managers read, and a "Cite this page" block on every page.
Facts from the seeds: 000 is headed "Civil Organizations: …" and says "- Zan News", "- Jul 5" (no year);
004 has no headline (its title is made from its first sentence) and says "date 2025-07-04"."""

from __future__ import annotations

import re

from generator.render.citation import cited_date, highwire

CIVIL = "Civil Organizations: Russia’s Move to Legitimize the Taliban Has Dangerous Consequences for Women"


def test_an_article_is_cited_by_what_it_states_and_nothing_inferred(article_by_source):
    civil = article_by_source["000_68507b3c627c16da.txt"]
    assert highwire(civil) == [("citation_title", CIVIL), ("citation_journal_title", "Zan News"),
                               ("citation_publisher", "Zan News")]  # "Jul 5": the year is inferred, so no date
    assert cited_date(civil) is None


def test_a_made_up_title_is_not_cited_but_a_stated_date_is(article_by_source):
    article = article_by_source["004_bd110d5bfaa63d58.txt"]
    assert highwire(article) == []  # without a title of its own, a reference manager would cite a made-up one
    assert cited_date(article) == (2025, 7, 4)


def test_article_pages_carry_the_tags_and_every_page_a_cite_block(built_site):
    civil = next(page.read_text(encoding="utf-8") for page in built_site.glob("articles/*/index.html")
                 if "<code>000_68507b3c627c16da.txt</code>" in page.read_text(encoding="utf-8"))
    head = civil.split("</head>")[0]
    assert f'<meta name="citation_title" content="{CIVIL}">' in head
    assert '<meta name="citation_journal_title" content="Zan News">' in head
    assert "citation_publication_date" not in head and "citation_author" not in head
    for page in [built_site / "index.html", built_site / "about" / "index.html", *built_site.glob("actors/*/index.html"),
                 *built_site.glob("articles/*/index.html")]:
        text = " ".join(page.read_text(encoding="utf-8").split())
        block = re.search(r'<aside class="dossier-cite".*?</aside>', text)
        assert block, page
        assert "Russia recognises the Taliban: a documentary dossier. “" in block[0], block[0]
        assert re.search(r"\(built and accessed \d{1,2} [A-Z][a-z]+ \d{4}\)\.", block[0]), block[0]
    about = " ".join((built_site / "about" / "index.html").read_text(encoding="utf-8").split())
    assert "“About.” /about/ (built" in about
