"""A link checker for a built site: every internal href/src, and every #anchor, must resolve."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL = ("http:", "https:", "mailto:", "data:", "//", "tel:")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(values[key])
        for key in ("href", "src"):
            if values.get(key) is not None and tag != "base":
                self.links.append(values[key])


def check_links(root: Path, base_path: str = "/") -> list[str]:
    """Every broken internal link, as 'page: link (reason)'; an empty list when all resolve.

    `base_path` is where the site is served ("/dossier/" for https://example.org/dossier/): links
    starting with "/" (the 404 page's) are resolved against it.
    """
    parsed: dict[Path, _Links] = {}

    def parse(path: Path) -> _Links:
        if path not in parsed:
            collector = _Links()
            collector.feed(path.read_text(encoding="utf-8"))
            parsed[path] = collector
        return parsed[path]

    broken = []
    for page in sorted(root.rglob("*.html")):
        for link in parse(page).links:
            if link.lower().startswith("javascript:"):
                broken.append(f"{page.relative_to(root)}: {link} (javascript: URL)")
                continue
            if link.startswith(EXTERNAL) or link == "":
                continue
            parts = urlsplit(link)
            path = unquote(parts.path)
            if path.startswith("/"):
                if not path.startswith(base_path):
                    broken.append(f"{page.relative_to(root)}: {link} (outside the site's path {base_path})")
                    continue
                target = Path(posixpath.normpath(root / path[len(base_path):]))
            else:
                target = page if not path else Path(posixpath.normpath(page.parent / path))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(root)}: {link} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                broken.append(f"{page.relative_to(root)}: {link} (no such anchor)")
    return broken
