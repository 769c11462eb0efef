"""The built site (mkdocs build --strict): article pages, metadata blocks, anchors, indexes."""

from __future__ import annotations

import re

import pytest

from tests.clean.test_boilerplate import SEED_BOILERPLATE, _body_lines
from tests.conftest import SEEDS
from tests.helpers import article_body_html, fold, main_text, paragraph_texts, visible_text


def _page(site, article):
    return (site / "articles" / article.slug / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SEED_BOILERPLATE))
def test_every_body_line_of_a_seed_is_on_its_page(built_site, article_by_source, name):
    headline, boilerplate = SEED_BOILERPLATE[name]
    raw = (SEEDS / name).read_text(encoding="utf-8").split("You Might Also Be Interested In")[0]
    body = visible_text(article_body_html(_page(built_site, article_by_source[name])))
    for line in _body_lines(raw, headline, boilerplate):
        assert line in body, f"missing on page: {line[:80]!r}"
    for text in boilerplate:
        if text != "Zan News":
            assert text not in body


def test_paragraphs_have_stable_anchors(built_site, article_by_source):
    article = article_by_source["004_bd110d5bfaa63d58.txt"]
    paragraphs = paragraph_texts(_page(built_site, article))
    assert list(paragraphs) == [f"p{n}" for n in range(1, 22)]
    assert paragraphs["p3"].startswith("Foreign Minister Amir Khan Muttaqi said he hoped")
    assert paragraphs["p18"].startswith("Dr Rangin Dadfar Spanta, a former Afghan national security adviser")


def test_metadata_block_shows_provenance(built_site, article_by_source):
    meta_000 = visible_text(_page(built_site, article_by_source["000_68507b3c627c16da.txt"]).split('class="dossier-body"')[0])
    assert "Published 5 July 2025 inferred" in meta_000
    assert "Source Zan News" in meta_000 and "Author unknown" in meta_000
    meta_002 = visible_text(_page(built_site, article_by_source["002_e2ffc1113a645db8.txt"]).split('class="dossier-body"')[0])
    # 002's "Last week" (¶7) retells the recognition the other reports date Thursday 3 July 2025
    assert "Published unknown — not before 7 July 2025 inferred" in meta_002
    assert "Source unknown" in meta_002
    # the title made from 002's first sentence, shown beside its badge (a badge alone says nothing)
    assert "Title A coalition of women’s protest movements has condemned Russia’s recognition of the Taliban, " \
           "calling … derived" in meta_002


def test_set_aside_lines_are_listed_for_provenance(built_site, article_by_source):
    page = _page(built_site, article_by_source["001_b8986cde7695ea0e.txt"])
    provenance = visible_text(page.split('class="dossier-provenance"')[1])
    assert "9 photo credit Photo: Wakil Kohsar/AFP" in provenance
    assert "10 photo credit Photo: Wakil Kohsar/AFP" in provenance
    assert "43 page chrome bottom of page" in provenance


def test_articles_index_sorts_by_date_and_lists_undated_apart(built_site, article_by_source):
    index = (built_site / "articles" / "index.html").read_text(encoding="utf-8")
    dated, undated = index.split('id="undated-articles"')
    order = [article_by_source[name].slug for name in
             ("004_bd110d5bfaa63d58.txt", "000_68507b3c627c16da.txt", "001_b8986cde7695ea0e.txt")]
    positions = [dated.index(f'href="{slug}/"') for slug in order]
    assert positions == sorted(positions)
    for name in ("002_e2ffc1113a645db8.txt", "003_db9fd82546c56745.txt"):
        assert f'href="{article_by_source[name].slug}/"' in undated
    assert "3 July 2025 (inferred)" in visible_text(undated)


def test_home_page_counts(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    home = visible_text(html)
    counts = html.split('class="dossier-counts"')[1].split("</div>")[0]
    assert counts.count("<li>") == 4  # one line each: articles, paragraphs, names, publishers
    assert "5 articles, 3 of them dated (4 July 2025 to 5 July 2025)" in home
    assert "1 publisher named; 3 articles with no stated source" in home
    # the people and organisations listed by hand in test_assemble.py; 33 quotes as in bench/gold; the
    # 14 timeline entries of test_timeline.py less the one that stays undated (002 ¶3 and 003 ¶2 date one
    # happening to 2021, the takeover; 004 ¶11 and ¶19 two others)
    assert "7 people and 14 organisations named; 33 quotes; 13 dated entries on the timeline" in home


def test_titles_are_escaped_in_title_tag(built_site, article_by_source):
    page = _page(built_site, article_by_source["001_b8986cde7695ea0e.txt"])
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert fold(title).startswith("Women Activists: From Now On, Every Act of Taliban Repression")


def test_nav_stays_small(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('class="md-tabs__list"')[1].split("</ul>")[0]
    # Home, Articles, People, Organisations, Places, Timeline, Quotes, Sources, About: every other page
    # is reached through these indexes
    assert nav.count("<li") == 9


def test_actors_index_lists_people_by_surname_with_role_and_counts(built_site):
    index = visible_text((built_site / "actors" / "index.html").read_text(encoding="utf-8"))
    assert "Dmitry Peskov Kremlin spokesman 1 1" in index
    assert "Vladimir Putin President of Russia 2 2" in index
    order = [index.index(name) for name in ("Gul Hassan Hassan", "Fawzia Koofi", "Sergey Lavrov", "Amir Khan Muttaqi",
                                            "Dmitry Peskov", "Vladimir Putin", "Rangin Dadfar Spanta")]
    assert order == sorted(order)


def test_organisations_index_is_grouped_by_kind(built_site):
    index = main_text((built_site / "organisations" / "index.html").read_text(encoding="utf-8"))
    assert "Armed group or de facto authority¶ Name Mentions Articles Taliban 43 5 Civil society" in index
    assert "Media¶ Name Mentions Articles Al Jazeera 1 1 The Express Tribune 1 1" in index


def test_entity_page_shows_mentions_in_context_linked_to_paragraphs(built_site, article_by_source):
    page = (built_site / "actors" / "fawzia-koofi" / "index.html").read_text(encoding="utf-8")
    article = article_by_source["004_bd110d5bfaa63d58.txt"]
    assert f'href="../../articles/{article.slug}/#p4"' in page
    assert f'href="../../articles/{article.slug}/#p5"' in page
    text = visible_text(page)
    assert "Koofi went on to warn “such steps risk endangering" in text
    assert "Also written Koofi" in text and "Dated articles 4 July 2025" in text


def test_article_page_lists_the_people_and_organisations_it_names(built_site, article_by_source):
    page = (built_site / "articles" / article_by_source["002_e2ffc1113a645db8.txt"].slug / "index.html").read_text(
        encoding="utf-8")
    named = visible_text(page.split('id="named-in-this-article"')[1].split("</ul>")[0])
    assert "People: Dmitry Peskov · Vladimir Putin" in named
    assert "Independent Coalition of Women’s Protest Movements of Afghanistan" in named


def test_unreviewed_names_are_marked(tmp_path):
    from generator.pipeline import build_dossier
    from generator.render.pages import Renderer

    (tmp_path / "a.txt").write_text("A Headline\n\nThe minister Jan Novak met Maria Lopez in Lisbon on Friday.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another Headline\n\nJan Novak spoke to reporters in Lisbon.\n", encoding="utf-8")
    dossier = build_dossier(tmp_path)
    pages = {page.path: page.html or page.content for page in Renderer().pages(dossier)}
    person = next(content for path, content in pages.items() if path.startswith("actors/") and "novak" in path)
    # no name is the curator's: each page says the model found it; the index says so once, marking no row
    assert "Found by the language model; not checked by a person." in person
    assert "(unreviewed)" not in pages["actors/index.md"]
    assert "none has been checked by a person yet" in pages["actors/index.md"]


def test_a_name_one_article_gives_is_a_row_of_the_index_not_a_page(tmp_path):
    """Maria Lopez is named once, in one article: no page of her own; her row carries her sentence and
    links to the paragraph, and every link to her lands on that row."""
    from generator.pipeline import build_dossier
    from generator.render.pages import Renderer

    (tmp_path / "a.txt").write_text("A Headline\n\nThe minister Jan Novak met Maria Lopez in Lisbon on Friday.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another Headline\n\nJan Novak spoke to reporters in Lisbon.\n", encoding="utf-8")
    dossier = build_dossier(tmp_path)
    lopez = next(entity for entity in dossier.entities if entity.name == "Maria Lopez")
    pages = {page.path: page.html or page.content for page in Renderer().pages(dossier)}
    assert lopez.page_path not in pages and not lopez.has_page
    row = pages["actors/index.md"].split(f'id="{lopez.slug}"', 1)[1].split("</td>", 1)[0]
    assert "<strong>Maria Lopez</strong>" in row and "met <strong>Maria Lopez</strong> in Lisbon" in row
    assert 'href="../articles/a-headline/#p1"' in row
    assert '<span class="dossier-single" data-search-exclude="true">' in row  # searchable in its article
    article = pages["articles/a-headline.md"]
    assert f'href="../../actors/#{lopez.slug}"' in article


def test_an_entity_is_found_by_its_names_not_its_mentions_again(built_site):
    """Entity pages repeat the articles' sentences: search holds each entity by name, role and spellings."""
    from tests.search_files import index_of

    index = index_of(built_site)
    # Fawzia Koofi is "former Afghan politician Fawzia Koofi" in one article, "Koofi" alone nowhere else
    assert index.pages["actors/fawzia-koofi/"] == {
        "id": index.pages["actors/fawzia-koofi/"]["id"], "title": "Fawzia Koofi", "kind": "Person",
        "summary": "Former Afghan politician · in 1 article · also written Koofi",
        "names": ["fawzia koofi", "koofi"]}
    assert index.passages("actors/fawzia-koofi/") == []
    koofi = index.postings("koofi")
    assert max(koofi, key=koofi.get) == "actors/fawzia-koofi/" and any(page.startswith("articles/") for page in koofi)
    # an article's passages are its paragraphs: not its list of names, nor an index page's table cells
    for location, page in index.pages.items():
        if page["kind"] == "Article":
            assert all(heading.startswith("¶") for _, heading, _ in index.passages(location)), location
        if page["kind"] == "List":
            assert index.passages(location) == [], location



def test_a_tab_of_its_own_has_no_sidebar_listing_only_itself(built_site):
    """With navigation tabs, a top-level page's sidebar held one link: to the page itself (the phone's drawer,
    which is the same sidebar, still shows the whole navigation: Material hides it on wide screens only)."""
    for page in ("index.html", "articles/index.html", "about/index.html", "timeline/index.html"):
        assert 'data-md-type="navigation" hidden>' in (built_site / page).read_text(encoding="utf-8"), page
    person = (built_site / "actors" / "fawzia-koofi" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-type="navigation" hidden>' not in person


def test_the_home_pages_counts_are_the_index_pages_rows(built_site):
    home = visible_text((built_site / "index.html").read_text(encoding="utf-8"))
    people, organisations = map(int, re.search(r"(\d+) people and (\d+) organisations named", home).groups())

    def rows(page: str) -> int:
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        return html.count("<tr>") - html.count("<thead>")

    assert (people, organisations) == (rows("actors"), rows("organisations")) and people > 0 and organisations > 0
