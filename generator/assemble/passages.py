"""Paragraphs that two or more articles share, found without comparing every pair of articles.

Each paragraph becomes a set of word 5-grams ("shingles"); an inverted index from shingle
to paragraphs yields only the pairs that share some, and shingles printed in very many
paragraphs (stock phrases) are skipped. A pair counts when most of the shorter paragraph's
shingles are in the other one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.model import Article, SharedPassage
from generator.text.fold import fold

SHINGLE_WORDS = 5
MIN_SHINGLES = 4  # paragraphs shorter than about eight words are too short to call shared
MIN_SIMILARITY = 0.6
MAX_POSTINGS = 50  # a shingle in more paragraphs than this is a stock phrase, not a sign of copying

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> frozenset[str]:
    """Word 5-grams as text, not hashes: Python salts str hashes per process, and output must not vary."""
    words = _WORD.findall(fold(text))
    return frozenset(" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def find_shared_passages(articles: Sequence[Article]) -> list[SharedPassage]:
    keys: list[tuple[str, int]] = []
    sets: list[frozenset[str]] = []
    texts: list[str] = []
    for article in articles:
        for paragraph in article.paragraphs:
            paragraph_shingles = shingles(paragraph.text)
            if len(paragraph_shingles) >= MIN_SHINGLES:
                keys.append((article.metadata.article_id, paragraph.number))
                sets.append(paragraph_shingles)
                texts.append(" ".join(_WORD.findall(fold(paragraph.text))))

    postings: dict[str, list[int]] = defaultdict(list)
    for index, paragraph_shingles in enumerate(sets):
        for shingle in paragraph_shingles:
            postings[shingle].append(index)
    shared_counts: Counter[tuple[int, int]] = Counter()
    for indexes in postings.values():
        if len(indexes) > MAX_POSTINGS:
            continue
        for position, first in enumerate(indexes):
            for second in indexes[position + 1:]:
                if keys[first][0] != keys[second][0]:
                    shared_counts[(first, second)] += 1

    passages = []
    for (first, second), shared in shared_counts.items():
        similarity = shared / min(len(sets[first]), len(sets[second]))
        if similarity >= MIN_SIMILARITY:
            passages.append(SharedPassage(keys[first], keys[second], round(similarity, 2),
                                          verbatim=texts[first] == texts[second]))
    return sorted(passages, key=lambda p: (p.first, p.second))
