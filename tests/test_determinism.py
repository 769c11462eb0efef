"""The same sources give the same site: generated Markdown and HTML, byte for byte.

Each build runs in its own process with a different PYTHONHASHSEED, so nothing may depend
on set or dict iteration order of hashed strings. MkDocs itself stamps the build date into
sitemap.xml (and its gzip copy): those two files alone are left out of the comparison.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

from tests.conftest import PROJECT

STAMPED_BY_MKDOCS = {"sitemap.xml", "sitemap.xml.gz"}
RENDER = """
import hashlib, json
from pathlib import Path
from generator.extract.ner import Recogniser
from generator.pipeline import build_dossier
from generator.render.pages import Renderer
from generator.export.open_data import open_data
dossier = build_dossier(Path("seeds"), Recogniser(None))
data = open_data(dossier, "Site")
pages = Renderer().pages(dossier, "Site", open_data=data)
digests = {page.path: hashlib.sha256((page.html or page.content).encode()).hexdigest() for page in pages}
digests.update({file.path: hashlib.sha256(file.content.encode()).hexdigest() for file in data.files()})
print(json.dumps(digests, sort_keys=True))
"""


def _run(args, seed, cwd=PROJECT, cache=None):
    env = dict(os.environ, PYTHONHASHSEED=str(seed), NO_MKDOCS_2_WARNING="1")
    if cache is not None:  # a cache of its own: the second build is made, not read back (`site/warm.py`)
        env["DOSSIER_CACHE"] = str(cache)
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_generated_markdown_is_identical_across_processes():
    first = json.loads(_run([sys.executable, "-c", RENDER], seed=1))
    second = json.loads(_run([sys.executable, "-c", RENDER], seed=2))
    assert len(first) > 40 and first == second


def _digests(site):
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file() and path.name not in STAMPED_BY_MKDOCS}


def test_two_builds_give_identical_html(tmp_path):
    for seed, name in ((3, "one"), (4, "two")):
        _run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(tmp_path / name)], seed,
             cache=tmp_path / f"cache-{name}")
    one, two = _digests(tmp_path / "one"), _digests(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [path for path in one if one[path] != two[path]] == []


def test_the_bundle_zip_is_identical_for_the_same_files(tmp_path):
    import time

    from generator.cli import zip_folder

    folder = tmp_path / "site"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "page.html").write_text("<p>Page</p>", encoding="utf-8")
    (folder / "index.html").write_text("<p>Home</p>", encoding="utf-8")
    zip_folder(folder, tmp_path / "one.zip")
    time.sleep(1.1)  # a zip that stamped file times would now differ
    (folder / "index.html").touch()
    zip_folder(folder, tmp_path / "two.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_spellings_that_differ_only_in_case_keep_one_order_whatever_the_hash_seed(tmp_path):
    """'Also written' (and so the pages and the zip) must not follow Python's set order."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Koofi Speaks\n\nFawzia Koofi spoke first. Then KOOFI said more, and Koofi "
                                 "went on. koofi ended.\n", encoding="utf-8")
    (seeds / "entities.yml").write_text("entities:\n  - name: Fawzia Koofi\n    kind: person\n"
                                        "    aliases: [Koofi]\n", encoding="utf-8")
    script = ("import sys; from pathlib import Path; from generator.pipeline import build_dossier; "
              "d = build_dossier(Path(sys.argv[1])); print([e.aliases for e in d.entities])")
    outputs = {subprocess.run([sys.executable, "-c", script, str(seeds)], capture_output=True, text=True, check=True,
                              env=dict(os.environ, PYTHONHASHSEED=str(seed)), cwd=PROJECT).stdout
               for seed in range(6)}
    assert len(outputs) == 1, outputs
    assert "KOOFI" in outputs.pop()
