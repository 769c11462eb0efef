"""`python -m generator new PATH --title "…"`: a new dossier folder that previews at once.

It holds a mkdocs.yml using the dossier plugin, the offline bundle's configuration, a home page
for the curator to write (its figures come from the dossier itself), a generic About page, and an
empty seeds/ with a commented registry. Nothing in it is about any other dossier.
"""

from __future__ import annotations

from pathlib import Path

from generator.render.environment import environment
from generator.resources import SCAFFOLD

#: What `new` writes: target path → scaffold file (rendered when it ends in .j2).
FILES = {
    "mkdocs.yml": "mkdocs.yml.j2",
    "mkdocs.offline.yml": "mkdocs.offline.yml",
    "docs/index.md": "index.md.j2",
    "docs/about.md": "about.md",
    "seeds/entities.yml": "entities.yml",
    "seeds/README.md": "seeds_README.md",
}


class FolderNotEmpty(Exception):
    pass


def new_dossier(target: Path, title: str, description: str = "") -> list[Path]:
    """Write the dossier's files; refuses a folder that already holds anything."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FolderNotEmpty(f"{target} already exists and is not an empty folder; nothing was written. "
                             "Choose a new folder name.")
    written = []
    for relative, source in FILES.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if source.endswith(".j2"):
            text = environment().get_template(source).render(title=title, description=description)
        else:
            text = (SCAFFOLD / source).read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
