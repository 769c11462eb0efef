"""`python -m generator new`: a dossier of one's own, previewed at once, built with nothing of the seeds."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SEEDS

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
#: Words only the seeds' dossier uses: none may reach a new dossier.
SEED_WORDS = ("Taliban", "Russia", "Koofi", "Kremlin", "Zan News")
ARTICLE = """Two reporters detained in the capital

Police detained two reporters of the Daily Courier on 4 March 2024, the National Union of Journalists said.

"This is an attack on the press," said union chair Maria Lopez.
"""


def _generator(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=ENV, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture
def new_dossier(tmp_path) -> Path:
    result = _generator("new", "press", "--title", "Press freedom: the 2024 arrests",
                        "--description", "Reports on journalists detained in 2024.", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "press"


def test_new_writes_a_dossier_that_names_nothing_of_the_seeds(new_dossier):
    files = sorted(path.relative_to(new_dossier).as_posix() for path in new_dossier.rglob("*") if path.is_file())
    assert files == ["docs/about.md", "docs/index.md", "mkdocs.offline.yml", "mkdocs.yml", "seeds/README.md",
                     "seeds/entities.yml"]
    for path in new_dossier.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not [word for word in SEED_WORDS if word in text], path
    assert 'site_name: "Press freedom: the 2024 arrests"' in (new_dossier / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_new_dossier_builds_once_it_has_an_article_and_its_home_page_counts_it(new_dossier):
    (new_dossier / "seeds" / "001_arrests.txt").write_text(ARTICLE, encoding="utf-8")
    for command in ("build", "bundle"):
        result = _generator(command, "--strict", cwd=new_dossier)
        assert result.returncode == 0, result.stdout + result.stderr
    home = (new_dossier / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Press freedom: the 2024 arrests" in home
    assert re.search(r"<strong>1</strong> articles", home)  # the dossier's own count, not the seeds'
    site_text = " ".join(path.read_text(encoding="utf-8", errors="replace")
                         for path in (new_dossier / "build" / "site").rglob("*.html"))
    assert not [word for word in SEED_WORDS if word in site_text]
    assert (new_dossier / "build" / "site" / "assets" / "stylesheets" / "dossier.css").is_file()  # the plugin's theme
    assert (new_dossier / "dist" / "dossier-offline.zip").is_file()


def test_a_new_dossier_with_no_article_yet_previews_at_once(new_dossier):
    port = _free_port()
    log = (new_dossier / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=new_dossier, env=ENV, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        home = _wait_for(f"http://127.0.0.1:{port}/", "Press freedom: the 2024 arrests")
        assert home and "<strong>0</strong> articles" in home
        (new_dossier / "seeds" / "001_arrests.txt").write_text(ARTICLE, encoding="utf-8")
        page = _wait_for(f"http://127.0.0.1:{port}/articles/two-reporters-detained-in-the-capital/", "Maria Lopez")
        assert page, "the first article never reached the preview"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


def test_new_refuses_a_folder_that_holds_anything(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    result = _generator("new", "taken", "--title", "X", cwd=tmp_path)
    assert result.returncode == 1
    assert "already exists and is not an empty folder; nothing was written" in result.stderr
    assert sorted(path.name for path in (tmp_path / "taken").iterdir()) == ["notes.txt"]


def test_a_misspelt_plugin_option_is_an_error_that_names_it(new_dossier):
    config = new_dossier / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      seeds: seeds", "      seed: seeds"),
                      encoding="utf-8")
    result = _generator("build", cwd=new_dossier)
    assert result.returncode != 0
    assert "option 'seed': unknown option 'seed'; the dossier plugin's options are seeds" in result.stdout + result.stderr


def test_the_plugin_is_registered_under_mkdocs_entry_point():
    from importlib.metadata import entry_points

    (plugin,) = [point for point in entry_points(group="mkdocs.plugins") if point.name == "dossier"]
    assert plugin.value == "generator.site.plugin:DossierPlugin"
    assert SEEDS.is_dir()  # the repository's own dossier stays the example


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float = 90) -> str | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    return None


def test_the_commands_new_prints_work_as_printed(tmp_path):
    """`new` prints the commands to type next; typed as printed (from the dossier's folder, no environment
    activated), the build one builds. Run through the `dossier` console script, it names itself."""
    import shlex
    import shutil

    script = Path(sys.executable).parent / "dossier"
    assert script.is_file(), "the package installs a `dossier` command"
    made = subprocess.run([str(script), "new", "mine", "--title", "Mine"], cwd=tmp_path, env=ENV,
                          capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    typed = [line.strip().split("  ")[0] for line in made.stdout.splitlines()]  # "<command> build     the site…"
    command = shlex.split(next(line for line in typed if line.endswith(" build")))
    assert Path(command[0]).name == "dossier" and (command[0] == "dossier" or Path(command[0]).is_file())
    if command[0] == "dossier":
        assert shutil.which("dossier")
    (tmp_path / "mine" / "seeds" / "reporters.txt").write_text(ARTICLE, encoding="utf-8")
    built = subprocess.run(command, cwd=tmp_path / "mine", env=ENV, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "mine" / "build" / "site" / "index.html").is_file()
