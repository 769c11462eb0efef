"""Raw article text to headline and body paragraphs, with boilerplate set aside.

Pasted articles carry the page around them: "top of page", bylines, "2 min read",
photo credits, keyword slugs, a related-stories tail; press releases and statements their
header ("FOR IMMEDIATE RELEASE"), contact lines and end mark ("###", "-30-", "ENDS"). Each such line is recognised by
its shape (never by its words in one source), recorded with its line number and kind,
and left out of the body. Everything not recognised stays in the body: a missed
boilerplate line is a blemish, a lost sentence is a broken record.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.model import CleanText, Paragraph, Problem, SetAside
from generator.text.lexicon import BYLINE_LABEL, RELEASE_HEADER, SOURCE_URL, parse_date_only
from generator.text.persian_gazetteer import outlet
from generator.text.scripts import ARABIC_SCRIPT

BULLET = re.compile(r"^[-•*–·▪]\s+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

_COPYRIGHT_MARK = r"(?:©|\(c\)|copyright)"
_COPYRIGHT = re.compile(_COPYRIGHT_MARK, re.IGNORECASE)  # a page's rights line: a photo's credit, as often
PAGE_CHROME = re.compile(
    r"^(?:top of (?:the )?page|bottom of (?:the )?page|back to top|skip to (?:main )?content|advertisement"
    r"|share(?: this)?(?: article| story| page)?(?: on \w+)?|print(?: this)?(?: article| page)?"
    r"|(?:sign up|subscribe) (?:for|to) our (?:daily |weekly )?newsletters?\.?|follow us on .{1,40}"
    r"|" + _COPYRIGHT_MARK + r"\s*(?:\d{4}\s*)?.{0,80}|all rights reserved\.?|listen to (?:this )?article.{0,20}"
    # the same furniture on Persian news sites: share, follow, print, advertisement, back to top, rights
    r"|(?:(?:این\s)?(?:خبر|مطلب|گزارش|ویدیو)\sرا\s(?:با\s.{1,30}\s)?)?(?:(?:به\s)?اشتراک(?:[\u200c ]?(?:گذاری|بگذارید))?"
    r"|شریک\s(?:سازید|کنید)|هم[\u200c ]?رسانی(?:\sکنید)?)(?:\sدر\s.{1,30})?(?:\s*(?:در)?\s*:\s*.{0,100})?"
    r"|.{1,60}\sرا\s(?:در\s.{1,60}\s)?دنبال\sکنید\.?"
    r"|(?:صفحه\s(?:اصلی|نخست)|خانه|home)(?:\s*[/>»›|]\s*[^/>»›|]{1,40}){1,6}"  # a breadcrumb
    r"|نظرات|دیدگاه[\u200c ]?ها|(?:نظر|دیدگاه)\s(?:خود\sرا\s)?(?:بنویسید|ثبت\sکنید)|ارسال\s(?:نظر|دیدگاه)"
    r"|(?:نسخه\s)?چاپ(?:ی)?|تبلیغات|بازگشت\sبه\sبالا|(?:کد|شناسه)\s(?:خبر|مطلب)\s*:?\s*\d{1,12}|(?:تمامی|کلیه)\sحقوق.{0,60}محفوظ\s(?:است|می[\u200c ]?باشد)\.?(?:\s.{0,100})?"
    r")\s*$",
    re.IGNORECASE,
)
#: Who else worked on the report, not its author: "ترجمه: …" (translation), "ویرایش: …" (editing).
CREDIT_LINE = re.compile(r"^(?:ترجمه|مترجم|برگردان|ویرایش|ویراستار|ویراستاری|تنظیم|translated\sby|translation|edited\sby)"
                         r"\s*[:：\-]?\s*\S.{0,80}$", re.IGNORECASE)
SOURCE_NAME = re.compile(r"^(?:source|via|from|published by)\s*:\s*(?P<name>\S.{0,80})$", re.IGNORECASE)
TIMESTAMP_AGO = re.compile(r"^(?:(?:updated\s*:?\s*)?\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago"
                           r"|\d{1,2}\s*(?:دقیقه|ساعت|روز)\s(?:پیش|قبل))$", re.IGNORECASE)
CAPTION = re.compile(r"^(?:image|media|photo|video|picture)\s+(?:source|caption|credit)s?\s*[,:]\s*.{0,200}$",
                     re.IGNORECASE)
SEPARATORS = re.compile(r"\s+[|·•]\s+")
READING_TIME = re.compile(r"^(?:\d{1,3}\s*(?:-|\s)?\s*(?:min|mins|minute|minutes)\.?\s+read"
                          r"|(?:زمان|مدت)\s(?:تقریبی\s)?(?:مطالعه|خواندن)\s*:?\s*\d{1,3}\s*دقیقه|\d{1,3}\s*دقیقه\s(?:مطالعه|خواندن))\s*$",
                          re.IGNORECASE)
DATE_PREFIX = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\s+(\S.*)$", re.IGNORECASE)
BYLINE = re.compile(BYLINE_LABEL.pattern + r"(?P<who>\S.{0,120})$", re.IGNORECASE)
PHOTO_CREDIT = re.compile(
    r"^(?:\(?(?:photo|photograph|photos|image|picture|file photo|photo credit|credit|illustration)"
    r"\s*(?::|by|-|–)\s*.{1,120}\)?"
    r"|.{1,80}/\s*(?:AFP|AP|Reuters|Getty Images|EPA|Anadolu|Xinhua|TASS|Sputnik|Shutterstock|Alamy)"
    r"(?:\s+via Getty Images)?\)?"
    # Persian: "عکس: …", "منبع تصویر، …", "عکس از …", "تصویر آرشیفی"
    r"|\(?(?:عکس|تصویر|عکاس|فوتو|منبع\s(?:عکس|تصویر)|اعتبار\sعکس)(?:\s*[:،,\-–]|\sاز)\s*.{1,120}\)?"
    r"|(?:عکس|تصویر)\s(?:آرشیفی|آرشیوی|تزئینی|تزیینی)(?:\s*[:،,\-–]\s*.{1,80})?"
    r"|توضیح\s(?:تصویر|عکس)\s*[،,:]\s*.{1,200}|.{1,200}[.،]\s*(?:عکس|تصویر)\s*:\s*.{1,60}"
    r"|.{1,200}\((?:عکس|تصویر|منبع\sتصویر)\s*[:،]\s*.{1,60}\))\s*$",
    re.IGNORECASE,
)
RELATED_TAIL = re.compile(
    r"^(?:you (?:might|may) also (?:be interested in|like)|related(?: stories| articles| news| coverage| content| posts)?"
    r"|read more|read also|also read|more on this story|more from .{1,40}|recommended(?: for you)?"
    r"|most read|most popular|see also|further reading|trending(?: now)?|related topics|more stories"
    r"|top stories|you may also like|in other news"
    r"|(?:مطالب|اخبار|خبرهای|گزارش[\u200c ]?های)\s(?:مرتبط|پیشنهادی)|(?:همچنین\s|بیشتر\s)?بخوانید|پربازدیدترین(?:[\u200c ]?ها)?"
    r"|بیشتر(?:\sدر\sاین\sباره)?|پیشنهاد\sسردبیر|(?:مطالب|اخبار|خبرهای|گزارش[\u200c ]?های)\sبیشتر"
    r"|پربیننده[\u200c ]?ترین(?:[\u200c ]?ها)?)\s*:?\s*$",
    re.IGNORECASE,
)
#: A press release's or statement's own marks: its header, its contact lines, its end mark.
CONTACT_LINE = re.compile(
    r"^(?:(?:media|press|news) (?:contacts?|enquiries|inquiries|office)|contacts?|for (?:more|further) information"
    r"(?:,? please)?(?:,? contact)?|e-?mail|tel(?:ephone)?|phone|mobile|fax)\b\s*[:,]?\s*.{0,160}$", re.IGNORECASE)
END_MARK = re.compile(r"^(?:#\s*#\s*#|-\s*30\s*-|[-–—]*\s*ends?\s*[-–—]*|\*\s*\*\s*\*)\s*$", re.IGNORECASE)
KEYWORDS_LABELLED = re.compile(r"^(?:(?:#[^\s#]+\s*){2,}$|(?:tags|keywords|topics|برچسب(?:[\u200c ]?ها)?|کلیدواژه(?:[\u200c ]?ها)?|کلمات\sکلیدی"
                               r"|موضوعات|موضوع)(?:\sمرتبط)?\s*:\s*.+$)", re.IGNORECASE)
KEYWORDS_SLUG = re.compile(r"^[a-z0-9][a-z0-9\- ]*$")
FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been that this de la le".split())
RELATED = "related stories"
#: A line of this many words that ends a sentence reads like prose, not a related story's headline.
PROSE_WORDS = 15
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
CLAUSE_END = re.compile(r"[.!?;:,…][\"'”’)\]]*$")

HEADLINE_MAX_WORDS = 30
HEADER_NAME_MAX_WORDS = 6


@dataclass
class _Line:
    number: int
    text: str  # stripped, whitespace folded, bullet marker removed: for recognising boilerplate
    bulleted: bool
    written: str = ""  # as written (whitespace folded), bullet kept: what the body shows


def clean_text(raw: str) -> CleanText:
    """Split raw text into headline, body paragraphs and set-aside lines."""
    set_aside: list[SetAside] = []
    lines = _lines(raw)
    lines = _cut_related_tail(lines, set_aside)
    lines = _cut_section_labels(lines, set_aside)

    headline: _Line | None = None
    in_header = True
    blocks: list[list[_Line]] = [[]]
    for line in lines:
        if line is None:  # blank line: paragraph boundary
            blocks.append([])
            continue
        parts = _header_parts(line) if in_header else None
        if parts:  # "By Jane Doe | 17 May 2024 | 3 min read": each part set aside as what it is
            set_aside.extend(SetAside(line.number, part.text, kind) for part, kind in parts)
            continue
        kind = _boilerplate_kind(line, in_header)
        if kind == "date line (prefix)":
            match = DATE_PREFIX.match(line.text)
            set_aside.append(SetAside(line.number, f"date {match[1]}", "date line"))
            line = _Line(line.number, match[2].strip(), line.bulleted, match[2].strip())
            kind = _boilerplate_kind(line, in_header)
        if kind:
            if kind == "photo credit" or (kind == "page chrome" and _COPYRIGHT.match(line.text)):
                _caption_before(blocks, set_aside)
            set_aside.append(SetAside(line.number, line.text, kind))
            continue
        if in_header and headline is None and not _has_body(blocks) and _looks_like_headline(line):
            headline = line
            blocks.append([])
            continue
        if in_header and headline is not None and not _has_body(blocks) and _looks_like_header_name(line):
            set_aside.append(SetAside(line.number, line.text, "header line"))
            continue
        in_header = in_header and not _looks_like_body(line)
        blocks[-1].append(line)

    paragraphs = _paragraphs(blocks, headline, set_aside)
    return CleanText(
        headline=headline.text if headline else None,
        headline_line=headline.number if headline else None,
        paragraphs=tuple(paragraphs),
        set_aside=tuple(sorted(set_aside, key=lambda item: item.line)),
    )


def fold_whitespace(text: str) -> str:
    return SPACES.sub(" ", CONTROL.sub("", text)).strip()


def _lines(raw: str) -> list[_Line | None]:
    """Lines with bullets and whitespace normalised; None marks a blank line."""
    result: list[_Line | None] = []
    for number, text in enumerate(raw.split("\n"), start=1):
        text = fold_whitespace(unicodedata.normalize("NFC", text))
        if not text:
            result.append(None)
            continue
        bullet = BULLET.match(text)
        written = text
        if bullet:
            text = text[bullet.end():].strip()
        result.append(_Line(number, text, bool(bullet), written) if text else None)
    return result


def tail_warnings(name: str, clean: CleanText) -> list[Problem]:
    """A line after a related-stories heading that reads like the article's own paragraph is set aside with the
    tail, never silently: the curator is told where it is. A teaser reads like prose too, but it sits on the
    line right under its story's headline; a paragraph stands alone, after a blank line."""
    tail = {item.line for item in clean.set_aside if item.kind == RELATED}
    return [Problem(name, f"comes after the related-stories tail but reads like a paragraph of the article "
                          f"('{item.text[:60]}…'); it is set aside with the tail, and listed on the article's page.",
                    "If it belongs to the article, move it above the tail's first line in the file.",
                    line=item.line, severity="warning")
            for item in clean.set_aside
            if item.kind == RELATED and item.line - 1 not in tail and len(item.text.split()) >= PROSE_WORDS
            and SENTENCE_END.search(item.text)]


def _cut_related_tail(lines: list[_Line | None], set_aside: list[SetAside]) -> list[_Line | None]:
    for index, line in enumerate(lines):
        if line is not None and index > 0 and RELATED_TAIL.match(line.text):
            for tail_line in lines[index:]:
                if tail_line is not None:
                    set_aside.append(SetAside(tail_line.number, tail_line.text, RELATED))
            return lines[:index]
    return lines


#: A Persian page's top lines above its headline: the site's name, its section ("افغانستان", "خبرهای داخلی").
SECTION_LABEL_MAX_WORDS = 3
HEADLINE_MIN_WORDS = 4


def _cut_section_labels(lines: list[_Line | None], set_aside: list[SetAside]) -> list[_Line | None]:
    """Short Arabic-script lines above a Persian headline are the site's name and section, not the headline: a
    line of at most three words, no digit and no punctuation, while a line of four words or more follows."""
    top = [index for index, line in enumerate(lines) if line is not None][:4]
    labels = []
    for index in top:
        line = lines[index]
        if not _is_section_label(line):
            break
        labels.append(index)
    following = [lines[index] for index in top[len(labels):len(labels) + 1]]
    if not labels or not following or len(following[0].text.split()) < HEADLINE_MIN_WORDS \
            or not ARABIC_SCRIPT.search(following[0].text):
        return lines
    for index in labels:
        kind = "outlet line" if outlet(lines[index].text) else "section label"
        set_aside.append(SetAside(lines[index].number, lines[index].text, kind))
    return [None if index in labels else line for index, line in enumerate(lines)]


def _is_section_label(line: _Line) -> bool:
    words = line.text.split()
    return bool(ARABIC_SCRIPT.search(line.text)) and len(words) <= SECTION_LABEL_MAX_WORDS \
        and not re.search(r"[\d.!?؟:،,«»\"“”]", line.text)


def _boilerplate_kind(line: _Line, in_header: bool) -> str | None:
    text = line.text
    if PAGE_CHROME.match(text):
        return "page chrome"
    if END_MARK.match(text):
        return "end mark"
    if CONTACT_LINE.match(text) and (":" in text or "@" in text or re.search(r"\+?\d[\d ()-]{6,}", text)):
        return "contact line"
    release = RELEASE_HEADER.match(text) if in_header else None
    if release and all(_names_only(part) for part in (release["before"], release["after"]) if part):
        return "release header"
    if READING_TIME.match(text):
        return "reading time"
    if TIMESTAMP_AGO.match(text):
        return "timestamp"
    if SOURCE_URL.match(text):
        return "source url"
    if in_header and SOURCE_NAME.match(text) and _names_only(SOURCE_NAME.match(text)["name"]):
        return "source line"
    if in_header and ARABIC_SCRIPT.search(text) and outlet(text):
        return "outlet line"  # "بی‌بی‌سی فارسی" above the headline: the site's name, as its pages print it
    if CAPTION.match(text):
        return "photo credit"
    if DATE_PREFIX.match(text):
        return "date line (prefix)"
    if parse_date_only(text):
        return "date line"
    if PHOTO_CREDIT.match(text):
        return "photo credit"
    if in_header and CREDIT_LINE.match(text):
        return "credit line"
    if KEYWORDS_LABELLED.match(text):
        return "keywords"
    if not line.bulleted and _looks_like_keyword_slug(text):
        return "keywords"
    if in_header and (byline := BYLINE.match(text)) and _names_only(byline["who"]):
        return "byline"
    return None


#: A photo's caption in Persian, the line just above its credit ("… در کابل" over "عکس: …"): one line of few
#: words, with no sentence's end or short enough to be none.
CAPTION_MAX_WORDS = 30
CAPTION_UNENDED_MAX_WORDS = 20


def _caption_before(blocks: list[list[_Line]], set_aside: list[SetAside]) -> None:
    """Persian pages print a photo's caption as a line of its own beside the credit: set it aside with it."""
    previous = next((block for block in reversed(blocks) if block), None)
    # the line just before, in this block ("caption" / "عکس: …" on the next line) or the one before a blank line
    if previous is None or len(previous) != 1 or previous not in blocks[-2:]:
        return
    line = previous[0]
    words = len(line.text.split())
    if not ARABIC_SCRIPT.search(line.text) or words > CAPTION_MAX_WORDS or (
            SENTENCE_END.search(line.text) or line.text.endswith("؟")) and words > CAPTION_UNENDED_MAX_WORDS:
        return
    previous.clear()
    set_aside.append(SetAside(line.number, line.text, "photo caption"))


def _header_parts(line: _Line) -> list[tuple[_Line, str]] | None:
    """A header line joined by |, · or •, when every part is boilerplate: the parts with their kinds."""
    pieces = SEPARATORS.split(line.text)
    if len(pieces) < 2 or RELEASE_HEADER.match(line.text):  # "Human Rights Watch | Press release": one header
        return None
    parts = []
    for piece in pieces:
        part = _Line(line.number, piece.strip(), line.bulleted, piece.strip())
        kind = _boilerplate_kind(part, in_header=True)
        if kind is None and _names_only(part.text) and len(part.text.split()) <= HEADER_NAME_MAX_WORDS:
            kind = "header line"
        if kind is None or kind == "date line (prefix)":
            return None
        parts.append((part, kind))
    return parts


def _looks_like_keyword_slug(text: str) -> bool:
    """"opec output quota cut": lowercase words with no function word between them."""
    words = text.split()
    return bool(KEYWORDS_SLUG.match(text)) and 3 <= len(words) <= 15 and not FUNCTION_WORDS.intersection(words)


def _names_only(text: str) -> bool:
    """True for "Jane Doe", "Jane Doe and John Roe, Reuters": every word capitalised or a joiner; in a script
    without capitals ("مریم احمدی و زهرا کریمی"), a few words and no sentence's punctuation or digits."""
    if not any(char.isupper() or char.islower() for char in text):
        words = re.split(r"[\s،,]+", text.strip(" ،,."))
        return 0 < len(words) <= 8 and not re.search(r"[.!?؟:؛\d]", text)
    words = re.split(r"[\s,]+", text.strip(" ,."))
    joiners = {"and", "&", "of", "in", "for", "the", "de", "al", "van", "von", "bin", "el"}
    return 0 < len(words) <= 12 and all(
        w[:1].isupper() or w.lower() in joiners or re.match(r"^[a-z]{1,3}['’][A-Z]", w) for w in words if w)


def _looks_like_headline(line: _Line) -> bool:
    """A first line that does not read as a sentence of the body."""
    words = line.text.split()
    if not words or len(words) > HEADLINE_MAX_WORDS or line.bulleted:
        return False
    if not CLAUSE_END.search(line.text) or line.text.rstrip("\"'”’").endswith(("?", "!", "...", "…")):
        return True
    last_word = words[-1].rstrip(".\"'”’")
    capitalised = sum(word[:1].isupper() for word in words)
    # "... WITH U.S." ends on an abbreviation; "Canada Lifts The Ban." is title case
    return "." in last_word or capitalised >= 0.7 * len(words)


def _looks_like_header_name(line: _Line) -> bool:
    """A short line between headline and body that names someone: an unlabelled byline."""
    words = line.text.split()
    return len(words) <= HEADER_NAME_MAX_WORDS and not CLAUSE_END.search(line.text) and _names_only(line.text)


def _looks_like_body(line: _Line) -> bool:
    return len(line.text.split()) >= 8 or bool(SENTENCE_END.search(line.text))


def _has_body(blocks: list[list[_Line]]) -> bool:
    return any(blocks)


def _paragraphs(blocks: list[list[_Line]], headline: _Line | None, set_aside: list[SetAside]) -> list[Paragraph]:
    """Join wrapped lines; a line that ends a sentence ends its paragraph; repeats are set aside."""
    texts: list[tuple[int, str]] = []
    for block in blocks:
        current: list[_Line] = []
        for line in block:
            if current and _ends_paragraph(current[-1], line):
                texts.append((current[0].number, " ".join(part.written for part in current)))
                current = []
            current.append(line)
        if current:
            texts.append((current[0].number, " ".join(part.written for part in current)))

    seen: dict[str, int] = {}
    if headline is not None:
        seen[_comparable(headline.text)] = 0
    paragraphs: list[Paragraph] = []
    for line_number, text in texts:
        key = _comparable(text)
        if key in seen:
            where = "the headline" if seen[key] == 0 else f"paragraph {seen[key]}"
            set_aside.append(SetAside(line_number, text, f"repeat of {where}"))
            continue
        paragraphs.append(Paragraph(len(paragraphs) + 1, text))
        seen[key] = len(paragraphs)
    return paragraphs


def _ends_paragraph(previous: _Line, following: _Line) -> bool:
    """Within a block, a new line starts a paragraph unless the previous one was cut mid-sentence."""
    if SENTENCE_END.search(previous.text) or following.bulleted:
        return True
    return not (following.text[:1].islower() or following.text[:1].isdigit() or len(previous.text) > 50)


def _comparable(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
