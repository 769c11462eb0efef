"""The typed data passed between pipeline stages.

Every stage takes the previous stage's objects and returns its own; nothing here
knows how it was produced. Frozen dataclasses keep a stage from quietly editing
what an earlier one decided. `articles` holds what one article becomes, `dossier` what they make
together; both are named here, so a stage imports them from `generator.model`.
"""

from generator.model.articles import (
    Article,
    Attributed,
    CleanText,
    CuratorValues,
    EntityKind,
    Event,
    Mention,
    Metadata,
    OrgType,
    Paragraph,
    Precision,
    Provenance,
    PublicationDate,
    Quote,
    SetAside,
    SourceFile,
    format_date_iso,
    format_span_iso,
)
from generator.model.dossier import (
    ENTITY_FOLDERS,
    OWN_PAGE_MIN_ARTICLES,
    Conflict,
    DataFile,
    Dossier,
    Entity,
    Joined,
    OpenData,
    Problem,
    Protected,
    SharedPassage,
    TimelineEntry,
)

__all__ = [
    "ENTITY_FOLDERS",
    "OWN_PAGE_MIN_ARTICLES",
    "Article",
    "Attributed",
    "CleanText",
    "CuratorValues",
    "Conflict",
    "DataFile",
    "Dossier",
    "Entity",
    "EntityKind",
    "Event",
    "Joined",
    "Mention",
    "Metadata",
    "OpenData",
    "OrgType",
    "Paragraph",
    "Precision",
    "Problem",
    "Protected",
    "Provenance",
    "PublicationDate",
    "Quote",
    "SetAside",
    "SharedPassage",
    "SourceFile",
    "TimelineEntry",
    "format_date_iso",
    "format_span_iso",
]
