"""Truth on text of the dossier's own domain: the ten articles of tests/fixtures/issue23 (a rally, a
detention, a court hearing, statements of women's groups and of the UN), against the facts read by
hand in tests/test_domain.py. Figures, not assertions (the test asserts):

1. people and organisations: under the right kind, under another kind, missed; listings that are no
   fact at all, or a second listing of one;
2. conflict boxes: the real disagreement flagged, and boxes that are none;
3. quotes: under the speaker read, under another, left unattributed, listed twice.

    python bench/domain.py
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.extract.ner import Recogniser  # noqa: E402
from generator.model import EntityKind  # noqa: E402
from generator.pipeline import build_dossier  # noqa: E402
from tests.test_domain import ALSO_FINE, FIXTURES, NAMED, QUOTES, SHARED_SURNAMES  # noqa: E402


def main() -> None:
    dossier = build_dossier(FIXTURES, Recogniser(PROJECT / ".cache"))
    kinds = (EntityKind.PERSON, EntityKind.ORGANISATION)
    right, wrong_kind, missed, extra = [], [], [], []
    quotes = {"right": 0, "wrong speaker": [], "unattributed": [], "count differs": []}
    for article in dossier.articles:
        stem = article.source.stem
        listed = {(m.name, m.kind) for m in article.mentions if m.kind in kinds}
        for kind, names in NAMED[stem].items():
            for name in sorted(names):
                if (name, kind) in listed:
                    right.append(name)
                elif any(listed_name == name for listed_name, _ in listed):
                    wrong_kind.append(f"{stem}: {name}")
                else:
                    missed.append(f"{stem}: {name}")
        expected = {name for names in NAMED[stem].values() for name in names}
        extra += [f"{stem}: {name} ({kind.value})" for name, kind in sorted(listed, key=str)
                  if name not in expected and name not in SHARED_SURNAMES and name not in ALSO_FINE]
        found = [(quote.text, quote.speaker) for quote in article.quotes]
        if len(found) != len(QUOTES[stem]):
            quotes["count differs"].append(f"{stem}: {len(found)} listed, {len(QUOTES[stem])} read")
        for (_text, speaker), (starts, truth) in zip(found, QUOTES[stem], strict=False):
            if speaker == truth:
                quotes["right"] += 1
            elif speaker is None:
                quotes["unattributed"].append(f"{stem}: {starts!r} (read: {truth})")
            else:
                quotes["wrong speaker"].append(f"{stem}: {starts!r}: {speaker} (read: {truth})")
    total = len(right) + len(wrong_kind) + len(missed)
    print(f"Domain articles: {len(dossier.articles)} in tests/fixtures/issue23, facts read by hand in tests/test_domain.py")
    print(f"  people and organisations: {len(right)}/{total} under the right kind; {len(wrong_kind)} under another; "
          f"{len(missed)} missed; {len(extra)} listings that are no fact or a second listing")
    for label, items in (("wrong kind", wrong_kind), ("missed", missed), ("extra", extra)):
        for item in items:
            print(f"    {label}: {item}")
    ids = {article.metadata.article_id: article.source.stem for article in dossier.articles}
    boxes = [(ids[entry.article_ids[0]], entry.first, conflict.first) for entry in dossier.timeline
             for conflict in entry.conflicts]
    real = [box for box in boxes if {box[0]} <= {"protest-planned", "lecturer-detained"}]
    print(f"  conflict boxes: {len(boxes)} ({len(real)} on the one real disagreement, read: 2, one each way)")
    read = sum(len(items) for items in QUOTES.values())
    print(f"  quotes: {quotes['right']}/{read} under the speaker read; {len(quotes['wrong speaker'])} under another; "
          f"{len(quotes['unattributed'])} unattributed; {len(quotes['count differs'])} articles listing a different count")
    for label in ("wrong speaker", "unattributed", "count differs"):
        for item in quotes[label]:
            print(f"    {label}: {item}")


if __name__ == "__main__":
    main()
