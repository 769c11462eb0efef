"""The dossier as open data: `dossier.json` (everything, nested) and one CSV per kind of record.

What a colleague needs to load the dossier into a spreadsheet or a notebook: articles with their
metadata and where each value came from, entities with kind, aliases and role, every mention
with its article and paragraph, quotes, events with their citations, shared passages. The format
is versioned (`format`), its keys never renamed within a version, and documented in the README.
Protected names never reach it: it is made from the dossier, which holds only their pseudonyms.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from generator.export.timeline import write_csv
from generator.model import Attributed, DataFile, Dossier, Entity, PublicationDate, format_date_iso, format_span_iso

FORMAT = "documentary-dossier/1"
DATA_FOLDER = "data"


def entity_id(entity: Entity) -> str:
    """Stable across builds while the name is: the kind and the page's slug."""
    return f"{entity.kind.value}:{entity.slug}"


def _attributed(value: Attributed) -> dict[str, object]:
    return {"value": value.value, "provenance": value.provenance.value, "evidence": value.evidence}


def _date(date: PublicationDate) -> dict[str, object]:
    return {
        "value": format_date_iso(date.value, date.precision) if date.value else None,
        "precision": date.precision.value if date.precision else None,
        "provenance": date.provenance.value, "evidence": date.evidence,
        "not_before": format_date_iso(date.not_before, date.not_before_precision) if date.not_before else None,
        "not_before_evidence": date.not_before_evidence or None,
    }


def dossier_record(dossier: Dossier, title: str) -> dict[str, object]:
    """Everything in one nested document; ids join it (`article`, `entity`)."""
    ids = {entity.name: entity_id(entity) for entity in dossier.entities}
    articles = [{
        "id": article.metadata.article_id, "page": article.page_path.removesuffix(".md") + "/",
        "source_file": article.metadata.source_name, "sha256": article.metadata.sha256,
        "title": _attributed(article.metadata.title), "publisher": _attributed(article.metadata.publisher),
        "author": _attributed(article.metadata.author), "date": _date(article.metadata.date),
        "url": article.metadata.url, "language": article.metadata.language, "dateline": article.metadata.dateline,
        "words": article.metadata.word_count,
        "paragraphs": [{"number": paragraph.number, "text": paragraph.text} for paragraph in article.paragraphs],
        "set_aside": [{"line": item.line, "kind": item.kind, "text": item.text} for item in article.clean.set_aside],
    } for article in dossier.articles]
    entities = [{
        "id": ids[entity.name], "name": entity.name, "kind": entity.kind.value,
        "type": entity.org_type.value if entity.org_type else None,
        "role": entity.role, "role_source": entity.role_source or None, "description": entity.description,
        "wikidata": entity.wikidata, "reviewed": entity.reviewed, "protected": entity.protected,
        "aliases": list(entity.aliases),
        "joined": [{"spelling": joined.spelling, "reason": joined.reason} for joined in entity.joined],
        "may_be": [ids[name] for name in entity.may_be if name in ids],
        "articles": list(entity.article_ids),
        "page": entity.page_path.removesuffix(".md") + "/" if entity.has_page else None,
    } for entity in dossier.entities]
    return {
        "format": FORMAT, "title": title,
        "articles": articles, "entities": entities,
        "mentions": [_mention(mention, ids) for entity in dossier.entities for mention in entity.mentions],
        "quotes": [{
            "article": quote.article_id, "paragraph": quote.paragraph, "start": quote.start, "end": quote.end,
            "text": quote.text, "parts": [list(part) for part in quote.parts],
            "speaker": ids.get(quote.speaker) if quote.speaker else None,
            "cue": quote.cue, "how": quote.how or None,
        } for article in dossier.articles for quote in article.quotes],
        "events": [{
            "id": entry.key, "first": entry.first.isoformat() if entry.first else None,
            "last": entry.last.isoformat() if entry.last else None,
            "date": format_span_iso(entry.first, entry.last, entry.precision) if entry.first else None,
            "precision": entry.precision.value if entry.precision else None,
            "qualifier": entry.qualifier, "planned": entry.planned, "sentence": entry.sentence,
            "entities": [ids[name] for name in entry.entities if name in ids],
            "conflicts": [{"date": conflict.iso, "precision": conflict.precision.value,
                           "cited": [{"article": article, "paragraph": paragraph}
                                     for article, paragraph in conflict.citations]}
                          for conflict in entry.conflicts], "dated_by_corroboration": list(entry.dated_by_corroboration),
            "citations": [{"article": event.article_id, "paragraph": event.paragraph, "phrase": event.phrase,
                           "basis": event.basis, "note": event.note or None, "sentence": event.sentence}
                          for event in entry.citations],
        } for entry in dossier.timeline],
        "shared_passages": [{
            "first": {"article": passage.first[0], "paragraph": passage.first[1]},
            "second": {"article": passage.second[0], "paragraph": passage.second[1]},
            "similarity": round(passage.similarity, 3), "verbatim": passage.verbatim,
        } for passage in dossier.shared_passages],
    }


def _mention(mention, ids: dict[str, str]) -> dict[str, object]:
    return {"entity": ids[mention.name], "article": mention.article_id, "paragraph": mention.paragraph,
            "start": mention.start, "end": mention.end, "surface": mention.surface, "origin": mention.origin,
            "role": mention.role, "sentence": mention.sentence}


def data_files(dossier: Dossier, title: str) -> list[DataFile]:
    """`dossier.json` and the CSVs, each a flat view of one list of it."""
    record = dossier_record(dossier, title)
    files = [DataFile(f"{DATA_FOLDER}/dossier.json",
                      json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n",  # C encoder: no indent
                      "everything below in one document, with paragraphs and set-aside lines")]
    for name, rows, description in _tables(record):
        columns = CSV_COLUMNS[name]  # the same header whether the table has rows or none
        files.append(DataFile(f"{DATA_FOLDER}/{name}.csv", write_csv(columns, ([row[c] for c in columns] for row in rows)),
                              description))
    return files


#: Every CSV's columns, in order: the keys of its rows (a row without one of them is a bug, and fails).
CSV_COLUMNS = {
    "articles": ("id", "page", "source_file", "sha256", "title", "title_provenance", "publisher",
                 "publisher_provenance", "author", "author_provenance", "date", "date_precision", "date_provenance",
                 "date_evidence", "date_not_before", "date_not_before_evidence", "url", "language", "dateline", "words",
                 "paragraphs"),
    "entities": ("id", "name", "kind", "type", "role", "role_source", "description", "wikidata", "reviewed",
                 "protected", "page", "aliases", "articles", "joined"),
    "mentions": ("entity", "article", "paragraph", "start", "end", "surface", "origin", "role", "sentence"),
    "quotes": ("article", "paragraph", "start", "end", "parts", "text", "speaker", "cue", "how"),
    "shared_passages": ("first_article", "first_paragraph", "second_article", "second_paragraph", "similarity",
                        "verbatim"),
}


def _tables(record: dict) -> Iterator[tuple[str, list[dict[str, object]], str]]:
    yield "articles", [_flat_article(article) for article in record["articles"]], "one row per article, its metadata"
    yield "entities", [{**{k: v for k, v in entity.items() if k not in ("joined", "may_be", "articles", "aliases")},
                        "aliases": "; ".join(entity["aliases"]), "articles": "; ".join(entity["articles"]),
                        "joined": "; ".join(j["spelling"] for j in entity["joined"])}
                       for entity in record["entities"]], "one row per person, organisation and place"
    yield "mentions", record["mentions"], "one row per mention: entity, article, paragraph, characters"
    yield "quotes", [{**quote, "parts": "; ".join(f"{start}-{end}" for start, end in quote["parts"])}
                     for quote in record["quotes"]], "one row per quotation, with its speaker where the text names one"
    yield "shared_passages", [{"first_article": p["first"]["article"], "first_paragraph": p["first"]["paragraph"],
                               "second_article": p["second"]["article"], "second_paragraph": p["second"]["paragraph"],
                               "similarity": p["similarity"], "verbatim": p["verbatim"]}
                              for p in record["shared_passages"]], "paragraphs printed in two articles"


def _flat_article(article: dict) -> dict[str, object]:
    flat: dict[str, object] = {"id": article["id"], "page": article["page"], "source_file": article["source_file"],
                               "sha256": article["sha256"]}
    for key in ("title", "publisher", "author"):
        flat[key] = article[key]["value"]
        flat[f"{key}_provenance"] = article[key]["provenance"]
    for key, value in article["date"].items():
        flat[f"date_{key}" if key != "value" else "date"] = value
    flat.update({key: article[key] for key in ("url", "language", "dateline", "words")})
    flat["paragraphs"] = len(article["paragraphs"])
    return flat
