"""Right-to-left text: an article mixing English and Dari reads correctly in Chromium, and a Dari alias
in the registry finds its spelling with Arabic letters."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.browser import browse
from tests.conftest import FIXTURES_DIR, copy_project

FIXTURES = FIXTURES_DIR / "protected"
DARI_LINE = "سیاستمدار پیشین افغان"  # the fixture's ¶ in Dari: "former Afghan politician"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The seeds with the fixture article, Koofi's registry entry given her name in Persian letters
    (the fixture writes it with Arabic kaf and yeh), built as the offline bundle and unzipped."""
    project = copy_project(tmp_path_factory.mktemp("rtl"))
    registry_path = project / "seeds" / "entities.yml"
    registry = yaml.safe_load(registry_path.read_text(encoding="utf-8"))
    for entry in registry["entities"]:
        if entry["name"] == "Fawzia Koofi":
            entry["aliases"] = ["Koofi", "فوزیه کوفی"]
    registry_path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    shutil.copy2(FIXTURES / "900_dari_statement.txt", project / "seeds" / "900_dari_statement.txt")
    result = subprocess.run([sys.executable, "-m", "generator", "bundle", "--strict"], cwd=project, capture_output=True,
                            text=True, timeout=600, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stderr
    unzipped = tmp_path_factory.mktemp("rtl-bundle")
    with zipfile.ZipFile(project / "dist" / "dossier-offline.zip") as archive:
        archive.extractall(unzipped)
    return unzipped


def _article(bundle: Path) -> Path:
    return next((bundle / "articles").glob("afghan-activists-answer-moscow*.html"))


def test_the_dari_spelling_with_arabic_letters_is_found_as_the_registered_person(bundle):
    page = (bundle / "actors" / "fawzia-koofi.html").read_text(encoding="utf-8")
    assert DARI_LINE in page  # her mention in the Dari paragraph is on her page
    assert "فوزيه كوفي" in page  # as the article writes it, letters unchanged


def test_dari_paragraphs_read_right_to_left_and_english_left_to_right(bundle):
    with browse("file://") as visit:
        visit.page.goto(_article(bundle).as_uri())
        directions = visit.page.eval_on_selector_all(
            "article p[data-para]", "ps => ps.map(p => [p.textContent.trim(), getComputedStyle(p).direction])")
        visit.screenshot("rtl_article")
        dari = [direction for text, direction in directions if DARI_LINE in text]
        english = [direction for text, direction in directions if text.startswith("In English, the statement says")]
        assert dari == ["rtl"] and english == ["ltr"]
        # the Dari paragraph's words sit on the right: its text box ends at the paragraph's right edge
        edges = visit.page.eval_on_selector(
            f"article p[data-para]:has-text('{DARI_LINE}')",
            "p => { const r = document.createRange(); r.selectNodeContents(p); const t = r.getBoundingClientRect();"
            " const b = p.getBoundingClientRect(); return [Math.round(b.right - t.right), Math.round(t.left - b.left)]; }")
        assert edges[0] <= 2 and edges[1] > 20, edges
        assert not visit.console_errors


def test_names_and_quotes_on_the_persons_page_carry_their_direction(bundle):
    with browse("file://") as visit:
        visit.page.goto((bundle / "actors" / "fawzia-koofi.html").as_uri())
        sentence = visit.page.locator(f"text={DARI_LINE}").first
        assert sentence.evaluate("e => getComputedStyle(e.closest('[dir]') || e).direction") == "rtl"
