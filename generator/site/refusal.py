"""What the site does when it must not publish: the preview's one page saying what to fix, and the
last check that deletes a build in which a protected name was found."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from generator.errors import UnsafeToPublish
from generator.protect.audit import AuditMemory, describe, leaks
from generator.protect.redact import Redactor
from generator.render.escaping import escape


def refusal_page(files: Files, config: MkDocsConfig, error: UnsafeToPublish) -> Files:
    """The preview when the registry has an error: one page that says what to fix, and nothing of the
    dossier (no article, no page of the curator's, no name of the site's), the previous pages deleted."""
    empty(Path(config.site_dir))
    docs = Path(config.docs_dir).resolve()
    kept = Files([file for file in files if not file.is_documentation_page()
                  and docs not in Path(file.abs_src_path or docs).resolve().parents])
    items = "".join(f"<li><code>{escape(str(problem))}</code></li>" for problem in error.problems)
    content = (f"# Nothing is shown\n\n<p>The registry has errors, and it says who must never be named, so no page "
               f"is built until it is fixed. This page updates when it is saved.</p>\n\n<ul>{items}</ul>\n")
    kept.append(File.generated(config, "index.md", content=content))
    config.site_name, config.nav, config.site_description = "Dossier not built", None, ""
    return kept


def refuse_leaks(redactor: Redactor, site_dir: Path, memory: AuditMemory) -> None:
    """Stop before publishing if a protected name reached any built file or file name by a way the
    pipeline does not control (the site's name in mkdocs.yml, a theme override, a file in docs/):
    everything this build wrote is deleted."""
    leaked = leaks(redactor, site_dir, memory)
    if not leaked:
        return
    empty(site_dir)
    raise Abort(f"{len(leaked)} built files hold a protected name, so nothing is published (the files this build "
                f"wrote were deleted): {describe(leaked)}. The pipeline pseudonymises articles, the registry and "
                "docs/ pages; look for the name in mkdocs.yml (site_name, nav, extra), in overrides/ and in the "
                "files and file names under docs/, and replace it with the pseudonym.")


def empty(folder: Path) -> None:
    """Delete what a folder holds (what this build, or the one before, wrote), and keep the folder."""
    if folder.is_dir():
        for path in folder.iterdir():
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink(missing_ok=True)
