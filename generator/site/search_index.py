"""The finished search index: front-matter titles escaped, one lean entry per entity page, and under
the preview the entries of pages a dirty build did not rebuild.

Material's search plugin copies a page's front-matter title into the index as it is, and its search
box inserts result titles as HTML: an article titled "<img onerror=…>" would run script there. Section
titles are escaped by the plugin already; this escapes the rest. Entity pages are excluded from
Material's indexing (parsing their mentions cost a third of a large build and only repeated the
articles); each gets one entry, its name, kind, role and other spellings, escaped here.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.render.escaping import escape_text
from generator.site.preview import PreviewState, entries_by_page, merged_entries


def lean_entry(location: str, title: str, text: str) -> dict[str, str]:
    """An entry of the index for a page kept out of Material's own indexing."""
    return {"location": location, "title": escape_text(title), "text": escape_text(text)}


def needs_escaping(title: object) -> bool:
    return isinstance(title, str) and escape_text(title) != title


def finish_search_index(site_dir: Path, raw_titles: dict[str, str], lean_entries: list[dict[str, str]],
                        preview: PreviewState | None, rebuilt_urls: set[str], page_urls: list[str]) -> None:
    """Rewrite the index the search plugin wrote: `raw_titles` (page URL -> title) escaped, `lean_entries`
    added; with `preview` (a dirty build), entries of the pages not in `rebuilt_urls` carried over."""
    index_path = site_dir / "search" / "search_index.json"
    if not (raw_titles or lean_entries or preview) or not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = index.setdefault("docs", [])
    for doc in docs:
        raw = raw_titles.get(doc.get("location", "").split("#")[0])
        if raw is not None and doc.get("title") == raw:
            doc["title"] = escape_text(raw)
    if preview is not None:
        if preview.search:
            docs = merged_entries(preview.search, entries_by_page(docs), rebuilt_urls, page_urls)
        preview.search = entries_by_page(docs)
    present = {doc.get("location") for doc in docs}
    docs.extend(entry for entry in lean_entries if entry["location"] not in present)
    index["docs"] = docs
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
