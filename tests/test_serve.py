"""The live preview: `mkdocs serve` over a copy of the project picks up edited and new seeds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import copy_project


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


@pytest.fixture
def server(tmp_path):
    project = copy_project(tmp_path)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: _get(base)), "mkdocs serve did not come up"
        yield project, base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_serve_picks_up_an_edited_and_a_new_seed(server):
    project, base = server
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


def test_serve_picks_up_an_edited_entity_registry(server):
    project, base = server
    page_url = base + "actors/dmitry-peskov/"
    assert "Kremlin spokesman" in (_get(page_url) or "")
    registry = project / "seeds" / "entities.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "    role: Kremlin spokesman\n", "    role: Press secretary of the President of Russia\n"), encoding="utf-8")
    assert _wait_for(lambda: "Press secretary of the President of Russia" in (_get(page_url) or "")), \
        "edited registry not picked up"
