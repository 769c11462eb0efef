"""Reading seeds: strict decoding, sidecar validation; every problem names the file and key."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import InputError
from generator.ingest.sources import decode_article, ingest, read_sidecar


def _write(folder, name, content):
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_reads_articles_in_name_order_and_skips_the_registry(tmp_path):
    _write(tmp_path, "b.txt", "Second\n\nBody two.\n")
    _write(tmp_path, "a.txt", "First\n\nBody one.\n")
    _write(tmp_path, "entities.yml", "people: []\n")
    result = ingest(tmp_path)
    assert [source.name for source in result.sources] == ["a.txt", "b.txt"]
    assert result.problems == ()


def test_bom_and_crlf_are_accepted():
    assert decode_article("x.txt", "\ufeffTitle\r\n\r\nBody.\r\n".encode("utf-8")) == "Title\n\nBody.\n"


def test_legacy_code_page_is_refused_with_the_byte_offset():
    data = "Title\n\nCaf\u00e9 text".encode("cp1252")
    with pytest.raises(InputError) as error:
        decode_article("old.txt", data)
    assert "old.txt" in str(error.value) and "byte 10" in str(error.value) and "UTF-8" in str(error.value)


def test_sidecar_values(tmp_path):
    _write(tmp_path, "a.yml", "title: 'A title: with a colon'\ndate: 2025-07-04\nlanguage: en\n")
    assert read_sidecar(tmp_path, "a") == ({"title": "A title: with a colon", "date": dt.date(2025, 7, 4),
                                            "language": "en"}, [])


@pytest.mark.parametrize("content, key, words", [
    ("titel: Oops\n", "titel", "unknown key"),
    ("title: no\n", "title", "yes/no"),
    ("date: [1, 2]\n", "date", "ISO"),
    ("publisher: {a: b}\n", "publisher", "must be text"),
    ("url: javascript:alert(1)\n", "url", "must be a web address"),
])
def test_sidecar_errors_name_file_and_key(tmp_path, content, key, words):
    _write(tmp_path, "a.yml", content + "author: Jane Doe\n")
    values, (problem,) = read_sidecar(tmp_path, "a")
    assert problem.key == key and problem.severity == "error"
    assert "a.yml" in str(problem) and words in str(problem)
    assert values == {"author": "Jane Doe"}  # the other keys still apply


def test_an_article_with_a_bad_sidecar_is_kept(tmp_path):
    _write(tmp_path, "a.txt", "Title\n\nBody.\n")
    _write(tmp_path, "a.yml", "title: [unclosed\n")
    result = ingest(tmp_path)
    assert [source.name for source in result.sources] == ["a.txt"]
    assert result.problems[0].path == "a.yml" and result.problems[0].line is not None


def test_a_multi_line_sidecar_title_is_joined_with_a_warning(tmp_path):
    _write(tmp_path, "a.yml", "title: |\n  First line\n  second line\n")
    values, (problem,) = read_sidecar(tmp_path, "a")
    assert values == {"title": "First line second line"} and problem.severity == "warning"


def test_sidecar_yaml_error_names_the_line(tmp_path):
    _write(tmp_path, "a.yml", "title: ok\nauthor: [unclosed\n")
    with pytest.raises(InputError) as error:
        read_sidecar(tmp_path, "a")
    assert error.value.problem.line is not None and "a.yml" in str(error.value)


def test_unsafe_yaml_tags_are_refused(tmp_path):
    _write(tmp_path, "a.yml", "title: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(InputError):
        read_sidecar(tmp_path, "a")


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    _write(tmp_path, "good.txt", "Title\n\nBody.\n")
    _write(tmp_path, "bad.txt", b"%PDF-1.4 binary")
    _write(tmp_path, "notes.docx", b"PK\x03\x04")
    result = ingest(tmp_path)
    assert [source.name for source in result.sources] == ["good.txt"]
    messages = {problem.path: problem.message for problem in result.problems}
    assert "PDF" in messages["bad.txt"]
    assert "unknown file type" in messages["notes.docx"]


def test_duplicate_article_is_named_with_its_twin(tmp_path):
    _write(tmp_path, "a.txt", "Title\n\nBody.\n")
    _write(tmp_path, "b.txt", "Title\n\nBody.\n")
    result = ingest(tmp_path)
    assert [source.name for source in result.sources] == ["a.txt"]
    assert "a.txt" in result.problems[0].message and result.problems[0].path == "b.txt"
