"""Headless Debian chromium through Playwright, with every request outside an allowed scheme recorded."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@dataclass
class Visit:
    page: Page
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@contextmanager
def browse(allowed_prefix: str, color_scheme: str = "light") -> Iterator[Visit]:
    """A page whose requests outside `allowed_prefix` are blocked and recorded."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
            visit = Visit(context.new_page())

            def route(route):
                if route.request.url.startswith(allowed_prefix):
                    route.continue_()
                else:
                    visit.blocked.append(route.request.url)
                    route.abort()

            context.route("**/*", route)
            visit.page.on("console", lambda message: message.type == "error" and visit.console_errors.append(message.text))
            visit.page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
            yield visit
        finally:
            browser.close()


def search(visit: Visit, query: str) -> list[str]:
    """Type a query into Material's search box; the titles of the results."""
    visit.page.click("input[data-md-component=search-query]")
    visit.page.keyboard.type(query, delay=30)
    visit.page.wait_for_selector(".md-search-result__item", timeout=15000)
    return visit.page.locator(".md-search-result__item h1").all_inner_texts()


def walk_dossier(visit: Visit, home_url: str, shots: str | None = None) -> list[str]:
    """A reader's path: home, articles, an article, a person, an organisation, the timeline, a search.

    Returns the page titles seen; saves screenshots named `{shots}-…` when `shots` is given.
    """
    page = visit.page
    seen = []

    def arrive(name: str) -> None:
        page.wait_for_load_state("load")
        seen.append(page.title())
        if shots:
            visit.screenshot(f"{shots}-{name}")

    page.goto(home_url)
    arrive("home")
    assert "5 articles" in page.inner_text("article")
    page.click("nav.md-tabs >> text=Articles")
    arrive("articles")
    page.click("article >> text=Women Activists: From Now On")
    arrive("article")
    assert "Sergey Lavrov" in page.inner_text("#p7")
    page.click("#named-in-this-article ~ ul >> text=Sergey Lavrov")
    arrive("actor")
    assert page.inner_text("h1").rstrip("¶") == "Sergey Lavrov"
    page.click("#often-mentioned-with ~ ul >> text=Taliban")
    arrive("organisation")
    assert page.inner_text("h1").rstrip("¶") == "Taliban"
    page.click("nav.md-tabs >> text=Timeline")
    arrive("timeline")
    assert "3 July 2025 — 5 articles" in page.inner_text("article")
    titles = search(visit, "Koofi")
    assert any("Russia has become the first country" in title or "Fawzia Koofi" in title for title in titles), titles
    if shots:
        visit.screenshot(f"{shots}-search")
    return seen


@contextmanager
def serve_directory(folder: Path) -> Iterator[str]:
    """A static HTTP server for a built site on 127.0.0.1 at a free port; yields its base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join()
