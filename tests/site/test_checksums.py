"""SHA256SUMS and `dossier verify`: a copy of the site or the bundle checked byte for byte against what
its build wrote, and the sources against their hashes as received."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.site.checksums import MANIFEST, NotVerifiable, verify, write_manifest
from tests.conftest import SEEDS


def _site(folder: Path) -> Path:
    (folder / "articles" / "a").mkdir(parents=True)
    (folder / "index.html").write_text("<p>Home</p>", encoding="utf-8")
    (folder / "articles" / "a" / "index.html").write_text("<p>An article</p>", encoding="utf-8")
    write_manifest(folder, [("a.txt", hashlib.sha256(b"as received").hexdigest()), ("withheld.txt", "")])
    return folder


def test_the_manifest_is_sha256sum_s_format_with_the_sources_under_seeds(tmp_path):
    site = _site(tmp_path)
    lines = (site / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert lines == [f"{hashlib.sha256(b'<p>An article</p>').hexdigest()}  articles/a/index.html",
                     f"{hashlib.sha256(b'<p>Home</p>').hexdigest()}  index.html",
                     f"{hashlib.sha256(b'as received').hexdigest()}  seeds/a.txt"]  # a withheld hash is left out
    if shutil.which("sha256sum"):  # GNU coreutils checks it with no tool of ours
        result = subprocess.run(["sha256sum", "--check", "--ignore-missing", "--quiet", MANIFEST], cwd=site)
        assert result.returncode == 0


def test_a_copy_as_built_verifies_and_one_changed_byte_is_named(tmp_path):
    site = _site(tmp_path)
    assert verify(site).ok and verify(site).checked == 2
    page = site / "articles" / "a" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"An", b"An "))
    (site / "index.html").unlink()
    (site / "extra.js").write_text("track()", encoding="utf-8")
    verdict = verify(site)
    assert (verdict.changed, verdict.missing, verdict.added) == (("articles/a/index.html",), ("index.html",),
                                                                 ("extra.js",))


def test_the_zip_and_the_sources_are_checked_too(tmp_path):
    site = _site(tmp_path / "site")
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                bundle.write(path, path.relative_to(site).as_posix())
    assert verify(archive).ok
    sources = tmp_path / "seeds"
    sources.mkdir()
    (sources / "a.txt").write_bytes(b"as received")
    assert verify(archive, sources).ok and verify(archive, sources).checked == 3
    (sources / "a.txt").write_bytes(b"as received, then edited")
    assert verify(archive, sources).changed == ("seeds/a.txt",)


def test_what_cannot_be_checked_says_why(tmp_path):
    with pytest.raises(NotVerifiable, match="holds no SHA256SUMS"):
        verify(tmp_path)
    (tmp_path / MANIFEST).write_text("not a hash line\n", encoding="utf-8")
    with pytest.raises(NotVerifiable, match="line 1"):
        verify(tmp_path)
    (tmp_path / "broken.zip").write_bytes(b"PK not really")
    with pytest.raises(NotVerifiable, match="cannot be read as a zip"):
        verify(tmp_path / "broken.zip")


def test_the_built_site_and_bundle_verify_and_the_command_names_a_changed_file(built_site, offline_bundle, tmp_path):
    assert verify(built_site, SEEDS).ok
    assert verify(offline_bundle).ok  # the bundle as unzipped: no 404 page or sitemap in it, nor in its list
    copy = shutil.copytree(built_site, tmp_path / "copy")
    page = next(copy.glob("articles/*/index.html"))
    page.write_bytes(page.read_bytes()[:-1] + b"!")
    command = [sys.executable, "-m", "generator", "verify"]
    result = subprocess.run([*command, str(copy)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"changed: {page.relative_to(copy).as_posix()}" in result.stdout and "NOT VERIFIED: 1 of" in result.stderr
    result = subprocess.run([*command, str(built_site), "--sources", str(SEEDS)], capture_output=True, text=True)
    assert result.returncode == 0 and "Verified: all" in result.stdout
    result = subprocess.run([*command, str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "neither a folder nor a .zip" in result.stderr
