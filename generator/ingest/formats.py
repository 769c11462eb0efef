"""Saved web pages and Markdown notes as the plain text every later stage reads.

An article is text: a headline line, then paragraphs separated by blank lines. A `.txt` file is
that already. A saved web page (`.html`, `.htm`) gives its main text and metadata to trafilatura,
which sets aside navigation, scripts, styles, comments and share widgets; where trafilatura finds
no value, the page's own `<meta>` tags and JSON-LD `NewsArticle` are read. A Markdown note (`.md`)
has its YAML front matter split off (validated like a sidecar, by `ingest`) and its Markdown read
as text: formatting is dropped and raw HTML never passes. No markup from any source is ever kept,
so none can be live in the site.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from generator.ingest.page_text import DEEP, nesting_and_paragraphs

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md",)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Stated:
    """A metadata value a file states about itself, and where in the file it was read."""

    value: str
    evidence: str


@dataclass
class Converted:
    text: str
    stated: dict[str, Stated] = field(default_factory=dict)  # title, author, publisher, date, url, language
    front_matter: str | None = None  # the YAML between the --- lines of a Markdown file
    dropped: list[str] = field(default_factory=list)  # what was left out and why, for a warning
    notes: list[str] = field(default_factory=list)  # how the text was read, where it was not the usual way


# --- saved web pages --------------------------------------------------------------------------

def read_html(name: str, html: str) -> Converted:
    """The page's main text (headline first) and what it says of itself; `html` as `page_encoding` decoded it."""
    import trafilatura  # half a second to import: only when a dossier holds web pages

    page = _PageMetadata.read(html)
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                           include_images=False, include_links=False, favor_precision=True)
    extracted = (document.text if document is not None else "") or ""
    paragraphs = [" ".join(line.split()) for line in extracted.split("\n") if line.strip()]
    deepest, own = nesting_and_paragraphs(html)
    notes = []
    if deepest >= DEEP and sum(map(len, own)) > 2 * sum(map(len, paragraphs)):
        paragraphs = own  # the extractor lost the body in the depth: the page's own paragraphs, said so
        notes.append(f"nests its elements {deepest} deep, past what the main-text extractor reads, so its text "
                     "was read paragraph by paragraph instead")
    stated: dict[str, Stated] = {}

    def state(key: str, found: object, how: str, fallback: tuple[str, str] | None) -> None:
        if isinstance(found, str) and found.strip():
            stated[key] = Stated(" ".join(found.split()), f"the saved page's {how}")
        elif fallback:
            stated[key] = Stated(fallback[0], f"the saved page's {fallback[1]}")

    state("title", getattr(document, "title", None), "title (read by trafilatura)", page.get("title"))
    state("author", getattr(document, "author", None), "author (read by trafilatura)", page.get("author"))
    state("publisher", getattr(document, "sitename", None), "site name (read by trafilatura)", page.get("publisher"))
    state("url", page.get("url", ("", ""))[0] or getattr(document, "url", None), "canonical address", None)
    if "url" in stated and not re.match(r"https?://", stated["url"].value):
        del stated["url"]
    # the date as the page states it; trafilatura's own guesses from the text are not "stated"
    for key in ("date", "language"):
        if page.get(key):
            stated[key] = Stated(page[key][0], f"the saved page's {page[key][1]}")
    title = stated["title"].value if "title" in stated else None
    if title and paragraphs and " ".join(paragraphs[0].split()) == title:
        paragraphs = paragraphs[1:]  # the headline, repeated as the first line of the text
    text = "\n\n".join(([title] if title else []) + paragraphs)
    return Converted(text=text, stated=stated, notes=notes)


class _PageMetadata(HTMLParser):
    """`<meta>`, `<link rel=canonical>`, `<html lang>`, `<title>` and JSON-LD NewsArticle, as the page gives
    them. The first of several candidates wins, in the order of `_META` (the most specific first)."""

    _META = {
        "title": ("og:title", "twitter:title"),
        "author": ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author"),
        "publisher": ("og:site_name", "application-name", "dc.publisher"),
        "date": ("article:published_time", "datepublished", "dc.date", "dc.date.issued", "pubdate",
                 "publish-date", "date"),
        "url": ("og:url",),
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, tuple[str, str]] = {}
        self.meta: dict[str, str] = {}
        self._in: str | None = None
        self._title: list[str] = []
        self._scripts: list[str] = []
        self._script: list[str] = []

    @classmethod
    def read(cls, html: str) -> dict[str, tuple[str, str]]:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser.result()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value or "" for key, value in attrs}
        if tag == "html" and values.get("lang"):
            self.found.setdefault("language", (values["lang"].strip(), "<html lang>"))
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content", "").strip():
                self.meta.setdefault(key, " ".join(values["content"].split()))
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split() and values.get("href"):
            self.found.setdefault("url", (values["href"].strip(), '<link rel="canonical">'))
        elif tag == "title":
            self._in = "title"
        elif tag == "script" and "ld+json" in values.get("type", "").lower():
            self._in, self._script = "json-ld", []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in == "title":
            self._in = None
        elif tag == "script" and self._in == "json-ld":
            self._scripts.append("".join(self._script))
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self._title.append(data)
        elif self._in == "json-ld":
            self._script.append(data)

    def result(self) -> dict[str, tuple[str, str]]:
        found = dict(self.found)
        article = _news_article(self._scripts)
        for key, value in article.items():
            found.setdefault(key, (value, f"JSON-LD {_JSON_LD_KEYS[key]}"))
        for key, names in self._META.items():
            for meta_name in names:
                if meta_name in self.meta:
                    found.setdefault(key, (self.meta[meta_name], f'<meta {meta_name}="…">'))
                    break
        if self._title and "".join(self._title).strip():
            found.setdefault("title", (" ".join("".join(self._title).split()), "<title>"))
        if "date" in found:
            date = _iso_date(found["date"][0])
            if date is None:
                del found["date"]
            else:
                found["date"] = (date, found["date"][1])
        return found


_JSON_LD_KEYS = {"title": "headline", "author": "author.name", "publisher": "publisher.name", "date": "datePublished",
                 "url": "url"}


def _news_article(scripts: list[str]) -> dict[str, str]:
    """The first NewsArticle (or Article, ReportageNewsArticle…) in the page's JSON-LD."""
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in _items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(isinstance(kind, str) and kind.endswith("Article") for kind in kinds):
                continue
            found = {}
            for key, path in _JSON_LD_KEYS.items():
                value = _path(item, path.split("."))
                if isinstance(value, str) and value.strip():
                    found[key] = " ".join(value.split())
            return found
    return {}


def _items(data: object):
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
    elif isinstance(data, dict):
        yield data
        yield from _items(data.get("@graph", []))


def _path(item: object, keys: list[str]) -> object:
    for key in keys:
        if isinstance(item, list):
            item = item[0] if item else None
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    if isinstance(item, list):  # several authors: their names, joined
        names = [value.get("name") if isinstance(value, dict) else value for value in item]
        return ", ".join(name for name in names if isinstance(name, str))
    return item


def _iso_date(text: str) -> str | None:
    """"2024-03-04T10:00:00Z" → "2024-03-04"; a value that is no ISO date is not used."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


# --- Markdown ---------------------------------------------------------------------------------

def read_markdown(text: str) -> Converted:
    """The front matter apart, and the Markdown as paragraphs of text: a heading is a line of its own
    (the first one the headline), list items and quotations are paragraphs, raw HTML is dropped."""
    from markdown_it import MarkdownIt

    front_matter = None
    match = FRONT_MATTER.match(text)
    if match:
        front_matter = match.group(1) or ""
        # keep the line count, so that a line number in a message is the file's
        body = "\n" * match.group(0).count("\n") + text[match.end():]
    else:
        body = text
    tokens = MarkdownIt("commonmark").parse(body)
    blocks: list[str] = []
    dropped: list[str] = []
    for token in tokens:
        if token.type == "html_block":
            dropped.append(f"raw HTML at line {token.map[0] + 1 if token.map else '?'}")
        elif token.type in ("fence", "code_block"):
            blocks.append(" ".join(token.content.split()))
        elif token.type == "inline":
            blocks.append(_inline_text(token.children or [], dropped, token.map))
    paragraphs = [" ".join(block.split()) for block in blocks if block.strip()]
    return Converted(text="\n\n".join(paragraphs), front_matter=front_matter, dropped=dropped)


def _inline_text(children, dropped: list[str], where) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)  # its alt text
        elif child.type == "html_inline":
            if not dropped or not dropped[-1].endswith(f"line {where[0] + 1 if where else '?'}"):
                dropped.append(f"raw HTML at line {where[0] + 1 if where else '?'}")
    return "".join(parts)
