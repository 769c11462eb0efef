"""Names in Persian text that no model finds: places and bodies from a gazetteer, people and bodies by the
words that announce them.

No Persian name-recognition model installs from the package index, so Dari and Persian text gets the evidence a
reader would use: a gazetteer of places and bodies Afghan and Iranian news name every day
(`generator/data/persian_gazetteer.txt`, each under the English name the rest of the dossier uses); given names
(`generator/data/persian_given_names.txt`) and the forms of names (عبد…، …الله، …الدین) that open a person's
name, a title before a name (آقای، خانم، مولوی …) or a role after it ("عبدالرحیم کریمی، سخنگوی وزارت"); the head
nouns that open a body's name (سازمان، وزارت، کمیسیون، جنبش …) and the words of place (ولسوالی، ولایت، شهر). Persian
writes no capitals, so a name ends where a word cannot be part of one: a preposition, a verb, a time word, a
punctuation mark. A name found so is unreviewed until the curator registers it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

from generator.extract.name_rules import Span
from generator.model import EntityKind
from generator.resources import data_lines
from generator.text.fold import fold
from generator.text.persian_gazetteer import entries as gazetteer_entries
from generator.text.persian_words import BODY_HEADS as _BODY_HEADS
from generator.text.persian_words import LIGHT_VERBS as _LIGHT_VERBS
from generator.text.persian_words import NOT_NAME as _NOT_NAME
from generator.text.persian_words import ROLES as _ROLES
from generator.text.persian_words import TITLES as _TITLES
from generator.text.persian_words import bare as _bare
from generator.text.persian_words import word_set as _words
from generator.text.scripts import ARABIC_SCRIPT

#: A word: letters (Persian, Arabic or Latin), its joiners and vowel marks; no digit and no "،".
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u200c\u064b-\u065f\u0670])*")
#: Heads of a body's local office, whose name goes on to the place it is in: "سفارت روسیه در کابل".
_OFFICE_HEADS = _words("سفارت کنسولگری سرکنسولگری فرماندهی قوماندانی ریاست دفتر نمایندگی اداره شعبه")
#: Verbal nouns whose preposition is part of a body's name: "کمیسیون رسیدگی به …", "انجمن حمایت از …".
_GOVERNING = {_bare(noun): preposition for noun, preposition in (("رسیدگی", "به"), ("حمایت", "از"), ("دفاع", "از"),
                                                                  ("امر", "به"), ("نهی", "از"), ("مبارزه", "با"))}
#: Heads that name a place's centre, not a body, when a place follows: "مرکز بدخشان" (Badakhshan's capital).
_LOCATION_HEADS = _words("مرکز")
#: A body's name is at most this many words after its head.
_MAX_BODY_WORDS = 6
#: A head and one of these alone is no body's name: "شبکه اجتماعی" (a social network), "سازمان بین‌المللی".
_GENERIC = _words("اجتماعی بین‌المللی بین‌الملل محلی دولتی خصوصی غیردولتی مدنی جهانی ملی خارجی داخلی امنیتی")
#: Words of place: the name after them is a place ("ولایت بدخشان", "ولسوالی کهسان").
_PLACE_WORDS = _words("ولایت استان شهر روستای قریه بندر")
_DISTRICT_WORDS = _words("ولسوالی شهرستان گذرگاه مرز")
_DEMONSTRATIVES = _words("این آن همین همان هر یک چند")
#: The forms of a given name: عبدالله, ذبیح‌الله, صلاح‌الدین, نورالحق, عبدالرحمن, نادرخان, شیرمحمد, گلاحمد, محمدیوسف.
_NAME_FORM = re.compile(r"^(?:عبد\S{2,}|محمد\S{3,}|\S{2,}(?:الله|اللہ|الدین|الحق|الرحمن|الرحیم|خان|گل|محمد|احمد))$")
_CLAUSE_ENDS = ".،:؛!؟«»\n"
#: A person's name is at most this many words: "محمد ایوب خان محمدی".
_MAX_NAME_WORDS = 4


@lru_cache(maxsize=1)
def _gazetteer():
    automaton = ahocorasick.Automaton()
    for entry in gazetteer_entries():
        kind = EntityKind.PLACE if entry.kind == "place" else EntityKind.ORGANISATION
        for spelling in entry.spellings:
            key = _key(spelling)
            automaton.add_word(key, (key, entry.name, kind))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(names that open a person's name, names that are ordinary words too)."""
    names = [_bare(line.strip()) for line in data_lines("persian_given_names")]
    return frozenset(name for name in names if not name.startswith("~")), \
        frozenset(name[1:] for name in names if name.startswith("~"))


@lru_cache(maxsize=1)
def _gazetteer_words() -> frozenset[str]:
    """The words of places ("مزار", "شریف") and the one-word bodies ("طالبان"): never part of a person's name, and
    the end of a body's ("پولیس پاکستان"). A word of a longer body's name ("امور") is neither."""
    words = {_bare(word) for entry in gazetteer_entries() for spelling in entry.spellings
             if entry.kind == "place" or len(spelling.split()) == 1 for word in spelling.split()}
    return frozenset(words - _NOT_NAME)  # not the "و" of "سیستان و بلوچستان"


@lru_cache(maxsize=1)
def _gazetteer_places() -> frozenset[str]:
    return frozenset(_bare(word) for entry in gazetteer_entries() if entry.kind == "place"
                     for spelling in entry.spellings for word in spelling.split()) - _NOT_NAME


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
    words = _words_of(text)
    known = {span.start for span in spans}
    spans += _people(text, words) + _bodies_and_places(text, words, known)
    return spans


def _words_of(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the word as the word lists hold it) of each word: what every rule below walks."""
    return [(match.start(), match.end(), _bare(match.group(0))) for match in _WORD.finditer(text)]


def _free(span: tuple[int, int], taken: set[tuple[int, int]]) -> bool:
    """No name found already overlaps `span`."""
    return not any(start < span[1] and span[0] < end for start, end in taken)


def _opens_clause(text: str, start: int) -> bool:
    """Nothing before `start` but the end of a clause: a full stop, a comma, a colon, a quote mark, a new line."""
    before = text[:start].rstrip()
    return not before or before[-1] in _CLAUSE_ENDS


def _people(text: str, words: list[tuple[int, int, str]]) -> list[Span]:
    given, ordinary = _given_names()
    spans = []
    index = 0
    while index < len(words):
        start, _, word = words[index]
        titled = word in _TITLES
        written = _written(text, words, index)
        opens = titled or word in given or bool(_NAME_FORM.match(word)) or (word not in ordinary and _is_given(
            word, written)) or (word in ordinary and index + 1 < len(words) and _is_given(words[index + 1][2]))
        if not opens:
            index += 1
            continue
        first = index + 1 if titled else index
        last = _name_end(text, words, first, titled)
        if last is None:
            index += 1
            continue
        name_start, name_end = words[first][0], words[last][1]
        spans.append(Span(name_start, name_end, text[name_start:name_end], EntityKind.PERSON, "rule"))
        index = last + 1
    spans += _named_alone(text, words, {(span.start, span.end) for span in spans})
    spans += _with_role(text, words, {(span.start, span.end) for span in spans})
    spans += _after_role(text, words, {(span.start, span.end) for span in spans})
    return spans


#: What makes a given name alone a person's: "(نام مستعار)" (a pseudonym), an age in commas ("، ۳۵ ساله،").
_ALONE_MARK = re.compile(r"\s*(?:\((?:نام|اسم)\s+(?:مستعار|مستعار\s+است|او\s+تغییر\s+داده\s+شده)[^)]{0,30}\)"
                         r"|[،,]\s*[\d۰-۹٠-٩]{1,3}\s*ساله(?!\w))")


def _named_alone(text: str, words, taken: set[tuple[int, int]]) -> list[Span]:
    """A person named by one given name, as our sources name those they protect: "لیلا (نام مستعار)", "محمدرضا، ۳۵
    ساله،". The given name alone is no evidence; with a pseudonym's mark or an age after it, it is."""
    given, _ = _given_names()
    spans = []
    for start, end, word in words:
        if (word in given or _NAME_FORM.match(word)) and _ALONE_MARK.match(text, end) and _free((start, end), taken):
            spans.append(Span(start, end, text[start:end], EntityKind.PERSON, "rule"))
    return spans


def _name_end(text: str, words, first: int, titled: bool) -> int | None:
    """The index of a name's last word, from its first; None when no name starts there.

    After a title one word is the surname ("آقای کریمی") unless it is a given name; a given name takes the words
    that can be names after it, to four: "محمد ایوب محمدی"."""
    if first >= len(words) or not _can_be_name(text, words, first):
        return None
    if titled and not _is_given(words[first][2], _written(text, words, first)):
        return first
    last = first
    while last + 1 < len(words) and last - first + 1 < _MAX_NAME_WORDS and _joined(text, words, last) \
            and _can_be_name(text, words, last + 1):
        last += 1
        if not _is_given(words[last][2], _written(text, words, last)):
            break  # a surname closes the name: "نسرین احمدی", not "نسرین احمدی سخنگوی"
    if last == first and not titled:
        return None  # a given name alone is no evidence: امید, سعید
    return last


def _is_given(word: str, written: str = "") -> bool:
    """A given name, of a name's form, or two of them joined ("گل‌احمد", "نورمحمد" written "نور‌محمد")."""
    given, ordinary = _given_names()
    if word in given or word in ordinary or _NAME_FORM.match(word):
        return True
    parts = [_bare(part) for part in written.split("\u200c")] if "\u200c" in written else []
    return len(parts) > 1 and all(part in given or part in ordinary for part in parts)


def _written(text: str, words, index: int) -> str:
    return text[words[index][0]:words[index][1]]


def _can_be_name(text: str, words, index: int) -> bool:
    """A word that can be part of a person's name: no role, title, head of a body, word of place or known place,
    and none of the words that are never part of any name (`_can_be_name_word`)."""
    word = words[index][2]
    return word not in _ROLES and word not in _TITLES and word not in _BODY_HEADS and word not in _PLACE_WORDS \
        and word not in _DISTRICT_WORDS and word not in _gazetteer_words() and _can_be_name_word(text, words, index)


def _joined(text: str, words, index: int) -> bool:
    """The word after words[index] follows it in the same phrase: only spaces between them."""
    if index + 1 >= len(words):
        return False
    return not text[words[index][1]:words[index + 1][0]].strip()


def _with_role(text: str, words, taken: set[tuple[int, int]]) -> list[Span]:
    """"نام نام، سخنگوی …": two or three words before a comma and a role, at the start of a clause."""
    spans = []
    for index, (start, _, word) in enumerate(words):
        if word not in _ROLES or index < 2:
            continue
        between = text[words[index - 1][1]:start]
        if "،" not in between and "," not in between:
            continue
        last = index - 1
        first = last
        while first - 1 >= 0 and last - first < 2 and _joined(text, words, first - 1) \
                and _can_be_name(text, words, first - 1):
            first -= 1
        if first == last or not _opens_clause(text, words[first][0]) \
                or not all(_can_be_name(text, words, i) for i in range(first, last + 1)):
            continue
        span = (words[first][0], words[last][1])
        if _free(span, taken):
            spans.append(Span(*span, text[span[0]:span[1]], EntityKind.PERSON, "rule"))
    return spans


def _after_role(text: str, words, taken: set[tuple[int, int]]) -> list[Span]:
    """"سخنگوی وزارت خارجه چین، مائو نینگ، گفت": a clause opening with a role names its holder next, between commas,
    in two or three words that can be a name; a name the rules know no given name of."""
    spans = []
    for index, (start, _, word) in enumerate(words):
        if word not in _ROLES or not _opens_clause(text, start):
            continue
        comma = next((i for i in range(index + 1, min(index + 10, len(words)))
                      if "،" in text[words[i - 1][1]:words[i][0]]), None)
        if comma is None:
            continue
        last = comma
        while last + 1 < len(words) and last - comma < 2 and _joined(text, words, last):
            last += 1
        after = text[words[last][1]:words[last][1] + 2]
        name = range(comma, last + 1)
        if not after.lstrip().startswith("،") or last == comma or not all(_can_be_name(text, words, i) for i in name):
            continue
        span = (words[comma][0], words[last][1])
        if _free(span, taken):
            spans.append(Span(*span, text[span[0]:span[1]], EntityKind.PERSON, "rule"))
    return spans


def _bodies_and_places(text: str, words, known_starts: set[int]) -> list[Span]:
    """Bodies by their head noun ("وزارت امور خارجه روسیه"), places and districts by their word of place.
    `known_starts` are where the gazetteer found a name: it is known, not guessed longer."""
    spans = []
    for index, (start, _, word) in enumerate(words):
        head_of_body = word in _BODY_HEADS
        if not (head_of_body or word in _PLACE_WORDS or word in _DISTRICT_WORDS) or not _joined(text, words, index) \
                or not _can_be_body_word(text, words, index + 1) or start in known_starts:
            continue
        if index > 0 and words[index - 1][2] in _DEMONSTRATIVES:
            continue  # "این سازمان" (this organisation) names none
        if not head_of_body:
            place = words[index + 1]
            if place[0] in known_starts:
                continue  # "ولایت هرات": the gazetteer's Herat
            spans.append(Span(place[0], place[1], text[place[0]:place[1]], EntityKind.PLACE, "rule"))
            continue
        last = index + 1
        while last + 1 < len(words) and last - index < _MAX_BODY_WORDS and _joined(text, words, last) \
                and _can_be_body_word(text, words, last + 1) and not _ends_body(words, last):
            last += 1
        if _ends_body(words, last) and last + 1 < len(words) and _joined(text, words, last) \
                and words[last + 1][2] in _gazetteer_words():
            last += 1  # a place of two words ends it: "… مزار شریف"
        last = _office_place(text, words, index, last)
        rest = [words[i][2] for i in range(index + 1, last + 1)]
        if (len(rest) == 1 and rest[0] in _GENERIC) or all(w in _PLACE_WORDS or w in _gazetteer_places() for w in rest) \
                and word in _LOCATION_HEADS:
            continue  # "شبکه اجتماعی" (a social network); "مرکز ولایت بدخشان" (the province's capital)
        spans.append(Span(start, words[last][1], text[start:words[last][1]], EntityKind.ORGANISATION, "rule"))
    return spans


def _office_place(text: str, words, head: int, last: int) -> int:
    """A local office's name runs on to its place: "سفارت روسیه در کابل", "فرماندهی پولیس طالبان در ولایت بلخ"."""
    if words[head][2] not in _OFFICE_HEADS or last + 2 >= len(words) or words[last + 1][2] != "در" \
            or not (_joined(text, words, last) and _joined(text, words, last + 1)):
        return last
    place = last + 2
    if words[place][2] in _PLACE_WORDS and place + 1 < len(words) and _joined(text, words, place):
        place += 1
    if words[place][2] not in _gazetteer_places():
        return last
    if place + 1 < len(words) and _joined(text, words, place) and words[place + 1][2] in _gazetteer_places():
        place += 1  # "… در مزار شریف"
    return place


def _ends_body(words, index: int) -> bool:
    """A place or a body the gazetteer knows closes a body's name: "پولیس پاکستان", "وزارت خارجه طالبان"."""
    return words[index][2] in _gazetteer_words()


def _can_be_body_word(text: str, words, index: int) -> bool:
    """A body's name runs on through nouns and adjectives ("امور اتباع", "آزادی‌خواه"), and "و" between two
    of them, but not into a verb, a time word, a person's name or another body."""
    word = words[index][2]
    if index > 0 and _GOVERNING.get(words[index - 1][2]) == word:
        return index + 1 < len(words) and _can_be_name_word(text, words, index + 1)
    if word == "و":
        return index + 1 < len(words) and _can_be_body_word(text, words, index + 1) \
            and words[index + 1][2] not in _BODY_HEADS and words[index + 1][2] not in _ROLES
    given, _ = _given_names()
    return word not in given and not _NAME_FORM.match(word) and word not in _TITLES \
        and _can_be_name_word(text, words, index)


def _can_be_name_word(text: str, words, index: int) -> bool:
    """Not a function word or a verb ("می‌گوید", "شده‌اند"), nor a compound verb's noun ("اعلام" before "کرد")."""
    word = words[index][2]
    present = word.startswith(("می", "نمی")) and "\u200c" in _written(text, words, index)
    if word in _NOT_NAME or _is_verb(word) or present:
        return False
    following = words[index + 1][2] if index + 1 < len(words) else ""
    return not _is_verb(following) or not _joined(text, words, index)


def _is_verb(word: str) -> bool:
    """A light verb or an auxiliary, with its person ending or denied: "شده‌اند" is "شده" + "اند"."""
    if word.startswith("ن") and word[1:] in _LIGHT_VERBS:
        return True  # "نکند", "نشد": the verb denied
    return word in _LIGHT_VERBS or any(word.endswith(ending) and word[:-len(ending)] in _LIGHT_VERBS
                                       for ending in ("اند", "ایم", "اید", "است"))


def opens_with_role(clause: str) -> bool:
    """"سخنگوی وزارت عبدالرحیم کریمی گفت", "نماینده دایمی کشور در سازمان ملل، یوری پتروف، گفت": a clause that
    opens with a role names the body it serves before the person who holds it."""
    first = _WORD.search(clause)
    return bool(first) and first.start() <= 2 and _bare(first.group(0)) in _ROLES


def signed_from(line: str) -> str | None:
    """The reporter a Persian header line signs with: "احمد رحیمی - کابل" or "احمد رحیمی، کابل" (a person's name by
    the rules above, then a place the gazetteer knows), or a line that is only a person's name."""
    if not ARABIC_SCRIPT.search(line):
        return None
    name, _, place = (re.split(r"\s*([-–—،,|/])\s*", line.strip(), maxsplit=1) + ["", ""])[:3]
    if place and not all(_bare(word) in _gazetteer_words() for word in place.split()):
        return None
    words = _words_of(name)
    people = [span for span in _people(name, words) if span.start == 0 and span.end == len(name)]
    # a line of its own signed so is a name even when its given name is an ordinary word too ("سحر کریمی")
    signed = 2 <= len(words) <= 3 and _is_given(words[0][2], name[:words[0][1]]) \
        and all(_can_be_name(name, words, i) for i in range(len(words)))
    return name if people or (signed and place) else None


def persian_surname_spans(text: str, people: Iterable[str]) -> list[Span]:
    """A Persian person's surname written alone again ("آقای کریمی", "رسولی افزود"), as English "Karimi" after
    "Abdul Rahim Karimi": a surname two people of the article share is left alone, never given to either."""
    owners: dict[str, set[str]] = {}
    for name in people:
        parts = name.split()
        if len(parts) >= 2 and ARABIC_SCRIPT.search(name):
            owners.setdefault(_bare(parts[-1]), set()).add(name)
    if not owners or not ARABIC_SCRIPT.search(text):
        return []
    spans = []
    for match in _WORD.finditer(text):
        word = _bare(match.group(0))
        if len(owners.get(word, ())) == 1:
            spans.append(Span(match.start(), match.end(), match.group(0), EntityKind.PERSON, "surname"))
    return spans


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()
