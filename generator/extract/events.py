"""Sentences that date something become events, cited to their paragraph.

Each date expression in a sentence gives one event, resolved against the article's own
date where it is known to the day. What cannot be resolved is kept, unresolved, with the
reason: the timeline may still date it by corroboration, and never by guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from generator.extract.dates import Reference, find_time_expressions
from generator.extract.ner import NerSpan
from generator.extract.plans import speaks_of_future
from generator.model import Article, Event, Precision, Problem, Provenance
from generator.text.lexicon import happenings_in
from generator.text.sentences import cited_excerpt, sentence_spans


def article_reference(article: Article, dossier_years: Sequence[int]) -> Reference:
    date = article.metadata.date
    own_years = tuple(event.first.year for event in article.events if event.basis == "as written")
    return Reference(
        date=date.value if date.precision is Precision.DAY else None,
        anchor_years=own_years + tuple(dossier_years),
        inferred=date.provenance.value == "inferred",
        gregorian_months=date.provenance is Provenance.STATED and "Solar Hijri" not in date.evidence,
    )


def extract_events(article: Article, ner_spans: Iterable[NerSpan],
                   dossier_years: Sequence[int]) -> tuple[list[Event], list[Problem]]:
    """Events of one article, and problems such as impossible or future dates."""
    date_spans: dict[int, list[tuple[int, int]]] = {}
    for span in ner_spans:
        if span.label == "DATE":
            date_spans.setdefault(span.paragraph, []).append((span.start, span.end))

    reference = article_reference(article, dossier_years)
    events = _events(article, reference, date_spans)
    if reference.date is None:
        # undated: the years the article itself states are evidence for "Thursday (3 July)"
        reference = article_reference(replace(article, events=tuple(events)), dossier_years)
        events = _events(article, reference, date_spans)

    problems = []
    for event in events:
        where = f"{article.source.name} ¶{event.paragraph}" if article.source else article.metadata.article_id
        if event.basis == "invalid":
            problems.append(Problem(where, f"'{event.phrase}': {event.note}; left off the timeline.",
                                    "Check the source text.", severity="warning"))
        elif _after_article_date(event, reference):
            problems.append(Problem(where, f"'{event.phrase}' is after the article's own date "
                                           f"({reference.date.isoformat()}); shown flagged on the timeline.",
                                    "Check the article's date or the text.", severity="warning"))
    events = [replace(e, note="after the article's own date: check the source") if _after_article_date(e, reference)
              else e for e in events if e.basis != "invalid"]
    return events, problems


def _after_article_date(event: Event, reference: Reference) -> bool:
    """A date written as past that falls after the article was published: a typo or a wrong article date."""
    return (event.resolved and reference.date is not None and event.first > reference.date
            and event.basis == "as written" and not event.planned and not speaks_of_future(event.sentence))


def _events(article: Article, reference: Reference, date_spans: dict[int, list[tuple[int, int]]]) -> list[Event]:
    events = []
    mentions_in: dict[int, list] = {}
    for mention in article.mentions:
        mentions_in.setdefault(mention.paragraph, []).append(mention)
    for paragraph in article.paragraphs:
        for start, position in sentence_spans(paragraph.text):
            sentence = paragraph.text[start:position]
            spans = [(a - start, b - start) for a, b in date_spans.get(paragraph.number, [])
                     if a >= start and b <= position]
            expressions = find_time_expressions(sentence, reference, spans)
            names = tuple(dict.fromkeys(m.name for m in mentions_in.get(paragraph.number, ())
                                        if start <= m.start < position))
            if not expressions:
                # "since the group's return to power": dated, if at all, by other reports
                for kind, words in happenings_in(sentence) if names else ():
                    at = sentence.find(words)
                    cited, _ = cited_excerpt(paragraph.text, start, position, start + at, start + at + len(words))
                    events.append(Event(
                        article_id=article.metadata.article_id, paragraph=paragraph.number, sentence=cited,
                        phrase=words, first=None, last=None, precision=None, qualifier="on", basis="anchored",
                        entities=names, happening=kind))
                continue
            for expression in expressions:
                cited, _ = cited_excerpt(paragraph.text, start, position, start + expression.start,
                                         start + expression.end)
                events.append(Event(
                    article_id=article.metadata.article_id, paragraph=paragraph.number, sentence=cited,
                    phrase=expression.text, first=expression.first, last=expression.last,
                    precision=expression.precision, qualifier=expression.qualifier, basis=expression.basis,
                    note=expression.note, entities=names, planned=expression.planned))
    return events
