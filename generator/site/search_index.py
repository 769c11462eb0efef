"""The site's search index: built once, at build time, and read by the reader's browser in pieces.

Material's own search builds a lunr index in the browser from the whole of every page's text, on every
page load; at thousands of articles that is seconds per page. This index is built here instead, from each
page's `SearchEntry`, and written as files the theme's search worker
(`assets/javascripts/workers/dossier-search.js`, speaking Material's worker messages) loads as a query
needs them, under `search/dossier/`:

- `manifest`: the number of pages, the kinds, the fold table and stop words (`text.search_terms`), and
  the name of every other file (each named by a hash of its content, so a browser may cache it for good);
- `meta.HASH`: every page's address, title, kind, summary and names (as search words): what a result
  shows without its text;
- `t/KEY.HASH`: the postings of the words beginning with the two letters KEY (hex-encoded): for each word,
  the pages holding it with an impact (a BM25 weight of its counts, quantised; names and titles weigh
  more), so a query of two words loads two small files and scores with no other;
- `d/N.HASH`: the passages of the pages whose id falls in chunk N, for the snippets of the top results.

A page's impacts depend on the page alone (the length norm is a constant, document frequencies are
counted in the browser), so an edit changes only the files of its own words and its own chunk: a preview
keeps the index (`SearchIndex`) and rewrites those. The hosted site gets JSON, fetched and cached; the
offline bundle, which cannot fetch from disk, gets the same data as scripts that hand it to the worker.
Built from the pages' entries after redaction, and audited like every other file.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.render.search_entry import SearchEntry
from generator.text.search_terms import SEARCH_FOLD, STOP_WORDS, search_terms

FOLDER = "search/dossier"
K1, B, AVERAGE_WORDS = 1.2, 0.75, 400.0
TITLE_WEIGHT, SUMMARY_WEIGHT = 3.0, 1.5
NAME_BONUS, TITLE_BONUS = 6.0, 1.0  # over and above the counts: a name's own page outranks its mentions
DOCS_PER_CHUNK = 8
KINDS = ("Article", "Person", "Organisation", "Place", "Timeline", "Quotes", "List", "Page")


@dataclass(frozen=True)
class IndexedPage:
    id: str
    location: str
    entry: SearchEntry
    impacts: dict[str, int]  # word -> impact, ten times its weight, rounded
    phrases: list[str]  # its names as search words (`phrases`), for the titles file


def phrases(entry: SearchEntry) -> list[str]:
    """A page's names as search words ("ahmed zaki yamani", "yamani"): a query that is one of them puts the page
    first, and the worker corrects a typo against their words, folded here so the browser need not. Made once
    when the page is indexed: the titles file is written again after every edit, for every page."""
    return list(dict.fromkeys(phrase for name in entry.names if (phrase := " ".join(search_terms(name)))))


def page_id(location: str) -> str:
    """Stable across builds, so an edit moves no other page's postings."""
    return hashlib.blake2b(location.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


def shard_key(term: str) -> str:
    return term[:2]


def impacts(entry: SearchEntry) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for _, _, text in entry.blocks:  # a passage's heading (¶3, a date) is a label, not its words
        counts.update(search_terms(text))
    length = sum(counts.values())
    title, summary = search_terms(entry.title), search_terms(entry.summary)
    names = {term for name in entry.names for term in search_terms(name)}
    for terms, weight in ((title, TITLE_WEIGHT), (summary, SUMMARY_WEIGHT)):
        for term in terms:
            counts[term] += weight
    norm = K1 * (1 - B + B * length / AVERAGE_WORDS)
    title_terms = set(title)
    weights = {}
    for term, count in counts.items():
        weight = count * (K1 + 1) / (count + norm)
        weight += NAME_BONUS * (term in names) + TITLE_BONUS * (term in title_terms)
        weights[term] = max(1, round(10 * weight))
    for term in names - weights.keys():
        weights[term] = round(10 * NAME_BONUS)
    return weights


@dataclass
class SearchIndex:
    """The index of the last build: what a preview keeps, so an edit re-indexes only the pages it changed."""

    offline: bool = False
    pages: dict[str, IndexedPage] = field(default_factory=dict)  # location -> page
    postings: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)  # shard key -> word -> id -> impact
    files: dict[str, str] = field(default_factory=dict)  # shard key, "d/N" or "meta" -> file name written
    chunks: int = 0
    _dirty: set[str] = field(default_factory=set)

    def update(self, entries: dict[str, SearchEntry], locations: set[str] | None = None) -> None:
        """`entries`: the pages (location -> entry) built this time; `locations`: every page the site has
        now (None: `entries` are all of them), so the entries of pages gone are removed."""
        gone = set(self.pages) - (set(entries) if locations is None else locations)
        for location in sorted(gone):
            self._remove(self.pages.pop(location))
        for location, entry in entries.items():
            old = self.pages.get(location)
            if old is not None and (old.entry is entry or old.entry == entry):
                continue
            if old is not None:
                self._remove(old)
            page = IndexedPage(page_id(location), location, entry, impacts(entry), phrases(entry))
            self.pages[location] = page
            for term, impact in page.impacts.items():
                key = shard_key(term)
                self.postings.setdefault(key, {}).setdefault(term, {})[page.id] = impact
                self._dirty.add(key)
            self._dirty.update(("meta", self._chunk_file(page.id)))

    def _remove(self, page: IndexedPage) -> None:
        for term in page.impacts:
            key = shard_key(term)
            words = self.postings[key]
            del words[term][page.id]
            if not words[term]:
                del words[term]
            if not words:
                del self.postings[key]
            self._dirty.add(key)
        self._dirty.update(("meta", self._chunk_file(page.id)))

    def _chunk_file(self, page_id_: str) -> str:
        return f"d/{int(page_id_, 16) % max(1, self.chunks)}"

    def publish(self, site_dir: Path, entries: dict[str, SearchEntry], locations: set[str] | None = None) -> None:
        """The index of this build in the site folder: its pages updated, the files they change written,
        those no longer part of it deleted."""
        self.update(entries, locations)
        for removed in self.write(site_dir):
            (site_dir / removed).unlink(missing_ok=True)

    def written(self) -> list[str]:
        """The files of the last write, relative to the site folder: a build that keeps the last site's
        unchanged files keeps these (`kept`)."""
        return [f"{FOLDER}/{file}" for file in self.files.values()]

    def write(self, site_dir: Path) -> list[str]:
        """Write the files this build changed and the manifest; the files of the last write no longer part
        of the index, relative to the site folder."""
        chunks = 1 << max(0, math.ceil(math.log2(max(1, len(self.pages) / DOCS_PER_CHUNK))))
        if chunks != self.chunks:
            self.chunks = chunks
            self._dirty.update(f"d/{number}" for number in range(chunks))
            self._dirty.update(name for name in self.files if name.startswith("d/"))
        folder = site_dir / FOLDER
        before = dict(self.files)
        by_chunk: dict[str, list[IndexedPage]] = {}
        if any(name.startswith("d/") for name in self._dirty):
            for page in self.pages.values():
                by_chunk.setdefault(self._chunk_file(page.id), []).append(page)
        for name in sorted(self._dirty):
            if name == "meta":
                data = {"docs": [[page.id, page.location, page.entry.title, KINDS.index(page.entry.kind),
                                  page.entry.summary, page.phrases]
                                 for page in sorted(self.pages.values(), key=lambda page: page.location)]}
            elif name.startswith("d/"):
                pages = sorted(by_chunk.get(name, []), key=lambda page: page.id)
                data = {page.id: [list(block) for block in page.entry.blocks] for page in pages} if pages else None
            else:
                data = _shard(self.postings.get(name))
            if data is None:
                self.files.pop(name, None)
                continue
            stem = f"t/{name.encode('utf-8').hex()}" if not name.startswith(("d/", "meta")) else name
            self.files[name] = self._write(folder, stem, data)
        self._dirty.clear()
        self._write(folder, "manifest", self._manifest(), hashed=False)
        return [f"{FOLDER}/{file}" for name, file in before.items() if self.files.get(name) != file]

    def _manifest(self) -> dict:
        return {"version": 1, "pages": len(self.pages), "kinds": list(KINDS), "fold": SEARCH_FOLD,
                "stop": sorted(STOP_WORDS), "meta": self.files.get("meta"),
                "chunks": [self.files.get(f"d/{number}") for number in range(self.chunks)],
                "shards": {key: self.files[key] for key in sorted(self.postings)}}

    def _write(self, folder: Path, stem: str, data: object, hashed: bool = True) -> str:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        name = f"{stem}.{hashlib.blake2b(payload.encode('utf-8'), digest_size=6).hexdigest()}" if hashed else stem
        if self.offline:
            text, file = f"self.__dossierSearch({json.dumps(name)},{payload});\n", f"{name}.js"
        else:
            text, file = payload, f"{name}.json"
        path = folder / file
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
        return file


def _shard(words: dict[str, dict[str, int]] | None) -> dict | None:
    """{"docs": [page id, ...], "terms": {word: [doc, impact, doc, impact, ...]}}: doc is an index into
    "docs", so each page's id is written once per shard."""
    if not words:
        return None
    ids = sorted({page for postings in words.values() for page in postings})
    position = {page: number for number, page in enumerate(ids)}
    terms = {}
    for term in sorted(words):
        flat = []
        for page in sorted(words[term], key=position.__getitem__):
            flat += (position[page], words[term][page])
        terms[term] = flat
    return {"docs": ids, "terms": terms}
