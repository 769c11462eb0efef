"""What the words around a name say of it: a role or title before or after ("His lawyer, X", "X, 23,",
"Finance Minister X"), a surname's particles, where an official name ends, and the word lists behind them.
Read by `entities` to decide a name's kind and its whole extent."""

from __future__ import annotations

import re

from generator.model import EntityKind
from generator.text.fold import fold_key
from generator.text.lexicon import DAY, GROUP_NOUNS, MONTH, NAME_PARTICLES, ORGANISATION_HEADS, word_list

MODEL_KINDS = {"PERSON": EntityKind.PERSON, "ORG": EntityKind.ORGANISATION,
               "GPE": EntityKind.PLACE, "LOC": EntityKind.PLACE}

HONORIFICS = word_list("honorifics")
ROLE_NOUNS = word_list("role_nouns")
TITLE_MODIFIERS = word_list("title_modifiers")
#: "Shahr-e Naw Park", "Peace Palace": a place people go to, whatever the model called it.
PLACE_HEADS = word_list("place_heads")
#: "Mission" goes on "in Iraq" in a body's official name.
BODIES_NAMED_WITH_A_PLACE = word_list("bodies_named_with_a_place")
NOT_MODIFIERS = frozenset(
    "meanwhile however but and also then despite after before when while in on at by with for from as the "
    "a an this that yesterday today others among".split())
#: Capitalised words that open a sentence and are no given name: "Later Amiri said" is no "Later Amiri".
NOT_NAME_WORDS = word_list("not_name_words")

QUOTES = "\"'“”‘’«»"
#: Around a name but never part of it: dashes, and the angle brackets of wire-service markup
#: ("<Baker Hughes Inc>", a ticker "<DMP>").
EDGE_MARKS = "-–—<>*"
INITIALS_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")
TRAILING_SMALL_WORD = re.compile(r"(?:\s+(?:of|and|the|for|de|&|en|et|und))+$")
FOREIGN_AND = re.compile(r" (?:en|et|und) [A-Z][\w'’-]*")
#: Units of money and economic measures, which the small model takes for names ("N.Z. Dlrs").
MONEY_AND_MEASURES = frozenset(
    "dlr dlrs dollar dollars pct mln bln stg cts lire gdp gnp".split())
MEASURE_PHRASES = ("gross domestic product", "gross national product", "current account", "trade deficit",
                    "trade surplus", "consumer price index", "money supply", "currency unit", "drawing rights",
                    "depositary shares", "depositary receipts")
#: The last word of names of documents, laws, schemes and negotiating rounds: texts, not actors.
#: ("Programme" is not one: the World Food Programme is a body.)
DOCUMENT_NOUNS = frozenset("agreement accord treaty charter protocol convention act bill resolution declaration "
                           "plan schedule round".split())
SQUEEZED_DOCUMENT_NOUNS = frozenset(re.sub(r"(.)\1+", r"\1", noun) for noun in DOCUMENT_NOUNS)
#: Nouns after a name that make it a product's ("an unmanned Delta rocket", "Santana brand shoes").
PRODUCT_NOUNS = frozenset("brand brands rocket rockets car cars model shoes computer computers software jet jets "
                          "satellite".split())
#: Financial instruments the model takes for names ("U.S. Treasuries", "Depositary Shares").
INSTRUMENTS = frozenset("shares bonds debentures treasuries eurobonds warrants".split())
CREDIT_RATING = re.compile(r"^(?:AAA|AA|A|BBB|BB|B|CCC|Aaa|Aa|Baa|Ba|Caa)[+-]?[123]?$")
ADJECTIVE_PREFIX = re.compile(r"^(?:non|anti|pro|ex|pre|post)-", re.IGNORECASE)
LEADING_ARTICLE = re.compile(r"^(?:the|The|an?|An|A)\s+")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
OF_EXTENSION = re.compile(r"^ of (?:the )?[A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*)*")
ACRONYM_AFTER = re.compile(r"^ \(\s*([A-Z][A-Z&]{1,9})\s*\)")
COMPANY_SUFFIX = re.compile(r"^(?: \([A-Z][\w ]{1,30}\))?(?: and| &)? (?:Co|Cos|Corp|Inc|Ltd|Plc|plc|AG|SA|NV|N\.V|LP|L\.P|GmbH|SpA)\b")
#: A company suffix alone ("Merrill Lynch and Co" read as "Merrill Lynch" and "Co") names no one.
BARE_SUFFIXES = frozenset("co cos corp inc ltd plc ag nv gmbh".split())
#: Words that make a name a firm's, not a person's, and nouns that introduce a firm's name.
COMPANY_WORDS = frozenset("securities holdings group partners associates brothers bank capital investors "
                          "industries international corporation company".split())
COMPANY_NOUNS = frozenset("company companies firm firms group brokers stockbrokers broker brokerage bank banks insurer "
                          "maker makers producer manufacturer conglomerate airline retailer house".split())
#: Nouns after a name that only a firm's name takes ("the Jardine group"; "Reagan spokesman" is no cue).
FIRM_NOUNS_AFTER = frozenset("group subsidiary subsidiaries unit units chairman shareholders shares "
                              "stock".split())
PARTNER_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+ (?:and|&) $")
STATE = re.compile(r"(?:(?:Federal|People['’]s|Islamic|Democratic|Socialist|Arab) )*(?:Republic|Kingdom|"
                    r"Sultanate|Emirate|Principality|Grand Duchy) of [A-Z]")
LIST_OPENING = re.compile(r"\s+(?:such as|including|like)$")
TITLE_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+\s+)?(?:Secretary|Minister|Adviser|Advisor|Spokesman|Spokeswoman|"
                          r"Undersecretary|Commissioner|Director|Chief|Chairman|Envoy|Ambassador)\s+[A-Z]")
DATELINE = re.compile(
    rf"^(?P<places>[A-Z][A-Z.'’ -]*[A-Z.](?:, [A-Z][A-Za-z.'’ -]*[A-Za-z.])*?)"
    rf"(?:, (?i:{MONTH}) {DAY}(?:\s*\([A-Za-z ]+\))?|\s*\([A-Za-z ]+\))\s*[-–—]\s")
MINISTRY = re.compile(
    r"\b(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s (?P<which>(?i:foreign|defen[cs]e|interior|finance|justice|"
    r"health|education|economy|information|home|trade|culture|agriculture|energy)) (?i:ministry)\b")


ROLE_WORDS = "|".join(sorted(map(re.escape, ROLE_NOUNS), key=len, reverse=True))
#: "His lawyer, ", "The AWJC's director, ", "the EU's special envoy for Sudan, ", "the UN special
#: rapporteur on the situation of human rights in Sudan, ": a role, then the name in apposition.
ROLE_BEFORE = re.compile(
    rf"(?:^|[\s(“\"])(?:his|her|their|its|our|my|the|a|an|[\w.&-]+['’]s?)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?P<role>{ROLE_WORDS})(?:\s+(?:for|of|to|at|in|on)\s+[\w'’.-]+(?:\s+[\w'’.-]+){{0,7}})?"
    rf",\s+$", re.IGNORECASE)
#: After a name: ", a lecturer at …", ", the group's spokeswoman", ", 34,", ", who …".
APPOSITION_AFTER = re.compile(
    r",\s+(?:(?:a|an|the|his|her|their|its|[A-Z][\w.&-]*['’]s?)\s+(?P<words>[^,.;:“”\"()]{2,120})"
    r"|(?P<age>\d{1,3}),|(?P<who>who)\s)")
#: Where an apposition's head noun phrase ends: "lecturer" of "lecturer at Leiden University".
HEAD_END = re.compile(r"\s(?:of|at|for|in|on|who|whose|which|that|with|from|to|and|since|until|over|based)\s")
PARTICLE = "|".join(re.escape(particle) for particle in sorted(NAME_PARTICLES, key=len, reverse=True))
PARTICLE_AFTER = re.compile(rf" (?:{PARTICLE}) [A-Z][\w'’-]+")
PARTICLE_END = re.compile(rf" (?:{PARTICLE})$")
PARTICLE_BEFORE = re.compile(rf"[A-Z][\w'’-]+ (?:{PARTICLE}) $")
CAPITALISED_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"]))([A-Z][a-z][\w'’-]*) $")


GIVEN = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
#: "Afghan Media Freedom Watch, a monitoring group based in Paris": capitalised words, then a body's noun
#: in apposition (a name the model can miss whole).
BODY_IN_APPOSITION = re.compile(
    r"(?<![\w'’-])(?<![A-Z][\w'’-] )(?P<name>[A-Z][\w'’-]+(?: (?:of |for |and |the )?[A-Z][\w'’-]+){1,6}),"
    r" (?:a|an) (?:[a-z-]+ ){0,3}(?:group|organisation|organization|network|agency|coalition|movement|association|"
    r"charity|foundation|watchdog|alliance|union|committee|council|institute|centre|center|campaign)\b")
#: "Finance Minister Barend du Plessis told": a capitalised role noun, then two names (particles between).
TITLED_NAME = re.compile(
    rf"(?<![\w'’-])(?P<title>(?:[A-Z][a-z]+ )?(?:{'|'.join(word.capitalize() for word in sorted(ROLE_NOUNS))}))"
    rf" (?P<name>{GIVEN}(?: {GIVEN})?(?: (?:{'|'.join(sorted(NAME_PARTICLES, key=len, reverse=True))}))? "
    rf"[A-Z](?:[a-z][\w-]*|['’][A-Z][\w-]+))(?![\w-]| [A-Z])")
NAME_WORDS = r"(?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
FOR_EXTENSION = re.compile(rf" for {NAME_WORDS}")
IN_EXTENSION = re.compile(rf" in {NAME_WORDS}")
#: "… of Virtue" + " and the Prevention of Vice": a second part of the same shape.
AND_PART = re.compile(rf" and {NAME_WORDS} (?:of|for) {NAME_WORDS}")


def official_name_end(text: str, start: int, end: int) -> int:
    """Where a body's official name ends that the model cut before a small word: "Ministry" + " for
    the Propagation of Virtue" + " and the Prevention of Vice", "Assistance Mission" + " in
    Iraq", "Bank" + " of Canada"."""
    while True:
        last = text[start:end].split()[-1].lower().strip("'’")
        extension = OF_EXTENSION.match(text[end:])
        if not extension and last in ORGANISATION_HEADS:
            extension = FOR_EXTENSION.match(text, end)
        if not extension and (last in BODIES_NAMED_WITH_A_PLACE or initials_go_on(text, start, end)):
            extension = IN_EXTENSION.match(text, end)
        if not extension and re.search(r" (?:of|for) ", text[start:end]):
            extension = AND_PART.match(text, end)
        if not extension:
            return end
        end = extension.end() if extension.re is not OF_EXTENSION else end + extension.end()


def initials_go_on(text: str, start: int, end: int) -> bool:
    """"Centre for Human Rights and Democracy" + " in Sudan (CHRDS)": the acronym in brackets after
    the place ends with the place's initial, so the place is part of the name."""
    extension = IN_EXTENSION.match(text, end)
    acronym = extension and ACRONYM_AFTER.match(text[extension.end():])
    if not acronym:
        return False
    words = [word for word in text[start:extension.end()].split() if word[:1].isupper()]
    return acronym[1][0] == words[0][0] and acronym[1][-1] == words[-1][0] and len(acronym[1]) <= len(words)


def person_cue(text: str, start: int, end: int, kind: EntityKind) -> str | None:
    """The role (or "" when the cue names none) by which the text says that a name is a person's: a role in apposition before it ("His lawyer, X") or after it ("X, a
    lecturer at …", "X, 34,", "X, who …"), or a title just before it ("lawyer X", "Dr X"). A name with
    a body's head noun in it is never one. (A surname particle is no cue: "Cie Financiere de Paribas".)"""
    name = text[start:end]
    words = name.split()
    if any(word.lower().strip(".,'’") in ORGANISATION_HEADS or word.lower() in COMPANY_WORDS for word in words) \
            or name.isupper() or not all(word[:1].isupper() or word in NAME_PARTICLES for word in words):
        return None
    before = text[max(0, start - 120):start]
    role = ROLE_BEFORE.search(before)
    if role and not re.match(r"\w|\s+[A-Z]", text[end:end + 2]):  # not "an adviser, New York Fed President X"
        return role["role"].lower()
    after = APPOSITION_AFTER.match(text, end)
    if after and (after["age"] or (after["who"] and kind is EntityKind.ORGANISATION)):
        return ""
    role = apposition_role(text, end, head_only=True)
    if role:
        return role
    if kind is not EntityKind.ORGANISATION:
        return None  # "OPEC member Kuwait": a place after a role noun is still a place
    title = re.search(r"([A-Za-z][\w-]*)\.? $", before)
    if title and (title[1].lower() in HONORIFICS or (title[1].lower() in ROLE_NOUNS and len(words) > 1)):
        return title[1].lower() if title[1].lower() in ROLE_NOUNS else ""
    return None


def whole_person(text: str, start: int, end: int) -> tuple[int, int]:
    """A person's name the model cut to its surname ("Amiri" of "Jawid Amiri"): the one capitalised
    word before it that is no function word, title or calendar word joins it."""
    if " " in text[start:end].strip():
        return start, end
    before = CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if before and not never_a_given_name(before[1]):
        return before.start(1), end
    return start, end


def with_particles(text: str, start: int, end: int) -> tuple[int, int]:
    """"Pieter van der" + "Berg", "Marie" + "du Pont": a surname's particle and the rest keep the name whole."""
    after = PARTICLE_AFTER.match(text, end)
    if after:
        end = after.end()
    elif PARTICLE_END.search(text, start, end) and (surname := re.match(r" [A-Z][\w'’-]+", text[end:])):
        end += surname.end()  # "Pieter van der" + " Berg"
    before = PARTICLE_BEFORE.search(text, max(0, start - 40), start)
    if before:
        start = before.start()
    return start, end


AFTER_POSSESSIVE = re.compile(r"['’]s?((?: [A-Z][\w-]*){1,6})")
CAPITALISED_WORD = re.compile(r" ([A-Z][\w-]*)")


def group_possessive_end(text: str, start: int, end: int) -> int | None:
    """Where a body's name ends that the model cut at a plural possessive: "Afghan Women" + "'s Justice
    Collective", "Teachers" + "' Union" (a group noun, then capitalised words up to a body's head noun)."""
    words = text[start:end].split()
    if not words or words[-1].lower() not in GROUP_NOUNS:
        return None
    after = AFTER_POSSESSIVE.match(text, end)
    if not after:
        return None
    heads = [word.end(1) for word in CAPITALISED_WORD.finditer(text, after.start(1), after.end(1))
             if word.group(1).lower() in ORGANISATION_HEADS]
    return heads[-1] if heads else None


def company_cue(text: str, start: int, end: int) -> bool:
    """A "person" that is a firm: a company suffix or its own acronym after it ("Archer Daniels
    Midland (ADM)"), a company word in it, a company noun just before it ("stockbrokers", "companies
    such as") or a firm's noun just after it ("the Jardine group")."""
    if COMPANY_SUFFIX.match(text[end:]) or ACRONYM_AFTER.match(text[end:]):
        return True
    if any(word.lower() in COMPANY_WORDS for word in text[start:end].split()):
        return True
    after = re.match(r"\s+([a-z]+)", text[end:])
    if after and after[1] in FIRM_NOUNS_AFTER:  # "the Jardine group", "Jardine chairman Simon Keswick"
        return True
    before = LIST_OPENING.sub("", text[:start].rstrip()).rsplit(" ", 1)[-1]
    return before.lower() in COMPANY_NOUNS


def starts_sentence(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(" " + QUOTES)
    return not before or before[-1] in ".!?:;"


def is_title_word(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    return lowered in HONORIFICS or lowered in ROLE_NOUNS or lowered in TITLE_MODIFIERS


def never_a_given_name(word: str) -> bool:
    """A capitalised word before a surname that is no given name: a title, a function or calendar word."""
    return is_title_word(word) or word.lower() in NOT_MODIFIERS or word.lower() in NOT_NAME_WORDS


def plausible_name(name: str, kind: EntityKind) -> bool:
    if len(name) < 2 or not any(char.isupper() for char in name):
        return False
    folded = fold_key(name)
    if any(word.strip(".") in MONEY_AND_MEASURES or word in INSTRUMENTS for word in folded.split()) \
            or any(phrase in folded for phrase in MEASURE_PHRASES):
        return False
    if CREDIT_RATING.match(name) or ADJECTIVE_PREFIX.match(name):  # "rated AAA", "non-OPEC countries"
        return False
    if all(word in BARE_SUFFIXES or word in ("and", "&") for word in folded.replace(".", "").split()):
        return False  # "Co", "Co Inc"
    # a letter typed twice over does not hide the noun: wire copy has "Agreeement"
    last_word = re.sub(r"(.)\1+", r"\1", folded.split()[-1])
    if kind is not EntityKind.PERSON and last_word in SQUEEZED_DOCUMENT_NOUNS and not name.split()[-1].isupper():
        return False  # "International Tin Agreement", "the Uruguay Round": a text or a negotiation, no actor
    if kind is EntityKind.PERSON and (any(char.isdigit() for char in name) or "/" in name):
        return False
    return any(char.isalpha() for char in name)


def title_before(text: str, start: int) -> str | None:
    """"White House spokesman Marlin Fitzwater" -> "White House spokesman"."""
    words = text[:start].rstrip().split(" ")
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(QUOTES)
        if not bare or bare != word.rstrip() or bare[-1] in ",;:.()":
            break
        lowered = bare.lower()
        if is_title_word(bare):
            taken.append(bare)
        elif bare[0].isupper() and lowered not in NOT_MODIFIERS and taken:
            taken.append(bare)
        else:
            break
    taken.reverse()
    if not any(word.lower() in ROLE_NOUNS for word in taken):
        return None
    return " ".join(taken)


def apposition_role(text: str, end: int, head_only: bool = False) -> str | None:
    """"Paul Volcker, a former Federal Reserve chairman who …" -> the role: the apposition's words up
    to its last role noun, before any "of", "at", "who" … (with `head_only`, only when a role noun ends them:
    "a lecturer at …" but not "a member of the lecturers' union")."""
    match = APPOSITION_AFTER.match(text, end)
    if not match or not match["words"]:
        return None
    head = HEAD_END.split(f" {match['words']} ", maxsplit=1)[0].split()[:10]
    role_at = [i for i, word in enumerate(head) if word.lower().strip("'’") in ROLE_NOUNS]
    if not role_at or (head_only and role_at[-1] != len(head) - 1):
        return None
    return " ".join(head[:role_at[-1] + 1])
