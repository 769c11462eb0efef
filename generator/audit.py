"""The last check before anything is published: no output holds a protected name, in any form.

Redaction (`protect`) works on the articles before any stage reads them; this reads what was
actually written, whatever wrote it (a page the curator added, the site's name, a theme override,
an asset in docs/): every file and every file and folder name under the site, the members of
zip and gzip archives, with the same reading of text as the redaction (`spelling`: escapes
decoded, lookalike letters, invisible characters, any separator). Markup is read twice, as written
and with its tags taken out, so a name split by a tag ("Jane <b>Example</b>") is still one.

A file is skipped only when it is byte for byte a file of the theme (Material's or the dossier's
own) at the same place: code that is the same in every dossier and holds no article text.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from .protect import Redactor

#: The dossier's own theme files, copied into every site as they are.
DOSSIER_THEME = Path(__file__).resolve().parent.parent / "overrides"
_MARKUP = (".html", ".htm", ".xml", ".svg", ".xhtml")
#: Inline elements join what they hold to the words around them; every other tag separates.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|bdo|cite|code|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|wbr)"
                         r"\b[^<>]{0,2000}>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,2000}>")
#: An archive member larger than this is read only this far (a zip bomb must not fill the memory).
MAX_MEMBER_BYTES = 200_000_000


@lru_cache(maxsize=1)
def _theme_dirs() -> tuple[Path, ...]:
    import material

    return (Path(material.__file__).resolve().parent / "templates", DOSSIER_THEME)


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


def names_in_bytes(redactor: Redactor, data: bytes, name: str) -> set[str]:
    """The pseudonyms whose names the content of a file called `name` holds (archives opened)."""
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
                    found |= names_in_bytes(redactor, handle.read(MAX_MEMBER_BYTES), member.filename)
        return found
    text = data.decode("utf-8", errors="replace")
    found = redactor.names_in(text)
    if lowered.endswith(_MARKUP) and "<" in text:
        found |= redactor.names_in(_TAG.sub(" ", _INLINE_TAG.sub("", text)))
    return found


def leaks(redactor: Redactor, folder: Path) -> list[tuple[str, list[str]]]:
    """Every file under `folder` whose name or content holds a protected name, with the pseudonyms
    concerned. The file's path is given redacted (this list is printed)."""
    if not redactor:
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        named = redactor.names_in(relative)
        if path.is_file() and not path.is_symlink() and not _theme_copy(relative, path):
            named |= names_in_bytes(redactor, path.read_bytes(), path.name)
        if named:
            found.append((redactor.redact(relative), sorted(named)))
    return found


def leaks_in_file(redactor: Redactor, path: Path) -> list[str]:
    """The pseudonyms whose names one file (the bundle's zip, the review page) holds."""
    if not redactor:
        return []
    return sorted(redactor.names_in(path.name) | names_in_bytes(redactor, path.read_bytes(), path.name))


def describe(leaked: list[tuple[str, list[str]]], limit: int = 5) -> str:
    """The leaks as a message can print them: pseudonyms and redacted paths, never a name."""
    return "; ".join(f"{relative} (the name of {', '.join(names)})" for relative, names in leaked[:limit]) + (
        f"; and {len(leaked) - limit} more" if len(leaked) > limit else "")
