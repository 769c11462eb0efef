"""What the plugin hands MkDocs: made by the pipeline and the renderer, or read back whole (`warm`)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Dossier, OpenData, Problem
from generator.model.dossier import Protected
from generator.render.pages import RenderedPage, Renderer
from generator.render.summary import Summary, summarise


@dataclass(frozen=True)
class Made:
    """The pages and data files, and of the dossier only what later hooks read: its problems (logged
    by every build, so `--strict` fails alike), its protected names (the curator's own pages are
    redacted with them) and its figures (a hand-written page may show them)."""

    pages: tuple[RenderedPage, ...]
    data: OpenData
    problems: tuple[Problem, ...]
    protected: tuple[Protected, ...]
    summary: Summary
    articles: int
    sources: tuple[tuple[str, str], ...] = ()  # (source file, SHA-256 as received or "" if withheld), for SHA256SUMS


def made(dossier: Dossier, renderer: Renderer, data: OpenData, site_name: str, site_description: str,
         site_url: str) -> Made:
    pages = renderer.pages(dossier, site_name=site_name, site_description=site_description, site_url=site_url,
                           open_data=data)
    sources = tuple(sorted((article.metadata.source_name, article.metadata.sha256) for article in dossier.articles))
    return Made(tuple(pages), data, dossier.problems, dossier.protected, summarise(dossier), len(dossier.articles),
                sources)
