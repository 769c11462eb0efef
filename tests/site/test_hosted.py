"""The hosted site: strict build with a site URL, its metadata and feeds, links, and a reader's walk over HTTP."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest

from tests.browser import browse, serve_directory, walk_dossier
from tests.conftest import run_mkdocs
from tests.links import check_links

SITE_URL = "https://example.org/dossier/"


@pytest.fixture(scope="session")
def hosted_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("hosted")
    os.environ["DOSSIER_SITE_URL"] = SITE_URL
    try:
        result = run_mkdocs("build", "--strict", "-f", "mkdocs.yml", "-d", str(site))
    finally:
        del os.environ["DOSSIER_SITE_URL"]
    assert result.returncode == 0, result.stderr
    return site


def test_site_url_gives_canonical_links_sitemap_and_a_404_page(hosted_site, article_by_source):
    slug = article_by_source["004_bd110d5bfaa63d58.txt"].slug
    page = (hosted_site / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}articles/{slug}/">' in page
    sitemap = (hosted_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}articles/{slug}/</loc>" in sitemap
    assert (hosted_site / "404.html").is_file()


def test_link_previews_have_title_and_description(hosted_site, article_by_source):
    slug = article_by_source["000_68507b3c627c16da.txt"].slug
    page = (hosted_site / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="Civil Organizations: Russia’s Move to Legitimize the Taliban' in page
    assert '<meta property="og:description" content="Following the Russian Federation’s recognition' in page
    assert '<meta property="og:type" content="article">' in page


def test_feeds_list_the_dated_articles_newest_first(hosted_site):
    rss = ET.fromstring((hosted_site / "feed.xml").read_text(encoding="utf-8"))
    items = rss.findall("./channel/item")
    # 000, 001 (5 July 2025, inferred) and 004 (4 July 2025); 002 and 003 are undated
    assert len(items) == 3
    assert items[-1].findtext("title").startswith("Russia has become the first country to formally recognize")
    assert all(item.findtext("link").startswith(SITE_URL + "articles/") for item in items)
    feed = json.loads((hosted_site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and len(feed["items"]) == 3
    assert feed["items"][-1]["date_published"] == "2025-07-04T00:00:00+00:00"


def test_every_link_and_anchor_resolves(hosted_site):
    assert check_links(hosted_site, base_path="/dossier/") == []


@pytest.fixture(scope="session")
def served_site(built_site):
    with serve_directory(built_site) as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_reader_walks_the_hosted_site(served_site, scheme):
    with browse(served_site, color_scheme=scheme) as visit:
        titles = walk_dossier(visit, served_site, shots=f"hosted-{scheme}")
        assert visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
    assert len(titles) == 6
    assert visit.blocked == []  # no request leaves the machine: no web fonts, no CDN
    assert visit.console_errors == []
