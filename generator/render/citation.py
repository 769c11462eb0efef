"""How an article is cited: the Highwire Press `citation_*` tags that Zotero, Google Scholar and other
reference managers read from its page, and the values the bibliography files (`export/bibliography`) give.

Only what the article states or the curator gave is cited: an inferred date, a title made up from the
first sentence or a publisher reasoned from a web address stays out, because a reference manager would
take it as the source's own; a date is given no more precisely than known, and not at all when it is only
known to the week or the decade (neither format has a way to say so).
"""

from __future__ import annotations

import datetime as dt

from generator.model import Article, Attributed, Precision, Provenance

CITED = frozenset({Provenance.STATED, Provenance.SIDECAR})


def cited(value: Attributed) -> str | None:
    """The value if the article or the curator gave it, else None."""
    return value.value if value.value and value.provenance in CITED else None


def cited_date(article: Article) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day), as precisely as the article or the curator date it."""
    date = article.metadata.date
    if date.value is None or date.provenance not in CITED:
        return None
    parts = {Precision.YEAR: 1, Precision.MONTH: 2, Precision.DAY: 3}.get(date.precision)
    value: dt.date = date.value
    return (value.year, value.month, value.day)[:parts] if parts else None


def highwire(article: Article) -> list[tuple[str, str]]:
    """The page's `<meta name="citation_…">` tags: none without a title the article gives."""
    metadata = article.metadata
    title = cited(metadata.title)
    if title is None:
        return []
    tags = [("citation_title", title)]
    author = cited(metadata.author)
    if author:
        tags.append(("citation_author", author))
    date = cited_date(article)
    if date:
        tags.append(("citation_publication_date", "/".join(f"{part:02d}" for part in date)))
    publisher = cited(metadata.publisher)
    if publisher:
        tags += [("citation_journal_title", publisher), ("citation_publisher", publisher)]
    if metadata.language and metadata.language_provenance in CITED:
        tags.append(("citation_language", metadata.language))
    return tags
