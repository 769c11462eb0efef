"""A hand-written page (docs/*.md) as search holds it: its sections, each the text under one heading.

Generated pages give search their passages from the dossier (`render.search_entry`); the curator's own
pages are Markdown that MkDocs has made HTML, so their text is read back from it here, as Material's
search would: by section, leaving out scripts, styles, permalink marks and what is marked
`data-search-exclude`.
"""

from __future__ import annotations

from html.parser import HTMLParser

from generator.render.search_entry import SearchEntry

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style", "template"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
_BLOCKS = frozenset({"p", "li", "td", "th", "dt", "dd", "blockquote", "pre", "div", "tr", "figcaption"})


class _Sections(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [["", "", []]]  # [anchor, heading, pieces of text]
        self.heading: list[str] | None = None
        self.skipping: list[str] = []  # the open elements whose content is left out

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        values = dict(attrs)
        if self.skipping or tag in _SKIPPED or "data-search-exclude" in values or "headerlink" in (
                values.get("class") or "").split():
            self.skipping.append(tag)
        elif tag in _HEADINGS:
            self.sections.append([values.get("id") or "", "", []])
            self.heading = []
        elif tag in _BLOCKS or tag == "br":
            self.sections[-1][2].append(" ")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in _HEADINGS and self.heading is not None:
            self.sections[-1][1] = " ".join("".join(self.heading).split())
            self.heading = None
        elif tag in _BLOCKS:
            self.sections[-1][2].append(" ")

    def handle_data(self, data):
        if self.skipping:
            return
        (self.heading if self.heading is not None else self.sections[-1][2]).append(data)


def page_entry(title: str, html: str) -> SearchEntry:
    """The curator's page as one entry of kind "Page", a passage per section that has text."""
    parser = _Sections()
    parser.feed(html)
    parser.close()
    blocks = tuple((anchor, heading or title, text) for anchor, heading, pieces in parser.sections
                   if (text := " ".join("".join(pieces).split())))
    return SearchEntry("Page", title, blocks[0][2][:160] if blocks else "", blocks=blocks)
