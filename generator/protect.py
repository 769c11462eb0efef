"""Pseudonyms for people at risk: a protected name never reaches any output.

The curator marks a registry entry `protect: true`. Before any stage reads an article, every
spelling of that name (its aliases, a person's surname alone, in any case, with or without
accents or Arabic vowel marks, Arabic and Persian letter variants) is replaced by its pseudonym
in the text, the sidecar and the file name. No later stage, cache, page, index or export ever
holds the name, so none can leak it. `Redactor.leaks` checks a built site for any spelling that
got in another way (a page the curator wrote, the site's name) so the build can refuse to publish.
"""

from __future__ import annotations

import gzip
import re
import string
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .extract.metadata import split_names
from .model import Article, Attributed, EntityKind, Problem, Provenance, SourceFile
from .registry import REGISTRY_FILE, RegisteredEntity, Registry
from .slugs import slugify
from .textfold import fold

PSEUDONYM_NOUN = {EntityKind.PERSON: "Person", EntityKind.ORGANISATION: "Organisation", EntityKind.PLACE: "Place"}
#: Stands in the skeleton for every mark that sits on a letter (accents, Arabic harakat, the kashida).
_MARK = "\u0301"
_MARKS = f"{_MARK}*"
#: A surname shorter than this is not protected alone ("Li"): it would pseudonymise common words.
MIN_SURNAME_LETTERS = 3


@dataclass(frozen=True)
class Protected:
    """One protected entity: the pseudonym it is published under and every spelling it hides."""

    pseudonym: str
    kind: EntityKind
    spellings: tuple[str, ...]


def _skeleton_char(char: str) -> str:
    if unicodedata.category(char) in ("Mn", "Me") or char == "\u0640":  # marks and the kashida
        return _MARK
    base = unicodedata.normalize("NFD", char)[0]
    return base if unicodedata.category(base) not in ("Mn", "Me") else _MARK


def skeleton(text: str) -> str:
    """Same length as `text`: folded (case, letter variants) and stripped of accents, one for one."""
    return "".join(_skeleton_char(char) for char in fold(text))


def _letters(text: str) -> list[str]:
    """A spelling as the words of its skeleton, marks dropped."""
    return [word for word in skeleton(text).replace(_MARK, "").split() if word]


def _key(text: str) -> str:
    return " ".join(_letters(text))


def _pattern(spelling: str) -> str:
    words = ["".join(re.escape(char) + _MARKS for char in word) for word in _letters(spelling)]
    return r"[\s\u0301-]+".join(words)


class Redactor:
    """Finds every protected spelling in a text and puts the pseudonym in its place."""

    def __init__(self, protected: Iterable[Protected]) -> None:
        self.protected = tuple(protected)
        self._pseudonym_by_key: dict[str, str] = {}
        for entry in self.protected:
            for spelling in entry.spellings:
                self._pseudonym_by_key.setdefault(_key(spelling), entry.pseudonym)
        keys = sorted(self._pseudonym_by_key, key=lambda key: (-len(key), key))  # the longest spelling first
        self._regex = (re.compile(r"(?<!\w)(?:" + "|".join(_pattern(key) for key in keys) + r")(?!\w)")
                       if keys else None)

    def __bool__(self) -> bool:
        return bool(self.protected)

    def __eq__(self, other: object) -> bool:  # two builds of the same registry protect the same names
        return isinstance(other, Redactor) and other.protected == self.protected

    def __hash__(self) -> int:
        return hash(self.protected)

    def _matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        if self._regex is None or not text:
            return
        for match in self._regex.finditer(skeleton(text)):
            yield match.start(), match.end(), self._pseudonym_by_key[_key(match.group())]

    def redact(self, text: str) -> str:
        parts, last = [], 0
        for start, end, pseudonym in self._matches(text):
            written = text[start:end]
            parts += [text[last:start], pseudonym.upper() if written.isupper() and len(written) > 1 else pseudonym]
            last = end
        return "".join(parts) + text[last:] if parts else text

    def pseudonyms_in(self, text: str) -> list[str]:
        """The pseudonyms whose names `text` still holds (for the audit: never the names themselves)."""
        return sorted({pseudonym for _, _, pseudonym in self._matches(text)})

    def source(self, source: SourceFile) -> tuple[SourceFile, list[Problem]]:
        """An article as every later stage must see it: text, sidecar and file name pseudonymised."""
        if not self:
            return source, []
        sidecar = {key: self.redact(value) if isinstance(value, str) else value for key, value in source.sidecar.items()}
        redacted = replace(source, name=self.redact(source.name), stem=self.redact(source.stem),
                           text=self.redact(source.text), sidecar=sidecar,
                           sidecar_source=self.redact(source.sidecar_source),
                           stated={key: (self.redact(value), self.redact(where))
                                   for key, (value, where) in source.stated.items()})
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

    def slug_spellings(self) -> Iterator[tuple[str, str]]:
        """(slug, pseudonym): a name as a URL writes it, for the audit of built files."""
        for entry in self.protected:
            for spelling in entry.spellings:
                if (slug := slugify(spelling)) and len(slug) >= MIN_SURNAME_LETTERS:
                    yield slug, entry.pseudonym


def protect(registry: Registry) -> tuple[Registry, Redactor, list[Problem]]:
    """The registry as the dossier publishes it (protected entries under their pseudonyms, with
    neither aliases nor Wikidata id, which would name them) and the redactor for the articles."""
    unprotected_words = {word for entity in registry.entities if not entity.protect
                         for name in entity.names for word in _letters(name)}
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
            pseudonym = f"{PSEUDONYM_NOUN[entity.kind]} {_letter(counters[entity.kind])}"
            counters[entity.kind] += 1
        taken.add(_key(pseudonym))
        pseudonyms[entity.name] = pseudonym
        protected.append(Protected(pseudonym, entity.kind, _spellings(entity, pseudonym, unprotected_words, problems)))
    redactor = Redactor(protected)
    public = tuple(_published(entity, pseudonyms[entity.name], redactor) if entity.protect
                   else _unprotected(entity, redactor) for entity in registry.entities)
    return replace(registry, entities=public), redactor, problems


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
            words = name.split()
            surname = words[-1]
            if len(words) < 2 or len(_key(surname)) < MIN_SURNAME_LETTERS or _key(surname) in map(_key, entity.names):
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


def _letter(number: int) -> str:
    """A, B, … Z, AA, AB, …: pseudonyms in the registry's order."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


#: Material's own scripts and styles: code, not content, and the same in every dossier.
_THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def leaks(redactor: Redactor, site_dir: Path) -> list[tuple[str, list[str]]]:
    """Every built file that still holds a protected name, as written or as a URL writes it,
    with the pseudonyms concerned (never the names: this list is printed)."""
    if not redactor:
        return []
    slugs = [(re.compile(rf"(?<![a-z0-9]){re.escape(slug)}(?![a-z0-9])"), pseudonym)
             for slug, pseudonym in redactor.slug_spellings()]
    found = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if not path.is_file() or relative.startswith(_THEME_ASSETS):
            continue
        text = _readable(path)
        named = set(redactor.pseudonyms_in(text) + redactor.pseudonyms_in(relative))
        lowered = f"{relative}\n{text}".lower()
        named.update(pseudonym for pattern, pseudonym in slugs if pattern.search(lowered))
        if named:
            found.append((relative, sorted(named)))
    return found


def _readable(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    elif path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            data = b"\n".join(archive.read(name) for name in archive.namelist())
    text = data.decode("utf-8", errors="replace")
    return _JSON_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)  # JSON and JS string escapes


WITHHELD_LINE = "(withheld by the curator)"
WITHHELD_AUTHOR = "[author withheld]"
#: The set-aside lines that carry what the curator withholds.
_WITHHELD_KINDS = {"author": ("byline",), "photo credit": ("photo credit",)}


def withhold(article: Article) -> Article:
    """An article with what its sidecar's `withhold:` names kept out: the author (the metadata, the
    byline, and the name wherever else the article prints it) and photo credits."""
    withheld = article.source.sidecar.get("withhold") or ()
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
