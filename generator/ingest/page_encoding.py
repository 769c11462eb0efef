"""A saved web page's bytes as text, decoded the way its author wrote it, and never silently wrong.

A page is UTF-8 unless it declares otherwise (a byte-order mark, `<meta charset>`). One byte of another
code page in an otherwise UTF-8 page (a curly quote pasted from a word processor, a Windows-1252 dash) used
to send the whole page to the extractor's guess of a legacy encoding, every accented letter turned into
mojibake with no word said. Here such a byte is read as the Windows-1252 character it almost always is,
and each one is reported with its place; a page that is not UTF-8 at all, and says nothing of its
encoding, is refused with what to do.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: A page with more stray bytes than this is not UTF-8 with a slip in it but another encoding.
MAX_REPAIRS = 16
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Repair:
    offset: int  # byte offset in the file
    line: int
    byte: int
    read_as: str


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str  # as read: "utf-8", or the charset the page declares
    repairs: tuple[Repair, ...] = ()


class PageEncodingError(ValueError):
    """The page's bytes are not text in any encoding it states or implies; the message says where."""


def decode_page(data: bytes) -> DecodedPage:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    declared = _declared(data)
    try:
        return DecodedPage(data.decode("utf-8"), "utf-8")  # valid UTF-8 is UTF-8, whatever a template declared
    except UnicodeDecodeError as error:
        first = error
    if declared and declared != "utf-8":
        try:
            return DecodedPage(data.decode(declared), declared)
        except UnicodeDecodeError as error:
            raise PageEncodingError(f"declares {declared} but is not valid {declared} (byte {error.start}, line "
                                    f"{_line(data, error.start)}).") from None
    repairs: list[Repair] = []
    pieces, position = [], 0
    while True:
        try:
            pieces.append(data[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            offset = position + error.start
            if len(repairs) == MAX_REPAIRS:
                raise PageEncodingError(
                    f"is not UTF-8 (more than {MAX_REPAIRS} bytes are not, the first at byte {first.start}, line "
                    f"{_line(data, first.start)}) and does not say what it is.") from None
            pieces.append(data[position:offset].decode("utf-8"))
            read_as = data[offset:offset + 1].decode("cp1252", errors="replace")
            repairs.append(Repair(offset, _line(data, offset), data[offset], read_as))
            pieces.append(read_as)
            position = offset + 1
    return DecodedPage("".join(pieces), "utf-8", tuple(repairs))


def _declared(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
