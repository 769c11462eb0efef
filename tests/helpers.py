"""Small readers for built HTML: the visible text of a page or of one of its parts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Elements whose edges separate words, as a browser's innerText does; inline ones join directly.
_BLOCKS = frozenset("p div li ul ol td th tr table h1 h2 h3 h4 h5 h6 br dt dd dl blockquote section article "
                    "header footer nav details summary".split())


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    return fold("".join(collector.parts))  # as textContent: nodes joined as they stand


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article_body_html(html: str) -> str:
    match = re.search(r'<div class="dossier-body"[^>]*>(.*?)</div>\s*<details class="dossier-provenance"', html, re.S)
    assert match, "article page has no dossier-body"
    return match.group(1)


def paragraph_texts(html: str) -> dict[str, str]:
    """Anchor id -> visible text of each numbered paragraph."""
    return {anchor: visible_text(inner)
            for anchor, inner in re.findall(r'<p data-para="\d+" id="(p\d+)"[^>]*>(.*?)</p>', html, re.S)}


def main_text(html: str) -> str:
    """The visible text of the page's content column, without navigation and table of contents."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match, "no content column"
    return visible_text(match.group(1))


def elements(html: str) -> list[tuple[str, dict]]:
    """Every start tag in the HTML with its attributes, in order."""

    class _Elements(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[tuple[str, dict]] = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, dict(attrs)))

    parser = _Elements()
    parser.feed(html)
    return parser.found


def mention(article_id, name, kind=None, paragraph=1, origin="model", start=0, surface=None):
    """A hand-made mention, as extraction would give it before resolution."""
    from generator.model import EntityKind, Mention

    surface = surface or name
    return Mention(article_id=article_id, paragraph=paragraph, start=start, end=start + len(surface),
                   surface=surface, name=name, kind=kind or EntityKind.PERSON, origin=origin, sentence=surface,
                   sentence_start=0)


def article(article_id, *mentions, paragraphs=()):
    """A hand-made article holding `mentions`; `paragraphs` are its body texts, numbered from 1."""
    from generator.model import Article, Attributed, CleanText, Metadata, Paragraph, Provenance, PublicationDate

    unknown = Attributed(None, Provenance.UNKNOWN)
    metadata = Metadata(title=unknown, publisher=unknown, author=unknown,
                        date=PublicationDate(None, None, Provenance.UNKNOWN), url=None, language=None, word_count=0,
                        reading_minutes=1, sha256="", source_name=f"{article_id}.txt", article_id=article_id,
                        description="")
    body = tuple(Paragraph(number, text) for number, text in enumerate(paragraphs, start=1))
    return Article(source=None, clean=CleanText(None, None, body, ()), metadata=metadata, slug=article_id,
                   mentions=tuple(mentions))


def write_file(folder, name, content):
    """A file in a throw-away seeds folder: text (UTF-8) or bytes as given."""
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path
