"""Machine-readable exports of the timeline: TimelineJS's JSON format and a CSV of every cited event."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from generator.model import Article, Precision, TimelineEntry, format_span_iso
from generator.render.escaping import escape

CSV_COLUMNS = ("entry", "date", "first", "last", "precision", "qualifier", "planned", "article_id", "article_title",
               "article_source", "paragraph", "phrase", "basis", "note", "sentence", "entities")


def timelinejs_json(entries: list[TimelineEntry], articles: Mapping[str, Article], title: str,
                    describe) -> str:
    """TimelineJS 3 JSON: one slide per dated entry, its text citing each article and paragraph.
    Each slide is written once per process (`_slide_json`): an edit rewrites the slides it changed."""
    slides = [_slide_json(entry, tuple(articles[e.article_id].metadata.title.value or "" for e in entry.citations),
                          describe)
              for entry in entries if entry.first is not None]
    document = {"title": {"text": {"headline": str(escape(title)), "text": "<p>Events cited from the dossier's articles.</p>"}},
                "events": []}
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    events = "[\n" + ",\n".join(slides) + "\n ]" if slides else "[]"
    return text.replace('"events": []', '"events": ' + events, 1) + "\n"  # the first key, sorted


@lru_cache(maxsize=1 << 15)
def _slide_json(entry: TimelineEntry, titles: tuple[str, ...], describe) -> str:
    """One slide as `json.dumps` writes it two levels deep in the document (indented by two spaces)."""
    sources = "".join(f"<li>{escape(title)}, ¶{e.paragraph}</li>" for title, e in zip(titles, entry.citations, strict=True))
    slide = {
        "unique_id": entry.key,
        "start_date": _timelinejs_date(entry.first, entry.precision),
        "text": {"headline": str(escape(describe(entry))),
                 "text": f"<p>{escape(entry.sentence)}</p><ul>{sources}</ul>"},
        "group": str(entry.first.year),
    }
    if entry.precision in (Precision.WEEK, Precision.DECADE, Precision.SPAN):
        slide["end_date"] = _timelinejs_date(entry.last, Precision.DAY)
    return "\n".join("  " + line for line in json.dumps(slide, ensure_ascii=False, indent=1, sort_keys=True).split("\n"))


def _timelinejs_date(value, precision: Precision | None) -> dict[str, str]:
    date = {"year": str(value.year)}
    if precision in (Precision.MONTH, Precision.WEEK, Precision.DAY, Precision.SPAN):
        date["month"] = str(value.month)
    if precision in (Precision.WEEK, Precision.DAY, Precision.SPAN):
        date["day"] = str(value.day)
    if precision is Precision.DECADE:
        date["display_date"] = f"{value.year}s"
    return date


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Every CSV the dossier publishes: a header, then rows with each text cell neutralised."""
    return csv_lines([columns]) + csv_lines(rows)


def csv_lines(rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV lines, each text cell neutralised: the lines of some rows are those rows' part of the file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def events_csv(entries: list[TimelineEntry], articles: Mapping[str, Article]) -> str:
    """One row per citation: every event as each article tells it. Each entry's lines are written once per
    process (`_entry_lines`): an edit writes again the entries it changed."""
    def cited(article: Article) -> tuple[str, str]:
        return article.metadata.title.value or "", article.source.name if article.source else ""
    return csv_lines([CSV_COLUMNS]) + "".join(
        _entry_lines(entry, tuple(cited(articles[e.article_id]) for e in entry.citations)) for entry in entries)


@lru_cache(maxsize=1 << 15)
def _entry_lines(entry: TimelineEntry, cited: tuple[tuple[str, str], ...]) -> str:
    """The entry's rows, one per citation; `cited`: each citation's article title and file name."""
    return csv_lines([
        entry.key, format_span_iso(entry.first, entry.last, entry.precision) if entry.first else "",
        entry.first.isoformat() if entry.first else "", entry.last.isoformat() if entry.last else "",
        entry.precision.value if entry.precision else "", entry.qualifier, "yes" if entry.planned else "",
        event.article_id, title, source,
        event.paragraph, event.phrase, event.basis, event.note, event.sentence, "; ".join(event.entities),
    ] for event, (title, source) in zip(entry.citations, cited, strict=True))
