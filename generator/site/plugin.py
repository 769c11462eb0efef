"""The MkDocs plugin (`plugins: - dossier`): run the pipeline and add its pages as virtual files.

Nothing is written into docs/, so `mkdocs serve` (which watches seeds/) rebuilds
once per edit instead of looping on its own output. Under `mkdocs serve --dirty` only the pages
an edit changed are rebuilt (see `preview`). The plugin also brings the dossier's theme
(`overrides/`: templates, stylesheet, the offline search shim), so a dossier's mkdocs.yml needs
no more than `theme: material` and the plugin.
"""

from __future__ import annotations

import html
import json
import logging
import shlex
import shutil
import sys
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.errors import UnsafeToPublish
from generator.export.open_data import open_data
from generator.extract.ner import ClusterUnavailable, cache_dir, shared_recogniser
from generator.ingest.registry import LoadedRegistry, load_registry
from generator.model import Dossier
from generator.pipeline import build_dossier
from generator.protect.audit import AuditMemory, describe, leaks
from generator.protect.redact import Redactor, protect, redactor_for
from generator.render.pages import RenderedPage, Renderer
from generator.resources import TEMPLATES, THEME
from generator.site.preview import PreviewState, entries_by_page, fingerprint, merged_entries, setting_fingerprint
from generator.stage_cache import shared_stage_cache

log = logging.getLogger("mkdocs.plugins.dossier")
STYLESHEET = "assets/stylesheets/dossier.css"
#: Material's offline plugin loads this Web Worker shim from a CDN unless a polyfill naming
#: "iframe-worker" is given: the theme ships it (the npm package iframe-worker 1.0.4, MIT).
OFFLINE_SHIM = "assets/javascripts/iframe-worker/shim.js"


class DossierConfig(base.Config):
    """The plugin's options, checked by MkDocs; a misspelt one is an error that names it."""

    seeds = c.Type(str, default="seeds")  # the articles, relative to mkdocs.yml
    cache = c.Type(str, default=".cache")  # the model's and the stages' caches, relative to mkdocs.yml
    scheduler = c.Type(str, default="")  # a Dask scheduler (tcp://host:8786); empty: this machine
    offline = c.Type(bool, default=False)  # the build opened from disk: no feeds, no sitemap
    open_data = c.Type(bool, default=True)  # data/ exports (never written by the live preview)

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
    redactor: Redactor = Redactor(())  # this build's protected names: every message logged is redacted with it
    refused: UnsafeToPublish | None = None  # the registry's errors, when the preview shows them instead of pages
    registry: LoadedRegistry | None = None  # read by `on_pre_build`, before anything is written
    dirty: bool = False  # `mkdocs serve --dirty`: rebuild only the pages that changed
    page_urls: list[str] = []  # every page, in the order MkDocs builds (and search indexes) them
    rebuilt_urls: set[str] = set()  # the pages this build writes; the others are kept as they are
    pending: tuple[bytes, dict[str, bytes]] = (b"", {})  # this build's setting and page fingerprints
    options: DossierConfig = DossierConfig()


_build = _Build()
_preview = PreviewState()


class _GeneratedPage(File):
    """A generated page that can tell a dirty build it is the same as the one already written."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


class _DirtyWarningFilter(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale; `preview` keeps it right."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class _RedactingFilter(logging.Filter):
    """Every message MkDocs or a plugin logs (a file name, a warning quoting a page) is redacted
    before it is printed: a message must never name a protected person."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _build.redactor:
            message = record.getMessage()
            redacted = _build.redactor.redact(message)
            if redacted != message:
                record.msg, record.args = redacted, ()
        return True


_REDACTING = _RedactingFilter()


def _redact_every_log_message() -> None:
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in logger.handlers:
            if _REDACTING not in handler.filters:
                handler.addFilter(_REDACTING)


def seeds_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / _build.options.seeds


def ner_cache_dir(config: MkDocsConfig) -> Path:
    return cache_dir(Path(config.config_file_path).parent, _build.options.cache)


def on_startup(command: str, dirty: bool) -> None:
    _build.command, _build.dirty = command, dirty and command == "serve"
    if _build.dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarningFilter())


def on_pre_build(config: MkDocsConfig) -> None:
    """Read the registry before anything is written: it is read whole or not at all, and an error
    in it stops the build here, before MkDocs empties the site folder, so the previous site stays
    (the preview shows the error instead of pages: see `_refusal_page`).

    Under a dirty rebuild, Material's search would merge its previous index for one page only;
    `on_post_build` merges for every page instead."""
    _redact_every_log_message()
    _build.refused = None
    try:
        _build.registry = load_registry(seeds_dir(config))
        _, _build.redactor, _ = protect(_build.registry.registry)
    except UnsafeToPublish as error:
        _build.redactor = Redactor(())
        if _build.command != "serve":
            raise Abort(error.report()) from None
        _build.refused = error
        _preview.pages, _preview.search = {}, {}
    if _build.dirty:
        for plugin in config.plugins.values():
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None


def on_serve(server, config: MkDocsConfig, builder) -> None:
    """Rebuild when an article, a sidecar or the registry changes, or the generator's own page templates or
    theme (an edit to them shows at once in a checkout). Watched here, not in mkdocs.yml, so that a missing
    seeds folder is reported by the dossier's own message, not a config error, and a dossier's mkdocs.yml
    names no folder of the generator."""
    if seeds_dir(config).is_dir():
        server.watch(str(seeds_dir(config)))
    for folder in (TEMPLATES, THEME):
        server.watch(str(folder))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _build.refused is not None:
        return _refusal_page(files, config, _build.refused)
    scheduler = _build.options.scheduler
    try:
        recogniser = shared_recogniser(ner_cache_dir(config), scheduler)
    except ClusterUnavailable as error:
        raise Abort(f"{error}. Set the dossier plugin's scheduler in mkdocs.yml (or DOSSIER_SCHEDULER) to a reachable "
                    "scheduler, or leave it empty to extract on this machine.") from None
    stage_cache = shared_stage_cache(ner_cache_dir(config) / "stages")
    try:
        dossier = build_dossier(seeds_dir(config), recogniser, stage_cache, _build.registry)
    except UnsafeToPublish as error:
        raise Abort(error.report()) from None
    stage_cache.forget_unused()
    for problem in dossier.problems:
        (log.error if problem.severity == "error" else log.warning)(str(problem))
    if not dossier.articles and _build.command != "serve":
        # a site with no article is no dossier: say why instead of publishing an empty one
        raise Abort("No article to publish. " + " ".join(str(p) for p in dossier.problems if p.severity == "error"))
    renderer = Renderer(use_directory_urls=config.use_directory_urls)
    html_pages: dict[str, tuple[str, tuple[dict, ...]]] = {}
    search_entries: list[dict[str, str]] = []
    setting = _setting(config) if _build.dirty else b""
    fingerprints: dict[str, bytes] = {}
    data = open_data(dossier, config.site_name, complete=_build.options.open_data and _build.command != "serve")
    pages = renderer.pages(dossier, site_name=config.site_name, site_description=config.site_description or "",
                           site_url=config.site_url or "", open_data=data)
    for page in [*pages, *(RenderedPage(file.path, file.content) for file in data.files())]:
        if files.get_file_from_path(page.path) is not None:
            log.error(f"docs/{page.path} is also a page the generator writes; rename or remove docs/{page.path}.")
            continue
        inclusion = InclusionLevel.INCLUDED if page.path in IN_NAV else InclusionLevel.NOT_IN_NAV
        generated = _GeneratedPage.generated(config, page.path, content=page.content, inclusion=inclusion)
        if _build.dirty:
            fingerprints[page.path] = fingerprint(page.content, page.html or "")
            # a page in the navigation may be left unbuilt too: its title there is the one mkdocs.yml gives
            generated.unchanged = (_preview.unchanged(setting, page.path, fingerprints[page.path])
                                   and Path(generated.abs_dest_path).is_file())
        files.append(generated)
        if page.html is not None:
            html_pages[page.path] = (page.html, page.toc)
        if page.search is not None:
            search_entries.append({"location": generated.url, "title": html.escape(page.search[0], quote=False),
                                   "text": html.escape(page.search[1], quote=False)})
    _build.dossier, _build.renderer, _build.raw_titles, _build.html = dossier, renderer, {}, html_pages
    _build.search_entries = search_entries
    if _build.dirty:
        _forget_removed_pages(files, fingerprints)
        for file in files.documentation_pages():
            if not isinstance(file, _GeneratedPage):
                file.is_modified = _always  # a hand-written page may show the dossier's summary
        _build.pending = (setting, fingerprints)  # remembered once the pages are written: `on_post_build`
    return files


def _refusal_page(files: Files, config: MkDocsConfig, error: UnsafeToPublish) -> Files:
    """The preview when the registry has an error: one page that says what to fix, and nothing of the
    dossier (no article, no page of the curator's, no name of the site's), the previous pages deleted."""
    log.error(error.report())
    _build.dossier, _build.renderer, _build.html, _build.search_entries = None, None, {}, []
    _build.pending = (b"", {})
    _empty(Path(config.site_dir))
    docs = Path(config.docs_dir).resolve()
    kept = Files([file for file in files if not file.is_documentation_page()
                  and docs not in Path(file.abs_src_path or docs).resolve().parents])
    items = "".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in error.problems)
    content = (f"# Nothing is shown\n\n<p>The registry has errors, and it says who must never be named, so no page "
               f"is built until it is fixed. This page updates when it is saved.</p>\n\n<ul>{items}</ul>\n")
    kept.append(File.generated(config, "index.md", content=content))
    config.site_name, config.nav, config.site_description = "Dossier not built", None, ""
    return kept


def _empty(folder: Path) -> None:
    """Delete what a folder holds (what this build, or the one before, wrote), and keep the folder."""
    if folder.is_dir():
        for path in folder.iterdir():
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink(missing_ok=True)


def _always() -> bool:
    return True


def _setting(config: MkDocsConfig) -> bytes:
    folders = [Path(config.docs_dir), TEMPLATES]
    folders += [Path(folder) for folder in config.theme.dirs if Path(folder).resolve() in _theme_dirs(config)]
    return setting_fingerprint(Path(config.config_file_path), folders)


def _forget_removed_pages(files: Files, fingerprints: dict[str, bytes]) -> None:
    """Delete from the served folder the pages of the previous build that this one no longer has."""
    destinations = {file.src_uri: file.abs_dest_path for file in files if isinstance(file, _GeneratedPage)}
    for path, destination in _preview.destinations.items():
        if path not in fingerprints:
            Path(destination).unlink(missing_ok=True)
    _preview.destinations = destinations


def _search_location(file: File) -> str:
    """The page's address as search entries give it: the home page is "", not "./"."""
    return "" if file.url == "./" else file.url


def on_env(env, config: MkDocsConfig, files: Files):
    """Which pages this build writes, in the order search indexes them (for `on_post_build`)."""
    pages = files.documentation_pages()
    _build.page_urls = [_search_location(file) for file in pages]
    _build.rebuilt_urls = {_search_location(file) for file in pages if not _build.dirty or file.is_modified()}
    if _build.dirty:
        log.info(f"Rebuilding {len(_build.rebuilt_urls)} of {len(pages)} pages; the others are unchanged.")
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    title = page.meta.get("title")
    if isinstance(title, str) and html.escape(title, quote=False) != title:
        _build.raw_titles[page.url] = title
    if SUMMARY_MARKER in markdown and _build.dossier is not None and _build.renderer is not None:
        summary = _build.renderer.home_summary(_build.dossier, page=page.file.src_uri)
        markdown = markdown.replace(SUMMARY_MARKER, summary)
    if _build.dossier is not None and _build.dossier.protected and not isinstance(page.file, _GeneratedPage):
        # a page the curator wrote may name a protected person
        markdown = redactor_for(_build.dossier.protected).redact(markdown)
    return markdown


def on_page_content(html_content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's HTML, rendered by the templates, in place of its placeholder Markdown."""
    rendered = _build.html.get(page.file.src_uri)
    if rendered is None:
        return html_content
    body, toc = rendered
    page.toc = get_toc(list(toc))
    return body


def on_build_error(error: Exception) -> None:
    """A build that failed may have written some pages and not others: the next one writes them all."""
    _preview.pages, _preview.search = {}, {}


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
    if _build.dirty:
        _preview.setting, _preview.pages = _build.pending
    _finish_search_index(config)
    if _build.redactor:
        _refuse_leaks(_build.redactor, Path(config.site_dir), AuditMemory(ner_cache_dir(config), _build.redactor))


def _refuse_leaks(redactor: Redactor, site_dir: Path, memory: AuditMemory) -> None:
    """Stop before publishing if a protected name reached any built file or file name by a way the
    pipeline does not control (the site's name in mkdocs.yml, a theme override, a file in docs/):
    everything this build wrote is deleted."""
    leaked = leaks(redactor, site_dir, memory)
    if not leaked:
        return
    _empty(site_dir)
    _preview.pages, _preview.search = {}, {}
    raise Abort(f"{len(leaked)} built files hold a protected name, so nothing is published (the files this build "
                f"wrote were deleted): {describe(leaked)}. The pipeline pseudonymises articles, the registry and "
                "docs/ pages; look for the name in mkdocs.yml (site_name, nav, extra), in overrides/ and in the "
                "files and file names under docs/, and replace it with the pseudonym.")


def _finish_search_index(config: MkDocsConfig) -> None:
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not (_build.raw_titles or _build.search_entries or _build.dirty) or not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = index.setdefault("docs", [])
    for doc in docs:
        raw = _build.raw_titles.get(doc.get("location", "").split("#")[0])
        if raw is not None and doc.get("title") == raw:
            doc["title"] = html.escape(raw, quote=False)
    if _build.dirty:
        if _preview.search:
            docs = merged_entries(_preview.search, entries_by_page(docs), _build.rebuilt_urls, _build.page_urls)
        _preview.search = entries_by_page(docs)
    present = {doc.get("location") for doc in docs}
    docs.extend(entry for entry in _build.search_entries if entry["location"] not in present)
    index["docs"] = docs
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _theme_dirs(config: MkDocsConfig) -> set[Path]:
    """The dossier's own theme folders (its overrides and the project's): they shape every page."""
    dirs = {THEME.resolve()}
    if config.theme.custom_dir:
        dirs.add(Path(config.theme.custom_dir).resolve())
    return dirs


def on_config(config: MkDocsConfig, options: DossierConfig) -> MkDocsConfig:
    """The dossier's theme under the curator's own overrides (if any) and above Material's; its
    stylesheet; and, offline, the search shim that would otherwise come from a CDN."""
    _build.options = options
    if config.theme.name != "material":
        raise Abort(f"The dossier plugin needs the Material theme (theme: name: material), not '{config.theme.name}'.")
    if not THEME.is_dir():
        raise Abort(f"The dossier's theme is missing ({THEME}); reinstall the generator from the wheel you "
                    f"installed it from: {shlex.quote(sys.executable)} -m pip install --force-reinstall WHEEL")
    dirs = [Path(folder).resolve() for folder in config.theme.dirs]
    if THEME.resolve() not in dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    if STYLESHEET not in [str(sheet) for sheet in config.extra_css]:
        config.extra_css.append(STYLESHEET)
    if options.offline and not any("iframe-worker" in str(polyfill) for polyfill in config.extra.get("polyfills") or []):
        config.extra["polyfills"] = [*(config.extra.get("polyfills") or []), OFFLINE_SHIM]
    return config


class DossierPlugin(BasePlugin[DossierConfig]):
    """`plugins: - dossier` in mkdocs.yml. The instance lives across a `mkdocs serve` (it has
    `on_startup`), and so does what the preview remembers between builds."""

    def load_config(self, options, config_file_path=None):
        errors, warnings = super().load_config(options, config_file_path)
        unknown = [(key, message) for key, message in warnings if message.startswith("Unrecognised configuration name")]
        if unknown:  # MkDocs only warns; a misspelt option silently ignored would build the wrong dossier
            allowed = ", ".join(name for name, _ in DossierConfig._schema)
            errors = [*errors, *((key, ValueError(f"unknown option '{key}'; the dossier plugin's options are "
                                                  f"{allowed}")) for key, _ in unknown)]
            warnings = [item for item in warnings if item not in unknown]
        return errors, warnings

    def on_startup(self, *, command, dirty):
        on_startup(command, dirty)

    @event_priority(100)  # before Material's offline plugin, which would otherwise add the shim from a CDN
    def on_config(self, config):
        return on_config(config, self.config)

    def on_pre_build(self, *, config):
        on_pre_build(config)

    def on_serve(self, server, *, config, builder):
        on_serve(server, config, builder)
        return server

    def on_files(self, files, *, config):
        return on_files(files, config)

    def on_env(self, env, *, config, files):
        env.globals["dossier_offline"] = self.config.offline
        return on_env(env, config, files)

    def on_page_markdown(self, markdown, *, page, config, files):
        return on_page_markdown(markdown, page, config, files)

    def on_page_content(self, html, *, page, config, files):
        return on_page_content(html, page, config, files)

    def on_build_error(self, *, error):
        on_build_error(error)

    def on_post_build(self, *, config):
        on_post_build(config)
