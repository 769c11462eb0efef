"""What the site's search holds of a page: what the page is, the words it is found by, and the passages a
result quotes, taken from the dossier itself rather than read back out of the HTML.

An article is its paragraphs; a timeline page its entries, each under its date; a quotes page its
quotations, each under its speaker; a person's, organisation's or place's page its name, its other
spellings and its role (its mentions are the articles' own sentences, found in the articles); a list of
pages its title and description, never its table cells. The index (`site/search_index`) is built from
these, after redaction, like every page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Article, Entity, EntityKind, TimelineEntry
from generator.render.wording import entry_date, noun, other_spellings, published

KINDS = {EntityKind.PERSON: "Person", EntityKind.ORGANISATION: "Organisation", EntityKind.PLACE: "Place"}


@dataclass(frozen=True)
class SearchEntry:
    """One page as search knows it; `kind` is what a result says it is ("Article", "Person", "Timeline")."""

    kind: str
    title: str
    summary: str = ""  # shown when no passage matches: an article's publisher and date, an entity's role
    names: tuple[str, ...] = ()  # an entity's name and other spellings: its page ranks first for each
    blocks: tuple[tuple[str, str, str], ...] = ()  # (anchor, heading, text): the passages searched and quoted


def article_entry(article: Article) -> SearchEntry:
    metadata = article.metadata
    publisher = metadata.publisher.value or "Publisher unknown"
    return SearchEntry("Article", metadata.title.value, f"{publisher} · {published(metadata.date)}",
                       blocks=tuple((f"p{item.number}", f"¶{item.number}", item.text) for item in article.paragraphs))


def entity_entry(entity: Entity) -> SearchEntry:
    """Its summary says what the tag (its kind) does not: an organisation's type, the role, the articles."""
    parts = [entity.org_type.value.capitalize()] if entity.org_type else []
    parts += [value.rstrip(". ") for value in (entity.role, entity.description) if value]
    count = len(entity.article_ids)
    parts.append(f"in {count} {noun(count, 'article')}")
    if spellings := other_spellings(entity.name, entity.aliases):
        parts.append("also written " + ", ".join(spellings))
    return SearchEntry(KINDS[entity.kind], entity.name, " · ".join(parts), names=(entity.name, *entity.aliases))


def timeline_entry(heading: str, entries: Iterable[TimelineEntry]) -> SearchEntry:
    return SearchEntry("Timeline", heading, "What happened when, each entry cited to its articles.",
                       blocks=tuple((entry.key, entry_date(entry), entry.sentence) for entry in entries))


def quotes_entry(heading: str, quoted: Iterable[tuple[str, str]]) -> SearchEntry:
    """`quoted`: (speaker's name or "", the quotation), in the page's order."""
    return SearchEntry("Quotes", heading, "Direct quotations, by speaker.",
                       blocks=tuple(("", speaker or "Not attributed", f"“{text}”") for speaker, text in quoted))


def listing_entry(title: str, description: str) -> SearchEntry:
    return SearchEntry("List", title, description)
