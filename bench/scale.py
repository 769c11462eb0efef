"""The dossier against a plain MkDocs site of the same articles, at 500 to 3,700 real corpus articles.

For each size it copies that many articles from ../shared/corpora (Reuters, then BBC, evenly spaced)
into a temporary project (never into the repository) and, in the same run, into a plain MkDocs +
Material site where each article is a bare Markdown page (search on, a one-page nav). It prints,
for both and as a ratio: cold and warm full build, the offline build, edit-to-preview while
serving (from saving a dated paragraph to the served page, the search index and the timeline
showing it, under `dossier serve` and under plain `mkdocs serve`), the cost per article, peak
memory, pages, site size, search-index size and the largest page.

With --offline it also builds both as offline bundles and times, in headless Chromium opening
the bundle from disk, how long from opening index.html until a search shows its first results
(Material's worker builds its search index in the browser, so this grows with the index).

    python bench/scale.py [--sizes 500 2000 3700] [--no-serve] [--offline]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPORA = PROJECT.parent / "shared" / "corpora"
PLAIN_CONFIG = """site_name: Plain baseline
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - index.md
"""
# Offline, Material loads a Web Worker shim from a CDN unless one is given: the baseline ships the
# dossier's copy (iframe-worker, MIT), as the dossier's own bundle does.
SHIM = "assets/javascripts/iframe-worker/shim.js"
PLAIN_OFFLINE_CONFIG = (PLAIN_CONFIG.replace("  - search\n", "  - search\n  - offline\n")
                        + f"extra:\n  polyfills:\n    - {SHIM}\n")
SEARCH_QUERY = "oil"  # a word in most Reuters articles and many BBC ones


def corpus_files(count: int) -> list[Path]:
    reuters = sorted((CORPORA / "reuters21578").glob("*.txt"))
    bbc = sorted((CORPORA / "bbc").glob("*.txt"))
    files = reuters + bbc
    step = len(files) / count
    return [files[int(i * step)] for i in range(count)]


@dataclass
class Figures:
    cold: float | None = None
    warm: float | None = None
    offline: float | None = None
    offline_search: float | None = None
    preview: float | None = None  # `dossier serve` (dirty), or plain `mkdocs serve` for the baseline
    plain_serve: float | None = None  # the dossier under plain `mkdocs serve`
    memory_mb: float | None = None
    pages: int = 0
    site_mb: float = 0.0
    index_mb: float = 0.0
    largest: tuple[float, str] = (0.0, "")
    notes: list[str] = field(default_factory=list)


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time, peak resident memory (MB) of the process, exit status."""
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        print(process.stderr.read().decode("utf-8", "replace")[-2000:], file=sys.stderr)
    process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def measure_site(site: Path, figures: Figures) -> None:
    pages = list(site.rglob("*.html"))
    figures.pages = len(pages)
    figures.site_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
    index = site / "search"  # Material's search_index.json, and the dossier's own index beside it
    figures.index_mb = sum(p.stat().st_size for p in index.rglob("*") if p.is_file()) / 1e6 if index.is_dir() else 0.0
    largest = max(pages, key=lambda p: p.stat().st_size)
    figures.largest = (largest.stat().st_size / 1e6, str(largest.relative_to(site)))


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def build_project(files: list[Path], work: Path) -> Path:
    project = work / "dossier"
    project.mkdir()
    for name in ("mkdocs.yml", "mkdocs.offline.yml"):
        shutil.copy2(PROJECT / name, project / name)
    for name in ("docs", "overrides", "generator"):
        shutil.copytree(PROJECT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    seeds = project / "seeds"
    seeds.mkdir()
    for index, path in enumerate(files):
        shutil.copy2(path, seeds / f"{index:05d}_{path.parent.name}_{path.name}")
    return project


def build_plain(files: list[Path], work: Path) -> Path:
    project = work / "plain"
    docs = project / "docs"
    (docs / "a").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Plain baseline\n", encoding="utf-8")
    for index, path in enumerate(files):
        lines = path.read_text(encoding="utf-8").split("\n")
        (docs / "a" / f"{index:05d}.md").write_text(f"# {lines[0]}\n\n" + "\n".join(lines[1:]), encoding="utf-8")
    return project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


#: Each edit a new day and words no other article has: the timeline merges an event into an entry that
#: tells the same (another article's ministers meeting in Vienna), and shows that entry by one sentence.
EDIT = "\n\nOn {day} March 1987 the {marker} society of amateur beekeepers held its founding picnic.\n"
_EDIT_DAYS = itertools.count(3)


#: Where the dossier's served search index holds the edit's marker word ("benchmarkedit…"): the postings
#: of the words beginning "be" (`generator/site/search_index.py`), found through its manifest.
DOSSIER_INDEX = "search/dossier/manifest.json#be"


def _served(base: str, url: str) -> str:
    """The served text of `url`; for `DOSSIER_INDEX`, of the index file the marker word is in."""
    if url != DOSSIER_INDEX:
        return _get(base + url) or ""
    manifest = _get(base + url.split("#")[0])
    try:
        name = json.loads(manifest)["shards"].get("be") if manifest else None
    except ValueError:  # a manifest being written
        return ""
    return (_get(base + "search/dossier/" + name) or "") if name else ""


def edit_to_preview(command: list[str], project: Path, env: dict[str, str], edit: Path, urls: list[str],
                    timeout: float = 600) -> float | None:
    """Seconds from saving a dated paragraph at the end of `edit` until every one of `urls` (its page, the
    search index, its timeline page) shows it, with the server `command` runs. For a list of URLs, the
    first that exists is the one watched (a timeline is split by month, by year or not at all, by size)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (project / "serve.log").open("w")
    process = subprocess.Popen(command + ["--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while not _get(base) and time.monotonic() < deadline:
            time.sleep(0.5)
        watched = [next((url for url in choices.split("|") if _served(base, url)), choices.split("|")[-1])
                   for choices in urls]
        marker = f"Benchmarkedit{time.time_ns()}"
        time.sleep(1.0)  # let the server settle after its first build
        started = time.perf_counter()
        edit.write_text(edit.read_text(encoding="utf-8") + EDIT.format(day=next(_EDIT_DAYS) % 28 + 1, marker=marker), encoding="utf-8")
        while time.monotonic() < deadline:
            if all(marker.lower() in _served(base, url).lower() for url in watched):
                return time.perf_counter() - started
            time.sleep(0.05)
        return None
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def offline_search_seconds(bundle: Path, timeout_ms: int = 120_000) -> float | None:
    """Seconds from opening the bundle's index.html from disk until a search shows results."""
    sys.path.insert(0, str(PROJECT))
    from tests.browser import browse

    with browse("file://") as visit:
        started = time.perf_counter()
        try:
            visit.page.goto((bundle / "index.html").as_uri())
            visit.page.keyboard.press("/")  # Material's shortcut: opens search and focuses its box
            visit.page.keyboard.type(SEARCH_QUERY)
            visit.page.wait_for_selector(".md-search-result__item", state="attached", timeout=timeout_ms)
        except Exception as error:  # noqa: BLE001 -- no answer is a figure too; the run goes on
            print(f"offline search in {bundle}: {type(error).__name__}: {str(error)[:200]}", file=sys.stderr)
            return None
        return time.perf_counter() - started


def bench_size(count: int, serve: bool, offline: bool) -> tuple[Figures, Figures]:
    files = corpus_files(count)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DOSSIER_CACHE=str(work / "cache"))
        plain, dossier = Figures(), Figures()

        plain_project = build_plain(files, work)
        plain.warm, plain.memory_mb, _ = timed(mkdocs("build", "-q", "-d", "site"), plain_project, env)
        plain.warm, memory, _ = timed(mkdocs("build", "-q", "-d", "site"), plain_project, env)
        plain.memory_mb = max(plain.memory_mb, memory)
        measure_site(plain_project / "site", plain)

        project = build_project(files, work)
        dossier.cold, dossier.memory_mb, status = timed(mkdocs("build", "-q", "-d", "site"), project, env)
        dossier.warm, memory, status = timed(mkdocs("build", "-q", "-d", "site"), project, env)
        dossier.memory_mb = max(dossier.memory_mb, memory)
        if status == 0:
            measure_site(project / "site", dossier)
        if offline:
            dossier.offline, memory, _ = timed(mkdocs("build", "-q", "-f", "mkdocs.offline.yml", "-d", "offline"),
                                               project, env)
            (plain_project / "mkdocs.offline.yml").write_text(PLAIN_OFFLINE_CONFIG, encoding="utf-8")
            (plain_project / "docs" / SHIM).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / "overrides" / SHIM, plain_project / "docs" / SHIM)
            plain.offline, _, _ = timed(mkdocs("build", "-q", "-f", "mkdocs.offline.yml", "-d", "offline"),
                                        plain_project, env)
            dossier.offline_search = offline_search_seconds(project / "offline")
            plain.offline_search = offline_search_seconds(plain_project / "offline")
        if serve:
            first = sorted((project / "seeds").glob("*.txt"))[0]
            pages = sorted((project / "site" / "articles").glob("*/index.html"))
            page = next((p for p in pages if f"<code>{first.name}</code>" in p.read_text(encoding="utf-8")), None)
            if page is not None:
                urls = [str(page.parent.relative_to(project / "site")) + "/", DOSSIER_INDEX,
                        "timeline/1987-03/|timeline/1987/|timeline/"]
                dossier.preview = edit_to_preview([sys.executable, "-m", "generator", "serve"], project, env,
                                                  first, urls)
                dossier.plain_serve = edit_to_preview(mkdocs("serve"), project, env, first, urls)
            plain_page = plain_project / "docs" / "a" / "00000.md"
            plain.preview = edit_to_preview(mkdocs("serve"), plain_project, env, plain_page,
                                            ["a/00000/", "search/search_index.json"])
        return plain, dossier


def _cell(value: float | None, unit: str = "s", digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f} {unit}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    return "—" if not ours or not theirs else f"{ours / theirs:.1f}×"


def _per_article(cold: float | None, warm: float | None, count: int) -> str:
    return "—" if cold is None or warm is None else f"{1000 * cold / count:.1f} / {1000 * warm / count:.1f} ms"


def report(count: int, plain: Figures, dossier: Figures) -> None:
    rows = [
        ("full build, cold (no NER cache)", _cell(plain.warm), _cell(dossier.cold), _ratio(dossier.cold, plain.warm)),
        ("full build, warm", _cell(plain.warm), _cell(dossier.warm), _ratio(dossier.warm, plain.warm)),
        ("offline build, warm", _cell(plain.offline), _cell(dossier.offline), _ratio(dossier.offline, plain.offline)),
        ("offline: opening index.html to first search results", _cell(plain.offline_search),
         _cell(dossier.offline_search), _ratio(dossier.offline_search, plain.offline_search)),
        ("edit to preview: `dossier serve` (page, search index, timeline)", _cell(plain.preview),
         _cell(dossier.preview), _ratio(dossier.preview, plain.preview)),
        ("edit to preview: plain `mkdocs serve` (page, search index, timeline)", _cell(plain.preview),
         _cell(dossier.plain_serve), _ratio(dossier.plain_serve, plain.preview)),
        ("peak memory of a build", _cell(plain.memory_mb, "MB", 0), _cell(dossier.memory_mb, "MB", 0),
         _ratio(dossier.memory_mb, plain.memory_mb)),
        ("pages", f"{plain.pages:,}", f"{dossier.pages:,}", _ratio(dossier.pages, plain.pages)),
        ("per article, cold / warm", _per_article(plain.warm, plain.warm, count),
         _per_article(dossier.cold, dossier.warm, count), "—"),
        ("site size", _cell(plain.site_mb, "MB"), _cell(dossier.site_mb, "MB"), _ratio(dossier.site_mb, plain.site_mb)),
        ("search index", _cell(plain.index_mb, "MB", 2), _cell(dossier.index_mb, "MB", 2),
         _ratio(dossier.index_mb, plain.index_mb)),
        ("largest page", f"{plain.largest[0]:.2f} MB", f"{dossier.largest[0]:.2f} MB ({dossier.largest[1]})",
         _ratio(dossier.largest[0], plain.largest[0])),
    ]
    print(f"\n{count:,} articles\n")
    print("| | plain MkDocs | this project | ratio |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 3700])
    parser.add_argument("--no-serve", action="store_true", help="skip edit-to-preview")
    parser.add_argument("--offline", action="store_true", help="also time the offline build")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    per_article = {}
    for count in args.sizes:
        plain, dossier = bench_size(count, serve=not args.no_serve, offline=args.offline)
        report(count, plain, dossier)
        if dossier.warm:
            per_article[count] = (dossier.cold / count, dossier.warm / count)
    if len(per_article) > 1:
        smallest, largest = min(per_article), max(per_article)
        for label, index in (("cold", 0), ("warm", 1)):
            change = per_article[largest][index] / per_article[smallest][index] - 1
            print(f"per-article cost, {label}: {change:+.0%} from {smallest:,} to {largest:,} articles")


if __name__ == "__main__":
    main()
