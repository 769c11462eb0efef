"""Articles written all in capitals or all in lower case, read with the dossier's own capitals.

The language model finds names by their capitals, so a wire story in capitals, or one pasted
all in lower case, would yield no name at all. Such an article is read instead through a recased
copy of its text: each word takes the capitals the dossier's other articles give it most often
mid-sentence ("volcker" becomes "Volcker", "said" stays "said"), and each sentence opens with a
capital. The copy has the same length, so every offset still points into the article as written;
pages show the article as written, and the names as the dossier spells them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from sys import intern

_WORD = re.compile(r"[^\W\d_]+")
#: Two words side by side, overlapping ("New York Stock" gives "New York" and "York Stock").
_CAPITALISED_PAIR = re.compile(r"(?<![\w.])(?=([A-Z][a-z]+ [A-Z][a-z]+)\b)")
_LOWER_PAIR = re.compile(r"(?<![\w.])(?=([a-z]+ [a-z]+)\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][\"”’']?\s+|(?:^|\s)[\"“‘'])$")  # a quote opens only after a space
#: A text is written in capitals when so large a share of its letters are capitals, and in small
#: letters when so few are (ordinary prose has one capital a sentence at least: 1 % and more).
ONE_CASE_SHARE = 0.97
FEW_CAPITALS_SHARE = 0.003
#: ... or when so few of its words inside sentences start with a capital (news runs near 10 %, and its
#: lightest columns near 1 %).
FEW_CAPITALISED_WORDS_SHARE = 0.005
MIN_WORDS = 40
MIN_LETTERS = 40


_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")


def one_case(texts: Iterable[str]) -> str | None:
    """"upper" or "lower" when a Latin-script text is written all in capitals or all in small letters
    (Arabic or Persian script has no case, and is never one-case)."""
    joined = "\n".join(texts)
    upper, lower = len(_UPPER.findall(joined)), len(_LOWER.findall(joined))
    letters = upper + lower
    if letters < MIN_LETTERS:
        return None
    if upper >= ONE_CASE_SHARE * letters:
        return "upper"
    if upper <= FEW_CAPITALS_SHARE * letters or _few_capitalised_words(joined):
        return "lower"
    return None


def _few_capitalised_words(text: str) -> bool:
    """Sentences opened with a capital and every name in small letters ("a senior world bank official
    said ... david knox"): ordinary news capitalises one word in ten mid-sentence, such a paste almost none."""
    words = [match for match in _WORD.finditer(text) if len(match[0]) > 1]
    inside = [match[0] for match in words
              if not _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()])]
    if len(inside) < MIN_WORDS:
        return False
    return sum(word[0].isupper() for word in inside) <= FEW_CAPITALISED_WORDS_SHARE * len(inside)


@dataclass(frozen=True)
class CapitalTally:
    """How one article writes its words mid-sentence: summed over the dossier's articles into `Capitals`,
    so that an edit to one article counts that article again, not the dossier. Flat tuples of interned
    words, in the order first written: a preview keeps one for every article."""

    forms: tuple[tuple[str, str, int], ...]  # (word in small letters, a way it is written, how often)
    pairs: tuple[tuple[str, str, int], ...]  # the same for two capitalised words side by side
    lower_pairs: tuple[tuple[str, int], ...]  # two words written in small letters, and how often


def capital_tally(texts: Iterable[str]) -> CapitalTally:
    forms: dict[tuple[str, str], int] = {}
    pairs: dict[tuple[str, str], int] = {}
    lower_pairs: dict[str, int] = {}
    for text in texts:
        for match in _WORD.finditer(text):
            if len(match[0]) > 1 and not _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]):
                key = (match[0].lower(), match[0])
                forms[key] = forms.get(key, 0) + 1
        for match in _CAPITALISED_PAIR.finditer(text):
            if not _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]):
                key = (match[1].lower(), match[1])
                pairs[key] = pairs.get(key, 0) + 1
        for match in _LOWER_PAIR.finditer(text):
            lower_pairs[match[1]] = lower_pairs.get(match[1], 0) + 1
    return CapitalTally(tuple((intern(word), intern(form), count) for (word, form), count in forms.items()),
                        tuple((intern(pair), intern(form), count) for (pair, form), count in pairs.items()),
                        tuple((intern(pair), count) for pair, count in lower_pairs.items()))


def words_to_recase(texts: Iterable[str]) -> frozenset[str]:
    """The words, and the pairs of words side by side, that `Capitals.recase` looks up for these texts
    (in small letters): the dossier's tallies are summed for these only."""
    wanted: set[str] = set()
    for text in texts:
        words = list(_WORD.finditer(text))
        wanted.update(match[0].lower() for match in words)
        wanted.update(f"{first[0]} {second[0]}".lower() for first, second in zip(words, words[1:], strict=False)
                      if second.start() == first.end() + 1 and text[first.end()] == " ")
    return frozenset(wanted)


class Capitals:
    """How the dossier's normally written articles capitalise each word, mid-sentence: from their
    tallies, for the words in `wanted` (all, when None)."""

    def __init__(self, tallies: Iterable[CapitalTally], wanted: frozenset[str] | None = None) -> None:
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        pairs: dict[str, Counter[str]] = defaultdict(Counter)
        lower_pairs: Counter[str] = Counter()
        for tally in tallies:  # in the articles' order, so that a tie goes to the way written first, as in one text
            for into, counts in ((forms, tally.forms), (pairs, tally.pairs)):
                for word, form, count in counts:
                    if wanted is None or word in wanted:
                        into[word][form] += count
            for pair, count in tally.lower_pairs:
                if wanted is None or pair in wanted:
                    lower_pairs[pair] += count
        self._form = {word: counts.most_common(1)[0][0] for word, counts in forms.items()}
        # "World Bank": two words written in capitals together more often than the pair is written in small
        # letters, though each alone is mostly small ("the world", "a bank")
        self._pair = {pair: form for pair, counts in pairs.items()
                      if counts[form := counts.most_common(1)[0][0]] > lower_pairs[pair]}

    @classmethod
    def of(cls, texts: Iterable[str]) -> Capitals:
        return cls([capital_tally(texts)])

    def recase(self, text: str) -> str:
        """`text` with each word as the dossier usually writes it, and sentences opened; same length."""
        def word(match: re.Match) -> str:
            if len(match[0]) == 1 and text[match.end():match.end() + 1] == ".":
                return match[0]  # an initial, as in "U.S." or "J. Smith": as written
            form = self._form.get(match[0].lower(), match[0].lower())
            if len(form) != len(match[0]):
                form = match[0].lower()
            if _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]):
                form = form[:1].upper() + form[1:]
            return form
        recased = _WORD.sub(word, text)
        if not self._pair:
            return recased
        chars = list(recased)
        words = list(_WORD.finditer(recased))
        for first, second in zip(words, words[1:], strict=False):
            if second.start() == first.end() + 1 and recased[first.end()] == " ":
                form = self._pair.get(f"{first[0]} {second[0]}".lower())
                if form and len(form) == second.end() - first.start():
                    chars[first.start():second.end()] = form
        return "".join(chars)
