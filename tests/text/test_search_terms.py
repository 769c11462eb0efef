"""Search's folding: what a reader types finds what the article wrote, in any script's variants."""

from __future__ import annotations

from generator.text.search_terms import STOP_WORDS, search_fold, search_terms


def test_accents_case_and_possessives_fold_away():
    assert search_terms("Putin's Café in İSTANBUL") == ["putin", "cafe", "istanbul"]
    assert search_terms("Ḥaqqānī") == search_terms("Haqqani")


def test_persian_and_arabic_letter_forms_and_digits_are_one():
    # Arabic kaf and yeh against the Persian letters; a tatweel; Persian and Arabic-Indic digits
    assert search_terms("كابل") == search_terms("کابل")
    assert search_terms("علي") == search_terms("علی") == search_terms("عـــلی")
    assert search_terms("۱۴۰۴") == search_terms("١٤٠٤") == ["1404"]
    assert search_fold("أفغانستان") == search_fold("افغانستان")  # the hamza is a mark, dropped


def test_a_joiner_splits_words_as_the_name_matcher_does():
    assert search_terms("می\u200cخواهد") == ["می", "خواهد"]


def test_stop_words_and_single_letters_are_not_terms():
    assert "the" in STOP_WORDS
    assert search_terms("The women of Kabul, a city") == ["women", "kabul", "city"]
