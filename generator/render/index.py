"""Look-ups and groupings the page templates need: which entity is where, in what order.

Nothing here formats text; it only answers questions about the assembled dossier.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from generator.model import (
    ENTITY_FOLDERS,
    Article,
    Dossier,
    Entity,
    EntityKind,
    Mention,
    OrgType,
    Precision,
    PublicationDate,
    Quote,
    SharedPassage,
    TimelineEntry,
)
from generator.text.fold import fold_key
from generator.text.persian_words import collation_key
from generator.text.persian_words import initial as filing_letter


class EntityLink(NamedTuple):
    name: str
    target: str


class DossierIndex:
    """Look-ups the templates need, each built once: a page costs the same in a dossier of thousands."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.articles = {article.metadata.article_id: article for article in dossier.articles}
        self.entities = {entity.name: entity for entity in dossier.entities}
        reviewed = {entity.reviewed for entity in dossier.entities}
        #: "some" names are the curator's and some the model's (only then is a name marked unreviewed), "none" or "all"
        self.reviewing = "some" if len(reviewed) == 2 else "all" if reviewed == {True} else "none"
        self._quotes: dict[str | None, list[tuple[Article, Quote]]] = defaultdict(list)
        for article in dossier.articles:
            for quote in article.quotes:
                self._quotes[quote.speaker].append((article, quote))
        self._timeline: dict[str, list[TimelineEntry]] = defaultdict(list)
        for entry in dossier.timeline:
            for name in entry.entities:
                self._timeline[name].append(entry)
        self.timeline_pages = timeline_pages(dossier.timeline)
        self._timeline_page = {entry.key: page.path for page in self.timeline_pages
                               for entries in ([e for _, months in page.years for _, group in months for e in group],
                                               page.undated) for entry in entries}
        self.entity_index_pages = {kind: entity_index_pages(kind, self.of_kind(kind)) for kind in EntityKind}
        self._row_page = {entity.name: page.path for pages in self.entity_index_pages.values() for page in pages
                          for entity in page.entities}
        self._mention_parts: dict[str, list[MentionsPart]] = {}
        self._shared: dict[tuple[str, int], list[tuple[Article, int, SharedPassage]]] = defaultdict(list)
        for passage in dossier.shared_passages:
            for here, there in ((passage.first, passage.second), (passage.second, passage.first)):
                self._shared[here].append((self.articles[there[0]], there[1], passage))

    def of_kind(self, kind: EntityKind) -> list[Entity]:
        return [entity for entity in self.dossier.entities if entity.kind is kind]

    def target(self, entity: Entity) -> str:
        """Where a link to the entity goes: its page, or its row on the index page that lists it."""
        return entity.page_path if entity.has_page else f"{self._row_page[entity.name]}#{entity.slug}"

    def target_of(self, name: str) -> str:
        """Where a link to the entity of that name goes: a page that links to an entity asks only this
        (see `reuse`), so it is not rendered again when something else about the entity changes."""
        return self.target(self.entities[name])

    def links_in(self, article: Article) -> dict[str, list[EntityLink]]:
        """The entities an article mentions, by folder, most mentioned first: each its name and address."""
        return {folder: [EntityLink(entity.name, self.target(entity)) for entity in entities]
                for folder, entities in self.entities_in(article).items()}

    def entities_in(self, article: Article) -> dict[str, list[Entity]]:
        """The entities an article mentions, by folder, most mentioned first."""
        counts: dict[str, int] = {}
        for mention in article.mentions:
            counts[mention.name] = counts.get(mention.name, 0) + 1
        result: dict[str, list[Entity]] = {folder: [] for folder in ENTITY_FOLDERS.values()}
        for name in sorted(counts, key=lambda n: (-counts[n], n)):
            entity = self.entities[name]
            result[ENTITY_FOLDERS[entity.kind.value]].append(entity)
        return result

    def mentions_by_article(self, entity: Entity) -> list[tuple[Article, list[Mention]]]:
        grouped: dict[str, list[Mention]] = {}
        for mention in entity.mentions:
            grouped.setdefault(mention.article_id, []).append(mention)
        return [(self.articles[article_id], grouped[article_id]) for article_id in entity.article_ids]

    def mention_parts(self, entity: Entity) -> list[MentionsPart]:
        """An entity's mentions, article by article, in pages of about `ENTITY_PAGE_MENTIONS`: the first
        on the entity's own page, the rest on pages of their own ("United States" in thousands of
        stories would otherwise make a page of several megabytes). An article's mentions stay together."""
        if entity.name in self._mention_parts:
            return self._mention_parts[entity.name]
        parts: list[list[tuple[Article, list[Mention]]]] = [[]]
        count = 0
        for article, mentions in self.mentions_by_article(entity):
            if parts[-1] and count + len(mentions) > ENTITY_PAGE_MENTIONS:
                parts.append([])
                count = 0
            parts[-1].append((article, mentions))
            count += len(mentions)
        folder = entity.page_path.removesuffix(".md")
        self._mention_parts[entity.name] = [MentionsPart(number, entity.page_path if number == 1 else f"{folder}/mentions-{number}.md",
                             len(parts), groups)
                for number, groups in enumerate(parts, start=1)]
        return self._mention_parts[entity.name]

    def quotes_of(self, entity: Entity) -> list[tuple[Article, Quote]]:
        return self._quotes.get(entity.name, [])

    def quotes_by_speaker(self) -> list[tuple[Entity, list[tuple[Article, Quote]]]]:
        speakers = sorted((name for name in self._quotes if name), key=lambda name: sort_name(self.entities[name]))
        return [(self.entities[name], self._quotes[name]) for name in speakers]

    def unattributed_quotes(self) -> list[tuple[Article, Quote]]:
        return self._quotes.get(None, [])

    def articles_by_publisher(self) -> list[tuple[str, list[Article]]]:
        """One group per publisher whatever its case ("Reuters", "REUTERS"), under its usual spelling."""
        groups: dict[str, list[Article]] = {}
        for article in self.dossier.articles:
            if article.metadata.publisher.known:
                groups.setdefault(fold_key(article.metadata.publisher.value), []).append(article)
        named = []
        for articles in groups.values():
            spellings = Counter(article.metadata.publisher.value for article in articles)
            name = max(spellings, key=lambda s: (not s.isupper(), spellings[s], s))
            dated, undated = articles_by_date(articles)
            named.append((name, dated + undated))
        return sorted(named, key=lambda group: (group[0].casefold(), group[0]))

    def unknown_publisher(self) -> list[Article]:
        dated, undated = articles_by_date(a for a in self.dossier.articles if not a.metadata.publisher.known)
        return dated + undated

    def shared_with(self, article: Article, number: int) -> list[tuple[Article, int, SharedPassage]]:
        """The other articles that print this paragraph, with where."""
        return self._shared.get((article.metadata.article_id, number), [])

    def timeline_target(self, entry: TimelineEntry) -> str:
        """The timeline page an entry is on, with its anchor."""
        return f"{self._timeline_page.get(entry.key, 'timeline/index.md')}#{entry.key}"

    def timeline_of(self, entity: Entity) -> list[TimelineEntry]:
        return self._timeline.get(entity.name, [])

    def date_span(self, entity: Entity) -> tuple[PublicationDate, PublicationDate] | None:
        """First and last publication dates of the articles naming the entity, where known."""
        dated = sorted((self.articles[a].metadata.date for a in entity.article_ids
                        if self.articles[a].metadata.date.known), key=lambda d: d.sort_key)
        if not dated:
            return None
        return dated[0], dated[-1]


def sort_name(entity: Entity) -> str:
    """People by surname, as an index is read; everything else by name without a leading "The"."""
    name = entity.name
    if entity.kind is EntityKind.PERSON:
        parts = name.split()
        name = " ".join(parts[-1:] + parts[:-1])
    return collation_key(re.sub(r"^the\s+", "", name.casefold()))


def _index_initial(entity: Entity) -> str:
    """The letter an entity is filed under: the first of its sort name, a Persian one as Persian files it."""
    name = entity.name.split()[-1] if entity.kind is EntityKind.PERSON and entity.name.split() else entity.name
    return filing_letter(re.sub(r"^the\s+", "", name.casefold()))[:1].upper()


def organisations_by_type(organisations: list[Entity]) -> list[tuple[str, list[Entity]]]:
    order = [org_type.value for org_type in OrgType] + ["not yet classified"]
    groups: dict[str, list[Entity]] = {}
    for organisation in sorted(organisations, key=sort_name):
        key = organisation.org_type.value if organisation.org_type else "not yet classified"
        groups.setdefault(key, []).append(organisation)
    return [(key, groups[key]) for key in order if key in groups]


def timeline_by_year(entries) -> list[tuple[str, list[tuple[str, list[TimelineEntry]]]]]:
    """[(year or decade, [(month heading or "", entries)])], oldest first; year-only entries before months."""
    years: dict[str, dict[str, list[TimelineEntry]]] = {}
    for entry in entries:
        if entry.first is None:
            continue
        year = f"{entry.first.year}s" if entry.precision is Precision.DECADE else str(entry.first.year)
        month = "" if entry.precision in (Precision.YEAR, Precision.DECADE) else entry.first.strftime("%B %Y")
        years.setdefault(year, {}).setdefault(month, []).append(entry)
    return [(year, list(months.items())) for year, months in years.items()]


#: A timeline of more entries than this is split into a page per year, a year of more than this into
#: a page per month, and such a month into parts: no page grows with the dossier (2,000 articles made a
#: 3.3 MB timeline page).
TIMELINE_PAGE_ENTRIES = 500


@dataclass(frozen=True)
class TimelinePage:
    path: str
    heading: str
    years: list  # as timeline_by_year gives them
    undated: list[TimelineEntry]
    periods: list  # (label, target path, entry count, [(label, target, count)]) on the overview page

    @property
    def entries(self) -> list[TimelineEntry]:
        """The page's entries in its order: dated by year and month, then the undated."""
        return [entry for _, months in self.years for _, group in months for entry in group] + list(self.undated)


def in_parts(items: Sequence, size: int, label: str) -> list[tuple[int, str, Sequence]]:
    """A list too long for one page as (number, label, items) parts of at most `size`: the label
    alone for a single part, "label, part 2 of 3" otherwise. An empty list has no part."""
    parts = [items[start:start + size] for start in range(0, len(items), size)]
    if len(parts) == 1:
        return [(1, label, parts[0])]
    return [(number, f"{label}, part {number} of {len(parts)}", part) for number, part in enumerate(parts, start=1)]


def timeline_pages(entries: Sequence[TimelineEntry]) -> list[TimelinePage]:
    """The Timeline as pages: one, or an overview with a page per year (per month for a long year)."""
    years = timeline_by_year(entries)
    undated = [entry for entry in entries if entry.first is None]
    if len(entries) <= TIMELINE_PAGE_ENTRIES:
        return [TimelinePage("timeline/index.md", "Timeline", years, undated, [])]
    pages, periods = [], []
    for year, months in years:
        year_path = f"timeline/{year}.md"
        count = sum(len(group) for _, group in months)
        if count <= TIMELINE_PAGE_ENTRIES:
            pages.append(TimelinePage(year_path, f"Timeline: {year}", [(year, months)], [], []))
            periods.append((year, year_path, count, []))
            continue
        year_only = [(month, group) for month, group in months if not month]
        children = []
        for month, group in months:
            if not month:
                continue
            # a month of more entries than a page holds (a wire service's busiest weeks) is split in parts
            for number, label, part in in_parts(group, TIMELINE_PAGE_ENTRIES, month):
                month_path = f"timeline/{group[0].first:%Y-%m}" + ("" if number == 1 else f"-part-{number}") + ".md"
                pages.append(TimelinePage(month_path, f"Timeline: {label}", [(year, [(month, part)])], [], []))
                children.append((label, month_path, len(part)))
        pages.append(TimelinePage(year_path, f"Timeline: {year}", [(year, year_only)], [],
                                  [(label, path, number, []) for label, path, number in children]))
        periods.append((year, year_path, count, children))
    for number, label, part in in_parts(undated, TIMELINE_PAGE_ENTRIES, "Not dated"):
        path = "timeline/undated.md" if number == 1 else f"timeline/undated-{number}.md"
        pages.append(TimelinePage(path, f"Timeline: {label.lower()}", [], part, []))
        periods.append((label, path, len(part), []))
    return [TimelinePage("timeline/index.md", "Timeline", [], [], periods), *pages]


#: Past this many names an index (People, Organisations, Places) becomes an overview and a page per initial.
ENTITY_INDEX_ROWS = 1000
#: Mentions on one page of an entity (about 0.3 MB of HTML), and timeline entries on its page.
ENTITY_PAGE_MENTIONS = 1000
ENTITY_PAGE_ENTRIES = 300


@dataclass(frozen=True)
class MentionsPart:
    """One page of an entity's mentions: number of count, where it is, and the articles it lists."""

    number: int
    path: str
    count: int
    groups: Sequence[tuple[Article, list[Mention]]]
INDEX_TITLES = {EntityKind.PERSON: "People", EntityKind.ORGANISATION: "Organisations", EntityKind.PLACE: "Places"}


@dataclass(frozen=True)
class EntityIndexPage:
    path: str
    heading: str
    entities: list  # the names this page lists, in index order
    sections: list  # on the overview page: (label, target path, name count)


def entity_index_pages(kind: EntityKind, entities: list[Entity]) -> list[EntityIndexPage]:
    """A kind's index: one page, or an overview and a page per initial. Every name one article gives is
    a row there (three in four names at scale), so the index is what grows with the dossier."""
    folder, title = ENTITY_FOLDERS[kind.value], INDEX_TITLES[kind]
    if len(entities) <= ENTITY_INDEX_ROWS:
        return [EntityIndexPage(f"{folder}/index.md", title, entities, [])]
    pages, sections = [], []
    for initial, group in by_initial(entities):
        label, name = _initial_names(initial)
        path = f"{folder}/names-{name}.md"
        pages.append(EntityIndexPage(path, f"{title}: {label}", group, []))
        sections.append((label, path, len(group)))
    return [EntityIndexPage(f"{folder}/index.md", title, [], sections), *pages]


def by_initial(entities: Iterable[Entity]) -> list[tuple[str, list[Entity]]]:
    """Names in index order (people by surname) grouped by their initial; "#" for a digit or sign."""
    groups: dict[str, list[Entity]] = {}
    for entity in sorted(entities, key=sort_name):
        letter = _index_initial(entity)
        groups.setdefault(letter if letter.isalpha() else "#", []).append(entity)
    return list(groups.items())


def _initial_names(initial: str) -> tuple[str, str]:
    """An initial as a heading shows it and as a page name spells it ("#" is "Other", "other")."""
    if initial == "#":
        return "Other", "other"
    return initial, initial.lower() if initial.isascii() else f"u{ord(initial):04x}"


#: Past this many quotes the Quotes page becomes an overview and a page per initial of the speakers' names.
QUOTES_PAGE_QUOTES = 400


@dataclass(frozen=True)
class QuotesPage:
    path: str
    heading: str
    speakers: list  # (speaker entity, [(article, quote)]) as quotes_by_speaker gives them
    unattributed: list  # [(article, quote)]
    sections: list  # on the overview page: (label, target path, speaker count, quote count)

    @property
    def quoted(self) -> list[tuple[str, str]]:
        """(speaker's name, or "" where the text names none; the quotation) in the page's order."""
        return ([(speaker.name, quote.text) for speaker, quotes in self.speakers for _, quote in quotes]
                + [("", quote.text) for _, quote in self.unattributed])


def quote_pages(speakers: list, unattributed: list) -> list[QuotesPage]:
    """The Quotes page: one, or an overview with a page per initial (a page of megabytes never loads
    well, least of all on the slow connections the offline bundle is for)."""
    if sum(len(quotes) for _, quotes in speakers) + len(unattributed) <= QUOTES_PAGE_QUOTES:
        return [QuotesPage("quotes/index.md", "Quotes", speakers, unattributed, [])]
    quotes_of = {speaker.name: quotes for speaker, quotes in speakers}
    pages, sections = [], []
    for initial, speakers_there in by_initial(speaker for speaker, _ in speakers):
        group = [(speaker, quotes_of[speaker.name]) for speaker in speakers_there]
        label, name = _initial_names(initial)
        path = f"quotes/speakers-{name}.md"
        pages.append(QuotesPage(path, f"Quotes: speakers {label}", group, [], []))
        sections.append((label, path, len(group), sum(len(quotes) for _, quotes in group)))
    for number, label, part in in_parts(unattributed, QUOTES_PAGE_QUOTES, "Not attributed"):
        path = "quotes/unattributed.md" if number == 1 else f"quotes/unattributed-{number}.md"
        pages.append(QuotesPage(path, f"Quotes: {label.lower()}", [], part, []))
        sections.append((label, path, 0, len(part)))
    return [QuotesPage("quotes/index.md", "Quotes", [], [], sections), *pages]


def articles_by_date(articles: Iterable[Article]) -> tuple[list[Article], list[Article]]:
    """Dated articles oldest first; undated ones apart, by title."""
    articles = list(articles)
    dated = sorted((a for a in articles if a.metadata.date.known),
                   key=lambda a: (a.metadata.date.sort_key, a.metadata.title.value or "", a.slug))
    undated = sorted((a for a in articles if not a.metadata.date.known),
                     key=lambda a: ((a.metadata.title.value or "").casefold(), a.slug))
    return dated, undated
