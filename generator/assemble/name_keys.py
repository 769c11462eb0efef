"""How names are compared and chosen: the keys a spelling is compared by (bare, loose, its initials, its
surname), an acronym's definitions, the kind a name's mentions vote for, the spelling it is shown under."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from generator.model import Article, EntityKind
from generator.text.fold import fold_key
from generator.text.lexicon import NAME_PARTICLES, is_acronym

LEGAL_FORMS = frozenset("co cos inc corp ltd plc llc ag nv sa spa gmbh".split())


LEGAL_FORM_END = re.compile(r"(?:,? (?:and|&))?(?: (?:Co|Cos|Inc|Corp|Ltd|Plc|PLC|plc|LLC|AG|NV|N\.V|SA|SpA|GmbH)\.?)+$")


INITIALS_SKIP = frozenset("of the for and on in at to & de du des la le et".split())


ACRONYM_AFTER = re.compile(r"^ \(\s*([A-Z][A-Za-z&.]{1,11})\s*\)")


EDGE = " -,;:'\"<>()[]*"


KIND_PREFERENCE = {EntityKind.ORGANISATION: 0, EntityKind.PERSON: 1, EntityKind.PLACE: 2}


@lru_cache(maxsize=1 << 17)  # the same names are keyed over and over, for every mention
def bare_key(name: str) -> str:
    """A name's comparison key once case, dots, a leading "the" or "an", hyphens and edge marks are folded."""
    key = fold_key(name).replace(".", "").replace("-", " ").strip(EDGE)
    key = re.sub(r"^(?:the|an|a) ", "", key)
    return " ".join(key.split())


def initials(name: str) -> set[str]:
    """"Organisation for Economic Co-operation and Development" -> {"oecd", "oecod"}: the words'
    first letters, small words skipped, with a hyphenated word read whole and in parts."""
    words = [word for word in fold_key(name).replace(".", "").split() if word not in INITIALS_SKIP]
    if len(words) < 2:
        return set()
    whole = "".join(word[0] for word in words if word[0].isalpha())
    parts = "".join(part[0] for word in words for part in word.split("-") if part[:1].isalpha())
    return {whole, parts}


#: A kind the text itself shows (a dateline, "officials in Essen") counts as this many of the model's guesses.
CUE_WEIGHT = 2


#: The small model takes foreign places for people ("Sri Lanka", "Galveston") far more often than it
#: takes a person for a place: a name it calls a place this often, and never titled, is a place.
PLACE_SHARE = 1 / 3


def kind_by_votes(votes: Counter[EntityKind], cued: Counter[EntityKind], titled: bool, one_word: bool) -> EntityKind:
    """One kind from all of a name's mentions: the model's labels, and the text's cues weighed above them
    unless the text also writes the name as a person's ("central bank head Miguel Mancera Aguayo")."""
    if one_word and not titled and cued[EntityKind.ORGANISATION]:
        return EntityKind.ORGANISATION  # "lobby group Eurofer": one word, a firm's cue, and never a full name
    weight = 1 if titled else CUE_WEIGHT
    ballot = votes + Counter({kind: count * (weight - 1) for kind, count in cued.items()})
    kind = min(ballot, key=lambda kind: (-ballot[kind], KIND_PREFERENCE[kind]))
    places = votes[EntityKind.PLACE]
    if kind is EntityKind.PERSON and not titled and places >= 2 and places >= PLACE_SHARE * sum(votes.values()):
        return EntityKind.PLACE
    return kind


def written_as_acronym(written: Counter[str]) -> bool:
    """The name as most often written is an acronym."""
    return bool(written) and is_acronym(written.most_common(1)[0][0])


def display_name(written: Counter[str], known: str | None) -> str:
    """The known name, else the fullest common spelling: "International Monetary Fund" over "IMF"."""
    if known:
        return known
    def rank(name: str):
        bare = name.replace(".", "")
        core = LEGAL_FORM_END.sub("", name)  # "Chrysler Corp" is spelled no fuller than "Chrysler"
        spelled_out = " " in core and not bare.replace(" ", "").isupper()
        tidy = name[:1].isalnum() and not name.lower().startswith("the ")
        return (spelled_out, not name.isupper(), tidy, written[name], len(name), name)
    return max(written, key=rank)


def acronym_definitions(articles: Iterable[Article]) -> dict[str, Counter[str]]:
    """Acronym key -> the keys of the names it was given in brackets after: "(IMF)"."""
    defined: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        texts = {paragraph.number: paragraph.text for paragraph in article.paragraphs}
        for mention in article.mentions:
            if mention.kind is EntityKind.PERSON or " " not in mention.surface:
                continue
            match = ACRONYM_AFTER.match(texts.get(mention.paragraph, "")[mention.end:])
            if match and could_abbreviate(bare_key(match[1]).replace(" ", ""), bare_key(mention.surface)):
                defined[bare_key(match[1])][bare_key(mention.surface)] += 1
    return defined


def could_abbreviate(acronym: str, name: str) -> bool:
    """"opec" for "organization of petroleum exporting countries": same first letter, and its letters
    in order in the name. Not "uk" for "barclays bank" in "Barclays Bank (UK)"."""
    if not acronym or not name or acronym[0] != name[0]:
        return False
    letters = iter(name)
    return all(letter in letters for letter in acronym)


@lru_cache(maxsize=1 << 17)  # asked of every name key, by resolution and by completing names cut at "and"
def loose_key(key: str, kind: EntityKind | None = None) -> str:
    """Spelling variants folded further: -isation/-ization, small words, spaces; a person's middle
    initials ("Carl C. Icahn" is Carl Icahn); a firm's legal form ("Morgan Stanley and Co Inc").
    People and bodies each fold apart: "France SA" is no spelling of the country."""
    words = [word for word in key.replace("isation", "ization").split() if word not in INITIALS_SKIP]
    if kind is EntityKind.ORGANISATION:
        while len(words) > 1 and words[-1] in LEGAL_FORMS:
            words.pop()
    if kind is EntityKind.PERSON and len(words) > 2:
        words = [words[0], *(word for word in words[1:-1] if len(word) > 1), words[-1]]
    namespace = {EntityKind.PERSON: "person:", EntityKind.ORGANISATION: "body:"}.get(kind, "")
    return namespace + ("".join(words) or key)


def surname_keys(key: str) -> list[str]:
    """The ways a person's full name is written by surname alone: "plessis" and "du plessis" of
    "barend du plessis". A full name's key is never its own surname."""
    words = key.split()
    keys = [words[-1]]
    for start in range(len(words) - 2, 0, -1):
        if " ".join(words[start:-1]) in NAME_PARTICLES or words[start] in NAME_PARTICLES:
            keys.append(" ".join(words[start:]))
        else:
            break
    return keys


def is_surname_alone(key: str) -> bool:
    """"de clercq": particles and a surname, no given name."""
    *particles, _ = key.split()
    return bool(particles) and (" ".join(particles) in NAME_PARTICLES or all(p in NAME_PARTICLES for p in particles))
