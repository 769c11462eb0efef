"""The curator's values for an article: a sidecar (`<stem>.yml`) or a Markdown note's front matter.

Declared as a MkDocs config schema (`SidecarConfig`) and read key by key (`typed.check`): a bad key
is reported with its file and key, and left out; the others are used. The result is a frozen
`CuratorValues`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.errors import input_error, shorten
from generator.ingest.curator_yaml import load_curator_yaml
from generator.ingest.seedfiles import read_seed_file, seed_file_exists
from generator.ingest.typed import CuratorOption, Invalid, Note, check
from generator.model import CuratorValues, Problem
from generator.text.fold import INVISIBLE_CONTROLS
from generator.text.lexicon import FIRST_YEAR, LAST_YEAR, web_address_host

SIDECAR_SUFFIXES = (".yml", ".yaml")
MAX_SIDECAR_BYTES = 100_000
#: What a curator can keep out of the published dossier for an article (see `protect.withhold`).
WITHHOLDABLE = ("author", "photo credit")


class CuratorText(CuratorOption):
    """One line of text; a number or a date is read as the text it was written as."""

    def run_validation(self, value: object) -> str:
        key = self.key_name
        if isinstance(value, bool):
            raise Invalid(f"'{key}' is read by YAML as the yes/no value {str(value).lower()}.",
                          f"Put the value in quotes: {key}: \"...\"")
        if isinstance(value, int | float | dt.date):
            return str(value)
        if not isinstance(value, str):
            raise Invalid(f"'{key}' must be text; got a {type(value).__name__}.", f"Write it as {key}: \"...\"")
        notes = []
        if INVISIBLE_CONTROLS.search(value):
            value = INVISIBLE_CONTROLS.sub("", value)
            notes.append(Note(f"'{key}' contains control characters; they are removed.",
                              "Write the value without escapes such as \\a or \\x1b."))
        if not value.strip():
            raise Invalid(f"'{key}' is empty.", "Remove the key or give it a value.", tuple(notes))
        try:
            value = self.checked(value.strip())
        except Invalid as error:
            raise Invalid(error.message, error.hint, tuple(notes)) from None
        if "\n" in value:
            value = " ".join(value.split())
            notes.append(Note(f"'{key}' has line breaks; they are shown as spaces.", "Write the value on one line."))
        for note in notes:
            self.note(note.message, note.hint)
        return value

    def checked(self, value: str) -> str:
        return value


class WebAddress(CuratorText):
    def checked(self, value: str) -> str:
        if not (re.match(r"https?://[^\s<>\"]+$", value, re.IGNORECASE) and web_address_host(value)):
            raise Invalid(f"'url' must be a web address starting with http:// or https://; got {shorten(repr(value))}.",
                          "Give the address of the original article.")
        return value


class PublicationDay(CuratorOption):
    """A day (2024-05-17), a month (2024-05) or a year (2024), within the years read as dates."""

    def run_validation(self, value: object) -> dt.date | str:
        if isinstance(value, dt.datetime):
            value = value.date()
        year = value.year if isinstance(value, dt.date) else int(str(value)[:4]) if re.match(r"\d{4}", str(value)) \
            else None
        if not isinstance(value, bool) and year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise Invalid(f"'date' {shorten(str(value))} is outside the years read as dates ({FIRST_YEAR}–{LAST_YEAR}).",
                          "Check the year.")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, int | str) and not isinstance(value, bool) and \
                re.fullmatch(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?", str(value)):
            return str(value)
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise Invalid(f"'date' {value} is not a real date.", "Check the day and month.")
        raise Invalid(f"'date' must be a date like 2024-05-17, 2024-05 or 2024; got {shorten(repr(value))}.",
                      "Write the date in ISO form.")


class Withheld(CuratorOption):
    def run_validation(self, value: object) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or any(item not in WITHHOLDABLE for item in items):
            raise Invalid(f"'withhold' must list what to keep out of the site: {', '.join(WITHHOLDABLE)}; "
                          f"got {shorten(repr(value))}.", "Write for example: withhold: [author, photo credit]")
        return tuple(dict.fromkeys(items))


class SidecarConfig(base.Config):
    """The keys a sidecar or a front matter may have."""

    title = c.Optional(CuratorText())
    publisher = c.Optional(CuratorText())
    author = c.Optional(CuratorText())
    url = c.Optional(WebAddress())
    language = c.Optional(CuratorText())
    date = c.Optional(PublicationDay())
    withhold = c.Optional(Withheld())


SIDECAR_KEYS = tuple(name for name, _ in SidecarConfig._schema)


def sidecar_name(seeds_dir: Path, stem: str) -> str | None:
    """The sidecar read for an article: the first of `<stem>.yml`, `<stem>.yaml` present."""
    return next((f"{stem}{suffix}" for suffix in SIDECAR_SUFFIXES if seed_file_exists(seeds_dir, stem + suffix)), None)


def read_sidecar(seeds_dir: Path, stem: str) -> tuple[CuratorValues, list[Problem]]:
    """The curator's overrides for one article, and a problem for each key that cannot be used."""
    name = sidecar_name(seeds_dir, stem)
    if name is None:
        return CuratorValues(), []
    data = read_seed_file(seeds_dir, name, MAX_SIDECAR_BYTES, "YAML file")
    loaded = load_curator_yaml(data, name, "Fix the YAML syntax; quote values that contain ': ' or start with a symbol.")
    return curator_values(name, loaded, "sidecar")


def curator_values(name: str, loaded: object, what: str) -> tuple[CuratorValues, list[Problem]]:
    """A sidecar's or a front matter's keys, each checked; a bad one is reported and left out."""
    if loaded is None:
        return CuratorValues(), []
    if not isinstance(loaded, dict):
        raise input_error(name, f"the {what} must be a mapping of keys to values (e.g. 'title: ...').",
                          f"Allowed keys: {', '.join(SIDECAR_KEYS)}.")
    checked = check(SidecarConfig, {key: value for key, value in loaded.items() if value is not None})  # null: unsaid
    problems = {key: [] for key in loaded}  # in the order the keys are written
    for key in checked.unknown:
        problems[key].append(Problem(name, f"unknown key '{key}'.", f"Allowed keys: {', '.join(SIDECAR_KEYS)}.",
                                     key=str(key)))
    for key, note in checked.notes:
        problems[key].append(Problem(name, note.message, note.hint, key=key, severity="warning"))
    for key, error in checked.errors:
        problems[key].append(Problem(name, error.message, error.hint, key=key))
    values = {key: value for key, value in checked.values.items() if value is not None}
    return CuratorValues(**values), [problem for key in problems for problem in problems[key]]
