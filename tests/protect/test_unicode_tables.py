"""The Unicode tables the protection reads (`generator/data/confusables.txt`, `default_ignorable.txt`) are ICU's.

The generator reads them as data so that installing it needs no compiled ICU; here they are checked against
ICU itself (the prebuilt `pyicu-wheels`, a test dependency) for every code point. When a newer ICU changes
them, `python -m tests.protect.test_unicode_tables` writes them again.
"""

from __future__ import annotations

import sys
import unicodedata

import icu

from generator.protect.spelling import is_default_ignorable, skeleton
from tests.conftest import PROJECT

DATA = PROJECT / "generator" / "data"
CODE_POINTS = [code for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]


def confusables_text() -> str:
    """ICU's confusable prototype of each character that is its own decomposition and has one."""
    spoof = icu.SpoofChecker()
    lines = [f"# Unicode TR39 confusable prototypes, as ICU {icu.ICU_VERSION} (Unicode {icu.UNICODE_VERSION}) gives "
             "them: a character, ';', the characters it looks like.",
             "# The skeleton of a text is its NFD with each character so replaced, in NFD again. "
             "Written by tests/protect/test_unicode_tables.py."]
    for code in CODE_POINTS:
        char = chr(code)
        if unicodedata.normalize("NFD", char) == char and (prototype := spoof.getSkeleton(0, char)) != char:
            lines.append(f"{code:04X} ; {' '.join(f'{ord(part):04X}' for part in prototype)}")
    return "\n".join(lines) + "\n"


def default_ignorable_text() -> str:
    """The ranges of ICU's Default_Ignorable_Code_Point characters."""
    ranges: list[list[int]] = []
    for code in CODE_POINTS:
        if icu.Char.hasBinaryProperty(chr(code), icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    lines = [f"# Default_Ignorable_Code_Point, as ICU {icu.ICU_VERSION} (Unicode {icu.UNICODE_VERSION}) gives it: "
             "a code point or a range first..last.", "# Written by tests/protect/test_unicode_tables.py."]
    lines += [f"{first:04X}" if first == last else f"{first:04X}..{last:04X}" for first, last in ranges]
    return "\n".join(lines) + "\n"


def test_the_confusables_table_is_icus():
    assert (DATA / "confusables.txt").read_text(encoding="utf-8") == confusables_text()


def test_the_default_ignorable_table_is_icus():
    assert (DATA / "default_ignorable.txt").read_text(encoding="utf-8") == default_ignorable_text()


def test_every_characters_skeleton_and_ignorability_are_icus():
    spoof = icu.SpoofChecker()
    ignorable = icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT
    for code in CODE_POINTS:
        char = chr(code)
        assert skeleton(char) == spoof.getSkeleton(0, char), f"U+{code:04X}"
        assert is_default_ignorable(char) == icu.Char.hasBinaryProperty(char, ignorable), f"U+{code:04X}"


def test_a_texts_skeleton_is_icus():
    spoof = icu.SpoofChecker()
    for text in ("Јаnе Ехаmрlе", "ﬁnancial", "Ｊａｎｅ", "Zoë Noor", "ⅰⅴ", "رحمان‌زاده", "Δημήτρης", "𝐉𝐚𝐧𝐞"):
        assert skeleton(text) == spoof.getSkeleton(0, text), text


if __name__ == "__main__":
    (DATA / "confusables.txt").write_text(confusables_text(), encoding="utf-8")
    (DATA / "default_ignorable.txt").write_text(default_ignorable_text(), encoding="utf-8")
    sys.exit(0)
