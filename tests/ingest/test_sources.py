"""Reading seeds: strict decoding, one bad file never stops the others; every problem names the file."""

from __future__ import annotations

import pytest

from generator.errors import InputError
from generator.ingest.sources import decode_article, ingest
from tests.helpers import write_file


def test_reads_articles_in_name_order_and_skips_the_registry(tmp_path):
    write_file(tmp_path, "b.txt", "Second\n\nBody two.\n")
    write_file(tmp_path, "a.txt", "First\n\nBody one.\n")
    write_file(tmp_path, "entities.yml", "people: []\n")
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






def test_an_article_with_a_bad_sidecar_is_kept(tmp_path):
    write_file(tmp_path, "a.txt", "Title\n\nBody.\n")
    write_file(tmp_path, "a.yml", "title: [unclosed\n")
    result = ingest(tmp_path)
    assert [source.name for source in result.sources] == ["a.txt"]
    assert result.problems[0].path == "a.yml" and result.problems[0].line is not None








def test_one_bad_file_does_not_stop_the_others(tmp_path):
    write_file(tmp_path, "good.txt", "Title\n\nBody.\n")
    write_file(tmp_path, "bad.txt", b"%PDF-1.4 binary")
    write_file(tmp_path, "notes.docx", b"PK\x03\x04")
    result = ingest(tmp_path)
    assert [source.name for source in result.sources] == ["good.txt"]
    messages = {problem.path: problem.message for problem in result.problems}
    assert "PDF" in messages["bad.txt"]
    assert "unknown file type" in messages["notes.docx"]


def test_duplicate_article_is_named_with_its_twin(tmp_path):
    write_file(tmp_path, "a.txt", "Title\n\nBody.\n")
    write_file(tmp_path, "b.txt", "Title\n\nBody.\n")
    result = ingest(tmp_path)
    assert [source.name for source in result.sources] == ["a.txt"]
    assert "a.txt" in result.problems[0].message and result.problems[0].path == "b.txt"
