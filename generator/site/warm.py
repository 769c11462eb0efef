"""A build whose every input is the last build's: its dossier, pages and data files read back whole.

`mkdocs build` starts a new process each time, so nothing of the last build is in memory. The
per-article stages are cached (`stage_cache`), but with nothing changed the dossier-wide assembly
and the rendering of thousands of pages would still be redone. Their output is kept instead, in
one file, under a hash of every input they are made from: each file of the seeds folder byte for
byte (articles, sidecars, the registry), each file of the generator (code, templates, word lists),
the model's identity and the configuration values pages are made from. Any change misses by
construction; nothing is ever invalidated by hand. Only the newest is kept.

The file holds the articles' text after protection, like the stage cache, and goes with it when
the protected names change (`stage_cache.TEXT_CACHES`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from generator.extract.ner import ModelUnavailable, installed_model_key
from generator.stage_cache import code_version

FOLDER = "site"


def fingerprint(seeds: Path, settings: tuple) -> str | None:
    """The hash of a build's inputs; None when one cannot be read (the build is then made, not read back)."""
    try:
        digest = hashlib.sha256(f"{code_version()}|{installed_model_key()}|{settings!r}".encode())
        for entry in sorted(os.scandir(seeds), key=lambda entry: entry.name):
            digest.update(f"\0{entry.name}\0{entry.is_symlink()}\0{entry.is_dir()}\0".encode("utf-8", "surrogateescape"))
            if entry.is_file():
                digest.update(Path(entry.path).read_bytes())
    except (OSError, ModelUnavailable):
        return None
    return digest.hexdigest()


def load(cache: Path, key: str | None) -> object | None:
    if key is None:
        return None
    try:
        with (cache / FOLDER / f"{key}.pickle").open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 -- our own cache folder, as the stage cache's
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None


def store(cache: Path, key: str | None, value: object) -> None:
    """Kept as the only one: a build reads back only the last build's."""
    if key is None:
        return
    folder = cache / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f"{key}.{os.getpid()}.tmp"
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=5)
        temporary.replace(folder / f"{key}.pickle")
        for other in folder.iterdir():
            if other.name != f"{key}.pickle":
                other.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache folder costs speed, never the build
