"""Who said a quotation in Persian text: «…» with a speech verb before or after it.

Persian puts the subject first and the verb last: "عبدالرحیم کریمی، سخنگوی وزارت، در کابل گفت: «…»" and
"«…»، خانم صدیقی عنوان کرد." The speaker is the person or body the clause opens with, before its verb; "او"
and "وی" (he, she) stand for the last person; a clause opening "یک منبع" (a source) or "یک مقام" (an official)
names no one, and a body reached by "به" (to), "با" (with) or "از" (from) is the one spoken to, not the speaker.
Anything else stays unattributed: a wrong speaker is worse than none.
"""

from __future__ import annotations

import re

from generator.extract.persian_names import opens_with_role
from generator.model import EntityKind, Mention
from generator.text.sentences import sentence_spans

_J = r"[\u200c ]?"  # a joiner or a space, as Persian writes the parts of one verb
#: Speech verbs, past, perfect, pluperfect and present, simple and compound: said, added, wrote, announced, stressed,
#: noted, warned, explained … ("گفت", "گفته بود", "می‌افزاید", "هشدار داده است", "اعلام کرده بود").
_PERFECT = rf"(?:{_J}(?:است|اند|بود|بودند))?"
_VERB = (rf"(?:(?:گفت|افزود|نوشت|پرسید)(?:ند|ه{_PERFECT})?|می{_J}(?:گوید|گویند|افزاید|افزایند|نویسد|پرسد)"
         rf"|(?:اعلام|تصریح|تأکید|تاکید|خاطرنشان|عنوان|ابراز|اظهار|اضافه|بیان|هشدار|توضیح|ادامه|پاسخ|اعتراف|تکرار)"
         rf"{_J}(?:(?:کرد|نمود|داد|داشت)(?:ند|ه{_PERFECT})?|می{_J}(?:کند|کنند|دهد|دهند|دارد)))")
VERB_BEFORE = re.compile(rf"(?<!\w)(?P<verb>{_VERB})\s*[:：]?\s*$")
_VERB_AFTER = re.compile(rf"^\s*[،,]?\s*(?P<subject>[^«».!؟?]*?)\s*(?<!\w)(?P<verb>{_VERB})(?!\w)\s*[.!؟?]?\s*$")
#: Reported speech before a quoted phrase: a speech verb and "که" (that).
_REPORTED = re.compile(rf"(?<!\w)(?P<verb>{_VERB})\s+که(?!\w)")
#: A quoted phrase the clause's subject calls something: "«…» خواند", "«…» توصیف کرد", "«…» نامید".
_CALLED = re.compile(r"^\s*(?:است\s+)?(?:خواند|خواندند|توصیف\s?کرد|توصیف\s?کردند|نامید|نامیدند)(?!\w)")
#: "این سازمان" (this organisation), "این نهاد" …: the body last named, whose head noun it repeats.
_THIS_BODY = re.compile(r"^(?:[^\w]*)(?:این|همین)\s+(?P<noun>سازمان|نهاد|جنبش|شبکه|گروه|وزارت|دادگاه|کمیسیون|"
                        r"انجمن|حزب|اداره|ریاست|دفتر|هیئت|ائتلاف)(?!\w)")
_PRONOUN = re.compile(r"^(?:[^\w]*)(?:او|وی|ایشان)(?!\w)")
#: A clause opening so names no one: a source, an official, a resident, someone.
_UNNAMED = re.compile(r"^(?:[^\w]*)(?:یک|این|آن|برخی|چند)\s+(?:منبع|منابع|مقام|مسئول|عضو|شاهد|ساکن|فعال|زن|مرد|"
                      r"معلم|آموزگار|دانشجو|کارمند|خبرنگار|شهروند|نفر)(?!\w)|^(?:[^\w]*)(?:منابع|منبعی|مقامی|یکی\s+از)"
                      r"(?!\w)")
#: A name reached by these is spoken to or of, not speaking: "به طلوع‌نیوز گفت", "با بی‌بی‌سی".
_NOT_SUBJECT_BEFORE = re.compile(r"(?<!\w)(?:به|با|از|برای|در|نزد|خانواده|درباره)\s+(?:[^\s،,]+\s+)?$")


def persian_attribution(text: str, sentence: tuple[int, int], quote: tuple[int, int], mentions: list[Mention],
                        last_person: str | None) -> tuple[str | None, str, str] | None:
    """(speaker, verb, how) for a quotation in Persian; None when no Persian speech verb is next to it, so the
    other rules may try. `mentions` are the paragraph's names outside quotes."""
    sentence_start, sentence_end = sentence
    quote_start, quote_end = quote
    before = text[sentence_start:quote_start - 1]
    verb = VERB_BEFORE.search(before)
    if verb:
        return _speaker(text, sentence_start, sentence_start + verb.start(), mentions, last_person, verb["verb"])
    after = text[quote_end + 1:sentence_end]
    verb = _VERB_AFTER.match(after)
    if verb and verb["subject"].strip():
        start = quote_end + 1 + verb.start("subject")
        return _speaker(text, start, quote_end + 1 + verb.start("verb"), mentions, last_person, verb["verb"])
    # a quotation inside reported speech: "X گفت که تهران این تحول را «…» بررسی می‌کند", "X آن را «…» خواند"
    reported = _REPORTED.search(before)
    if reported or _CALLED.match(after):
        verb_at = sentence_start + reported.start() if reported else quote_start
        cue = reported["verb"] if reported else "خواند"
        return _speaker(text, sentence_start, verb_at, mentions, last_person, cue)
    return None


def _speaker(text: str, clause_start: int, verb_at: int, mentions: list[Mention], last_person: str | None,
             verb: str) -> tuple[str | None, str, str]:
    clause = text[clause_start:verb_at]
    opening = clause.lstrip(" ،,")
    if _UNNAMED.match(opening):
        return None, verb, "the clause names an unnamed source, not a person"
    this_body = _THIS_BODY.match(opening)
    if this_body:
        bodies = [m for m in mentions if m.end <= clause_start and m.kind is EntityKind.ORGANISATION]
        named = next((m for m in reversed(bodies) if m.surface.startswith(this_body["noun"])), None) or (
            bodies[-1] if bodies else None)
        if named:
            return named.name, verb, f"'{this_body.group(0).strip()}' is the body named just before"
        return None, verb, "a body referred to, none named before it"
    if _PRONOUN.match(opening):
        subject = _earlier_subject(text, clause_start, mentions)
        if subject:
            return subject, verb, "'او' (he or she) refers to the person the sentence before opens with"
        if last_person:
            return last_person, verb, "'او' (he or she) refers to the last person named"
        return None, verb, "a pronoun with no person named before it"
    in_clause = [m for m in mentions if clause_start <= m.start < verb_at
                 and m.kind in (EntityKind.PERSON, EntityKind.ORGANISATION)
                 and not _NOT_SUBJECT_BEFORE.search(text, clause_start, m.start)]
    if opens_with_role(opening):
        person = next((m for m in in_clause if m.kind is EntityKind.PERSON), None)
        if person:
            return person.name, verb, "the person holding the role the clause opens with"
    if in_clause:
        return in_clause[0].name, verb, "named first in the clause whose verb introduces the quote"
    return None, verb, "the clause names no person or organisation before its verb"


def _earlier_subject(text: str, before: int, mentions: list[Mention]) -> str | None:
    """The person the nearest earlier sentence of the paragraph is about: the first it names, Persian's subject."""
    for start, end in reversed([bounds for bounds in sentence_spans(text) if bounds[1] <= before]):
        people = [m for m in mentions if start <= m.start < end and m.kind is EntityKind.PERSON
                  and not _NOT_SUBJECT_BEFORE.search(text, start, m.start)]
        if people:
            return people[0].name
    return None
