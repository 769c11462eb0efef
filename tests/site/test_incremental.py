"""Incremental ≡ full: a preview that rebuilds after random edits serves the site a first build gives.

A preview server is one process that keeps what it can between builds (the pages it rendered and
what they were rendered from, the pipeline's shared-passage index, the files it read, the stage
cache in memory). Here one such process (this one, through MkDocs' own `build`, as `mkdocs serve`
calls it) applies a random run of edits, each followed by a build: articles added, changed,
deleted and renamed, sidecars written, the registry changed (a name protected too, which makes
every cached result go). After the run, a new process builds the same sources from nothing, with
an empty cache; the two sites must be the same, file for file and byte for byte. Plain
`mkdocs serve`, `--dirty` (what `dossier serve` runs) and `mkdocs build` again and again into the
same folder (which keeps the last site's unchanged pages, and reads a build with nothing changed
back whole) are all drawn.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import PROJECT, copy_project

FIXTURES = sorted((PROJECT / "tests" / "fixtures" / "domain").glob("*.txt"))
STAMPED_BY_MKDOCS = {"sitemap.xml", "sitemap.xml.gz"}
FIRST_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="build" if sys.argv[2] == "build" else "serve", dirty=sys.argv[2] == "dirty")
build(config, dirty=sys.argv[2] == "dirty")
"""

ADD = st.tuples(st.just("add"), st.integers(0, len(FIXTURES) - 1))
CHANGE = st.tuples(st.just("change"), st.integers(0, 50), st.sampled_from(["dated paragraph", "word", "cut"]))
DELETE = st.tuples(st.just("delete"), st.integers(0, 50))
RENAME = st.tuples(st.just("rename"), st.integers(0, 50))
SIDECAR = st.tuples(st.just("sidecar"), st.integers(0, 50), st.sampled_from(["title", "date", "remove"]))
REGISTRY = st.tuples(st.just("registry"), st.sampled_from(["add person", "alias", "ignore", "protect"]))
EDITS = st.lists(st.one_of(ADD, CHANGE, DELETE, RENAME, SIDECAR, REGISTRY), min_size=2, max_size=4)


def _articles(seeds: Path) -> list[Path]:
    return sorted(path for path in seeds.glob("*.txt"))


def _apply(seeds: Path, edit: tuple, step: int) -> None:
    articles = _articles(seeds)
    kind, *what = edit
    if kind == "add":
        (seeds / f"9{step:02d}_added.txt").write_text(FIXTURES[what[0]].read_text(encoding="utf-8"), encoding="utf-8")
        return
    if kind == "registry":
        _edit_registry(seeds / "entities.yml", what[0])
        return
    article = articles[what[0] % len(articles)]
    sidecar = article.with_suffix(".yml")
    if kind == "change":
        text = article.read_text(encoding="utf-8")
        if what[1] == "dated paragraph":
            text += f"\n\nOn 12 March 2025 the council met in Kabul for the {step + 1}th time, a spokesman said.\n"
        elif what[1] == "word":
            text = text.replace(" the ", " a ", 1)
        else:
            text = text.rsplit("\n\n", 1)[0] + "\n" if text.strip().count("\n\n") > 3 else text + "\n\nA short line.\n"
        article.write_text(text, encoding="utf-8")
    elif kind == "delete" and len(articles) > 2:
        article.unlink()
        sidecar.unlink(missing_ok=True)
    elif kind == "rename":
        article.rename(seeds / f"8{step:02d}_renamed.txt")
        if sidecar.exists():
            sidecar.rename(seeds / f"8{step:02d}_renamed.yml")
    elif kind == "sidecar":
        if what[1] == "remove":
            sidecar.unlink(missing_ok=True)
        else:
            value = f"Edited title {step}" if what[1] == "title" else f"2025-07-{step + 10:02d}"
            sidecar.write_text(yaml.safe_dump({what[1]: value}), encoding="utf-8")


def _edit_registry(path: Path, how: str) -> None:
    registry = yaml.safe_load(path.read_text(encoding="utf-8"))
    entities = registry["entities"]
    if how == "add person":
        entities.append({"name": "Shabnam Yousufi", "kind": "person", "role": "Activist"})
    elif how == "alias":
        entities[0].setdefault("aliases", []).append("the Russian minister")
    elif how == "ignore":
        registry.setdefault("ignore", []).append("Kremlin")
    else:
        person = next(entity for entity in entities if entity["kind"] == "person")
        person.update(protect=True, pseudonym="Witness A")
    path.write_text(yaml.safe_dump(registry, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _rebuild(project: Path, site: Path, mode: str) -> None:
    """One rebuild, as `mkdocs serve` makes it: the configuration read again, the plugin kept (MkDocs
    keeps a plugin with `on_startup` for the life of the server); or as `mkdocs build` does, but in
    this process, with a new plugin: what carries over is what the cache folder holds (and the
    memos of pure functions, kept by their arguments)."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    if mode == "build":
        plugin = config.plugins["dossier"]
        plugin.__init__()  # a new process's plugin: nothing in memory
    config.plugins.on_startup(command="build" if mode == "build" else "serve", dirty=mode == "dirty")
    build(config, dirty=mode == "dirty")


def _digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file() and path.name not in STAMPED_BY_MKDOCS}


@settings(max_examples=int(os.environ.get("INCREMENTAL_EXAMPLES", "8")), deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.generate],  # each example is several builds: no shrinking
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=EDITS, mode=st.sampled_from(["plain", "dirty", "build"]))
def test_a_site_rebuilt_after_random_edits_is_what_a_first_build_gives(tmp_path_factory, edits, mode):
    work = tmp_path_factory.mktemp("incremental")
    project = copy_project(work)
    site = work / "served"
    cwd = Path.cwd()
    os.chdir(project)  # as `mkdocs serve` runs: in the project
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        _rebuild(project, site, mode)
        for step, edit in enumerate(edits):
            _apply(project / "seeds", edit, step)
            _rebuild(project, site, mode)
        _rebuild(project, site, mode)  # nothing changed
    finally:
        os.chdir(cwd)
    first = work / "first"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DOSSIER_CACHE=str(work / "empty-cache"))
    result = subprocess.run([sys.executable, "-c", FIRST_BUILD, str(first), mode],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    served, built = _digests(site), _digests(first)
    assert sorted(served.keys() - built.keys()) == [] and sorted(built.keys() - served.keys()) == []
    assert [path for path in built if served[path] != built[path]] == []
