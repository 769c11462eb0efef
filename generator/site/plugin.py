"""The MkDocs plugin (`plugins: - dossier`): run the pipeline and add its pages as virtual files.

Nothing is written into docs/, so `mkdocs serve` (which watches seeds/) rebuilds
once per edit instead of looping on its own output. Under `mkdocs serve --dirty` only the pages
an edit changed are rebuilt (see `preview`). The plugin also brings the dossier's theme
(`overrides/`: templates, stylesheet, the offline search shim), so a dossier's mkdocs.yml needs
no more than `theme: material` and the plugin.

What one build's hooks share is a `Build`, made anew by `on_config` (the first hook of every build);
what the preview remembers between builds is the plugin's `PreviewState`.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.errors import UnsafeToPublish
from generator.export.open_data import open_data
from generator.extract.ner import ClusterUnavailable, shared_recogniser
from generator.ingest.registry import LoadedRegistry, load_registry
from generator.model import Dossier
from generator.pipeline import build_dossier
from generator.protect.audit import AuditMemory
from generator.protect.redact import Redactor, protect, redactor_for
from generator.render.pages import RenderedPage, Renderer
from generator.render.reuse import PageMemo
from generator.render.search_entry import SearchEntry
from generator.resources import TEMPLATES, THEME
from generator.site import collector, kept, warm
from generator.site.checksums import build_date, write_manifest
from generator.site.compiled import THEME_TEMPLATES
from generator.site.config import (
    DossierConfig,
    add_theme,
    ner_cache_dir,
    seeds_dir,
    theme_dirs,
    unknown_option_errors,
)
from generator.site.log_filters import quiet_dirty_warning, redact_every_log_message
from generator.site.made import Made, made
from generator.site.preview import PreviewState, setting_fingerprint
from generator.site.refusal import refusal_page, refuse_leaks
from generator.site.search_index import SearchIndex
from generator.site.search_text import page_entry
from generator.stage_cache import shared_stage_cache

log = logging.getLogger("mkdocs.plugins.dossier")
SUMMARY_MARKER = "<!-- dossier:summary -->"
#: Files that only make sense on a web server, left out of the offline bundle.
NOT_OFFLINE = ("404.html", "sitemap.xml", "sitemap.xml.gz")
IN_NAV = frozenset({"articles/index.md", "actors/index.md", "organisations/index.md", "places/index.md",
                    "timeline/index.md", "quotes/index.md", "sources/index.md"})


@dataclass
class Build:
    """What one build's hooks share, from `on_config` to `on_post_build`."""

    config: MkDocsConfig
    options: DossierConfig
    command: str = "build"
    dirty: bool = False  # `mkdocs serve --dirty`: MkDocs itself skips the pages this build marks unchanged
    registry: LoadedRegistry | None = None  # read by `on_pre_build`, before anything is written
    redactor: Redactor = field(default_factory=lambda: Redactor(()))  # every message logged is redacted with it
    refused: UnsafeToPublish | None = None  # the registry's errors, when the preview shows them instead of pages
    made: Made | None = None  # the pages and what later hooks read of the dossier
    renderer: Renderer | None = None
    html: dict[str, tuple[str, tuple[dict, ...]]] = field(default_factory=dict)  # generated page -> HTML, TOC
    searches: bool = False  # Material's search is on: the site gets the dossier's index (`search_index`)
    search: dict[str, SearchEntry] = field(default_factory=dict)  # page address -> entry, of the pages built
    searched: set[str] = field(default_factory=set)  # the address of every page search holds, built or not
    page_count: int = 0  # the site's pages, built or kept
    pending: tuple[bytes, dict[str, bytes]] = (b"", {})  # this build's setting and page fingerprints
    kept: list[str] = field(default_factory=list)  # unchanged pages, moved back from `previous` (see `kept`)
    keeps: bool = False  # this build keeps the last site's unchanged pages (a preview, or a build after one)
    saves: bool = False  # `mkdocs build`: what it wrote is remembered in the cache, for the next build to keep
    written: list[str] = field(default_factory=list)  # the generated pages' files, for `saves`

    @property
    def remembers(self) -> bool:
        """Whether this build's page fingerprints are kept for the next: a preview's, or `mkdocs build`'s."""
        return self.incremental or self.saves

    @property
    def incremental(self) -> bool:
        """Serving, dirty or not: an edit rebuilds only the pages it changes (see `preview`)."""
        return self.command == "serve"

    @property
    def previous(self) -> Path:
        """Plain serve: where the last build's site waits while MkDocs empties the site folder."""
        return Path(self.config.site_dir + ".previous")

    @property
    def seeds(self) -> Path:
        return seeds_dir(self.config, self.options)

    @property
    def cache(self) -> Path:
        return ner_cache_dir(self.config, self.options)


class _GeneratedPage(File):
    """A generated page that can tell a dirty build it is the same as the one already written."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


class DossierPlugin(BasePlugin[DossierConfig]):
    """`plugins: - dossier` in mkdocs.yml. The instance lives across a `mkdocs serve` (it has
    `on_startup`), and so does what the preview remembers between builds."""

    def __init__(self) -> None:
        super().__init__()
        self.command, self.dirty, self.mkdocs_dirty = "build", False, False
        self.preview = PreviewState()
        self.build: Build | None = None

    def load_config(self, options, config_file_path=None):
        errors, warnings = super().load_config(options, config_file_path)
        unknown = unknown_option_errors(warnings)
        if unknown:
            errors = [*errors, *unknown]
            warnings = [item for item in warnings if not item[1].startswith("Unrecognised configuration name")]
        return errors, warnings

    def on_startup(self, *, command, dirty):
        self.command, self.dirty, self.mkdocs_dirty = command, dirty and command == "serve", dirty
        if self.dirty:
            quiet_dirty_warning()

    @event_priority(100)  # before Material's offline plugin, which would otherwise add the shim from a CDN
    def on_config(self, config):
        self.build = Build(config, self.config, self.command, self.dirty)
        if self.command == "serve" and not self.config.scheduler:  # loaded during the first build, for the first edit
            shared_recogniser(self.build.cache, "").load_in_background()
        return add_theme(config, self.config)

    def on_pre_build(self, *, config):
        """Read the registry before anything is written: it is read whole or not at all, and an error
        in it stops the build here, before MkDocs empties the site folder, so the previous site stays
        (the preview shows the error instead of pages: see `refusal.refusal_page`).

        """
        build = self.build
        if build.incremental:  # a preview's heap is large and long-lived; a one-off build's grows from nothing
            collector.pause()
        # MkDocs gives the configuration's path as typed for a server's first build, then absolute
        served = (os.path.abspath(config.config_file_path or ""), os.path.abspath(config.site_dir))
        if self.preview.served != served:  # another dossier or site folder (one process may build several)
            self.preview = PreviewState(served)
        try:
            build.registry = load_registry(build.seeds)
            _, build.redactor, _ = protect(build.registry.registry)
        except UnsafeToPublish as error:
            build.redactor = Redactor(())
            if build.command != "serve":
                redact_every_log_message(build.redactor)
                raise Abort(error.report()) from None
            build.refused = error
            self.preview.forget()
        redact_every_log_message(build.redactor)
        if build.refused is None:
            self._keep_or_not(build, Path(config.site_dir), served)
        search = config.plugins.get("material/search")
        build.searches = search is not None and search.config.enabled is not False

    def _keep_or_not(self, build: Build, site_dir: Path, served: tuple[str, str]) -> None:
        """Whether this build keeps the last site's unchanged pages (`kept`): a preview always, with its
        state in memory; `mkdocs build` when the last build into this folder left its state."""
        if build.command == "build" and not self.mkdocs_dirty:
            build.saves = True
            state = kept.load_state(build.cache, site_dir, served)
            self.preview = state or PreviewState(served)
            build.keeps = state is not None
        else:
            build.keeps = build.incremental
        if build.keeps and not build.dirty:
            kept.set_aside(site_dir, build.previous)

    def on_serve(self, server, *, config, builder):
        """Rebuild when an article, a sidecar or the registry changes, or the generator's own page templates or
        theme (an edit to them shows at once in a checkout). Watched here, not in mkdocs.yml, so that a missing
        seeds folder is reported by the dossier's own message, not a config error, and a dossier's mkdocs.yml
        names no folder of the generator."""
        seeds = seeds_dir(config, self.config)
        if seeds.is_dir():
            server.watch(str(seeds))
        for folder in (TEMPLATES, THEME):
            server.watch(str(folder))
        return server

    def on_files(self, files, *, config):
        build = self.build
        if build.refused is not None:
            log.error(build.refused.report())
            return refusal_page(files, config, build.refused)
        setting = self._setting(config) if build.remembers else b""
        build.renderer = Renderer(use_directory_urls=config.use_directory_urls,
                                  memo=self._memo(setting) if build.incremental else None)
        settings = (config.site_name, config.site_description or "", config.site_url or "",
                    config.use_directory_urls, build.command, sorted(build.options.items()))
        key = None if build.incremental else warm.fingerprint(build.seeds, settings)
        build.made = warm.load(build.cache, key)
        if build.made is None:
            dossier = self._dossier(build)
            data = open_data(dossier, config.site_name, complete=build.options.open_data and build.command != "serve")
            build.made = made(dossier, build.renderer, data, *settings[:3])
            warm.store(build.cache, key, build.made)
        self._report(build, build.made)
        pages, data = build.made.pages, build.made.data
        fingerprints: dict[str, bytes] = {}
        unchanged: list[File] = []
        previous = os.fspath(build.previous) if build.keeps else ""
        for page in [*pages, *(RenderedPage(file.path, file.content) for file in data.files())]:
            if files.get_file_from_path(page.path) is not None:
                log.error(f"docs/{page.path} is also a page the generator writes; rename or remove docs/{page.path}.")
                continue
            inclusion = InclusionLevel.INCLUDED if page.path in IN_NAV else InclusionLevel.NOT_IN_NAV
            generated = _GeneratedPage.generated(config, page.path, content=page.content, inclusion=inclusion)
            if build.remembers:
                fingerprints[page.path] = self.preview.page_fingerprint(page.path, page.content, page.html or "")
                build.written.append(generated.dest_uri)
            if build.keeps:
                # a page in the navigation may be left unbuilt too: its title there is the one mkdocs.yml gives
                written = (generated.abs_dest_path if build.dirty  # strings: a Path per page costs a tenth of a second
                           else os.path.join(previous, generated.dest_uri))
                as_written = (os.path.isfile(written) if build.incremental
                              else kept.status(written) == self.preview.written.get(generated.dest_uri))
                generated.unchanged = (self.preview.unchanged(setting, page.path, fingerprints[page.path])
                                       and as_written)
                if generated.unchanged and not build.dirty and page.path not in IN_NAV:
                    unchanged.append(generated)  # left out of the build; the navigation links only to files it has
            files.append(generated)
            if page.html is not None:
                build.html[page.path] = (page.html, page.toc)
            if page.search is not None:
                build.search[_search_location(generated)] = page.search
        pages = files.documentation_pages()
        build.page_count = len(pages)
        build.searched = {*build.search, *(_search_location(file) for file in pages if not isinstance(file, _GeneratedPage))}
        if build.dirty:
            self._forget_removed_pages(files, fingerprints, config.site_dir)
            for file in files.documentation_pages():
                if not isinstance(file, _GeneratedPage):
                    file.is_modified = lambda: True  # a hand-written page may show the dossier's summary
        for file in unchanged:  # plain serve: MkDocs builds what it is given; these come back as they were
            files.remove(file)
            build.kept.append(file.dest_uri)
        if build.remembers:
            build.pending = (setting, fingerprints)  # remembered once the pages are written: `on_post_build`
        return files

    def _dossier(self, build: Build) -> Dossier:
        """The pipeline's dossier, its problems logged; an error that leaves nothing to publish stops the build."""
        try:
            recogniser = shared_recogniser(build.cache, build.options.scheduler)
        except ClusterUnavailable as error:
            raise Abort(f"{error}. Set the dossier plugin's scheduler in mkdocs.yml (or DOSSIER_SCHEDULER) to a "
                        "reachable scheduler, or leave it empty to extract on this machine.") from None
        stage_cache = shared_stage_cache(build.cache / "stages")
        try:
            dossier = build_dossier(build.seeds, recogniser, stage_cache, build.registry,
                                    self.preview.dossier if build.incremental else None)
        except UnsafeToPublish as error:
            raise Abort(error.report()) from None
        stage_cache.forget_unused()
        return dossier

    def _report(self, build: Build, made: Made) -> None:
        for problem in made.problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        if not made.articles and build.command != "serve":
            # a site with no article is no dossier: say why instead of publishing an empty one
            raise Abort("No article to publish. " + " ".join(str(p) for p in made.problems if p.severity == "error"))

    def _memo(self, setting: bytes) -> PageMemo:
        memo = self.preview.memo
        if setting != self.preview.setting:  # the templates or the configuration changed: every page is new
            memo.forget()
        memo.start()
        return memo

    def _setting(self, config: MkDocsConfig) -> bytes:
        folders = [Path(config.docs_dir), TEMPLATES]
        folders += [Path(folder) for folder in config.theme.dirs if Path(folder).resolve() in theme_dirs(config)]
        return setting_fingerprint(Path(config.config_file_path), folders)

    def _forget_removed_pages(self, files: Files, fingerprints: dict[str, bytes], site_dir: str) -> None:
        """Delete from the served folder the pages of the previous build that this one no longer has."""
        destinations = {file.src_uri: file.abs_dest_path for file in files if isinstance(file, _GeneratedPage)}
        for path, destination in self.preview.destinations.items():
            if path not in fingerprints:
                kept.remove(Path(site_dir), Path(destination).relative_to(site_dir).as_posix())
        self.preview.destinations = destinations

    def on_env(self, env, *, config, files):
        env.globals["dossier_offline"] = self.config.offline
        env.globals["dossier_build_date"] = build_date()
        env.bytecode_cache = THEME_TEMPLATES
        if self.build.keeps:
            rebuilt = sum(1 for file in files.documentation_pages() if not self.build.dirty or file.is_modified())
            log.info(f"Rebuilding {rebuilt} of {self.build.page_count} pages; the others are unchanged.")
        return env

    def on_page_markdown(self, markdown, *, page: Page, config, files):
        build = self.build
        if build.searches:  # the dossier's index holds it (`on_page_content`, `on_files`); Material's stays empty
            page.meta["search"] = {"exclude": True}
        if SUMMARY_MARKER in markdown and build.made is not None and build.renderer is not None:
            markdown = markdown.replace(SUMMARY_MARKER, build.renderer.home_summary(build.made.summary,
                                                                                    page=page.file.src_uri))
        if build.made is not None and build.made.protected and not isinstance(page.file, _GeneratedPage):
            # a page the curator wrote may name a protected person
            markdown = redactor_for(build.made.protected).redact(markdown)
        return markdown

    def on_page_context(self, context, *, page, config, nav):
        if "navigation.tabs" in (config.theme.get("features") or ()) and page in nav.items:  # a tab of its own: its sidebar
            page.meta["hide"] = [*page.meta.get("hide", ()), "navigation"]  # would list only the page itself
        return context

    def on_page_content(self, html, *, page: Page, config, files):
        """A generated page's HTML, rendered by the templates, in place of its placeholder Markdown."""
        rendered = self.build.html.get(page.file.src_uri)
        if rendered is None:
            if self.build.searches:
                self.build.search[_search_location(page.file)] = page_entry(page.title or "", html)
            return html
        body, toc = rendered
        page.toc = get_toc(list(toc))
        return body

    def on_build_error(self, *, error):
        """A build that failed may have written some pages and not others: the next one writes them all."""
        self.preview.forget()
        build = self.build
        if build is not None and build.saves:
            kept.save_state(build.cache, Path(build.config.site_dir), None)
            if build.keeps:  # a failed build leaves the last site as it was
                kept.put_back(build.previous, Path(build.config.site_dir))
        elif build is not None:
            shutil.rmtree(build.previous, ignore_errors=True)
        collector.resume(self.command == "serve")

    @event_priority(-110)  # last, after Material's offline plugin: SHA256SUMS lists every file the site has
    def on_post_build(self, *, config):
        """Write the search index (`search_index`), look for a protected name in every file written, then hash
        every file (`checksums`) but in a preview, which nobody publishes."""
        build = self.build
        site_dir = Path(config.site_dir)
        index = self.preview.search if build.incremental or build.keeps else None
        if index is None or index.offline != self.config.offline:
            index = self.preview.search = SearchIndex(self.config.offline)
        if build.keeps and not build.dirty:
            kept.bring_back(build.previous, site_dir, [*build.kept, *index.written()])
        if build.remembers:
            self.preview.setting, self.preview.pages = build.pending
        if build.incremental:
            self.preview.memo.finish()
        if build.searches:
            index.publish(site_dir, build.search, build.searched)
        try:
            if build.redactor:
                refuse_leaks(build.redactor, site_dir, AuditMemory(build.cache, build.redactor))
            if build.saves:
                self.preview.written = {dest: kept.status(site_dir / dest) for dest in build.written}
                kept.save_state(build.cache, site_dir, self.preview)
            if not build.incremental:
                if self.config.offline:  # no server shows a 404 page or reads a sitemap from disk
                    for name in NOT_OFFLINE:
                        (site_dir / name).unlink(missing_ok=True)
                write_manifest(site_dir, build.made.sources if build.made else (), build.seeds.name)
        except Abort:
            self.preview.forget()
            if build.saves:
                kept.save_state(build.cache, site_dir, None)
            raise
        finally:
            collector.resume(build.incremental)


def _search_location(file: File) -> str:
    """The page's address as search entries give it: the home page is "", not "./"."""
    return "" if file.url == "./" else file.url
