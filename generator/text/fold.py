"""Folding text for matching names, one character for one, so offsets map back.

Case, typographic quotes and dashes, Arabic/Persian letter variants (ك/ک, ي/ی),
ZWNJ and bidi controls all fold to one form; the original is kept for display.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = {
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-",
    "ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "آ": "ا",
    "\u200c": " ", "\u200d": " ", "\u00a0": " ",
}
#: Embeddings, overrides and isolates: they can make text display in a misleading order.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Left-to-right and right-to-left marks: ordinary in Persian text, but no part of a name.
BIDI_MARKS = frozenset("\u200e\u200f")
#: C0 and C1 controls (tab and line ends aside) and Unicode noncharacters: invisible, meaningless in an
#: article, and not allowed in XML, so a feed carrying one is invalid.
INVISIBLE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
                                + "".join(f"{chr(plane << 16 | 0xfffe)}{chr(plane << 16 | 0xffff)}" for plane in range(1, 17))
                                + "]")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    if char in BIDI_CONTROLS or char in BIDI_MARKS:
        return " "
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


_TABLE = {ord(char): replacement for char, replacement in _SPECIAL.items()}
_TABLE.update({ord(char): " " for char in BIDI_CONTROLS | BIDI_MARKS})


def fold(text: str) -> str:
    """Same length as `text`: position i of the result stands for position i of the input.

    Callers pass NFC text (ingest normalises every article), so no character is split. The fast
    path (one translate, one lower) holds whenever no character lowercases to two ("İ"): then the
    lengths differ and each character is folded on its own.
    """
    folded = text.translate(_TABLE).lower()
    if len(folded) == len(text):
        return folded
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=1 << 17)  # the same names are keyed over and over, for every mention
def fold_key(text: str) -> str:
    """A comparison key for a name: NFC, folded, spaces collapsed, edges trimmed."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())
