"""Paragraphs that two or more articles share, found without comparing every pair of articles.

Each paragraph becomes a set of word 5-grams ("shingles"); an inverted index from shingle
to paragraphs yields only the pairs that share some, and shingles printed in very many
paragraphs (stock phrases) are skipped. A pair counts when most of the shorter paragraph's
shingles are in the other one.
"""

from __future__ import annotations

import re
from collections import Counter
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
    """The inverted index of the dossier's paragraphs, kept between builds: `update` indexes again only
    the articles whose paragraphs changed. A pair of paragraphs shares a passage by the shingles they
    both hold, each counted unless it is in more than `MAX_POSTINGS` paragraphs; so an update judges
    again only the pairs that hold a shingle whose paragraphs changed. A first build (or an update of
    much of the dossier) counts every pair at once instead, as the reference algorithm does."""

    def __init__(self) -> None:
        self._indexed: dict[str, tuple] = {}  # article id -> its paragraphs as last indexed
        self._by_article: dict[str, list[Paragraph]] = {}  # article id -> its paragraphs in the index
        self._shingles: dict[Paragraph, frozenset[str]] = {}
        self._texts: dict[Paragraph, str] = {}  # the paragraph's words, to tell a copy word for word
        self._postings: dict[str, list[Paragraph]] = {}
        self._shared: dict[tuple[Paragraph, Paragraph], tuple[float, bool]] = {}  # similarity, word for word

    def update(self, articles: Sequence[Article]) -> list[SharedPassage]:
        now = {article.metadata.article_id: article for article in articles}
        gone = {article_id for article_id in self._indexed
                if article_id not in now or now[article_id].paragraphs != self._indexed[article_id]}
        new = [article for article_id, article in now.items() if article_id not in self._indexed or article_id in gone]
        touched: dict[str, list[Paragraph]] = {}  # shingle -> the paragraphs holding it before this update
        for article_id in sorted(gone):
            del self._indexed[article_id]
            for paragraph in self._by_article.pop(article_id):
                for shingle in self._shingles.pop(paragraph):
                    touched.setdefault(shingle, list(self._postings[shingle]))
                    self._postings[shingle].remove(paragraph)
                del self._texts[paragraph]
        for article in new:
            self._add(article, touched)
        if len(touched) > len(self._postings) // 4:
            self._shared = self._count_all()
        else:
            self._judge_again(touched)
        return self._passages(articles)

    def _add(self, article: Article, touched: dict[str, list[Paragraph]]) -> None:
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
                postings = self._postings.setdefault(shingle, [])
                touched.setdefault(shingle, list(postings))
                postings.append(key)

    def _count_all(self) -> dict[tuple[Paragraph, Paragraph], tuple[float, bool]]:
        counts: Counter[tuple[Paragraph, Paragraph]] = Counter()
        for postings in self._postings.values():
            if len(postings) <= MAX_POSTINGS:
                for first, second in _pairs(postings):
                    counts[first, second] += 1
        return {pair: judged for pair, shared in counts.items() if (judged := self._judged(pair, shared))}

    def _judge_again(self, touched: dict[str, list[Paragraph]]) -> None:
        """The pairs whose count a changed shingle may have changed: every pair of its paragraphs when
        it became, or stopped being, a stock phrase; else the pairs of a paragraph added or removed."""
        for pair in [pair for pair in self._shared if pair[0] not in self._shingles or pair[1] not in self._shingles]:
            del self._shared[pair]
        again: set[tuple[Paragraph, Paragraph]] = set()
        for shingle, before in touched.items():
            after = self._postings.get(shingle, [])
            if (len(before) <= MAX_POSTINGS) != (len(after) <= MAX_POSTINGS):
                again.update(_pairs(before if len(before) <= MAX_POSTINGS else after))
            elif len(after) <= MAX_POSTINGS:
                for paragraph in set(before).symmetric_difference(after):
                    again.update(_pairs([paragraph, *after]))
            if not after:
                self._postings.pop(shingle, None)
        for pair in again:
            if pair[0] in self._shingles and pair[1] in self._shingles:
                shared = sum(1 for shingle in self._shingles[pair[0]] & self._shingles[pair[1]]
                             if len(self._postings[shingle]) <= MAX_POSTINGS)
                judged = self._judged(pair, shared)
                if judged:
                    self._shared[pair] = judged
                else:
                    self._shared.pop(pair, None)

    def _judged(self, pair: tuple[Paragraph, Paragraph], shared: int) -> tuple[float, bool] | None:
        first, second = pair
        similarity = shared / min(len(self._shingles[first]), len(self._shingles[second]))
        if similarity < MIN_SIMILARITY:
            return None
        return round(similarity, 2), self._texts[first] == self._texts[second]

    def _passages(self, articles: Sequence[Article]) -> list[SharedPassage]:
        """Each pair with the paragraph read first (in the articles' order) first, as a reader meets them."""
        position = {article.metadata.article_id: index for index, article in enumerate(articles)}
        passages = []
        for (one, other), (similarity, verbatim) in self._shared.items():
            first, second = sorted((one, other), key=lambda key: (position[key[0]], key[1]))
            passages.append(SharedPassage(first, second, similarity, verbatim=verbatim))
        return sorted(passages, key=lambda p: (p.first, p.second))


def _pairs(paragraphs: Sequence[Paragraph]):
    """Each pair of paragraphs of two different articles, in sorted order."""
    ordered = sorted(set(paragraphs))
    for position, first in enumerate(ordered):
        for second in ordered[position + 1:]:
            if first[0] != second[0]:
                yield first, second
