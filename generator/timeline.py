"""Events from all articles become the timeline: one entry per thing that happened.

Events with the same date, precision and qualifier are merged when they tell the same
thing: they share names or distinctive words. An event an undated article dates only
relatively ("last week") joins an entry whose date its article's bounds allow, if it
tells the same thing closely; it is then dated by corroboration, and says so. Entries
that tell the same thing under different dates are flagged as conflicting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .model import Article, Event, Precision, TimelineEntry, format_date_iso

#: Share of the smaller event's words and names two events with the same date must share to be
#: merged. The more precise the date they share, the less wording it takes: two reports of
#: something on 3 July are likelier the same event than two reports of something in 2021.
MERGE_OVERLAP = {Precision.DAY: 0.1, Precision.WEEK: 0.2, Precision.MONTH: 0.2, Precision.YEAR: 0.3,
                 Precision.DECADE: 0.3}
MERGE_MIN_SHARED = 2
ATTACH_OVERLAP = 0.3  # stricter for an event whose own date is unresolved
CONFLICT_OVERLAP = 0.5
CONFLICT_MIN_SHARED = 3
CONFLICT_WINDOW_DAYS = 45
NEIGHBOURS = 50  # see `candidate_pairs`
MAX_HOLDERS = 200  # a feature held by more events is no evidence for attaching an undated one

_STOPWORDS = frozenset(
    "the a an and or but of to in on at by for from with as is are was were be been being has have had that this "
    "these those it its their they them he she his her we our you your which who whom whose what when where while "
    "said says say also not no than then there here into over under after before since until about would could "
    "should will shall may might can did does do more most other others such only very just all any some each "
    "last next week month year years today yesterday".split())
_CALENDAR = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def build_timeline(articles: Sequence[Article]) -> list[TimelineEntry]:
    bounds = {a.metadata.article_id: a.metadata.date.not_before for a in articles}
    dated = [e for a in articles for e in a.events if e.resolved]
    undated = [e for a in articles for e in a.events if not e.resolved]

    features = {id(event): _features(event) for event in dated + undated}
    clusters: list[list[Event]] = []
    by_key: dict[tuple, list[Event]] = defaultdict(list)
    for event in dated:
        by_key[(event.first, event.last, event.precision, event.qualifier)].append(event)
    for key in sorted(by_key, key=_sort_key):
        clusters.extend(_single_link(by_key[key], features, MERGE_OVERLAP[key[2]], MERGE_MIN_SHARED))

    attached: dict[int, list[Event]] = defaultdict(list)
    leftovers: list[Event] = []
    day_clusters = _FeatureIndex([(index, event) for index, cluster in enumerate(clusters)
                                  if cluster[0].precision is Precision.DAY for event in cluster], features)
    for event in undated:
        target = _best_match(event, day_clusters, clusters, features, bounds.get(event.article_id))
        if target is None:
            leftovers.append(event)
        else:
            attached[target].append(event)

    entries = []
    for index, cluster in enumerate(clusters):
        cited = {c.article_id for c in cluster}
        extra = [e for e in attached[index] if e.article_id not in cited]
        entries.append(_entry(cluster + extra, tuple(dict.fromkeys(e.article_id for e in extra)), features))
    entries = _flag_conflicts(entries, features)
    entries += [_entry([event], (), features) for event in leftovers]
    return _with_unique_keys(entries)


def _sort_key(key: tuple) -> tuple:
    first, last, precision, qualifier = key
    return (first, last, precision.value, qualifier)


def _features(event: Event) -> frozenset[str]:
    """Distinctive words (by a crude stem) and the names in the sentence."""
    words = {word.lower()[:6] for word in _WORD.findall(event.sentence.replace(event.phrase, " "))
             if len(word) > 2 and word.lower() not in _STOPWORDS and not _CALENDAR.match(word.lower())}
    return frozenset(words | {f"@{name}" for name in event.entities})


def _overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
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


def _single_link(events: list[Event], all_features: dict[int, frozenset[str]], threshold: float,
                 min_shared: int) -> list[list[Event]]:
    """Clusters of events linked by shared words and names; only pairs sharing something are compared."""
    features = [all_features[id(e)] for e in events]
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in candidate_pairs(features):
        shared = len(features[i] & features[j])
        if shared >= min_shared and shared / min(len(features[i]), len(features[j])) >= threshold:
            parent[root(j)] = root(i)
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, event in enumerate(events):
        groups[root(i)].append(event)
    return [groups[key] for key in sorted(groups)]


class _FeatureIndex:
    """Events of the day-precise entries by feature, so an undated event meets only those it shares words with."""

    def __init__(self, members: list[tuple[int, Event]], all_features: dict[int, frozenset[str]]) -> None:
        self.members = members
        self.holders: dict[str, list[int]] = defaultdict(list)
        for position, (_, event) in enumerate(members):
            for feature in all_features[id(event)]:
                self.holders[feature].append(position)

    def sharing(self, features: frozenset[str]) -> list[tuple[int, Event]]:
        positions = {position for feature in features
                     if len(holders := self.holders.get(feature, ())) <= MAX_HOLDERS for position in holders}
        return [self.members[position] for position in sorted(positions)]


def _best_match(event: Event, day_events: _FeatureIndex, clusters: list[list[Event]],
                all_features: dict[int, frozenset[str]], not_before: dt.date | None) -> int | None:
    """The day-precise entry an unresolved relative event most closely retells, if any is close enough."""
    features = all_features[id(event)]
    best, best_score = None, 0.0
    for index, other in day_events.sharing(features):
        if not_before and clusters[index][0].last < not_before - dt.timedelta(days=14):
            continue
        score, shared = _overlap(features, all_features[id(other)])
        if score >= ATTACH_OVERLAP and shared >= MERGE_MIN_SHARED + 1 and score > best_score:
            best, best_score = index, score
    return best


def _entry(events: list[Event], corroborated: tuple[str, ...], all_features: dict[int, frozenset[str]]) -> TimelineEntry:
    lead = _most_representative(events, all_features)
    entities = tuple(dict.fromkeys(name for e in events for name in e.entities))
    return TimelineEntry(key="", first=lead.first, last=lead.last, precision=lead.precision,
                         qualifier=lead.qualifier, sentence=lead.sentence, citations=tuple(events),
                         entities=entities, dated_by_corroboration=corroborated)


def _most_representative(events: list[Event], all_features: dict[int, frozenset[str]]) -> Event:
    """The citation sharing most with the others (the shorter on a tie): the entry's lead sentence."""
    features = [all_features[id(e)] for e in events]
    dated = [i for i, e in enumerate(events) if e.resolved] or list(range(len(events)))
    held = Counter(feature for feature_set in features for feature in feature_set)

    def score(i: int) -> tuple[int, int]:  # features shared with each other citation, counted once per citation
        return (sum(held[feature] - 1 for feature in features[i]), -len(events[i].sentence))

    return events[max(dated, key=score)]


def _flag_conflicts(entries: list[TimelineEntry], all_features: dict[int, frozenset[str]]) -> list[TimelineEntry]:
    """Entries at the same precision, close in time, telling the same thing under different dates."""
    features = [frozenset().union(*(all_features[id(e)] for e in entry.citations)) for entry in entries]
    day_entries = sorted((i for i, entry in enumerate(entries) if entry.precision is Precision.DAY),
                         key=lambda i: entries[i].first)
    conflicts: dict[int, list[str]] = defaultdict(list)
    for x, y in candidate_pairs([features[i] for i in day_entries]):
        i, j = day_entries[x], day_entries[y]
        a, b = entries[i], entries[j]
        if a.first == b.first or abs((b.first - a.first).days) > CONFLICT_WINDOW_DAYS:
            continue
        score, shared = _overlap(features[i], features[j])
        if score >= CONFLICT_OVERLAP and shared >= CONFLICT_MIN_SHARED:
            conflicts[i].append(format_date_iso(b.first, b.precision))
            conflicts[j].append(format_date_iso(a.first, a.precision))
    return [replace(entry, conflicts=tuple(sorted(conflicts[i]))) if conflicts[i] else entry
            for i, entry in enumerate(entries)]


def _with_unique_keys(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    counts: dict[str, int] = defaultdict(int)
    result = []
    for entry in sorted(entries, key=lambda e: (e.first is None, e.first or dt.date.min, e.last or dt.date.min,
                                                  e.precision.value if e.precision else "", e.sentence)):
        base = f"e-{entry.first.isoformat()}" if entry.first else "e-undated"
        counts[base] += 1
        result.append(replace(entry, key=f"{base}-{counts[base]}"))
    return result
