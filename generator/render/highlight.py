"""A sentence with the words it is shown for in bold: a mention's name, a partial quotation; a quotation in its marks."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Mention, Quote
from generator.render.escaping import Markup, escape
from generator.text.scripts import ARABIC_SCRIPT


def highlight(mention: Mention | Sequence[Mention]) -> Markup:
    """The mention's sentence with the name in bold; given several mentions of one sentence, each of
    them in bold. Every piece escaped."""
    mentions = [mention] if isinstance(mention, Mention) else list(mention)
    offset = mentions[0].sentence_start
    return _in_bold(mentions[0].sentence, sorted((m.start - offset, m.end - offset) for m in mentions))


def quoted(text: str) -> Markup:
    """A quotation in the marks of its script: «…» in Persian (which a right-to-left line shows the right way
    round), “…” otherwise; escaped."""
    opening, closing = ("«", "»") if ARABIC_SCRIPT.search(text) else ("“", "”")
    return Markup(f"{opening}{escape(text)}{closing}")


def quote_in_context(quote: Quote) -> Markup:
    """A partial quotation in its sentence, the quoted words in bold (their marks are in the sentence)."""
    return _in_bold(quote.context, [(quote.start - quote.context_start, quote.end - quote.context_start)])


def _in_bold(sentence: str, spans: Sequence[tuple[int, int]]) -> Markup:
    """`sentence` with the (start, end) spans, in order, in bold; overlaps are bold once; all escaped."""
    pieces, at = [], 0
    for start, end in spans:
        start = max(at, start)
        pieces.append(f"{escape(sentence[at:start])}<strong>{escape(sentence[start:end])}</strong>")
        at = max(at, end)
    return Markup("".join(pieces) + str(escape(sentence[at:])))


def by_sentence(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Mentions in reading order, those of one sentence together: the sentence is shown once."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and (groups[-1][0].paragraph, groups[-1][0].sentence_start, groups[-1][0].sentence) == \
                (mention.paragraph, mention.sentence_start, mention.sentence):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups
