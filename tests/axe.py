"""axe-core, the accessibility rules engine, fetched once from the npm registry into the cache folder."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from tests.conftest import PROJECT

VERSION = "4.10.3"
CACHED = PROJECT / ".cache" / f"axe-core-{VERSION}" / "axe.min.js"


def axe_source() -> str:
    """axe.min.js of axe-core VERSION (npm checks the package's integrity as it fetches it)."""
    if not CACHED.is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is needed to fetch axe-core from the npm registry for the accessibility tests: "
                               "`make test` installs it (Debian's npm), or run apt-get install -y npm")
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([npm, "pack", f"axe-core@{VERSION}", "--silent", "--pack-destination", folder],
                           check=True, capture_output=True, timeout=300)
            with tarfile.open(Path(folder) / f"axe-core-{VERSION}.tgz") as archive:
                member = archive.extractfile("package/axe.min.js")
                CACHED.parent.mkdir(parents=True, exist_ok=True)
                CACHED.write_bytes(member.read())
    return CACHED.read_text(encoding="utf-8")
