"""Entity resolution: which of the names written across the dossier are one entity.

It runs once over the whole dossier, after extraction and before assembly, because the
evidence is spread over articles: "International Monetary Fund (IMF)" defines an acronym
that another article uses alone; "Volcker" is the Paul Volcker of the same article. The
rules, in order of trust:

1. The curator's registry: a registered name or alias is that entity. Two registered
   entities are never joined, and no rule below overrides a registered name.
2. The same name written differently: case, dots, a leading "the", hyphens and dashes
   ("U.S." and "US", "The European Community" and "European Community").
3. Well-known names (`known_names.KNOWN_NAMES`): one country or body under several names.
4. An acronym and its expansion: defined in brackets in any article, or, failing that, the
   initials of exactly one organisation or place in the dossier that an article writes beside it
   (or of one named three times as often as all others with them: "FDA" beside a stray "Federal
   Drug Administration").
5. A name of one word joins the one person whose full name ends in it: in the same article
   first, then in the whole dossier. When two or more people share it, it stays apart and
   says which people it may be.
6. One kind per entity: the registry's, else the kind most of its mentions were given (a
   surname that joined a person is that person's kind, and does not vote).
7. A one-word name the dossier mostly writes as an ordinary lower-case word ("Bank" beside
   "the bank", "Administration") is no entity, unless the curator registers it; nor is initials
   and a word the dossier writes there in lower case ("U.S. Interest" beside "U.S. interest rates").

Every spelling joined to another is kept with the rule that joined it: the entity's page shows it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from generator.assemble.cut_names import completed_at_and
from generator.assemble.known_names import KNOWN_NAMES
from generator.assemble.name_keys import (
    acronym_definitions,
    bare_key,
    display_name,
    initials,
    is_surname_alone,
    kind_by_votes,
    loose_key,
    surname_keys,
    written_as_acronym,
)
from generator.assemble.word_counts import QUALIFIER, Tally, lower_case_counts
from generator.ingest.registry import Registry
from generator.model import Article, EntityKind, Joined, Mention
from generator.text.fold import fold_key
from generator.text.lexicon import NAME_PARTICLES, ORGANISATION_HEADS

#: Why one spelling was joined to another, as the entity page says it.
SAME_NAME = "the same name written with other capitals, dots or hyphens"
KNOWN = "a well-known other name for it"
ACRONYM_DEFINED = "its acronym, defined in brackets in the articles"
ACRONYM_INITIALS = "its acronym (its initials, and no other name in the dossier has them)"
SURNAME = "a surname, written alone where the full name is"
REGISTERED = "a spelling given in seeds/entities.yml"

#: An acronym whose initials two names share joins the one named this many times as often as the rest.
DOMINANT = 3


@dataclass(frozen=True)
class Resolution:
    """What the stage decided beyond each mention's new name: for the entity pages to explain."""

    joined: dict[str, tuple[Joined, ...]]  # entity name -> the spellings joined to it
    shared_surname: dict[str, tuple[str, ...]]  # a name kept apart -> the people who share it
    common_words: tuple[str, ...] = ()  # one-word "names" the dossier mostly writes in lower case: set aside


def resolve_entities(articles: Sequence[Article], registry: Registry) -> tuple[list[Article], Resolution]:
    """The articles with every mention renamed to its entity's one name and kind, and what was joined."""
    articles = completed_at_and(articles)
    mentions = [mention for article in articles for mention in article.mentions]
    groups = _Groups(registry)
    keys = [groups.add(mention) for mention in mentions]
    groups.join_spelling_variants()
    groups.join_known_names()
    groups.join_acronyms(acronym_definitions(articles), _articles_of(articles, keys))
    surname_of = _surnames(articles, keys, groups)
    for index, person_key in surname_of.items():
        groups.add_surname(keys[index], person_key)
        keys[index] = person_key

    names, kinds = groups.decide(mentions, keys, voting=[index not in surname_of for index in range(len(mentions))])
    common = _common_words(articles, groups, names)
    renamed = iter([_renamed(mention, None if root in common else names[root], kinds[root])
                    for mention, root in zip(mentions, map(groups.find, keys), strict=True)])
    resolved = [replace(article, mentions=tuple(m for m in (next(renamed) for _ in article.mentions) if m))
                for article in articles]
    return resolved, Resolution(joined=groups.explanations(names), shared_surname=groups.shared_surnames(names),
                                common_words=tuple(sorted(names[root] for root in common)))


@lru_cache(maxsize=1 << 16)  # ten thousand names a build, nearly all with last build's spellings and votes
def _display_name(written: tuple[tuple[str, int], ...], known: str | None) -> str:
    return display_name(Counter(dict(written)), known)


@lru_cache(maxsize=1 << 16)
def _kind(votes: tuple[tuple[EntityKind, int], ...], cued: tuple[tuple[EntityKind, int], ...], titled: bool,
          one_word: bool) -> EntityKind:
    return kind_by_votes(Counter(dict(votes)), Counter(dict(cued)), titled=titled, one_word=one_word)


def _articles_of(articles: Sequence[Article], keys: Sequence[str]) -> dict[str, set[str]]:
    """Name key -> the articles that write it."""
    found_in: dict[str, set[str]] = defaultdict(set)
    mentions = (mention for article in articles for mention in article.mentions)
    for mention, key in zip(mentions, keys, strict=True):
        found_in[key].add(mention.article_id)
    return found_in


@lru_cache(maxsize=1 << 17)  # the same object for the same answer, build after build: pages compare by reference
def _renamed(mention: Mention, name: str | None, kind: EntityKind) -> Mention | None:
    """The mention under its entity's name and kind; None when it names no entity."""
    if name is None:
        return None
    return mention if (mention.name, mention.kind) == (name, kind) else replace(mention, name=name, kind=kind)


class _Groups:
    """Union-find over name keys, remembering why each key joined its group."""

    def __init__(self, registry: Registry) -> None:
        self.parent: dict[str, str] = {}
        self.reason: dict[str, str] = {}  # key -> why it joined its group
        self.written: dict[str, Counter[str]] = defaultdict(Tally)  # key -> names as extracted
        self.kind_votes: dict[str, Counter[EntityKind]] = defaultdict(Tally)
        self.registered: dict[str, object] = {}  # root key -> its registered entity
        self.surname_candidates: dict[str, tuple[str, ...]] = {}
        self.surname_joins: set[tuple[str, str]] = set()  # (person key, surname key)
        for entity in registry.entities:
            root = self._key(bare_key(entity.name))
            self.registered[root] = entity
            for alias in entity.aliases:
                self._union(root, self._key(bare_key(alias)), REGISTERED)

    def _key(self, key: str) -> str:
        self.parent.setdefault(key, key)
        return key

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def _union(self, keep: str, join: str, reason: str) -> bool:
        """Join `join`'s group to `keep`'s; refused when both hold a registered entity."""
        keep, join = self.find(keep), self.find(join)
        if keep == join or (keep in self.registered and join in self.registered):
            return False
        if join in self.registered:
            keep, join = join, keep
        self.parent[join] = keep
        self.reason.setdefault(join, reason)
        return True

    def add(self, mention: Mention) -> str:
        key = self._key(bare_key(mention.name) or fold_key(mention.name))
        self.written[key][mention.name] += 1
        self.kind_votes[key][mention.kind] += 1
        return key

    def _mostly_people(self, key: str) -> bool:
        return self._mostly(key) is EntityKind.PERSON

    def _mostly(self, key: str) -> EntityKind | None:
        """The kind more than half of the key's mentions have, if one has."""
        votes = self.kind_votes[key]
        kind, count = votes.most_common(1)[0] if votes else (None, 0)
        return kind if count * 2 > sum(votes.values()) else None

    def add_surname(self, surname_key: str, person_key: str) -> None:
        self.surname_joins.add((person_key, surname_key))

    def join_spelling_variants(self) -> None:
        """"Organisation for Economic Co-operation" and "Organization of Economic Cooperation"."""
        by_loose: dict[str, str] = {}
        for key in list(self.parent):
            loose = loose_key(key, self._mostly(key))
            if loose in by_loose:
                self._union(by_loose[loose], key, SAME_NAME)
            else:
                by_loose[loose] = key

    def join_known_names(self) -> None:
        for names in KNOWN_NAMES:
            present = [key for key in map(bare_key, names) if key in self.parent]
            for key in present[1:]:
                self._union(present[0], key, KNOWN)

    def join_acronyms(self, defined: dict[str, Counter[str]], found_in: dict[str, set[str]]) -> None:
        """An acronym joins the expansion defined for it in brackets, else the one name (or the dominant one)
        whose initials it is and that some article writes beside it: "GE" and "Group of Eight", never
        in one story, are two bodies."""
        acronyms = [key for key in self.parent if " " not in key and written_as_acronym(self.written[key])]
        for acronym in acronyms:
            expansions = [key for key, _ in (defined.get(acronym) or Counter()).most_common() if key in self.parent]
            if expansions:
                self._union(expansions[0], acronym, ACRONYM_DEFINED)
        by_initials: dict[str, set[str]] = defaultdict(set)
        for key in list(self.parent):
            if " " in key and not self._mostly_people(key):  # "GE" is no "Glenn English"
                for letters in initials(key):
                    by_initials[letters].add(key)
        for acronym in acronyms:
            if self.find(acronym) != acronym or acronym in self.registered:
                continue
            sizes = Counter()
            for key in by_initials.get(acronym, ()):
                if found_in.get(key, set()) & found_in.get(acronym, set()):
                    sizes[self.find(key)] += sum(self.written[key].values())
            ranked = sizes.most_common()
            if ranked and (len(ranked) == 1 or ranked[0][1] >= DOMINANT * sum(n for _, n in ranked[1:])):
                self._union(ranked[0][0], acronym, ACRONYM_INITIALS)

    def decide(self, mentions: Sequence[Mention], keys: Sequence[str], voting: Sequence[bool]):
        """Each group's one name and kind."""
        written: dict[str, Counter[str]] = defaultdict(Tally)
        votes: dict[str, Counter[EntityKind]] = defaultdict(Tally)
        cued: dict[str, Counter[EntityKind]] = defaultdict(Tally)  # kinds the text itself shows
        titled: set[str] = set()  # roots written with a title or role, or by surname alone: persons
        for mention, key, votes_here in zip(mentions, keys, voting, strict=True):
            root = self.find(key)
            if votes_here:
                written[root][mention.name] += 1
                if mention.origin != "echo":  # an echo repeats the kind the dossier gave the name
                    votes[root][mention.kind] += 1
                if mention.origin == "rule":
                    cued[root][mention.kind] += 1
            if mention.role or not votes_here:
                titled.add(root)
        names: dict[str, str] = {}
        kinds: dict[str, EntityKind] = {}
        known = self._known_names()
        for root in {self.find(key) for key in keys}:
            entity = self.registered.get(root)
            if entity is not None:
                names[root], kinds[root] = entity.name, entity.kind
                continue
            names[root] = _display_name(tuple((written[root] or self.written[root]).items()), known.get(root))
            if root in self.surname_candidates and votes[root][EntityKind.PLACE] < sum(votes[root].values()) / 2:
                kinds[root] = EntityKind.PERSON  # a surname several people in the dossier share
            else:
                kinds[root] = _kind(tuple(votes[root].items()), tuple(cued[root].items()), root in titled, " " not in root)
        return names, kinds

    def _known_names(self) -> dict[str, str]:
        """Group root -> the table's preferred name, for the groups the table joined."""
        known = {}
        for names in KNOWN_NAMES:
            for key in map(bare_key, names):
                if key in self.parent:
                    known.setdefault(self.find(key), names[0])
        return known

    def explanations(self, names: dict[str, str]) -> dict[str, tuple[Joined, ...]]:
        joined: dict[str, list[Joined]] = defaultdict(list)
        for key in self.parent:
            root = self.find(key)
            if root not in names:
                continue
            name = names[root]
            for spelling in sorted(self.written[key], key=lambda s: (fold_key(s), s)):
                if fold_key(spelling) == fold_key(name):
                    continue
                reason = self.reason.get(key, SAME_NAME) if key != root else SAME_NAME
                if reason != REGISTERED:
                    joined[name].append(Joined(spelling, reason))
        for person_key, surname_key in self.surname_joins:
            for spelling in self.written[surname_key]:
                joined[names[self.find(person_key)]].append(Joined(spelling, SURNAME))
        # the spelling itself breaks a tie ("US", "Us"): a set's order follows the hash seed
        return {name: tuple(sorted(set(items), key=lambda j: (fold_key(j.spelling), j.reason, j.spelling)))
                for name, items in joined.items()}

    def shared_surnames(self, names: dict[str, str]) -> dict[str, tuple[str, ...]]:
        return {names[self.find(key)]: tuple(sorted(names[self.find(person)] for person in people))
                for key, people in self.surname_candidates.items() if self.find(key) in names}


_QUALIFIED_WORD = re.compile(rf"({QUALIFIER}) ([A-Z][a-z]+)")
#: A capitalised word is a common noun, not a name, when the dossier writes it in lower case at least
#: this many times as often as it names it ("Bank", "Administration"); a surname or "Reuters" never is.
COMMON_WORD_RATIO = 2
COMMON_WORD_MIN = 3
#: "U.S. Investment": initials and a word the dossier writes in lower case this many times as often
#: as it names the pair ("U.S. Army" keeps its page: an army is a body).
QUALIFIED_COMMON_RATIO = 5


def _common_words(articles: Sequence[Article], groups: _Groups, names: dict[str, str]) -> set[str]:
    """Roots of unregistered one-word names that the articles mostly write as an ordinary word."""
    candidates = {root: name.lower() for root, name in names.items()
                  if root not in groups.registered and " " not in name and name.isalpha()
                  and not name.isupper() and name[:1].isupper()}
    qualified = {root: (match[1], match[2].lower()) for root, name in names.items()
                 if root not in groups.registered and (match := _QUALIFIED_WORD.fullmatch(name))}
    if not candidates and not qualified:
        return set()
    lower, lower_after = lower_case_counts(articles)
    mentions: Counter[str] = Counter()
    for key, written in groups.written.items():
        mentions[groups.find(key)] += sum(written.values())
    common = {root for root, word in candidates.items()
              if lower[word] >= COMMON_WORD_MIN and lower[word] >= COMMON_WORD_RATIO * mentions[root]}
    # "“Recognition would reward …”": a word capitalised only where it opens a sentence, written in small
    # letters elsewhere, is that word
    opening = _only_at_openings(articles, groups, set(candidates))
    common |= {root for root in opening if lower[candidates[root]] >= 1}
    # "U.S. Interest", "U.S. Industry": a word after initials that the dossier writes there in lower case
    common |= {root for root, (initials_, word) in qualified.items()
               if lower_after[(initials_, word)] >= max(2, mentions[root])
               or (word not in ORGANISATION_HEADS and lower[word] >= QUALIFIED_COMMON_RATIO * mentions[root])}
    return common


def _only_at_openings(articles: Sequence[Article], groups: _Groups, roots: set[str]) -> set[str]:
    """Roots all of whose mentions open a sentence (after any quote mark), the model's only cue the capital."""
    opening = {root: True for root in roots}
    for article in articles:
        texts = {paragraph.number: paragraph.text for paragraph in article.paragraphs}
        for mention in article.mentions:
            root = groups.find(bare_key(mention.name) or fold_key(mention.name))
            if root in opening and opening[root]:
                before = texts.get(mention.paragraph, "")[:mention.start].rstrip(" “\"‘'")
                opening[root] = mention.origin == "model" and (not before or before[-1] in ".!?:;")
    return {root for root, only in opening.items() if only}


def _surnames(articles: Sequence[Article], keys: Sequence[str], groups: _Groups) -> dict[int, str]:
    """Mention index -> the key of the one person whose full name ends in the name it is written as."""
    people_in: dict[str | None, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    #: article -> given name -> the people of that article it opens the full name of ("Laila" of "Laila Ahmadi")
    given_in: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    index = 0
    mention_keys: list[tuple[str, Mention, str]] = []
    for article in articles:
        for mention in article.mentions:
            key = keys[index]
            mention_keys.append((article.metadata.article_id, mention, key))
            if mention.kind is EntityKind.PERSON and " " in key and not is_surname_alone(key):
                for scope in (article.metadata.article_id, None):
                    for surname in surname_keys(key):
                        people_in[scope][surname].add(groups.find(key))
                for given in key.split()[:-1]:  # "Sayed Mustafa Hashimi" is "Mustafa" too
                    if given not in NAME_PARTICLES:
                        given_in[article.metadata.article_id][given].add(groups.find(key))
            index += 1
    for root, entity in groups.registered.items():
        if entity.kind is EntityKind.PERSON and " " in root:
            for surname in surname_keys(root):
                people_in[None][surname].add(root)

    owners: dict[int, str] = {}
    nobody: dict[str, set[str]] = {}
    acronym: dict[str, bool] = {}
    for index, (article_id, mention, key) in enumerate(mention_keys):
        if mention.origin != "registry" and " " not in key \
                and key not in people_in.get(article_id, nobody) and len(given_in[article_id].get(key, ())) == 1:
            owners[index] = next(iter(given_in[article_id][key]))  # "Laila said", beside "Laila Ahmadi"
            continue
        if mention.origin == "registry" or key not in people_in[None]:
            continue
        if key not in acronym:
            acronym[key] = groups.find(key) in groups.registered or written_as_acronym(groups.written[key])
        if acronym[key]:
            continue
        here, anywhere = people_in.get(article_id, nobody).get(key, set()), people_in[None][key]
        if mention.kind is EntityKind.PLACE:  # "Washington" is a person only beside George Washington
            anywhere = here
        if len(here) == 1:
            owners[index] = next(iter(here))
        elif not here and len(anywhere) == 1:
            owners[index] = next(iter(anywhere))
        elif len(anywhere) > 1:
            groups.surname_candidates[key] = tuple(sorted(anywhere))
    return owners
