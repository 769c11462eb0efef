"""Feeds of the dossier's articles: RSS 2.0 and JSON Feed 1.1, newest first.

Feed readers need absolute links, so items link to the configured site URL; without one the
links are relative to the feed, which works on the site itself and says so in the feed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from email.utils import format_datetime
from xml.sax.saxutils import escape as _escape_xml

from generator.model import Article, Precision
from generator.text.fold import INVISIBLE_CONTROLS


def escape(text: str) -> str:
    """Text for XML: escaped, and without the characters XML 1.0 forbids (one makes the whole feed invalid)."""
    return _escape_xml(INVISIBLE_CONTROLS.sub("", text))

FEED_ITEMS = 50


def _newest_first(articles: Sequence[Article]) -> list[Article]:
    dated = [a for a in articles if a.metadata.date.known]
    return sorted(dated, key=lambda a: (a.metadata.date.sort_key, a.slug), reverse=True)[:FEED_ITEMS]


def _url(site_url: str, article: Article, from_feed_dir: str = "") -> str:
    path = f"articles/{article.slug}/"
    return site_url.rstrip("/") + "/" + path if site_url else from_feed_dir + path


def _published(article: Article) -> dt.datetime:
    date = article.metadata.date.value
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)


def rss_feed(articles: Sequence[Article], title: str, description: str, site_url: str) -> str:
    items = []
    for article in _newest_first(articles):
        meta = article.metadata
        precision = "" if meta.date.precision is Precision.DAY else f" (date known to the {meta.date.precision.value})"
        items.append(
            "  <item>\n"
            f"    <title>{escape(meta.title.value or '')}</title>\n"
            f"    <link>{escape(_url(site_url, article))}</link>\n"
            f"    <guid isPermaLink=\"false\">{escape(meta.article_id)}</guid>\n"
            f"    <pubDate>{format_datetime(_published(article))}</pubDate>\n"
            f"    <description>{escape(meta.description + precision)}</description>\n"
            + (f"    <dc:creator>{escape(meta.publisher.value)}</dc:creator>\n" if meta.publisher.known else "")
            + "  </item>")
    home = site_url or "./"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
            f"  <title>{escape(title)}</title>\n  <link>{escape(home)}</link>\n"
            f"  <description>{escape(description)}</description>\n"
            + "\n".join(items) + "\n</channel>\n</rss>\n")


def json_feed(articles: Sequence[Article], title: str, description: str, site_url: str) -> str:
    items = []
    for article in _newest_first(articles):
        meta = article.metadata
        item = {"id": meta.article_id, "url": _url(site_url, article, "../"), "title": meta.title.value,
                "summary": meta.description, "date_published": _published(article).isoformat()}
        if meta.publisher.known:
            item["authors"] = [{"name": meta.publisher.value}]
        items.append(item)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": title, "description": description,
            "items": items}
    if site_url:
        feed["home_page_url"] = site_url
        feed["feed_url"] = site_url.rstrip("/") + "/feed.json"
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
