"""Article text to Markdown: the one place where text is escaped.

Everything a template prints goes through `escape_markdown` (the Jinja environment's
`finalize`) unless it is a `Markdown` value built by the renderer itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown as python_markdown

ENTITY_CHARS = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


class Markdown(str):
    """Text that is already Markdown: templates print it unchanged."""


@lru_cache(maxsize=16)
def markdown_escaped_chars(extensions: tuple[str, ...] = ()) -> frozenset[str]:
    """The characters the configured Markdown lets a backslash escape."""
    md = python_markdown.Markdown(extensions=list(extensions))
    return frozenset(md.ESCAPED_CHARS)


def escape_markdown(text: str, escaped_chars: frozenset[str]) -> str:
    """Plain text to Markdown that renders back to the same visible text.

    `<`, `>` and `&` become entities (a backslash cannot hide them from the HTML
    parser); every other character the Markdown treats as syntax gets a backslash.
    Line breaks become spaces: a paragraph is one line.
    """
    return re.sub(r"\s+", " ", text).translate(_escape_table(escaped_chars))


@lru_cache(maxsize=16)
def _escape_table(escaped_chars: frozenset[str]) -> dict[int, str]:
    table = {ord(char): "\\" + char for char in escaped_chars}
    table.update({ord(char): entity for char, entity in ENTITY_CHARS.items()})
    return table


def html_attribute(value: str) -> str:
    """Text for a quoted attribute of raw HTML inside Markdown: every ASCII symbol as a character reference.

    Python-Markdown runs its code, link and emphasis patterns over raw HTML before it sets the
    tags aside, and keeps backslashes in them, so neither HTML escaping nor Markdown escaping
    alone is enough; a numeric reference is inert to both, and the browser reads it back.
    """
    return "".join(f"&#{ord(char)};" if char.isascii() and not (char.isalnum() or char == " ") else char
                   for char in " ".join(value.split()))
