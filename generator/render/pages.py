"""Dossier to pages (and the timeline's assets) through Jinja2 templates that write HTML.

Generated pages are rendered straight to HTML, with Jinja2's autoescaping, and handed to MkDocs
whole (`site/plugin.py`, `on_page_content`): Python-Markdown never parses them. That is what keeps
a dossier of thousands of articles about as quick to build as a plain MkDocs site, and it makes article text
plain data: every value a template prints is HTML-escaped, unless it is `Markup` this module
built itself from escaped pieces. Only the YAML front matter (title, description, metadata for
the theme) stays, so Material still titles, describes and indexes each page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.model import Article, Dossier, EntityKind, OpenData
from generator.render.chart import entries_per_year, entries_per_year_svg
from generator.render.environment import Headings, environment
from generator.render.escaping import Markup, escape
from generator.render.feeds import json_feed, rss_feed
from generator.render.front_matter import PAGE_PLACEHOLDER, article_meta, front_matter
from generator.render.index import (
    ENTITY_PAGE_ENTRIES,
    DossierIndex,
    articles_by_date,
    by_initial,
    organisations_by_type,
    quote_pages,
    sort_name,
)
from generator.render.links import page_href
from generator.render.reuse import PageMemo
from generator.render.search_entry import (
    SearchEntry,
    article_entry,
    entity_entry,
    listing_entry,
    quotes_entry,
    timeline_entry,
)
from generator.render.summary import Summary
from generator.text.scripts import RIGHT_TO_LEFT_LETTER


@dataclass(frozen=True)
class RenderedPage:
    path: str  # relative to docs/, e.g. "articles/some-title.md"
    content: str  # what MkDocs reads: front matter and the placeholder, or the whole file for assets
    html: str | None = None  # the page's content, for pages
    toc: tuple[dict, ...] = ()  # MkDocs' table-of-contents tokens for the headings in `html`
    search: SearchEntry | None = None  # what the site's search holds of the page; None: not searched


#: Fewer people than this are one table: a letter heading over every name or two only breaks the list up.
LETTER_SECTIONS_FROM = 30


class Renderer:
    """`memo`: the pages of the last build, to reuse those whose inputs are unchanged (a preview's; see `reuse`)."""

    def __init__(self, use_directory_urls: bool = True, memo: PageMemo | None = None) -> None:
        self.use_directory_urls = use_directory_urls
        self.templates = environment()
        self.memo = memo

    def href(self, target: str, from_page: str) -> str:
        if target.startswith("https://"):
            return target
        return page_href(target, from_page, self.use_directory_urls)

    def link(self, label: object, target: str, from_page: str) -> Markup:
        """A link from one generated page to another, as the built site addresses it."""
        # one Markup from escaped pieces: a hundred thousand links, so no chain of Markup additions; a label in a
        # right-to-left script is isolated (dir="auto"), so a Persian title keeps its order in an English list
        direction = ' dir="auto"' if RIGHT_TO_LEFT_LETTER.search(str(label)) else ""
        return Markup(f'<a href="{escape(self.href(target, from_page))}"{direction}>{escape(label)}</a>')

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
                href = self.href(index.target_of(quote.speaker), page)
                pieces.append(Markup('<a class="dossier-quote" data-speaker="{0}" href="{1}" title="Quoted: {0}">'
                                     '{2}</a>').format(quote.speaker, href, quoted))
            else:
                pieces.append(Markup('<span class="dossier-quote dossier-quote--unattributed" '
                                     'title="Not attributed in the text">{}</span>').format(quoted))
            cursor = end
        pieces.append(escape(text[cursor:]))
        return Markup("").join(pieces)

    def render(self, template: str, page: str, **context: object) -> tuple[str, tuple[dict, ...]]:
        if self.memo is None:
            return self._render(template, page, context)
        return self.memo.render(template, page, context, self._render)  # type: ignore[return-value]

    def _render(self, template: str, page: str, context: dict[str, object]) -> tuple[str, tuple[dict, ...]]:
        headings = Headings()
        body = self.templates.get_template(template).render(page=page, h=headings, link=self.link,
                                                            paragraph=self.paragraph, **context)
        return body, tuple(headings.tokens)

    def page(self, path: str, meta: Mapping[str, object], template: str, search: SearchEntry | None = None,
             **context: object) -> RenderedPage:
        body, toc = self.render(template, path, **context)
        return RenderedPage(path, front_matter(meta) + PAGE_PLACEHOLDER + "\n", body, toc, search)

    def pages(self, dossier: Dossier, site_name: str = "Dossier", site_description: str = "",
              site_url: str = "", open_data: OpenData | None = None) -> list[RenderedPage]:
        """Every generated page, its chart and feeds; `open_data` (made by `export/`) is what the Sources
        page links to: none, in the live preview."""
        open_data = open_data or OpenData()
        index = DossierIndex(dossier)
        pages = [self.page(article.page_path, {
                     "title": article.metadata.title.value, "description": article.metadata.description,
                     "template": "article.html", "dossier_article": article_meta(article)},
                     "article.html.j2", article_entry(article), article=article, entities=index.links_in(article),
                     index=index)
                 for article in dossier.articles]
        dated, undated = articles_by_date(dossier.articles)
        pages.append(self.page("articles/index.md", {
            "title": "Articles", "description": "Every article of the dossier, by publication date."},
            "articles_index.html.j2", listing_entry("Articles", "Every article of the dossier, by publication date."),
            dated=dated, undated=undated))
        for entity in (entity for entity in dossier.entities if entity.has_page):
            pages.append(self.page(entity.page_path, {
                "title": entity.name,
                "description": (entity.role or entity.description or entity.kind.value) + " — appearances in the dossier"},
                "entity.html.j2", entity_entry(entity), entity=entity, index=index, entries_shown=ENTITY_PAGE_ENTRIES))
            parts = index.mention_parts(entity)
            for part in parts[1:]:
                pages.append(self.page(part.path, {
                    "title": f"{entity.name}: mentions, part {part.number} of {part.count}",
                    "description": f"More appearances of {entity.name} in the dossier"},
                    "entity_mentions.html.j2", entity=entity, part=part, parts=parts, index=index))
        descriptions = {EntityKind.PERSON: "The people named in the dossier, A to Z.",
                        EntityKind.ORGANISATION: "The organisations named in the dossier, by kind.",
                        EntityKind.PLACE: "The places named in the dossier."}
        templates = {EntityKind.PERSON: "actors_index.html.j2", EntityKind.ORGANISATION: "organisations_index.html.j2",
                     EntityKind.PLACE: "places_index.html.j2"}
        for kind, index_pages in index.entity_index_pages.items():
            for index_page in index_pages:
                names = index_page.entities
                if kind is EntityKind.PERSON:
                    groups = (by_initial(names) if len(names) > LETTER_SECTIONS_FROM
                              else [("", sorted(names, key=sort_name))])
                else:
                    groups = organisations_by_type(names) if kind is EntityKind.ORGANISATION else names
                pages.append(self.page(index_page.path, {"title": index_page.heading,
                                                         "description": descriptions[kind]},
                                       templates[kind], listing_entry(index_page.heading, descriptions[kind]),
                                       heading=index_page.heading, groups=groups,
                                       sections=index_page.sections, index=index))
        for timeline_page in index.timeline_pages:
            pages.append(self.page(timeline_page.path, {
                "title": timeline_page.heading,
                "description": "What happened when, according to the dossier's articles, each entry cited to its "
                               "paragraphs."},
                "timeline.html.j2", timeline_entry(timeline_page.heading, timeline_page.entries),
                heading=timeline_page.heading, years=timeline_page.years,
                chart=entries_per_year(dossier.timeline) if timeline_page.path == "timeline/index.md" else [],
                undated=timeline_page.undated, periods=timeline_page.periods, index=index))
        for quotes_page in quote_pages(index.quotes_by_speaker(), index.unattributed_quotes()):
            pages.append(self.page(quotes_page.path, {
                "title": quotes_page.heading, "description": "Every direct quotation in the dossier, by speaker."},
                "quotes_index.html.j2", quotes_entry(quotes_page.heading, quotes_page.quoted),
                heading=quotes_page.heading, speakers=quotes_page.speakers,
                unattributed=quotes_page.unattributed, sections=quotes_page.sections, index=index))
        pages.append(self.page("sources/index.md", {
            "title": "Sources",
            "description": "The publishers of the dossier's articles, and passages printed by more than one."},
            "sources_index.html.j2", listing_entry("Sources", "The publishers of the dossier's articles, and passages "
                                                      "printed by more than one."), publishers=index.articles_by_publisher(), unknown=index.unknown_publisher(),
            shared=dossier.shared_passages, index=index, data=open_data.tables,
            ftm_file=open_data.ftm.path if open_data.ftm else None))
        pages.append(RenderedPage("timeline/chart.svg", entries_per_year_svg(
            dossier.timeline, "Timeline entries per year")))
        pages.append(RenderedPage("feed.xml", rss_feed(dossier.articles, site_name, site_description, site_url)))
        pages.append(RenderedPage("feed.json", json_feed(dossier.articles, site_name, site_description, site_url)))
        return pages

    def home_summary(self, summary: Summary, page: str = "index.md") -> str:
        """The dossier's figures for a hand-written page (`summarise`), linked from that page."""
        return self.render("home_summary.html.j2", page, summary=summary)[0]

