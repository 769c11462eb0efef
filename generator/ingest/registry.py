"""The curator's entity registry, `seeds/entities.yml`: canonical names, kinds, aliases, ignores.

It says who must never be named, so it is read whole or not at all (`load_registry`): every
error names the file, the line and the key (`entities[3].aliases[1]`), never a name.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.errors import InputError, UnsafeToPublish
from generator.ingest.curator_yaml import load_curator_yaml_with_lines
from generator.ingest.seedfiles import read_seed_file, seed_file_exists
from generator.ingest.typed import Checked, CuratorOption, Invalid, check
from generator.model import EntityKind, OrgType, Problem
from generator.text.fold import INVISIBLE_CONTROLS, fold_key

REGISTRY_FILE = "entities.yml"
REGISTRY_NAMES = (REGISTRY_FILE, "entities.yaml")
MAX_REGISTRY_BYTES = 5_000_000
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
PSEUDONYM_NOUN = {EntityKind.PERSON: "Person", EntityKind.ORGANISATION: "Organisation", EntityKind.PLACE: "Place"}
#: A key this close to `protect` (`protected`, `Protect`, `protec`) marks an entry the curator meant to protect.
PROTECT_KEY = "protect"
#: The last step of a key's path: ".kind" or "[3]".
_LAST_STEP = re.compile(r"(?:\.[^.\[]*|\[\d+\])$")


@dataclass(frozen=True)
class RegisteredEntity:
    name: str
    kind: EntityKind
    org_type: OrgType | None = None
    role: str | None = None
    description: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    protect: bool = False  # a person at risk: published only under `pseudonym` (see `protect`)
    pseudonym: str | None = None
    redact_given_name: bool = True  # a protected person's given name alone, in an article that names them

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Registry:
    entities: tuple[RegisteredEntity, ...] = ()
    ignore: frozenset[str] = field(default_factory=frozenset)  # folded keys

    def by_key(self) -> dict[str, RegisteredEntity]:
        """Every folded name and alias to its entity."""
        return {fold_key(name): entity for entity in self.entities for name in entity.names}

    def ignores(self, name: str) -> bool:
        return fold_key(name) in self.ignore


@dataclass(frozen=True)
class LoadedRegistry:
    registry: Registry
    problems: tuple[Problem, ...]


def load_registry(seeds_dir: Path) -> LoadedRegistry:
    """The registry in `seeds_dir` (entities.yml, or entities.yaml), read whole or not at all.

    It says who must never be named, so any error in it (a YAML error, an unknown or misspelt key at
    any level, a wrong type, an unknown kind, a name claimed twice, a file too large or unreadable)
    raises `UnsafeToPublish`: nothing is built until it is fixed. Messages name the file, the line and
    the key, never a name written in the registry (it may be the name of a person at risk); an entry
    that is or may be meant as protected is named by its number and pseudonym. Warnings (a name
    written over two lines) leave the registry usable.
    """
    present = [name for name in REGISTRY_NAMES if seed_file_exists(seeds_dir, name)]
    if not present:
        return LoadedRegistry(Registry(), ())
    name = present[0]
    if present[1:]:
        raise UnsafeToPublish(Problem(present[1], f"is a second registry beside {name}; which one says who is "
                                                  "protected cannot be told.", f"Merge the two into {name} and "
                                                  f"remove {present[1]}."))
    hint = "Fix the YAML syntax (indentation, quotes around values with ': ')."
    try:
        text = read_seed_file(seeds_dir, name, MAX_REGISTRY_BYTES, "YAML file")
        data, lines = load_curator_yaml_with_lines(text, name, hint)
    except InputError as error:
        raise UnsafeToPublish(error.problem) from None
    reader = _Reader(name, lines)
    registry = reader.registry(data)
    if reader.errors:
        raise UnsafeToPublish(*reader.errors)
    return LoadedRegistry(registry, tuple(reader.warnings))


def _close_key(key: object, known: tuple[str, ...]) -> str | None:
    """The known key a written one was probably meant to be (`Protect`, `protected`, `alias`)."""
    if not isinstance(key, str):
        return None
    folded = key.strip().lower().replace("-", "_").replace(" ", "_")
    if folded in known:
        return folded
    close = difflib.get_close_matches(folded, known, n=1, cutoff=0.75)
    if close:
        return close[0]
    return next((candidate for candidate in known if folded.startswith(candidate) or
                 (len(folded) >= 4 and candidate.startswith(folded))), None)


def _meant_protected(raw: object) -> bool:
    """Whether an entry says, or seems to say, that its person is protected: messages then never name
    it, even by mistake ("protected: yes", "Protect: true", a pseudonym without protect)."""
    if not isinstance(raw, dict):
        return False
    for key, value in raw.items():
        meant = _close_key(key, ENTRY_KEYS)
        if meant == "pseudonym" or (meant == PROTECT_KEY and value not in (False, "false", "no", "False")):
            return True
    return False


class EntryText(CuratorOption):
    """One line of visible text: line breaks become spaces (and are reported), controls go."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"'{self.key_name}' of {{label}} must be non-empty text.",
                          f'Write it in quotes: {self.key_name}: "..."')
        return self.one_line(value)

    def one_line(self, value: str, at: str = "") -> str:
        if "\n" in value or "\r" in value:
            self.note("a value of {label} has line breaks; they are read as spaces.", "Write it on one line.", at)
        return " ".join(INVISIBLE_CONTROLS.sub("", unicodedata.normalize("NFC", value)).split())


class WikidataId(EntryText):
    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        if not WIKIDATA.match(value):
            raise Invalid("'wikidata' of {label} is not a Wikidata id.", "Write it like Q7747.")
        return value


class Names(EntryText):
    """A list of names, each one line of visible text."""

    def run_validation(self, value: object) -> tuple[str, ...]:
        if not value:  # "aliases:", "aliases: ''": none
            return ()
        if not isinstance(value, list) or not all(isinstance(name, str) and name.strip() for name in value):
            raise Invalid(f"'{self.key_name}' of {{label}} must be a list of names.",
                          "Write them as [one, two] or one a line starting with '- '.")
        return tuple(name for index, written in enumerate(value) if (name := self.one_line(written, f"[{index}]")))


class Flag(CuratorOption):
    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            quoted = " (without quotes)" if isinstance(value, str) and value.lower() in ("true", "false") else ""
            raise Invalid(f"'{self.key_name}' of {{label}} must be true or false{quoted}.",
                          f"Write {self.key_name}: true or {self.key_name}: false.")
        return value


class OneOf(CuratorOption):
    """One of an enumeration's values, as written."""

    def __init__(self, choices: type[EntityKind] | type[OrgType], message: str, separator: str) -> None:
        super().__init__()
        self.choices, self.message, self.separator = choices, message, separator

    def run_validation(self, value: object):
        chosen = next((choice for choice in self.choices if choice.value == value), None)
        if chosen is None:
            raise Invalid(self.message, f"Use one of: {self.separator.join(choice.value for choice in self.choices)}.")
        return chosen


class EntryConfig(base.Config):
    """The keys of one registry entry."""

    name = c.Optional(EntryText())
    kind = c.Optional(OneOf(EntityKind, "{label} has no kind, or one that is not known.", ", "))
    type = c.Optional(OneOf(OrgType, "{label} has an unknown organisation type.", "; "))
    role = c.Optional(EntryText())
    description = c.Optional(EntryText())
    aliases = c.Optional(Names())
    wikidata = c.Optional(WikidataId())
    protect = Flag()  # never Optional: 'protect:' with no value is a question, not a no
    pseudonym = c.Optional(EntryText())
    redact_given_name = Flag()


class Entries(CuratorOption):
    def run_validation(self, value: object) -> list[object]:
        if not value:
            return []
        if not isinstance(value, list):
            raise Invalid("'entities' must be a list of entries (each line starting with '- ').")
        return value


class IgnoredNames(CuratorOption):
    def run_validation(self, value: object) -> tuple[str, ...]:
        if not value:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise Invalid("'ignore' must be a list of names.")
        return tuple(value)


class RegistryConfig(base.Config):
    """The registry's top-level keys."""

    entities = c.Optional(Entries())
    ignore = c.Optional(IgnoredNames())


TOP_KEYS = tuple(name for name, _ in RegistryConfig._schema)
ENTRY_KEYS = tuple(name for name, _ in EntryConfig._schema)


class _Reader:
    """Reads the registry's document, collecting every error with its line and key."""

    def __init__(self, file_name: str, lines: dict[str, int]) -> None:
        self.file_name, self.lines = file_name, lines
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self._protected_seen = dict.fromkeys(EntityKind, 0)

    def _problem(self, key: str, message: str, hint: str = "", severity: str = "error", at: str | None = None) -> None:
        line, path = None, at or key
        while line is None and path:  # the key's own line, else its entry's ("entities[3].kind" → "entities[3]")
            line = self.lines.get(path)
            parent = _LAST_STEP.sub("", path)
            path = parent if parent != path else ""
        problem = Problem(self.file_name, message, hint, line=line, key=key or None, severity=severity)
        (self.errors if severity == "error" else self.warnings).append(problem)

    def _unknown_key(self, key: object, path: str, known: tuple[str, ...], where: str) -> None:
        meant = _close_key(key, known)
        written = f"{path}.{key}" if path else str(key)
        if meant is not None:
            self._problem(written, f"unknown key{where}; it looks like a misspelling of '{meant}'.",
                          f"Write it exactly '{meant}'. Allowed keys: {', '.join(known)}.")
        else:
            self._problem(path, f"has a key that is not one of {', '.join(known)}{where}.",
                          "Remove it or correct it; see the line given.", at=written)

    def registry(self, data: object) -> Registry:
        if data is None:
            return Registry()
        if not isinstance(data, dict):
            self._problem("", "must be a mapping with the keys 'entities' (a list) and 'ignore' (a list of names).")
            return Registry()
        checked = check(RegistryConfig, data)
        for key in checked.unknown:
            self._unknown_key(key, "", TOP_KEYS, " at the top level")
        self._report(checked, "", "")
        raw_entities = checked.values.get("entities") or []
        entities = [entity for index, raw in enumerate(raw_entities)
                    if (entity := self._entity(raw, f"entities[{index}]")) is not None]
        self._check_claims(entities)
        ignore = checked.values.get("ignore") or ()
        return Registry(tuple(entity for entity, _ in entities), frozenset(fold_key(item) for item in ignore))

    def _entity(self, raw: object, key: str) -> tuple[RegisteredEntity, str] | None:
        label = self._label(raw, key)
        if not isinstance(raw, dict):
            self._problem(key, "each entry must be a mapping with at least 'name' and 'kind'.")
            return None
        before = len(self.errors)
        checked = check(EntryConfig, raw)
        for sub in checked.unknown:
            self._unknown_key(sub, key, ENTRY_KEYS, f" in {label}")
        kind = checked.values.get("kind")
        if raw.get("type") is not None and kind not in (None, EntityKind.ORGANISATION):  # not "unknown type" then
            checked.errors = [(sub, error) for sub, error in checked.errors if sub != "type"]
            checked.errors.append(("type", Invalid("'type' of {label} is only for organisations.")))
        self._report(checked, key, label)
        values = {sub: value for sub, value in checked.values.items() if value is not None}
        if not values.get("name"):
            self._problem(f"{key}.name", f"{label} has no 'name' (or a name with no visible text).")
        if kind is None and not checked.failed("kind"):
            self._problem(f"{key}.kind", f"{label} has no kind, or one that is not known.",
                          f"Use one of: {', '.join(k.value for k in EntityKind)}.")
        pseudonym = values.get("pseudonym")
        if pseudonym and not values.get("protect"):
            self._problem(f"{key}.pseudonym", f"{label} has a pseudonym but no 'protect: true'.",
                          "Add protect: true, or remove the pseudonym.")
        if pseudonym and fold_key(pseudonym) in {fold_key(n) for n in (values.get("name", ""), *values.get("aliases", ()))}:
            self._problem(f"{key}.pseudonym", f"the pseudonym of {label} is one of the entry's own names.",
                          "Choose a name that says nothing about the person, such as \"Person A\".")
        if len(self.errors) > before or kind is None or not values.get("name"):
            return None
        values["org_type"] = values.pop("type", None)
        return RegisteredEntity(**values), label

    def _label(self, raw: object, key: str) -> str:
        """How messages name an entry: its key, and for one that is or may be protected its pseudonym
        (the one given, or the one the site will give it); never a name it gives."""
        if not _meant_protected(raw):
            return key
        pseudonym = raw.get("pseudonym") if isinstance(raw.get("pseudonym"), str) else None
        if not pseudonym:
            kind = next((k for k in EntityKind if k.value == raw.get("kind")), None) or EntityKind.PERSON
            pseudonym = f"{PSEUDONYM_NOUN[kind]} {letters(self._protected_seen[kind])}"
            self._protected_seen[kind] += 1
        return f"{key} (protected: {' '.join(pseudonym.split())[:40]})"

    def _report(self, checked: Checked, key: str, label: str) -> None:
        """The schema's errors and warnings, each at its key's line; `{label}` in a message is the entry's."""
        for severity, found in (("warning", checked.notes), ("error", checked.errors)):
            for sub, problem in found:
                path = f"{key}.{sub}" if key else sub
                self._problem(path + getattr(problem, "at", ""), problem.message.replace("{label}", label),
                              problem.hint.replace("{label}", label), severity=severity)

    def _check_claims(self, entities: list[tuple[RegisteredEntity, str]]) -> None:
        """A name (or pseudonym) given to two entries: which one it means cannot be told."""
        claimed: dict[str, str] = {}
        for entity, label in entities:
            claims = (*entity.names, *([entity.pseudonym] if entity.pseudonym else []))
            for claim in dict.fromkeys(map(fold_key, claims)):
                if claim in claimed:
                    self._problem(label.split(" ")[0], f"{label} gives a name that {claimed[claim]} gives too.",
                                  "Give each name to one entry only (two different people need different "
                                  "names); the line shows the entry.")
                else:
                    claimed[claim] = label


def letters(number: int) -> str:
    """A, B, … Z, AA, AB, …: the letters of the pseudonym of the protected entry `number` (from 0)."""
    written = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        written = chr(ord("A") + rest) + written
    return written
