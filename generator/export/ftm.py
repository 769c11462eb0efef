"""The dossier as FollowTheMoney entities (JSON lines), the format Aleph and OpenAleph load.

Written directly, each value already in the cleaned form FtM's own types give it (the tests check every
line against the `followthemoney` package's schema and its cleaning, so the export needs no library at
run time, and none of the compiled ones that library pulls in): an Article per article, a Person or Organization (PublicBody for a state body) per entity, a
Mention per entity and article that names it, an Event per dated timeline entry. Places are not
FtM things; they are given as the articles' and events' `locationMentioned` and `location`.
"""

from __future__ import annotations

import hashlib
import json

from generator.model import Dossier, EntityKind, OrgType, Precision, format_date_iso
from generator.resources import data_lines

DATASET = "dossier"
FTM_FILE = "data/dossier.ftm.json"


def ftm_lines(dossier: Dossier) -> str:
    """One JSON object per line, in a stable order: articles, entities, mentions, events."""
    def make(schema: str, ident: str, **properties: str | list[str] | None) -> dict[str, object]:
        """An entity as FtM writes it: each property a list of distinct values, blank ones left out."""
        written = {}
        for prop, given in properties.items():
            values = [value.strip() for value in (given if isinstance(given, list) else [given]) if value]
            if values := list(dict.fromkeys(value for value in values if value)):
                written[prop] = values
        return {"id": ident, "schema": schema, "properties": written}

    things = {entity.name: entity for entity in dossier.entities if entity.kind is not EntityKind.PLACE}
    places_in: dict[str, list[str]] = {}
    for entity in dossier.entities:
        if entity.kind is EntityKind.PLACE:
            for article_id in entity.article_ids:
                places_in.setdefault(article_id, []).append(entity.name)
    # FtM ids are letters, digits, dots and hyphens: the pages' slugs are, and are unique
    article_ids = {article.metadata.article_id: f"{DATASET}-article-{article.slug}" for article in dossier.articles}
    records = []
    for article in dossier.articles:
        meta = article.metadata
        named = {mention.name for mention in article.mentions}
        records.append(make(
            "Article", article_ids[meta.article_id], title=meta.title.value, author=meta.author.value,
            publisher=meta.publisher.value, sourceUrl=meta.url, fileName=meta.source_name, language=ftm_language(meta.language),
            publishedAt=format_date_iso(meta.date.value, meta.date.precision) if meta.date.value else None,
            bodyText="\n\n".join(paragraph.text for paragraph in article.paragraphs), summary=meta.description,
            peopleMentioned=sorted(n for n in named if n in things and things[n].kind is EntityKind.PERSON),
            companiesMentioned=sorted(n for n in named if n in things and things[n].kind is EntityKind.ORGANISATION),
            locationMentioned=places_in.get(meta.article_id, [])))
    for entity in things.values():
        schema = ("Person" if entity.kind is EntityKind.PERSON
                  else "PublicBody" if entity.org_type is OrgType.STATE else "Organization")
        notes = [] if entity.reviewed else ["found by the language model; not reviewed by the curator"]
        if entity.protected:
            notes.append("a pseudonym: the curator protects this name")
        properties = {"name": entity.name, "alias": list(entity.aliases), "description": entity.description,
                      "wikidataId": entity.wikidata, "notes": notes,
                      "proof": [article_ids[article_id] for article_id in entity.article_ids]}
        if entity.kind is EntityKind.PERSON:
            properties["position"] = entity.role
        else:
            properties["summary"] = entity.role
            properties["classification"] = entity.org_type.value if entity.org_type else None
        records.append(make(schema, _entity_id(entity), **properties))
    for entity in things.values():
        schema = "Person" if entity.kind is EntityKind.PERSON else "Organization"
        for article_id in entity.article_ids:
            surfaces = sorted({m.surface for m in entity.mentions if m.article_id == article_id})
            records.append(make("Mention", _mention_id(_entity_id(entity), article_ids[article_id]),
                                document=article_ids[article_id], resolved=_entity_id(entity),
                                name=surfaces or [entity.name], detectedSchema=schema))
    for entry in dossier.timeline:
        if entry.first is None:
            continue
        involved = [things[name] for name in entry.entities if name in things]
        places = [name for name in entry.entities if name not in things]
        prefix = entry.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR)  # a date FtM writes as a prefix
        records.append(make(
            "Event", f"{DATASET}-event-{entry.key}", name=_headline(entry.sentence), summary=entry.sentence,
            date=format_date_iso(entry.first, entry.precision) if prefix else None,
            startDate=None if prefix else entry.first.isoformat(), endDate=None if prefix else entry.last.isoformat(),
            involved=[_entity_id(entity) for entity in involved], location=places,
            proof=list(dict.fromkeys(article_ids[event.article_id] for event in entry.citations)),
            notes=["planned or expected, not reported as done"] if entry.planned else []))
    return "".join(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n" for record in records)


def ftm_language(stated: str | None) -> str | None:
    """FtM's three-letter code of a stated language ("en", "en-GB", "eng"); None when it is not a code."""
    if not stated:
        return None
    code = stated.strip().lower().replace("_", "-").split("-")[0]
    return _THREE_LETTER_CODES.get(code)


def _language_codes() -> dict[str, str]:
    pairs = dict(line.split() for line in data_lines("language_codes"))
    return pairs | {three: three for three in pairs.values()}


_THREE_LETTER_CODES = _language_codes()


def _mention_id(entity: str, article: str) -> str:
    return f"{DATASET}-mention-{hashlib.sha256(f'{entity} {article}'.encode()).hexdigest()[:20]}"


def _entity_id(entity) -> str:
    return f"{DATASET}-{entity.kind.value}-{entity.slug}"


def _headline(sentence: str, limit: int = 120) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + " …"
