"""Words that look like a protected name but were published as written: for the curator to judge.

Redaction hides every spelling the registry lists, in any disguise (`spelling`); it cannot know
that "Exampel" or "Egzample" is the same person in another transliteration. `check` and the review page
list every word of the published articles within a small edit distance of a protected name's
word (one letter for short words, two for long ones), or with the same consonants (vowels and
doubled letters aside: the usual variation of transliterated names), by file, line and pseudonym.
The word itself is never printed: it may be the name.

Candidates are found through deletion neighbourhoods (each word and the words made by deleting
one or two of its letters), so the cost grows with the text, not with the number of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from generator.model import Dossier
from generator.protect.redact import Redactor, redactor_for
from generator.protect.spelling import words

#: Words shorter than this are never listed: too many short words are one letter from a name.
MIN_LETTERS = 4
_VOWELS = re.compile(r"[aeiouyw]+")
_DOUBLE = re.compile(r"(.)\1+")
_SOUND = str.maketrans({"q": "k", "c": "k", "z": "s", "v": "f", "j": "g"})


@dataclass(frozen=True)
class NearMiss:
    source_name: str
    line: int
    pseudonym: str
    letters: int  # the length of the word, the only thing said about it
    how: str  # "1 letter away from", "the same consonants as", "the given name of"

    def __str__(self) -> str:
        return (f"{self.source_name}:{self.line}: a {self.letters}-letter word is {self.how} a name of "
                f"{self.pseudonym}, and is published as written. If it is this person, add that spelling to the "
                "entry's aliases; if not, nothing needs doing.")


def _allowed_edits(word: str) -> int:
    return 1 if len(word) < 8 else 2


def _deletions(word: str, count: int) -> set[str]:
    found = {word}
    for removed in range(1, count + 1):
        found.update("".join(c for i, c in enumerate(word) if i not in drop)
                     for drop in combinations(range(len(word)), removed))
    return found


def _consonants(word: str) -> str:
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", word.translate(_SOUND).replace("ph", "f")))


def _distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    previous2, previous = [], list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


class _Index:
    """The words of every protected spelling, by deletion and by consonants."""

    def __init__(self, redactor: Redactor) -> None:
        self.exact: dict[str, str] = {}
        self.given: dict[str, str] = {}
        self.by_deletion: dict[str, set[tuple[str, str]]] = {}
        self.by_consonants: dict[str, set[str]] = {}
        for entry in redactor.protected:
            for spelling in entry.spellings:
                for word in words(spelling):
                    self._add(word, entry.pseudonym)
            for given in entry.given_names:
                for word in words(given):
                    self.given.setdefault(word, entry.pseudonym)
                    self._add(word, entry.pseudonym)

    def _add(self, word: str, pseudonym: str) -> None:
        if len(word) < MIN_LETTERS:
            return
        self.exact.setdefault(word, pseudonym)
        for deleted in _deletions(word, _allowed_edits(word)):
            self.by_deletion.setdefault(deleted, set()).add((word, pseudonym))
        if len(consonants := _consonants(word)) >= 2:
            self.by_consonants.setdefault(consonants, set()).add(pseudonym)

    def judge(self, word: str) -> tuple[str, str] | None:
        """(how, pseudonym) when `word` is close to a protected word; None otherwise."""
        if word in self.given:
            return "the given name alone (in an article that names no protected person by it) of", self.given[word]
        if word in self.exact:
            return None  # a whole protected word left as written is part of an unrelated name ("Ann Lee Ross")
        for deleted in _deletions(word, _allowed_edits(word)):
            for protected, pseudonym in sorted(self.by_deletion.get(deleted, ())):
                edits = _distance(word, protected)
                if 0 < edits <= min(_allowed_edits(word), _allowed_edits(protected)):
                    return f"{edits} letter{'s' if edits > 1 else ''} away from", pseudonym
        if len(consonants := _consonants(word)) >= 2 and consonants in self.by_consonants:
            return "spelt with the same consonants as", sorted(self.by_consonants[consonants])[0]
        return None


def near_misses(dossier: Dossier) -> list[NearMiss]:
    """Every published word close to a protected name, by file and line."""
    redactor = redactor_for(dossier.protected)
    if not redactor:
        return []
    index = _Index(redactor)
    judged: dict[str, tuple[str, str] | None] = {}
    found = []
    for article in dossier.articles:
        for number, line in enumerate(article.source.text.splitlines(), start=1):
            for word in _line_words(line):
                if word not in judged:
                    judged[word] = index.judge(word)
                if judged[word] is not None:
                    how, pseudonym = judged[word]
                    found.append(NearMiss(article.source.name, number, pseudonym, len(word), how))
    return list(dict.fromkeys(found))


def _line_words(line: str) -> Iterator[str]:
    for word in words(line):
        if len(word) >= MIN_LETTERS and not word.isdigit():
            yield word
