"""`typed.check`: MkDocs' config options, run for every key of a mapping, on past a failure."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.ingest.typed import CuratorOption, Invalid, check


class Shout(CuratorOption):
    def run_validation(self, value):
        if not isinstance(value, str):
            raise Invalid(f"'{self.key_name}' must be text.", "Quote it.")
        if value != value.upper():
            self.note(f"'{self.key_name}' was not in capitals.")
        return value.upper()


class Schema(base.Config):
    first = c.Optional(Shout())
    second = c.Optional(Shout())
    third = c.Type(int)  # MkDocs' own option: its error has no hint


def test_every_key_is_checked_and_the_good_ones_kept():
    checked = check(Schema, {"first": 1, "second": "quiet", "third": "x", "fourth": "?", 5: "?"})
    assert checked.values == {"second": "QUIET"}
    assert [(key, error.message, error.hint) for key, error in checked.errors] == [
        ("first", "'first' must be text.", "Quote it."), ("third", checked.errors[1][1].message, "")]
    assert "int" in checked.errors[1][1].message  # MkDocs' own message, kept
    assert [(key, note.message) for key, note in checked.notes] == [("second", "'second' was not in capitals.")]
    assert checked.unknown == ["fourth", 5]
    assert checked.failed("first") and not checked.failed("second")


def test_keys_not_written_are_not_validated_and_warnings_do_not_leak():
    assert check(Schema, {}).values == {}
    check(Schema, {"first": "lower"})
    assert check(Schema, {"first": "UPPER"}).notes == []
