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
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(paragraph: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.start()
        closing = re.match(r"[\"'”’)\]]*", paragraph[end:]).group(0)
        candidate = paragraph[start:end + len(closing)]
        last_word = candidate.rstrip("\"'”’)]").rsplit(None, 1)[-1].rstrip(".").lower() if candidate.strip() else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
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
