"""The typed data passed between pipeline stages.

Every stage takes the previous stage's objects and returns its own; nothing here
knows how it was produced. Frozen dataclasses keep a stage from quietly editing
what an earlier one decided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Precision(str, Enum):
    """How much of a date is known; a date is never shown more precise than this."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Provenance(str, Enum):
    """Where a metadata value came from, so the reader can weigh it."""

    STATED = "stated"  # printed in the article
    SIDECAR = "sidecar"  # given by the curator in seeds/<stem>.yml
    INFERRED = "inferred"  # reasoned from evidence; `evidence` says from what
    DERIVED = "derived"  # made up from the text for display (e.g. a title from the first sentence)
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourceFile:
    """One article file as read from disk, decoded and checked."""

    path: Path
    name: str  # file name relative to the seeds folder, e.g. "000_x.txt"
    stem: str
    text: str
    sha256: str
    sidecar: dict[str, object] = field(default_factory=dict)


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
        """ISO text truncated to the precision, so 2025-07 sorts before 2025-07-04."""
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


@dataclass(frozen=True)
class Article:
    """A cleaned article with its metadata; `slug` is unique across the dossier."""

    source: SourceFile
    clean: CleanText
    metadata: Metadata
    slug: str

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.clean.paragraphs

    @property
    def page_path(self) -> str:
        return f"articles/{self.slug}.md"


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
class Dossier:
    """Everything the renderer needs: the articles in a stable order and the problems found."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def format_date_iso(value: dt.date, precision: Precision | None) -> str:
    iso = value.isoformat()
    if precision is Precision.YEAR:
        return iso[:4]
    if precision is Precision.MONTH:
        return iso[:7]
    return iso
