"""The language an article is written in (which way it runs: `text.scripts.direction`).

The curator's sidecar (`language: fa`) or the saved page (`<html lang>`) says it where they can; otherwise it
is detected from the article's own text by py3langid (a maintained port of langid.py, trained on 97 languages,
Persian and Pashto among them), and the page says it was detected, with how sure: a short text or an unsure
guess leaves it unknown rather than wrong. Dari is written `fa` (as Persian: ISO 639-1 has no code of its own
for it; `prs` in a sidecar is kept as written).
"""

from __future__ import annotations

from functools import lru_cache

#: Fewer letters than this, or a guess less sure than this, is no evidence of a language.
MIN_LETTERS = 60
MIN_CONFIDENCE = 0.95


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # about a second to load: only when needed

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of the text's language, or None when the text cannot tell."""
    if sum(char.isalpha() for char in text) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(text)
    return (code, float(probability)) if probability >= MIN_CONFIDENCE else None

