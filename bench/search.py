"""How long search takes to show its first results: the dossier against plain MkDocs + Material.

For each size it builds, in the same run and from the same corpus articles (bench/scale.py's
`corpus_files`, into a temporary folder, never the repository), the dossier and a plain Material site,
each hosted and as an offline bundle. Then, in headless Chromium driven by Playwright, it times from
`page.goto` until a search shows its first result (a `.md-search-result__item`), pressing "/" (Material's
shortcut to the search box) and typing a query once the page has loaded:

- hosted, served by a local static HTTP server that sends Last-Modified, in one browser context (one
  reader's visit, so the HTTP cache carries over): the home page with an empty cache ("first page",
  first query), then an article page ("second page", same query), then the home page again for each
  other query ("warm", their median); with the bytes of the response bodies received from `goto` to the
  first result, and the size of the site's search/ folder;
- offline, the bundle opened from disk (file://) with every http(s) request blocked and counted
  (the dossier's bundle must make none): its index.html, then an article page.

A wait gives up after 120 s; its figure is then "—" and the run goes on. Builds take a while (about
1.5 min for a 2,000-article dossier, 3 min for 3,700): --keep DIR keeps them, --reuse DIR uses them
(the dossier is built again, warm, with this checkout's code).

    python bench/search.py [--sizes 500 2000] [--query oil Blair] [--keep DIR | --reuse DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright  # noqa: E402

from bench.scale import (  # noqa: E402
    PLAIN_OFFLINE_CONFIG,
    SHIM,
    build_plain,
    build_project,
    corpus_files,
    mkdocs,
    timed,
)
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402

#: Words in many corpus articles (Reuters 1987 and BBC 2004-05), and a name.
QUERIES = ["oil", "minister", "election", "Blair"]
TIMEOUT_MS = 120_000
RESULT = ".md-search-result__item"
OFFLINE = "mkdocs.offline.yml"


@dataclass
class Figures:
    """One site's figures; None where a build failed or a wait timed out."""
    first: float | None = None
    second: float | None = None
    warm: float | None = None
    offline_first: float | None = None
    offline_second: float | None = None
    listing: float | None = None  # the dossier's Articles list, a long page (plain Material has none)
    offline_listing: float | None = None
    kb_first: float | None = None
    kb_second: float | None = None
    search_mb: float | None = None
    outside_hosted: int | None = None
    outside_offline: int | None = None


@dataclass
class Site:
    """A built project: its hosted site and offline bundle, and the article page to open second."""
    name: str
    project: Path
    article: Callable[[Path], Path | None]  # the article page's index.html inside a site folder

    def folder(self, kind: str) -> Path | None:
        folder = self.project / kind
        return folder if (folder / "index.html").exists() else None


def dossier_article(site: Path) -> Path | None:
    """The first article page: articles/x/index.html hosted, articles/x.html in a bundle (no directory URLs)."""
    pages = sorted(site.glob("articles/*/index.html")) or sorted(
        page for page in site.glob("articles/*.html") if page.name != "index.html")
    return pages[0] if pages else None


def plain_article(site: Path) -> Path | None:
    return next((page for page in (site / "a" / "00001" / "index.html", site / "a" / "00001.html") if page.exists()),
                None)


# -- building ---------------------------------------------------------------------------------------

def _build(project: Path, args: list[str], folder: str, env: dict[str, str], label: str, again: bool) -> None:
    """Runs one mkdocs build into `folder` unless a finished one is there (from --reuse) and not `again` (the
    dossier is built again with this checkout's code: warm, a build keeps the unchanged pages)."""
    if (project / folder / "index.html").exists() and not again:
        print(f"  {label}: reusing {project / folder}", file=sys.stderr)
        return
    seconds, _, status = timed(mkdocs("build", "-q", *args, "-d", folder), project, env)
    print(f"  {label}: {'built' if status == 0 else 'FAILED'} in {seconds:.0f} s", file=sys.stderr)


def build_sites(count: int, work: Path) -> tuple[Site, Site]:
    """The plain baseline and the dossier for `count` articles under `work`, hosted and offline."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DOSSIER_CACHE=str(work / "cache"))
    files = corpus_files(count)
    if not (work / "plain").exists():
        plain_project = build_plain(files, work)
        (plain_project / OFFLINE).write_text(PLAIN_OFFLINE_CONFIG, encoding="utf-8")
        shim = PROJECT / "overrides" / SHIM
        if shim.exists():  # Material would fetch it from a CDN; the baseline ships the dossier's copy
            (plain_project / "docs" / SHIM).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(shim, plain_project / "docs" / SHIM)
        else:
            print(f"  no {shim}: the plain bundle goes without the worker shim", file=sys.stderr)
    if not (work / "dossier").exists():
        build_project(files, work)
    else:  # --reuse: the project's copy of the generator and its theme is this checkout's, not an older one's
        for name in ("mkdocs.yml", "mkdocs.offline.yml", "docs", "overrides", "generator"):
            target = work / "dossier" / name
            if (PROJECT / name).is_dir():
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(PROJECT / name, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(PROJECT / name, target)
    for name in ("plain", "dossier"):
        _build(work / name, [], "site", env, f"{name}, hosted", name == "dossier")
        _build(work / name, ["-f", OFFLINE], "offline", env, f"{name}, offline", name == "dossier")
    return Site("plain", work / "plain", plain_article), Site("dossier", work / "dossier", dossier_article)


@contextmanager
def workspace(count: int, keep: Path | None, reuse: Path | None) -> Iterator[Path]:
    """Where a size's projects are built: a temporary folder, or DIR/<count> with --keep or --reuse."""
    if keep is None and reuse is None:
        with tempfile.TemporaryDirectory(prefix=f"search-bench-{count}-") as tmp:
            yield Path(tmp)
        return
    work = (keep or reuse) / str(count)
    if keep is not None and work.exists():
        sys.exit(f"{work} exists: pass --reuse {keep} to use it, or another --keep folder")
    work.mkdir(parents=True, exist_ok=True)
    yield work


# -- timing in the browser --------------------------------------------------------------------------

class Traffic:
    """The requests a context finished since the last `reset`, and whatever went outside `local`."""

    def __init__(self, context: BrowserContext, local: tuple[str, ...]) -> None:
        self.finished: list[Request] = []
        self.outside = 0
        context.on("requestfinished", lambda request: self.finished.append(request))
        context.on("request", lambda request: self._count(request, local))

    def _count(self, request: Request, local: tuple[str, ...]) -> None:
        if not request.url.startswith(local):
            self.outside += 1

    def reset(self) -> None:
        self.finished = []

    def kilobytes(self) -> float:
        """Response bodies as received (compressed if they were; nothing for a cache hit or a 304)."""
        total = 0
        for request in list(self.finished):
            try:
                total += max(0, request.sizes()["responseBodySize"])
            except Exception:  # noqa: BLE001 -- a request whose sizes are gone counts nothing
                pass
        return total / 1000


def search_seconds(page: Page, url: str, query: str, traffic: Traffic | None = None) -> float | None:
    """Seconds from `goto(url)` until searching for `query` shows a result; None if it never does."""
    if traffic is not None:
        traffic.reset()
    started = time.perf_counter()
    try:
        page.goto(url, timeout=TIMEOUT_MS)
        page.keyboard.press("/")  # Material's shortcut: opens search and focuses its box
        page.keyboard.type(query)
        page.wait_for_selector(RESULT, state="attached", timeout=TIMEOUT_MS)
    except Exception as error:  # noqa: BLE001 -- no answer is a figure too; the run goes on
        print(f"  search for {query!r} at {url}: {type(error).__name__}: {str(error)[:200]}", file=sys.stderr)
        return None
    return time.perf_counter() - started


def folder_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def hosted(browser: Browser, site: Site, queries: list[str], figures: Figures) -> None:
    """One reader's visit over HTTP: home (cold), an article, home again for each other query."""
    folder = site.folder("site")
    if folder is None:
        return
    figures.search_mb = folder_mb(folder / "search") if (folder / "search").is_dir() else 0.0
    article = site.article(folder)
    with serve_directory(folder) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})  # no route: it would disable the cache
        try:
            traffic = Traffic(context, (base, "data:", "blob:", "about:"))
            page = context.new_page()
            figures.first = search_seconds(page, base, queries[0], traffic)
            figures.kb_first = traffic.kilobytes() if figures.first is not None else None
            if article is not None:
                url = base + article.parent.relative_to(folder).as_posix() + "/"
                figures.second = search_seconds(page, url, queries[0], traffic)
                figures.kb_second = traffic.kilobytes() if figures.second is not None else None
            if (folder / "articles" / "index.html").exists():
                figures.listing = search_seconds(page, base + "articles/", queries[0])
            warm = [search_seconds(page, base, query) for query in queries[1:]]
            figures.warm = median([seconds for seconds in warm if seconds is not None])
            figures.outside_hosted = traffic.outside
        finally:
            context.close()


def offline(browser: Browser, site: Site, query: str, figures: Figures) -> None:
    """The bundle from disk, every http(s) request blocked and counted: index.html, then an article."""
    bundle = site.folder("offline")
    if bundle is None:
        return
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def block(route) -> None:
        blocked.append(route.request.url)
        route.abort()

    try:
        context.route("http*://**", block)
        page = context.new_page()
        figures.offline_first = search_seconds(page, (bundle / "index.html").as_uri(), query)
        article = site.article(bundle)
        if article is not None:
            figures.offline_second = search_seconds(page, article.as_uri(), query)
        if (bundle / "articles" / "index.html").exists():
            figures.offline_listing = search_seconds(page, (bundle / "articles" / "index.html").as_uri(), query)
        figures.outside_offline = len(blocked)
        for url in blocked[:5]:
            print(f"  {site.name} bundle asked for {url}", file=sys.stderr)
    finally:
        context.close()


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def measure(sites: tuple[Site, Site], queries: list[str]) -> tuple[Figures, Figures]:
    """Both sites' figures, one browser for both (each visit in a context of its own)."""
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for site in sites:
                figures = Figures()
                hosted(browser, site, queries, figures)
                offline(browser, site, queries[0], figures)
                results.append(figures)
        finally:
            browser.close()
    return results[0], results[1]


# -- report -----------------------------------------------------------------------------------------

def _cell(value: float | None, unit: str = "s", digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f} {unit}".rstrip()


def _ratio(ours: float | None, theirs: float | None) -> str:
    return "—" if not ours or not theirs else f"{ours / theirs:.2f}×"


def report(count: int, plain: Figures, dossier: Figures, queries: list[str]) -> None:
    warm = f"hosted, home page again, warm cache (median of {len(queries) - 1})"
    rows = [
        ("hosted, first page, empty cache (s)", "first", "s", 2),
        ("hosted, second page: an article (s)", "second", "s", 2),
        (warm + " (s)", "warm", "s", 2),
        ("hosted, a long page: the Articles list (s)", "listing", "s", 2),
        ("offline, index.html (s)", "offline_first", "s", 2),
        ("offline, second page: an article (s)", "offline_second", "s", 2),
        ("offline, a long page: the Articles list (s)", "offline_listing", "s", 2),
        ("bytes received, first page (KB)", "kb_first", "KB", 0),
        ("bytes received, second page (KB)", "kb_second", "KB", 0),
        ("search/ folder of the hosted site (MB)", "search_mb", "MB", 2),
    ]
    print(f"\n{count:,} articles — queries: {', '.join(queries)} (the first for the first and second pages)\n")
    print("| measure | plain Material | dossier | ratio |\n|---|---|---|---|")
    for label, name, unit, digits in rows:
        ours, theirs = getattr(dossier, name), getattr(plain, name)
        print(f"| {label} | {_cell(theirs, unit, digits)} | {_cell(ours, unit, digits)} | {_ratio(ours, theirs)} |")
    for label, name in (("outside requests from the bundle", "outside_offline"),
                        ("outside requests, hosted", "outside_hosted")):
        cells = ["—" if value is None else str(value) for value in (getattr(plain, name), getattr(dossier, name))]
        print(f"| {label} | {cells[0]} | {cells[1]} | — |")
    if dossier.outside_offline:
        print(f"\n**The dossier's bundle asked the network {dossier.outside_offline} times.**")
    sys.stdout.flush()


def check_queries(count: int, queries: list[str]) -> None:
    """Warns about a query no article of this size contains (its wait would only time out)."""
    texts = [path.read_text(encoding="utf-8") for path in corpus_files(count)]
    for query in queries:
        pattern = re.compile(rf"\b{re.escape(query)}", re.IGNORECASE)
        found = sum(1 for text in texts if pattern.search(text))
        if not found:
            print(f"warning: no article of {count} contains {query!r}", file=sys.stderr)


def index_figures(count: int) -> None:
    """The index alone, in this process, over the corpus articles as article entries (their paragraphs):
    a full build, then one article edited, with the files that edit rewrote."""
    from generator.render.search_entry import SearchEntry
    from generator.site.search_index import FOLDER, SearchIndex

    entries = {}
    for number, path in enumerate(corpus_files(count)):
        paragraphs = [" ".join(block.split()) for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()]
        entries[f"articles/{number:05d}/"] = SearchEntry("Article", paragraphs[0][:120], "Wire · 1987", blocks=tuple(
            (f"p{n}", f"¶{n}", text) for n, text in enumerate(paragraphs[1:], start=1)))
    with tempfile.TemporaryDirectory(prefix="search-index-") as tmp:
        site, index = Path(tmp), SearchIndex()
        started = time.perf_counter()
        index.publish(site, entries)
        full = time.perf_counter() - started
        before = {path: path.stat().st_mtime_ns for path in (site / FOLDER).rglob("*") if path.is_file()}
        edited = next(iter(entries))
        entries[edited] = SearchEntry("Article", entries[edited].title, "Wire · 1987", blocks=(
            *entries[edited].blocks, ("p99", "¶99", "A sentence added while serving names Zanzibar.")))
        started = time.perf_counter()
        index.publish(site, entries)
        edit = time.perf_counter() - started
        after = {path: path.stat().st_mtime_ns for path in (site / FOLDER).rglob("*") if path.is_file()}
        written = sum(1 for path, stamp in after.items() if before.get(path) != stamp)
    print(f"\nThe index alone, {count:,} article entries: built in {full:.2f} s; one article edited: "
          f"{edit * 1000:.0f} ms, {written} of {len(after)} files written")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 3700])
    parser.add_argument("--query", nargs="+", default=QUERIES,
                        help="the first opens each site (cold) and its article page; the others, warm")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--keep", type=Path, metavar="DIR", help="build into DIR/<size> and keep it")
    where.add_argument("--reuse", type=Path, metavar="DIR", help="use DIR/<size> from --keep, build what is missing")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {CHROMIUM}")
    for count in args.sizes:
        check_queries(count, args.query)
        with workspace(count, args.keep, args.reuse) as work:
            print(f"{count:,} articles in {work}", file=sys.stderr)
            sites = build_sites(count, work)
            plain, dossier = measure(sites, args.query)
            report(count, plain, dossier, args.query)
        index_figures(count)


if __name__ == "__main__":
    main()
