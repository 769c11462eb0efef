"""MkDocs hooks: run the pipeline and add its pages as virtual files.

Nothing is written into docs/, so `mkdocs serve` (which watches seeds/) rebuilds
once per edit instead of looping on its own output.
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.extract.ner import ClusterUnavailable, cache_dir, shared_recogniser
from generator.model import Dossier
from generator.pipeline import build_dossier
from generator.render import Renderer
from generator.stage_cache import StageCache

log = logging.getLogger("mkdocs.dossier")

SUMMARY_MARKER = "<!-- dossier:summary -->"
IN_NAV = frozenset({"articles/index.md", "actors/index.md", "organisations/index.md", "places/index.md",
                    "timeline/index.md", "quotes/index.md", "sources/index.md"})


class _Build:
    """What one build's hooks share: the dossier and its renderer."""

    dossier: Dossier | None = None
    renderer: Renderer | None = None
    raw_titles: dict[str, str] = {}  # page url -> front-matter title that needs escaping in the search index
    html: dict[str, tuple[str, tuple[dict, ...]]] = {}  # generated page -> its HTML and table of contents
    search_entries: list[dict[str, str]] = []  # lean entries for pages kept out of Material's own indexing
    command: str = "build"


_build = _Build()


def seeds_dir(config: MkDocsConfig) -> Path:
    configured = (config.extra.get("dossier") or {}).get("seeds", "seeds")
    return Path(config.config_file_path).parent / configured


def ner_cache_dir(config: MkDocsConfig) -> Path:
    return cache_dir(Path(config.config_file_path).parent, (config.extra.get("dossier") or {}).get("cache", ".cache"))


def on_startup(command: str, dirty: bool) -> None:
    _build.command = command


def on_serve(server, config: MkDocsConfig, builder) -> None:
    """Rebuild when an article, a sidecar or the registry changes (watched here, not in mkdocs.yml,
    so that a missing seeds folder is reported by the dossier's own message, not a config error)."""
    if seeds_dir(config).is_dir():
        server.watch(str(seeds_dir(config)))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    scheduler = str((config.extra.get("dossier") or {}).get("scheduler") or "")
    try:
        recogniser = shared_recogniser(ner_cache_dir(config), scheduler)
    except ClusterUnavailable as error:
        raise Abort(f"{error}. Set extra.dossier.scheduler in mkdocs.yml (or DOSSIER_SCHEDULER) to a reachable "
                    "scheduler, or leave it empty to extract on this machine.") from None
    dossier = build_dossier(seeds_dir(config), recogniser, StageCache(ner_cache_dir(config) / "stages"))
    for problem in dossier.problems:
        (log.error if problem.severity == "error" else log.warning)(str(problem))
    if not dossier.articles and _build.command != "serve":
        # a site with no article is no dossier: say why instead of publishing an empty one
        raise Abort("No article to publish. " + " ".join(str(p) for p in dossier.problems if p.severity == "error"))
    renderer = Renderer(use_directory_urls=config.use_directory_urls)
    html_pages: dict[str, tuple[str, tuple[dict, ...]]] = {}
    search_entries: list[dict[str, str]] = []
    for page in renderer.pages(dossier, site_name=config.site_name, site_description=config.site_description or "",
                               site_url=config.site_url or ""):
        if files.get_file_from_path(page.path) is not None:
            log.error(f"docs/{page.path} is also a page the generator writes; rename or remove docs/{page.path}.")
            continue
        inclusion = InclusionLevel.INCLUDED if page.path in IN_NAV else InclusionLevel.NOT_IN_NAV
        generated = File.generated(config, page.path, content=page.content, inclusion=inclusion)
        files.append(generated)
        if page.html is not None:
            html_pages[page.path] = (page.html, page.toc)
        if page.search is not None:
            search_entries.append({"location": generated.url, "title": html.escape(page.search[0], quote=False),
                                   "text": html.escape(page.search[1], quote=False)})
    _build.dossier, _build.renderer, _build.raw_titles, _build.html = dossier, renderer, {}, html_pages
    _build.search_entries = search_entries
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    title = page.meta.get("title")
    if isinstance(title, str) and html.escape(title, quote=False) != title:
        _build.raw_titles[page.url] = title
    if SUMMARY_MARKER in markdown and _build.dossier is not None and _build.renderer is not None:
        summary = _build.renderer.home_summary(_build.dossier, page=page.file.src_uri)
        markdown = markdown.replace(SUMMARY_MARKER, summary)
    return markdown


def on_page_content(html_content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's HTML, rendered by the templates, in place of its placeholder Markdown."""
    rendered = _build.html.get(page.file.src_uri)
    if rendered is None:
        return html_content
    body, toc = rendered
    page.toc = get_toc(list(toc))
    return body


def on_post_build(config: MkDocsConfig) -> None:
    """Finish the search index: escape front-matter titles, add the lean entries of entity pages.

    Material's search plugin copies a page's front-matter title into the index as it is, and
    its search box inserts result titles as HTML: an article titled "<img onerror=…>" would
    run script there. Section titles are escaped by the plugin already; this escapes the rest.
    Entity pages are excluded from Material's indexing (parsing their mentions cost a third of a
    large build and only repeated the articles); each gets one entry, its name, kind, role and
    other spellings, escaped here. Runs after the search plugin writes the index, before the
    offline plugin inlines it.
    """
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not (_build.raw_titles or _build.search_entries) or not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        raw = _build.raw_titles.get(doc.get("location", "").split("#")[0])
        if raw is not None and doc.get("title") == raw:
            doc["title"] = html.escape(raw, quote=False)
    present = {doc.get("location") for doc in index.get("docs", [])}
    index.setdefault("docs", []).extend(entry for entry in _build.search_entries if entry["location"] not in present)
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
