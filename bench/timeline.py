"""How truthful the timeline is on undated news: the BBC corpus (2004-05, no article states its date).

Builds one dossier from every article in ../shared/corpora/bbc (copied into a temporary folder,
never into the repository) and prints:

1. how many undated articles got an inferred "not before" bound on their date;
2. how many of those bounds come from a sentence with a forecast cue ("will", "expected", "due",
   "plans to" ...): a plan is no evidence of when an article was written, so the target is 0.
   The cues are this bench's own list, kept apart from the generator's, so that it checks it;
3. how many timeline entries are marked planned, and how many entries are dated by a year that is
   part of a name ("FIFA 2005", "Windows 2000");
4. a few examples of each. Figures only, no assertions.

    python bench/timeline.py [--articles N] [--examples 5]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.extract.ner import Recogniser  # noqa: E402
from generator.pipeline import build_dossier  # noqa: E402
from generator.sentences import split_sentences  # noqa: E402

BBC = PROJECT.parent / "shared" / "corpora" / "bbc"
CACHE = PROJECT / ".cache"

#: Deliberately broad: a bound that any of these words puts in doubt is counted.
FORECAST_CUES = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|going to|is to|are to|expects?|expected|expecting|expectations?|"
    r"set to|due|forecasts?|predicts?|predicted|projects?|projected|projecting|plans?|planned|planning|scheduled|"
    r"aims?|aiming|targets?|intends?|hopes? to|likely to|next|upcoming)\b|'ll\b")
_QUOTED = re.compile(r"'(?P<text>[^']+)'")
_PARAGRAPH = re.compile(r"¶(?P<n>\d+)")
_NAME_YEAR = re.compile(r"\b(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z][a-z]+) (?:19|20)\d\d\b")


def bound_sentence(article) -> str | None:
    """The sentence the article's "not before" bound was read from: in the paragraph the evidence
    names when it names one, else the first sentence holding the quoted words."""
    evidence = article.metadata.date.not_before_evidence
    quoted = _QUOTED.search(evidence)
    if not quoted:
        return None
    where = _PARAGRAPH.search(evidence)
    paragraphs = [p for p in article.paragraphs if where is None or p.number == int(where["n"])]
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph.text):
            if quoted["text"] in sentence:
                return sentence
    return None


def report(count: int | None, examples: int) -> None:
    files = sorted(BBC.glob("*.txt"))[:count]
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp)
        for path in files:
            shutil.copy2(path, seeds / path.name)
        started = time.perf_counter()
        dossier = build_dossier(seeds, Recogniser(CACHE), None)
        seconds = time.perf_counter() - started
    undated = [a for a in dossier.articles if not a.metadata.date.known]
    bounded = [a for a in undated if a.metadata.date.not_before]
    cued = [(a, s) for a in bounded if (s := bound_sentence(a)) and FORECAST_CUES.search(s)]
    planned = [e for e in dossier.timeline if getattr(e, "planned", False)]
    past_but_cued = [e for e in dossier.timeline if not getattr(e, "planned", False) and e.first
                     and any(FORECAST_CUES.search(c.sentence) for c in e.citations)]
    named = [e for e in dossier.timeline if e.first and any(
        _NAME_YEAR.search(c.sentence) and re.search(rf"[A-Za-z] {re.escape(c.phrase)}\b", c.sentence)
        and re.fullmatch(r"(?:19|20)\d\d", c.phrase) for c in e.citations)]
    qualifiers: dict[str, int] = {}
    for entry in dossier.timeline:
        qualifiers[entry.qualifier] = qualifiers.get(entry.qualifier, 0) + 1

    print(f"BBC corpus: {len(dossier.articles)} articles, built in {seconds:.0f} s; "
          f"{len(dossier.timeline)} timeline entries")
    print(f"Undated articles: {len(undated)}; with an inferred 'not before' bound: {len(bounded)}")
    print(f"  bounds read from a sentence with a forecast cue: {len(cued)} (target 0)")
    for article, sentence in cued[:examples]:
        print(f"    {article.source.name}: {article.metadata.date.not_before_evidence}\n      “{sentence}”")
    print("  examples of bounds:")
    for article in bounded[:examples]:
        print(f"    {article.source.name}: not before {article.metadata.date.not_before} — "
              f"{article.metadata.date.not_before_evidence}")
    print(f"Timeline entries marked planned: {len(planned)}")
    for entry in planned[:examples]:
        print(f"    {entry.first} {entry.precision.value if entry.precision else ''}: “{entry.sentence[:160]}”")
    print(f"Entries not marked planned whose citing sentence has a forecast cue (a broad net; many are past "
          f"clauses of a sentence that also speaks of the future): {len(past_but_cued)}")
    for entry in past_but_cued[:examples]:
        print(f"    {entry.first}: “{entry.sentence[:160]}”")
    print(f"Entries dated by a bare year written after a capitalised word (a name such as 'FIFA 2005'?): "
          f"{len(named)}")
    for entry in named[:examples]:
        print(f"    {entry.first}: “{entry.sentence[:160]}”")
    print("Entries by qualifier: " + ", ".join(f"{key} {value}" for key, value in sorted(qualifiers.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles")
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    report(args.articles, args.examples)


if __name__ == "__main__":
    main()
