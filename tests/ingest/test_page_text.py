"""The fallback reading of a saved page: its own paragraphs at any depth, never its scripts or navigation."""

from __future__ import annotations

from generator.ingest.page_text import nesting_and_paragraphs


def test_paragraphs_at_any_depth_without_furniture():
    html = ("<html><head><title>T</title><script>var x = 1;</script></head><body><nav><a>Home</a></nav>"
            + "<div>" * 300 + "<h1>A headline</h1><p>First <b>paragraph</b>.</p><p>Second one.</p>" + "</div>" * 300
            + "<footer>© Site</footer></body></html>")
    deepest, paragraphs = nesting_and_paragraphs(html)
    assert deepest > 300
    assert paragraphs == ["A headline", "First paragraph.", "Second one."]
