"""A protected person written in Persian script under a spelling nobody registered: hidden, and the curator told.

The curator registers "Laila Hamidi" as protected; a Dari report writes her "لیلا حمیدی". Redaction hides every
spelling the registry lists, and this one it does not list: left as written, the page names her. So in Persian
text every run of two or three words with the consonants of a protected person's Latin name of two or more
words (`text.transliteration`: the comparison `review` uses to propose cross-script aliases) is hidden under the
pseudonym, and the same surname alone after it in that article too. A stranger with a name alike is hidden
as well, which is the safe side; the warning says how to publish them: register that spelling for them (or for
the protected person, to make the hiding certain). The words found are never printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from generator.model import EntityKind, Protected
from generator.text.persian_words import BODY_HEADS, LIGHT_VERBS, NOT_NAME, TITLES, bare, phrase_key
from generator.text.scripts import ARABIC_SCRIPT
from generator.text.transliteration import ALIKE, skeleton

#: How alike a name's surname, and its given names, must be on their own (short words differ more by one letter:
#: "گوترش" and "Guterres", "امیرخان" and "Amir Khan").
PART_ALIKE = 0.7

#: A Persian word: letters of the Arabic script with their joiners and vowel marks.
_WORD = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff](?:[\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u0670\u200c])*")
#: Words no person's name holds: function words, verbs, titles, the nouns that open a body's name ("کانون زنان").
_NEVER_NAMES = NOT_NAME | LIGHT_VERBS | TITLES | BODY_HEADS
#: The fewest consonants a run must have to be compared: two short words alike by chance are not a name.
MIN_CONSONANTS = 4


@dataclass(frozen=True)
class Hidden:
    pseudonym: str
    line: int


class CrossScript:
    """The protected people's Latin names, by their consonants, and the Persian spellings the registry publishes."""

    def __init__(self, protected: Iterable[Protected], published: Iterable[str] = ()) -> None:
        #: (whole name, given names, surname) of each Latin spelling, as `_coarse` reads them, and its pseudonym
        self._people = [((_coarse(spelling), _coarse(" ".join(spelling.split()[:-1])), _coarse(spelling.split()[-1])),
                         entry.pseudonym) for entry in protected
                        if entry.kind is EntityKind.PERSON for spelling in entry.spellings
                        if len(spelling.split()) >= 2 and not ARABIC_SCRIPT.search(spelling)
                        and len(_coarse(spelling)) >= MIN_CONSONANTS]
        self._published = frozenset(phrase_key(name) for name in published if ARABIC_SCRIPT.search(name))

    def __bool__(self) -> bool:
        return bool(self._people)

    def hide(self, text: str) -> tuple[str, list[Hidden]]:
        """`text` with every Persian run alike a protected name, and its surname alone after it, replaced by the
        pseudonym; and where each was (line numbers, for the warning)."""
        if not self or not ARABIC_SCRIPT.search(text):
            return text, []
        words = list(_WORD.finditer(text))
        hits: list[tuple[int, int, str]] = []
        surnames: dict[str, str] = {}
        index = 0
        while index < len(words):
            hit = self._run_at(text, words, index)
            if hit is None:
                index += 1
                continue
            end_index, pseudonym = hit
            hits.append((words[index].start(), words[end_index].end(), pseudonym))
            surnames.setdefault(phrase_key(words[end_index].group(0)), pseudonym)
            index = end_index + 1
        taken = [(start, end) for start, end, _ in hits]
        for word in words:  # "حمیدی گفت" after "لیلا حمیدی": the surname alone, as a registered one is hidden
            pseudonym = surnames.get(phrase_key(word.group(0)))
            if pseudonym and not any(start <= word.start() < end for start, end in taken) \
                    and len(bare(word.group(0))) >= 3:
                hits.append((word.start(), word.end(), pseudonym))
        if not hits:
            return text, []
        hits.sort()
        parts, last, hidden = [], 0, []
        for start, end, pseudonym in hits:
            parts += [text[last:start], pseudonym]
            last = end
            hidden.append(Hidden(pseudonym, text.count("\n", 0, start) + 1))
        return "".join(parts) + text[last:], hidden

    def _run_at(self, text: str, words, index: int) -> tuple[int, str] | None:
        """The last word of the longest run from words[index] alike a protected name, and its pseudonym."""
        for length in (3, 2):
            end_index = index + length - 1
            if end_index >= len(words) or any(text[words[i].end():words[i + 1].start()].strip(" \u200c")
                                              for i in range(index, end_index)):
                continue  # only spaces between the words of one name
            run = text[words[index].start():words[end_index].end()]
            if any(bare(word.group(0)) in _NEVER_NAMES or word.group(0).startswith(("می\u200c", "نمی\u200c"))
                   or len(bare(word.group(0))) < 3 for word in words[index:end_index + 1]):
                continue  # "کرد که" (did that), "ملا محمد", "سر کار": a verb, a function word, a title or a word
                # of two letters is no name's
            if phrase_key(run) in self._published:
                return None  # the registry names someone by this spelling: theirs, published
            consonants = _coarse(run)
            if len(consonants) < MIN_CONSONANTS:
                continue
            given = _coarse(text[words[index].start():words[end_index - 1].end()])
            surname = _coarse(words[end_index].group(0))
            for (latin, latin_given, latin_surname), pseudonym in self._people:
                if consonants[0] == latin[0] and abs(len(consonants) - len(latin)) <= 3 \
                        and _alike(consonants, latin, ALIKE) and _alike(surname, latin_surname) \
                        and _alike(given, latin_given):
                    return end_index, pseudonym  # the whole name alike, its surname and its given names each
        return None


def _alike(first: str, second: str, threshold: float = PART_ALIKE) -> bool:
    """Two names' consonants (`_coarse`) this alike, the ratio `transliteration.alike` uses."""
    return bool(first and second) and SequenceMatcher(None, first, second).ratio() >= threshold


def _coarse(name: str) -> str:
    """The skeleton with the letters romanisations trade most for one another as one: ز and س both s ("Rosa" is
    written "رزا"), a Latin v as the f Persian writes it with ("Volker", "فولکر"), and so a word's first و. Coarser than `review`'s
    comparison, because here a name missed is a person published."""
    if not ARABIC_SCRIPT.search(name):
        return skeleton(re.sub(r"v", "f", name, flags=re.IGNORECASE)).replace("z", "s")
    # a word's first و is the consonant v ("واسیلی", Vasily), not the vowel it writes inside a word
    letters = "".join(("f" if word.startswith("و") else "") + skeleton(word) for word in name.split())
    return re.sub(r"(.)\1+", r"\1", letters.replace("z", "s"))
