"""Dari articles read as well as English ones: language and direction, byline, Solar Hijri date line, share
line, a quote after «گفت:», weekdays on the timeline. The two articles are tests/fixtures/dari (written for the
tests; their facts, read by hand, are listed in its README)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import pytest

from generator.model import Precision
from generator.pipeline import build_dossier
from tests.conftest import FIXTURES_DIR, copy_project

DARI = FIXTURES_DIR / "dari"
REGISTRY = ("entities:\n  - name: Zabihullah Mujahid\n    kind: person\n    role: Spokesman of the Taliban\n"
            "    aliases: [ذبیح‌الله مجاهد]\n")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dari-seeds")
    for path in DARI.glob("96*"):
        shutil.copy2(path, folder / path.name)
    (folder / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def articles(seeds):
    dossier = build_dossier(seeds)
    return dossier, {article.source.name: article for article in dossier.articles}


def test_the_language_is_detected_and_said_to_be(articles):
    _, by_name = articles
    for article in by_name.values():
        assert article.metadata.language == "fa"
        assert article.metadata.language_evidence.startswith("detected from the text by py3langid")


def test_the_byline_and_the_solar_hijri_date_line_are_metadata_not_text(articles):
    _, by_name = articles
    reaction, protest = by_name["960_taliban_reaction.txt"], by_name["961_women_protest.txt"]
    assert reaction.metadata.author.value == "مریم احمدی" and protest.metadata.author.value == "زهرا کریمی"
    # ۱۷ سرطان ۱۴۰۴: Saratan, the fourth month (Tir in Iran); 1 Saratan 1404 was 22 June 2025
    assert (reaction.metadata.date.value, reaction.metadata.date.precision) == (dt.date(2025, 7, 8), Precision.DAY)
    assert "Saratan, the fourth month, Tir in Iran" in reaction.metadata.date.evidence
    assert protest.metadata.date.value == dt.date(2025, 7, 11)  # ۲۰ تیر ۱۴۰۴, the month's Iranian name
    kinds = {item.kind for item in reaction.clean.set_aside}
    assert {"byline", "date line", "page chrome"} <= kinds  # the share line "اشتراک‌گذاری" too
    assert all("اشتراک" not in paragraph.text for paragraph in reaction.paragraphs)


def test_a_quote_after_gofte_is_the_named_speakers(articles):
    _, by_name = articles
    (quote,) = by_name["960_taliban_reaction.txt"].quotes
    assert quote.text == "این یک گام تاریخی است." and quote.speaker == "Zabihullah Mujahid" and quote.cue == "گفت"


def test_weekdays_reach_the_timeline_and_a_coming_one_is_planned(articles):
    dossier, _ = articles
    entries = {entry.first: entry for entry in dossier.timeline}
    monday = entries[dt.date(2025, 7, 7)]  # "روز دوشنبه" in an article of Tuesday 8 July 2025
    assert "روز دوشنبه" in monday.sentence and not monday.planned
    friday = entries[dt.date(2025, 7, 18)]  # "روز جمعه آینده" in an article of Friday 11 July 2025
    assert "روز جمعه آینده" in friday.sentence and friday.planned


def test_the_page_runs_right_to_left_in_its_language(tmp_path):
    project = copy_project(tmp_path)
    shutil.rmtree(project / "seeds")
    shutil.copytree(DARI, project / "seeds", ignore=shutil.ignore_patterns("README.md"))
    (project / "seeds" / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    page = next(path for path in (project / "build" / "site" / "articles").glob("*/index.html")
                if "960_taliban_reaction.txt" in path.read_text(encoding="utf-8")).read_text(encoding="utf-8")
    assert '<h1 class="dossier-title" lang="fa" dir="rtl">واکنش طالبان به تصمیم روسیه</h1>' in page
    assert '<div class="dossier-body" lang="fa" dir="rtl">' in page
    assert "(written right to left)" in page and "<bdi>مریم احمدی</bdi>" in page
    listing = (project / "build" / "site" / "articles" / "index.html").read_text(encoding="utf-8")
    assert 'dir="auto">واکنش طالبان به تصمیم روسیه</a>' in listing  # isolated in the English page around it


def test_names_are_found_in_persian_text_without_a_registry(tmp_path):
    """The gazetteer's places and bodies under the names the rest of the dossier uses, and a person by the role
    after her name: the spokesman's quote is his though nobody registered him."""
    for path in DARI.glob("96*"):
        shutil.copy2(path, tmp_path / path.name)
    dossier = build_dossier(tmp_path)
    names = {(entity.name, entity.kind.value) for entity in dossier.entities}
    assert {("Kabul", "place"), ("Moscow", "place"), ("Russia", "place"), ("Taliban", "organisation"),
            ("United Nations", "organisation"), ("ذبیح‌الله مجاهد", "person")} <= names
    assert not any(entity.reviewed for entity in dossier.entities)  # found, not checked: the pages say so
    (quote,) = next(a for a in dossier.articles if a.source.name == "960_taliban_reaction.txt").quotes
    assert quote.speaker == "ذبیح‌الله مجاهد"


def test_review_proposes_a_persian_spelling_of_a_registered_name_and_never_joins_it(tmp_path):
    from generator.render.review import review_sections

    for path in DARI.glob("96*"):
        shutil.copy2(path, tmp_path / path.name)
    # the spokesman registered in Latin letters only, as an English report names him: his Persian spelling in
    # the Dari report is found apart, and proposed
    (tmp_path / "entities.yml").write_text("entities:\n  - name: Zabihullah Mujahid\n    kind: person\n",
                                           encoding="utf-8")
    (tmp_path / "970_english.txt").write_text("Taliban welcome Moscow's decision\n\nZabihullah Mujahid, the "
                                              "Taliban's spokesman, welcomed the decision on Monday.\n",
                                              encoding="utf-8")
    dossier = build_dossier(tmp_path)
    assert {"Zabihullah Mujahid", "ذبیح‌الله مجاهد"} <= {entity.name for entity in dossier.entities}
    section = next(section for section in review_sections(dossier) if section.key == "cross-script")
    assert [item.text for item in section.items] == ["ذبیح‌الله مجاهد may be Zabihullah Mujahid"]
    assert "add `ذبیح‌الله مجاهد` to the aliases of Zabihullah Mujahid" in section.items[0].fix


QUOTED = """گفت‌وگو با فعالان زن
گزارشگر: نرگس حیدری
۱۸ سرطان ۱۴۰۴

فرزانه رسولی، بنیان‌گذار این شبکه، تأکید کرد: «ما از هیچ حکومتی اجازه نمی‌گیریم.» او افزود: «مکتب‌ها باز می‌مانند.»

«این کار به سرکوب زنان مشروعیت می‌دهد»، نسرین کریمی در صفحه خود نوشت.

رئیس مهاجرین ولایت هرات، مولوی شیرمحمد نوری، به خبرنگاران گفت: «ظرفیت اردوگاه‌ها پر شده است.»

یک منبع نزدیک به خانواده آقای نوری به رسانه‌ها گفت: «او را از دفترش بردند.»
"""


def test_persian_quotes_go_to_the_named_speaker_before_or_after_and_an_unnamed_source_to_none(tmp_path):
    (tmp_path / "970_quotes.txt").write_text(QUOTED, encoding="utf-8")
    (article,) = build_dossier(tmp_path).articles
    speakers = {quote.text.split()[0] + " " + quote.text.split()[1]: quote.speaker for quote in article.quotes}
    assert speakers == {
        "ما از": "فرزانه رسولی",  # the verb before the quote, the name the clause opens with
        "مکتب‌ها باز": "فرزانه رسولی",  # "او افزود": she, the person the sentence before opens with
        "این کار": "نسرین کریمی",  # the verb after the quote
        "ظرفیت اردوگاه‌ها": "شیرمحمد نوری",  # the clause opens with a role: the person holding it
        "او را": None,  # "یک منبع" (a source) is no one named; Mr Nouri is whom the source is close to
    }


def test_an_outlets_name_above_the_headline_is_the_publisher_and_a_name_alone_below_it_the_author(tmp_path):
    (tmp_path / "970_report.txt").write_text(
        "بی‌بی‌سی فارسی\nافغانستان\n\nگزارشگر ویژه سازمان ملل: تبعیض علیه زنان نهادینه شده است\n\nکامران صالحی\n"
        "۲۶ شهریور ۱۴۰۴ - ۱۷ سپتامبر ۲۰۲۵\n\nگزارشگر ویژه روز سه‌شنبه گزارش خود را ارائه کرد.\n", encoding="utf-8")
    (article,) = build_dossier(tmp_path).articles
    metadata = article.metadata
    assert metadata.publisher.value == "بی‌بی‌سی فارسی" and "outlet line" in metadata.publisher.evidence
    assert metadata.author.value == "کامران صالحی"
    assert metadata.date.value == dt.date(2025, 9, 17)  # 26 Shahrivar 1404, as the Gregorian date beside it says
    assert metadata.title.value == "گزارشگر ویژه سازمان ملل: تبعیض علیه زنان نهادینه شده است"
