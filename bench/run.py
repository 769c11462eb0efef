"""Speed and memory of the generator on real news text from ../shared/corpora.

Copies N corpus articles into a temporary seeds folder (never into the repository), then times
the pipeline stages and a full `mkdocs build` over them, and prints the figures.

    python bench/run.py [--articles 500 1000] [--no-build]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPORA = PROJECT.parent / "shared" / "corpora"
sys.path.insert(0, str(PROJECT))

from scale import build_project  # noqa: E402 -- bench/ is on the path when run as a script

from generator.export.ftm import ftm_lines  # noqa: E402
from generator.export.open_data import open_data  # noqa: E402
from generator.extract.ner import Recogniser  # noqa: E402
from generator.pipeline import build_dossier  # noqa: E402
from generator.render.pages import Renderer  # noqa: E402

EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition")


def corpus_files(count: int) -> list[Path]:
    files = sorted((CORPORA / "reuters21578").glob("*.txt")) + sorted((CORPORA / "bbc").glob("*.txt"))
    step = max(1, len(files) // count)
    return files[::step][:count]


def bench(count: int, build: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = corpus_files(count)
        project = build_project(files, Path(tmp))
        seeds = project / "seeds"
        words = sum(len(path.read_text(encoding="utf-8").split()) for path in files)

        started = time.perf_counter()
        dossier = build_dossier(seeds, Recogniser(project / ".cache"))  # cold: runs NER, fills the cache
        pipeline_s = time.perf_counter() - started
        started = time.perf_counter()
        build_dossier(seeds, Recogniser(project / ".cache"))
        cached_s = time.perf_counter() - started
        started = time.perf_counter()
        data = open_data(dossier, "Dossier")
        export_s = time.perf_counter() - started
        started = time.perf_counter()
        pages = Renderer().pages(dossier, open_data=data)
        render_s = time.perf_counter() - started
        started = time.perf_counter()
        ftm = ftm_lines(dossier)
        ftm_s = time.perf_counter() - started
        print(f"{len(files):>6} articles {words:>9,} words | pipeline {pipeline_s:6.2f} s cold "
              f"({words / pipeline_s:,.0f} words/s), {cached_s:5.2f} s cached | render {render_s:5.2f} s "
              f"({len(pages)} pages) | open data {export_s:5.2f} s ({len(data.files())} files; FollowTheMoney "
              f"{ftm_s:4.2f} s: {ftm.count(chr(10)):,} entities, {len(ftm.encode()) / 1e6:.1f} MB)", end="")

        if build:
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
                                    cwd=project, capture_output=True, text=True,
                                    env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
            build_s = time.perf_counter() - started
            site = project / "site"
            size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
            search = sum(path.stat().st_size for path in (site / "search").rglob("*") if path.is_file()) \
                if result.returncode == 0 else 0
            status = "" if result.returncode == 0 else f" FAILED: {result.stderr[-300:]}"
            print(f" | mkdocs build (cached NER) {build_s:6.2f} s, site {size / 1e6:6.1f} MB "
                  f"(search index {search / 1e6:.1f} MB){status}", end="")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--no-build", action="store_true", help="time the pipeline only")
    args = parser.parse_args()
    for count in args.articles:
        bench(count, build=not args.no_build)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: generator {peak:,.0f} MB, mkdocs build {children:,.0f} MB")


if __name__ == "__main__":
    main()
