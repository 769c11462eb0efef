"""The audit of outputs: every file, file name and archive member, read as the redaction reads text."""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from pathlib import Path

from generator.model import EntityKind, Protected
from generator.protect.audit import _theme_dirs, describe, leaks, leaks_in_file
from generator.protect.redact import Redactor

REDACTOR = Redactor([Protected("Person A", EntityKind.PERSON, ("Nadia Rahimzada", "Rahimzada"))])


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_every_kind_of_output_is_read(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "clean.html").write_text("<p>Person A spoke.</p>", encoding="utf-8")
    (site / "split.html").write_text("<p>Nadia <b>Rahim</b>zada spoke.</p>", encoding="utf-8")  # a tag inside
    (site / "search" / "search_index.json").write_text('{"text": "Nadia \\u0052ahimzada"}', encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>https://x.org/nadia-rahimzada/</loc>"))
    (site / "bundle.zip").write_bytes(_zip({"ok.txt": b"nothing", "inner/file.txt": b"RAHIMZADA"}))
    (site / "names.zip").write_bytes(_zip({"nadia_rahimzada.txt": b"nothing"}))
    (site / "rahimzada-photo.jpg").write_bytes(b"\xff\xd8\xff")
    found = dict(leaks(REDACTOR, site))
    assert set(found) == {"split.html", "search/search_index.json", "sitemap.xml.gz", "bundle.zip", "names.zip",
                          "Person A-photo.jpg"}  # the path printed is redacted too
    assert all(names == ["Person A"] for names in found.values())
    assert "Rahimzada" not in describe(list(found.items()))


def test_a_folder_name_is_read_and_an_archive_alone_can_be_audited(tmp_path):
    (tmp_path / "actors" / "nadia-rahimzada").mkdir(parents=True)
    assert leaks(REDACTOR, tmp_path) == [("actors/Person A", ["Person A"])]
    archive = tmp_path / "dossier-offline.zip"
    archive.write_bytes(_zip({"a/index.html": "<p>N\u0430dia Rahimzada</p>".encode()}))
    assert leaks_in_file(REDACTOR, archive) == ["Person A"]


def test_only_the_themes_own_files_are_skipped(tmp_path):
    material, _ = _theme_dirs()
    theme_file = next((material / "assets" / "javascripts").glob("bundle.*.min.js"))
    relative = theme_file.relative_to(material).as_posix()
    (tmp_path / relative).parent.mkdir(parents=True)
    shutil.copy2(theme_file, tmp_path / relative)
    (tmp_path / "assets" / "javascripts" / "extra.js").write_text("// Rahimzada", encoding="utf-8")
    assert leaks(REDACTOR, tmp_path) == [("assets/javascripts/extra.js", ["Person A"])]


def test_nothing_is_read_without_a_protected_name(tmp_path):
    (tmp_path / "page.html").write_text("Nadia Rahimzada", encoding="utf-8")
    assert leaks(Redactor(()), tmp_path) == []
    assert Path(tmp_path / "page.html").exists()


def test_a_content_found_clean_is_not_read_again_under_the_same_names(tmp_path, monkeypatch):
    from generator.protect import audit

    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.html").write_text("<p>Person A spoke.</p>", encoding="utf-8")
    assert leaks(REDACTOR, site, audit.AuditMemory(cache, REDACTOR)) == []
    read = []
    monkeypatch.setattr(audit, "_names_in_content", lambda *args: read.append(args[2]) or set())
    assert leaks(REDACTOR, site, audit.AuditMemory(cache, REDACTOR)) == []
    assert read == []  # the same bytes under the same names: known clean
    other = Redactor([Protected("Person A", EntityKind.PERSON, ("Someone Else",))])
    leaks(other, site, audit.AuditMemory(cache, other))
    assert read == ["a.html"]  # another protected set reads everything again
    assert len(list(cache.glob("audit-*.txt"))) == 1  # and keeps only its own memory
