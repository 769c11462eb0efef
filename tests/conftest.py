"""Shared fixtures: the seed dossier, a strict build of the site and the offline bundle, made once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import build_dossier

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
FIXTURES_DIR = PROJECT / "tests" / "fixtures"
SHARED = PROJECT.parent / "shared"
CORPORA = SHARED / "corpora"


def run_mkdocs(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def copy_project(target: Path) -> Path:
    """A throw-away copy of the project (sources only) to build or serve in."""
    for name in ("mkdocs.yml", "mkdocs.offline.yml"):
        shutil.copy2(PROJECT / name, target / name)
    for name in ("docs", "seeds", "overrides", "generator"):
        shutil.copytree(PROJECT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.fixture(scope="session")
def dossier():
    return build_dossier(SEEDS)


@pytest.fixture(scope="session")
def article_by_source(dossier):
    return {article.source.name: article for article in dossier.articles}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The hosted site, built with --strict: any warning (bad link, bad article) fails the session."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs("build", "--strict", "-f", "mkdocs.yml", "-d", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def offline_bundle(tmp_path_factory) -> Path:
    """The offline bundle, built and zipped by the CLI, unzipped into a fresh folder."""
    import zipfile

    work = copy_project(tmp_path_factory.mktemp("bundle-project"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "generator", "bundle", "--strict"], cwd=work, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    unzipped = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(work / "dist" / "dossier-offline.zip") as archive:
        archive.extractall(unzipped)
    return unzipped


def pytest_addoption(parser):
    parser.addoption("--regenerate-golden", action="store_true",
                     help="rewrite tests/golden/ from what the generator renders now; review `git diff tests/golden` "
                          "before committing it")
