"""What the preview server remembers between builds, so that an edit rebuilds only the pages it changes.

`mkdocs serve --dirty` (what `dossier serve` runs) rebuilds only the files MkDocs
considers modified, and MkDocs considers every generated page modified. Each build here renders
every page (the pipeline's per-article results are cached, so that is cheap), fingerprints it, and
tells MkDocs which ones really changed; the others keep the HTML already in the served folder.

What the served folder holds is kept in step here: the search index (`search_index.SearchIndex`),
re-indexed for the pages an edit changed, and the pages that are gone, whose files are removed.

Anything outside the seeds that shapes every page (mkdocs.yml, docs/, overrides/) changes the
`setting` fingerprint, and then every page is rebuilt.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator.pipeline import DossierMemory
from generator.render.reuse import PageMemo
from generator.site.search_index import SearchIndex
from generator.stage_cache import code_version


def fingerprint(*parts: str) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.digest()


def setting_fingerprint(config_file: Path, folders: list[Path]) -> bytes:
    """What every page depends on besides its own content: the configuration, the theme overrides and
    the hand-written pages (their nav titles appear on every page), and the code that writes pages
    (the generator's, MkDocs', Material's: a build may keep pages an older version wrote)."""
    parts = [config_file.read_bytes().hex() if config_file.is_file() else "", code_version(),
             metadata.version("mkdocs"), metadata.version("mkdocs-material")]
    for number, folder in enumerate(folders):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()  # names relative to their folder: MkDocs gives it relative, then absolute
                    parts.append(f"{number}/{path.relative_to(folder)}:{stat.st_mtime_ns}:{stat.st_size}")
    return fingerprint(*parts)


@dataclass
class PreviewState:
    """The last build as the served folder holds it."""

    served: tuple[str, str] = ("", "")  # (mkdocs.yml, site folder) of the preview this state is of
    setting: bytes = b""
    pages: dict[str, bytes] = field(default_factory=dict)  # generated page (docs path) -> fingerprint
    destinations: dict[str, str] = field(default_factory=dict)  # generated page -> its file in the site
    search: SearchIndex | None = None  # the index as the served folder has it, for an edit to re-index its pages
    written: dict[str, tuple[int, int] | None] = field(default_factory=dict)  # `mkdocs build`: page file -> size, time
    memo: PageMemo = field(default_factory=PageMemo)  # what each page was rendered from, to reuse it unrendered
    dossier: DossierMemory = field(default_factory=DossierMemory)  # the pipeline's, for an edit to recount less
    hashed: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)  # page -> content, HTML, fingerprint

    def unchanged(self, setting: bytes, path: str, page_fingerprint: bytes) -> bool:
        return setting == self.setting and self.pages.get(path) == page_fingerprint

    def page_fingerprint(self, path: str, content: str, html: str) -> bytes:
        """`fingerprint(content, html)`, hashed again only for a page whose HTML is not the very string of the
        last build (a reused page's is): hashing every page's HTML costs a fifth of a second at 2,000 articles."""
        last = self.hashed.get(path)
        if last is not None and last[1] is html and last[0] == content:
            return last[2]
        value = fingerprint(content, html)
        self.hashed[path] = (content, html, value)
        return value

    def forget(self) -> None:
        """After a build that failed or was deleted: the next one writes every page and the whole index."""
        self.pages, self.search, self.hashed = {}, None, {}
        self.memo.forget()

