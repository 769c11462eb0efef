"""Dossier to Markdown pages (and the timeline's assets) through Jinja2 templates.

Article text is data. Every value a template prints is escaped by `escape.escape_markdown`
(installed as the environment's `finalize`), unless it is a `Markdown` value that this
module built itself: so escaping happens in one place and cannot be forgotten.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import jinja2
import yaml

from .chart import entries_per_year_svg
from .escape import Markdown, escape_markdown, html_attribute, markdown_escaped_chars
from .exports import events_csv, timelinejs_json
from .feeds import json_feed, rss_feed
from .index import DossierIndex, articles_by_date, organisations_by_type, people_by_initial, timeline_by_year
from .model import Article, Dossier, EntityKind, Mention, Precision, PublicationDate, TimelineEntry, format_date_iso

#: libyaml's safe emitter when PyYAML has it (as its wheels do): same output rules, far faster.
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class RenderedPage:
    path: str  # relative to docs/, e.g. "articles/some-title.md"
    content: str


class Renderer:
    def __init__(self, markdown_extensions: Iterable[str] = (), use_directory_urls: bool = True) -> None:
        self.escaped_chars = markdown_escaped_chars(tuple(markdown_extensions))
        self.use_directory_urls = use_directory_urls
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("generator", "templates"),
            autoescape=False,  # noqa: S701 -- HTML escaping is wrong for Markdown; `finalize` escapes instead
            finalize=self._finalize,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(link=self.link, front_matter=front_matter, date_text=date_text,
                                article_meta=article_meta, paragraph_attrs=paragraph_attrs,
                                highlight=self.highlight, entry_date=entry_date, anchor_div=anchor_div)
        self.env.filters["noun"] = noun

    def _finalize(self, value: object) -> str:
        if isinstance(value, Markdown):
            return value
        if value is None:
            return ""
        return escape_markdown(str(value), self.escaped_chars)

    def link(self, label: object, target: str, from_page: str) -> Markdown:
        """A Markdown link from one generated page to another, relative so MkDocs checks it."""
        if target.startswith("https://"):
            return Markdown(f"[{self._finalize(label)}](<{target}>)")
        return Markdown(f"[{self._finalize(label)}]({relative_url(target, from_page)})")

    def highlight(self, mention: Mention) -> Markdown:
        """The mention's sentence with the name in bold; every piece escaped."""
        start, end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
        sentence = mention.sentence
        return Markdown(f"{self._finalize(sentence[:start])}**{self._finalize(sentence[start:end])}**"
                        f"{self._finalize(sentence[end:])}")

    def paragraph(self, article: Article, number: int, index: "DossierIndex", page: str) -> Markdown:
        """A paragraph's text, its quotes marked and linked to their speakers; the words themselves unchanged."""
        text = article.paragraphs[number - 1].text
        pieces, cursor = [], 0
        for quote in (q for q in article.quotes if q.paragraph == number):
            start, end = quote.start, quote.end
            if start > 0 and text[start - 1] in "“\"":
                start -= 1  # the quote marks belong to the highlight, so the speaker's name follows them
            if end < len(text) and text[end] in "”\"":
                end += 1
            pieces.append(self._finalize(text[cursor:start]))
            quoted = self._finalize(text[start:end])
            if quote.speaker:  # raw HTML, so that no character of a name can end the link or start another
                href = page_href(index.entities[quote.speaker].page_path, page, self.use_directory_urls)
                label = html_attribute(quote.speaker)
                pieces.append(f'<a class="dossier-quote" data-speaker="{label}" href="{safe_href(href)}" '
                              f'title="Quoted: {label}">{quoted}</a>')
            else:
                pieces.append(f'<span class="dossier-quote dossier-quote--unattributed" '
                              f'title="Not attributed in the text">{quoted}</span>')
            cursor = end
        pieces.append(self._finalize(text[cursor:]))
        return Markdown("".join(pieces))

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    def pages(self, dossier: Dossier, site_name: str = "Dossier", site_description: str = "",
              site_url: str = "") -> list[RenderedPage]:
        index = DossierIndex(dossier)
        pages = [RenderedPage(article.page_path, self.render(
                     "article.md.j2", article=article, entities=index.entities_in(article), index=index,
                     paragraph=self.paragraph, page=article.page_path))
                 for article in dossier.articles]
        dated, undated = articles_by_date(dossier.articles)
        pages.append(RenderedPage("articles/index.md", self.render(
            "articles_index.md.j2", dated=dated, undated=undated, page="articles/index.md")))
        for entity in dossier.entities:
            pages.append(RenderedPage(entity.page_path, self.render(
                "entity.md.j2", entity=entity, index=index, page=entity.page_path)))
        pages.append(RenderedPage("actors/index.md", self.render(
            "actors_index.md.j2", groups=people_by_initial(index.of_kind(EntityKind.PERSON)), index=index,
            page="actors/index.md")))
        pages.append(RenderedPage("organisations/index.md", self.render(
            "organisations_index.md.j2", groups=organisations_by_type(index.of_kind(EntityKind.ORGANISATION)),
            index=index, page="organisations/index.md")))
        pages.append(RenderedPage("places/index.md", self.render(
            "places_index.md.j2", places=index.of_kind(EntityKind.PLACE), index=index, page="places/index.md")))
        pages.append(RenderedPage("timeline/index.md", self.render(
            "timeline.md.j2", years=timeline_by_year(dossier.timeline),
            undated=[entry for entry in dossier.timeline if entry.first is None], index=index,
            page="timeline/index.md")))
        pages.append(RenderedPage("quotes/index.md", self.render(
            "quotes_index.md.j2", speakers=index.quotes_by_speaker(), unattributed=index.unattributed_quotes(),
            index=index, page="quotes/index.md")))
        pages.append(RenderedPage("sources/index.md", self.render(
            "sources_index.md.j2", publishers=index.articles_by_publisher(), unknown=index.unknown_publisher(),
            shared=dossier.shared_passages, index=index, page="sources/index.md")))
        pages.append(RenderedPage("timeline/chart.svg", entries_per_year_svg(
            dossier.timeline, "Timeline entries per year")))
        pages.append(RenderedPage("timeline/timeline.json", timelinejs_json(
            list(dossier.timeline), index.articles, site_name, entry_date)))
        pages.append(RenderedPage("timeline/events.csv", events_csv(list(dossier.timeline), index.articles)))
        pages.append(RenderedPage("feed.xml", rss_feed(dossier.articles, site_name, site_description, site_url)))
        pages.append(RenderedPage("feed.json", json_feed(dossier.articles, site_name, site_description, site_url)))
        return pages

    def home_summary(self, dossier: Dossier, page: str = "index.md") -> str:
        return self.render("home_summary.md.j2", summary=summarise(dossier), page=page)


def relative_url(target: str, from_page: str) -> str:
    """A docs-relative target ("actors/x.md#p3") as seen from another generated page."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return relative + ("#" + anchor if anchor else "")


def page_href(target: str, from_page: str, use_directory_urls: bool) -> str:
    """The built URL of a docs-relative target, relative to another page: what MkDocs would make of a
    Markdown link to it, for the raw HTML links MkDocs does not rewrite."""
    path, _, anchor = target.partition("#")
    target_url, from_url = _page_url(path, use_directory_urls), _page_url(from_page, use_directory_urls)
    base = from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)
    relative = posixpath.relpath(target_url or ".", base or ".")
    if target_url.endswith("/") or not target_url:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative + ("#" + anchor if anchor else "")


def _page_url(path: str, use_directory_urls: bool) -> str:
    """"actors/x.md" as MkDocs publishes it: "actors/x/" (or "actors/x.html"); an index is its folder."""
    stem = path.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def safe_href(href: str) -> str:
    """A generated link target, checked: slugs and anchors only, nothing a text could have put there."""
    if not re.fullmatch(r"[a-z0-9./#-]+", href):
        raise ValueError(f"unsafe link target {href!r}")
    return href


def paragraph_attrs(number: int) -> Markdown:
    """attr_list syntax giving a paragraph its citable anchor: `#p3`."""
    return Markdown(f"{{: #p{number} data-para=\"{number}\" }}")


def noun(count: int, singular: str, plural_form: str | None = None) -> str:
    """The word for `count` things: {{ n }} {{ n | noun("entry", "entries") }}."""
    return singular if count == 1 else plural_form or singular + "s"


def front_matter(values: Mapping[str, object]) -> Markdown:
    """YAML front matter, written by a safe dumper so any title round-trips."""
    dumped = yaml.dump(dict(values), Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return Markdown(f"---\n{dumped}---\n")


def date_text(date: PublicationDate | dt.date | None, precision: Precision | None = None) -> str:
    """A date as readers write it, never more precise than known: "4 July 2025", "July 2025"."""
    if isinstance(date, PublicationDate):
        date, precision = date.value, date.precision
    if date is None:
        return "unknown"
    if precision is Precision.DECADE:
        return f"{date.year}s"
    if precision is Precision.WEEK:
        return f"week of {date.day} {date.strftime('%B %Y')}"
    if precision is Precision.YEAR:
        return str(date.year)
    if precision is Precision.MONTH:
        return date.strftime("%B %Y")
    return f"{date.day} {date.strftime('%B %Y')}"


QUALIFIER_WORDS = {"on": "", "since": "since ", "after": "after ", "before": "before ", "until": "until ",
                   "about": "about "}


def entry_date(entry: TimelineEntry) -> str:
    """"3 July 2025", "since 2021", "about May 2022": the date as precise as known, with its qualifier."""
    if entry.first is None:
        return "date unresolved"
    text = QUALIFIER_WORDS.get(entry.qualifier, "") + date_text(entry.first, entry.precision)
    return text[0].upper() + text[1:]


def anchor_div(key: str) -> Markdown:
    """The opening tag of a timeline entry's block, with its anchor; keys are generated, never text."""
    if not re.fullmatch(r"[a-z0-9-]+", key):
        raise ValueError(f"unsafe anchor {key!r}")
    return Markdown(f'<div class="dossier-event" id="{key}" markdown>')


@dataclass(frozen=True)
class Summary:
    articles: int
    dated: int
    publishers: int
    unknown_publisher: int
    paragraphs: int
    words: int
    first: str
    last: str
    people: int = 0
    organisations: int = 0
    timeline: int = 0
    quotes: int = 0


def summarise(dossier: Dossier) -> Summary:
    dated, _ = articles_by_date(dossier.articles)
    publishers = {a.metadata.publisher.value for a in dossier.articles if a.metadata.publisher.known}
    return Summary(
        articles=len(dossier.articles),
        dated=len(dated),
        publishers=len(publishers),
        unknown_publisher=sum(not a.metadata.publisher.known for a in dossier.articles),
        paragraphs=sum(len(a.paragraphs) for a in dossier.articles),
        words=sum(a.metadata.word_count for a in dossier.articles),
        first=date_text(dated[0].metadata.date) if dated else "",
        last=date_text(dated[-1].metadata.date) if dated else "",
        people=sum(e.kind is EntityKind.PERSON for e in dossier.entities),
        organisations=sum(e.kind is EntityKind.ORGANISATION for e in dossier.entities),
        timeline=sum(entry.first is not None for entry in dossier.timeline),
        quotes=sum(len(a.quotes) for a in dossier.articles),
    )


def article_meta(article: Article) -> dict[str, object]:
    """The metadata block's data, read by the `article.html` override; plain values only."""
    meta = article.metadata
    date = meta.date
    return {
        "id": meta.article_id,
        "title_provenance": meta.title.provenance.value,
        "title_evidence": meta.title.evidence,
        "publisher": meta.publisher.value,
        "publisher_provenance": meta.publisher.provenance.value,
        "publisher_evidence": meta.publisher.evidence,
        "author": meta.author.value,
        "author_provenance": meta.author.provenance.value,
        "author_evidence": meta.author.evidence,
        "date": format_date_iso(date.value, date.precision) if date.value else None,
        "date_text": date_text(date),
        "date_precision": date.precision.value if date.precision else None,
        "date_provenance": date.provenance.value,
        "date_evidence": date.evidence,
        "not_before": date_text(date.not_before, date.not_before_precision) if date.not_before else None,
        "not_before_evidence": date.not_before_evidence or None,
        "dateline": meta.dateline,
        "url": meta.url,
        "language": meta.language,
        "words": meta.word_count,
        "reading_minutes": meta.reading_minutes,
        "source": meta.source_name,
        "sha256": meta.sha256,
        "paragraphs": len(article.paragraphs),
        "set_aside": [{"line": item.line, "kind": item.kind, "text": item.text} for item in article.clean.set_aside],
    }
