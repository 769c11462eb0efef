"""The command line: its help, its messages outside a dossier, and builds that fail leaving the previous site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import copy_project


def _generator(*args, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def test_a_failed_build_leaves_the_previous_site_in_place(tmp_path):
    project = copy_project(tmp_path)
    first = _generator("build", cwd=project)
    assert first.returncode == 0, first.stderr
    site = project / "build" / "site"
    home = (site / "index.html").read_bytes()
    pages = sorted(path.relative_to(site) for path in site.rglob("*"))

    shutil.rmtree(project / "seeds")  # nothing to publish: the build refuses
    failed = _generator("build", cwd=project)
    assert failed.returncode != 0
    assert "build/site is left as it was" in failed.stderr
    assert (site / "index.html").read_bytes() == home
    assert sorted(path.relative_to(site) for path in site.rglob("*")) == pages
    assert [path.name for path in (project / "build").iterdir()] == ["site"]  # no staging folder left behind


def test_a_failed_bundle_leaves_the_previous_bundle_in_place(tmp_path):
    project = copy_project(tmp_path)
    assert _generator("bundle", cwd=project).returncode == 0
    bundle = project / "dist" / "dossier-offline.zip"
    before = bundle.read_bytes()
    (project / "seeds" / "000_68507b3c627c16da.txt").write_text("\n", encoding="utf-8")  # empty: a warning
    failed = _generator("bundle", "--strict", cwd=project)
    assert failed.returncode != 0
    assert bundle.read_bytes() == before
    assert sorted(path.name for path in (project / "dist").iterdir()) == ["dossier-offline.zip"]


def test_the_built_site_is_readable_like_any_folder_the_user_makes(tmp_path):
    """The staging folder comes from mkdtemp (mode 700); the published site must not stay private."""
    project = copy_project(tmp_path)
    assert _generator("build", cwd=project).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert ((project / "build" / "site").stat().st_mode & 0o777) == 0o777 & ~umask


def test_help_names_every_command_in_the_order_a_newcomer_uses_them(tmp_path):
    shown = _generator("--help", cwd=tmp_path)
    assert shown.returncode == 0
    listed = [line.split()[0] for line in shown.stdout.split("COMMAND\n", 1)[1].split("\n\n")[0].splitlines()]
    assert listed == ["new", "serve", "build", "bundle", "check", "review", "verify"]
    start = shown.stdout.split("Start here:\n", 1)[1].splitlines()[0].strip()
    assert start.startswith(f"{sys.executable} -m generator new ")  # typed as shown, with no environment active
    for command in listed:
        assert _generator(command, "--help", cwd=tmp_path).returncode == 0


def test_outside_a_dossier_each_command_says_where_to_run_it_and_leaves_nothing_behind(tmp_path):
    for command, missing in (("build", "mkdocs.yml"), ("serve", "mkdocs.yml"), ("bundle", "mkdocs.offline.yml"),
                             ("check", "seeds folder"), ("review", "seeds folder")):
        ran = _generator(command, cwd=tmp_path)
        assert ran.returncode == 2, (command, ran.stderr)
        assert ran.stderr.startswith(f"ERROR: no {missing}") and "in a dossier's folder" in ran.stderr
        assert f"{sys.executable} -m generator new NAME" in ran.stderr
        assert "Traceback" not in ran.stderr and "mkdocs" not in ran.stderr.replace(missing, "")
    assert list(tmp_path.iterdir()) == []
