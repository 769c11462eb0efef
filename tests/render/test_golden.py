"""Golden pages: every page, asset and export the seeds' dossier renders, kept in tests/golden/seeds/.

A refactor proves it changed nothing when this passes. A change meant to alter pages regenerates them
(`make test ARGS=--regenerate-golden`, or `pytest tests/render/test_golden.py --regenerate-golden`), and
the diff of tests/golden/ is reviewed as part of it: read it as a reader would read the pages.
"""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from generator.export.open_data import open_data
from generator.render.front_matter import PAGE_PLACEHOLDER
from generator.render.pages import Renderer
from tests.conftest import PROJECT

GOLDEN = PROJECT / "tests" / "golden" / "seeds"
SITE_NAME, SITE_URL = "Dossier", "https://example.org/dossier/"


def _rendered(dossier) -> dict[str, str]:
    """Each file as MkDocs would be given it, a page's HTML in its placeholder's place."""
    data = open_data(dossier, SITE_NAME, complete=True)
    files = {}
    for page in Renderer().pages(dossier, site_name=SITE_NAME, site_url=SITE_URL, open_data=data):
        text = page.content if page.html is None else page.content.replace(PAGE_PLACEHOLDER, page.html)
        if page.toc:
            text += f"<!-- toc: {json.dumps(page.toc, ensure_ascii=False, sort_keys=True)} -->\n"
        if page.search:  # its passages' text is the page's own: their anchors and headings suffice here
            entry = {**asdict(page.search), "blocks": [f"#{anchor} {heading}" for anchor, heading, _ in page.search.blocks]}
            text += f"<!-- search entry: {json.dumps(entry, ensure_ascii=False)} -->\n"
        files[page.path] = text
    files.update({file.path: file.content for file in data.files()})
    return files


def test_the_seeds_render_as_their_golden_files(dossier, request):
    rendered = _rendered(dossier)
    if request.config.getoption("--regenerate-golden"):
        for old in GOLDEN.rglob("*"):
            if old.is_file() and old.relative_to(GOLDEN).as_posix() not in rendered:
                old.unlink()
        for path, text in rendered.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8", newline="")
    kept = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*") if path.is_file()}
    assert sorted(rendered) == sorted(kept), "pages added or gone: regenerate with --regenerate-golden and review"
    changed = [path for path, text in sorted(rendered.items())
               if (GOLDEN / path).read_bytes().decode("utf-8") != text]
    assert changed == [], f"{len(changed)} files differ from tests/golden/seeds: {changed[:10]}"


@pytest.mark.parametrize("path", ["articles/index.md", "timeline/index.md", "organisations/index.md"])
def test_golden_pages_are_pages_a_reader_can_read(path):
    """The golden files are themselves checked: front matter, then the page's HTML with its headings."""
    text = (GOLDEN / path).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ") and "<h2 id=" in text and PAGE_PLACEHOLDER not in text
