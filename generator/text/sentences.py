"""A rule-based sentence splitter: fast, dependency-free and good enough for news prose.

It must never lose or reorder text: the sentences of a paragraph joined with single
spaces give back the paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr co corp inc ltd no nos vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split())
#: "J." or "A.E.": initials before a surname ("A.E. Staley"), not the end of a sentence
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
#: A sentence ends at . ! ? … (and Persian ؟) before a capital, a digit or a letter of a script without capitals
#: (Persian, Arabic), closing quote marks («…») kept with it.
_BOUNDARY = re.compile(r"(?<=[.!?…؟])[\"'”’)\]»]*\s+(?=[\"'“‘(\[«]?[A-Z0-9\u0600-\u06ff])")


def split_sentences(paragraph: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.start()
        closing = re.match(r"[\"'”’)\]»]*", paragraph[end:]).group(0)
        candidate = paragraph[start:end + len(closing)]
        last_word = candidate.rstrip("\"'”’)]»").rsplit(None, 1)[-1].rstrip(".").lower() if candidate.strip() else ""
        last_word = last_word.rsplit("-", 1)[-1]  # "Japan-U.S." ends as "U.S." does
        if last_word in _ABBREVIATIONS or _INITIALS.fullmatch(last_word):
            continue
        sentences.append(candidate.strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


@lru_cache(maxsize=4096)
def sentence_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence within the paragraph: what every stage citing a sentence needs."""
    spans, position = [], 0
    for sentence in split_sentences(paragraph):
        start = paragraph.index(sentence, position)
        position = start + len(sentence)
        spans.append((start, position))
    return tuple(spans)


#: The most of one sentence cited for a name or a date in it. A "sentence" of 20,000 characters
#: listing 1,500 dates would otherwise be printed 1,500 times (30 MB of timeline from 20 kB of text).
MAX_CITED_CHARS = 400
ELLIPSIS = "…"


def cited_excerpt(text: str, start: int, end: int, focus_start: int, focus_end: int) -> tuple[str, int]:
    """The sentence text[start:end] as cited for what lies at [focus_start, focus_end): the whole
    sentence, or for a very long one the words around it with an ellipsis where it was cut.

    Returns the text and the offset in `text` that its first character stands for, so that
    offsets into the paragraph still locate the focus inside the excerpt.
    """
    if end - start <= MAX_CITED_CHARS:
        return text[start:end], start
    margin = max(0, (MAX_CITED_CHARS - (focus_end - focus_start)) // 2)
    cut_start, cut_end = max(start, focus_start - margin), min(end, focus_end + margin)
    if cut_start > start:  # begin at a word: the next space after the cut, if it is not past the focus
        space = text.find(" ", cut_start, focus_start)
        cut_start = space + 1 if space != -1 else cut_start
    if cut_end < end:
        space = text.rfind(" ", focus_end, cut_end)
        cut_end = space if space != -1 else cut_end
    prefix = ELLIPSIS if cut_start > start else ""
    suffix = ELLIPSIS if cut_end < end else ""
    return prefix + text[cut_start:cut_end] + suffix, cut_start - len(prefix)
