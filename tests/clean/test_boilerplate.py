"""Cleaning: boilerplate is set aside, every other line of the source stays in the body.

The boilerplate lines below were read off the seed files by hand.
"""

from __future__ import annotations

import pytest

from generator.clean.boilerplate import clean_text
from tests.conftest import CORPORA, SEEDS
from tests.helpers import fold

# seed -> (headline, {boilerplate line text: kind})
SEED_BOILERPLATE = {
    "000_68507b3c627c16da.txt": (
        "Civil Organizations: Russia’s Move to Legitimize the Taliban Has Dangerous Consequences for Women",
        {"Zan News": "header line", "Jul 5": "date line", "2 min read": "reading time"},
    ),
    "001_b8986cde7695ea0e.txt": (
        "Women Activists: From Now On, Every Act of Taliban Repression Will Bear the Kremlin’s Seal of Approval",
        {"top of page": "page chrome", "Writer: Zan News": "byline", "Zan News": "header line", "Jul 5": "date line",
         "2 min read": "reading time", "Photo: Wakil Kohsar/AFP": "photo credit", "bottom of page": "page chrome"},
    ),
    "002_e2ffc1113a645db8.txt": (None, {}),
    "003_db9fd82546c56745.txt": (
        "Russia Has Become The First Country To Formally Recognize The Taliban Government In Afghanistan",
        {"russia recognize taliban afghanistan first country": "keywords",
         "You Might Also Be Interested In": "related stories",
         "Putin Met Chinese President Xi Jinping And Vowed They Will Fight Against “Neo-Nazism” Together":
             "related stories",
         "Both leaders have been criticized for authoritarianism and human rights abuses.": "related stories"},
    ),
    "004_bd110d5bfaa63d58.txt": (None, {"date 2025-07-04": "date line"}),
}


def _body_lines(raw: str, headline: str | None, boilerplate: dict[str, str]) -> list[str]:
    """Source lines a reader counts as article text: not blank, not headline, not boilerplate."""
    lines = []
    for line in raw.split("\n"):
        text = fold(line.replace("\u00a0", " ")).lstrip("-• ").strip()
        if text.startswith("date 2025-07-04 "):
            text = text.removeprefix("date 2025-07-04 ")
        if not text or text == headline or text in boilerplate:
            continue
        lines.append(text)
    return lines


@pytest.mark.parametrize("name", sorted(SEED_BOILERPLATE))
def test_seed_headline_and_boilerplate(name):
    headline, boilerplate = SEED_BOILERPLATE[name]
    clean = clean_text((SEEDS / name).read_text(encoding="utf-8"))
    assert clean.headline == headline
    found = {item.text: item.kind for item in clean.set_aside}
    for text, kind in boilerplate.items():
        assert found.get(text) == kind, f"{text!r} not set aside as {kind}"
    body = " ".join(paragraph.text for paragraph in clean.paragraphs)
    for text in boilerplate:
        if text not in ("Zan News",):  # the outlet's name is not a sentence; it may recur in prose
            assert text not in body


def test_related_stories_tail_is_set_aside_to_the_end():
    clean = clean_text((SEEDS / "003_db9fd82546c56745.txt").read_text(encoding="utf-8"))
    body = " ".join(paragraph.text for paragraph in clean.paragraphs)
    assert "Carpool Karaoke" not in body and "Kim Jong Un" not in body
    tail = [item for item in clean.set_aside if item.kind == "related stories"]
    assert tail[0].text == "You Might Also Be Interested In"
    assert tail[-1].text.startswith("In a scene straight out of James Corden")


def test_repeated_standfirst_is_shown_once():
    clean = clean_text((SEEDS / "003_db9fd82546c56745.txt").read_text(encoding="utf-8"))
    standfirst = "Human rights groups have condemned Russia’s move"
    assert sum(p.text.startswith(standfirst) for p in clean.paragraphs) == 1
    assert clean.paragraphs[0].text.startswith(standfirst)
    assert any(item.kind == "repeat of paragraph 1" and item.line == 21 for item in clean.set_aside)


@pytest.mark.parametrize("name", sorted(SEED_BOILERPLATE))
def test_no_body_line_of_a_seed_is_lost(name):
    """Every line a reader counts as article text is in the cleaned body, whitespace folded."""
    headline, boilerplate = SEED_BOILERPLATE[name]
    raw = (SEEDS / name).read_text(encoding="utf-8")
    clean = clean_text(raw)
    body = " ".join(paragraph.text for paragraph in clean.paragraphs)
    related_from = raw.find("You Might Also Be Interested In")
    if related_from > 0:
        raw = raw[:related_from]
    for line in _body_lines(raw, headline, boilerplate):
        assert line in body, f"lost: {line[:80]!r}"


def test_paragraphs_without_blank_lines_are_split_per_line():
    # 000 and 002 put one paragraph per line with no blank line between
    assert len(clean_text((SEEDS / "000_68507b3c627c16da.txt").read_text(encoding="utf-8")).paragraphs) == 7
    assert len(clean_text((SEEDS / "002_e2ffc1113a645db8.txt").read_text(encoding="utf-8")).paragraphs) == 9


def test_wrapped_lines_are_joined_into_one_paragraph():
    clean = clean_text("Headline here\n\nThe minister said the talks\nwould resume next week.\n\nA second paragraph.\n")
    assert [p.text for p in clean.paragraphs] == [
        "The minister said the talks would resume next week.", "A second paragraph."]


def test_a_sentence_that_starts_with_by_is_not_a_byline():
    clean = clean_text("Headline\n\nBy contrast, the ministry said nothing at all about the decision.\n")
    assert clean.paragraphs[0].text.startswith("By contrast")


def test_lowercase_bullet_items_are_not_keyword_lines():
    clean = clean_text("Headline\n\nThe report found that firms had:\n\n- manipulated nicotine levels to increase addiction\n"
                       "- targeted teenagers with advertising campaigns\n")
    assert [p.text for p in clean.paragraphs][1:] == [  # kept as written, dash and all
        "- manipulated nicotine levels to increase addiction", "- targeted teenagers with advertising campaigns"]


# --- real news text from ../shared/corpora: headline line, `date` line, byline, dateline ---------------

REUTERS = CORPORA / "reuters21578"
BBC = CORPORA / "bbc"
CORPUS_SAMPLE = sorted(REUTERS.glob("*.txt"))[::160] + sorted(BBC.glob("*.txt"))[::170]


def _corpus_layout(path):
    """What the corpus README promises: line 1 headline, optional date and byline lines, blank, paragraphs."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header_end = lines.index("")
    header = lines[:header_end]
    paragraphs = [line for line in lines[header_end + 1:] if line.strip()]
    return header, paragraphs


@pytest.mark.parametrize("path", CORPUS_SAMPLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_article_headline_header_and_body(path):
    header, paragraphs = _corpus_layout(path)
    clean = clean_text(path.read_text(encoding="utf-8"))
    assert clean.headline == fold(header[0])
    kinds = {item.text: item.kind for item in clean.set_aside}
    for line in header[1:]:
        assert kinds.get(line) in ("date line", "byline"), line
    body = " ".join(p.text for p in clean.paragraphs)
    for paragraph in paragraphs:
        assert fold(paragraph) in body


def test_corpus_sample_is_large_enough():
    assert len(CORPUS_SAMPLE) >= 20


@pytest.mark.parametrize("raw, kinds", [
    ("Border Reopens\nBy Jane Doe | 5 July 2025 | 3 min read\n\nThe border reopened on Friday after talks.\n",
     {"By Jane Doe": "byline", "5 July 2025": "date line", "3 min read": "reading time"}),
    ("Border Reopens\nUpdated 2025-07-05T10:32:00Z\n\nThe border reopened on Friday after talks.\n",
     {"Updated 2025-07-05T10:32:00Z": "date line"}),
    ("Border Reopens\n5 hours ago\nImage source, Getty Images\n\nThe border reopened on Friday after talks.\n"
     "\nMedia caption, Trucks waited for days at the crossing\n\nTraders welcomed the move.\n\nRelated Topics\n\nAfghanistan\n",
     {"5 hours ago": "timestamp", "Image source, Getty Images": "photo credit",
      "Media caption, Trucks waited for days at the crossing": "photo credit", "Related Topics": "related stories",
      "Afghanistan": "related stories"}),
    ("Border Reopens\n\nThe border reopened on Friday after talks.\n\nSign up for our newsletter\n\n© 2025 Example Media\n",
     {"Sign up for our newsletter": "page chrome", "© 2025 Example Media": "page chrome"}),
])
def test_web_page_furniture_in_other_shapes_is_set_aside(raw, kinds):
    clean = clean_text(raw)
    found = {item.text: item.kind for item in clean.set_aside}
    assert {text: found.get(text) for text in kinds} == kinds
    assert clean.paragraphs[0].text == "The border reopened on Friday after talks."


def test_a_sentence_with_a_separator_stays_in_the_body():
    clean = clean_text("Border Reopens\n\nTrade | which had stopped for weeks | resumed on Friday.\n")
    assert clean.paragraphs[0].text == "Trade | which had stopped for weeks | resumed on Friday."


# A statement as organisations publish them (written for this test, in the shape of real releases)
RELEASE = """Human Rights Watch | Press release
FOR IMMEDIATE RELEASE

Afghanistan: Recognition Ignores Women's Rights

Russia's recognition of the Taliban ignores the systematic abuse of women and girls, Human Rights Watch said today.

"Recognition rewards a government that bars girls from school," said a researcher.

For more information, please contact: Jane Roe, +1 212 555 0100
Email: press@example.org

###
"""


def test_a_press_release_keeps_its_body_and_sets_aside_its_marks():
    clean = clean_text(RELEASE)
    kinds = {item.text: item.kind for item in clean.set_aside}
    assert kinds["Human Rights Watch | Press release"] == "release header"
    assert kinds["FOR IMMEDIATE RELEASE"] == "release header"
    assert kinds["For more information, please contact: Jane Roe, +1 212 555 0100"] == "contact line"
    assert kinds["Email: press@example.org"] == "contact line"
    assert kinds["###"] == "end mark"
    assert clean.headline == "Afghanistan: Recognition Ignores Women's Rights"
    assert [p.text[:20] for p in clean.paragraphs] == ["Russia's recognition", '"Recognition rewards']


def test_end_marks_and_contacts_are_recognised_by_their_shape_only():
    for mark in ("-30-", "- ENDS -", "ENDS", "# # #"):
        assert clean_text(f"Headline\n\nA sentence of the body, long enough to be one.\n\n{mark}\n").set_aside[-1].kind == "end mark"
    body = clean_text("Headline\n\nContact between the two sides resumed on Monday after a week of silence.\n")
    assert len(body.paragraphs) == 1 and not body.set_aside


def test_a_paragraph_after_the_related_stories_tail_is_never_set_aside_silently():
    from generator.clean.boilerplate import clean_text, tail_warnings

    clean = clean_text("A headline\n\nThe first paragraph of the report says what happened on Monday in the city.\n\n"
                       "Related stories\n\nAnother story about something else\n\nThe report's last paragraph, after the "
                       "related stories box, says the inquiry will continue next month with new witnesses.\n")
    assert [item.kind for item in clean.set_aside] == ["related stories"] * 3
    (warning,) = tail_warnings("tail.txt", clean)
    assert warning.line == 9 and "reads like a paragraph of the article" in str(warning)  # not the short headline


#: A Persian page's furniture, one line of each shape three writers of Dari and Iranian news copied
#: (tests/fixtures/dari/reports), with the kind each is set aside as.
PERSIAN_PAGE = {
    "نوشته: کیوان حسینی": "byline",
    "سه‌شنبه ۱۴۰۴/۰۴/۲۴ - ۱۱:۲۰": "date line",
    "به‌روزرسانی: 20/4/1404": "date line",
    "عکس: طلوع‌نیوز": "photo credit",
    "منبع تصویر، Getty Images": "photo credit",
    "توضیح تصویر، زنان افغان در صف دریافت کمک‌های غذایی در کابل": "photo credit",
    "مهاجران در گذرگاه اسلام‌قلعه، ولایت هرات (عکس: رادیو آزادی)": "photo credit",
    "کد خبر: ۸۵۸۷۳۰۱۲": "page chrome",
    "رادیو آزادی را در فیسبوک، یوتیوب و ایکس دنبال کنید.": "page chrome",
    "برچسب‌ها: طالبان، زنان، مهاجران": "keywords",
}


def test_a_persian_pages_furniture_is_set_aside_as_its_english_twin_is():
    lines = ["اعتراض زنان در کابل", "", *PERSIAN_PAGE, "",
             "شماری از زنان معترض امروز در کابل گرد هم آمدند و خواستار حق کار شدند.", "",
             "این خبر را شریک سازید: فیسبوک | ایکس | واتس‌اپ", "",
             "بیشتر", "بازداشت یک خبرنگار زن در هرات؛ خانواده از سرنوشت او بی‌خبرند"]
    clean = clean_text("\n".join(lines))
    kinds = {item.text: item.kind for item in clean.set_aside}
    assert {line: kinds.get(line) for line in PERSIAN_PAGE} == PERSIAN_PAGE
    assert [p.text for p in clean.paragraphs] == [lines[len(PERSIAN_PAGE) + 3]]
    assert kinds["این خبر را شریک سازید: فیسبوک | ایکس | واتس‌اپ"] == "page chrome"
    assert kinds["بازداشت یک خبرنگار زن در هرات؛ خانواده از سرنوشت او بی‌خبرند"] == "related stories"


def test_a_persian_pages_outlet_and_section_above_the_headline_are_no_headline():
    clean = clean_text("بی‌بی‌سی فارسی\nافغانستان\n\nگزارشگر ویژه سازمان ملل: تبعیض علیه زنان نهادینه شده است\n\n"
                       "کامران صالحی\n\nگزارشگر ویژه روز دوشنبه گزارش خود را ارائه کرد.\n\n"
                       "نشست شورای امنیت در نیویورک\nعکس: سازمان ملل\n\nمتن دوم گزارش اینجاست.")
    kinds = {item.text: item.kind for item in clean.set_aside}
    assert clean.headline == "گزارشگر ویژه سازمان ملل: تبعیض علیه زنان نهادینه شده است"
    assert kinds["بی‌بی‌سی فارسی"] == "outlet line" and kinds["افغانستان"] == "section label"
    assert kinds["نشست شورای امنیت در نیویورک"] == "photo caption"  # the line above its credit, in one block
    assert [p.text for p in clean.paragraphs] == ["گزارشگر ویژه روز دوشنبه گزارش خود را ارائه کرد.", "متن دوم گزارش اینجاست."]
