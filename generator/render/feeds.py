"""Feeds of the dossier's articles: RSS 2.0 and JSON Feed 1.1, newest first.

Feed readers need absolute links, so items link to the configured site URL; without one the
links are relative to the feed, which works on the site itself and says so in the feed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime

from generator.model import Article, Precision
from generator.render.environment import environment

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


@dataclass(frozen=True)
class FeedItem:
    id: str
    url: str
    title: str
    summary: str
    published: dt.datetime
    publisher: str | None

    @property
    def pub_date(self) -> str:
        """RFC 822, as RSS dates are written."""
        return format_datetime(self.published)


def _items(articles: Sequence[Article], site_url: str) -> list[FeedItem]:
    items = []
    for article in _newest_first(articles):
        meta = article.metadata
        precision = "" if meta.date.precision is Precision.DAY else f" (date known to the {meta.date.precision.value})"
        items.append(FeedItem(meta.article_id, _url(site_url, article), meta.title.value or "",
                              meta.description + precision, _published(article),
                              meta.publisher.value if meta.publisher.known else None))
    return items


def rss_feed(articles: Sequence[Article], title: str, description: str, site_url: str) -> str:
    return environment().get_template("feed.xml.j2").render(
        title=title, home=site_url or "./", description=description, items=_items(articles, site_url))


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
