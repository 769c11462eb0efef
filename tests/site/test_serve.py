"""The live preview: `mkdocs serve` over a copy of the project picks up edited and new seeds."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import copy_project, run_mkdocs
from tests.search_files import index_of


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(predicate, timeout: float = 90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return None


SERVE = [sys.executable, "-m", "generator", "serve"]  # what `make serve` runs: MkDocs' dirty serve, kept right
PLAIN_SERVE = [sys.executable, "-m", "mkdocs", "serve"]  # what a MkDocs user types


@pytest.fixture
def server(tmp_path, request):
    project = copy_project(tmp_path)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")  # a file, not a pipe: a full pipe blocks the server
    command = getattr(request, "param", SERVE)
    process = subprocess.Popen(command + ["--dev-addr", f"127.0.0.1:{port}"],
                               cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: _get(base)), "python -m generator serve did not come up"
        yield project, base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def test_serve_picks_up_an_edited_and_a_new_seed(server):
    project, base = server
    sources = _get(base + "sources/") or ""
    assert "The live preview does not write the data files" in sources  # kept for `make site`: seconds an edit
    assert _get(base + "data/dossier.json") is None
    page_url = base + "articles/civil-organizations-russias-move-to-legitimize-the-taliban/"
    assert "Russia is the first country to recognize" in (_get(page_url) or "")

    seed = project / "seeds" / "000_68507b3c627c16da.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA sentence added while the server runs.\n", encoding="utf-8")
    assert _wait_for(lambda: "A sentence added while the server runs." in (_get(page_url) or "")), \
        "edited seed not picked up"

    (project / "seeds" / "zzz_new.txt").write_text(
        "A Newly Added Report From The Field\n\nThe first paragraph of a new article.\n", encoding="utf-8")
    new_url = base + "articles/a-newly-added-report-from-the-field/"
    assert _wait_for(lambda: "The first paragraph of a new article." in (_get(new_url) or "")), \
        "new seed not picked up"
    assert _wait_for(lambda: "A Newly Added Report From The Field" in (_get(base + "articles/") or ""))


@pytest.mark.parametrize("server", [SERVE, PLAIN_SERVE], indirect=True, ids=["dossier serve", "mkdocs serve"])
def test_an_edit_rebuilds_only_the_pages_it_changes_and_the_search_index_stays_complete(server, tmp_path):
    """After an edit the served index is exactly the one a full build of the edited sources writes,
    though only the pages the edit touched were rebuilt: under `dossier serve` (MkDocs' dirty build)
    and under plain `mkdocs serve` alike, and every page is still served."""
    project, base = server
    log = tmp_path / "serve.log"
    seed = project / "seeds" / "000_68507b3c627c16da.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA Searchablemarker sentence added while serving.\n",
                    encoding="utf-8")
    assert _wait_for(lambda: "searchablemarker" in _served_shard(base, "se")), "the edit never reached the search index"
    rebuilt = [line for line in log.read_text(encoding="utf-8").splitlines() if "Rebuilding" in line]
    assert len(rebuilt) >= 2  # the first build, then the edit's
    counts = re.search(r"Rebuilding (\d+) of (\d+) pages", rebuilt[-1])
    assert counts and 0 < int(counts[1]) < int(counts[2]) / 2, rebuilt[-1]

    served = json.loads(_get(base + "search/dossier/manifest.json"))
    result = run_mkdocs("build", "-q", "-d", str(tmp_path / "full"), cwd=project)
    assert result.returncode == 0, result.stderr
    full = index_of(tmp_path / "full")
    assert served == full.manifest  # every file of the index named by its content: the same files, byte for byte
    assert all(_get(base + "search/dossier/" + path.relative_to(full.folder).as_posix()) is not None
               for path in full.files())
    pages = sorted(path.relative_to(tmp_path / "full").as_posix() for path in (tmp_path / "full").rglob("index.html"))
    missing = [page for page in pages if _get(base + page) is None]
    assert len(pages) > 40 and missing == []  # the pages not rebuilt are served as they were


def _served_shard(base: str, key: str) -> str:
    """The served index's postings file of the words beginning with `key`, as text ("" until there is one)."""
    manifest = _get(base + "search/dossier/manifest.json")
    name = json.loads(manifest)["shards"].get(key) if manifest else None
    return (_get(base + "search/dossier/" + name) or "") if name else ""


def test_serve_picks_up_an_edited_entity_registry(server):
    project, base = server
    page_url = base + "actors/dmitry-peskov/"
    assert "Kremlin spokesman" in (_get(page_url) or "")
    registry = project / "seeds" / "entities.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "    role: Kremlin spokesman\n", "    role: Press secretary of the President of Russia\n"), encoding="utf-8")
    assert _wait_for(lambda: "Press secretary of the President of Russia" in (_get(page_url) or "")), \
        "edited registry not picked up"


def test_the_server_survives_deleted_renamed_and_broken_sources(server, tmp_path):
    project, base = server
    log = tmp_path / "serve.log"
    seeds = project / "seeds"
    deleted_url = base + "articles/civil-organizations-russias-move-to-legitimize-the-taliban/"
    assert "Russia is the first country" in (_get(deleted_url) or "")

    (seeds / "000_68507b3c627c16da.txt").unlink()
    assert _wait_for(lambda: _get(deleted_url) is None), "deleted seed still published"
    (seeds / "001_b8986cde7695ea0e.txt").rename(seeds / "001_renamed.txt")
    renamed_url = base + "articles/women-activists-from-now-on-every-act-of-taliban-repression/"
    assert _wait_for(lambda: "001_renamed.txt" in (_get(renamed_url) or "")), "renamed seed not picked up"

    registry = seeds / "entities.yml"
    good = registry.read_text(encoding="utf-8")
    registry.write_text(good + "\n  - name: [unclosed\n", encoding="utf-8")
    peskov = base + "actors/dmitry-peskov/"
    assert _wait_for(lambda: "entities.yml" in log.read_text(encoding="utf-8")
                     and "not valid YAML" in log.read_text(encoding="utf-8")), "broken registry not reported"
    # the registry says who must never be named: while it is broken the preview shows its error, not pages
    assert _wait_for(lambda: "Nothing is shown" in (_get(base) or "") and "not valid YAML" in (_get(base) or "")), \
        "the preview did not show the registry's error"
    assert _get(peskov) is None and _get(renamed_url) is None
    assert _get(base) is not None  # still up

    registry.write_text(good, encoding="utf-8")
    assert _wait_for(lambda: "Kremlin spokesman" in (_get(peskov) or "")), "fix not picked up"
    assert "Not yet reviewed" not in _get(peskov)


def test_stopping_the_generator_stops_its_server_and_bad_sidecars_never_hang_requests(tmp_path):
    """`python -m generator serve` is the server itself (MkDocs takes its process over), so stopping it
    stops serving; a sidecar added while serving that YAML cannot build is reported, and pages still answer."""
    project = copy_project(tmp_path)
    port = _free_port()
    log_path = tmp_path / "generator-serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=project, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}/"
        try:
            assert _wait_for(lambda: _get(base)), "python -m generator serve did not come up"
            seeds = project / "seeds"
            (seeds / "000_68507b3c627c16da.yml").write_text("date: 2025-02-31\n", encoding="utf-8")
            (seeds / "001_b8986cde7695ea0e.yml").write_text("title: " + "[" * 3000 + "]" * 3000 + "\n",
                                                            encoding="utf-8")
            assert _wait_for(lambda: "2025-02-31 is not a real date" in log_path.read_text(encoding="utf-8")
                             and "nests lists or mappings" in log_path.read_text(encoding="utf-8")), \
                "bad sidecars not reported"
            started = time.monotonic()
            page = _get(base + "articles/civil-organizations-russias-move-to-legitimize-the-taliban/")
            assert page and "Russia is the first country" in page
            assert time.monotonic() - started < 10
        finally:
            process.send_signal(signal.SIGTERM)  # to the process started, not its group
            process.wait(timeout=30)
    assert _wait_for(lambda: _get(base) is None, timeout=10), "the server outlived python -m generator serve"
    assert "Traceback" not in log_path.read_text(encoding="utf-8")
