"""Persian words as an index files them (generator/text/persian_words.py): the alphabet's own order, پ after ب
and گ after ک (not after ی, as code points put them), آ with ا, Arabic letter forms as Persian ones."""

from __future__ import annotations

from generator.text.persian_words import collation_key, initial


def test_persian_names_sort_in_the_alphabets_order():
    names = ["گلزاد", "کریمی", "پروانه", "بهار", "آخوندزاده", "ابراهیمی", "ژاله", "زهرا", "یوسفی", "چمن", "جاوید"]
    assert sorted(names, key=collation_key) == [
        "ابراهیمی", "آخوندزاده", "بهار", "پروانه", "جاوید", "چمن", "زهرا", "ژاله", "کریمی", "گلزاد", "یوسفی"]


def test_a_name_is_filed_under_its_letter_in_its_persian_form():
    assert initial("آخوندزاده") == "ا"
    assert initial("كريمي") == "ک"  # Arabic kaf
    assert initial("Lavrov") == "L"
