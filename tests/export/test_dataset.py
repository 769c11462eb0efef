"""dossier.json and the CSVs: every record true to the articles, every id resolving, one row per record."""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator.export.dataset import FORMAT, data_files, dossier_record


@pytest.fixture(scope="module")
def record(dossier):
    return dossier_record(dossier, "Seeds")


def test_the_record_holds_every_article_entity_quote_and_event(dossier, record):
    assert record["format"] == FORMAT
    assert [article["id"] for article in record["articles"]] == [a.metadata.article_id for a in dossier.articles]
    assert len(record["entities"]) == len(dossier.entities)
    assert len(record["mentions"]) == sum(len(entity.mentions) for entity in dossier.entities)
    assert len(record["quotes"]) == sum(len(article.quotes) for article in dossier.articles)
    assert len(record["events"]) == len(dossier.timeline)


def test_every_mention_and_quote_points_at_its_words(record):
    paragraphs = {(article["id"], paragraph["number"]): paragraph["text"]
                  for article in record["articles"] for paragraph in article["paragraphs"]}
    for mention in record["mentions"]:
        written = paragraphs[(mention["article"], mention["paragraph"])][mention["start"]:mention["end"]]
        assert mention["surface"] in written
    for quote in record["quotes"]:
        assert paragraphs[(quote["article"], quote["paragraph"])][quote["start"]:quote["end"]] == quote["text"]


def test_every_id_resolves(record):
    entities = {entity["id"] for entity in record["entities"]}
    articles = {article["id"] for article in record["articles"]}
    assert {mention["entity"] for mention in record["mentions"]} <= entities
    assert {quote["speaker"] for quote in record["quotes"] if quote["speaker"]} <= entities
    assert {name for event in record["events"] for name in event["entities"]} <= entities
    assert {citation["article"] for event in record["events"] for citation in event["citations"]} <= articles
    assert {article for entity in record["entities"] for article in entity["articles"]} <= articles


def test_a_seed_quote_with_its_speaker_and_paragraph(record):
    # 004 ¶4: "former Afghan politician Fawzia Koofi saying “any move by any country to normalize relations …”"
    quote = next(quote for quote in record["quotes"] if quote["text"].startswith("any move by any country"))
    assert (quote["article"], quote["paragraph"], quote["speaker"]) == ("004_bd110d5bfaa63d58", 4, "person:fawzia-koofi")
    koofi = next(entity for entity in record["entities"] if entity["id"] == "person:fawzia-koofi")
    assert (koofi["name"], koofi["role"], koofi["reviewed"], koofi["protected"]) == \
        ("Fawzia Koofi", "Former Afghan politician", True, False)


def test_the_recognition_is_dated_with_its_citations(record):
    # 000 line 11 and 001 line 30: "the Taliban announced on Thursday (3 July) that their regime has been
    # officially recognized by Russia"
    entry = next(event for event in record["events"] if event["date"] == "2025-07-03"
                 and any("officially recognized by Russia" in c["sentence"] for c in event["citations"]))
    cited = {citation["article"] for citation in entry["citations"]}
    assert {"000_68507b3c627c16da", "001_b8986cde7695ea0e"} <= cited
    assert entry["planned"] is False


def test_an_unknown_value_stays_unknown_with_its_provenance(record):
    article = next(article for article in record["articles"] if article["id"] == "004_bd110d5bfaa63d58")
    assert article["publisher"] == {"value": None, "provenance": "unknown", "evidence": "no source is stated"}
    assert article["date"]["value"] == "2025-07-04"  # its first line: "date 2025-07-04"


def test_each_csv_has_one_row_per_record(dossier, record):
    files = {file.path.removeprefix("data/"): file.content for file in data_files(dossier, "Seeds")}
    assert json.loads(files["dossier.json"]) == record
    counts = {"articles": len(record["articles"]), "entities": len(record["entities"]),
              "mentions": len(record["mentions"]), "quotes": len(record["quotes"]),
              "shared_passages": len(record["shared_passages"])}
    for name, count in counts.items():
        rows = list(csv.DictReader(io.StringIO(files[f"{name}.csv"])))
        assert len(rows) == count, name
    articles = list(csv.DictReader(io.StringIO(files["articles.csv"])))
    assert articles[4]["id"] == "004_bd110d5bfaa63d58" and articles[4]["publisher_provenance"] == "unknown"


def test_the_sources_page_links_every_export(built_site):
    page = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    for name in ("dossier.json", "articles.csv", "entities.csv", "mentions.csv", "quotes.csv",
                 "shared_passages.csv", "dossier.ftm.json"):
        assert f'href="../data/{name}"' in page
        assert (built_site / "data" / name).is_file()
    assert 'href="../timeline/events.csv"' in page


def test_an_empty_table_keeps_its_whole_header(dossier):
    from dataclasses import replace

    from generator.export.dataset import CSV_COLUMNS

    files = {file.path: file.content for file in data_files(replace(dossier, shared_passages=()), "Seeds")}
    assert files["data/shared_passages.csv"] == ",".join(CSV_COLUMNS["shared_passages"]) + "\n"
