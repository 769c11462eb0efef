"""How often the dossier writes each word in small letters: the evidence that a capitalised "name"
("Bank", "U.S. Interest") is a common noun. Counted per article, once per text, and summed as a
running total that an edit changes by its own articles only: a preview recounts one article, not
every word of the dossier."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from generator.model import Article


class Tally(Counter):
    """A Counter made by `dict.__init__`: a build makes tens of thousands of empty ones (one per name
    and per entity), and Counter's own `__init__` is a Python call to `update` each time."""

    __init__ = dict.__init__  # type: ignore[assignment]


_INITIALS_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z]{2,5})"
#: "U.S.", "EC", or a compound of places or initials: "Japan-U.S.", "U.S.-Soviet", "Franco-German"
QUALIFIER = (rf"(?:[A-Z][A-Za-z.]*-)*{_INITIALS_WORD}(?:-[A-Z][A-Za-z.]*)*"
             r"|[A-Z][a-z]+(?:-[A-Z][A-Za-z.]*)+")
_LOWER_AFTER_INITIALS = re.compile(rf"(?<![\w.-])({QUALIFIER}) ([a-z]+)")
_LOWER_WORD = re.compile(r"(?<![\w.'’-])[a-z][a-z'’-]+")
_POSSESSIVE_END = re.compile(r"['’]s?$")


@lru_cache(maxsize=1 << 13)
def _counts_of(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    lower = Counter(_POSSESSIVE_END.sub("", word) for word in _LOWER_WORD.findall(text))  # "the kingdom's"
    return lower, Counter(_LOWER_AFTER_INITIALS.findall(text))


class _RunningTotal:
    """The sum of the last build's per-text counts, and which texts it holds: the next build adds the
    texts that are new and takes away those that went. Given any texts, the same sum as counting anew."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.texts: Counter[str] = Counter()  # a text -> how many articles have it (copies are counted twice)
        self.lower: Counter[str] = Counter()
        self.lower_after: Counter[tuple[str, str]] = Counter()

    def of(self, texts: Sequence[str]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
        with self.lock:
            wanted = Counter(texts)
            for text in (wanted - self.texts).elements():
                lower, after = _counts_of(text)
                self.lower.update(lower)
                self.lower_after.update(after)
            for text in (self.texts - wanted).elements():
                lower, after = _counts_of(text)
                self.lower.subtract(lower)
                self.lower_after.subtract(after)
            self.texts = wanted
            return Counter(self.lower), Counter(self.lower_after)


_TOTAL = _RunningTotal()


def lower_case_counts(articles: Sequence[Article]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Word -> how often the articles write it in small letters; (initials, word) -> how often they write
    the word in small letters after those initials ("U.S. interest")."""
    return _TOTAL.of(["\n".join(paragraph.text for paragraph in article.paragraphs) for article in articles])
