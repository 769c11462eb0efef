"""A generated page's YAML front matter: what Material reads to title, describe and index it.

Only the front matter reaches Python-Markdown; the page's HTML takes the placeholder's place
(`site/plugin.py`, `on_page_content`).
"""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from generator.model import Article, format_date_iso
from generator.render.citation import highwire
from generator.render.wording import date_text
from generator.text.scripts import direction

#: libyaml's safe emitter when PyYAML has it (as its wheels do): same output rules, far faster.
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


#: What a generated page's Markdown holds besides its front matter; the hook puts the HTML in its place.
PAGE_PLACEHOLDER = "<!-- dossier:page -->"


def front_matter(values: Mapping[str, object]) -> str:
    """YAML front matter, written by a safe dumper so any title round-trips."""
    values = dict(values)
    return _front_matter(repr(values), values)


_FRONT_MATTER: dict[str, str] = {}


def _front_matter(key: str, values: dict[str, object]) -> str:
    """PyYAML's dumper is pure Python (a quarter of a millisecond a page); a page whose values are
    unchanged (most, in a rebuild) reuses the text. `key` is the values' repr: plain strings,
    numbers, booleans, lists and dicts in insertion order, so equal values give equal keys."""
    text = _FRONT_MATTER.get(key)
    if text is None:
        if len(_FRONT_MATTER) > 50_000:
            _FRONT_MATTER.clear()
        dumped = yaml.dump(values, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
        text = _FRONT_MATTER[key] = f"---\n{dumped}---\n"
    return text


def article_meta(article: Article) -> dict[str, object]:
    """The metadata block's data, read by the `article.html` override; plain values only."""
    meta = article.metadata
    date = meta.date
    return {
        "id": meta.article_id,
        "title_provenance": meta.title.provenance.value,
        "title_evidence": meta.title.evidence,
        "publisher": meta.publisher.value,
        "publisher_provenance": meta.publisher.provenance.value,
        "publisher_evidence": meta.publisher.evidence,
        "author": meta.author.value,
        "author_provenance": meta.author.provenance.value,
        "author_evidence": meta.author.evidence,
        "date": format_date_iso(date.value, date.precision) if date.value else None,
        "date_text": date_text(date),
        "date_precision": date.precision.value if date.precision else None,
        "date_provenance": date.provenance.value,
        "date_evidence": date.evidence,
        "not_before": date_text(date.not_before, date.not_before_precision) if date.not_before else None,
        "not_before_evidence": date.not_before_evidence or None,
        "dateline": meta.dateline,
        "url": meta.url,
        "url_withheld": meta.url_withheld,
        "language": meta.language,
        "language_provenance": meta.language_provenance.value,
        "language_evidence": meta.language_evidence,
        "direction": direction(meta.language),
        "words": meta.word_count,
        "reading_minutes": meta.reading_minutes,
        "source": meta.source_name,
        "sha256": meta.sha256,
        "paragraphs": len(article.paragraphs),
        "citation": [list(tag) for tag in highwire(article)],
        "set_aside": [{"line": item.line, "kind": item.kind, "text": item.text} for item in article.clean.set_aside],
    }
