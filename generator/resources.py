"""Where the package's own files are: word lists and Unicode tables, page templates, the theme, the scaffold.

One place, so that a module moving between stage folders never changes what it reads, and an installed
wheel and a checkout read the same files (the theme is `overrides/` in a checkout, `generator/theme`
once installed).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
TEMPLATES = PACKAGE / "render" / "templates"
SCAFFOLD = PACKAGE / "site" / "scaffold"
_PACKAGED_THEME = PACKAGE / "theme"
#: The dossier's theme: packaged with a wheel, or the repository's overrides/ beside an editable checkout.
THEME = _PACKAGED_THEME if (_PACKAGED_THEME / "main.html").is_file() else PACKAGE.parent / "overrides"


def data_lines(name: str) -> list[str]:
    """The lines of `generator/data/NAME.txt` that hold data: not blank, not a `#` comment."""
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
