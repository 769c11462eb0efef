"""What reports of an event are compared by: the words and names of the clause holding its date, and the
action they tell, so that two reports of one event merge and two dates of one happening are noticed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from generator.model import Event

NEIGHBOURS = 50  # see `candidate_pairs`


STOPWORDS = frozenset(
    "the a an and or but of to in on at by for from with as is are was were be been being has have had that this "
    "these those it its their they them he she his her we our you your which who whom whose what when where while "
    "said says say also not no than then there here into over under after before since until about would could "
    "should will shall may might can did does do more most other others such only very just all any some each "
    "last next week month year years today yesterday".split())


CALENDAR = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


#: Where the clause carrying a date ends: punctuation, and words that open another clause.
CLAUSE = re.compile(r"(?<!\d),(?!\d)|[;:()\[\]—–]|\s-\s|\b(?:and|but|which|who|whom|whose|where|because|"
                     r"although|though|"
                     r"while|whereas|since|after|as|when|following|before|until)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # read for merging, attaching and conflicts: once per event
def event_features(event: Event) -> frozenset[str]:
    """Distinctive words (by a crude stem) and the names in the sentence."""
    words = content_words(event.sentence.replace(event.phrase, " "))
    return frozenset(words | {f"@{name}" for name in event.entities})


def content_words(text: str) -> set[str]:
    return {word.lower()[:6] for word in WORD.findall(text)
            if len(word) > 2 and word.lower() not in STOPWORDS and not CALENDAR.match(word.lower())}


@lru_cache(maxsize=65536)  # read for merging, attaching, conflicts and the lead: once per event
def date_clause(event: Event, masked_date: bool = True) -> str:
    """The clause that carries the date, the date's own words masked: what happened then, as opposed
    to the rest of the sentence ("the first bank to lend since the merger in 1985"); the whole sentence
    when the date is not found in it."""
    sentence = event.sentence
    at = sentence.find(event.phrase)
    if at < 0:
        return sentence
    masked = sentence[:at] + "\0" * len(event.phrase) + sentence[at + len(event.phrase):]
    cuts = [0, *(position for m in CLAUSE.finditer(masked) for position in (m.start(), m.end())), len(masked)]
    starts, ends = cuts[0::2], cuts[1::2]  # clause i runs from starts[i] to ends[i]
    index = next(i for i, end in enumerate(ends) if end >= at + len(event.phrase))
    if not content_words(masked[starts[index]:ends[index]]):  # "since 2021, girls ...": a date fronted alone
        neighbour = index + 1 if index + 1 < len(ends) else index - 1  # tells of the clause after it
        index = neighbour if neighbour >= 0 else index
    clause = masked[starts[index]:ends[index]]
    return clause if masked_date else sentence[starts[index]:ends[index]]


def action_features(event: Event) -> frozenset[str]:
    """The words of the clause that carries the date (`date_clause`)."""
    sentence = event.sentence
    if sentence.find(event.phrase) < 0:
        return event_features(event)
    words = content_words(date_clause(event))
    clause_names = {f"@{name}" for name in event.entities if name in sentence}
    return frozenset(words | {n for n in clause_names if n[1:].lower()[:6] in {w[:6] for w in words}})


def same_action(a: frozenset[str], b: frozenset[str], threshold: float, min_shared: int) -> bool:
    """Clauses telling the same happening share words (all of a clause's, when it has only one)."""
    shared = len(a & b)
    return shared >= max(1, min(min_shared, len(a), len(b))) and shared / max(1, min(len(a), len(b))) >= threshold


def feature_overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
    shared = len(a & b)
    return (shared / min(len(a), len(b)) if a and b else 0.0), shared


def candidate_pairs(feature_sets: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """The pairs (i < j) worth comparing: those sharing a feature, found through an inverted index.

    A feature held by at most `NEIGHBOURS` + 1 sets pairs all its holders; one held by more (a
    word every event on a day shares) pairs each holder with the next `NEIGHBOURS` only, so the
    work stays linear in the number of events: single-link clustering still chains them together.
    """
    holders: dict[str, list[int]] = defaultdict(list)
    for index, feature_set in enumerate(feature_sets):
        for feature in feature_set:
            holders[feature].append(index)
    pairs: set[tuple[int, int]] = set()
    for indexes in holders.values():
        for position, i in enumerate(indexes):
            pairs.update((i, j) for j in indexes[position + 1:position + 1 + NEIGHBOURS])
    return sorted(pairs)
