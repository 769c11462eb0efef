"""Every page type as a phone reader and a screen-reader user meet it, in Chromium: no horizontal overflow at
375 px or 1280 px (screenshots saved in tests/screenshots/), and no serious or critical axe-core violation
(WCAG 2 AA contrast among them) in the light and the dark scheme."""

from __future__ import annotations

import pytest

from tests.axe import axe_source
from tests.browser import browse, serve_directory

#: One page of every type the site has: home, the article list, an article, the people, a person, the
#: organisations, a place, the timeline, the quotes, the sources, a page of the curator's.
PAGES = ["", "articles/", "articles/civil-organizations-russias-move-to-legitimize-the-taliban/", "actors/",
         "actors/fawzia-koofi/", "organisations/", "places/kabul/", "timeline/", "quotes/", "sources/", "about/"]

#: What sticks out past the viewport and is not inside something that scrolls sideways.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX) && p.scrollWidth > p.clientWidth - 1) return true; }
    return false; };
  const out = [...document.querySelectorAll('.md-content *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 1 || box.left < -1) && !scrolls(el); });
  return {page: document.documentElement.scrollWidth - width,
          elements: out.slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className)};
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_no_page_is_wider_than_the_screen(built_site, width):
    with serve_directory(built_site) as base, browse(base) as visit:
        visit.page.set_viewport_size({"width": width, "height": 800})
        wide = {}
        for path in PAGES:
            visit.page.goto(base + path)
            found = visit.page.evaluate(OVERFLOW)
            if found["page"] > 0 or found["elements"]:
                wide[path] = found
            visit.screenshot(f"readers-{width}-{path.strip('/').replace('/', '-') or 'home'}")
        assert wide == {}
        assert visit.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_any_page_type(built_site, scheme):
    axe = axe_source()
    with serve_directory(built_site) as base, browse(base, color_scheme=scheme) as visit:
        found = {}
        for path in PAGES:
            visit.page.goto(base + path)
            visit.page.add_script_tag(content=axe)
            violations = visit.page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
                .violations.filter(v => ['serious', 'critical'].includes(v.impact))
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""")
            if violations:
                found[path or "home"] = violations
        assert found == {}


def test_article_text_shows_the_articles_words_only(built_site):
    """A quote's speaker is its link (and its title on hover), never a name inserted into the article's text."""
    page = next(path for path in built_site.glob("articles/*/index.html") if 'class="dossier-quote"' in
                path.read_text(encoding="utf-8"))
    with serve_directory(built_site) as base, browse(base) as visit:
        visit.page.goto(base + page.parent.relative_to(built_site).as_posix() + "/")
        inserted = visit.page.evaluate("""() => [...document.querySelectorAll('a.dossier-quote')]
            .map(a => getComputedStyle(a, '::after').content).filter(content => content && content !== 'none')""")
        assert inserted == []
