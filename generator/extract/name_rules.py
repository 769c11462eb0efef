"""Names found by rule where the small model misses them, and the choice among overlapping finds.

A name is a `Span` of a paragraph with its kind and where it came from (the registry, a rule, the
model, a surname's echo); `resolve_overlaps` keeps the longest, the most trusted first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.name_context import (
    BODY_IN_APPOSITION,
    DATELINE,
    MINISTRY,
    NOT_MODIFIERS,
    NOT_NAME_WORDS,
    TITLED_NAME,
    is_title_word,
    never_a_given_name,
)
from generator.model import EntityKind
from generator.text.lexicon import ORGANISATION_HEADS, is_acronym


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    name: str
    kind: EntityKind
    origin: str
    role: str | None = None


def full_names_pattern(surnames: set[str]) -> re.Pattern[str] | None:
    people = sorted((name for name in surnames if name[:1].isupper() and name.isalpha() and len(name) > 2),
                    key=len, reverse=True)
    if not people:
        return None
    return re.compile(rf"(?<![\w'’.-])(?:([A-Z][a-z]+(?:-[A-Z][a-z]+)?) )?(?:{'|'.join(map(re.escape, people))})"
                      rf"(?![\w'’-])")


def full_names_of_surnames(text: str, pattern: re.Pattern[str] | None, lower_words: set[str]) -> list[Span]:
    """"Jawid Amiri", which the model missed, in an article that names "Mahbooba Amiri": a capitalised
    word before a surname the article gives a person is a given name, unless it is a function word,
    a title, a calendar word or a word the article writes in small letters ("One Reagan official"); the
    surname alone is a mention too (resolution decides whose). Only
    surnames the article never writes as a lower-case word: "Young" of "John Young" is not "Young women"."""
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(text):
        start, word = match.start(), match[1]
        if word and (never_a_given_name(word) or word.lower() in ORGANISATION_HEADS or word.lower() in lower_words):
            start = match.start() + len(word) + 1  # "Later Amiri": the surname alone
        spans.append(Span(start, match.end(), text[start:match.end()], EntityKind.PERSON, "surname"))
    return spans


def split_at_slash(span: Span) -> list[Span]:
    """"International Monetary Fund/World Bank": two bodies the model read as one."""
    if span.origin != "model" or span.kind is EntityKind.PERSON or "/" not in span.name:
        return [span]
    pieces = span.name.split("/")
    if not all(piece.strip()[:1].isupper() and len(piece.strip()) > 1 for piece in pieces):
        return [span]
    parts, offset = [], span.start
    for piece in pieces:
        bare = piece.strip()
        begin = offset + len(piece) - len(piece.lstrip())
        if len(bare.split()) > 1 or len(pieces) == 2:
            parts.append(Span(begin, begin + len(bare), bare, span.kind, span.origin))
        offset += len(piece) + 1
    return parts


def person_at_the_end(span: Span, surnames: set[str]) -> list[Span]:
    """"Organisation for Economic Cooperation and Development Jean-Claude Paye": the model ran an
    organisation into the person after it; the article names that person elsewhere, so split them."""
    words = span.name.split()
    if span.kind is not EntityKind.ORGANISATION or span.origin != "model" or len(words) < 3 \
            or words[-1] not in surnames or not words[-2][:1].isupper():
        return [span]
    person = " ".join(words[-2:])
    person_start = span.end - len(person)
    parts = [Span(person_start, span.end, person, EntityKind.PERSON, "model")]
    if len(words) > 4:  # what is left is still a name: not "Agriculture" alone
        body = " ".join(words[:-2])
        parts.insert(0, Span(span.start, span.start + len(body), body, span.kind, "model"))
    return parts


IN_BEFORE = re.compile(r"(?:^|\s)(?:in|at)\s+$")


LIST_JOINER = re.compile(r"^(?:,\s*|,?\s+and\s+|,?\s+or\s+)$")


def places_by_context(text: str, spans: list[Span]) -> list[Span]:
    """A "person" the text writes as a place is one: after "in" or "at" ("officials in Sri Lanka"),
    or in a list between places ("Ivory Coast, Mali, Niger"). The model's kind stands otherwise.
    Such a mention is the rule's: resolution weighs the text's cue above the model's guesses."""
    placed = list(spans)
    for index, span in enumerate(spans):
        if span.kind is not EntityKind.PERSON or span.origin != "model" or span.role:
            continue  # a role in apposition says a person: "the envoy for Sudan, Tomas Niklasson,"
        after = text[span.end:span.end + 2]
        in_before = IN_BEFORE.search(text[max(0, span.start - 5):span.start]) and not after.startswith(("'", "’"))
        before = spans[index - 1] if index else None
        following = spans[index + 1] if index + 1 < len(spans) else None
        listed = [other is not None and other.kind is EntityKind.PLACE
                  and LIST_JOINER.match(text[min(other.end, span.end):max(other.start, span.start)])
                  for other in (before, following)]
        # between two places, or after one with a bare comma and before the list goes on or ends ("Benin, Mali,"):
        # not "Niger, and Smith agreed", nor "in Khartoum, Sayed Qadir Hashimi went"
        in_list = all(listed) or (listed[0] and text[before.end:span.start] == ", "
                                  and re.match(r"(?:,|\s+and\b|\s+or\b|[.;:]|$)", text[span.end:span.end + 4]))
        if in_before or in_list:
            placed[index] = Span(span.start, span.end, span.name, EntityKind.PLACE, "rule")  # the text's cue
    for index, span in enumerate(placed):  # "gathered in Mosul", "in Basra, Mosul and Erbil": a place, not a body
        if span.kind is not EntityKind.ORGANISATION or span.origin != "model" or " " in span.name \
                or is_acronym(span.name) or span.name.lower() in ORGANISATION_HEADS \
                or text[span.end:span.end + 2].startswith(("'", "’")):
            continue
        before = placed[index - 1] if index else None
        listed = before is not None and before.kind is EntityKind.PLACE \
            and LIST_JOINER.match(text[before.end:span.start])
        if re.search(r"(?:^|\s)in\s+$", text[max(0, span.start - 4):span.start]) or listed:
            placed[index] = Span(span.start, span.end, span.name, EntityKind.PLACE, "rule")
    return placed


def rule_spans(text: str) -> list[Span]:
    """"France's foreign ministry": the small model sees only "France"; "Finance Minister Barend du
    Plessis", which it can miss whole: a capitalised title, then a given name and a surname."""
    spans = [Span(match.start(), match.end(), f"{match['which'].capitalize()} Ministry of {match['country']}",
                   EntityKind.ORGANISATION, "rule") for match in MINISTRY.finditer(text)]
    for match in BODY_IN_APPOSITION.finditer(text):  # "Afghan Media Freedom Watch, a monitoring group based in"
        words = match["name"].split()
        if not (is_title_word(words[0]) or words[0].lower() in NOT_MODIFIERS):
            spans.append(Span(match.start("name"), match.end("name"), match["name"], EntityKind.ORGANISATION, "rule"))
    for match in TITLED_NAME.finditer(text):
        words = match["name"].split()
        if any(is_title_word(word) or word.lower() in ORGANISATION_HEADS or word.lower() in NOT_NAME_WORDS
               for word in words if word[:1].isupper()):
            continue
        start = match.start("name")
        spans.append(Span(start, match.end(), match["name"], EntityKind.PERSON, "rule", match["title"]))
    return spans


def dateline_places(text: str) -> tuple[list[Span], int]:
    """A wire dateline opening the first paragraph ("ST. LOUIS, MO., March 3 -", "LAGOS (Reuters) -"):
    its capitalised places are places, whatever the model took them for; the offset where it ends."""
    match = DATELINE.match(text)
    if not match:
        return [], 0
    spans = []
    for part in re.finditer(r"[^,]+", match["places"]):
        start = part.start() + len(part[0]) - len(part[0].lstrip())
        written = part[0].strip().rstrip(".")
        if sum(char.isalpha() for char in written) >= 3:
            spans.append(Span(start, start + len(written), written.title() if written.isupper() else written,
                               EntityKind.PLACE, "rule"))
    return spans, match.end("places")


def acronym_spans(text: str, acronyms: dict[str, tuple[str, EntityKind]]) -> list[Span]:
    spans = []
    for acronym, (name, kind) in acronyms.items():
        for match in re.finditer(rf"\b{re.escape(acronym)}\b", text):
            spans.append(Span(match.start(), match.end(), name, kind, "rule"))
    return spans


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Longest first, registry before rules before the model before a surname's echo; no two chosen spans
    overlap."""
    rank = {"registry": 0, "rule": 1, "model": 2, "surname": 3}
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), rank[s.origin], s.start)):
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)
