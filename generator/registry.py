"""The curator's entity registry, `seeds/entities.yml`: canonical names, kinds, aliases, ignores.

Every problem names the file and the key (`entities[3].aliases[1]`); a bad entry is left
out and reported, the rest of the registry still applies.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from .curator_yaml import load_curator_yaml, shorten
from .errors import InputError, UnsafeToPublish
from .model import EntityKind, OrgType, Problem
from .seedfiles import read_seed_file, seed_file_exists
from .textfold import INVISIBLE_CONTROLS, fold_key

REGISTRY_FILE = "entities.yml"
REGISTRY_NAMES = (REGISTRY_FILE, "entities.yaml")
MAX_REGISTRY_BYTES = 5_000_000
ENTRY_KEYS = ("name", "kind", "type", "role", "description", "aliases", "wikidata", "protect", "pseudonym")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
STILL_PROTECTED = "Its names are still published only under a pseudonym."


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
    """The registry in `seeds_dir` (entities.yml, or entities.yaml); one unreadable file registers nothing."""
    present = [name for name in REGISTRY_NAMES if seed_file_exists(seeds_dir, name)]
    if not present:
        return LoadedRegistry(Registry(), ())
    name = present[0]
    extra = tuple(Problem(other, f"is a second registry beside {name}; only {name} is read, so nothing in "
                                 f"{other} is used.", f"Merge the two into {name} and remove {other}.")
                  for other in present[1:])
    text = b""
    try:
        text = read_seed_file(seeds_dir, name, MAX_REGISTRY_BYTES, "YAML file")
        data = load_curator_yaml(text, name, "Fix the YAML syntax (indentation, quotes around values with ': '); "
                                             "no entity is registered until it is fixed.")
    except InputError as error:
        if b"protect" in text:
            raise UnsafeToPublish(replace(error.problem, hint=(
                "It marks names as protected, and they cannot be read: nothing is built until it is fixed, "
                "so that no protected name is published."))) from None
        return LoadedRegistry(Registry(), (error.problem, *extra))
    loaded = _registry(data, name)
    return LoadedRegistry(loaded.registry, loaded.problems + extra)


def _registry(data: object, name: str) -> LoadedRegistry:
    if data is None:
        return LoadedRegistry(Registry(), ())
    if not isinstance(data, dict) or set(data) - {"entities", "ignore"}:
        return LoadedRegistry(Registry(), (Problem(
            name, "must be a mapping with the keys 'entities' (a list) and 'ignore' (a list of names).",
            key=",".join(sorted(map(str, set(data) - {"entities", "ignore"}))) if isinstance(data, dict) else None),))

    problems: list[Problem] = []
    entities: list[RegisteredEntity] = []
    claimed: dict[str, str] = {}
    raw_entities = data.get("entities") or []
    if not isinstance(raw_entities, list):
        problems.append(Problem(name, "'entities' must be a list of entries.", key="entities"))
        raw_entities = []
    for index, raw in enumerate(raw_entities):
        key = f"entities[{index}]"
        try:
            entity = _entity(raw, key, name, problems)
        except _EntryError as error:
            still = _still_protected(raw)
            problems.append(replace(error.problem, hint=f"{error.problem.hint} {STILL_PROTECTED}".strip())
                            if still else error.problem)
            if still:
                entities.append(still)
            continue
        claims = (*entity.names, *([entity.pseudonym] if entity.pseudonym else []))
        clashes = [alias for alias in claims if claimed.get(fold_key(alias), entity.name) != entity.name]
        if clashes:
            kept = "is kept protected" if entity.protect else "is left out"
            problems.append(Problem(
                name, f"'{clashes[0]}' is claimed by both '{claimed[fold_key(clashes[0])]}' and '{entity.name}'; "
                      f"'{entity.name}' {kept}.",
                "Give the name to one entity only (two different people need different names).", key=key))
            if not entity.protect:  # a protected name is never published for a mistake elsewhere
                continue
        for alias in claims:
            claimed[fold_key(alias)] = entity.name
        entities.append(entity)

    raw_ignore = data.get("ignore") or []
    if not isinstance(raw_ignore, list) or not all(isinstance(item, str) for item in raw_ignore):
        problems.append(Problem(name, "'ignore' must be a list of names.", key="ignore"))
        raw_ignore = []
    ignore = frozenset(fold_key(item) for item in raw_ignore)
    return LoadedRegistry(Registry(tuple(entities), ignore), tuple(problems))


def _still_protected(raw: object) -> RegisteredEntity | None:
    """A protected entry with a mistake in it still protects its names: a typo in the registry
    must never publish the name of a person at risk."""
    if not isinstance(raw, dict) or raw.get("protect") in (None, False) or not isinstance(raw.get("name"), str):
        return None
    aliases = raw.get("aliases") if isinstance(raw.get("aliases"), list) else []
    names = [" ".join(value.split()) for value in (raw["name"], *aliases) if isinstance(value, str) and value.strip()]
    if not names:
        return None
    kind = raw.get("kind") if raw.get("kind") in {kind.value for kind in EntityKind} else EntityKind.PERSON.value
    pseudonym = raw.get("pseudonym") if isinstance(raw.get("pseudonym"), str) and raw["pseudonym"].strip() else None
    return RegisteredEntity(name=names[0], kind=EntityKind(kind), aliases=tuple(names[1:]), protect=True,
                            pseudonym=pseudonym)


class _EntryError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _one_line(value: str, file_name: str, key: str, problems: list[Problem]) -> str:
    """A name is one line of visible text: line breaks become spaces (and are reported), controls go."""
    cleaned = " ".join(INVISIBLE_CONTROLS.sub("", unicodedata.normalize("NFC", value)).split())
    if "\n" in value or "\r" in value:
        problems.append(Problem(file_name, f"{shorten(repr(value))} has line breaks; they are read as spaces.",
                                "Write the name on one line.", key=key, severity="warning"))
    return cleaned


def _entity(raw: object, key: str, file_name: str, problems: list[Problem]) -> RegisteredEntity:
    def fail(message: str, sub: str | None = None, hint: str = "") -> _EntryError:
        return _EntryError(Problem(file_name, message, hint, key=f"{key}.{sub}" if sub else key))

    if not isinstance(raw, dict):
        raise fail("each entry must be a mapping with at least 'name' and 'kind'.")
    unknown = [k for k in raw if k not in ENTRY_KEYS]
    if unknown:
        raise fail(f"unknown key '{shorten(str(unknown[0]))}'.", shorten(str(unknown[0])), f"Allowed keys: {', '.join(ENTRY_KEYS)}.")
    text = {}
    for sub in ("name", "role", "description", "wikidata", "pseudonym"):
        value = raw.get(sub)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise fail(f"'{sub}' must be non-empty text.", sub, f'Write it in quotes: {sub}: "..."')
        text[sub] = _one_line(value, file_name, f"{key}.{sub}", problems) if isinstance(value, str) else None
    if text["name"] is not None and not text["name"]:
        raise fail("'name' has no visible text.", "name")
    if not text["name"]:
        raise fail("an entry has no 'name'.", "name")
    kinds = ", ".join(kind.value for kind in EntityKind)
    try:
        kind = EntityKind(raw.get("kind"))
    except ValueError:
        raise fail(f"unknown kind {shorten(repr(raw.get('kind')))} for '{text['name']}'.", "kind", f"Use one of: {kinds}.") from None
    org_type = None
    if raw.get("type") is not None:
        types = "; ".join(t.value for t in OrgType)
        if kind is not EntityKind.ORGANISATION:
            raise fail("'type' is only for organisations.", "type")
        try:
            org_type = OrgType(raw["type"])
        except ValueError:
            raise fail(f"unknown organisation type {shorten(repr(raw['type']))}.", "type", f"Use one of: {types}.") from None
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail("'aliases' must be a list of names.", "aliases")
    if text["wikidata"] and not WIKIDATA.match(text["wikidata"]):
        raise fail(f"'{shorten(text['wikidata'])}' is not a Wikidata id.", "wikidata", "Write it like Q7747.")
    protect = raw.get("protect", False)
    if not isinstance(protect, bool):
        raise fail(f"'protect' must be true or false, not {shorten(repr(protect))}.", "protect",
                   "Write protect: true to publish this name only under a pseudonym.")
    if text["pseudonym"] and not protect:
        raise fail("'pseudonym' is only for a protected entry.", "pseudonym",
                   "Add protect: true, or remove the pseudonym.")
    if text["pseudonym"] and fold_key(text["pseudonym"]) in {fold_key(name) for name in (text["name"], *aliases)}:
        raise fail("the pseudonym is one of the entry's own names.", "pseudonym", "Choose a name that says nothing "
                   "about the person, such as \"Person A\".")
    return RegisteredEntity(
        name=text["name"], kind=kind, org_type=org_type, role=text["role"], description=text["description"],
        aliases=tuple(alias for index, a in enumerate(aliases)
                      if (alias := _one_line(a, file_name, f"{key}.aliases[{index}]", problems))),
        wikidata=text["wikidata"], protect=protect, pseudonym=text["pseudonym"])
