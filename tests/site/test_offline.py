"""The offline bundle: unzipped, opened from disk in a real browser with every other request blocked."""

from __future__ import annotations

from tests.browser import browse, walk_dossier
from tests.links import check_links


def test_bundle_holds_the_site_and_no_remote_asset(offline_bundle):
    assert (offline_bundle / "index.html").is_file()
    assert (offline_bundle / "search" / "search_index.js").is_file()  # Material's, empty: the dossier's is beside it
    assert (offline_bundle / "search" / "dossier" / "manifest.js").is_file()
    assert (offline_bundle / "assets" / "javascripts" / "iframe-worker" / "shim.js").is_file()
    assert not (offline_bundle / "404.html").exists()  # nothing can show a 404 page from disk
    for page in offline_bundle.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "unpkg.com" not in html, page


def test_every_link_and_anchor_in_the_bundle_resolves(offline_bundle):
    assert check_links(offline_bundle) == []


def test_a_reader_walks_the_bundle_from_disk_with_no_network(offline_bundle):
    with browse("file://") as visit:
        titles = walk_dossier(visit, (offline_bundle / "index.html").as_uri(), shots="offline")
        assert visit.page.url.startswith("file://")
    assert len(titles) == 6
    assert visit.blocked == []  # zero requests outside file://
    assert visit.console_errors == []
