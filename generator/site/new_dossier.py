"""`python -m generator new PATH --title "…"`: a new dossier folder that previews at once.

It holds a mkdocs.yml using the dossier plugin, the offline bundle's configuration, a home page
for the curator to write (its figures come from the dossier itself), a generic About page, and an
empty seeds/ with a commented registry. Nothing in it is about any other dossier.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2

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
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(SCAFFOLD), autoescape=False,  # noqa: S701 -- YAML and Markdown
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True)
    env.filters["yaml"] = lambda value: json.dumps(" ".join(value.split()), ensure_ascii=False)  # JSON is YAML
    env.filters["markdown"] = _markdown_text
    written = []
    for relative, source in FILES.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if source.endswith(".j2"):
            text = env.get_template(source).render(title=title, description=description)
        else:
            text = (SCAFFOLD / source).read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _markdown_text(text: str) -> str:
    """The curator's title as literal text on the home page: Markdown and HTML characters escaped."""
    return "".join(f"\\{char}" if char in "\\`*_{}[]()#+-.!|>" else
                   {"<": "&lt;", "&": "&amp;"}.get(char, char) for char in " ".join(text.split()))
