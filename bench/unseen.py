"""Truth on text of the dossier's own domain that its rules were not written from: twelve articles another
writer wrote for the tests without seeing the generator's output, in tests/fixtures/domain (a rally, a
detention, a court hearing, statements of women's groups and the UN), against the facts that writer
read by hand in tests/fixtures/domain/facts.yml. Prints, over all the articles:

1. people and organisations: found under the right kind, found under another kind, missed, and
   listings that are no fact at all or a second listing of one (a name the key lists as "not an entity");
2. dates: every dated fact found with its date, and every plan dated in the future of its article;
3. conflict boxes: the real disagreements between articles flagged, and any other box;
4. quotes: each quotation listed once, under its speaker.

    python bench/unseen.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.extract.ner import Recogniser  # noqa: E402
from generator.model import EntityKind  # noqa: E402
from generator.pipeline import build_dossier  # noqa: E402
from generator.text.fold import fold_key  # noqa: E402

FIXTURES = PROJECT / "tests" / "fixtures" / "domain"


def _key(text: str) -> str:
    return " ".join(fold_key(text).replace("’", "'").strip(" .,;:?!\"'“”").split())


def load():
    facts = yaml.safe_load((FIXTURES / "facts.yml").read_text(encoding="utf-8"))
    dossier = build_dossier(FIXTURES, Recogniser(PROJECT / ".cache"))
    return facts, dossier


def entity_report(facts, dossier) -> dict[str, list]:
    """Per kind: (file, fact name) found right, found as another kind, missed; extra listings."""
    entities = {entity.name: entity for entity in dossier.entities}
    by_file = {article.source.name: article for article in dossier.articles}
    result = {"right": [], "wrong kind": [], "missed": [], "twice": [], "junk": []}
    for file, expected in facts.items():
        article = by_file[file]
        named = [entities[name] for name in dict.fromkeys(m.name for m in article.mentions) if name in entities]
        forms = {entity.name: {_key(entity.name)} | {_key(m.surface) for m in article.mentions if m.name == entity.name}
                 for entity in named}
        claimed: dict[str, str] = {}
        for group, kind in (("people", EntityKind.PERSON), ("organisations", EntityKind.ORGANISATION)):
            for fact in expected.get(group) or []:
                spellings = {_key(fact["name"])} | {_key(alias) for alias in fact.get("aliases") or []}
                holders = [entity for entity in named if forms[entity.name] & spellings]
                right = [entity for entity in holders if entity.kind is kind]
                for entity in holders:
                    claimed[entity.name] = fact["name"]
                if right:
                    result["right"].append((file, fact["name"]))
                    if len(holders) > 1:
                        result["twice"].append((file, fact["name"], [e.name for e in holders]))
                elif holders:
                    result["wrong kind"].append((file, fact["name"], [f"{e.name} ({e.kind.value})" for e in holders]))
                else:
                    result["missed"].append((file, fact["name"]))
        places = {_key(place) for place in expected.get("places") or []}
        not_entities = {_key(word) for word in expected.get("not_entities") or []}
        for entity in named:
            if entity.name in claimed or entity.kind is EntityKind.PLACE and forms[entity.name] & places:
                continue
            if forms[entity.name] & not_entities or entity.kind is not EntityKind.PLACE:
                result["junk"].append((file, f"{entity.name} ({entity.kind.value})"))
    return result


def date_report(facts, dossier) -> tuple[list, list]:
    """Dated facts found with their date, and those not; a fact is found when an event of its article
    has a phrase inside the fact's words and the date (and, for a plan, the mark) the key gives."""
    events = {}
    for entry in dossier.timeline:
        for event in entry.citations:
            events.setdefault(event.article_id, []).append((event, entry))
    by_file = {article.source.name: article for article in dossier.articles}
    right, wrong = [], []
    for file, expected in facts.items():
        article_id = by_file[file].metadata.article_id
        for fact in expected.get("dates") or []:
            if fact.get("date") is None:
                continue
            written = str(fact["date"])
            day = fact["date"] if isinstance(fact["date"], dt.date) else dt.date.fromisoformat(
                written + "-01" * (3 - len(written.split("-"))))
            text = _key(fact["text"])
            found = [(event, entry) for event, entry in events.get(article_id, [])
                     if event.resolved and _key(event.phrase) in text and _key(fact["text"])[:25] in _key(event.sentence)]
            good = [event for event, entry in found if event.first <= day <= event.last
                    and bool(event.planned) == bool(fact.get("planned"))]
            (right if good else wrong).append((file, fact["text"], str(day), [
                (event.phrase, str(event.first), event.planned) for event, _ in found]))
    return right, wrong


def conflict_report(facts, dossier) -> tuple[list, list]:
    """Real disagreements flagged, and boxes that are none."""
    by_id = {article.metadata.article_id: article.source.name for article in dossier.articles}
    real = [set(conflict["dates"]) for expected in facts.values() for conflict in expected.get("conflicts") or []]
    flagged, false = [], []
    for entry in dossier.timeline:
        for conflict in entry.conflicts:
            here, there = {by_id[a] for a in entry.article_ids}, {by_id[a] for a, _ in conflict.citations}
            files = here | there
            if any(here & pair and there & pair for pair in real):
                flagged.append(tuple(sorted(files)))
            else:
                false.append((entry.sentence[:80], conflict.iso))
    return sorted(set(flagged)), false


def quote_report(facts, dossier) -> dict[str, list]:
    by_file = {article.source.name: article for article in dossier.articles}
    entities = {entity.name: entity for entity in dossier.entities}
    result = {"right": [], "unattributed": [], "wrong speaker": [], "missed": [], "listed twice": []}
    for file, expected in facts.items():
        article = by_file[file]
        for fact in expected.get("quotes") or []:
            starts = _key(fact["starts"])
            listed = [q for q in article.quotes if _key(q.text).startswith(starts[:30])]
            if not listed:
                result["missed"].append((file, fact["starts"]))
                continue
            if len(listed) > 1:
                result["listed twice"].append((file, fact["starts"]))
            quote = listed[0]
            truth = fact.get("speaker")
            truths = truth if isinstance(truth, list) else [truth] if truth else []
            if quote.speaker is None:
                result["unattributed" if truth else "right"].append((file, fact["starts"], truth))
                continue
            entity = entities.get(quote.speaker)
            spellings = {_key(quote.speaker)} | {_key(a) for a in (entity.aliases if entity else ())}
            written = spellings | {_key(m.surface) for m in article.mentions if m.name == quote.speaker}
            if any(_key(name) in written for name in truths):
                result["right"].append((file, fact["starts"], truth))
            else:
                result["wrong speaker"].append((file, fact["starts"], f"{quote.speaker} (truth: {truth})"))
    return result


def main() -> None:
    facts, dossier = load()
    print(f"Domain articles: {len(facts)} in tests/fixtures/domain, facts read by hand in facts.yml")
    entities = entity_report(facts, dossier)
    total = len(entities["right"]) + len(entities["wrong kind"]) + len(entities["missed"])
    print(f"  people and organisations: {len(entities['right'])}/{total} right, "
          f"{len(entities['wrong kind'])} of the wrong kind, {len(entities['missed'])} missed, "
          f"{len(entities['twice'])} listed twice, {len(entities['junk'])} listings that are no fact")
    _print_items(entities, ("wrong kind", "missed", "twice", "junk"))
    right, wrong = date_report(facts, dossier)
    print(f"  dates: {len(right)}/{len(right) + len(wrong)} right")
    for item in wrong:
        print(f"    wrong or missed: {item}")
    flagged, false = conflict_report(facts, dossier)
    real = sum(len(expected.get("conflicts") or []) for expected in facts.values())
    print(f"  conflicts: {len(flagged)}/{real} real disagreements flagged; {len(false)} boxes that are none")
    for item in false:
        print(f"    false box: {item}")
    quotes = quote_report(facts, dossier)
    total = sum(len(v) for k, v in quotes.items() if k != "listed twice")
    print(f"  quotes: {len(quotes['right'])}/{total} right, {len(quotes['wrong speaker'])} wrong speaker, "
          f"{len(quotes['unattributed'])} unattributed, {len(quotes['missed'])} missed, "
          f"{len(quotes['listed twice'])} listed twice")
    _print_items(quotes, ("wrong speaker", "unattributed", "missed", "listed twice"))


def _print_items(report: dict[str, list], labels: tuple[str, ...]) -> None:
    for label in labels:
        for item in report[label]:
            print(f"    {label}: {item}")


if __name__ == "__main__":
    main()
