"""Time bombs: every stage is linear (or n log n) in its input, checked by doubling an adversarial input.

Each input is one an attacker could fit inside the size limits: a line of 1,800 “yes” said, thousands
of dated one-sentence paragraphs, a run of punctuation for the tokenizer, a sentence of thousands of
dates. Doubling the input must not quadruple the time: the bound is 3× (linear is 2×, quadratic 4×),
with the best of two runs taken to keep the measurement from noise. These are the regressions the
probe found (247 s, 260 s and 35 s before the fix).
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from pathlib import Path

import pytest

from generator.clean.boilerplate import clean_text
from generator.extract.dates import Reference, find_time_expressions
from generator.extract.ner import Recogniser
from generator.extract.quotes import extract_quotes
from generator.model import Paragraph
from generator.pipeline import build_dossier
from generator.text.sentences import split_sentences

DOUBLING_BOUND = 3.0


def _best_time(function, size: int, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()  # each run starts from the same heap, so the collector's pauses do not skew one of them
        start = time.perf_counter()
        function(size)
        best = min(best, time.perf_counter() - start)
    return best


def _assert_linear(function, size: int) -> None:
    function(size // 4)  # warm caches and imports before measuring
    small, large = _best_time(function, size), _best_time(function, 2 * size)
    assert large < DOUBLING_BOUND * small + 0.05, f"{size}: {small:.3f} s, {2 * size}: {large:.3f} s"


class _NoNames:
    """A recogniser that finds nothing: these tests measure the pipeline, not the model."""

    def spans(self, articles):
        return [[] for _ in articles]


def _pipeline_on(tmp_path: Path, name: str, text: str):
    seeds = tmp_path / name
    seeds.mkdir(exist_ok=True)
    (seeds / "bomb.txt").write_text(text, encoding="utf-8")
    return build_dossier(seeds, _NoNames())


def test_a_line_of_quotes_is_attributed_in_linear_time():
    def run(n):
        text = "“yes” said " * n
        quotes = extract_quotes("bomb", [Paragraph(1, text)], [])
        assert len(quotes) == n
    _assert_linear(run, 1800)


def test_dated_paragraphs_go_through_the_pipeline_and_timeline_in_linear_time(tmp_path):
    def run(n):
        text = "Dated Paragraphs\n\n" + "".join(f"On 3 July 2025 council {i} met in the capital.\n\n"
                                               for i in range(n))
        dossier = _pipeline_on(tmp_path, f"dated{n}", text)
        assert sum(len(entry.citations) for entry in dossier.timeline) == n
    _assert_linear(run, 4000)


def test_a_sentence_of_dates_is_read_in_linear_time():
    reference = Reference(dt.date(2025, 7, 10))
    for pattern in ("3 July 2025, ", "Monday ", "in 2021 ", "last week "):
        def run(n, pattern=pattern):
            assert find_time_expressions("On " + pattern * n + "it rained", reference)
        _assert_linear(run, 2000)


@pytest.mark.parametrize("unit", ["Mr. ", "He said it. ", "U.S. officials. "])
def test_sentences_split_in_linear_time(unit):
    _assert_linear(lambda n: split_sentences(unit * n), 4000)


@pytest.mark.parametrize("line", ["Photo: AFP", "By Jane Doe | 5 July 2025 | 3 min read", "A line of text here.", ""])
def test_cleaning_is_linear_in_the_number_of_lines(line):
    _assert_linear(lambda n: clean_text("Title\n\n" + f"{line}\nBody text of the article.\n\n" * n), 2000)


def test_the_tokenizer_never_sees_a_long_run_without_a_space():
    recogniser = Recogniser(None)
    assert recogniser.nlp is not None  # the model loads before timing starts

    def run(n):
        recogniser.spans([["!?." * n + " Ahmad Massoud spoke."]])
    _assert_linear(run, 2000)


def test_many_names_in_one_paragraph_are_found_and_cited_in_linear_time(tmp_path):
    registry = ("entities:\n  - name: Fawzia Koofi\n    kind: person\n    aliases: [Koofi]\n"
                "  - name: Taliban\n    kind: organisation\n")

    def run(n):
        seeds = tmp_path / f"names{n}"
        seeds.mkdir(exist_ok=True)
        (seeds / "entities.yml").write_text(registry, encoding="utf-8")
        (seeds / "a.txt").write_text("Names\n\n" + "\n".join(f"Dr Koofi met the Taliban and Fawzia Koofi in session {i}."
                                                                for i in range(n))
                                     + "\n", encoding="utf-8")
        dossier = build_dossier(seeds, _NoNames())
        assert sum(len(entity.mentions) for entity in dossier.entities) == 3 * n
    _assert_linear(run, 1500)


def test_a_long_sentence_is_cited_by_an_excerpt_so_output_stays_linear(tmp_path):
    """1,500 dates in one 20 kB sentence: each event cites the words around its date, not 20 kB."""
    dossier = _pipeline_on(tmp_path, "dates", "A Sentence of Dates\n\nOn " + "3 July 2025, " * 1500 + "it rained.\n")
    sentences = [event.sentence for entry in dossier.timeline for event in entry.citations]
    assert len(sentences) == 1500
    assert max(map(len, sentences)) <= 402
    assert sentences[-1].startswith("…") and sentences[-1].endswith("it rained.")
