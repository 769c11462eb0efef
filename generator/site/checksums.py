"""SHA256SUMS: the SHA-256 of every file a build published and of every source file as received, so that
anyone can check that a copy of the site or the bundle is, byte for byte, what the build wrote, and that an
article's page was made from the file its hash names.

The file is in the format of GNU `sha256sum` (one `HASH  PATH` line a file, sorted), so `sha256sum --check
--ignore-missing SHA256SUMS` in the site's folder checks the published files with no tool of ours; the
sources' lines name them under the seeds folder (`seeds/NAME`). `dossier verify` (`verify`) checks a site
folder, a bundle folder or the bundle's zip against it, and the sources too when given their folder. A hash
proves identity with what was hashed, not when: publishing the hash of SHA256SUMS somewhere dated (a
timestamping service, a signed message) is what fixes a date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "SHA256SUMS"
_LINE = re.compile(r"([0-9a-f]{64}) [ *](.+)")


def build_date() -> str:
    """The day of the build, as pages cite it: SOURCE_DATE_EPOCH's if set (a reproducible build's), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch.isdigit() else dt.date.today()
    return f"{day.day} {day:%B %Y}"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(site_dir: Path, sources: Iterable[tuple[str, str]], seeds_folder: str = "seeds") -> int:
    """Hash every file under `site_dir` (but the manifest) and list `sources` ((name, sha256) of each source
    file; a withheld hash is left out) as `seeds_folder/NAME`; the number of lines written."""
    lines = {path.relative_to(site_dir).as_posix(): sha256_file(path) for path in site_dir.rglob("*") if path.is_file()}
    lines.pop(MANIFEST, None)
    for name, digest in sources:
        if digest:
            lines[f"{seeds_folder}/{name}"] = digest
    text = "".join(f"{digest}  {path}\n" for path, digest in sorted(lines.items()))
    (site_dir / MANIFEST).write_text(text, encoding="utf-8", newline="\n")
    return len(lines)


@dataclass(frozen=True)
class Verdict:
    """What `verify` found: the files checked, and each that differs, is missing or was added."""

    checked: int
    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    added: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.added)


class NotVerifiable(Exception):
    """The path holds no manifest to check against, or it cannot be read."""


def verify(path: Path, sources: Path | None = None, seeds_folder: str = "seeds") -> Verdict:
    """Check a site folder, a bundle folder or the bundle's zip against its SHA256SUMS; with `sources`,
    the source files in that folder against their lines too."""
    files = _zip_files(path) if path.suffix == ".zip" and path.is_file() else _folder_files(path)
    manifest = files.pop(MANIFEST, None)
    if manifest is None:
        raise NotVerifiable(f"{path} holds no {MANIFEST}: it is not a site or a bundle built by the dossier "
                            "generator, or the file was removed.")
    expected = _parse(manifest(), path)
    prefix = seeds_folder.rstrip("/") + "/"
    published = {name: digest for name, digest in expected.items() if not name.startswith(prefix) or name in files}
    changed = [name for name, digest in published.items() if name in files and _digest(files[name]) != digest]
    missing = [name for name in published if name not in files]
    added = [name for name in files if name not in published]
    checked = len(published)
    if sources is not None:
        for name, digest in expected.items():
            if name.startswith(prefix) and name not in published:
                source = sources / name[len(prefix):]
                checked += 1
                if not source.is_file():
                    missing.append(name)
                elif sha256_file(source) != digest:
                    changed.append(name)
    return Verdict(checked, tuple(sorted(changed)), tuple(sorted(missing)), tuple(sorted(added)))


def _parse(data: bytes, where: Path) -> dict[str, str]:
    expected = {}
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        match = _LINE.fullmatch(line)
        if not match:
            raise NotVerifiable(f"{where}: {MANIFEST} line {number} is not a 'HASH  PATH' line: the manifest was "
                                "altered, so nothing can be checked against it.")
        expected[match[2]] = match[1]
    return expected


def _digest(read) -> str:
    return hashlib.sha256(read()).hexdigest()


def _folder_files(folder: Path) -> dict:
    if not folder.is_dir():
        raise NotVerifiable(f"{folder} is neither a folder nor a .zip: give the site's folder, the unzipped "
                            "bundle's folder or the bundle's zip.")
    return {path.relative_to(folder).as_posix(): path.read_bytes for path in folder.rglob("*") if path.is_file()}


def _zip_files(path: Path) -> dict:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise NotVerifiable(f"{path} cannot be read as a zip ({error}): it is damaged or not the bundle.") from None
    return {info.filename: (lambda info=info: archive.read(info)) for info in archive.infolist() if not info.is_dir()}
