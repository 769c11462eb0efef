"""Links between generated pages as the built site addresses them.

Generated pages are HTML, so MkDocs does not rewrite their links: each is made relative here, as
MkDocs would make a Markdown link, for either `use_directory_urls`.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


def page_href(target: str, from_page: str, use_directory_urls: bool) -> str:
    """The built URL of a docs-relative target ("actors/x.md#p3"), relative to another page: what MkDocs
    would make of a Markdown link to it. Generated pages are HTML, so MkDocs does not rewrite their links."""
    path, _, fragment = target.partition("#")
    relative = _relative_url(path, from_page, use_directory_urls)
    return relative + ("#" + fragment if fragment else "")


@lru_cache(maxsize=65536)
def _relative_url(path: str, from_page: str, use_directory_urls: bool) -> str:
    target_url, from_url = _page_url(path, use_directory_urls), _page_url(from_page, use_directory_urls)
    base = from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)
    target_parts = [part for part in target_url.split("/") if part]
    base_parts = [part for part in base.split("/") if part]
    common = 0
    while common < min(len(target_parts), len(base_parts)) and target_parts[common] == base_parts[common]:
        common += 1
    relative = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if target_url.endswith("/") or not target_url:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative


def _page_url(path: str, use_directory_urls: bool) -> str:
    """"actors/x.md" as MkDocs publishes it: "actors/x/" (or "actors/x.html"); an index is its folder."""
    if not path.endswith(".md"):
        return path  # an asset: chart.svg, timeline.json
    stem = path.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
