"""The data of one article, stage by stage: its file, its clean text, its metadata, the names, dates and
quotes found in it; and the problems found on the way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Precision(str, Enum):
    """How much of a date is known; a date is never shown more precise than this."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    SPAN = "span"  # exact first and last days another calendar gives: a Solar Hijri month or year


class Provenance(str, Enum):
    """Where a metadata value came from, so the reader can weigh it."""

    STATED = "stated"  # printed in the article
    SIDECAR = "sidecar"  # given by the curator in seeds/<stem>.yml
    INFERRED = "inferred"  # reasoned from evidence; `evidence` says from what
    DERIVED = "derived"  # made up from the text for display (e.g. a title from the first sentence)
    WITHHELD = "withheld"  # known, and kept out of the dossier by the curator (`withhold:` in the sidecar)
    UNKNOWN = "unknown"


class EntityKind(str, Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"


class OrgType(str, Enum):
    """The kinds of organisation the Organisations index groups by."""

    STATE = "state body"
    ARMED = "armed group or de facto authority"
    CIVIL_SOCIETY = "civil society"
    INTERNATIONAL = "international body"
    MEDIA = "media"


@dataclass(frozen=True)
class CuratorValues:
    """What the curator wrote for one article, in its sidecar or its Markdown front matter, checked
    (`ingest.sidecar`); None where nothing was written, and the article's own values stand."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    date: dt.date | str | None = None  # a day, or a month or year as written: "2024-05", "2024"
    withhold: tuple[str, ...] = ()  # what to keep out of the dossier: "author", "photo credit"

    TEXTS = ("title", "publisher", "author", "url", "language")

    def __bool__(self) -> bool:
        return self != CuratorValues()

    def texts(self) -> dict[str, str]:
        """The text values written, by key."""
        return {key: value for key in self.TEXTS if (value := getattr(self, key)) is not None}

    def over(self, below: CuratorValues) -> CuratorValues:
        """These values, and `below`'s where these have none (a sidecar over a front matter)."""
        return CuratorValues(**{key: mine if mine not in (None, ()) else getattr(below, key)
                                for key, mine in vars(self).items()})


@dataclass(frozen=True)
class SourceFile:
    """One article file as read from disk, decoded and checked."""

    path: Path = field(repr=False)  # where it is on this machine: no part of what it says (nor of cache keys)
    name: str  # file name relative to the seeds folder, e.g. "000_x.txt"
    stem: str
    text: str
    sha256: str
    sidecar: CuratorValues = field(default_factory=lambda: CuratorValues())  # a sidecar's or a front matter's
    sidecar_source: str = ""  # where the curator's values were written, for their evidence ("sidecar a.yml")
    stated: dict[str, tuple[str, str]] = field(default_factory=dict)  # what a saved page says of itself: (value, where)


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; its anchor (`p3`) is how later features cite it."""

    number: int
    text: str

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class SetAside:
    """A source line recognised as boilerplate: kept for provenance, not shown as body."""

    line: int  # 1-based line number in the source file
    text: str
    kind: str  # e.g. "byline", "date line", "photo credit", "related stories"


@dataclass(frozen=True)
class CleanText:
    """The result of cleaning: headline, body paragraphs and what was set aside."""

    headline: str | None
    headline_line: int | None
    paragraphs: tuple[Paragraph, ...]
    set_aside: tuple[SetAside, ...]


@dataclass(frozen=True)
class Attributed:
    """A text value with where it came from."""

    value: str | None
    provenance: Provenance
    evidence: str = ""

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class PublicationDate:
    """A publication date with its precision; unknown dates may still carry a lower bound."""

    value: dt.date | None
    precision: Precision | None
    provenance: Provenance
    evidence: str = ""
    not_before: dt.date | None = None
    not_before_precision: Precision | None = None
    not_before_evidence: str = ""

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def sort_key(self) -> tuple[str, str]:
        """ISO text truncated to the precision, so 1987-03 sorts before 1987-03-02."""
        if self.value is None:
            return ("", "")
        return (format_date_iso(self.value, self.precision), self.precision.value if self.precision else "")


@dataclass(frozen=True)
class Metadata:
    title: Attributed
    publisher: Attributed
    author: Attributed
    date: PublicationDate
    url: str | None
    language: str | None
    word_count: int
    reading_minutes: int
    sha256: str
    source_name: str
    article_id: str
    description: str
    dateline: str | None = None  # "LOS ANGELES, March 12": where and when the wire story was filed
    url_withheld: bool = False  # the original's address named a protected person, so it is not published
    language_provenance: Provenance = Provenance.UNKNOWN  # stated (the page), sidecar, or inferred (detected)
    language_evidence: str = ""


def _hashed_once(self) -> int:
    """A frozen dataclass's hash of its fields, computed once per object: for values used many times as keys."""
    cached = self.__dict__.get("_hash")
    if cached is None:
        cached = hash(tuple(getattr(self, name) for name in self.__dataclass_fields__))
        object.__setattr__(self, "_hash", cached)
    return cached


def _without_hash(self) -> dict:
    """The state to pickle, without the cached hash: a string's hash differs from one process to the next."""
    return {name: value for name, value in self.__dict__.items() if name != "_hash"}


@dataclass(frozen=True)
class Mention:
    """One place a name occurs: the paragraph and characters it spans, and the sentence around it."""

    article_id: str
    paragraph: int
    start: int  # character offsets within the paragraph's text
    end: int
    surface: str  # as written, without a leading "the", quote marks or a possessive
    name: str  # the entity's canonical name once assembled
    kind: EntityKind
    origin: str  # "registry", "model", "rule", "surname" (a person's surname written again) or "echo" (a
    #             name found elsewhere in the dossier, written again where the model missed it): what found it
    sentence: str
    sentence_start: int  # offset of `sentence` within the paragraph
    role: str | None = None  # a title or apposition written with the name ("White House spokesman")

    __hash__ = _hashed_once  # entities are memoised by their mentions, build after build
    __getstate__ = _without_hash

    @property
    def anchor(self) -> str:
        return f"p{self.paragraph}"


@dataclass(frozen=True)
class Event:
    """A sentence that dates something, with the date as resolved and how."""

    article_id: str
    paragraph: int
    sentence: str
    phrase: str  # the words that date it: "on Thursday (3 July)"
    first: dt.date | None  # inclusive range; None when it cannot be resolved
    last: dt.date | None
    precision: Precision | None
    qualifier: str  # on, by, before, after, since, until, still, about
    basis: str  # "as written", "article date", "weekday and year evidence", "unresolved"
    note: str = ""
    entities: tuple[str, ...] = ()  # names of the people, organisations and places in the sentence
    planned: bool = False  # a plan, forecast or expectation ("due in 2006"), not something that happened
    #: for a sentence with no date that names a kind of happening ("since the group's return to power"):
    #: that kind, so the timeline can cite it where other reports date the same happening
    happening: str = ""

    __hash__ = _hashed_once  # the timeline keys its memos by events, many times each
    __getstate__ = _without_hash

    @property
    def anchor(self) -> str:
        return f"p{self.paragraph}"

    @property
    def anchored(self) -> bool:
        """Names a happening but gives it no date of its own."""
        return self.basis == "anchored"

    @property
    def resolved(self) -> bool:
        return self.first is not None


@dataclass(frozen=True)
class Quote:
    """A direct quotation and, where the text allows, who said it."""

    article_id: str
    paragraph: int
    start: int  # offsets of the quoted words within the paragraph, quote marks excluded
    end: int
    text: str
    speaker: str | None  # an entity's name; None when the text does not say who, never a guess
    cue: str  # the words that attribute it: "said", "described", "continues the previous quote"
    how: str = ""  # how the speaker was resolved
    context: str = ""  # a partial quotation ("an “ally”") is shown in its sentence, which starts here:
    context_start: int = 0  # offset of `context` within the paragraph
    #: (start, end) of the quotation's further parts in the same sentence, after its attribution:
    #: "“We will not stop,” she said, “until they are free.”" is one quotation in two parts.
    segments: tuple[tuple[int, int], ...] = ()

    @property
    def parts(self) -> tuple[tuple[int, int], ...]:
        return ((self.start, self.end), *self.segments)

    @property
    def anchor(self) -> str:
        return f"p{self.paragraph}"


@dataclass(frozen=True)
class Article:
    """A cleaned article with its metadata; `slug` is unique across the dossier."""

    source: SourceFile
    clean: CleanText
    metadata: Metadata
    slug: str
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.clean.paragraphs

    @property
    def page_path(self) -> str:
        return f"articles/{self.slug}.md"




def format_span_iso(first: dt.date, last: dt.date | None, precision: Precision | None) -> str:
    """A timeline date as ISO 8601 writes it: a span another calendar gives as its interval ("2023-12-22/2024-01-20",
    a Solar Hijri month), any other date as `format_date_iso`."""
    if precision is Precision.SPAN and last is not None:
        return f"{first.isoformat()}/{last.isoformat()}"
    return format_date_iso(first, precision)


def format_date_iso(value: dt.date, precision: Precision | None) -> str:
    iso = value.isoformat()
    if precision is Precision.DECADE:
        return f"{iso[:3]}0s"
    if precision is Precision.YEAR:
        return iso[:4]
    if precision is Precision.MONTH:
        return iso[:7]
    return iso
