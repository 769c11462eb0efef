"""Pseudonyms for people at risk: a protected name never reaches any output.

The curator marks a registry entry `protect: true`. Before any stage reads an article, every
spelling of that name (its aliases and a person's surname alone, however typed or disguised: see
`spelling`) is replaced by its pseudonym in the text, the sidecar and the file name, and so is the
person's given name alone in an article that names them ("Jane said"). No later stage, cache,
page, index or export ever holds the name, so none can leak it; `audit` reads every output for a
spelling that got in another way and refuses to publish it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import replace
from functools import lru_cache

from generator.ingest.registry import PSEUDONYM_NOUN, REGISTRY_FILE, RegisteredEntity, Registry, letters
from generator.model import Article, Attributed, EntityKind, Problem, Protected, Provenance, SourceFile
from generator.protect.cross_script import CrossScript
from generator.protect.spelling import Found, NameFinder, words
from generator.text.lexicon import WITHHELD_LINK
from generator.text.names import split_names
from generator.text.scripts import ARABIC_SCRIPT

#: A surname or given name shorter than this is not protected alone ("Li"): it would pseudonymise common words.
MIN_SURNAME_LETTERS = 3
#: A web address or an e-mail address: one that holds a protected name is withheld whole, never half-redacted.
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NEXT_WORD = re.compile(r"[\s\u00a0]+(\w)")


def _key(text: str) -> str:
    return " ".join(words(text))


class Redactor:
    """Finds every protected spelling in a text and puts the pseudonym in its place."""

    def __init__(self, protected: Iterable[Protected], published: Iterable[str] = ()) -> None:
        self.protected = tuple(protected)
        #: the Persian spellings the registry gives people it does not protect: theirs, never hidden as alike
        self.published = tuple(sorted(set(published)))
        self._cross_script = CrossScript(self.protected, self.published)
        self._names = NameFinder((spelling, entry.pseudonym, entry.kind is EntityKind.PERSON)
                                 for entry in self.protected for spelling in entry.spellings)
        self._given = NameFinder((given, entry.pseudonym, False)
                                 for entry in self.protected for given in entry.given_names)

    def __bool__(self) -> bool:
        return bool(self.protected)

    def __eq__(self, other: object) -> bool:  # two builds of the same registry protect the same names
        return isinstance(other, Redactor) and (other.protected, other.published) == (self.protected, self.published)

    def __hash__(self) -> int:
        return hash((self.protected, self.published))

    @property
    def fingerprint(self) -> str:
        """Stands for the set of protected spellings (for caches to know it changed), and reveals none."""
        return hashlib.sha256(repr((self.protected, self.published)).encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def names_in(self, text: str) -> set[str]:
        """The pseudonyms whose names `text` holds, read fast (for the audit: never the names themselves)."""
        return self._names.names_in(text)  # type: ignore[return-value]

    def pseudonyms_in(self, text: str) -> list[str]:
        return sorted(self.names_in(text))

    def redact(self, text: str, given: Collection[str] = ()) -> str:
        """`text` with every protected spelling replaced by its pseudonym, and the given names of the
        pseudonyms in `given` too; a link or address that holds one is withheld whole."""
        if not self or not text:
            return text
        found = self._names.find(text)
        if given:
            found = _merged(found, [hit for hit in self._given.find(text)
                                    if hit.value in given and _stands_alone(text, hit)])
        if not found:
            return text
        links = [match.span() for match in _LINK.finditer(text)]
        parts, last = [], 0
        for hit in found:
            if hit.start < last:
                continue
            link = next(((start, end) for start, end in links if start <= hit.start < end), None)
            if link is not None:
                parts += [text[last:link[0]], WITHHELD_LINK]
                last = link[1]
                continue
            written = text[hit.start:hit.end]
            pseudonym = str(hit.value)
            parts += [text[last:hit.start], pseudonym.upper() if written.isupper() and len(written) > 1 else pseudonym]
            last = hit.end
        return "".join(parts) + text[last:]

    def source(self, source: SourceFile) -> tuple[SourceFile, list[Problem]]:
        """An article as every later stage must see it: text, sidecar and file name pseudonymised, and
        the given names of the people it names; an address that named someone is withheld."""
        if not self:
            return source, []
        redacted, problems = self._registered(source)  # first, so a registered Persian alias is no question
        redacted, more = self._alike_in_persian(redacted)
        return redacted, problems + more

    def _alike_in_persian(self, source: SourceFile) -> tuple[SourceFile, list[Problem]]:
        """A protected person's name in Persian script under a spelling nobody registered, hidden
        (`cross_script`); the file's hash withheld, as for any article that named someone."""
        text, hidden = self._cross_script.hide(source.text)
        if not hidden:
            return source, []
        problems = [Problem(source.name, f"a name in Persian script here has the consonants of a protected person's "
                            f"name, so it is hidden under '{pseudonym}' (the words are not repeated here).",
                            f"If it is this person, add its Persian spelling to that entry's aliases in {REGISTRY_FILE}, "
                            "so it is hidden for certain; if it is someone else, register them with this spelling "
                            "(not protected) and it is published.", line=line, severity="warning")
                    for pseudonym, line in dict.fromkeys((h.pseudonym, h.line) for h in hidden)]
        return replace(source, text=text, sha256=""), problems

    def _registered(self, source: SourceFile) -> tuple[SourceFile, list[Problem]]:
        texts = [source.name, source.text, source.sidecar_source,
                 *source.sidecar.texts().values(),
                 *(part for pair in source.stated.values() for part in pair)]
        named = set().union(*(self.names_in(text) for text in texts))
        if not named:  # no spelling anywhere, so no given name to hide either: nothing to redact
            return source, []
        given = {entry.pseudonym for entry in self.protected if entry.pseudonym in named and entry.given_names}

        def redact(value: str) -> str:
            return self.redact(value, given)

        sidecar = replace(source.sidecar, **{key: redact(value) for key, value in source.sidecar.texts().items()})
        if sidecar.url != source.sidecar.url:
            sidecar = replace(sidecar, url=WITHHELD_LINK)
        stated = {key: (redact(value), redact(where)) for key, (value, where) in source.stated.items()}
        if "url" in stated and stated["url"][0] != source.stated["url"][0]:
            stated["url"] = (WITHHELD_LINK, stated["url"][1])
        # the hash of the file as received is withheld too: with the rest of the text published, it would let
        # anyone test a guess of the name (put it in the pseudonym's place, hash, compare)
        redacted = replace(source, name=redact(source.name), stem=redact(source.stem), text=redact(source.text),
                           sha256="", sidecar=sidecar, sidecar_source=redact(source.sidecar_source), stated=stated)
        problems = []
        if redacted.name != source.name:
            problems.append(Problem(redacted.name, "this file's name holds a protected name; the site shows it as "
                                    f"'{redacted.name}', and messages name it so.",
                                    "Rename the file so that its name says nothing about the person.",
                                    severity="warning"))
        return redacted, problems

    def problem(self, problem: Problem) -> Problem:
        if not self:
            return problem
        return replace(problem, path=self.redact(problem.path), message=self.redact(problem.message),
                       hint=self.redact(problem.hint), key=self.redact(problem.key) if problem.key else None)


def _stands_alone(text: str, hit: Found) -> bool:
    """A given name is the protected person's when written as a name (a capital, or a script without
    case) and not as the first word of another person's full name ("Jane Doe")."""
    first = text[hit.start]
    if first.lower() != first.upper() and not first.isupper():
        return False
    after = _NEXT_WORD.match(text, hit.end)
    return after is None or not after.group(1).isupper()


def _merged(names: list[Found], given: list[Found]) -> list[Found]:
    """Full names first: a given name inside one already found is no second hit."""
    kept = [hit for hit in given if not any(found.start < hit.end and hit.start < found.end for found in names)]
    return sorted([*names, *kept], key=lambda hit: hit.start)


@lru_cache(maxsize=4)  # the plugin reads the registry before the build, the pipeline during it: once
def protect(registry: Registry) -> tuple[Registry, Redactor, tuple[Problem, ...]]:
    """The registry as the dossier publishes it (protected entries under their pseudonyms, with
    neither aliases nor Wikidata id, which would name them) and the redactor for the articles."""
    unprotected_words = {word for entity in registry.entities if not entity.protect
                         for name in entity.names for word in words(name)}
    problems: list[Problem] = []
    taken = {_key(name) for entity in registry.entities
             for name in (*entity.names, *([entity.pseudonym] if entity.pseudonym else []))}
    counters = dict.fromkeys(EntityKind, 0)
    pseudonyms: dict[str, str] = {}
    protected = []
    for entity in registry.entities:
        if not entity.protect:
            continue
        pseudonym = entity.pseudonym
        while pseudonym is None or (pseudonym != entity.pseudonym and _key(pseudonym) in taken):
            pseudonym = f"{PSEUDONYM_NOUN[entity.kind]} {letters(counters[entity.kind])}"
            counters[entity.kind] += 1
        taken.add(_key(pseudonym))
        pseudonyms[entity.name] = pseudonym
        protected.append(Protected(pseudonym, entity.kind, _spellings(entity, pseudonym, unprotected_words, problems),
                                   _given_names(entity)))
    published = (name for entity in registry.entities if not entity.protect for name in entity.names
                 if ARABIC_SCRIPT.search(name))  # Latin ones are no question for the Persian hiding
    redactor = Redactor(protected, published)
    public = tuple(_published(entity, pseudonyms[entity.name], redactor) if entity.protect
                   else _unprotected(entity, redactor) for entity in registry.entities)
    return replace(registry, entities=public), redactor, tuple(problems)


def _published(entity: RegisteredEntity, pseudonym: str, redactor: Redactor) -> RegisteredEntity:
    return RegisteredEntity(name=pseudonym, kind=entity.kind, org_type=entity.org_type,
                            role=redactor.redact(entity.role) if entity.role else None,
                            description=redactor.redact(entity.description) if entity.description else None,
                            protect=True, pseudonym=pseudonym)


def _unprotected(entity: RegisteredEntity, redactor: Redactor) -> RegisteredEntity:
    """Another entry as the pseudonymised articles write it ("Jane Example Foundation" becomes
    "Person A Foundation" in the text, so in the registry too), its role and description likewise."""
    if not redactor:
        return entity
    return replace(entity, name=redactor.redact(entity.name), aliases=tuple(map(redactor.redact, entity.aliases)),
                   role=redactor.redact(entity.role) if entity.role else None,
                   description=redactor.redact(entity.description) if entity.description else None)


def _spellings(entity: RegisteredEntity, pseudonym: str, unprotected_words: set[str], problems: list[Problem]) -> tuple[str, ...]:
    """Every name and alias, and for a person the last word of each (a surname alone: "Smith said"),
    unless that word is part of another registered name, which it would break (a protected "Jo Lee" inside "Ann Lee Ross")."""
    spellings = list(entity.names)
    if entity.kind is EntityKind.PERSON:
        for name in entity.names:
            written = name.split()
            surname = written[-1]
            if len(written) < 2 or len(_key(surname)) < MIN_SURNAME_LETTERS or _key(surname) in map(_key, entity.names):
                continue
            if _key(surname) in unprotected_words:
                problems.append(Problem(REGISTRY_FILE, f"the surname of protected {entity.kind.value} "
                                        f"'{pseudonym}' is also part of another registered name, "
                                        "so it is not protected when written alone.",
                                        "Add the surname to the entry's aliases if the articles name the "
                                        "person by it alone.", severity="warning"))
                continue
            spellings.append(surname)
    return tuple(dict.fromkeys(spellings))


def _given_names(entity: RegisteredEntity) -> tuple[str, ...]:
    """The first word of each of a person's names ("Jane"), hidden where the article names the
    person in full or by surname; not when the curator says it names someone else here."""
    if entity.kind is not EntityKind.PERSON or not entity.redact_given_name:
        return ()
    full = {_key(name) for name in entity.names}
    given = [name.split()[0] for name in entity.names if len(name.split()) >= 2]
    return tuple(dict.fromkeys(name for name in given
                               if len(_key(name)) >= MIN_SURNAME_LETTERS and _key(name) not in full))


WITHHELD_LINE = "(withheld by the curator)"
WITHHELD_AUTHOR = "[author withheld]"
#: The set-aside lines that carry what the curator withholds.
_WITHHELD_KINDS = {"author": ("byline",), "photo credit": ("photo credit",)}


def withhold(article: Article) -> Article:
    """An article with what its sidecar's `withhold:` names kept out: the author (the metadata, the
    byline, and the name wherever else the article prints it) and photo credits."""
    withheld = article.source.sidecar.withhold
    if not withheld:
        return article
    metadata, names = article.metadata, Redactor(())
    if "author" in withheld:
        if metadata.author.value:
            names = Redactor([Protected(WITHHELD_AUTHOR, EntityKind.PERSON, tuple(split_names(metadata.author.value)))])
        metadata = replace(metadata, author=Attributed(None, Provenance.WITHHELD, "withheld by the curator"))
    kinds = {kind for item in withheld for kind in _WITHHELD_KINDS[item]}
    set_aside = tuple(replace(item, text=WITHHELD_LINE) if item.kind in kinds else replace(item, text=names.redact(item.text))
                      for item in article.clean.set_aside)
    paragraphs = tuple(replace(paragraph, text=names.redact(paragraph.text)) for paragraph in article.clean.paragraphs)
    headline = names.redact(article.clean.headline) if article.clean.headline else article.clean.headline
    if metadata.title.value:
        metadata = replace(metadata, title=replace(metadata.title, value=names.redact(metadata.title.value)))
    metadata = replace(metadata, description=names.redact(metadata.description),
                       publisher=replace(metadata.publisher, evidence=names.redact(metadata.publisher.evidence)),
                       date=replace(metadata.date, evidence=names.redact(metadata.date.evidence)))
    return replace(article, metadata=metadata,
                   clean=replace(article.clean, headline=headline, paragraphs=paragraphs, set_aside=set_aside))


@lru_cache(maxsize=8)
def redactor_for(protected: tuple[Protected, ...]) -> Redactor:
    """The redactor of a dossier's protected names (`Dossier.protected`), built once per set of names."""
    return Redactor(protected)
