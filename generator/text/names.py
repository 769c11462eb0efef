"""People's names as bylines and credits write them."""

from __future__ import annotations

import re


def split_names(text: str) -> list[str]:
    """"Jonathan Lynn and Anthony Williams" -> both names; commas and "&" part names too."""
    return [part.strip() for part in re.split(r",|\band\b|&", text) if part.strip()]
