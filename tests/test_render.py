"""Rendering: article text is escaped once and renders back to the same visible text."""

from __future__ import annotations

import markdown
import pytest
import yaml

from generator.escape import escape_markdown, markdown_escaped_chars
from generator.render import Renderer, front_matter
from tests.helpers import elements, visible_text

# The extensions MkDocs always adds, plus those of mkdocs.yml.
EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition")

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
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_back_to_itself(text):
    escaped = escape_markdown(text, markdown_escaped_chars(EXTENSIONS))
    html = markdown.markdown(escaped, extensions=list(EXTENSIONS))
    assert visible_text(html) == " ".join(text.split())
    assert elements(html) == [("p", {})]  # one plain paragraph: no element, attribute or link came from the text


def test_only_syntax_characters_get_a_backslash():
    escaped = escape_markdown("Kabul’s “deal”, 3 July", markdown_escaped_chars(EXTENSIONS))
    assert escaped == "Kabul’s “deal”, 3 July"


@pytest.mark.parametrize("title", ['A: b', "---", 'He said "no"', "line\nbreak", "</title><script>x</script>", "no"])
def test_front_matter_round_trips(title):
    dumped = front_matter({"title": title})
    assert yaml.safe_load(dumped.strip().strip("-")) == {"title": title}


def test_templates_escape_every_printed_value(dossier):
    renderer = Renderer(EXTENSIONS)
    article = dossier.articles[0]
    page = next(p for p in renderer.pages(dossier) if p.path == article.page_path)
    assert "\\." in page.content  # sentence ends are escaped...
    assert "{: #p1 data-para=\"1\" }" in page.content  # ...but the anchors the renderer adds are not


def test_html_attribute_values_are_inert_to_markdown_and_html():
    import markdown

    from generator.escape import html_attribute

    name = "Evil 'x') [click](javascript:alert(1)) `code` *em* <img src=x onerror=y> \"q\" & {: #id }"
    value = html_attribute(name)
    assert not any(char in value for char in "[]()`*<>\"'{}")
    html = markdown.markdown(f'<a class="q" title="{value}" href="../x/">quoted</a>', extensions=["attr_list"])
    assert html.count("<a ") == 1 and "<img" not in html and "<code>" not in html
    import html as html_module

    assert html_module.unescape(value) == name  # the browser reads back the name as written


def test_page_href_is_the_url_mkdocs_gives_the_page():
    from generator.render import page_href

    assert page_href("actors/x.md#p3", "articles/a.md", True) == "../../actors/x/#p3"
    assert page_href("actors/x.md", "articles/a.md", False) == "../actors/x.html"
    assert page_href("actors/index.md", "index.md", True) == "actors/"
    assert page_href("index.md", "actors/x.md", True) == "../../"
