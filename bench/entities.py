"""Quality of people and organisation extraction, measured and printed.

1. The seeds against bench/gold/seeds_entities.yml (written by reading the articles):
   per article, people and organisations found, missed and wrong; with the curated
   registry and with the model and rules alone.
2. Reuters-21578 (../shared/corpora/reuters21578): the PEOPLE index terms of labels.tsv
   as a rough answer key: the share of tagged people found, matched by surname; and the
   ORGS terms (mostly acronyms: ec, imf, opec) matched against names and their initials.

    python bench/entities.py [--reuters N]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.extract.ner import Recogniser  # noqa: E402
from generator.model import EntityKind  # noqa: E402
from generator.pipeline import build_dossier  # noqa: E402
from generator.textfold import fold_key  # noqa: E402

REUTERS = PROJECT.parent / "shared" / "corpora" / "reuters21578"
GOLD = PROJECT / "bench" / "gold" / "seeds_entities.yml"
CACHE = PROJECT / ".cache"


def seeds_report(with_registry: bool) -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp)
        for path in (PROJECT / "seeds").glob("*.txt"):
            shutil.copy2(path, seeds / path.name)
        if with_registry:
            shutil.copy2(PROJECT / "seeds" / "entities.yml", seeds / "entities.yml")
        dossier = build_dossier(seeds, Recogniser(CACHE))
    label = "with the registry" if with_registry else "model and rules only"
    print(f"\nSeeds, {label}: found / missed / wrong (against bench/gold, read by hand)")
    totals = {"people": [0, 0, 0], "organisations": [0, 0, 0]}
    for article in dossier.articles:
        expected = gold[article.source.name]
        for group, kind in (("people", EntityKind.PERSON), ("organisations", EntityKind.ORGANISATION)):
            truth = {fold_key(item["name"]): item for item in expected.get(group) or []}
            alias_to_name = {fold_key(alias): key for key, item in truth.items()
                             for alias in [item["name"], *(item.get("aliases") or [])]}
            borderline = {fold_key(item["name"]) for item in (expected.get("borderline") or {}).get(group, []) or []}
            forms: dict[str, set[str]] = {}  # each entity found: its name and the forms written in the article
            for m in article.mentions:
                if m.kind is kind:
                    forms.setdefault(m.name, {m.name}).add(m.surface)
            matched, wrong = set(), []
            for name, written in sorted(forms.items()):
                hits = {alias_to_name[fold_key(form)] for form in written if fold_key(form) in alias_to_name}
                if hits:
                    matched |= hits
                elif not any(fold_key(form) in borderline for form in written):
                    wrong.append(name)
            missed = sorted(truth[key]["name"] for key in truth if key not in matched)
            counts = totals[group]
            counts[0] += len(matched)
            counts[1] += len(missed)
            counts[2] += len(wrong)
            detail = (f"  missed {missed}" if missed else "") + (f"  wrong {wrong}" if wrong else "")
            print(f"  {article.source.name[:3]} {group:<13} {len(matched):>2} / {len(missed):>2} / {len(wrong):>2}{detail}")
    for group, (found, missed, wrong) in totals.items():
        print(f"  total {group:<13} {found:>2} / {missed:>2} / {wrong:>2}  "
              f"(recall {found / max(1, found + missed):.0%}, precision {found / max(1, found + wrong):.0%})")


def reuters_report(limit: int) -> None:
    rows = [row for row in csv.DictReader((REUTERS / "labels.tsv").open(encoding="utf-8"), delimiter="\t")
            if row["people"] or row["orgs"]][:limit]
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp)
        for row in rows:
            shutil.copy2(REUTERS / row["file"], seeds / row["file"])
        words = sum(len((seeds / row["file"]).read_text(encoding="utf-8").split()) for row in rows)
        started = time.perf_counter()
        dossier = build_dossier(seeds, Recogniser(None))
        seconds = time.perf_counter() - started
    by_file = {article.source.name: article for article in dossier.articles}
    people_found = people_total = orgs_found = orgs_total = 0
    for row in rows:
        article = by_file.get(row["file"])
        if article is None:
            continue
        person_words = {fold_key(word) for m in article.mentions if m.kind is EntityKind.PERSON for word in m.name.split()}
        org_forms = set()
        for m in article.mentions:
            if m.kind is EntityKind.ORGANISATION:
                org_forms.add(fold_key(m.surface))
                org_forms.add(fold_key("".join(w[0] for w in m.name.split() if w[:1].isupper())))
        for tag in filter(None, row["people"].split(",")):
            people_total += 1
            people_found += fold_key(tag.split("-")[-1]) in person_words
        for tag in filter(None, row["orgs"].split(",")):
            orgs_total += 1
            orgs_found += fold_key(tag) in org_forms
    print(f"\nReuters-21578, {len(rows)} tagged stories, {words:,} words, pipeline with NER {seconds:.1f} s "
          f"({words / seconds:,.0f} words/s, no cache)")
    print(f"  PEOPLE tags found by surname: {people_found}/{people_total} ({people_found / max(1, people_total):.0%})")
    print(f"  ORGS tags found (name or initials): {orgs_found}/{orgs_total} ({orgs_found / max(1, orgs_total):.0%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, default=10_000, help="tagged Reuters stories to use (default all)")
    args = parser.parse_args()
    seeds_report(with_registry=True)
    seeds_report(with_registry=False)
    reuters_report(args.reuters)


if __name__ == "__main__":
    main()
