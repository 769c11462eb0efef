"""The offline bundle, opened from disk in a real browser with the network cut off."""

from __future__ import annotations

from tests.browser import browse, search


def test_bundle_holds_the_site_and_no_remote_asset(offline_bundle):
    assert (offline_bundle / "index.html").is_file()
    assert (offline_bundle / "search" / "search_index.js").is_file()
    assert (offline_bundle / "assets" / "javascripts" / "iframe-worker" / "shim.js").is_file()
    for page in offline_bundle.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "unpkg.com" not in html, page


def test_bundle_works_from_file_url_with_search(offline_bundle):
    with browse("file://") as visit:
        page = visit.page
        page.goto((offline_bundle / "index.html").as_uri())
        assert "5 articles" in page.inner_text("article")
        page.click("nav.md-tabs >> text=Articles")
        page.click("text=Women Activists: From Now On")
        assert page.url.startswith("file://") and page.url.endswith(".html")
        assert "Sergey Lavrov" in page.inner_text("#p7")
        visit.screenshot("offline-article")
        titles = search(visit, "Lavrov")
        assert any(title.startswith("Women Activists") for title in titles), titles
        visit.screenshot("offline-search")
    assert visit.blocked == []
    assert visit.console_errors == []
