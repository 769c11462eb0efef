"""URL slugs: non-empty, ASCII, contained in their folder, stable and unique."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

MAX_SLUG_CHARS = 60
RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "index", "templates", "assets", "search"]
    + [f"com{n}" for n in range(1, 10)] + [f"lpt{n}" for n in range(1, 10)])


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens; empty when the text has no Latin letters or digits."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG_CHARS:
        slug = slug[:MAX_SLUG_CHARS].rsplit("-", 1)[0]
        slug = re.sub(r"(?:-(?:of|the|and|in|for|to|a|an|on|at|by))+$", "", slug)
    return slug


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def allocate_slugs(items: Iterable[tuple[str, str | Sequence[str]]], fallback_prefix: str) -> dict[str, str]:
    """Map each (key, preferred texts) to a unique slug: the first text that gives one.

    A published citation must not move when the dossier grows. Of the items wanting the same
    slug, the one with the smallest key (an article's file name) keeps it; the others get their
    own key's hash appended, as do reserved and empty slugs. So adding an article renames no
    other, unless its file name sorts before one with the same title (name new files so they sort last).
    """
    wanted = [(key, next((slug for text in ([texts] if isinstance(texts, str) else texts)
                          if (slug := slugify(text))), "")) for key, texts in items]
    keeper: dict[str, str] = {}
    for key, slug in sorted(wanted):
        keeper.setdefault(slug, key)
    result: dict[str, str] = {}
    for key, slug in wanted:
        if not slug:
            slug = f"{fallback_prefix}-{short_hash(key)}"
        elif keeper[slug] != key or slug in RESERVED:
            slug = f"{slug}-{short_hash(key)}"
        result[key] = slug
    return result
