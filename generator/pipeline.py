"""The pipeline, top to bottom: ingest, clean, extract, assemble. Rendering comes after."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .clean import clean_text
from .extract.metadata import DossierEvidence, extract_metadata, stated_publication_year
from .ingest import ingest
from .model import Article, Dossier, Problem
from .slugs import allocate_slugs


def build_dossier(seeds_dir: Path) -> Dossier:
    ingested = ingest(seeds_dir)
    problems = list(ingested.problems)

    cleaned = []
    for source in ingested.sources:
        clean = clean_text(source.text)
        if not clean.paragraphs:
            what = "only a headline" if clean.headline else "only lines recognised as boilerplate"
            problems.append(Problem(source.name, f"has {what} and no body text; not published.",
                                    "Paste the article's text under its headline."))
            continue
        cleaned.append((source, clean))

    evidence = DossierEvidence(tuple(sorted(
        {year for source, clean in cleaned if (year := stated_publication_year(source, clean)) is not None})))
    articles = [Article(source, clean, extract_metadata(source, clean, evidence), slug="")
                for source, clean in cleaned]

    slugs = allocate_slugs(((a.source.stem, a.metadata.title.value or a.source.stem) for a in articles), "article")
    articles = [replace(article, slug=slugs[article.source.stem]) for article in articles]
    return Dossier(articles=tuple(articles), problems=tuple(problems))
