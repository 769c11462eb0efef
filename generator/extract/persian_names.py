"""Names in Persian text that no model finds: places and bodies from a gazetteer, people by a title or a role.

No Persian name-recognition model installs from the package index, so Dari and Persian text gets two kinds of
evidence a reader would use too: a gazetteer of places and bodies Afghan and Iranian news name every day
(`generator/data/persian_gazetteer.txt`, each under the English name the rest of the dossier uses), and the
words that announce a person: a title before the name (آقای، خانم، مولوی، ملا، دکتر …) or a role after it,
set off by a comma ("ذبیح‌الله مجاهد، سخنگوی طالبان"). A name found so is the model's kind of finding:
unreviewed until the curator registers it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from generator.extract.name_rules import Span
from generator.model import EntityKind
from generator.resources import data_lines
from generator.text.fold import fold
from generator.text.scripts import ARABIC_SCRIPT

_WORD = r"[\u0600-\u06ff][\u0600-\u06ff\u200c]*"
#: Words that are never part of a name: prepositions, conjunctions, verbs of saying, pronouns.
_NOT_NAME = frozenset("در از به که و با را برای تا این آن او وی گفت افزود اعلام کرد است بود شد می نیز هم یک".split())
_TITLES = r"آقای|خانم|مولوی|مولانا|ملا|دکتر|داکتر|حاجی|قاری|انجینیر|استاد|شیخ"
_ROLES = (r"سخنگوی|رئیس|رییس|وزیر|معاون|فرمانده|والی|سفیر|نماینده|مدیر|بنیان‌گذار|بنیانگذار|فعال|عضو|مشاور"
          r"|سرپرست|دبیرکل|مسئول|رهبر|قاضی|وکیل|خبرنگار|گزارشگر")
_TITLED = re.compile(rf"(?<![\w\u200c])(?:{_TITLES})\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})")
_WITH_ROLE = re.compile(rf"(?:^|(?<=[.،:؛!؟«»\n]\s)|(?<=^\s))(?P<name>{_WORD}(?:\s+{_WORD}){{1,2}})\s*،\s*(?:{_ROLES})"
                        r"(?![\w\u200c])")


@lru_cache(maxsize=1)
def _gazetteer():
    automaton = ahocorasick.Automaton()
    for line in data_lines("persian_gazetteer"):
        kind, name, spellings = line.split("\t")
        for spelling in spellings.split(" | "):
            key = _key(spelling)
            automaton.add_word(key, (key, name, EntityKind(kind)))
    automaton.make_automaton()
    return automaton


def _key(text: str) -> str:
    """Folded as the matcher folds (ي/ی, ك/ک), a joiner as a space: the same length as the text."""
    return fold(text).replace("\u200c", " ")


def persian_spans(text: str) -> list[Span]:
    """Places, bodies and people in a paragraph's Persian text; nothing for a paragraph without Arabic script."""
    if not ARABIC_SCRIPT.search(text):
        return []
    folded = _key(text)
    spans = []
    for end_index, (key, name, kind) in _gazetteer().iter(folded):
        start, end = end_index - len(key) + 1, end_index + 1
        if _bounded(folded, start, end):
            spans.append(Span(start, end, name, kind, "rule"))
    for pattern in (_TITLED, _WITH_ROLE):
        for match in pattern.finditer(text):
            words = []
            for word in match["name"].split():  # "مولوی عبدالکبیر در هرات": the name stops before "در"
                if word in _NOT_NAME:
                    break
                words.append(word)
            if not words or (pattern is _WITH_ROLE and len(words) != len(match["name"].split())) \
                    or (pattern is _WITH_ROLE and len(words) < 2):
                continue
            name = " ".join(words)
            start = match.start("name")
            spans.append(Span(start, start + len(name), name, EntityKind.PERSON, "rule"))
    return spans


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()
