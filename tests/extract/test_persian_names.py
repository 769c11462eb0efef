"""People, bodies and places in Persian text without a registry (generator/extract/persian_names.py), and who
said a Persian quotation (generator/extract/persian_quotes.py). Sentences in the shapes of Dari and Iranian
news; the names in them are invented."""

from __future__ import annotations

import pytest

from generator.extract.persian_names import persian_spans, persian_surname_spans, signed_from
from generator.model import EntityKind


def names(text: str) -> dict[str, str]:
    return {span.name: span.kind.value for span in persian_spans(text)}


@pytest.mark.parametrize(("text", "person"), [
    ("نسرین کریمی، سخنگوی این جنبش، گفت", "نسرین کریمی"),  # a given name and a surname
    ("سخنگوی وزارت عبدالرحیم نوری نیز گفت", "عبدالرحیم نوری"),  # a name of the form عبد…
    ("محمد ایوب رسولی که از پشاور آمده بود", "محمد ایوب رسولی"),  # two given names and a surname
    ("گل‌احمد یوسفی که ۲۳ سال در پشاور زندگی کرده بود", "گل‌احمد یوسفی"),  # two given names joined
    ("سرگئی ایوانف در مسکو گفت", "سرگئی ایوانف"),  # a foreign given name in Persian spelling
    ("مولوی نورالحق صمیمی اعلام کرد", "نورالحق صمیمی"),  # after a title, the title left out
])
def test_a_person_is_found_by_a_given_name_or_its_form(text, person):
    assert names(text).get(person) == "person"


def test_a_title_takes_one_word_when_no_given_name_follows():
    assert names("آقای کریمی پس از این دیدار گفت") == {"کریمی": "person"}


@pytest.mark.parametrize("text", [
    "امید داریم که صلح بیاید",  # امید is "hope" before it is a name
    "دولت افغانستان اعلام کرد",  # no given name
    "محمد اعلام کرد",  # a given name alone is no evidence
    "استاد روابط بین‌الملل در دانشگاه",  # استاد is a role here, not a title before a name
])
def test_words_that_are_no_persons_name_stay_so(text):
    assert "person" not in names(text).values()


@pytest.mark.parametrize(("text", "body"), [
    ("وزارت امور خارجه روسیه امروز اعلام کرد", "وزارت امور خارجه روسیه"),  # ends at the known place
    ("جنبش زنان عدالت‌خواه افغانستان در اعلامیه‌ای", "جنبش زنان عدالت‌خواه افغانستان"),
    ("سفارت روسیه در کابل نیز نوشت", "سفارت روسیه در کابل"),  # a local office goes on to its place
    ("کمیسیون رسیدگی به مشکلات مهاجران هشدار داد", "کمیسیون رسیدگی به مشکلات مهاجران"),  # a governed preposition
    ("پولیس پاکستان شبانه به خانه ما آمد", "پولیس پاکستان"),
])
def test_a_body_is_found_by_its_head_noun_up_to_a_verb_a_preposition_or_a_known_place(text, body):
    assert names(text).get(body) == "organisation"


@pytest.mark.parametrize("text", [
    "این سازمان اعلام کرد",  # "this organisation"
    "در شبکه اجتماعی ایکس نوشت",  # a social network
    "فیض‌آباد، مرکز ولایت بدخشان، امروز",  # the province's capital
])
def test_a_head_noun_that_names_no_body_stays_so(text):
    assert "organisation" not in names(text).values()


def test_the_gazetteer_names_a_known_body_under_its_english_name_and_no_rule_makes_it_longer():
    assert names("نماینده ویژه دبیرکل سازمان ملل متحد و رئیس یوناما گفت") == {
        "United Nations": "organisation", "UNAMA": "organisation"}


def test_a_place_after_its_word_of_place_is_that_place():
    found = names("بندر اسلام‌قلعه در ولسوالی کهسان")
    assert found == {"Islam Qala": "place", "Kohsan": "place"}
    assert names("در ولسوالی نهرین آب آمد").get("نهرین") == "place"


def test_a_surname_written_again_is_the_one_person_of_the_article_so_named_and_never_one_of_two():
    spans = persian_surname_spans("آقای نوری گفت و احمدی افزود", {"سمیع‌الله نوری", "مریم احمدی", "نسرین احمدی"})
    assert [(span.name, span.kind) for span in spans] == [("نوری", EntityKind.PERSON)]


@pytest.mark.parametrize(("line", "reporter"), [
    ("احمد رحیمی - کابل", "احمد رحیمی"),
    ("سحر کریمی، مزار شریف", "سحر کریمی"),  # سحر is "dawn" too, but the line signs a report
    ("گزارش ویژه - کابل", None),
    ("روسیه - افغانستان", None),
])
def test_a_header_line_signed_with_a_name_and_a_place(line, reporter):
    assert signed_from(line) == reporter


@pytest.mark.parametrize(("text", "person"), [
    ("لیلا (نام مستعار)، آرایشگر، گفت", "لیلا"),  # a pseudonym, as those our sources protect are named
    ("محمدرضا، ۳۵ ساله، که از ایران اخراج شده", "محمدرضا"),  # an age in commas
])
def test_a_given_name_alone_is_a_person_with_a_pseudonyms_mark_or_an_age(text, person):
    assert names(text).get(person) == "person"


def test_a_role_names_its_holder_between_commas():
    assert names("سخنگوی وزارت خارجه چین، مائو نینگ، گفت").get("مائو نینگ") == "person"
