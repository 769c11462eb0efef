"""People's names as bylines and credits write them."""

from __future__ import annotations

import re


def split_names(text: str) -> list[str]:
    """"Jonathan Lynn and Anthony Williams" -> both names; commas and "&" part names too, and in Persian the
    comma "،" and the word و ("and")."""
    return [part.strip() for part in re.split(r",|،|\band\b|&|(?<!\S)و(?!\S)", text) if part.strip()]
