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
    return SharedPassageIndex().update(articles)


Paragraph = tuple[str, int]  # (article id, paragraph number)


class SharedPassageIndex:
    """The inverted index and the pair counts, kept between builds: `update` indexes again only the
    articles whose paragraphs changed, and recounts only the shingles they hold. A first build is the
    same update, from an empty index. A pair's count is the sum, over the shingles both paragraphs
    hold, of each shingle's part (one, unless it is in more than `MAX_POSTINGS` paragraphs): so
    changing the paragraphs under some shingles changes the counts those shingles gave, and no other."""

    def __init__(self) -> None:
        self._indexed: dict[str, tuple] = {}  # article id -> its paragraphs as last indexed
        self._shingles: dict[Paragraph, frozenset[str]] = {}
        self._by_article: dict[str, list[Paragraph]] = {}  # article id -> its paragraphs in the index
        self._texts: dict[Paragraph, str] = {}  # the paragraph's words, to tell a copy word for word
        self._postings: dict[str, set[Paragraph]] = defaultdict(set)
        self._counts: Counter[tuple[Paragraph, Paragraph]] = Counter()  # pairs in sorted order
        self._shared: dict[tuple[Paragraph, Paragraph], tuple[float, bool]] = {}  # similarity, word for word

    def update(self, articles: Sequence[Article]) -> list[SharedPassage]:
        now = {article.metadata.article_id: article for article in articles}
        gone = {article_id for article_id in self._indexed
                if article_id not in now or now[article_id].paragraphs != self._indexed[article_id]}
        new = [article for article_id, article in now.items()
               if article_id not in self._indexed or article_id in gone]
        touched: dict[str, set[Paragraph]] = {}  # shingle -> the paragraphs holding it before this update
        for article_id in sorted(gone):
            del self._indexed[article_id]
            for paragraph in self._by_article.pop(article_id, []):
                for shingle in self._shingles.pop(paragraph):
                    if shingle not in touched:
                        touched[shingle] = set(self._postings[shingle])
                    self._postings[shingle].discard(paragraph)
                del self._texts[paragraph]
        for article in new:
            article_id = article.metadata.article_id
            self._indexed[article_id] = article.paragraphs
            self._by_article[article_id] = []
            for item in article.paragraphs:
                paragraph_shingles = shingles(item.text)
                if len(paragraph_shingles) < MIN_SHINGLES:
                    continue
                key = (article_id, item.number)
                self._shingles[key] = paragraph_shingles
                self._texts[key] = " ".join(_WORD.findall(fold(item.text)))
                self._by_article[article_id].append(key)
                for shingle in paragraph_shingles:
                    if shingle not in touched:
                        touched[shingle] = set(self._postings.get(shingle, ()))
                    self._postings[shingle].add(key)
        changed: set[tuple[Paragraph, Paragraph]] = set()
        for shingle, before in touched.items():
            after = self._postings.get(shingle, set())
            self._count(before, -1, changed)
            self._count(after, +1, changed)
            if not after:
                self._postings.pop(shingle, None)
        for pair in changed:
            self._judge(pair)
        return self._passages(articles)

    def _count(self, paragraphs: set[Paragraph], step: int, changed: set) -> None:
        if len(paragraphs) > MAX_POSTINGS:
            return  # a stock phrase: it counts for no pair
        ordered = sorted(paragraphs)
        for position, first in enumerate(ordered):
            for second in ordered[position + 1:]:
                if first[0] != second[0]:
                    self._counts[first, second] += step
                    changed.add((first, second))

    def _judge(self, pair: tuple[Paragraph, Paragraph]) -> None:
        shared = self._counts[pair]
        if shared <= 0:
            del self._counts[pair]
            self._shared.pop(pair, None)
            return
        first, second = pair
        similarity = shared / min(len(self._shingles[first]), len(self._shingles[second]))
        if similarity >= MIN_SIMILARITY:
            self._shared[pair] = (round(similarity, 2), self._texts[first] == self._texts[second])
        else:
            self._shared.pop(pair, None)

    def _passages(self, articles: Sequence[Article]) -> list[SharedPassage]:
        """Each pair with the paragraph read first (in the articles' order) first, as a reader meets them."""
        position = {article.metadata.article_id: index for index, article in enumerate(articles)}
        passages = []
        for (one, other), (similarity, verbatim) in self._shared.items():
            first, second = sorted((one, other), key=lambda key: (position[key[0]], key[1]))
            passages.append(SharedPassage(first, second, similarity, verbatim=verbatim))
        return sorted(passages, key=lambda p: (p.first, p.second))
