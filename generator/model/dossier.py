"""The data of the whole dossier: entities across articles, the timeline, shared passages, the protected
names, the open data files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.articles import Article, EntityKind, Event, Mention, OrgType, Precision, format_date_iso

ENTITY_FOLDERS = {"person": "actors", "organisation": "organisations", "place": "places"}
OWN_PAGE_MIN_ARTICLES = 2


@dataclass(frozen=True)
class Joined:
    """A spelling the resolution stage joined to an entity, and the rule that joined it."""

    spelling: str
    reason: str


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, named once, with every mention of it in the dossier."""

    slug: str
    name: str
    kind: EntityKind
    reviewed: bool  # registered by the curator; unreviewed names come from the model alone
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()  # other forms seen in the text
    org_type: OrgType | None = None
    role: str | None = None
    role_source: str = ""  # "registry", or "text" when taken from how the articles name it
    description: str | None = None
    wikidata: str | None = None
    co_mentioned: tuple[tuple[str, int], ...] = ()  # (entity name, paragraphs shared), most first
    article_ids: tuple[str, ...] = ()
    joined: tuple[Joined, ...] = ()  # spellings the resolution stage joined to this name, and why
    may_be: tuple[str, ...] = ()  # a surname kept apart: the people in the dossier who bear it
    protected: bool = False  # published under a pseudonym the curator's registry gives it

    @property
    def page_path(self) -> str:
        return f"{ENTITY_FOLDERS[self.kind.value]}/{self.slug}.md"

    @property
    def has_page(self) -> bool:
        """A page of its own once the curator registers it or two articles name it; a name found in one
        article only is listed, with its mention, on its kind's index page (three in four names at scale)."""
        return self.reviewed or len(self.article_ids) >= OWN_PAGE_MIN_ARTICLES


@dataclass(frozen=True)
class Conflict:
    """Another source's date for what looks like the same event: the date, and where it is given."""

    first: dt.date
    precision: Precision
    citations: tuple[tuple[str, int], ...]  # (article id, paragraph) of each report giving that date

    @property
    def iso(self) -> str:
        return format_date_iso(self.first, self.precision)

    @property
    def by_article(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """(article id, its paragraphs) in order: one article giving the date in two paragraphs is named once."""
        paragraphs: dict[str, list[int]] = {}
        for article, paragraph in self.citations:
            paragraphs.setdefault(article, []).append(paragraph)
        return tuple((article, tuple(numbers)) for article, numbers in paragraphs.items())


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened, as told by one or more articles, each told version cited."""

    key: str  # anchor on the Timeline page
    first: dt.date | None
    last: dt.date | None
    precision: Precision | None
    qualifier: str
    sentence: str  # as told by the first citation
    citations: tuple[Event, ...]
    entities: tuple[str, ...]
    conflicts: tuple[Conflict, ...] = ()  # other sources' dates for what looks like the same event
    dated_by_corroboration: tuple[str, ...] = ()  # article ids whose own date for it was unresolved
    planned: bool = False  # every citation gives the date as planned, forecast or expected

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(event.article_id for event in self.citations))


@dataclass(frozen=True)
class SharedPassage:
    """A paragraph printed, verbatim or nearly, in two articles (syndication, press-release copy)."""

    first: tuple[str, int]  # (article id, paragraph number)
    second: tuple[str, int]
    similarity: float  # share of the shorter paragraph's word sequences found in the other
    verbatim: bool


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input, said so that a person can act on it."""

    path: str
    message: str
    hint: str = ""
    line: int | None = None
    key: str | None = None
    severity: str = "error"  # "error" drops the input; "warning" keeps it

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.key is not None:
            where += f" [{self.key}]"
        text = f"{where}: {self.message}"
        return f"{text} {self.hint}".rstrip() if self.hint else text


@dataclass(frozen=True)
class Protected:
    """One protected entity: the pseudonym it is published under, every spelling it hides, and the
    given names hidden where the article also names it."""

    pseudonym: str
    kind: EntityKind
    spellings: tuple[str, ...]
    given_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class DataFile:
    """A file of the open data: its path in the site, its text, and what it holds (said on the Sources page)."""

    path: str
    content: str
    description: str = ""


@dataclass(frozen=True)
class OpenData:
    """The data files written beside the pages: the timeline's always; the dossier's tables and its
    FollowTheMoney export in a full build (the live preview leaves them out: seconds no page needs)."""

    timeline: tuple[DataFile, ...] = ()
    tables: tuple[DataFile, ...] = ()
    ftm: DataFile | None = None

    def files(self) -> tuple[DataFile, ...]:
        return (*self.timeline, *self.tables, *((self.ftm,) if self.ftm else ()))


@dataclass(frozen=True)
class Dossier:
    """Everything the renderer needs: the articles in a stable order and the problems found."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    shared_passages: tuple[SharedPassage, ...] = ()
    protected: tuple[Protected, ...] = ()  # for pages the curator wrote and the audit of outputs
