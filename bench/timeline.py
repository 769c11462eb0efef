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
from generator.text.sentences import split_sentences  # noqa: E402

BBC = PROJECT.parent / "shared" / "corpora" / "bbc"
CACHE = PROJECT / ".cache"

#: Deliberately broad: a bound that any of these words puts in doubt is counted.
FORECAST_CUES = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|going to|is to|are to|expects?|expected|expecting|expectations?|"
    r"set to|due|forecasts?|predicts?|predicted|projected|projecting|plans? to|plans? for|planned|planning|scheduled|"
    r"aims?|aiming|targets?|intends?|hopes? to|likely to|next|upcoming)\b|'ll\b")
#: Uses of those words that are about the past: "due to the dollar", "failed to meet expectations".
NOT_FORECAST = re.compile(
    r"\bdue to (?:the|a|an|its|their|his|her)\b|\b(?:than|as|meet|met|beat|missed|exceeded|hit|above|below)"
    r"(?: \w+){0,2} (?:expected|expectations?|forecasts?|targets?)\b|\b(?:would|could|may|might|should)(?: not)? have\b")
_QUOTED = re.compile(r"'(?P<text>[^']+)'")
_PARAGRAPH = re.compile(r"¶(?P<n>\d+)")
#: A bare year after a capitalised word inside a sentence (not its first word, not a month or season):
#: "sales of FIFA 2005", "upgrade to Windows 2000". The bench's own test, apart from the generator's.
_NAME_YEAR = re.compile(r"(?<=\w )(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Autumn|"
                        r"Winter|Christmas|Easter)\w*\b)[A-Z][\w-]* (?P<year>(?:19|20)\d\d)\b")


def bound_sentences(article) -> list[str]:
    """The sentences the article's "not before" bound may have been read from: those holding the quoted
    words, in the paragraph the evidence names (any paragraph when it names none)."""
    evidence = article.metadata.date.not_before_evidence
    quoted = _QUOTED.search(evidence)
    if not quoted:
        return []
    where = _PARAGRAPH.search(evidence)
    return [sentence for paragraph in article.paragraphs if where is None or paragraph.number == int(where["n"])
            for sentence in split_sentences(paragraph.text) if quoted["text"] in sentence]


def has_cue(sentence: str) -> bool:
    return bool(FORECAST_CUES.search(NOT_FORECAST.sub(" ", sentence)))


def cued_bound(article) -> str | None:
    """The bound's sentence when every sentence it may come from has a forecast cue, else None."""
    sentences = bound_sentences(article)
    return sentences[0] if sentences and all(has_cue(s) for s in sentences) else None


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
    cued = [(a, s) for a in bounded if (s := cued_bound(a))]
    corroborated = [a for a in bounded if "what" in a.metadata.date.not_before_evidence]
    planned = [e for e in dossier.timeline if getattr(e, "planned", False)]
    past_but_cued = [e for e in dossier.timeline if not getattr(e, "planned", False) and e.first
                     and any(has_cue(c.sentence) for c in e.citations)]
    named = [e for e in dossier.timeline if e.first and any(
        c.phrase in {m["year"] for m in _NAME_YEAR.finditer(c.sentence)} for c in e.citations)]
    qualifiers: dict[str, int] = {}
    for entry in dossier.timeline:
        qualifiers[entry.qualifier] = qualifiers.get(entry.qualifier, 0) + 1

    print(f"BBC corpus: {len(dossier.articles)} articles, built in {seconds:.0f} s; "
          f"{len(dossier.timeline)} timeline entries")
    print(f"Undated articles: {len(undated)}; with an inferred 'not before' bound: {len(bounded)}")
    print(f"  bounds read from a sentence with a forecast cue: {len(cued)} (target 0)")
    print(f"  bounds narrowed by the timeline (a 'last week' other reports date): {len(corroborated)}")
    for article, sentence in cued[:examples]:
        print(f"    {article.source.name}: {article.metadata.date.not_before_evidence}\n      “{sentence}”")
    print("  examples of bounds:")
    for article in bounded[:examples]:
        print(f"    {article.source.name}: not before {article.metadata.date.not_before} — "
              f"{article.metadata.date.not_before_evidence}")
    print(f"Timeline entries marked planned: {len(planned)}")
    for entry in planned[::max(1, len(planned) // examples)][:examples]:  # spread over the timeline
        print(f"    {entry.first} {entry.precision.value if entry.precision else ''}: “{entry.sentence[:160]}”")
    print(f"Entries not marked planned whose citing sentence has a forecast cue (a broad net; many are past "
          f"clauses of a sentence that also speaks of the future): {len(past_but_cued)}")
    for entry in past_but_cued[::max(1, len(past_but_cued) // examples)][:examples]:
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
