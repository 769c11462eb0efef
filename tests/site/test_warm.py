"""A build with nothing changed reads the last build's dossier and pages back (`site/warm.py`);
any change to an input makes them again."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import generator.site.plugin as plugin
from tests.conftest import copy_project

ARTICLE = "seeds/000_68507b3c627c16da.txt"


def _build(project: Path, site: Path) -> dict[str, str]:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file() and not path.name.startswith("sitemap")}


@pytest.fixture
def project(tmp_path, monkeypatch):
    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path / "cache"))
    return project


def _pipeline_forbidden(*args, **kwargs):
    raise AssertionError("the pipeline ran though no input changed")


def test_a_build_with_nothing_changed_is_read_back_whole(project, tmp_path, monkeypatch):
    first = _build(project, tmp_path / "one")
    monkeypatch.setattr(plugin, "build_dossier", _pipeline_forbidden)
    second = _build(project, tmp_path / "two")
    assert len(first) > 40 and second == first
    assert [path.suffix for path in (tmp_path / "cache" / "site").iterdir()] == [".pickle"]


@pytest.mark.parametrize("change", ["article", "sidecar", "registry", "setting"])
def test_any_change_to_an_input_makes_the_site_again(project, tmp_path, monkeypatch, change):
    _build(project, tmp_path / "one")
    ran = []
    real = plugin.build_dossier
    monkeypatch.setattr(plugin, "build_dossier", lambda *args, **kwargs: ran.append(1) or real(*args, **kwargs))
    if change == "article":
        article = project / ARTICLE
        article.write_text(article.read_text(encoding="utf-8") + "\n\nA Warmcheckmarker sentence.\n", encoding="utf-8")
    elif change == "sidecar":
        (project / ARTICLE).with_suffix(".yml").write_text("title: A Warmcheckmarker title\n", encoding="utf-8")
    elif change == "registry":
        registry = project / "seeds" / "entities.yml"
        registry.write_text(registry.read_text(encoding="utf-8").replace(
            "role: Kremlin spokesman", "role: Warmcheckmarker spokesman"), encoding="utf-8")
    else:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace('site_name: "', 'site_name: "Warmcheckmarker ', 1),
                          encoding="utf-8")
    _build(project, tmp_path / "two")
    assert ran == [1]
    assert any("Warmcheckmarker" in path.read_text(encoding="utf-8", errors="replace")
               for path in (tmp_path / "two").rglob("*.html"))
    assert len(list((tmp_path / "cache" / "site").iterdir())) == 1  # only the newest is kept


def test_a_build_into_the_last_site_hands_mkdocs_only_the_pages_that_changed(project, tmp_path, caplog):
    """The rest are the last build's files, kept (`site/kept.py`); that the site is then the one a first
    build gives is `test_incremental`'s to show."""
    site = tmp_path / "site"
    _build(project, site)
    article = project / ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + "\n\nA Warmcheckmarker sentence.\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.dossier"):
        _build(project, site)
    counts = [re.search(r"Rebuilding (\d+) of (\d+) pages", record.getMessage()) for record in caplog.records]
    rebuilt, pages = next((int(found[1]), int(found[2])) for found in counts if found)
    assert 0 < rebuilt < pages / 2
    page = site / "articles" / "civil-organizations-russias-move-to-legitimize-the-taliban" / "index.html"
    assert "Warmcheckmarker" in page.read_text(encoding="utf-8")
    assert len(list(site.rglob("index.html"))) > 40
