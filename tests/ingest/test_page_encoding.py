"""A saved page's bytes as text: a stray byte of another code page is read as meant and reported; a page in
another encoding is read as it declares, or refused when it declares nothing."""

from __future__ import annotations

import pytest

from generator.ingest.page_encoding import MAX_REPAIRS, PageEncodingError, decode_page


def test_a_stray_windows_1252_byte_in_a_utf8_page_is_read_as_meant_and_named():
    data = "<p>Café — the minister’s words</p>\n<p>A second line".encode("utf-8") + b" \x96 it\x92s here</p>"
    page = decode_page(data)
    assert page.text.endswith("A second line – it’s here</p>") and "Café — the minister’s" in page.text
    assert [(repair.line, repair.byte, repair.read_as) for repair in page.repairs] == [(2, 0x96, "–"), (2, 0x92, "’")]


def test_a_page_in_the_encoding_it_declares_is_read_in_it():
    data = '<meta charset="windows-1256"><p>'.encode("ascii") + "کابل و هرات".encode("cp1256") + b"</p>"
    assert "کابل و هرات" in decode_page(data).text.replace("ك", "ک")


def test_valid_utf8_is_utf8_whatever_a_template_declared():
    data = '<meta charset="iso-8859-1"><p>Café</p>'.encode("utf-8")
    assert decode_page(data).text.endswith("<p>Café</p>") and decode_page(data).encoding == "utf-8"


def test_a_legacy_page_that_declares_nothing_is_refused_with_where():
    data = ("<p>" + "Café crème à la française. " * MAX_REPAIRS + "</p>").encode("cp1252")
    with pytest.raises(PageEncodingError, match=r"is not UTF-8 .* the first at byte 6, line 1"):
        decode_page(data)
