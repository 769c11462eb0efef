"""A curator's page as search holds it: its text by section, no script, no permalink mark."""

from __future__ import annotations

from generator.site.search_text import page_entry


def test_a_page_is_its_sections_with_their_headings_and_anchors():
    html = ('<h1 id="about">About <a class="headerlink" href="#about">¶</a></h1><p>How the <em>dossier</em> '
            'is made &amp; checked.</p><script>track()</script><h2 id="sources">Sources</h2><ul><li>Wire</li>'
            '<li>Press</li></ul><p data-search-exclude="true">Not this.</p><p>Last words.</p>')
    entry = page_entry("About this dossier", html)
    assert entry.kind == "Page" and entry.title == "About this dossier"
    assert entry.blocks == (("about", "About", "How the dossier is made & checked."),
                            ("sources", "Sources", "Wire Press Last words."))
    assert entry.summary == "How the dossier is made & checked."


def test_text_before_any_heading_is_under_the_page_title():
    assert page_entry("Home", "<p>Welcome.</p>").blocks == (("", "Home", "Welcome."),)
