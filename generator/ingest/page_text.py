"""A saved page's paragraphs read by a parser of our own, for the pages the main-text extractor cannot read.

trafilatura parses with lxml, which stops at 256 nested elements: a page built of deeply nested wrappers
(seen in saved pages of some content systems) came out as its headline alone, the body lost and the
article reported as "only a headline". Such a page is read here instead, paragraph by paragraph, with no
depth limit, leaving out what is never article text (scripts, styles, navigation, headers, footers,
forms); the caller says so, since page furniture may remain.
"""

from __future__ import annotations

from html.parser import HTMLParser

#: Past this depth lxml (and so the extractor) may lose the page's body: read it here.
DEEP = 200
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "form", "aside",
                       "button", "select", "svg", "head"})
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption",
                     "td", "th", "div", "section", "article", "main", "tr", "br"})


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = 0
        self.skipping = 0  # how many open elements of `_NOT_TEXT` enclose the text
        self.open: list[str] = []
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self._break()
        if tag in _VOID:
            return
        self.open.append(tag)
        self.depth = len(self.open)
        self.deepest = max(self.deepest, self.depth)
        if tag in _NOT_TEXT:
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag not in self.open:
            return
        while self.open:  # an end tag closes what it encloses that was left open
            closed = self.open.pop()
            if closed in _NOT_TEXT:
                self.skipping -= 1
            if closed == tag:
                break
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)


def nesting_and_paragraphs(text: str) -> tuple[int, list[str]]:
    """How deep the page's elements nest, and its text as paragraphs (a block element's text each)."""
    parser = _Paragraphs()
    parser.feed(text)
    parser.close()
    parser._break()
    return parser.deepest, parser.paragraphs
