"""The curator's YAML mappings checked by MkDocs' config classes, one key at a time.

A sidecar, a Markdown front matter, the registry and each of its entries is declared as a
`base.Config` schema whose options check and convert each value (as Material's blog declares a
post's metadata with `PostConfig`). MkDocs' own `Config.validate` stops at the first bad key
(`base.Config._validate` breaks there); a curator must see every bad key of a file at once, and the
good ones kept, so `check` runs each key's option as `Config.validate` would, and goes on past a failure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mkdocs.config import base


class Invalid(base.ValidationError):
    """A value that cannot be used: what is wrong, and what to write instead; `notes` are the warnings
    found before it failed."""

    def __init__(self, message: str, hint: str = "", notes: tuple[Note, ...] = ()) -> None:
        super().__init__(message)
        self.message, self.hint, self.notes = message, hint, notes


@dataclass(frozen=True)
class Note:
    """A warning about a value that was still used: its line breaks read as spaces, say. `at` is the
    step below the key it is about ("[2]": the key's third item)."""

    message: str
    hint: str = ""
    at: str = ""


class CuratorOption(base.BaseConfigOption):
    """An option that knows its key (for its messages) and gives its warnings as `Note`s."""

    key_name = ""

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.key_name = key_name

    def note(self, message: str, hint: str = "", at: str = "") -> None:
        self.warnings.append(Note(message, hint, at))  # type: ignore[arg-type] -- read back by `check`


@dataclass
class Checked:
    """A mapping as its schema reads it: the values that can be used, in the order written."""

    values: dict[str, object] = field(default_factory=dict)
    errors: list[tuple[str, Invalid]] = field(default_factory=list)  # (key, why), in the order written
    notes: list[tuple[str, Note]] = field(default_factory=list)
    unknown: list[object] = field(default_factory=list)  # keys the schema does not have

    def failed(self, key: str) -> bool:
        return any(failed == key for failed, _ in self.errors)


def check(schema: type[base.Config], mapping: Mapping[object, object]) -> Checked:
    """Each key of `mapping` validated by its option in `schema`, as `Config.validate` validates it, and
    on past a failure; a key with no option is `unknown`. Keys not written are not validated: an
    option that may be left out is `Optional`, and what a missing key means is the reader's to say."""
    options = dict(schema._schema)
    config = schema()
    checked = Checked()
    for key, value in mapping.items():
        if not isinstance(key, str) or key not in options:
            checked.unknown.append(key)
            continue
        option = options[key]
        try:
            option.pre_validation(config, key_name=key)
            checked.values[key] = option.validate(value)
        except base.ValidationError as error:
            error = error if isinstance(error, Invalid) else Invalid(str(error))
            checked.notes.extend((key, note) for note in error.notes)
            checked.errors.append((key, error))
        finally:
            notes = list(option.warnings)
            option.reset_warnings()
        checked.notes.extend((key, note if isinstance(note, Note) else Note(str(note))) for note in notes)
    return checked
