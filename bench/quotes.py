"""Quote extraction measured on the seeds against bench/gold/seeds_quotes.yml (written by reading).

A gold quote is found when an extracted quote's text matches it (quote marks and edge
punctuation aside). Its speaker is right when it is the gold speaker (by any alias in
bench/gold/seeds_entities.yml), or when the gold speaker is an unnamed group and the
quote is left unattributed; wrong when another entity is named.

Then 40 quotations drawn from the BBC corpus (bench/gold/bbc_quotes.yml: the draw, and each speaker
read by hand): right speaker, wrong speaker (target: at most 1 in 30), left unattributed where the
text names one, and not found.

    python bench/quotes.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.extract.ner import Recogniser  # noqa: E402
from generator.pipeline import build_dossier  # noqa: E402
from generator.text.fold import fold_key  # noqa: E402

GOLD = PROJECT / "bench" / "gold"


def _key(text: str) -> str:
    return fold_key(text).strip(" .,;:?!\"'")


def _written_forms(article, speaker: str) -> set[str]:
    """The speaker's name and every form the article writes it in."""
    return {_key(speaker)} | {_key(m.surface) for m in article.mentions if m.name == speaker}


def main() -> None:
    quotes_gold = yaml.safe_load((GOLD / "seeds_quotes.yml").read_text(encoding="utf-8"))
    entities_gold = yaml.safe_load((GOLD / "seeds_entities.yml").read_text(encoding="utf-8"))
    dossier = build_dossier(PROJECT / "seeds", Recogniser(PROJECT / ".cache"))
    totals = {"gold": 0, "found": 0, "right": 0, "wrong": 0, "unattributed": 0, "extra": 0}
    print("Quotes on the seeds: gold / found / right speaker / wrong speaker / left unattributed / extra")
    for article in dossier.articles:
        name = article.source.name
        aliases: dict[str, set[str]] = {}
        for group in ("people", "organisations", "places"):
            for item in entities_gold[name].get(group) or []:
                aliases[item["name"]] = {_key(n) for n in [item["name"], *(item.get("aliases") or [])]}
        gold = quotes_gold[name].get("quotes") or []
        extracted = {_key(q.text): q for q in article.quotes}
        counts = dict.fromkeys(totals, 0)
        counts["gold"] = len(gold)
        notes = []
        for item in gold:
            quote = extracted.pop(_key(item["quote"]), None)
            if quote is None:
                notes.append(f"missed: {item['quote'][:50]!r}")
                continue
            counts["found"] += 1
            named = item.get("speaker_named", True) and item.get("speaker")
            if quote.speaker is None:
                counts["unattributed"] += 1
                if not named:
                    counts["right"] += 1
                else:
                    notes.append(f"unattributed, gold {item['speaker']}: {item['quote'][:40]!r}")
            elif named and _written_forms(article, quote.speaker) & (
                    aliases.get(item["speaker"], set()) | {_key(item["speaker"])}):
                counts["right"] += 1
            else:
                counts["wrong"] += 1
                notes.append(f"wrong speaker {quote.speaker!r}, gold {item['speaker']!r}: {item['quote'][:40]!r}")
        counts["extra"] = len(extracted)
        notes += [f"extra: {q.text[:50]!r} ({q.speaker})" for q in extracted.values()]
        for key in totals:
            totals[key] += counts[key]
        print(f"  {name[:3]}  {counts['gold']:>2} / {counts['found']:>2} / {counts['right']:>2} / {counts['wrong']:>2} / "
              f"{counts['unattributed']:>2} / {counts['extra']:>2}")
        for note in notes:
            print(f"       {note}")
    print(f"  all  {totals['gold']:>2} / {totals['found']:>2} / {totals['right']:>2} / {totals['wrong']:>2} / "
          f"{totals['unattributed']:>2} / {totals['extra']:>2}")


BBC = PROJECT.parent / "shared" / "corpora" / "bbc"


def bbc_report() -> None:
    gold = yaml.safe_load((GOLD / "bbc_quotes.yml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for item in gold:
            shutil.copy2(BBC / item["file"], Path(tmp) / item["file"])
        dossier = build_dossier(Path(tmp), Recogniser(PROJECT / ".cache"))
    by_file = {article.source.name: article for article in dossier.articles}
    entities = {entity.name: entity for entity in dossier.entities}
    counts = {"right": 0, "wrong": 0, "unattributed": 0, "missed": 0}
    notes = []
    for item in gold:
        article = by_file[item["file"]]
        starts = _key(item["starts"])
        quote = next((q for q in article.quotes if q.paragraph == item["paragraph"] and _key(q.text).startswith(starts)),
                     None)
        truth = item.get("speaker")
        if quote is None:
            counts["missed"] += 1
            notes.append(f"not found: {item['file']} ¶{item['paragraph']} {item['starts']!r}")
        elif quote.speaker is None:
            counts["right" if truth is None else "unattributed"] += 1
        else:
            entity = entities.get(quote.speaker)
            forms = _written_forms(article, quote.speaker) | {_key(a) for a in (entity.aliases if entity else ())}
            words = set(_key(truth).split()) if truth else set()
            if truth and (_key(truth) in forms or any(set(form.split()) & words for form in forms
                                                      if len(form.split()) == 1)):
                counts["right"] += 1
            else:
                counts["wrong"] += 1
                notes.append(f"wrong speaker: {item['file']} {item['starts']!r}: {quote.speaker} (read: {truth})")
    print(f"\nQuotes on the BBC sample: {len(gold)} read by hand; right {counts['right']}, wrong speaker "
          f"{counts['wrong']} (target at most 1 in 30), unattributed where the text names one "
          f"{counts['unattributed']}, not found {counts['missed']}")
    for note in notes:
        print(f"    {note}")


if __name__ == "__main__":
    main()
    bbc_report()
