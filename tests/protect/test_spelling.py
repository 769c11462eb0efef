"""The one reading of text that redaction and the audit share: fast and tracked views agree, spans map back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.protect.spelling import NameFinder, view, view_with_spans, words

FRAGMENTS = ["Koofi", "Fawzia", " ", "-", "-\n", "\n", "_", ".", "%20", "%E2%80%8B", "&#75;", "&amp;", "&nbsp;",
             "\\u0041", "\\u00", "\u00ad", "\u200b", "\u200c", "\ufeff", "\u0430", "\u039a", "ﬁ", "Ｋ", "m", "M", "0",
             "1", "I", "l", "ß", "İ", "ك", "ی", "\u064e", "\u202e", "Þ", "é", "e\u0301", "aB", "Mc", "'s"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join), st.booleans())
def test_the_fast_and_the_tracked_reading_of_a_text_agree(text, split):
    tracked, spans = view_with_spans(text, split)
    assert view(text, split) == tracked
    assert len(spans) == len(tracked)
    assert all(0 <= start <= end <= len(text) for start, end in spans)
    assert [start for start, _ in spans] == sorted(start for start, _ in spans)


def test_a_capital_inside_a_word_starts_another_and_lookalikes_share_a_skeleton():
    assert words("McDonald") == ("rnc", "donald")  # "m" looks like "rn": both read so
    assert view("\u039aoofi") == view("Koofi") == view("K00fi") == view("ＫＯＯＦＩ")
    assert view("Ko\u00adofi") == view("Ko\u200bofi") == "koofi"


def test_a_found_spelling_covers_what_was_written_in_the_original_text():
    finder = NameFinder([("Fawzia Koofi", "A", True)])
    text = "by Fawzia%20Koofi and &#70;awzia-\nKoofi, the Fawzia Koofis"
    found = [text[hit.start:hit.end] for hit in finder.find(text)]
    assert found == ["Fawzia%20Koofi", "&#70;awzia-\nKoofi", "Fawzia Koofis"]


def test_every_character_reads_alike_in_the_fast_and_the_tracked_view():
    """Found by Hypothesis ("ꓟ", a Lisu letter like M): a lookalike's view went through the ASCII step again in the
    fast reading only ("m" read as "rn"), and Cherokee capitals were lowered there only, so the two readings of
    "Мary" (Cyrillic М) differed. Every code point, alone and between letters, now reads the same in both."""
    for code in range(0x80, 0x30000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        for text in (chr(code), f"a{chr(code)}b", f"M{chr(code)}m"):
            assert view(text) == view_with_spans(text)[0], hex(code)
