"""Per-article results kept between builds, so that an edit redoes one article and the assembly.

Cleaning, metadata, names, dates and quotes of an article depend only on inputs the pipeline can
name: the article's file and sidecar, the registry, the years the dossier states, the model's
spans and, for dates and quotes, the names as assembled. Each result is stored under a hash of
exactly those inputs and of the generator's own code, so a changed input or a new version of the
code misses the cache by construction: nothing is ever invalidated by hand, and a stale result
cannot be served.

A long-lived process (`mkdocs serve`) also keeps the results of its last build in memory, so a
rebuild after an edit reads nothing back from disk.

Results are pickled into the project's cache folder (`.cache/stages`), which only this program
writes; like the virtual environment beside it, it is trusted code's own state, never input.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import weakref
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FORMAT = 1
#: Every cache with a folder in this process, so that a change of protected names empties their memory too.
_LIVE: weakref.WeakSet[StageCache] = weakref.WeakSet()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every file of the generator: its modules, and the word lists and templates they read
    (a stage's result depends on `generator/data/` as much as on the code), so results made by other
    code or data are never reused."""
    package = Path(__file__).parent
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def shared_stage_cache(folder: Path) -> StageCache:
    """One cache per folder for the life of the process, so a preview server keeps results in memory."""
    return StageCache(folder)


class StageCache:
    """Results of pure per-article stages on disk, by a hash of their inputs; `None` folder: no cache."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self._memory: dict[str, object] = {}  # key -> result, for the results used since `forget_unused`
        self._used: set[str] = set()
        self._last: dict[tuple[str, str], tuple[tuple, str]] = {}  # (stage, article) -> its arguments and key
        if folder is not None:
            _LIVE.add(self)

    def run(self, stage: str, function: Callable[..., T], *args: object, of: str = "") -> T:
        """`function(*args)`, or its stored result when its arguments are unchanged: a stage is a pure
        function of them, so they are its whole input and its key.

        Each argument's repr must be canonical: dataclasses, tuples, strings, numbers, dates, dicts in a
        stable order, or an object whose repr is made so (`RegistryMatcher`); never a set, whose order
        follows the hash seed. `of` (the article's file) lets a long-lived process find the last build's
        arguments for the same stage and article: when they are equal to these (of the same types,
        field by field), the key they had is the key, and their repr is not made again."""
        if self.folder is None:
            return function(*args)
        last = self._last.get((stage, of)) if of else None
        if last is not None and last[1] in self._memory and _same(last[0], args):
            key = last[1]  # the arguments of the last build, mostly the very objects: no repr to hash
        else:
            # repr, not pickle: equal values always give the same text, while pickle's bytes depend on which
            # equal strings happen to be one object (they differ between a computed and an unpickled result)
            key = hashlib.sha256(f"{code_version()}|{stage}|{args!r}".encode("utf-8", "surrogatepass")).hexdigest()
        if of:
            self._last[stage, of] = (args, key)
        self._used.add(key)
        if key in self._memory:
            self.hits += 1
            return self._memory[key]  # type: ignore[return-value]
        path = self.folder / stage / key[:2] / f"{key}.pickle"
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)  # noqa: S301 -- our own cache folder, see the module docstring
            self.hits += 1
            self._memory[key] = value
            return value
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass  # absent or unreadable: computed again
        value = function(*args)
        self.misses += 1
        self._store(path, value)
        self._memory[key] = value
        return value

    def forget_unused(self) -> None:
        """Drop from memory what the build just finished did not use: an edited article's old results."""
        self._memory = {key: value for key, value in self._memory.items() if key in self._used}
        self._last = {place: last for place, last in self._last.items() if last[1] in self._used}
        self._used = set()

    @staticmethod
    def _store(path: Path, value: object) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(value, protocol=5))
            temporary.replace(path)
        except OSError:
            pass  # a read-only or full cache folder costs speed, never the build


def _same(old: tuple, new: tuple) -> bool:
    """Equal arguments, each of the same type all the way down as far as `==` looks (a dataclass's
    `==` already requires its own class; 1 and 1.0 or True would be equal and print differently)."""
    return len(old) == len(new) and all(
        a is b or (type(a) is type(b) and not isinstance(a, float | int) and a == b) for a, b in zip(old, new, strict=True))


#: Beside the caches: the fingerprint of the protected names they were made under (never the names).
PROTECTION_MARK = "protection"
#: The folders of a cache that hold text read from articles: the model's spans, the stages' results, the last site (`site.warm`).
TEXT_CACHES = ("ner", "stages", "site")


def forget_on_protection_change(cache_root: Path, fingerprint: str) -> None:
    """Delete every cached result when the set of protected names changes: a result made before a
    name was protected holds that name, on disk and in a preview's memory."""
    mark = cache_root / PROTECTION_MARK
    try:
        if mark.read_text(encoding="ascii") == fingerprint:
            return
    except (OSError, UnicodeDecodeError):
        pass
    for folder in TEXT_CACHES:
        shutil.rmtree(cache_root / folder, ignore_errors=True)
    for cache in list(_LIVE):
        cache._memory.clear()
        cache._last.clear()
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        mark.write_text(fingerprint, encoding="ascii")
    except OSError:
        pass  # a read-only cache folder: the next build forgets again, which costs time only
