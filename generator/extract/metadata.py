"""Article metadata: title, publisher, author, publication date, counts and identity.

Order of trust: the curator's sidecar, then what the article states, then what can
be inferred (always saying from what). What cannot be established stays unknown.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.errors import shorten
from generator.extract.dates import Reference, TimeExpression, find_time_expressions
from generator.extract.language import detect_language
from generator.extract.persian_names import signed_from
from generator.extract.plans import speaks_of_future
from generator.model import (
    Attributed,
    CleanText,
    Metadata,
    Precision,
    Problem,
    Provenance,
    PublicationDate,
    SetAside,
    SourceFile,
)
from generator.text.lexicon import (
    BYLINE_LABEL,
    MONTH,
    RELEASE_HEADER,
    SOURCE_URL,
    WITHHELD_LINK,
    parse_date_only,
    web_address_host,
)
from generator.text.names import split_names
from generator.text.scripts import ARABIC_SCRIPT
from generator.text.sentences import split_sentences

WORDS_PER_MINUTE = 200
DERIVED_TITLE_WORDS = 14
DESCRIPTION_CHARS = 200

_OUTLET = re.compile(
    r"\b(?:news|times|post|press|agency|wire|media|tribune|journal|herald|gazette|daily|weekly|magazine|"
    r"tv|television|radio|broadcasting|channel|chronicle|observer|telegraph|guardian|express|"
    r"reuters|afp|ap|associated press|bbc|cnn|al jazeera|xinhua|tass|anadolu|bloomberg)\b",
    re.IGNORECASE,
)



_DATELINE = re.compile(
    rf"^\W{{0,4}}(?P<dateline>[A-Z][A-Za-z.'’\- ]{{1,30}}(?:, [A-Z][A-Za-z.'’\- ]{{1,30}})?, {MONTH} \d{{1,2}}),?\s+[-–—]\s+\S",
    re.IGNORECASE)


@dataclass(frozen=True)
class DossierEvidence:
    """What the other articles establish about the period: the years their dates state."""

    stated_years: tuple[int, ...] = ()


def stated_publication_year(source: SourceFile, clean: CleanText) -> int | None:
    """The year this article's own date states, for other articles' inference."""
    sidecar_date = source.sidecar.date
    if sidecar_date is not None:
        return int(str(sidecar_date)[:4])
    if "date" in source.stated:
        return int(source.stated["date"][0][:4])
    for item in _date_lines(clean.set_aside):
        parsed = parse_date_only(item.text)
        if parsed and parsed.year is not None:
            return parsed.year
    return None


def extract_metadata(source: SourceFile, clean: CleanText,
                     evidence: DossierEvidence) -> tuple[Metadata, list[Problem]]:
    """The article's metadata, and problems such as a date line that cannot be used."""
    body_words = sum(len(paragraph.text.split()) for paragraph in clean.paragraphs)
    problems: list[Problem] = []
    text_url = _source_url(source, clean.set_aside, problems)
    url = source.sidecar.url or (source.stated.get("url") or (text_url,))[0]
    url_withheld = url == WITHHELD_LINK  # it named a protected person (see `protect`)
    url = None if url_withheld else url
    publisher, author = _byline(source, clean.set_aside, None if text_url == WITHHELD_LINK else text_url)
    language = _language(source, clean)
    metadata = Metadata(
        title=_title(source, clean),
        publisher=publisher,
        author=author,
        date=_publication_date(source, clean, evidence, problems),
        url=url,
        url_withheld=url_withheld,
        language=language.value,
        language_provenance=language.provenance,
        language_evidence=language.evidence,
        word_count=body_words,
        reading_minutes=max(1, math.ceil(body_words / WORDS_PER_MINUTE)),
        sha256=source.sha256,
        source_name=source.name,
        article_id=source.stem,
        description=_description(clean),
        dateline=_dateline(clean),
    )
    return metadata, problems


def _curator(source: SourceFile) -> str:
    """Where the curator wrote an article's values: its sidecar, or a Markdown note's front matter."""
    return source.sidecar_source or f"sidecar {source.stem}.yml"


def _stated(source: SourceFile, key: str) -> Attributed | None:
    """A value the file states about itself (a saved page's metadata), with where it was read."""
    if key not in source.stated:
        return None
    value, where = source.stated[key]
    return Attributed(value, Provenance.STATED, where)


def _language(source: SourceFile, clean: CleanText) -> Attributed:
    if source.sidecar.language:
        return Attributed(source.sidecar.language, Provenance.SIDECAR, _curator(source))
    if stated := _stated(source, "language"):
        return stated
    detected = detect_language("\n".join(paragraph.text for paragraph in clean.paragraphs))
    if detected is None:
        return Attributed(None, Provenance.UNKNOWN)
    code, probability = detected
    sure = min(99, math.floor(probability * 100))  # never "100% sure" of a guess
    return Attributed(code, Provenance.INFERRED, f"detected from the text by py3langid ({sure}% sure)")


def _title(source: SourceFile, clean: CleanText) -> Attributed:
    if source.sidecar.title is not None:
        where = _curator(source)
        if clean.headline and clean.headline != source.sidecar.title:  # the text's own headline, kept in sight
            where += f"; the article's own headline (line {clean.headline_line}) reads “{clean.headline}”"
        return Attributed(source.sidecar.title, Provenance.SIDECAR, where)
    if stated := _stated(source, "title"):
        return stated
    if clean.headline:
        return Attributed(clean.headline, Provenance.STATED, f"headline, line {clean.headline_line}")
    first = split_sentences(clean.paragraphs[0].text)[0] if clean.paragraphs else source.stem
    words = first.split()
    title = " ".join(words[:DERIVED_TITLE_WORDS]).rstrip(",;:—–-")
    if len(words) > DERIVED_TITLE_WORDS:
        title += " …"
    return Attributed(title, Provenance.DERIVED, "the article has no headline: first words of its first sentence")


def _byline(source: SourceFile, set_aside: Iterable[SetAside], url: str | None) -> tuple[Attributed, Attributed]:
    """Publisher and author: an outlet's name in a byline is the publisher, a person's the author."""
    publisher = Attributed(None, Provenance.UNKNOWN, "no source is stated")
    author = Attributed(None, Provenance.UNKNOWN, "no author is stated")
    for item in set_aside:
        if item.kind == "outlet line" and not publisher.known:
            name = re.split(r"\s*[،|]\s*|\s+-\s+", item.text)[0]
            publisher = Attributed(name, Provenance.STATED, f"the page's outlet line '{item.text}', line {item.line}")
            continue
        if item.kind == "source line" and not publisher.known:
            name = re.sub(r"^[^:]*:\s*", "", item.text)
            publisher = Attributed(name, Provenance.STATED, f"source line '{item.text}', line {item.line}")
            continue
        if item.kind == "release header" and not publisher.known:
            release = RELEASE_HEADER.match(item.text)
            issuer = release and (release["before"] or release["after"])
            if issuer and not re.match(r"(?i)embargoed", issuer):
                publisher = Attributed(issuer.strip(), Provenance.STATED,
                                       f"the release's header '{item.text}', line {item.line}")
            continue
        if item.kind not in ("byline", "header line"):
            continue
        labelled = bool(BYLINE_LABEL.match(item.text))
        unlabelled = BYLINE_LABEL.sub("", item.text)
        names = split_names(unlabelled)
        if labelled and len(names) > 1 and (reporter := signed_from(unlabelled)):
            names = [reporter]  # "خبرنگار: سحر کریمی، مزار شریف": the reporter and where she files from
        where = f"{item.kind} '{item.text}', line {item.line}"
        signed = signed_from(item.text) if item.kind == "header line" else None
        if signed and not author.known:  # "احمد رحیمی - کابل": a reporter and the city they file from
            author = Attributed(signed, Provenance.STATED, f"{where}: a person's name and the place the report is from")
            continue
        authors = []
        for name in names:
            if _OUTLET.search(name):
                if not publisher.known:
                    publisher = Attributed(name, Provenance.STATED, where)
            elif labelled and not author.known:
                authors.append(name)
        if authors:  # "By Jonathan Lynn and Anthony Williams": both wrote it
            author = Attributed(_in_words(authors), Provenance.STATED, where)
    if not publisher.known and url:
        domain = re.sub(r"^www\d?\.", "", web_address_host(url) or "")
        if domain:
            publisher = Attributed(domain, Provenance.INFERRED, f"inferred from the address of the source, {url}")
    publisher = _stated(source, "publisher") or publisher  # a saved page's site name over the text's clues
    author = _stated(source, "author") or author
    if source.sidecar.publisher is not None:
        publisher = Attributed(source.sidecar.publisher, Provenance.SIDECAR, _curator(source))
    if source.sidecar.author is not None:
        author = Attributed(source.sidecar.author, Provenance.SIDECAR, _curator(source))
    return publisher, author


def _in_words(names: list[str]) -> str:
    """["A", "B", "C"] -> "A, B and C"; Persian names as Persian joins them: "الف، ب و ج"."""
    if len(names) == 1:
        return names[0]
    if all(ARABIC_SCRIPT.search(name) for name in names):
        return f"{'، '.join(names[:-1])} و {names[-1]}"
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _source_url(source: SourceFile, set_aside: Iterable[SetAside], problems: list[Problem]) -> str | None:
    """The address of the original, when the pasted text carries it on a line of its own."""
    for item in set_aside:
        if item.kind == "source url":
            url = SOURCE_URL.match(item.text).group(1)
            if web_address_host(url) or url == WITHHELD_LINK:
                return url
            problems.append(Problem(source.name, f"'{shorten(url)}' looks like a web address but is not a valid "
                                                 "one; it is not used as the source link.",
                                    f"Correct the line, or set `url:` in {source.stem}.yml.", line=item.line,
                                    severity="warning"))
    return None


def _date_lines(set_aside: Iterable[SetAside]) -> list[SetAside]:
    return [item for item in set_aside if item.kind == "date line"]


def _publication_date(source: SourceFile, clean: CleanText, evidence: DossierEvidence,
                      problems: list[Problem]) -> PublicationDate:
    if source.sidecar.date is not None:
        return _sidecar_date(source)
    if "date" in source.stated:
        value, where = source.stated["date"]
        return PublicationDate(dt.date.fromisoformat(value), Precision.DAY, Provenance.STATED, where)
    for item in _date_lines(clean.set_aside):
        parsed = parse_date_only(item.text)
        if not parsed:
            continue
        stated = f"date line '{item.text}', line {item.line}"
        if parsed.problem:
            problems.append(Problem(source.name, f"date line '{item.text}': {parsed.problem}; the date is left unknown.",
                                    f"Write it unambiguously (e.g. 2024-05-17), or set `date:` in {source.stem}.yml.",
                                    line=item.line, severity="warning"))
            return PublicationDate(None, None, Provenance.UNKNOWN, f"{stated}: {parsed.problem}")
        year, month, day = parsed.year, parsed.month, parsed.day
        if parsed.note:
            stated += f" ({parsed.note})"
        if year is not None:
            return PublicationDate(dt.date(year, month, day), Precision.DAY, Provenance.STATED, stated)
        inferred = _infer_year(month, day, _past_dates(clean, evidence))
        if inferred:
            value, why = inferred
            return PublicationDate(value, Precision.DAY, Provenance.INFERRED,
                                   f"{stated} gives day and month; the year is inferred: {why}")
        return PublicationDate(None, None, Provenance.UNKNOWN,
                               f"{stated} gives day and month, and nothing in the text fixes the year")
    return _lower_bound(_past_dates(clean, evidence))


def _past_dates(clean: CleanText, evidence: DossierEvidence) -> list[tuple[int, TimeExpression]]:
    """Dates the text reports as past, with the paragraph each is in, and weekdays resolved against the
    years it and the dossier state. A sentence that plans or forecasts anything ("sales are expected to
    rise in 2005") gives none of its dates: a plan is no evidence of when the article was written."""
    sentences = [(paragraph.number, sentence) for paragraph in clean.paragraphs
                 for sentence in split_sentences(paragraph.text) if not speaks_of_future(sentence)]
    own_years = [expression.first.year for _, sentence in sentences
                 for expression in find_time_expressions(sentence, Reference())
                 if expression.resolved and not expression.planned]
    reference = Reference(anchor_years=tuple(own_years) + evidence.stated_years)
    return [(number, expression) for number, sentence in sentences
            for expression in find_time_expressions(sentence, reference)
            if expression.resolved and not expression.planned]


def _sidecar_date(source: SourceFile) -> PublicationDate:
    value = source.sidecar.date
    where = _curator(source)
    if isinstance(value, dt.date):
        return PublicationDate(value, Precision.DAY, Provenance.SIDECAR, where)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return PublicationDate(dt.date(int(text[:4]), int(text[5:7]), 1), Precision.MONTH, Provenance.SIDECAR, where)
    if re.fullmatch(r"\d{4}", text):
        return PublicationDate(dt.date(int(text), 1, 1), Precision.YEAR, Provenance.SIDECAR, where)
    return PublicationDate(dt.date.fromisoformat(text), Precision.DAY, Provenance.SIDECAR, where)


def _infer_year(month: int, day: int, past: list[tuple[int, TimeExpression]]) -> tuple[dt.date, str] | None:
    """A weekday named with a date shortly before publication fixes the publication year; so does a whole
    date the text writes with its year and reports as past ("on March 11, 2026", under a byline "Mar 12")."""
    weekday = [e for _, e in past if e.basis == "weekday and year evidence"]
    written = sorted((e for _, e in past if e.basis == "as written" and e.precision is Precision.DAY),
                     key=lambda e: e.first, reverse=True)
    for expression in weekday + written:
        event = expression.first
        for year in (event.year, event.year + 1):
            try:
                published = dt.date(year, month, day)
            except ValueError:
                continue
            if 0 <= (published - event).days <= 200:
                why = expression.note or f"{(published - event).days} days before the byline's day"
                return published, f"the text reports '{expression.text}' as recent: {why}"
    return None


def _lower_bound(past: list[tuple[int, TimeExpression]]) -> PublicationDate:
    """No date is stated: the latest past date the text reports is a floor for publication."""
    usable = [(number, e) for number, e in past
              if e.qualifier not in ("before", "until") and e.precision is not Precision.DECADE]
    if not usable:
        return PublicationDate(None, None, Provenance.UNKNOWN, "the article states no date")
    # a floor: the latest start wins
    number, best = max(usable, key=lambda item: (item[1].first, item[1].precision is Precision.DAY))
    precision = best.precision if best.precision in (Precision.DAY, Precision.MONTH) else Precision.YEAR
    if best.precision is Precision.SPAN:  # a Solar Hijri month or year: its first day exactly
        precision = Precision.DAY
    why = f"'{best.text}' (¶{number})" + (f" ({best.note})" if best.note else "")
    return PublicationDate(
        None, None, Provenance.UNKNOWN, "the article states no date",
        not_before=best.first, not_before_precision=precision,
        not_before_evidence=f"inferred: the text reports {why} as past",
    )


def _dateline(clean: CleanText) -> str | None:
    """The wire-story dateline opening the first paragraph: "PLACE, Month D - "."""
    if not clean.paragraphs:
        return None
    match = _DATELINE.match(clean.paragraphs[0].text)
    if not match or len(match["dateline"].split(",")[0].split()) > 4:
        return None
    return match["dateline"]


def _description(clean: CleanText) -> str:
    if not clean.paragraphs:
        return ""
    text = clean.paragraphs[0].text
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"
