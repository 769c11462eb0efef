"""The curator's YAML: values YAML cannot build stay text, explosive documents are refused, messages stay short."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import InputError, shorten
from generator.ingest.curator_yaml import load_curator_yaml


def _load(text: str):
    return load_curator_yaml(text.encode("utf-8"), "x.yml", "Fix it.")


def test_ordinary_values_load_as_yaml_would():
    assert _load("title: Russia recognises\ndate: 2025-07-04\ncount: 3\n") == {
        "title": "Russia recognises", "date": dt.date(2025, 7, 4), "count": 3}


@pytest.mark.parametrize("text, kept", [
    ("date: 2025-02-31\n", "2025-02-31"),  # YAML's timestamp, but no such day: PyYAML raises ValueError
    ("title: " + "9" * 5000 + "\n", "9" * 5000),  # past Python's limit for int("...")
])
def test_a_scalar_yaml_cannot_build_stays_the_text_it_was(text, kept):
    assert list(_load(text).values()) == [kept]


def test_anchors_and_aliases_are_refused_before_anything_expands():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
    with pytest.raises(InputError) as raised:
        _load(bomb)
    assert raised.value.problem.line == 1
    assert "anchors or aliases" in raised.value.problem.message


def test_deep_nesting_is_refused_with_its_line():
    with pytest.raises(InputError) as raised:
        _load("ok: 1\ntitle: " + "[" * 3000 + "]" * 3000 + "\n")
    assert raised.value.problem.line == 2
    assert "more than 20 levels deep" in raised.value.problem.message


def test_unsafe_tags_are_still_refused():
    with pytest.raises(InputError) as raised:
        _load("title: !!python/object/apply:os.system ['true']\n")
    assert "not valid YAML" in raised.value.problem.message


def test_a_quoted_value_in_a_message_is_cut_short():
    assert len(shorten("x" * 100_000)) < 120
    assert shorten("short") == "short"
