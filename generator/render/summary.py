"""The dossier in figures, for the home page's summary."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Dossier, EntityKind
from generator.render.index import articles_by_date
from generator.render.wording import date_text


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
