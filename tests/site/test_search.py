"""Search as a reader uses it, in Chromium: Material's search box over the dossier's prebuilt index, on the
hosted site and in the offline bundle opened from disk.

The dossier searched is the seeds' with two articles added: the protection fixture (Fawzia Koofi protected,
written in English and in Dari) and a Dari report naming the Taliban's spokesman in Persian script only
(tests/fixtures/search). Facts asserted, from the articles: Kabul, Moscow and the other places and names
with pages are named in the seeds; the spokesman's name is written "ذبیح‌الله مجاهد" in 950 ¶1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from tests.browser import Visit, browse, serve_directory
from tests.conftest import FIXTURES_DIR, copy_project
from tests.search_files import index_of

RESULT = ".md-search-result__item"
QUERY = "input[data-md-component=search-query]"
SPOKESMAN = "ذبیح‌الله مجاهد"  # with the zero-width non-joiner Dari writes inside it


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("search-project"))
    registry_path = project / "seeds" / "entities.yml"
    registry = yaml.safe_load(registry_path.read_text(encoding="utf-8"))
    for entry in registry["entities"]:
        if entry["name"] == "Fawzia Koofi":
            entry.update(protect=True, aliases=["Koofi", "فوزیه کوفی"])
    registry["entities"].append({"name": "Zabihullah Mujahid", "kind": "person", "role": "Spokesman of the Taliban",
                                 "aliases": [SPOKESMAN]})
    registry_path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    for folder, name in (("protected", "900_dari_statement"), ("search", "950_dari_spokesman")):
        for suffix in (".txt", ".yml"):
            shutil.copy2(FIXTURES_DIR / folder / (name + suffix), project / "seeds" / (name + suffix))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for command in ("build", "bundle"):
        result = subprocess.run([sys.executable, "-m", "generator", command, "--strict"], cwd=project, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(project / "dist" / "dossier-offline.zip") as archive:
        archive.extractall(project / "unzipped")
    return project


@pytest.fixture(scope="module")
def hosted(project) -> Iterator[tuple[Visit, str]]:
    site = project / "build" / "site"
    with serve_directory(site) as base, browse(base) as visit:
        visit.page.goto(base)
        yield visit, base


@contextmanager
def offline_visit(project: Path) -> Iterator[tuple[Visit, str]]:
    bundle = project / "unzipped"
    with browse("file://") as visit:
        visit.page.goto((bundle / "index.html").as_uri())
        yield visit, bundle.as_uri() + "/"


def results(visit: Visit, query: str) -> list[dict]:
    """Search for `query` as typed (any script: the value is set, then the key-up Material listens for);
    each result's page address, title, kind tags and the text of its first passage or summary."""
    page = visit.page
    page.click(QUERY)
    page.fill(QUERY, "")
    page.dispatch_event(QUERY, "keyup")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 0")
    page.fill(QUERY, query)
    page.dispatch_event(QUERY, "keyup")
    try:
        page.wait_for_selector(RESULT, timeout=5000)
    except Exception:  # noqa: BLE001 -- no result is an answer: "No matching documents"
        meta = page.inner_text(".md-search-result__meta")
        assert "No matching" in meta, meta
        return []
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(item => {
        const articles = item.querySelectorAll('article');
        const link = item.querySelector('a').getAttribute('href');
        const teaser = [...articles].map(a => [...a.childNodes].filter(n => n.nodeType === 3 || n.tagName === 'P'
            || n.tagName === 'MARK').map(n => n.textContent).join('').trim()).find(text => text) || '';
        return {href: link, title: item.querySelector('h1').textContent,
                tags: [...item.querySelectorAll('.md-tag')].map(tag => tag.textContent),
                text: teaser, html: item.innerHTML};
    })""")


def _page(href: str, base: str) -> str:
    """A result's page, as the index gives its location: "actors/x/" (hosted) or "actors/x.html" (bundle)."""
    return href.split("?")[0].split("#")[0].removeprefix(base).removeprefix("./")


def test_the_bundle_searches_from_disk_with_no_network_on_every_page(project):
    """First in this module: its browser closes before the hosted site's opens (one Playwright at a time)."""
    with offline_visit(project) as (visit, base):
        found = results(visit, "Lavrov")
        assert found and _page(found[0]["href"], base) == "actors/sergey-lavrov.html"
        visit.page.goto(base + "articles/index.html")
        found = results(visit, "ذبيح الله مجاهد")
        assert found and _page(found[0]["href"], base) == "actors/zabihullah-mujahid.html"
        assert results(visit, "Koofi") == []
        assert visit.blocked == [] and visit.console_errors == []


def test_each_result_says_what_it_is_with_a_clean_snippet(hosted):
    visit, base = hosted
    kinds = set()
    for query in ("Kabul", "Lavrov", "recognition Taliban", "Russia", "1989", "dangerous precedent"):
        found = results(visit, query)
        assert found, query
        for result in found:
            assert len(result["tags"]) == 1, result
            kinds.add(result["tags"][0])
            text = result["text"]
            assert text and not text.startswith(tuple(result["tags"])), result  # the kind is a tag, not text
            for junk in ("NameRole", "MentionsArticles", "PlaceMentions", "Named in this article", "¶\u00b6"):
                assert junk not in text, result
        assert "<mark>" in found[0]["html"], (query, found[0])
    assert {"Article", "Person", "Organisation", "Place", "Timeline", "Quotes"} <= kinds, kinds
    assert visit.console_errors == []


def test_an_entity_page_ranks_first_for_its_name_and_each_other_spelling(project, hosted):
    """20 names drawn from the index itself: every person's, organisation's and place's names in turn."""
    visit, base = hosted
    index = index_of(project / "build" / "site")
    names = sorted((name, location) for location, page in index.pages.items()
                   if page["kind"] in ("Person", "Organisation", "Place") for name in page["names"])
    # a name shared by two pages ranks both: either first is right
    owners = {}
    for name, location in names:
        owners.setdefault(name.casefold(), set()).add(location)
    drawn = names[::max(1, len(names) // 20)][:20]
    assert len(drawn) == 20
    wrong = []
    for name, location in drawn:
        found = results(visit, name)
        if not found or _page(found[0]["href"], base) not in owners[name.casefold()]:
            wrong.append((name, location, [_page(result["href"], base) for result in found[:3]]))
    assert wrong == []


@pytest.mark.parametrize("typed, page", [
    ("Lavrof", "actors/sergey-lavrov/"),  # a letter wrong
    ("Mutaqi", "actors/amir-khan-muttaqi/"),  # a letter missing
    ("Peskkov", "actors/dmitry-peskov/"),  # a letter too many
    ("Pesokv", "actors/dmitry-peskov/"),  # two letters swapped
])
def test_a_one_letter_typo_still_finds_the_name(hosted, typed, page):
    visit, base = hosted
    found = results(visit, typed)
    assert found and _page(found[0]["href"], base) == page, found[:2]


def test_a_persian_name_is_found_in_either_letter_form_with_a_space_for_the_joiner(hosted):
    visit, base = hosted
    for typed in (SPOKESMAN, "ذبيح الله مجاهد", "مجاهد"):  # Arabic yeh for the Persian, a space for the ZWNJ
        found = results(visit, typed)
        assert found and _page(found[0]["href"], base) == "actors/zabihullah-mujahid/", (typed, found[:2])
    article = [result for result in results(visit, "سخنگوي طالبان") if result["tags"] == ["Article"]]
    assert article and "<mark>سخنگوی</mark>" in article[0]["html"]  # found with the Arabic yeh, shown as written


@pytest.mark.parametrize("typed", ["Fawzia Koofi", "Koofi", "koofi", "فوزیه کوفی", "كوفي", "Kofi Fawzia"])
def test_a_protected_name_finds_nothing(hosted, typed):
    visit, _ = hosted
    assert results(visit, typed) == []
