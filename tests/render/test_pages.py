"""Rendering: article text is escaped once, by Jinja2's autoescaping, and shows as written."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.render.environment import environment
from generator.render.front_matter import front_matter
from generator.render.pages import Renderer
from tests.helpers import elements, visible_text

HOSTILE = [
    "<script>alert(1)</script> and <img src=x onerror=alert(1)>",
    "[x](javascript:alert(1)) and <javascript:alert(1)>",
    "A paragraph {: onclick=alert(1) } ends",
    '--8<-- "/etc/passwd"',
    "{{ config }} and {% include 'x' %}",
    "# Not a heading",
    "1986. A year, not a list",
    "---",
    "> not a quote",
    "| a | b |",
    "* not a bullet",
    "    four-space indent",
    "under_scores and *stars* and `code` and \\backslash\\ and &amp; and &copy;",
    "!!! note \"not an admonition\"",
    "Price: $9bn (£6.6bn) – 50% off!",
    '" onmouseover="alert(1)',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_printed_text_renders_back_to_itself(text):
    html = environment().from_string('<p title="{{ text }}">{{ text }}</p>').render(text=text)
    assert visible_text(html) == " ".join(text.split())
    assert elements(html) == [("p", {"title": text})]  # no element or attribute came from the text


@pytest.mark.parametrize("title", ['A: b', "---", 'He said "no"', "line\nbreak", "</title><script>x</script>", "no"])
def test_front_matter_round_trips(title):
    dumped = front_matter({"title": title})
    assert yaml.safe_load(dumped.strip().strip("-")) == {"title": title}


def test_generated_pages_are_html_with_their_front_matter(dossier):
    """MkDocs reads the front matter and a placeholder; the hook puts the rendered HTML in its place."""
    from generator.render.front_matter import PAGE_PLACEHOLDER

    article = dossier.articles[0]
    page = next(p for p in Renderer().pages(dossier) if p.path == article.page_path)
    assert page.content.startswith("---\n") and page.content.rstrip().endswith(PAGE_PLACEHOLDER)
    assert '<p data-para="1" id="p1" dir="auto">' in page.html


def test_page_href_is_the_url_mkdocs_gives_the_page():
    from generator.render.links import page_href

    assert page_href("actors/x.md#p3", "articles/a.md", True) == "../../actors/x/#p3"
    assert page_href("actors/x.md", "articles/a.md", False) == "../actors/x.html"
    assert page_href("actors/index.md", "index.md", True) == "actors/"
    assert page_href("index.md", "actors/x.md", True) == "../../"


def test_a_long_index_is_split_by_initial_and_links_land_on_the_row(tmp_path):
    """1,200 organisations each named in one article: the Organisations index becomes an overview and
    a page per initial; every name is a row on exactly one of them, and the article's link to a name
    points at that page and row."""
    import re

    from generator.extract.ner import NerSpan
    from generator.pipeline import build_dossier
    from generator.render.index import ENTITY_INDEX_ROWS

    def word(number: int) -> str:
        letters = ""
        for _ in range(5):
            number, digit = divmod(number, 26)
            letters += chr(97 + digit)
        return letters.capitalize()

    names = [f"{word(i * 7 + 3)} {word(i * 11 + 17000)} Holdings" for i in range(1200)]
    for number, name in enumerate(names):
        (tmp_path / f"{number:04d}.txt").write_text(
            f"Report {word(number + 90000)} {number}\n\nThe board of {name} met on Monday to discuss the results.\n",
            encoding="utf-8")

    class Names:
        def spans(self, articles):
            found = []
            for paragraphs in articles:
                found.append([NerSpan(number, text.index("of ") + 3, text.index(" met"), "ORG")
                              for number, text in enumerate(paragraphs, start=1) if " met" in text])
            return found

    dossier = build_dossier(tmp_path, Names())
    organisations = [e for e in dossier.entities if e.kind.value == "organisation"]
    assert len(organisations) == 1200 > ENTITY_INDEX_ROWS and not any(e.has_page for e in organisations)
    pages = {page.path: page.html for page in Renderer().pages(dossier)}
    index_pages = {path: html for path, html in pages.items() if path.startswith("organisations/")}
    assert "organisations/index.md" in index_pages and len(index_pages) > 10
    overview = index_pages.pop("organisations/index.md")
    assert 'href="names-a/"' in overview and "Holdings" not in overview
    rows = [row for html in index_pages.values() for row in re.findall(r'<td id="([a-z0-9-]+)"', html)]
    assert sorted(rows) == sorted(e.slug for e in organisations)  # each name a row, once
    assert max(len(html) for html in index_pages.values()) < 1_000_000

    first = next(e for e in organisations if e.name == names[0])
    initial = first.name[0].lower()
    article = next(a for a in dossier.articles if a.mentions and a.mentions[0].name == first.name)
    assert f'href="../../organisations/names-{initial}/#{first.slug}"' in pages[article.page_path]
    assert f'<td id="{first.slug}"' in index_pages[f"organisations/names-{initial}.md"]


def test_one_publisher_whatever_its_case():
    from dataclasses import replace

    from generator.model import Attributed, Dossier, Provenance
    from generator.render.index import DossierIndex
    from tests.helpers import article

    def published_by(article_id, name):
        made = article(article_id)
        return replace(made, metadata=replace(made.metadata, publisher=Attributed(name, Provenance.STATED)))

    dossier = Dossier(articles=(published_by("a", "REUTERS"), published_by("b", "Reuters"), published_by("c", "Reuters")),
                      problems=(), entities=(), timeline=(), shared_passages=())
    groups = DossierIndex(dossier).articles_by_publisher()
    assert [(name, [a.metadata.article_id for a in articles]) for name, articles in groups] == \
        [("Reuters", ["a", "b", "c"])]


def test_a_sentence_naming_an_entity_twice_is_listed_once_with_both_in_bold(dossier):
    # 002: "... revoke any formal recognition of the Taliban and urged democratic nations to impose
    # coordinated political, legal and financial sanctions on Taliban leaders and supporters."
    taliban = next(e for e in dossier.entities if e.name == "Taliban")
    html = next(p.html for p in Renderer().pages(dossier) if p.path == taliban.page_path)
    items = [item for item in html.split("<li") if "democratic nations to impose coordinated" in item]
    assert len(items) == 1
    assert items[0].count("<strong>Taliban</strong>") == 2


def test_every_page_gives_an_articles_date_the_same_way(dossier):
    # 002 states no date; ¶7 reports as "Last week" what the other four date 3 July 2025
    from generator.render.wording import published

    article = next(a for a in dossier.articles if a.source.name.startswith("002"))
    said = published(article.metadata.date)
    assert said == "not before 7 July 2025 (inferred)"
    pages = {p.path: p.html for p in Renderer().pages(dossier)}
    index_pages = [path for path in ("sources/index.md", "articles/index.md") if path in pages]
    assert len(index_pages) == 2
    assert "not before 7 July 2025 (inferred)" in pages["sources/index.md"]
    taliban = next(e for e in dossier.entities if e.name == "Taliban")
    assert "Not before 7 July 2025 (inferred)" in pages[taliban.page_path]


def test_an_entity_named_in_thousands_of_articles_pages_its_mentions(tmp_path):
    """2,500 reports naming one body (the way the United States fills a wire service's year): its page
    lists the first mentions and links the rest, each mention exactly once, every page under 1 MB."""
    import re

    from generator.extract.ner import NerSpan
    from generator.pipeline import build_dossier
    from generator.render.index import ENTITY_PAGE_ENTRIES, ENTITY_PAGE_MENTIONS

    for number in range(2500):
        (tmp_path / f"{number:04d}.txt").write_text(
            f"Report number {number}\n\nThe Atlantic Grain Council said on Monday that wheat stocks rose by {number} "
            f"tonnes.\n", encoding="utf-8")

    class Council:
        def spans(self, articles):
            return [[NerSpan(1, 4, 27, "ORG")] for _ in articles]

    dossier = build_dossier(tmp_path, Council())
    (council,) = [e for e in dossier.entities if e.name == "Atlantic Grain Council"]
    assert len(council.mentions) == 2500 > ENTITY_PAGE_MENTIONS
    pages = {page.path: page.html for page in Renderer().pages(dossier)}
    parts = [path for path in pages if path.startswith(council.page_path.removesuffix(".md"))]
    assert len(parts) == 3 and council.page_path in parts
    listed = [int(n) for path in parts for n in re.findall(r"<strong>Atlantic Grain Council</strong> said on Monday that wheat stocks rose by (\d+)", pages[path])]
    assert sorted(listed) == list(range(2500))  # each mention once, on one of the pages
    assert max(len(pages[path]) for path in parts) < 1_000_000
    assert 'href="mentions-2/"' in pages[council.page_path]
    assert 'href="../"' in pages[council.page_path.removesuffix(".md") + "/mentions-3.md"]
    entries = [entry for entry in dossier.timeline if council.name in entry.entities]
    assert len(entries) == 2500 > ENTITY_PAGE_ENTRIES  # each report's "on Monday", undated
    assert f"And {2500 - ENTITY_PAGE_ENTRIES} more entries" in pages[council.page_path]


def test_the_public_sources_page_holds_no_note_for_the_curator(dossier):
    sources = next(page.html for page in Renderer().pages(dossier) if page.path == "sources/index.md")
    assert "sidecar" not in sources and "seeds/" not in sources and "A curator can" not in sources
    assert "These articles do not say where they were published." in sources


def test_unreviewed_is_marked_only_where_it_tells_one_name_from_another(tmp_path):
    """Every name unreviewed (no registry): one sentence says so, no row is marked; some registered: the others are."""
    from generator.extract.ner import NerSpan
    from generator.pipeline import build_dossier

    for number in range(2):
        (tmp_path / f"{number}.txt").write_text(f"Report {number}\n\nMaria Lopez met Jan Novak in Lisbon.\n",
                                                encoding="utf-8")

    class People:
        def spans(self, articles):
            return [[NerSpan(1, 0, 11, "PERSON"), NerSpan(1, 16, 25, "PERSON")] for _ in articles]

    def actors_page() -> str:
        dossier = build_dossier(tmp_path, People())
        return next(page.html for page in Renderer().pages(dossier) if page.path == "actors/index.md")

    page = actors_page()
    assert "(unreviewed)" not in page and "none has been checked by a person yet" in page
    (tmp_path / "entities.yml").write_text("entities:\n  - name: Maria Lopez\n    kind: person\n", encoding="utf-8")
    page = actors_page()
    assert page.count("(unreviewed)") == 1 and "Names marked <em>unreviewed</em>" in page
    novak = page.split("Jan Novak</a>")[1].split("</td>")[0]
    assert "(unreviewed)" in novak


def test_the_timeline_chart_has_its_figures_as_text(dossier):
    timeline = next(page.html for page in Renderer().pages(dossier) if page.path == "timeline/index.md")
    figures = timeline.split("<summary>Entries per year, as figures</summary>")[1].split("</table>")[0]
    rows = re.findall(r"<tr><td>(\d{4})</td><td class=\"dossier-count\">(\d+)</td></tr>", figures)
    years = {entry.first.year for entry in dossier.timeline if entry.first}
    assert [int(year) for year, _ in rows] == sorted(years)
    assert sum(int(count) for _, count in rows) == sum(1 for entry in dossier.timeline if entry.first)
    assert 'alt="Bar chart of the timeline\'s entries per year' in timeline


def test_a_few_people_are_one_list_not_a_letter_heading_each(dossier):
    """The seeds name seven people: six letter headings over them only broke the list up."""
    actors = next(page.html for page in Renderer().pages(dossier) if page.path == "actors/index.md")
    assert "<h2" not in actors and actors.count("<table>") == 1
    assert sum(entity.kind.value == "person" for entity in dossier.entities) == actors.count("<tr>") - 1
