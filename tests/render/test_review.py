"""The curator's review page: everything to check before publishing, and never part of the site."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from generator.render.review import review_html, review_sections
from tests.conftest import copy_project


@pytest.fixture(scope="module")
def sections(dossier):
    return {section.key: section for section in review_sections(dossier)}


def test_articles_without_a_publisher_are_listed_with_what_to_add(sections):
    # 000 and 001 carry the byline "Writer: Zan News"; 002, 003 and 004 name no outlet anywhere
    items = sections["publishers"].items
    assert [item.where_label for item in items] == ["002_e2ffc1113a645db8.txt", "003_db9fd82546c56745.txt",
                                                    "004_bd110d5bfaa63d58.txt"]
    assert items[0].fix == "Add `publisher: …` to 002_e2ffc1113a645db8.yml."


def test_inferred_and_bounded_dates_are_listed_with_their_evidence(sections):
    by_file = {item.where_label: item for item in sections["dates"].items}
    # 000's date line says only "Jul 5": the year is the machine's inference
    assert "5 July 2025 (inferred)" in by_file["000_68507b3c627c16da.txt"].text
    assert "'Jul 5'" in by_file["000_68507b3c627c16da.txt"].detail
    assert "004_bd110d5bfaa63d58.txt" not in by_file  # its first line states "date 2025-07-04"


def test_quotes_without_a_speaker_link_to_their_paragraph(dossier, sections):
    unattributed = [(a.source.name, q.paragraph) for a in dossier.articles for q in a.quotes if not q.speaker]
    assert [item.where_label for item in sections["quotes"].items] == [f"{name} ¶{n}" for name, n in unattributed]
    assert all(item.where.startswith("articles/") and "/index.html#p" in item.where for item in sections["quotes"].items)


def test_every_section_is_on_the_page_and_links_into_the_built_site(dossier):
    page = review_html(review_sections(dossier), "site/", "Seeds")
    for heading in ("Problems in the inputs", "Names the model found", "Spellings the resolution stage joined",
                    "article dates", "Articles with no publisher", "Events given different dates",
                    "Quotes without a speaker", "Protected names"):
        assert heading in page
    assert 'href="site/articles/' in page
    assert "<code>publisher: …</code>" in page


def test_the_command_writes_it_beside_the_site_never_in_it(tmp_path):
    project = copy_project(tmp_path)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for command in (["build"], ["review", "--html"]):
        result = subprocess.run([sys.executable, "-m", "generator", *command], cwd=project, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
    assert (project / "build" / "review.html").is_file()
    assert "3 publishers" in result.stdout
    site = project / "build" / "site"
    assert not list(site.rglob("review*"))
    assert not [path for path in (site / "search").rglob("*") if path.is_file()
                and "Review before publishing" in path.read_text(encoding="utf-8")]
    # its links open pages that exist
    page = (project / "build" / "review.html").read_text(encoding="utf-8")
    for target in {href.split("#")[0] for href in re.findall(r'href="(site/[^"]+)"', page)}:
        assert (project / "build" / target).is_file(), target
