"""The 22 bad inputs of BAD_INPUTS.md, one fixture folder each under tests/bad_inputs/.

For every case: `python -m generator check` exits as a script expects and names the file
(and line, byte or key); no traceback anywhere; a normal build still builds the rest of the
site (or, with no article at all, refuses with a clear message); a strict build fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import copy_project, run_mkdocs
from tests.helpers import article_body_html, visible_text

CASES_DIR = Path(__file__).parent / "bad_inputs"
CASES = sorted(path.name for path in CASES_DIR.iterdir() if (path / "case.yml").exists())
SEED_PAGES = ("civil-organizations-russias-move-to-legitimize-the-taliban",
              "women-activists-from-now-on-every-act-of-taliban-repression",
              "a-coalition-of-womens-protest-movements-has-condemned")


def test_every_case_of_the_checklist_has_a_fixture():
    numbers = {name[:2] for name in CASES}
    assert numbers == {f"{n:02d}" for n in range(1, 23)}


def _apply(case: str, project: Path, expect: dict) -> None:
    seeds = project / "seeds"
    for path in (CASES_DIR / case).iterdir():
        if path.name != "case.yml":
            shutil.copy2(path, seeds / path.name)
    generate = expect.get("generate")
    if generate == "huge":
        (seeds / "huge.txt").write_text("Huge\n\n" + ("word " * 499_999)[:2_499_993] + "\n", encoding="utf-8")
        (seeds / "long_line.txt").write_text("Long Line\n\n" + "x" * 30_000 + "\n", encoding="utf-8")
    elif generate == "symlink":
        outside = project / "outside.txt"
        outside.write_text("Outside\n\nA file that is not in the seeds folder.\n", encoding="utf-8")
        (seeds / "link.txt").symlink_to(outside)
    elif generate == "seeds_missing":
        shutil.rmtree(seeds)
    elif generate == "seeds_empty":
        shutil.rmtree(seeds)
        seeds.mkdir()


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def _article_page(site: Path, source_name: str) -> str:
    for page in (site / "articles").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        if f"<code>{source_name}</code>" in html:
            return html
    raise AssertionError(f"no page for {source_name}")


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    cache = tmp_path_factory.mktemp("ner-cache")
    os.environ["DOSSIER_CACHE"] = str(cache)
    yield cache
    del os.environ["DOSSIER_CACHE"]


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case, tmp_path, shared_cache):
    expect = yaml.safe_load((CASES_DIR / case / "case.yml").read_text(encoding="utf-8"))
    project = copy_project(tmp_path)
    _apply(case, project, expect)

    check = _run([sys.executable, "-m", "generator", "check"], project)
    assert "Traceback" not in check.stderr, check.stderr
    for message in expect["messages"]:
        assert message in check.stderr, f"{message!r} not in:\n{check.stderr}"
    assert check.returncode == expect["check_exit"], check.stderr

    site = tmp_path / "site"
    normal = run_mkdocs("build", "-f", "mkdocs.yml", "-d", str(site), cwd=project)
    assert "Traceback" not in normal.stderr, normal.stderr
    if expect.get("build") == "abort":
        output = normal.stdout + normal.stderr  # MkDocs prints an abort's message on stdout
        assert normal.returncode == 1 and "No article to publish." in output, output
        assert expect["messages"][0].split(": ", 1)[1] in output
    else:
        assert normal.returncode == 0, normal.stderr
        for message in expect["messages"]:
            assert message in normal.stderr  # the build log names the problem too
        for slug in SEED_PAGES:  # the rest of the site is built
            assert (site / "articles" / slug / "index.html").is_file(), slug
        _check_pages(site, expect)

    strict = run_mkdocs("build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "strict"), cwd=project)
    assert strict.returncode != 0, "a strict build must fail"
    assert "Traceback" not in strict.stderr, strict.stderr


def _check_pages(site: Path, expect: dict) -> None:
    bodies = [visible_text(article_body_html(page.read_text(encoding="utf-8")))
              for page in (site / "articles").glob("*/index.html")]
    for literal in expect.get("shown_literally", []):
        assert any(literal in body for body in bodies), f"{literal!r} not shown as written"
    for text in expect.get("never_on_page", []):
        assert not any(text in body for body in bodies)
    if "page_title" in expect:
        import html as html_module
        import re

        titles = [html_module.unescape(re.search(r"<title>(.*?) - ", page.read_text(encoding="utf-8"), re.S).group(1))
                  for page in (site / "articles").glob("*/index.html")]
        assert expect["page_title"] in titles
    for source_name, date in (expect.get("published") or {}).items():
        page = visible_text(_article_page(site, source_name))
        if date:
            assert f"Published {date}" in page
    if "entity_page" in expect:
        assert (site / expect["entity_page"] / "index.html").is_file()
