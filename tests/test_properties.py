"""Property tests: escaping, slugs and front matter hold for any text, not just the examples."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.render.environment import environment
from generator.render.front_matter import front_matter
from generator.text.slugs import RESERVED, allocate_slugs
from tests.helpers import visible_text

SYNTAX_TOKENS = ["*", "**", "_", "__", "`", "``", "[", "]", "](", ")", "(", "<", ">", "</", "/>", "&", "&amp;", "#",
                 "1.", "1986.", "-", "---", "+", "|", "{:", "{", "}", "{{", "}}", "{%", "%}", "!", "![", "\\", ":",
                 "=", "~~", "^", "<script>", "http://x.y", "javascript:", "--8<--", "\t", "\n", "    ", " ", "  ",
                 '"', "'", "&#60;", "<!--", "-->", "]]>"]
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1,
                max_size=6)
# article text: markup-shaped tokens among words of any printable characters (ingest drops control ones)
TEXT = st.lists(st.one_of(st.sampled_from(SYNTAX_TOKENS), WORDS), min_size=1, max_size=25).map("".join)
TEMPLATE = environment().from_string("<p>{{ text }}</p>")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("<script>alert(1)</script>")
@example("[x](javascript:alert(1)) {: onclick=x } --8<-- \"/etc/passwd\" {{ x }} {% y %}")
@example("&amp; &copy; &#65; \\*")
@example('" onmouseover="alert(1)')
def test_printed_text_renders_back_to_the_same_visible_text(text):
    html = TEMPLATE.render(text=text)
    assert visible_text(html) == " ".join(text.split())
    assert re.findall(r"<(\w+)", html) == ["p"]  # one plain paragraph: no element from the text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=60)), min_size=1, max_size=12,
                unique_by=lambda item: item[0]))
def test_slugs_are_non_empty_contained_stable_and_unique(items):
    slugs = allocate_slugs(items, "article")
    assert set(slugs) == {key for key, _ in items}
    assert len(set(slugs.values())) == len(items)  # unique, even for equal titles
    for slug in slugs.values():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)  # no dot, slash or "..": stays in its folder
        assert slug not in RESERVED
    assert allocate_slugs(items, "article") == slugs  # stable
    assert allocate_slugs(list(reversed(items)), "article") == slugs  # independent of order


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
@example("A: b --- \"quoted\" 'single'\nsecond line")
@example("no")
@example("2021-08-15")
@example("null")
@example("!!python/object/apply:os.system ['x']")
def test_front_matter_round_trips_through_mkdocs(title):
    content, meta = get_data(front_matter({"title": title}) + "\nBody.\n")
    assert meta == {"title": title}
    assert content.strip() == "Body."


def test_a_new_item_with_the_same_title_never_renames_one_whose_key_sorts_first():
    """A published citation must not move: the article already there keeps its page's name."""
    before = allocate_slugs([("000_report", "Russia Recognises the Taliban")], "article")
    after = allocate_slugs([("000_report", "Russia Recognises the Taliban"),
                            ("zzz_copy", "Russia recognises the Taliban")], "article")
    assert after["000_report"] == before["000_report"] == "russia-recognises-the-taliban"
    assert after["zzz_copy"].startswith("russia-recognises-the-taliban-")
