"""Article lines that look like markup or syntax: shown as text, never run, and reported.

Such text is harmless on the page (it is escaped), but it usually means the paste took
in more than the article (a web page's code, a template) or that the curator should
check the line. Each finding names the file and line.
"""

from __future__ import annotations

import re

from generator.model import CleanText, Problem, SourceFile

_HTML_ELEMENTS = (
    "a|abbr|audio|b|base|body|br|button|canvas|code|div|em|embed|form|frame|frameset|h[1-6]|head|html|i|iframe|img|"
    "input|link|meta|noscript|object|p|picture|pre|script|select|source|span|strong|style|svg|table|td|textarea|th|"
    "title|tr|u|video")
_DANGEROUS_ELEMENTS = "script|iframe|img|svg|object|embed|style|link|meta|form|input|body|html|frame|base"
CHECKS = (
    # lowercase, as web pages write it: Reuters writes company tickers as <U> or <GM>
    (re.compile(rf"<\s*/?\s*(?:{_HTML_ELEMENTS})\b[^<>]*>"), "HTML markup"),
    (re.compile(rf"<\s*/?\s*(?:{_DANGEROUS_ELEMENTS})\b[^<>]*>", re.IGNORECASE), "HTML markup"),
    (re.compile(r"javascript\s*:", re.IGNORECASE), "a javascript: link"),
    (re.compile(r"\]\([^)\s]*\)"), "Markdown link syntax"),
    (re.compile(r"\{:|\{\s*[#.][A-Za-z]"), "Markdown attribute-list syntax"),
    (re.compile(r"-{1,3}8<-{1,3}"), "snippet-include syntax"),
    (re.compile(r"\{\{|\}\}|\{%|%\}"), "template syntax"),
    (re.compile(r"^(?: {4,}\S|\t|#{1,6}\s|\d+\.\s|[*+]\s|>|\||-{3,}\s*$|={3,}\s*$|```)"),
     "Markdown syntax at the start of a line"),
)
MAX_PER_KIND = 3


def scan_source(source: SourceFile, clean: CleanText) -> list[Problem]:
    set_aside = {item.line for item in clean.set_aside}
    problems: list[Problem] = []
    counts: dict[str, int] = {}
    for number, line in enumerate(source.text.split("\n"), start=1):
        if number in set_aside or not line.strip():
            continue
        reported: set[str] = set()
        for pattern, what in CHECKS:
            match = pattern.search(line)
            if not match or what in reported or counts.get(what, 0) >= MAX_PER_KIND:
                continue
            reported.add(what)
            counts[what] = counts.get(what, 0) + 1
            excerpt = match.group(0).strip()[:40] or line.strip()[:40]
            problems.append(Problem(
                source.name, f"contains {what} ('{excerpt}'); it is shown as written, never interpreted.",
                "If it is not part of the article, remove it from the file.", line=number, severity="warning"))
    return problems
