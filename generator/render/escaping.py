"""How text is written into another language, in one place: pages, feed, chart, review, exports,
search entries, and the YAML and Markdown of a new dossier.

`escape` is markupsafe's, the one Jinja's autoescaping applies to every markup template: safe in element
text and in attributes, in HTML, SVG and XML alike. `escape_text` is the same escaping for text between
tags that is read back as text (Material's search index, an RSS title), where quotes stay as they are.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from generator.text.fold import INVISIBLE_CONTROLS

__all__ = ["Markup", "escape", "escape_text", "markdown_text", "xml_text", "yaml_string"]


def escape_text(text: str) -> str:
    """`&`, `<` and `>` escaped, quotes kept: Material writes its own index entries so, and a search for
    "women's" must find "women's", not "women&#39;s"."""
    return str(escape(text)).replace("&#39;", "'").replace("&#34;", '"')


def xml_text(text: str) -> Markup:
    """Text for an XML element, without the control characters XML 1.0 forbids (one makes a whole
    feed invalid)."""
    return Markup(escape_text(INVISIBLE_CONTROLS.sub("", text)))


def yaml_string(text: str) -> str:
    """One line of text as a YAML string: JSON's quoting is YAML's."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def markdown_text(text: str) -> str:
    """Text that Markdown shows literally: its syntax characters and HTML's escaped, on one line."""
    return "".join(f"\\{char}" if char in "\\`*_{}[]()#+-.!|>" else
                   {"<": "&lt;", "&": "&amp;"}.get(char, char) for char in " ".join(text.split()))
