"""Events from all articles become the timeline: one entry per thing that happened.

Events with the same date, precision and qualifier are merged when they tell the same
thing: they share names or distinctive words, and, under a month, year or decade (which hold
many happenings), the clauses that carry the date share them too: "became the first bank to lend ...
since the merger in 1985" and "did not close its branch in 1985" are two happenings of
1985, not one. A planned or expected date never merges with a past one. An event
an undated article dates only relatively ("last week") joins an entry whose date its article's bounds allow, if it
tells the same thing closely; it is then dated by corroboration, and says so. Entries
that tell the same thing under different dates are flagged as conflicting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from generator.assemble.corroboration import earliest_publication
from generator.assemble.event_features import (
    action_features,
    candidate_pairs,
    date_clause,
    event_features,
    feature_overlap,
    same_action,
)
from generator.extract.dates import Reference, find_time_expressions
from generator.model import Article, Conflict, EntityKind, Event, Precision, TimelineEntry
from generator.text.lexicon import HAPPENS_ONCE, happening_in, happenings_in

#: Share of the smaller event's words and names two events with the same date must share to be
#: merged. The more precise the date they share, the less wording it takes: two reports of
#: something on 3 July are likelier the same event than two reports of something in 2021.
MERGE_OVERLAP = {Precision.DAY: 0.1, Precision.WEEK: 0.2, Precision.MONTH: 0.2, Precision.YEAR: 0.3,
                 Precision.DECADE: 0.3, Precision.SPAN: 0.2}
MERGE_MIN_SHARED = 2
ATTACH_OVERLAP = 0.3  # stricter for an event whose own date is unresolved
#: (kind of happening, actor) pairs two entries must share to tell one happening, unless the actor they
#: share is a person: "the junta" arresting on two days is two arrests; a rally at which one named
#: activist was detained, dated two days, one rally.
CONFLICT_MIN_TOLD = 2
CONFLICT_OVERLAP = 0.3  # of the sentences' words and names, once the happening and actors agree
CONFLICT_MIN_SHARED = 2
CONFLICT_WINDOW_DAYS = 45
#: Dates broad enough to hold many happenings: there, the clauses carrying the date must agree too.
COARSE = frozenset({Precision.MONTH, Precision.YEAR, Precision.DECADE, Precision.SPAN})
MAX_HOLDERS = 200  # a feature held by more events is no evidence for attaching an undated one

#: A sentence opening with a word that points elsewhere ("This comes as ...", "It said ..."): it does
#: not state its happening on its own, so it leads an entry only when no citation does.
_DANGLING_OPENING = re.compile(r"^\W*(?:this|that|these|those|it|its|they|their|them|he|she|his|her|such|"
                               r"which|there)\b", re.IGNORECASE)


def build_timeline(articles: Sequence[Article]) -> list[TimelineEntry]:
    bounds = {a.metadata.article_id: a.metadata.date.not_before for a in articles}
    dated = [e for a in articles for e in a.events if e.resolved]
    undated = [e for a in articles for e in a.events if not e.resolved and not e.anchored]
    anchored = [e for a in articles for e in a.events if e.anchored]

    places = {m.name for a in articles for m in a.mentions if m.kind is EntityKind.PLACE}
    people = {m.name for a in articles for m in a.mentions if m.kind is EntityKind.PERSON}
    happenings = {event: _happenings(event, places) for event in dated}
    clusters: list[list[Event]] = []
    by_key: dict[tuple, list[Event]] = defaultdict(list)
    for event in dated:
        by_key[(event.first, event.last, event.precision, event.qualifier, event.planned)].append(event)
    for key in sorted(by_key, key=_sort_key):
        events = by_key[key]
        linked = _linked(tuple(events), MERGE_OVERLAP[key[2]], MERGE_MIN_SHARED, key[2] in COARSE)
        clusters.extend(_joined_by_happening([[events[i] for i in cluster] for cluster in linked], happenings))

    attached: dict[int, list[Event]] = defaultdict(list)
    leftovers: list[Event] = []
    day_clusters = _FeatureIndex([(index, event) for index, cluster in enumerate(clusters)
                                  if cluster[0].precision is Precision.DAY for event in cluster])
    for event in undated:
        target = _best_match(event, day_clusters, clusters, bounds.get(event.article_id)) \
            if _near_relative(event.phrase) and not event.planned else None
        if target is None:
            leftovers.append(event)
        else:
            attached[target].append(event)

    named = _anchored_to(anchored, clusters, happenings)
    entries = []
    for index, cluster in enumerate(clusters):
        cited = {c.article_id for c in cluster}
        extra = [e for e in attached[index] if e.article_id not in cited]
        also = [e for e in named[index] if e.article_id not in {x.article_id for x in extra}]
        entries.append(_entry(tuple(cluster + extra + also), tuple(dict.fromkeys(e.article_id for e in extra)),
                              frozenset(happening for event in cluster for happening, _ in happenings[event])))
    entries = _flag_conflicts(entries, happenings, people)
    entries += [_entry((event,), ()) for event in leftovers]
    return _with_unique_keys(entries)


def _happenings(event: Event, places: set[str]) -> frozenset[tuple[str, str]]:
    """(kind of happening, name) pairs the clause carrying the date tells of: ("came to power", "Junta")
    for "since the group seized control of the country in 2014" in a sentence naming the Junta. The
    actors are people and bodies: a city is where many happenings of a kind take place."""
    return frozenset((kind, name) for kind in _kinds_told(event) for name in event.entities if name not in places)


@lru_cache(maxsize=1 << 16)  # an edit rebuilds the timeline: each event's clause is read once per process
def _kinds_told(event: Event) -> tuple[str, ...]:
    return tuple(kind for kind, _ in happenings_in(date_clause(event)))


def _root(parent: list[int], i: int) -> int:
    """Union-find: the root of i's set, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _joined_by_happening(clusters: list[list[Event]], happenings: dict[Event, frozenset[tuple[str, str]]]) -> list[list[Event]]:
    """Clusters of one date that tell the same kind of happening of the same actor are one event, however
    differently worded: "the group seized control in 2014" and "the Junta's takeover in 2014"."""
    parent = list(range(len(clusters)))

    holder: dict[tuple[str, str], int] = {}
    for index, cluster in enumerate(clusters):
        for pair in {pair for event in cluster for pair in happenings[event]}:
            if pair in holder:
                parent[_root(parent, index)] = _root(parent, holder[pair])
            else:
                holder[pair] = index
    joined: dict[int, list[Event]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        joined[_root(parent, index)].extend(cluster)
    return [joined[key] for key in sorted(joined)]


def _anchored_to(anchored: list[Event], clusters: list[list[Event]],
                 happenings: dict[Event, frozenset[tuple[str, str]]]) -> dict[int, list[Event]]:
    """Cluster index -> the sentences without a date that name its happening and actor ("since the group's
    return to power"), where one past date only is given for that happening of that actor: the first such
    sentence of each article that does not date it itself. The others are left off: nothing dates them."""
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        for event in cluster:
            if not event.planned:
                for pair in happenings[event]:
                    holders[pair].add(index)
    named: dict[int, list[Event]] = defaultdict(list)
    for event in anchored:
        if event.happening not in HAPPENS_ONCE:
            continue  # "arrests of journalists" names no one arrest a date could stand for
        candidates = set().union(*(holders.get((event.happening, name), set()) for name in event.entities))
        if len(candidates) == 1:
            index = candidates.pop()
            if all(event.article_id != other.article_id for other in clusters[index] + named[index]):
                named[index].append(event)  # an article's first words for it; its own date, if any, cites it
    return named


def _sort_key(key: tuple) -> tuple:
    first, last, precision, qualifier, planned = key
    return (first, last, precision.value, qualifier, planned)


@lru_cache(maxsize=1 << 15)  # one date's events: an edit changes the events of a few dates, not the rest
def _linked(events: tuple[Event, ...], threshold: float, min_shared: int, coarse: bool) -> tuple[tuple[int, ...], ...]:
    """One date's events in clusters of positions in `events`, linked by shared words and names; only pairs
    sharing something are compared. Under a coarse date the clauses carrying it must pass the same test:
    the same happening."""
    features = [event_features(event) for event in events]
    clauses = [action_features(event) for event in events] if coarse else None
    parent = list(range(len(events)))

    for i, j in candidate_pairs(features):
        shared = len(features[i] & features[j])
        if shared >= min_shared and shared / min(len(features[i]), len(features[j])) >= threshold \
                and (clauses is None or same_action(clauses[i], clauses[j], threshold, min_shared)):
            parent[_root(parent, j)] = _root(parent, i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[_root(parent, i)].append(i)
    return tuple(tuple(groups[key]) for key in sorted(groups))


class _FeatureIndex:
    """Events of the day-precise entries by feature, so an undated event meets only those it shares words with."""

    def __init__(self, members: list[tuple[int, Event]]) -> None:
        self.members = members
        self.holders: dict[str, list[int]] = defaultdict(list)
        for position, (_, event) in enumerate(members):
            for feature in event_features(event):
                self.holders[feature].append(position)

    def sharing(self, features: frozenset[str]) -> list[tuple[int, Event]]:
        positions = {position for feature in features
                     if len(holders := self.holders.get(feature, ())) <= MAX_HOLDERS for position in holders}
        return [self.members[position] for position in sorted(positions)]


@lru_cache(maxsize=4096)
def _near_relative(phrase: str) -> bool:
    """"Last week", "Thursday", "yesterday": an expression that, resolved, names a day or a week, so it can
    retell a day-precise entry. "A year ago" or "last month" names a span no single day stands for."""
    resolved = find_time_expressions(phrase, Reference(date=dt.date(2000, 6, 15)))
    return bool(resolved) and all(e.precision in (Precision.DAY, Precision.WEEK) for e in resolved)


def _best_match(event: Event, day_events: _FeatureIndex, clusters: list[list[Event]],
                not_before: dt.date | None) -> int | None:
    """The day-precise entry an unresolved relative event most closely retells, if any is close enough and
    its own words allow that day: "Monday" retells nothing that happened on a Friday, nor "24 December"
    anything of 19 May."""
    sharing = day_events.sharing(event_features(event))  # in the order of the clusters
    order = list(dict.fromkeys(index for index, _ in sharing))
    rank = {index: position for position, index in enumerate(order)}
    candidates = tuple((other, rank[index], clusters[index][0].first, clusters[index][0].last)
                       for index, other in sharing)
    best = _best_candidate(event, not_before, candidates)
    return None if best is None else order[best]


@lru_cache(maxsize=1 << 14)  # the question depends only on these: an edit asks it again of few events
def _best_candidate(event: Event, not_before: dt.date | None,
                    candidates: tuple[tuple[Event, int, dt.date, dt.date], ...]) -> int | None:
    """Of the (event, entry, entry's first and last day) candidates, the entry `_best_match` chooses."""
    features = event_features(event)
    kind = happening_in(date_clause(event))[0]
    scored: dict[int, float] = {}
    firsts: dict[int, dt.date] = {}
    for other, entry, first, last in candidates:
        if not_before and last < not_before - dt.timedelta(days=14):
            continue
        if other.planned:  # a past "last week" retells no plan
            continue
        other_kind = happening_in(date_clause(other))[0]
        if kind and other_kind and kind != other_kind:  # a hearing "on Tuesday" retells no rally of a Tuesday
            continue
        score, shared = feature_overlap(features, event_features(other))
        if score >= ATTACH_OVERLAP and shared >= MERGE_MIN_SHARED + 1 and score > scored.get(entry, 0.0):
            scored[entry], firsts[entry] = score, first
    for entry in sorted(scored, key=lambda i: (-scored[i], i)):
        if earliest_publication(event, firsts[entry]) is not None:
            return entry
    return None


@lru_cache(maxsize=1 << 15)  # an edit leaves most entries' citations as they were
def _entry(events: tuple[Event, ...], corroborated: tuple[str, ...], happenings: frozenset[str] = frozenset()) -> TimelineEntry:
    lead = _most_representative(events, happenings)
    sentence = _lead_sentence(lead, happenings)
    entities = tuple(dict.fromkeys(name for e in events for name in e.entities))
    return TimelineEntry(key="", first=lead.first, last=lead.last, precision=lead.precision,
                         qualifier=lead.qualifier, sentence=sentence, citations=tuple(events),
                         entities=entities, dated_by_corroboration=corroborated, planned=lead.planned)


def _lead_sentence(lead: Event, happenings: set[str]) -> str:
    """The lead's sentence, or only its clause that carries the date when the sentence is about another
    happening: "… since the group seized control of the country in 2021." leads the entry of the takeover,
    not the recognition the sentence is about."""
    if not happenings or not lead.resolved:
        return lead.sentence
    clause = date_clause(lead, masked_date=False).strip(" ,;:–—-")
    if happening_in(clause)[0] in happenings and happening_in(lead.sentence)[0] not in happenings:
        return f"… {clause}{'' if clause.endswith(('.', '!', '?')) else '.'}"
    return lead.sentence


def _most_representative(events: Sequence[Event], happenings: frozenset[str] = frozenset()) -> Event:
    """The citation sharing most with the others (the shorter on a tie): the entry's lead sentence.
    A sentence that states its happening on its own comes first: "This comes as the ministry announced
    ..." leads only when no citation names what happened without pointing back; and one whose date's
    own clause names the entry's kind of happening before one that merely mentions the date."""
    features = [event_features(e) for e in events]
    dated = [i for i, e in enumerate(events) if e.resolved] or list(range(len(events)))
    held = Counter(feature for feature_set in features for feature in feature_set)

    def score(i: int) -> tuple[bool, bool, int, int]:  # features shared with each other citation, once per citation
        about_it = bool(happenings) and events[i].resolved and happening_in(date_clause(events[i]))[0] in happenings
        return (not _DANGLING_OPENING.match(events[i].sentence), about_it,
                sum(held[feature] - 1 for feature in features[i]), -len(events[i].sentence))

    return events[max(dated, key=score)]


def _flag_conflicts(entries: list[TimelineEntry],
                    happenings: dict[Event, frozenset[tuple[str, str]]], people: set[str]) -> list[TimelineEntry]:
    """Entries dated to different days, close in time, that tell the same happening of the same actor in
    the clauses carrying their dates, in words they share: "the rally on Tuesday 10 March" against
    "detained at a rally on 11 March". Not two happenings of one story that share its names and words
    (an arrest and a hearing, a rally and the next one planned), nor a plan against what happened."""
    features = [frozenset().union(*map(event_features, entry.citations)) for entry in entries]
    told = [frozenset().union(*(happenings.get(e, frozenset()) for e in entry.citations)) for entry in entries]
    day_entries = sorted((i for i, entry in enumerate(entries) if entry.precision is Precision.DAY and told[i]
                          and not entry.planned), key=lambda i: entries[i].first)
    conflicts: dict[int, list[Conflict]] = defaultdict(list)
    for x, y in candidate_pairs([told[i] for i in day_entries]):  # only entries telling a happening of an actor
        i, j = day_entries[x], day_entries[y]
        a, b = entries[i], entries[j]
        if a.first == b.first or abs((b.first - a.first).days) > CONFLICT_WINDOW_DAYS:
            continue
        if not _told_apart(a, b):
            continue  # one article's, or one sentence's, two dates: two events it tells, not a disagreement
        both = told[i] & told[j]
        if a.planned or b.planned or not (len(both) >= CONFLICT_MIN_TOLD or any(name in people for _, name in both)):
            continue
        score, shared = feature_overlap(features[i], features[j])
        if score >= CONFLICT_OVERLAP and shared >= CONFLICT_MIN_SHARED:
            conflicts[i].append(_conflict_with(b, a))
            conflicts[j].append(_conflict_with(a, b))
    return [replace(entry, conflicts=tuple(sorted(conflicts[i], key=lambda c: (c.first, c.citations))))
            if conflicts[i] else entry for i, entry in enumerate(entries)]


def _conflict_with(other: TimelineEntry, entry: TimelineEntry) -> Conflict:
    """`other`'s date, as the sources that give it and are not `entry`'s own articles cite it."""
    own = set(entry.article_ids)
    cited = tuple(dict.fromkeys((event.article_id, event.paragraph) for event in other.citations
                                if event.article_id not in own)) \
        or tuple(dict.fromkeys((event.article_id, event.paragraph) for event in other.citations))
    return Conflict(other.first, other.precision, cited)


def _told_apart(a: TimelineEntry, b: TimelineEntry) -> bool:
    """Whether two entries' dates can disagree: a conflict is between sources, so some citation of each
    must come from another article, and no sentence is cited by both ("detained at a rally on 11 March,
    appeared in court on Saturday" dates two events)."""
    sentences = {(event.article_id, event.paragraph, event.sentence) for event in a.citations}
    if any((event.article_id, event.paragraph, event.sentence) in sentences for event in b.citations):
        return False
    return any(x.article_id != y.article_id for x in a.citations for y in b.citations)


def _with_unique_keys(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    counts: dict[str, int] = defaultdict(int)
    result = []
    for entry in sorted(entries, key=lambda e: (e.first is None, e.first or dt.date.min, e.last or dt.date.min,
                                                  e.precision.value if e.precision else "", e.sentence)):
        base = f"e-{entry.first.isoformat()}" if entry.first else "e-undated"
        counts[base] += 1
        result.append(_keyed(entry, f"{base}-{counts[base]}"))
    return result


@lru_cache(maxsize=1 << 15)  # the same entry under the same key is the same object, build after build
def _keyed(entry: TimelineEntry, key: str) -> TimelineEntry:
    return replace(entry, key=key)
