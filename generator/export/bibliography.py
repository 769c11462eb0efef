"""The dossier's sources as a bibliography: `data/sources.bib` (BibTeX, for LaTeX and most reference
managers) and `data/sources.csl.json` (CSL-JSON, for Zotero, Pandoc and citeproc), one entry per article.

An entry cites what the article states or the curator gave (`render.citation`): an unknown author, date or
publisher is left out, never filled in. Each entry's note names the source file, its SHA-256 as received
(unless withheld) and the article's page in the dossier, so a citation leads back to the evidence.
"""

from __future__ import annotations

import json
import re

from generator.model import Article, DataFile, Dossier
from generator.render.citation import cited, cited_date

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIAL = re.compile("|".join(re.escape(char) for char in _BIBTEX_SPECIAL))


def bibliography_files(dossier: Dossier, folder: str) -> list[DataFile]:
    articles = sorted(dossier.articles, key=lambda article: article.metadata.article_id)
    keys = _keys(articles)
    bib = "".join(_bibtex(article, keys[article.metadata.article_id]) for article in articles)
    csl = [_csl(article, keys[article.metadata.article_id]) for article in articles]
    return [DataFile(f"{folder}/sources.bib", bib, "every source article as a BibTeX entry"),
            DataFile(f"{folder}/sources.csl.json", json.dumps(csl, ensure_ascii=False, indent=1) + "\n",
                     "every source article in CSL-JSON, for Zotero, Pandoc and citeproc")]


def _keys(articles: list[Article]) -> dict[str, str]:
    """A citation key per article: its id in the characters every tool accepts, unique."""
    keys: dict[str, str] = {}
    taken: set[str] = set()
    for article in articles:
        base = re.sub(r"[^A-Za-z0-9_-]+", "-", article.metadata.article_id).strip("-") or "article"
        key, number = base, 1
        while key in taken:
            number += 1
            key = f"{base}-{number}"
        taken.add(key)
        keys[article.metadata.article_id] = key
    return keys


def _note(article: Article) -> str:
    metadata = article.metadata
    parts = [f"Source file {metadata.source_name}"]
    if metadata.sha256:
        parts.append(f"SHA-256 {metadata.sha256}")
    parts.append("in the dossier: " + article.page_path.removesuffix(".md") + "/")
    return ", ".join(parts)


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda match: _BIBTEX_SPECIAL[match[0]], " ".join(text.split()))


def _bibtex(article: Article, key: str) -> str:
    metadata = article.metadata
    title = cited(metadata.title)
    publisher = cited(metadata.publisher)
    fields = [("title", "{" + _escape(title) + "}" if title else None),  # braces keep its capitals
              ("author", _escape(author) if (author := cited(metadata.author)) else None),
              ("journal", _escape(publisher) if publisher else None)]
    date = cited_date(article)
    if date:
        fields.append(("year", str(date[0])))
        fields.append(("date", "-".join(f"{part:02d}" for part in date)))
    fields += [("url", metadata.url), ("language", metadata.language), ("note", _escape(_note(article)))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    if date and len(date) > 1:
        body += f",\n  month = {MONTHS[date[1] - 1]}"
    return f"@{'article' if publisher else 'misc'}{{{key},\n{body}\n}}\n\n"


def _csl(article: Article, key: str) -> dict[str, object]:
    metadata = article.metadata
    item: dict[str, object] = {"id": key, "type": "article-newspaper"}
    if title := cited(metadata.title):
        item["title"] = title
    if author := cited(metadata.author):
        item["author"] = [{"literal": author}]
    if publisher := cited(metadata.publisher):
        item["container-title"] = publisher
    if date := cited_date(article):
        item["issued"] = {"date-parts": [list(date)]}
    if metadata.url:
        item["URL"] = metadata.url
    if metadata.language:
        item["language"] = metadata.language
    item["note"] = _note(article)
    return item
