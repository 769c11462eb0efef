"""A sidecar's or a front matter's values: each key checked, every bad one reported with its file and
key and left out, the others used."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import InputError
from generator.ingest.sidecar import curator_values, read_sidecar
from generator.model import CuratorValues
from tests.helpers import write_file


def test_sidecar_values(tmp_path):
    write_file(tmp_path, "a.yml", "title: 'A title: with a colon'\ndate: 2025-07-04\nlanguage: en\n")
    assert read_sidecar(tmp_path, "a") == (CuratorValues(title="A title: with a colon", date=dt.date(2025, 7, 4),
                                                         language="en"), [])


@pytest.mark.parametrize("content, key, words", [
    ("titel: Oops\n", "titel", "unknown key"),
    ("title: no\n", "title", "yes/no"),
    ("date: [1, 2]\n", "date", "ISO"),
    ("publisher: {a: b}\n", "publisher", "must be text"),
    ("url: javascript:alert(1)\n", "url", "must be a web address"),
])
def test_sidecar_errors_name_file_and_key(tmp_path, content, key, words):
    write_file(tmp_path, "a.yml", content + "author: Jane Doe\n")
    values, (problem,) = read_sidecar(tmp_path, "a")
    assert problem.key == key and problem.severity == "error"
    assert "a.yml" in str(problem) and words in str(problem)
    assert values == CuratorValues(author="Jane Doe")  # the other keys still apply


def test_a_multi_line_sidecar_title_is_joined_with_a_warning(tmp_path):
    write_file(tmp_path, "a.yml", "title: |\n  First line\n  second line\n")
    values, (problem,) = read_sidecar(tmp_path, "a")
    assert values == CuratorValues(title="First line second line") and problem.severity == "warning"


def test_sidecar_yaml_error_names_the_line(tmp_path):
    write_file(tmp_path, "a.yml", "title: ok\nauthor: [unclosed\n")
    with pytest.raises(InputError) as error:
        read_sidecar(tmp_path, "a")
    assert error.value.problem.line is not None and "a.yml" in str(error.value)


def test_unsafe_yaml_tags_are_refused(tmp_path):
    write_file(tmp_path, "a.yml", "title: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(InputError):
        read_sidecar(tmp_path, "a")


def test_every_bad_key_is_reported_at_once_in_the_order_written(tmp_path):
    # MkDocs' own Config.validate stops at the first bad key; a curator sees them all, the good ones kept
    write_file(tmp_path, "a.yml", "date: 2025-13\ntitle: true\npublisher: Example Wire\nsorce: x\nurl: ftp://x\n")
    values, problems = read_sidecar(tmp_path, "a")
    assert [(problem.key, problem.severity) for problem in problems] == [
        ("date", "error"), ("title", "error"), ("sorce", "error"), ("url", "error")]
    assert values == CuratorValues(publisher="Example Wire")


def test_a_value_of_control_characters_only_is_empty_and_says_why(tmp_path):
    values, problems = curator_values("a.yml", {"author": "\x1b\x07", "title": "Fine"}, "sidecar")
    assert [(problem.key, problem.severity) for problem in problems] == [("author", "warning"), ("author", "error")]
    assert "control characters" in problems[0].message and "empty" in problems[1].message
    assert values == CuratorValues(title="Fine")


def test_a_warning_never_carries_over_to_the_next_file():
    curator_values("a.yml", {"title": "Line\nbreak", "author": ""}, "sidecar")
    _, problems = curator_values("b.yml", {"title": "Clean", "author": "Jane Doe"}, "sidecar")
    assert problems == []


def test_a_year_and_a_month_are_kept_as_written_and_null_says_nothing():
    values, problems = curator_values("a.md", {"date": 2024, "title": None, "withhold": "author"}, "front matter")
    assert values == CuratorValues(date="2024", withhold=("author",)) and problems == []
    assert curator_values("a.md", {"date": "2024-05"}, "front matter")[0].date == "2024-05"
