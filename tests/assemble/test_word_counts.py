"""Small-letter word counts, summed as a running total: after any sequence of builds, the same as counting anew."""

from __future__ import annotations

from collections import Counter

from generator.assemble.word_counts import Tally, _RunningTotal, lower_case_counts
from tests.helpers import article

TEXTS = ["The bank said the U.S. interest rates would rise.",
         "Rates fell; the kingdom's bank held its U.S. interest steady.",
         "A bank, another bank, and the Bank."]


def _fresh(texts):
    return _RunningTotal().of(texts)


def test_words_in_small_letters_are_counted_without_a_possessive_ending():
    lower, after = lower_case_counts([article("a", paragraphs=[TEXTS[1]])])
    assert lower["kingdom"] == 1 and lower["bank"] == 1 and "Rates" not in lower
    assert after[("U.S.", "interest")] == 1


def test_the_running_total_equals_a_fresh_count_after_adding_removing_and_copying():
    total = _RunningTotal()
    for texts in ([TEXTS[0]], TEXTS, [TEXTS[2], TEXTS[2]], [TEXTS[1]], [], TEXTS[::-1]):
        lower, after = total.of(texts)
        fresh_lower, fresh_after = _fresh(texts)
        assert +lower == +fresh_lower and +after == +fresh_after  # zero counts left behind are no difference
    assert total.of([TEXTS[2], TEXTS[2]])[0]["bank"] == 4


def test_a_tally_is_a_counter():
    tally = Tally()
    tally["x"] += 2
    assert tally == Counter(x=2) and tally["missing"] == 0 and tally.most_common(1) == [("x", 2)]
