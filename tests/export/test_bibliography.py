"""data/sources.bib and data/sources.csl.json, read back by real parsers (bibtexparser, citeproc-py)."""

from __future__ import annotations

import json

import bibtexparser
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from generator.export.bibliography import bibliography_files


def _files(dossier) -> dict[str, str]:
    return {file.path: file.content for file in bibliography_files(dossier, "data")}


def test_the_bibtex_parses_with_an_entry_per_article(dossier):
    library = bibtexparser.parse_string(_files(dossier)["data/sources.bib"])
    assert library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    assert len(entries) == len(dossier.articles) == 5
    civil = entries["000_68507b3c627c16da"]
    assert civil.entry_type == "article" and civil.fields_dict["journal"].value == "Zan News"
    assert civil.fields_dict["title"].value.startswith("{Civil Organizations: Russia’s Move")
    assert "year" not in civil.fields_dict  # "Jul 5": the year is inferred, so it is not cited
    assert "SHA-256 419c66fad7c1f27ab2d318c6255e122c9e3777ab58538f5c785310b79b018e97" in civil.fields_dict["note"].value
    dated = entries["004_bd110d5bfaa63d58"]
    assert dated.entry_type == "misc"  # no publisher stated
    assert (dated.fields_dict["date"].value, dated.fields_dict["year"].value) == ("2025-07-04", "2025")
    assert "title" not in dated.fields_dict  # its title is made up from the first sentence


def test_the_csl_json_renders_as_a_bibliography(dossier):
    items = json.loads(_files(dossier)["data/sources.csl.json"])
    assert {item["id"] for item in items} == {article.metadata.article_id for article in dossier.articles}
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)  # the style citeproc-py bundles
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 5
    assert any("Civil Organizations" in entry and "Zan News" in entry for entry in rendered), rendered
    dated = next(item for item in items if item["id"] == "004_bd110d5bfaa63d58")
    assert dated["issued"] == {"date-parts": [[2025, 7, 4]]} and "title" not in dated and "author" not in dated
