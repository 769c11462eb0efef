"""Consonant skeletons: a Persian spelling and a romanisation of the same name are alike; other names are not."""

from __future__ import annotations

from generator.text.transliteration import alike, skeleton


def test_a_name_and_its_romanisations_share_a_skeleton():
    assert skeleton("ذبیح‌الله مجاهد") == skeleton("Zabihullah Mujahid") == "zbhlhmjhd"
    assert alike("ذبیح‌الله مجاهد", "Zabiullah Mujahed")  # a romanisation that drops the ح is still close
    assert alike("امیرخان متقی", "Amir Khan Muttaqi") and alike("مریم احمدی", "Maryam Ahmadi")


def test_different_names_are_not_alike():
    assert not alike("ذبیح‌الله مجاهد", "Amir Khan Muttaqi")
    assert not alike("زهرا کریمی", "Sergey Lavrov")
    assert not alike("او", "O")  # too short to tell anything
