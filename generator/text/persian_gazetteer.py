"""The gazetteer of places, bodies and outlets Dari and Persian news name (`generator/data/persian_gazetteer.txt`),
read once for every stage that needs it: names in the text (`extract.persian_names`), an outlet's name on a page's
top line (`clean.boilerplate`), the publisher it names (`extract.metadata`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.resources import data_lines
from generator.text.persian_words import phrase_key


@dataclass(frozen=True)
class Entry:
    kind: str  # "place", "organisation" or "media" (an organisation that publishes)
    name: str  # the English name the rest of the dossier uses
    spellings: tuple[str, ...]


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    found = []
    for line in data_lines("persian_gazetteer"):
        kind, name, spellings = line.split("\t")
        found.append(Entry(kind, name, tuple(spellings.split(" | "))))
    return tuple(found)


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {phrase_key(spelling): entry.name for entry in entries() if entry.kind == "media" for spelling in entry.spellings}


def outlet(line: str) -> str | None:
    """The outlet a line is, alone or with its city ("بی‌بی‌سی فارسی، ژنو"); None for any other line."""
    name = phrase_key(line.split("،")[0].split(" - ")[0].split("|")[0])
    return _outlets().get(name)
