"""Dossier to pages (and the timeline's assets) through Jinja2 templates that write HTML.

Generated pages are rendered straight to HTML, with Jinja2's autoescaping, and handed to MkDocs
whole (`site/plugin.py`, `on_page_content`): Python-Markdown never parses them. That is what keeps
a dossier of thousands of articles about as quick to build as a plain MkDocs site, and it makes article text
plain data: every value a template prints is HTML-escaped, unless it is `Markup` this module
built itself from escaped pieces. Only the YAML front matter (title, description, metadata for
the theme) stays, so Material still titles, describes and indexes each page.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import jinja2
import yaml
from markupsafe import Markup, escape

from generator.model import (
    Article,
    Dossier,
    Entity,
    EntityKind,
    Mention,
    OpenData,
    Precision,
    Provenance,
    PublicationDate,
    Quote,
    TimelineEntry,
    format_date_iso,
)
from generator.render.chart import entries_per_year_svg
from generator.render.feeds import json_feed, rss_feed
from generator.render.index import (
    ENTITY_PAGE_ENTRIES,
    DossierIndex,
    articles_by_date,
    by_initial,
    organisations_by_type,
    quote_pages,
)
from generator.resources import TEMPLATES
from generator.text.slugs import slugify

#: libyaml's safe emitter when PyYAML has it (as its wheels do): same output rules, far faster.
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: What a generated page's Markdown holds besides its front matter; the hook puts the HTML in its place.
PAGE_PLACEHOLDER = "<!-- dossier:page -->"


@dataclass(frozen=True)
class RenderedPage:
    path: str  # relative to docs/, e.g. "articles/some-title.md"
    content: str  # what MkDocs reads: front matter and the placeholder, or the whole file for assets
    html: str | None = None  # the page's content, for pages
    toc: tuple[dict, ...] = ()  # MkDocs' table-of-contents tokens for the headings in `html`
    search: tuple[str, str] | None = None  # (title, text): the page's one lean search entry, instead of its content


@dataclass
class Headings:
    """A page's headings as they are written: unique ids, permalinks, and the table of contents."""

    tokens: list[dict] = field(default_factory=list)
    _ids: dict[str, int] = field(default_factory=dict)

    def __call__(self, level: int, text: object, dir: str | None = None,  # noqa: A002 -- HTML's name
                 search: bool = True) -> Markup:
        """A heading; `search=False` keeps its section out of the search index (Material's
        `data-search-exclude`), for sections that only repeat what the articles say."""
        label = text if isinstance(text, Markup) else escape(text)
        plain = Markup(label).striptags()
        anchor = self._unique(slugify(plain) or "section")
        token = {"level": level, "id": anchor, "name": html.escape(plain, quote=False), "children": []}
        siblings = self.tokens
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
        direction = Markup(f' dir="{dir}"') if dir in ("auto", "rtl", "ltr") else Markup("")
        if not search:
            direction += Markup(' data-search-exclude="true"')
        return Markup(f'<h{level} id="{anchor}"{direction}>{label}'
                      f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h{level}>')

    def _unique(self, anchor: str) -> str:
        count = self._ids.get(anchor, 0)
        self._ids[anchor] = count + 1
        return anchor if count == 0 else f"{anchor}_{count}"


class Renderer:
    def __init__(self, use_directory_urls: bool = True) -> None:
        self.use_directory_urls = use_directory_urls
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(link=self.link, date_text=date_text, published=published, highlight=highlight, by_sentence=by_sentence, quote_in_context=quote_in_context, entry_date=entry_date, day_text=day_text,
                                anchor=anchor, paragraph=self.paragraph)
        self.env.filters["noun"] = noun
        self.env.filters["capitalize_first"] = lambda text: text[:1].upper() + text[1:]

    def href(self, target: str, from_page: str) -> str:
        if target.startswith("https://"):
            return target
        return page_href(target, from_page, self.use_directory_urls)

    def link(self, label: object, target: str, from_page: str) -> Markup:
        """A link from one generated page to another, as the built site addresses it."""
        # one Markup from escaped pieces: a hundred thousand links, so no chain of Markup additions
        return Markup(f'<a href="{escape(self.href(target, from_page))}">{escape(label)}</a>')

    def paragraph(self, article: Article, number: int, index: "DossierIndex", page: str) -> Markup:
        """A paragraph's text, its quotes marked and linked to their speakers; the words themselves unchanged."""
        text = article.paragraphs[number - 1].text
        pieces, cursor = [], 0
        parts = sorted(((start, end, quote) for quote in article.quotes if quote.paragraph == number
                        for start, end in quote.parts), key=lambda part: part[:2])
        for start, end, quote in parts:
            if start > 0 and text[start - 1] in "“\"":
                start -= 1  # the quote marks belong to the highlight, so the speaker's name follows them
            if end < len(text) and text[end] in "”\"":
                end += 1
            pieces.append(escape(text[cursor:start]))
            quoted = text[start:end]
            if quote.speaker:
                href = self.href(index.target(index.entities[quote.speaker]), page)
                pieces.append(Markup('<a class="dossier-quote" data-speaker="{0}" href="{1}" title="Quoted: {0}">'
                                     '{2}</a>').format(quote.speaker, href, quoted))
            else:
                pieces.append(Markup('<span class="dossier-quote dossier-quote--unattributed" '
                                     'title="Not attributed in the text">{}</span>').format(quoted))
            cursor = end
        pieces.append(escape(text[cursor:]))
        return Markup("").join(pieces)

    def render(self, template: str, page: str, **context: object) -> tuple[str, tuple[dict, ...]]:
        headings = Headings()
        body = self.env.get_template(template).render(page=page, h=headings, **context)
        return body, tuple(headings.tokens)

    def page(self, path: str, meta: Mapping[str, object], template: str, **context: object) -> RenderedPage:
        body, toc = self.render(template, path, **context)
        return RenderedPage(path, front_matter(meta) + PAGE_PLACEHOLDER + "\n", body, toc)

    def pages(self, dossier: Dossier, site_name: str = "Dossier", site_description: str = "",
              site_url: str = "", open_data: OpenData | None = None) -> list[RenderedPage]:
        """Every generated page, its chart and feeds; `open_data` (made by `export/`) is what the Sources
        page links to: none, in the live preview."""
        open_data = open_data or OpenData()
        index = DossierIndex(dossier)
        pages = [self.page(article.page_path, {
                     "title": article.metadata.title.value, "description": article.metadata.description,
                     "template": "article.html", "dossier_article": article_meta(article)},
                     "article.html.j2", article=article, entities=index.entities_in(article), index=index)
                 for article in dossier.articles]
        dated, undated = articles_by_date(dossier.articles)
        pages.append(self.page("articles/index.md", {
            "title": "Articles", "description": "Every article of the dossier, by publication date."},
            "articles_index.html.j2", dated=dated, undated=undated))
        for entity in (entity for entity in dossier.entities if entity.has_page):
            entity_page = self.page(entity.page_path, {
                "title": entity.name,
                "description": (entity.role or entity.description or entity.kind.value) + " — appearances in the dossier",
                "search": {"exclude": True}},  # its mentions repeat the articles: one lean entry stands for it
                "entity.html.j2", entity=entity, index=index, entries_shown=ENTITY_PAGE_ENTRIES)
            pages.append(replace(entity_page, search=(entity.name, entity_search_text(entity))))
            parts = index.mention_parts(entity)
            for part in parts[1:]:
                pages.append(self.page(part.path, {
                    "title": f"{entity.name}: mentions, part {part.number} of {part.count}",
                    "description": f"More appearances of {entity.name} in the dossier", "search": {"exclude": True}},
                    "entity_mentions.html.j2", entity=entity, part=part, parts=parts, index=index))
        descriptions = {EntityKind.PERSON: "The people named in the dossier, A to Z.",
                        EntityKind.ORGANISATION: "The organisations named in the dossier, by kind.",
                        EntityKind.PLACE: "The places named in the dossier."}
        templates = {EntityKind.PERSON: "actors_index.html.j2", EntityKind.ORGANISATION: "organisations_index.html.j2",
                     EntityKind.PLACE: "places_index.html.j2"}
        for kind, index_pages in index.entity_index_pages.items():
            for index_page in index_pages:
                names = index_page.entities
                groups = (by_initial(names) if kind is EntityKind.PERSON
                          else organisations_by_type(names) if kind is EntityKind.ORGANISATION else names)
                pages.append(self.page(index_page.path, {"title": index_page.heading,
                                                         "description": descriptions[kind]},
                                       templates[kind], heading=index_page.heading, groups=groups,
                                       sections=index_page.sections, index=index))
        for timeline_page in index.timeline_pages:
            pages.append(self.page(timeline_page.path, {
                "title": timeline_page.heading,
                "description": "What happened when, according to the dossier's articles, each entry cited to its "
                               "paragraphs."},
                "timeline.html.j2", heading=timeline_page.heading, years=timeline_page.years,
                undated=timeline_page.undated, periods=timeline_page.periods, index=index))
        for quotes_page in quote_pages(index.quotes_by_speaker(), index.unattributed_quotes()):
            pages.append(self.page(quotes_page.path, {
                "title": quotes_page.heading, "description": "Every direct quotation in the dossier, by speaker."},
                "quotes_index.html.j2", heading=quotes_page.heading, speakers=quotes_page.speakers,
                unattributed=quotes_page.unattributed, sections=quotes_page.sections, index=index))
        pages.append(self.page("sources/index.md", {
            "title": "Sources",
            "description": "The publishers of the dossier's articles, and passages printed by more than one."},
            "sources_index.html.j2", publishers=index.articles_by_publisher(), unknown=index.unknown_publisher(),
            shared=dossier.shared_passages, index=index, data=open_data.tables,
            ftm_file=open_data.ftm.path if open_data.ftm else None))
        pages.append(RenderedPage("timeline/chart.svg", entries_per_year_svg(
            dossier.timeline, "Timeline entries per year")))
        pages.append(RenderedPage("feed.xml", rss_feed(dossier.articles, site_name, site_description, site_url)))
        pages.append(RenderedPage("feed.json", json_feed(dossier.articles, site_name, site_description, site_url)))
        return pages

    def home_summary(self, dossier: Dossier, page: str = "index.md") -> str:
        return self.render("home_summary.html.j2", page, summary=summarise(dossier))[0]


def entity_search_text(entity: Entity) -> str:
    """What search finds an entity by: its kind, role, description and the other ways it is written."""
    parts = [entity.kind.value + (f", {entity.org_type.value}" if entity.org_type else "")]
    parts += [value for value in (entity.role, entity.description) if value]
    if entity.aliases:
        parts.append("Also written: " + ", ".join(entity.aliases))
    return ". ".join(parts)


def highlight(mention: Mention | Sequence[Mention]) -> Markup:
    """The mention's sentence with the name in bold; given several mentions of one sentence, each of
    them in bold. Every piece escaped."""
    mentions = [mention] if isinstance(mention, Mention) else list(mention)
    offset = mentions[0].sentence_start
    return _in_bold(mentions[0].sentence, sorted((m.start - offset, m.end - offset) for m in mentions))


def quote_in_context(quote: Quote) -> Markup:
    """A partial quotation in its sentence, the quoted words in bold (their marks are in the sentence)."""
    return _in_bold(quote.context, [(quote.start - quote.context_start, quote.end - quote.context_start)])


def _in_bold(sentence: str, spans: Sequence[tuple[int, int]]) -> Markup:
    """`sentence` with the (start, end) spans, in order, in bold; overlaps are bold once; all escaped."""
    pieces, at = [], 0
    for start, end in spans:
        start = max(at, start)
        pieces.append(f"{escape(sentence[at:start])}<strong>{escape(sentence[start:end])}</strong>")
        at = max(at, end)
    return Markup("".join(pieces) + str(escape(sentence[at:])))


def by_sentence(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Mentions in reading order, those of one sentence together: the sentence is shown once."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and (groups[-1][0].paragraph, groups[-1][0].sentence_start, groups[-1][0].sentence) == \
                (mention.paragraph, mention.sentence_start, mention.sentence):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def page_href(target: str, from_page: str, use_directory_urls: bool) -> str:
    """The built URL of a docs-relative target ("actors/x.md#p3"), relative to another page: what MkDocs
    would make of a Markdown link to it. Generated pages are HTML, so MkDocs does not rewrite their links."""
    path, _, fragment = target.partition("#")
    relative = _relative_url(path, from_page, use_directory_urls)
    return relative + ("#" + fragment if fragment else "")


@lru_cache(maxsize=65536)
def _relative_url(path: str, from_page: str, use_directory_urls: bool) -> str:
    target_url, from_url = _page_url(path, use_directory_urls), _page_url(from_page, use_directory_urls)
    base = from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)
    target_parts = [part for part in target_url.split("/") if part]
    base_parts = [part for part in base.split("/") if part]
    common = 0
    while common < min(len(target_parts), len(base_parts)) and target_parts[common] == base_parts[common]:
        common += 1
    relative = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if target_url.endswith("/") or not target_url:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative


def _page_url(path: str, use_directory_urls: bool) -> str:
    """"actors/x.md" as MkDocs publishes it: "actors/x/" (or "actors/x.html"); an index is its folder."""
    if not path.endswith(".md"):
        return path  # an asset: chart.svg, timeline.json
    stem = path.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def noun(count: int, singular: str, plural_form: str | None = None) -> str:
    """The word for `count` things: {{ n }} {{ n | noun("entry", "entries") }}."""
    return singular if count == 1 else plural_form or singular + "s"


def front_matter(values: Mapping[str, object]) -> str:
    """YAML front matter, written by a safe dumper so any title round-trips."""
    values = dict(values)
    return _front_matter(repr(values), values)


_FRONT_MATTER: dict[str, str] = {}


def _front_matter(key: str, values: dict[str, object]) -> str:
    """PyYAML's dumper is pure Python (a quarter of a millisecond a page); a page whose values are
    unchanged (most, in a rebuild) reuses the text. `key` is the values' repr: plain strings,
    numbers, booleans, lists and dicts in insertion order, so equal values give equal keys."""
    text = _FRONT_MATTER.get(key)
    if text is None:
        if len(_FRONT_MATTER) > 50_000:
            _FRONT_MATTER.clear()
        dumped = yaml.dump(values, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
        text = _FRONT_MATTER[key] = f"---\n{dumped}---\n"
    return text


def date_text(date: PublicationDate | dt.date | None, precision: Precision | None = None) -> str:
    """A date as readers write it, never more precise than known: "2 March 1987", "March 1987"."""
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


def published(date: PublicationDate) -> str:
    """An article's date as every page gives it: "2 March 1987", "3 March 1987 (inferred)", "not before
    9 March 1987 (inferred)" or "date unknown", so no two pages disagree on it."""
    if date.known:
        return date_text(date) + (" (inferred)" if date.provenance is Provenance.INFERRED else "")
    if date.not_before:
        return f"not before {date_text(date.not_before, date.not_before_precision)} (inferred)"
    return "date unknown"


QUALIFIER_WORDS = {"on": "", "by": "by ", "since": "since ", "after": "after ", "before": "before ",
                   "until": "until ", "still": "still in ", "about": "about "}


def day_text(date: dt.date, precision: Precision | None) -> str:
    """A date with its weekday where it is known to the day: "Tuesday 10 March 2026"; else as `date_text`."""
    text = date_text(date, precision)
    return f"{date:%A} {text}" if precision is Precision.DAY else text


def entry_date(entry: TimelineEntry) -> str:
    """"2 March 1987", "since 1985", "about May 1986": the date as precise as known, with its qualifier;
    "2006 (planned or expected)" where the articles give it as a plan or forecast, not as past."""
    if entry.first is None:
        return "date unresolved"
    text = QUALIFIER_WORDS.get(entry.qualifier, "") + date_text(entry.first, entry.precision)
    if entry.planned:
        text += " (planned or expected)"
    return text[0].upper() + text[1:]


def anchor(key: str) -> str:
    """A timeline entry's anchor; keys are generated, never text, and checked to be so."""
    if not re.fullmatch(r"[a-z0-9-]+", key):
        raise ValueError(f"unsafe anchor {key!r}")
    return key


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
        "url_withheld": meta.url_withheld,
        "language": meta.language,
        "words": meta.word_count,
        "reading_minutes": meta.reading_minutes,
        "source": meta.source_name,
        "sha256": meta.sha256,
        "paragraphs": len(article.paragraphs),
        "set_aside": [{"line": item.line, "kind": item.kind, "text": item.text} for item in article.clean.set_aside],
    }
