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

from generator.errors import InputError, UnsafeToPublish
from generator.ingest.curator_yaml import load_curator_yaml_with_lines
from generator.ingest.seedfiles import read_seed_file, seed_file_exists
from generator.model import EntityKind, OrgType, Problem
from generator.text.fold import INVISIBLE_CONTROLS, fold_key

REGISTRY_FILE = "entities.yml"
REGISTRY_NAMES = (REGISTRY_FILE, "entities.yaml")
MAX_REGISTRY_BYTES = 5_000_000
TOP_KEYS = ("entities", "ignore")
ENTRY_KEYS = ("name", "kind", "type", "role", "description", "aliases", "wikidata", "protect", "pseudonym",
              "redact_given_name")
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
        for key in data:
            if key not in TOP_KEYS:
                self._unknown_key(key, "", TOP_KEYS, " at the top level")
        raw_entities = data.get("entities") or []
        if not isinstance(raw_entities, list):
            self._problem("entities", "'entities' must be a list of entries (each line starting with '- ').")
            raw_entities = []
        entities = [entity for index, raw in enumerate(raw_entities)
                    if (entity := self._entity(raw, f"entities[{index}]")) is not None]
        self._check_claims(entities)
        raw_ignore = data.get("ignore") or []
        if not isinstance(raw_ignore, list) or not all(isinstance(item, str) for item in raw_ignore):
            self._problem("ignore", "'ignore' must be a list of names.")
            raw_ignore = []
        return Registry(tuple(entity for entity, _ in entities), frozenset(fold_key(item) for item in raw_ignore))

    def _entity(self, raw: object, key: str) -> tuple[RegisteredEntity, str] | None:
        kind = next((k for k in EntityKind if k.value == raw.get("kind")), None) if isinstance(raw, dict) else None
        label = key
        if _meant_protected(raw):  # named as the site would name it; the name itself is never printed
            pseudonym = raw.get("pseudonym") if isinstance(raw.get("pseudonym"), str) else None
            if not pseudonym:
                noun_kind = kind or EntityKind.PERSON
                pseudonym = f"{PSEUDONYM_NOUN[noun_kind]} {letters(self._protected_seen[noun_kind])}"
                self._protected_seen[noun_kind] += 1
            label = f"{key} (protected: {' '.join(pseudonym.split())[:40]})"
        before = len(self.errors)
        if not isinstance(raw, dict):
            self._problem(key, "each entry must be a mapping with at least 'name' and 'kind'.")
            return None
        for sub in raw:
            if sub not in ENTRY_KEYS:
                self._unknown_key(sub, key, ENTRY_KEYS, f" in {label}")
        text = {}
        for sub in ("name", "role", "description", "wikidata", "pseudonym"):
            value = raw.get(sub)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                self._problem(f"{key}.{sub}", f"'{sub}' of {label} must be non-empty text.",
                              f'Write it in quotes: {sub}: "..."')
                value = None
            text[sub] = self._one_line(value, f"{key}.{sub}", label) if isinstance(value, str) else None
        if not text["name"]:
            self._problem(f"{key}.name", f"{label} has no 'name' (or a name with no visible text).")
        if kind is None:
            self._problem(f"{key}.kind", f"{label} has no kind, or one that is not known.",
                          f"Use one of: {', '.join(k.value for k in EntityKind)}.")
        org_type = None
        if raw.get("type") is not None:
            org_type = next((t for t in OrgType if t.value == raw["type"]), None)
            if kind is not None and kind is not EntityKind.ORGANISATION:
                self._problem(f"{key}.type", f"'type' of {label} is only for organisations.")
            elif org_type is None:
                self._problem(f"{key}.type", f"{label} has an unknown organisation type.",
                              f"Use one of: {'; '.join(t.value for t in OrgType)}.")
        aliases = raw.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            self._problem(f"{key}.aliases", f"'aliases' of {label} must be a list of names.",
                          "Write them as [one, two] or one a line starting with '- '.")
            aliases = []
        aliases = [alias for index, a in enumerate(aliases)
                   if (alias := self._one_line(a, f"{key}.aliases[{index}]", label))]
        if text["wikidata"] and not WIKIDATA.match(text["wikidata"]):
            self._problem(f"{key}.wikidata", f"'wikidata' of {label} is not a Wikidata id.", "Write it like Q7747.")
        flags = {}
        for sub, default in (("protect", False), ("redact_given_name", True)):
            value = raw.get(sub, default)
            if not isinstance(value, bool):
                quoted = " (without quotes)" if isinstance(value, str) and value.lower() in ("true", "false") else ""
                self._problem(f"{key}.{sub}", f"'{sub}' of {label} must be true or false{quoted}.",
                              f"Write {sub}: true or {sub}: false.")
                value = default
            flags[sub] = value
        if text["pseudonym"] and not flags["protect"]:
            self._problem(f"{key}.pseudonym", f"{label} has a pseudonym but no 'protect: true'.",
                          "Add protect: true, or remove the pseudonym.")
        if text["pseudonym"] and fold_key(text["pseudonym"]) in {fold_key(n) for n in (text["name"] or "", *aliases)}:
            self._problem(f"{key}.pseudonym", f"the pseudonym of {label} is one of the entry's own names.",
                          "Choose a name that says nothing about the person, such as \"Person A\".")
        if len(self.errors) > before or kind is None or not text["name"]:
            return None
        entity = RegisteredEntity(name=text["name"], kind=kind, org_type=org_type, role=text["role"],
                                  description=text["description"], aliases=tuple(aliases),
                                  wikidata=text["wikidata"], protect=flags["protect"], pseudonym=text["pseudonym"],
                                  redact_given_name=flags["redact_given_name"])
        return entity, label

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

    def _one_line(self, value: str, key: str, label: str) -> str:
        """A name is one line of visible text: line breaks become spaces (and are reported), controls go."""
        cleaned = " ".join(INVISIBLE_CONTROLS.sub("", unicodedata.normalize("NFC", value)).split())
        if "\n" in value or "\r" in value:
            self._problem(key, f"a value of {label} has line breaks; they are read as spaces.",
                          "Write it on one line.", severity="warning")
        return cleaned


def letters(number: int) -> str:
    """A, B, … Z, AA, AB, …: the letters of the pseudonym of the protected entry `number` (from 0)."""
    written = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        written = chr(ord("A") + rest) + written
    return written
