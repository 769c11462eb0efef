"""Truth on Persian and Dari articles against facts read by hand: a folder of `NNN_name.txt` articles, each with
a `NNN_name.facts.json` beside it (the shape `tests/fixtures/dari/reports/` uses: title, author, published date,
boilerplate lines, quotes with their speakers, people, organisations and places, timeline phrases with their
dates). Prints, per article and over all, what was found right, wrong, missed, and found that is no fact.

    python bench/persian.py [FOLDER] [--verbose]     (FOLDER: tests/fixtures/dari/reports)

Any folder of the same shape can be scored: reports another writer sends need not enter the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.model import EntityKind, Precision  # noqa: E402
from generator.pipeline import build_dossier  # noqa: E402
from generator.text.search_terms import search_fold  # noqa: E402


def _key(text: str) -> str:
    return " ".join(search_fold(text.replace("\u200c", " ")).split())


def _dates(value: str | None) -> tuple[dt.date, dt.date] | None:
    """A fact's date as the inclusive range it names: 2025-07-03, 2025-07, 2025, or first/last."""
    if not value:
        return None
    if "/" in value:
        first, last = value.split("/")
        return dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def score(folder: Path) -> tuple[Counter, dict[str, list[str]]]:
    """The tally over every article with a facts file, and per article the facts it got wrong."""
    with tempfile.TemporaryDirectory() as work:
        seeds = Path(work)
        for path in sorted(folder.glob("*.txt")):
            shutil.copy2(path, seeds / path.name)
        registry = folder / "entities.yml"
        if registry.exists():
            shutil.copy2(registry, seeds / "entities.yml")
        dossier = build_dossier(seeds)
    tally: Counter = Counter()
    wrong: dict[str, list[str]] = {}
    for article in dossier.articles:
        facts_path = folder / f"{article.source.stem}.facts.json"
        if facts_path.exists():
            facts = json.loads(facts_path.read_text(encoding="utf-8"))
            wrong[article.source.name] = _article(article, facts, tally)
    return tally, wrong


def _article(article, facts, tally: Counter) -> list[str]:
    lines: list[str] = []

    def check(what: str, ok: bool, detail: str) -> None:
        tally[f"{what} right" if ok else f"{what} wrong"] += 1
        if not ok:
            lines.append(f"- {what}: {detail}")

    metadata = article.metadata
    check("language", (metadata.language or "").startswith("fa"), f"{metadata.language!r}")
    check("title", _key(metadata.title.value or "") == _key(facts["title"]), f"{metadata.title.value!r}")
    check("author", _key(metadata.author.value or "") == _key(facts["author"] or ""),
          f"{metadata.author.value!r}, expected {facts['author']!r}")
    expected_date = facts.get("published")
    got = metadata.date.value.isoformat() if metadata.date.value else None
    check("date", got == expected_date, f"{got}, expected {expected_date}")
    body = [_key(p.text) for p in article.clean.paragraphs]
    for line in facts.get("boilerplate", []):
        if _key(line) == _key(facts["title"]):
            continue
        check("boilerplate set aside", not any(_key(line) == text or (len(line) > 12 and _key(line) in text)
                                               for text in body), f"{line!r} left in the text")
    _quotes(article, facts, check)
    _names(article, facts, check, tally, lines)
    _timeline(article, facts, check, tally, lines)
    return lines


def _quotes(article, facts, check) -> None:
    for quote in facts.get("quotes", []):
        start = _key(quote["quote_starts"])
        found = [q for q in article.quotes if _key(q.text).startswith(start[:12]) or start[:12] in _key(q.text)]
        if not found:
            check("quote", False, f"«{quote['quote_starts']}…» not found")
            continue
        speaker = found[0].speaker
        expected = quote["speaker"]
        surfaces = {_key(m.surface) for m in article.mentions if m.name == speaker} | {_key(speaker or "")}
        ok = (speaker is None) if expected is None else _key(expected) in surfaces
        check("quote speaker", ok, f"«{quote['quote_starts']}…» given to {speaker!r}, expected {expected!r}")


def _names(article, facts, check, tally, lines) -> None:
    kinds = {"people": EntityKind.PERSON, "organisations": EntityKind.ORGANISATION, "places": EntityKind.PLACE}
    by_surface: dict[str, set] = {}
    for mention in article.mentions:
        by_surface.setdefault(_key(mention.surface), set()).add((mention.name, mention.kind))
    expected_keys = set()
    for field, kind in kinds.items():
        for name in facts.get(field, []):
            key = _key(name)
            expected_keys.add(key)
            found = by_surface.get(key, set())
            if any(k is kind for _, k in found):
                tally[f"{field} found"] += 1
            elif found:
                tally[f"{field} wrong kind"] += 1
                lines.append(f"- {field}: {name!r} found as {sorted(k.value for _, k in found)}")
            else:
                tally[f"{field} missed"] += 1
                lines.append(f"- {field}: {name!r} missed")
    for first, second in facts.get("same_surname_different_people", []):
        one, two = by_surface.get(_key(first), set()), by_surface.get(_key(second), set())
        check("two people kept apart", not (one & two), f"{first!r} and {second!r} are one entity")
    for surface, found in sorted(by_surface.items()):
        if surface in expected_keys or any(surface in key or key in surface for key in expected_keys):
            continue
        tally["names that are no fact"] += 1
        lines.append(f"- not a name in the facts: {surface!r} as {sorted(k.value for _, k in found)}")


def _timeline(article, facts, check, tally, lines) -> None:
    dated = [event for event in article.events]
    matched = set()
    for fact in facts.get("timeline", []):
        phrase = _key(fact["phrase"])
        # the paragraph the facts count may differ by a line left in or set aside: the nearest one with the phrase
        candidates = sorted((e for e in dated if id(e) not in matched
                             and (phrase in _key(e.phrase) or _key(e.phrase) in phrase)),
                            key=lambda e: abs(e.paragraph - fact["paragraph"]))
        if not candidates:
            check("timeline date", False, f"¶{fact['paragraph']} {fact['phrase']!r} not on the timeline")
            continue
        event = candidates[0]
        matched.add(id(event))
        expected = _dates(fact.get("date"))
        got = (event.first, event.last) if event.first else None
        if expected and got and event.precision is Precision.WEEK and fact.get("precision") == "week":
            ok = got == expected
        else:
            ok = got == expected
        check("timeline date", ok, f"¶{fact['paragraph']} {fact['phrase']!r}: {got}, expected {expected}")
        if fact.get("planned") is not None and got:
            check("planned", event.planned == fact["planned"],
                  f"¶{fact['paragraph']} {fact['phrase']!r}: planned {event.planned}, expected {fact['planned']}")
    for event in dated:
        if id(event) not in matched and event.first is not None:
            tally["dates that are no fact"] += 1
            lines.append(f"- not a date in the facts: ¶{event.paragraph} {event.phrase!r} → {event.first}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=PROJECT / "tests" / "fixtures" / "dari" / "reports")
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    tally, wrong = score(arguments.folder)
    if arguments.verbose:
        for name, lines in wrong.items():
            if lines:
                print(f"\n## {name}\n" + "\n".join(lines))
    print(f"\n# {arguments.folder}")
    for what in sorted({key.rsplit(" ", 1)[0] for key in tally if key.endswith((" right", " wrong"))}):
        right, wrong = tally[f"{what} right"], tally[f"{what} wrong"]
        print(f"{what}: {right}/{right + wrong}")
    for field in ("people", "organisations", "places"):
        found, kind, missed = tally[f"{field} found"], tally[f"{field} wrong kind"], tally[f"{field} missed"]
        print(f"{field}: {found} found, {kind} under another kind, {missed} missed")
    print(f"names that are no fact: {tally['names that are no fact']}")
    print(f"dates that are no fact: {tally['dates that are no fact']}")


if __name__ == "__main__":
    main()
