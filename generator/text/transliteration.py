"""A name's consonant skeleton, from Latin or Persian script, to notice that "ذبیح‌الله مجاهد" may be the
registered "Zabihullah Mujahid".

Persian script writes few vowels and romanisations differ (Zabiullah, Zabihullah, Zabeehullah), so names are
compared by their consonants, with the letters one romanisation writes as another's folded together. Two
skeletons alike are a question for the curator (`dossier review`), never a merge.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from generator.text.scripts import ARABIC_SCRIPT

#: Persian and Arabic letters as the consonant class their romanisations write; vowel carriers (ا و ی), the
#: ʿayn and the tatweel write nothing.
_PERSIAN = {
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j", "چ": "c", "ح": "h", "ه": "h",
    "خ": "x", "د": "d", "ذ": "z", "ز": "z", "ض": "z", "ظ": "z", "ر": "r", "ژ": "j", "ش": "c", "ف": "f", "ق": "k",
    "ک": "k", "ك": "k", "گ": "g", "غ": "g", "ل": "l", "م": "m", "ن": "n",
}
#: Latin spellings as the same classes: the digraphs first, to a capital a single letter cannot become (so the "c"
#: that "sh" is written as is not then read as the "c" of "Karim" spelt "Carim"), then the single letters.
_LATIN_DIGRAPHS = (("kh", "X"), ("gh", "G"), ("sh", "C"), ("ch", "C"), ("zh", "J"), ("th", "T"), ("ph", "F"),
                   ("dh", "Z"), ("q", "k"), ("c", "k"), ("x", "ks"))
#: Two names this alike by their skeletons are proposed to the curator as perhaps one.
ALIKE = 0.8


def skeleton(name: str) -> str:
    """The consonants of a name, in the classes above, doubled letters once, words run together."""
    if ARABIC_SCRIPT.search(name):
        letters = "".join(_PERSIAN.get(char, "") for char in name)
    else:
        text = unicodedata.normalize("NFKD", name).casefold()
        text = "".join(char if "a" <= char <= "z" else " " for char in text)
        for written, as_class in _LATIN_DIGRAPHS:  # word by word: "Narges Heidari" has no "sh"
            text = " ".join(word.replace(written, as_class) for word in text.split())
        letters = re.sub(r"[aeiouywv ]", "", text).lower()
    return re.sub(r"(.)\1+", r"\1", letters)


def alike(persian: str, latin: str) -> bool:
    first, second = skeleton(persian), skeleton(latin)
    return len(first) >= 3 and SequenceMatcher(None, first, second).ratio() >= ALIKE
