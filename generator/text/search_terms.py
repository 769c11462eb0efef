"""Words as the site's search finds them: folded harder than names are matched (`fold`), so a reader who
types without accents, in another Persian or Arabic letter form, with Persian digits or a tatweel finds
the same word.

The search worker in the theme (`assets/javascripts/workers/dossier-search.js`) folds a query in the same
steps, with the table and the stop words the index's manifest gives it (`SEARCH_FOLD`, `STOP_WORDS`), so
both sides agree by construction; a browser test checks them against each other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from generator.resources import data_lines
from generator.text.fold import BIDI_CONTROLS, BIDI_MARKS

#: Letters one form of which stands for all (after NFKD, which already strips hamza and madda marks),
#: digits of Persian and Arabic text as ASCII, and joiners and direction marks as spaces.
SEARCH_FOLD: dict[str, str] = {
    "ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه", "ۀ": "ه", "ٱ": "ا",
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},
    "\u200c": " ", "\u200d": " ", **{char: " " for char in sorted(BIDI_CONTROLS | BIDI_MARKS)},
}
_TABLE = str.maketrans(SEARCH_FOLD)
_WORD = re.compile(r"[^\W_]{2,}")  # letters and digits; one alone ("s" of "Reagan's") finds nothing
STOP_WORDS: frozenset[str] = frozenset(data_lines("search_stop_words"))


def search_fold(text: str) -> str:
    """Compatibility-decomposed, lowercased, every combining mark and the tatweel dropped, letter
    variants folded. The worker's version: `text.normalize("NFKD").toLowerCase()`, `/[\\p{M}\\u0640]/gu`
    removed, the table."""
    decomposed = unicodedata.normalize("NFKD", text).lower()
    if decomposed.isascii():
        return decomposed
    return _marks().sub("", decomposed).translate(_TABLE)


@lru_cache(maxsize=1)
def _marks() -> re.Pattern[str]:
    """Every code point of category M (and the tatweel), as one character class: built once, from the
    planes where marks are (the last: variation selectors)."""
    ranges, start, previous = [], None, None
    for code in [*range(0x300, 0x20000), *range(0xE0100, 0xE01F0)]:
        if unicodedata.category(chr(code)).startswith("M"):
            if start is None or code != previous + 1:
                if start is not None:
                    ranges.append((start, previous))
                start = code
            previous = code
    ranges.append((start, previous))
    return re.compile("[\u0640" + "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in ranges) + "]")


def search_terms(text: str) -> list[str]:
    """The words of `text` search indexes, folded, in order, stop words left out."""
    return [word for word in _WORD.findall(search_fold(text)) if word not in STOP_WORDS]
