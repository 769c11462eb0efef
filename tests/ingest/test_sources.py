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


def test_the_record_as_received_is_the_record_shown(tmp_path):
    """Three ways a file used to be published wrong without a word: each is now repaired and reported."""
    from generator.ingest.sources import ingest
    from tests.conftest import SEEDS

    seed = (SEEDS / "000_68507b3c627c16da.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(seed, encoding="utf-8")
    # the same article re-saved as Markdown by an editor that pads lines (its "- Zan News" now a list item)
    (tmp_path / "a-resaved.md").write_text("\n".join(line + "  " for line in seed.split("\n")), encoding="utf-8")
    body = "".join(f"<p>Paragraph {n} of the report, with enough words in it to be a paragraph of an article.</p>"
                   for n in range(6))
    (tmp_path / "stray.html").write_bytes(
        ("<html><head><title>Stray byte report</title></head><body><article><h1>Stray byte report</h1>" + body
         + "<p>Café owners said").encode("utf-8") + b" the minister\x92s words were clear.</p></article></body></html>")
    (tmp_path / "deep.html").write_text("<html><head><title>Deep report</title></head><body>" + "<div>" * 254
                                        + "<h1>Deep report</h1>" + body + "</div>" * 254 + "</body></html>",
                                        encoding="utf-8")
    result = ingest(tmp_path)
    texts = {source.name: source.text for source in result.sources}
    messages = [str(problem) for problem in result.problems]
    assert sorted(texts) == ["a-resaved.md", "deep.html", "stray.html"]
    assert any(message.startswith("a.txt: same text as a-resaved.md") for message in messages)
    assert "Café owners said the minister’s words were clear." in texts["stray.html"]
    assert any("stray.html:1: byte" in message and "(0x92)" in message and "“’”" in message for message in messages)
    assert texts["deep.html"].count("Paragraph ") == 6
    assert any(message.startswith("deep.html: nests its elements") for message in messages)
