"""MkDocs hooks: run the pipeline and add its pages as virtual files.

Nothing is written into docs/, so `mkdocs serve` (which watches seeds/) rebuilds
once per edit instead of looping on its own output.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.extract.ner import shared_recogniser
from generator.model import Dossier
from generator.pipeline import build_dossier
from generator.render import Renderer

log = logging.getLogger("mkdocs.dossier")

SUMMARY_MARKER = "<!-- dossier:summary -->"
IN_NAV = frozenset({"articles/index.md", "actors/index.md", "organisations/index.md", "places/index.md",
                    "timeline/index.md", "quotes/index.md", "sources/index.md"})


class _Build:
    """What one build's hooks share: the dossier and its renderer."""

    dossier: Dossier | None = None
    renderer: Renderer | None = None


_build = _Build()


def seeds_dir(config: MkDocsConfig) -> Path:
    configured = (config.extra.get("dossier") or {}).get("seeds", "seeds")
    return Path(config.config_file_path).parent / configured


def cache_dir(config: MkDocsConfig) -> Path:
    configured = (config.extra.get("dossier") or {}).get("cache", ".cache")
    return Path(config.config_file_path).parent / configured


def on_files(files: Files, config: MkDocsConfig) -> Files:
    dossier = build_dossier(seeds_dir(config), shared_recogniser(cache_dir(config)))
    for problem in dossier.problems:
        (log.error if problem.severity == "error" else log.warning)(str(problem))
    renderer = Renderer(config.markdown_extensions)
    for page in renderer.pages(dossier, site_name=config.site_name):
        if files.get_file_from_path(page.path) is not None:
            log.error(f"docs/{page.path} is also a page the generator writes; rename or remove docs/{page.path}.")
            continue
        inclusion = InclusionLevel.INCLUDED if page.path in IN_NAV else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.path, content=page.content, inclusion=inclusion))
    _build.dossier, _build.renderer = dossier, renderer
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if SUMMARY_MARKER in markdown and _build.dossier is not None and _build.renderer is not None:
        summary = _build.renderer.home_summary(_build.dossier, page=page.file.src_uri)
        markdown = markdown.replace(SUMMARY_MARKER, summary)
    return markdown
