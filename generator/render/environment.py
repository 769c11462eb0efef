"""The one Jinja environment: every generated page, the feed, the chart, the review list and the
files of a new dossier.

Autoescaping is on for every template but the new dossier's YAML and Markdown: each value printed is
escaped (`escaping.escape`) unless it is `Markup` built from escaped pieces. Templates are strict (an undefined name is an error, not an
empty string) and written so their output keeps the template's own line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import jinja2

from generator.render.escaping import Markup, escape, escape_text, markdown_text, xml_text, yaml_string
from generator.render.highlight import by_sentence, highlight, quote_in_context, quoted
from generator.render.wording import date_text, day_text, entry_date, noun, other_spellings, published
from generator.resources import SCAFFOLD, TEMPLATES
from generator.text.slugs import slugify


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Made once: Jinja compiles each template once per environment."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([TEMPLATES, SCAFFOLD]),
        autoescape=_markup,  # noqa: S701 -- on for every markup template: `_markup`
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(date_text=date_text, published=published, day_text=day_text, entry_date=entry_date,
                       highlight=highlight, by_sentence=by_sentence, quote_in_context=quote_in_context, quoted=quoted,
                       anchor=anchor, other_spellings=lambda entity: other_spellings(entity.name, entity.aliases))
    env.filters.update(noun=noun, capitalize_first=capitalize_first, code=code, xml_text=xml_text,
                       yaml=yaml_string, markdown=markdown_text)
    return env


def _markup(template: str | None) -> bool:
    """Every template escapes, but the plain-text files a new dossier starts with (their own filters quote)."""
    return not (template or "").endswith((".yml.j2", ".md.j2"))


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def code(text: str) -> Markup:
    """Text with its `backquoted` words as code, everything escaped."""
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


@dataclass
class Headings:
    """A page's headings as they are written: unique ids, permalinks, and the table of contents."""

    tokens: list[dict] = field(default_factory=list)
    _ids: dict[str, int] = field(default_factory=dict)

    def __call__(self, level: int, text: object, dir: str | None = None,  # noqa: A002 -- HTML's name
                 search: bool = True) -> Markup:
        """A heading; `search=False` keeps its section out of the search index (Material's
        `data-search-exclude`), for sections that only repeat what the articles say."""
        label = text if isinstance(text, Markup) else escape(text)
        plain = Markup(label).striptags()
        anchor = self._unique(slugify(plain) or "section")
        token = {"level": level, "id": anchor, "name": escape_text(plain), "children": []}
        siblings = self.tokens
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
        direction = Markup(f' dir="{dir}"') if dir in ("auto", "rtl", "ltr") else Markup("")
        if not search:
            direction += Markup(' data-search-exclude="true"')
        return Markup(f'<h{level} id="{anchor}"{direction}>{label}'
                      f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h{level}>')

    def _unique(self, anchor: str) -> str:
        count = self._ids.get(anchor, 0)
        self._ids[anchor] = count + 1
        return anchor if count == 0 else f"{anchor}_{count}"


def anchor(key: str) -> str:
    """A timeline entry's anchor; keys are generated, never text, and checked to be so."""
    if not re.fullmatch(r"[a-z0-9-]+", key):
        raise ValueError(f"unsafe anchor {key!r}")
    return key
