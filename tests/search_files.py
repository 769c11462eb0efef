"""The site's search index read back from its files, as the search worker reads them: JSON (hosted) or the
offline bundle's scripts, which hand the same JSON to `self.__dossierSearch(name, data)`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.site.search_index import FOLDER

_WRAPPED = re.compile(r"self\.__dossierSearch\((\"[^\"]*\"),(.*)\);\n\Z", re.S)


def read(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js":
        match = _WRAPPED.match(text)
        assert match, f"{path} is not a search data script"
        assert json.loads(match[1]).split("/")[-1] == path.name[:-3]
        text = match[2]
    return json.loads(text)


@dataclass
class Index:
    folder: Path
    manifest: dict
    pages: dict[str, dict]  # location -> {id, title, kind, summary, names}

    def shard(self, key: str) -> dict | None:
        name = self.manifest["shards"].get(key)
        return read(self.folder / name) if name else None

    def postings(self, term: str) -> dict[str, int]:
        """location -> impact of the pages holding `term` (folded)."""
        shard = self.shard(term[:2])
        if shard is None or term not in shard["terms"]:
            return {}
        by_id = {page["id"]: location for location, page in self.pages.items()}
        flat = shard["terms"][term]
        return {by_id[shard["docs"][flat[i]]]: flat[i + 1] for i in range(0, len(flat), 2)}

    def passages(self, location: str) -> list[list[str]]:
        page = self.pages[location]
        name = self.manifest["chunks"][int(page["id"], 16) % len(self.manifest["chunks"])]
        return read(self.folder / name).get(page["id"], []) if name else []

    def files(self) -> list[Path]:
        return sorted(path for path in self.folder.rglob("*") if path.is_file())


def index_of(site: Path) -> Index:
    folder = site / FOLDER
    manifest_file = folder / "manifest.json"
    manifest = read(manifest_file if manifest_file.exists() else folder / "manifest.js")
    meta = read(folder / manifest["meta"])
    pages = {doc[1]: {"id": doc[0], "title": doc[2], "kind": manifest["kinds"][doc[3]], "summary": doc[4],
                      "names": doc[5]} for doc in meta["docs"]}
    return Index(folder, manifest, pages)
