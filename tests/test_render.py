"""Rendering: article text is escaped once, by Jinja2's autoescaping, and shows as written."""

from __future__ import annotations

import pytest
import yaml

from generator.render import Renderer, front_matter
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
    html = Renderer().env.from_string('<p title="{{ text }}">{{ text }}</p>').render(text=text)
    assert visible_text(html) == " ".join(text.split())
    assert elements(html) == [("p", {"title": text})]  # no element or attribute came from the text


@pytest.mark.parametrize("title", ['A: b', "---", 'He said "no"', "line\nbreak", "</title><script>x</script>", "no"])
def test_front_matter_round_trips(title):
    dumped = front_matter({"title": title})
    assert yaml.safe_load(dumped.strip().strip("-")) == {"title": title}


def test_generated_pages_are_html_with_their_front_matter(dossier):
    """MkDocs reads the front matter and a placeholder; the hook puts the rendered HTML in its place."""
    from generator.render import PAGE_PLACEHOLDER

    article = dossier.articles[0]
    page = next(p for p in Renderer().pages(dossier) if p.path == article.page_path)
    assert page.content.startswith("---\n") and page.content.rstrip().endswith(PAGE_PLACEHOLDER)
    assert '<p data-para="1" id="p1" dir="auto">' in page.html


def test_page_href_is_the_url_mkdocs_gives_the_page():
    from generator.render import page_href

    assert page_href("actors/x.md#p3", "articles/a.md", True) == "../../actors/x/#p3"
    assert page_href("actors/x.md", "articles/a.md", False) == "../actors/x.html"
    assert page_href("actors/index.md", "index.md", True) == "actors/"
    assert page_href("index.md", "actors/x.md", True) == "../../"
