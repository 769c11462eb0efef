"""One way of reading text when looking for a protected name, shared by the redaction and the audit.

A name must be found however it was typed, encoded or disguised, so a text is reduced to a
*view* in which every way of writing the name looks the same:

1. escapes are decoded: HTML character references (`&#75;`), percent-encoding (`Jane%20Example`),
   JSON and JavaScript `\\u` escapes (twice, for text escaped twice);
2. a hyphen at the end of a line joins the word it breaks ("Exam-" / "ple");
3. in the *split* view only, a small letter followed by a capital is a word boundary ("#FreeExample");
4. each character is put in compatibility form (NFKC: fullwidth letters, ligatures), dropped if it
   is default-ignorable (soft hyphen, zero-width space and joiners, BOM, bidi controls) or a
   combining mark (accents, Arabic vowel marks), case-folded, its Arabic and Persian letter
   variants folded, and mapped to its confusable skeleton (Unicode TR39, computed by ICU's
   SpoofChecker: a Cyrillic "о" reads as a Latin "o"); anything that is not a letter or a
   digit (spaces, hyphens, dots, underscores, slashes, punctuation) becomes one space.

A name is then a sequence of whole words of the view; between two of its words the text may have
any separator or none at all ("jane example", "jane_example", "JaneExample"), but inside one of its
words none ("no or" is not "Noor"). `NameFinder` holds every spelling in one Aho-Corasick automaton,
so a text is read once whatever the number of names.

`view` is the fast reading (C-level steps only), for asking *whether* a text names someone;
`view_with_spans` gives the same view with, for each of its characters, the span of the original
text it stands for, for replacing what was found. Both apply the same steps, in the same order.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import ahocorasick

from generator.resources import data_lines
from generator.text.fold import fold

#: Spans of the original text: view character i stands for text[spans[i][0]:spans[i][1]].
Spans = list[tuple[int, int]]

# Each pattern opens with a character class, which the regular-expression engine scans for quickly.
_ESCAPE = re.compile(r"[&%\\](?:(?<=&)(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
                     r"|(?<=%)[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*|(?<=\\)u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})*)")
_LINE_END_HYPHEN = re.compile(r"[-\u2010\u2011](?<=[^\W\d_][-\u2010\u2011])[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_SPACES = re.compile(" {2,}")


def _class_of(categories: tuple[str, ...]) -> str:
    """A regular-expression class of every character of the Basic Multilingual Plane in `categories`."""
    ranges, start, previous = [], None, None
    for code in range(0x10000):
        if unicodedata.category(chr(code)) in categories and not 0xD800 <= code <= 0xDFFF:
            if start is None or code != previous + 1:
                if start is not None:
                    ranges.append((start, previous))
                start = code
            previous = code
    if start is not None:
        ranges.append((start, previous))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_CAMEL = re.compile(f"[{_class_of(('Ll',))}](?=[{_class_of(('Lu', 'Lt'))}])")



def _unicode_table(name: str) -> Iterator[list[str]]:
    """The lines of a table in `generator/data/`, split at ";" (hexadecimal code points); `#` starts a comment."""
    return (line.split(";") for line in data_lines(name))


def _characters(hexadecimal: str) -> str:
    return "".join(chr(int(code, 16)) for code in hexadecimal.split())


def _code_range(written: str) -> range:
    first, _, last = written.strip().partition("..")
    return range(int(first, 16), int(last or first, 16) + 1)


# ICU's, kept as data so that no compiled library is needed (tests/protect/test_unicode_tables.py checks them against ICU)
_PROTOTYPES = {_characters(char): _characters(prototype) for char, prototype in _unicode_table("confusables")}
_IGNORABLE = frozenset(chr(code) for (written,) in _unicode_table("default_ignorable") for code in _code_range(written))


def skeleton(text: str) -> str:
    """The TR39 skeleton: the text's NFD with each character replaced by the prototype it looks like, in NFD."""
    return unicodedata.normalize("NFD", "".join(_PROTOTYPES.get(char, char)
                                                for char in unicodedata.normalize("NFD", text)))


def is_default_ignorable(char: str) -> bool:
    """Unicode's Default_Ignorable_Code_Point: a character that is not shown (soft hyphen, zero-width joiner)."""
    return char in _IGNORABLE


def _decode(match: re.Match[str]) -> str:
    written = match.group()
    if written[0] == "&":
        return html.unescape(written)
    if written[0] == "%":
        return urllib.parse.unquote(written, errors="replace")
    try:
        return json.loads(f'"{written}"')
    except ValueError:
        return written


def _camel(match: re.Match[str]) -> str:
    return match.group() + " "


def _character(char: str) -> str:
    """What one character of the text becomes in the view: "" (dropped), letters, or one space."""
    out = []
    for part in unicodedata.normalize("NFKC", char):
        if is_default_ignorable(part) or unicodedata.category(part) in ("Mn", "Me"):
            continue
        if unicodedata.category(part)[0] not in "LNM":  # a symbol is a separator, whatever it looks like
            out.append(" ")
            continue
        looks_like = _skeleton(part)
        for piece in unicodedata.normalize("NFD", looks_like).casefold():
            category = unicodedata.category(piece)
            if category in ("Mn", "Me") or is_default_ignorable(piece):
                continue
            out.append(piece if category[0] in "LN" or category == "Mc" else " ")
    result = "".join(out)
    if not char.isascii():  # a lookalike of "M" reads as "m" reads, "rn": the view of a view is the view
        result = "".join(_character(piece) if piece.isascii() and piece.isalnum() else piece for piece in result)
    return result


def _skeleton(char: str) -> str:
    """The TR39 skeleton of a character, case folded. A Latin letter is folded first ("I" is "i", not the
    "l" it looks like); a letter of another script is read as written when it looks like a Latin letter
    (Greek "Ν" is "n", while its small "ν" looks like, and is, "v"), a capital like "l" being "I"."""
    lowered = skeleton(fold(char.casefold()))
    if unicodedata.name(char, "").startswith("LATIN"):
        return lowered
    as_written = "".join(part for part in unicodedata.normalize("NFD", skeleton(char))
                         if unicodedata.category(part) not in ("Mn", "Me")).casefold()
    if as_written.isascii() and as_written.isalpha():
        return "i" if as_written == "l" and char.lower() != char else as_written
    return lowered


class _Characters(dict):
    """The view of each character, computed once the first time it is met (str.translate's table)."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _character(chr(code)) if not 0xD800 <= code <= 0xDFFF else " "
        return value


_TABLE = _Characters()
#: The steps of the view before its characters are mapped, in order: (pattern, replacement, the characters
#: of which one must be in the text for the pattern to match at all, so that the fast view can skip it).
_STEPS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str] | str, str], ...] = (
    (_ESCAPE, _decode, "&%\\"), (_ESCAPE, _decode, "&%\\"), (_LINE_END_HYPHEN, "", "\n"))


def view(text: str, split_camel: bool = False) -> str:
    """`text` as names are looked for in it: see the module docstring."""
    for pattern, replacement, needed in _STEPS:
        if any(char in text for char in needed):
            text = pattern.sub(replacement, text)
    if split_camel:
        text = _CAMEL.sub(_camel, text)
    return _mapped(text)


def _mapped(text: str) -> str:
    """`text.translate(_TABLE)` with its spaces collapsed, computed faster: the characters outside ASCII
    (few, in most outputs) through the table, then the ASCII ones by byte tables. Equal to the per-character
    mapping `view_with_spans` does, because no character's view holds a character that maps further."""
    if not text.isascii():
        text = _NON_ASCII.sub(_mapped_run, text)
    if text.isascii():
        data = text.encode("ascii").translate(_ASCII_BYTES)
        for char, value in _ASCII_LONGER.items():
            data = data.replace(char.encode(), value.encode())
        return b" ".join(data.split()).decode("ascii")
    text = _NOT_A_LETTER.sub(" ", text.translate(_ASCII_LOWER))  # the rest is mapped already: "Ꭳ" stays as its view
    for char, value in _ASCII_CHANGED.items():
        text = text.replace(char, value)
    return _SPACES.sub(" ", text).strip(" ")


def _mapped_run(match: re.Match[str]) -> str:
    return match.group().translate(_TABLE)


_NON_ASCII = re.compile("[^\x00-\x7f]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: ASCII characters whose view is one character: their byte table (all separators become a space).
_ASCII_BYTES = bytes((_TABLE[code] or " ").encode("ascii")[0] if len(_TABLE[code]) == 1 else code
                     for code in range(128)) + bytes(range(128, 256))
#: ASCII characters whose view is longer ("m" is "rn" in the skeleton: the two look alike).
_ASCII_LONGER = {chr(code): _TABLE[code] for code in range(128) if len(_TABLE[code]) > 1}
#: Left by the ASCII step: what is neither a letter or digit of the view nor a character outside ASCII.
_NOT_A_LETTER = re.compile("[^a-z0-9\x80-\U0010ffff]+")
#: ASCII letters and digits whose view is another letter ("0" reads as "o", "m" as "rn").
_ASCII_CHANGED = {chr(code).lower(): _TABLE[code] for code in range(128)
                  if chr(code).isalnum() and _TABLE[code] != chr(code).lower()}
assert all(value.isascii() and value.isalnum() for value in _ASCII_LONGER.values())
assert all(_TABLE[code] == " " for code in range(128) if not chr(code).isalnum())
assert not set("".join(_ASCII_CHANGED.values())) & set(_ASCII_CHANGED)  # one replacement never feeds another


def view_with_spans(text: str, split_camel: bool = False) -> tuple[str, Spans]:
    """The same view as `view`, and the span of `text` that each of its characters stands for."""
    spans: Spans = [(index, index + 1) for index in range(len(text))]
    for pattern, replacement, _ in _STEPS:
        text, spans = _sub_tracked(pattern, replacement, text, spans)
    if split_camel:
        text, spans = _sub_tracked(_CAMEL, _camel, text, spans)
    mapped, mapped_spans = [], []
    for char, span in zip(text, spans, strict=True):
        value = _TABLE[ord(char)]
        mapped.append(value)
        mapped_spans.extend([span] * len(value))
    text, spans = _sub_tracked(_SPACES, " ", "".join(mapped), mapped_spans)
    start = len(text) - len(text.lstrip(" "))
    end = len(text.rstrip(" "))
    return text[start:end], spans[start:end]


def _sub_tracked(pattern: re.Pattern[str], replacement, text: str, spans: Spans) -> tuple[str, Spans]:
    """`pattern.sub(replacement, text)`, and the spans of the result: a replacement stands for all it replaced."""
    parts, new_spans, last = [], [], 0
    for match in pattern.finditer(text):
        start, end = match.span()
        parts.append(text[last:start])
        new_spans.extend(spans[last:start])
        written = replacement(match) if callable(replacement) else replacement
        if written:
            if end > start:
                covered = (spans[start][0], spans[end - 1][1])
            else:
                at = spans[start][0] if start < len(spans) else (spans[-1][1] if spans else 0)
                covered = (at, at)
            parts.append(written)
            new_spans.extend([covered] * len(written))
        last = end
    parts.append(text[last:])
    new_spans.extend(spans[last:])
    return "".join(parts), new_spans


@lru_cache(maxsize=1 << 17)
def words(spelling: str) -> tuple[str, ...]:
    """A spelling as the words of its view (a capital inside a word starts a new one: "McDonald" is two)."""
    return tuple(word for word in view(spelling, split_camel=True).split(" ") if word)


#: A name of more words than this is looked for with all its separators, or none, not each mix of them.
_MAX_MIXED_WORDS = 6


def _variants(name_words: tuple[str, ...], plural: bool) -> Iterator[str]:
    """Every way the words can be joined: a space or nothing between each two ("jane example", "janeexample")."""
    if len(name_words) > _MAX_MIXED_WORDS:
        joins: Iterable[tuple[str, ...]] = [(" ",) * (len(name_words) - 1), ("",) * (len(name_words) - 1)]
    else:
        joins = product((" ", ""), repeat=len(name_words) - 1)
    for join in joins:
        joined = name_words[0] + "".join(separator + word for separator, word in zip(join, name_words[1:], strict=True))
        yield joined
        if plural and joined[-1].isascii() and joined[-1].isalpha():
            yield joined + "s"  # a family named by its surname: "the Examples"
            yield joined + "es"


@dataclass(frozen=True)
class Found:
    """One spelling found in a text: the span of the original text it covers, and what it names."""

    start: int
    end: int
    value: Hashable


class NameFinder:
    """Every spelling of every name in one automaton: finding them costs one pass over the text."""

    def __init__(self, spellings: Iterable[tuple[str, Hashable, bool]]) -> None:
        """`spellings`: (spelling, what it names, whether a plural "s" also names it)."""
        by_key: dict[str, Hashable] = {}
        for spelling, value, plural in spellings:
            name_words = words(spelling)
            if not name_words:
                continue
            for variant in _variants(name_words, plural):
                by_key.setdefault(variant, value)  # the first spelling given keeps a key
        self._automaton = ahocorasick.Automaton()
        for key, value in by_key.items():
            self._automaton.add_word(key, (len(key), value))
        self.size = len(by_key)
        if by_key:
            self._automaton.make_automaton()

    def __bool__(self) -> bool:
        return self.size > 0

    def _hits(self, text_view: str) -> Iterator[tuple[int, int, Hashable, bool]]:
        """(start, end, value, whole words) in the view, for every key found, overlapping ones included.
        A key found inside a longer word ("free" + "example") may still be a name where a capital starts
        it ("#FreeExample"): the split view, read only then, tells."""
        last = len(text_view) - 1
        for end, (length, value) in self._automaton.iter(text_view):
            start = end - length + 1
            whole = (start == 0 or text_view[start - 1] == " ") and (end == last or text_view[end + 1] == " ")
            yield start, end + 1, value, whole

    def names_in(self, text: str) -> set[Hashable]:
        """What `text` names, read fast (no positions): for the audit and for the question "any?"."""
        if not self or not text:
            return set()
        found, inside_words = set(), False
        for _, _, value, whole in self._hits(view(text)):
            if whole:
                found.add(value)
            else:
                inside_words = True
        if inside_words:
            found.update(value for _, _, value, whole in self._hits(view(text, split_camel=True)) if whole)
        return found

    def find(self, text: str) -> list[Found]:
        """Every spelling in `text`, as spans of `text` itself; where two overlap, the longer (then the first) wins."""
        if not self or not text or not self.names_in(text):
            return []
        candidates, inside_words = [], False
        for split in (False, True):
            if split and not inside_words:
                break
            text_view, spans = view_with_spans(text, split_camel=split)
            for start, end, value, whole in self._hits(text_view):
                if whole:
                    candidates.append(Found(spans[start][0], spans[end - 1][1], value))
                else:
                    inside_words = True
        chosen: list[Found] = []
        for found in sorted(candidates, key=lambda f: (f.start, -(f.end - f.start))):
            if chosen and found.start < chosen[-1].end:
                if found.end - found.start > chosen[-1].end - chosen[-1].start and found.start == chosen[-1].start:
                    chosen[-1] = found
                elif found.end > chosen[-1].end:  # overlapping and reaching further: cover both
                    chosen[-1] = Found(chosen[-1].start, found.end, chosen[-1].value)
                continue
            chosen.append(found)
        return chosen
