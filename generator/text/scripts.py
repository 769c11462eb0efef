"""Which script a text is written in, and which way a language runs: one answer for every stage that asks
(names found in Persian text, names compared across scripts, links isolated, pages set right to left)."""

from __future__ import annotations

import re

#: A letter of the Arabic script, as Dari, Persian, Pashto and Arabic write it.
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
#: A letter of any right-to-left script (Hebrew, Arabic, Syriac, Thaana and their presentation forms).
RIGHT_TO_LEFT_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
#: Languages written right to left (ISO 639-1, and the 639-3 codes curators use for Dari and Southern Pashto).
RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "fa", "ps", "ur", "he", "yi", "sd", "ug", "dv", "ku", "ckb", "prs", "pes",
                                     "pbt"})


def direction(language: str | None) -> str | None:
    """"rtl" or "ltr" for a language code ("fa", "fa-AF", "prs"); None when the language is unknown."""
    if not language:
        return None
    return "rtl" if language.replace("_", "-").split("-")[0].lower() in RIGHT_TO_LEFT_LANGUAGES else "ltr"
