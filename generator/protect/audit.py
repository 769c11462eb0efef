"""The last check before anything is published: no output holds a protected name, in any form.

Redaction (`protect`) works on the articles before any stage reads them; this reads what was
actually written, whatever wrote it (a page the curator added, the site's name, a theme override,
an asset in docs/): every file and every file and folder name under the site, the members of
zip and gzip archives, with the same reading of text as the redaction (`spelling`: escapes
decoded, lookalike letters, invisible characters, any separator). Markup is read with its inline
tags taken out, so a name split by one ("Jane <b>Example</b>") is still one, and those tags after it
(an address in a link).

A file is skipped only when it is byte for byte a file of the theme (Material's or the dossier's
own) at the same place: code that is the same in every dossier and holds no article text, or when
its content, by its SHA-256, was read and found clean under the same protected names by the same
code (`AuditMemory`): a rebuild reads only what changed. File names are read every time.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from generator.protect.redact import Redactor
from generator.resources import THEME
from generator.stage_cache import code_version

_MARKUP = (".html", ".htm", ".xml", ".svg", ".xhtml")
#: Inline elements join what they hold to the words around them; every other tag separates.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|bdo|cite|code|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|wbr)"
                         r"\b[^<>]{0,2000}>", re.IGNORECASE)
#: An archive member larger than this is read only this far (a zip bomb must not fill the memory).
MAX_MEMBER_BYTES = 200_000_000


@lru_cache(maxsize=1)
def _theme_dirs() -> tuple[Path, ...]:
    import material

    return (Path(material.__file__).resolve().parent / "templates", THEME)  # both copied into every site as they are


def _theme_copy(relative: str, path: Path) -> bool:
    """Whether `path` is, byte for byte, the theme's own file at the same place."""
    if not relative.startswith("assets/"):
        return False
    size = path.stat().st_size
    for folder in _theme_dirs():
        original = folder / relative
        if original.is_file() and original.stat().st_size == size and original.read_bytes() == path.read_bytes():
            return True
    return False


class AuditMemory:
    """The contents found clean before, by their SHA-256, under one set of protected names and one
    version of the code (both in the file's name): a content read clean once is clean again."""

    def __init__(self, folder: Path | None, redactor: Redactor) -> None:
        self.path = folder / f"audit-{code_version()}-{redactor.fingerprint}.txt" if folder else None
        self.clean: set[str] = set()
        self._new: set[str] = set()
        if self.path is not None:
            try:
                self.clean = set(self.path.read_text(encoding="ascii").split())
            except (OSError, UnicodeDecodeError):
                pass

    def seen_clean(self, digest: str) -> bool:
        return digest in self.clean

    def add(self, digest: str) -> None:
        if digest not in self.clean:
            self.clean.add(digest)
            self._new.add(digest)

    def save(self) -> None:
        """Write what is known (only the digests of this build's clean contents are kept), and drop the
        memories of other protected sets or code."""
        if self.path is None or not self._new:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for other in self.path.parent.glob("audit-*.txt"):
                if other != self.path:
                    other.unlink(missing_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text("\n".join(sorted(self.clean)), encoding="ascii")
            temporary.replace(self.path)
        except OSError:
            pass  # a read-only cache: the next build reads everything again, which costs time only


def names_in_bytes(redactor: Redactor, data: bytes, name: str, memory: AuditMemory | None = None) -> set[str]:
    """The pseudonyms whose names the content of a file called `name` holds (archives opened)."""
    digest = hashlib.sha256(data).hexdigest() if memory is not None else ""
    if memory is not None and memory.seen_clean(digest):
        return set()
    found = _names_in_content(redactor, data, name, memory)
    if memory is not None and not found:
        memory.add(digest)
    return found


def _names_in_content(redactor: Redactor, data: bytes, name: str, memory: AuditMemory | None) -> set[str]:
    lowered = name.lower()
    if lowered.endswith(".gz") or data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as archive:
                data = archive.read(MAX_MEMBER_BYTES)
        except (OSError, EOFError):
            pass  # not gzip after all: read as it is
    if zipfile.is_zipfile(io.BytesIO(data)):
        found: set[str] = set()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                found |= redactor.names_in(member.filename)
                with archive.open(member) as handle:
                    found |= names_in_bytes(redactor, handle.read(MAX_MEMBER_BYTES), member.filename, memory)
        return found
    text = data.decode("utf-8", errors="replace")
    if lowered.endswith(_MARKUP) and "<" in text:
        # read once: the text with its inline tags taken out, then those tags themselves (their addresses)
        text = _INLINE_TAG.sub("", text) + "\n" + "\n".join(_INLINE_TAG.findall(text))
    return redactor.names_in(text)


def leaks(redactor: Redactor, folder: Path, memory: AuditMemory | None = None) -> list[tuple[str, list[str]]]:
    """Every file under `folder` whose name or content holds a protected name, with the pseudonyms
    concerned. The file's path is given redacted (this list is printed)."""
    if not redactor:
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        named = redactor.names_in(relative)
        if path.is_file() and not path.is_symlink() and not _theme_copy(relative, path):
            named |= names_in_bytes(redactor, path.read_bytes(), path.name, memory)
        if named:
            found.append((redactor.redact(relative), sorted(named)))
    if memory is not None:
        memory.save()
    return found


def leaks_in_file(redactor: Redactor, path: Path, memory: AuditMemory | None = None) -> list[str]:
    """The pseudonyms whose names one file (the bundle's zip, the review page) holds."""
    if not redactor:
        return []
    found = sorted(redactor.names_in(path.name) | names_in_bytes(redactor, path.read_bytes(), path.name, memory))
    if memory is not None:
        memory.save()
    return found


def describe(leaked: list[tuple[str, list[str]]], limit: int = 5) -> str:
    """The leaks as a message can print them: pseudonyms and redacted paths, never a name."""
    return "; ".join(f"{relative} (the name of {', '.join(names)})" for relative, names in leaked[:limit]) + (
        f"; and {len(leaked) - limit} more" if len(leaked) > limit else "")
