"""People, organisations and places in an article's paragraphs.

Three sources of names, in order of trust: the curator's registry (found wherever written,
even where the model misses them), rules for the small model's known misses ("France's
foreign ministry", an acronym in brackets, an organisation cut before "of Canada"),
and the model itself for names nobody has registered yet. Where two overlap, the longer
span wins ("European Court of Justice" over "European Court"), and the registry wins a tie.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cached_property

import ahocorasick

from generator.extract.name_context import (
    ACRONYM_AFTER,
    CAPITALISED_BEFORE,
    COMPANY_SUFFIX,
    DATELINE,
    EDGE_MARKS,
    FOREIGN_AND,
    INITIALS_END,
    LEADING_ARTICLE,
    MODEL_KINDS,
    PARTNER_BEFORE,
    PLACE_HEADS,
    POSSESSIVE,
    PRODUCT_NOUNS,
    QUOTES,
    ROLE_NOUNS,
    STATE,
    TITLE_AFTER,
    TRAILING_SMALL_WORD,
    apposition_role,
    company_cue,
    group_possessive_end,
    is_title_word,
    official_name_end,
    person_cue,
    plausible_name,
    starts_sentence,
    title_before,
    whole_person,
    with_particles,
)
from generator.extract.name_rules import (
    Span,
    acronym_spans,
    dateline_places,
    full_names_of_surnames,
    full_names_pattern,
    person_at_the_end,
    places_by_context,
    resolve_overlaps,
    rule_spans,
    split_at_slash,
)
from generator.extract.ner import NerSpan
from generator.extract.persian_names import persian_spans, persian_surname_spans
from generator.ingest.registry import Registry
from generator.model import Article, EntityKind, Mention, Paragraph
from generator.text.fold import fold, fold_key
from generator.text.lexicon import ORGANISATION_HEADS, is_acronym
from generator.text.sentences import cited_excerpt, sentence_spans


class RegistryMatcher:
    """Finds every registered name and alias in a text, by whole words, in one pass."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def __repr__(self) -> str:
        """What it finds, canonically (its ignore list sorted: a frozenset's order follows the hash seed), so
        that a stage given a matcher is cached under the registry it matches."""
        return f"RegistryMatcher({self.registry.entities!r}, {tuple(sorted(self.registry.ignore))!r})"

    def __eq__(self, other: object) -> bool:
        """Equal when they match the same registry (then their reprs are equal too): each build makes a new
        matcher, and the stage cache finds an article's unchanged arguments by `==` without a repr."""
        return type(other) is RegistryMatcher and other.registry == self.registry

    def __hash__(self) -> int:
        return hash(self.registry)

    @cached_property
    def _automaton(self):
        automaton = ahocorasick.Automaton()
        for entity in self.registry.entities:
            for alias in entity.names:
                key = fold_key(alias)
                if key:
                    automaton.add_word(key, (key, alias, entity))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[Span]:
        if not len(self._automaton):
            return []
        folded = fold(text)  # same length as text, so offsets carry over
        spans = []
        for end_index, (key, alias, entity) in self._automaton.iter(folded):
            start, end = end_index - len(key) + 1, end_index + 1
            if not _word_bounded(folded, start, end):
                continue
            if alias.isupper() and len(alias) <= 5 and text[start:end] != alias:
                continue  # "UN" must be written in capitals: not "un" in French or a typo
            spans.append(Span(start, end, entity.name, entity.kind, "registry"))
        return spans


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def extract_mentions(article_id: str, paragraphs: Sequence[Paragraph], ner_spans: Iterable[NerSpan],
                     matcher: RegistryMatcher, views: Sequence[str] | None = None) -> list[Mention]:
    """Every mention in the article's body, in reading order. `views` are the paragraphs as the model
    read them (`pipeline._model_views`: dateline blanked, recased when written in one case); names are
    taken from them, and each mention's surface and sentence from the article as written."""
    by_paragraph: dict[int, list[NerSpan]] = {}
    for span in ner_spans:
        by_paragraph.setdefault(span.paragraph, []).append(span)
    acronyms: dict[str, tuple[str, EntityKind]] = {}
    chosen_by_paragraph: list[tuple[Paragraph, list[Span]]] = []
    texts = views or [paragraph.text for paragraph in paragraphs]
    for index, (paragraph, text) in enumerate(zip(paragraphs, texts, strict=True)):
        candidates = matcher.find(paragraph.text) + rule_spans(text) + persian_spans(paragraph.text)
        dateline, dateline_end = dateline_places(paragraph.text) if index == 0 else ([], 0)
        candidates += dateline
        for span in by_paragraph.get(paragraph.number, []):
            if span.label not in MODEL_KINDS or span.start < dateline_end:
                continue
            cleaned = _model_span(text, span, matcher.registry)
            if cleaned:
                candidates.append(cleaned)
                acronym = ACRONYM_AFTER.match(text[cleaned.end:])
                if acronym and cleaned.kind is EntityKind.ORGANISATION:
                    acronyms[acronym[1]] = (cleaned.name, cleaned.kind)
        chosen_by_paragraph.append((paragraph, candidates))

    # a body's head noun the model took for a person ("Collective" of "… Justice Collective") is no surname
    surnames = {span.name.split()[-1] for _, candidates in chosen_by_paragraph for span in candidates
                if span.kind is EntityKind.PERSON and span.name.split()[-1].lower() not in ORGANISATION_HEADS}
    chosen_by_paragraph = [(paragraph, [part for span in candidates for part in split_at_slash(span)])
                           for paragraph, candidates in chosen_by_paragraph]
    lower_words = {word for text in texts for word in re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", text)}
    full_names = full_names_pattern({name for name in surnames if name.lower() not in lower_words})
    persian_people = {span.name for _, candidates in chosen_by_paragraph for span in candidates
                      if span.kind is EntityKind.PERSON and span.origin == "rule"}
    mentions = []
    for text, (paragraph, candidates) in zip(texts, chosen_by_paragraph, strict=True):
        candidates = [part for span in candidates for part in person_at_the_end(span, surnames)]
        candidates += full_names_of_surnames(text, full_names, lower_words)
        candidates += persian_surname_spans(paragraph.text, persian_people)
        candidates += acronym_spans(text, acronyms)
        chosen = places_by_context(paragraph.text, resolve_overlaps(candidates))
        for span in chosen:
            if matcher.registry.ignores(span.name) or matcher.registry.ignores(paragraph.text[span.start:span.end]):
                continue
            mentions.append(_mention(article_id, paragraph, span))
    return mentions


#: A name the model found somewhere in the dossier, written again where it missed it, is found there too.
ECHOED_KINDS = (EntityKind.PERSON, EntityKind.ORGANISATION)
#: ... when the dossier names it so at least this many times, and two times in three as that kind.
ECHO_MIN = 2


def echo_known_names(articles: Sequence[Article]) -> list[Article]:
    """Articles with a mention added wherever a name of two or more words that the dossier's mentions hold
    elsewhere is written again, word for word, outside any mention: the small model reads "the General
    Agreement on Tariffs and Trade" as a body in one story and as a law in the next. Not next to another
    capitalised word ("Jan Novak Street", "Great Western Financial Corp"), but after a title."""
    kinds: dict[str, Counter[EntityKind]] = defaultdict(Counter)
    for article in articles:
        for mention in article.mentions:
            if mention.origin in ("model", "rule") and " " in mention.surface and mention.surface[:1].isupper():
                kinds[mention.surface][mention.kind] += 1
    known = {surface: kind for surface, votes in kinds.items() for kind, count in votes.most_common(1)
             if kind in ECHOED_KINDS and count >= ECHO_MIN and count * 3 >= 2 * sum(votes.values())}
    if not known:
        return list(articles)
    automaton = ahocorasick.Automaton()
    for surface, kind in known.items():
        automaton.add_word(surface, (surface, kind))
    automaton.make_automaton()
    echoed = []
    for article in articles:
        taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for mention in article.mentions:
            taken[mention.paragraph].append((mention.start, mention.end))
        added = []
        for paragraph in article.paragraphs:
            text, spans = paragraph.text, taken[paragraph.number]
            for end_index, (surface, kind) in automaton.iter(text):
                start, end = end_index - len(surface) + 1, end_index + 1
                before = CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
                if not _word_bounded(text, start, end) or re.match(r" [A-Z]", text[end:end + 2]) \
                        or (before and not (kind is EntityKind.PERSON and is_title_word(before[1]))) \
                        or any(a < end and start < b for a, b in spans):
                    continue  # "Great Western Financial Corp" is no "Financial Corp"; "Secretary Jan Novak" is
                spans.append((start, end))
                added.append(_mention(article.metadata.article_id, paragraph,
                                      Span(start, end, surface, kind, "echo")))
        if added:
            mentions = sorted((*article.mentions, *added), key=lambda m: (m.paragraph, m.start))
            article = replace(article, mentions=tuple(mentions))
        echoed.append(article)
    return echoed


def model_texts(paragraphs: Sequence[Paragraph]) -> list[str]:
    """The paragraphs as the model reads them: a wire dateline blanked out, same length so offsets
    hold (the small model reads "March 2 - The International Coffee Organization" as one date)."""
    texts = [paragraph.text for paragraph in paragraphs]
    if texts and (match := DATELINE.match(texts[0])):
        texts[0] = " " * match.end() + texts[0][match.end():]
    return texts


def _model_span(text: str, span: NerSpan, registry: Registry) -> Span | None:
    """A model span trimmed of "the", quotes, a possessive and titles; None when it is no name."""
    kind = MODEL_KINDS[span.label]
    start, end = _trimmed(text, span.start, span.end)
    body_end = group_possessive_end(text, start, end)
    if body_end is not None:  # "Afghan Women" cut at "'s Justice Collective": the body's whole name
        end, kind = body_end, EntityKind.ORGANISATION
    partner = FOREIGN_AND.match(text, end)
    if partner:  # "Heldring en Pierson", "Fichtel und Sachs": partners' names joined, a firm's
        end, kind = partner.end(), EntityKind.ORGANISATION
    following = re.match(r"\s+([a-z]+)", text[end:])
    if kind is not EntityKind.PERSON and following and following[1] in PRODUCT_NOUNS:
        return None  # a product named after it, not the place or body itself
    origin = "model"
    partner = PARTNER_BEFORE.search(text, 0, start) if kind is EntityKind.PERSON else None
    if partner and company_cue(text, partner.start(), end):
        start = partner.start()  # "brokers Phillips and Drew": the model saw only "Drew"
    if kind is EntityKind.PERSON and company_cue(text, start, end):
        kind, origin = EntityKind.ORGANISATION, "rule"  # "Aubrey G. Lanston and Co", "stockbrokers Hoare Govett"
        suffix = COMPANY_SUFFIX.match(text[end:])
        end += suffix.end() if suffix else 0
    if kind is EntityKind.ORGANISATION and STATE.match(text, start):
        kind = EntityKind.PLACE  # "the then Republic of Vietnam": a state, where the model saw a body
    words_here = text[start:end].split()
    if kind is not EntityKind.PLACE and len(words_here) > 1 and words_here[-1].lower() in PLACE_HEADS:
        kind = EntityKind.PLACE  # "Shahr-e Naw Park"
    if kind is EntityKind.ORGANISATION and len(words_here) > 1 and words_here[-1].lower() == "day":
        return None  # "International Women's Day": a day, not a body
    cue_role = person_cue(text, start, end, kind)
    if cue_role is not None:  # "His lawyer, Elena Sarkis": the text says a person, whatever the model said
        if kind is not EntityKind.PERSON:
            kind, origin = EntityKind.PERSON, "rule"
        start, end = whole_person(text, start, end)
    if kind is EntityKind.ORGANISATION:
        end = official_name_end(text, start, end)
        if TITLE_AFTER.match(text[end:]) and not any(
                word.lower() in ORGANISATION_HEADS for word in text[start:end].split()):
            return None  # "U.S. Energy Secretary Herrington": the front of a title, not a body's name
    role = cue_role or None
    if kind is EntityKind.PERSON:
        start, end, role = _person_extent(text, start, end, role)
    name = " ".join(text[start:end].split())
    if name.count("(") != name.count(")"):  # "(International Monetary) Fund": the brackets are no part of it
        name = " ".join(name.replace("(", " ").replace(")", " ").split())
    if not plausible_name(name, kind):
        return None
    return Span(start, end, name, kind, origin, role)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A model span without what its edges took in: quotes, markup, "the" or an adjective before the name,
    a possessive, a dangling small word after it."""
    while start < end and (text[start] in QUOTES + EDGE_MARKS or text[start].isspace()):
        start += 1
    markup = re.search(r"[<>]|\s*\([^)]*$|\s+[-–—]\s|,\s+[A-Z]{2,6}$", text[start:end])
    if markup:  # wire markup, an unclosed bracket ("Cargill (USA"), a dash ("Reuter - Debt"), ", INRA"
        end = start + markup.start()
    dangling = re.match(r"[\w.]+-\s+(?=[A-Z])", text[start:end])
    if dangling:  # "Japan- European Community": the first half of a compound, then the name
        start += dangling.end()
    article = LEADING_ARTICLE.match(text[start:end])
    if article and (text[start].islower() or starts_sentence(text, start)):
        start += article.end()  # a capital "The" mid-sentence is part of the name: "The Wall Street Journal"
    while start < end and (text[start] in QUOTES or text[start].isspace()):
        start += 1
    while (lowered := re.match(r"[a-z][a-z]{3,}\s+(?=[A-Z])", text[start:end])):
        start += lowered.end()  # "federal Securities and Exchange Commission": an adjective before the name
    possessive = POSSESSIVE.search(text[start:end])
    if possessive:
        end = start + possessive.start()
    while end > start and (text[end - 1] in QUOTES + EDGE_MARKS + ".,;:" or text[end - 1].isspace()):
        if text[end - 1] == "." and INITIALS_END.search(text[start:end]):
            break  # "U.S.", "J.P.": the last initial keeps its dot
        end -= 1
    small_word = TRAILING_SMALL_WORD.search(text[start:end])
    if small_word:  # "Group of" cut before "Five": not a name as it stands
        end = start + small_word.start()
    return start, end


def _person_extent(text: str, start: int, end: int, role: str | None) -> tuple[int, int, str | None]:
    """A person's name with its particles, without the titles or initials before it (a title with a role
    noun is the role) or the country after it ("Manaspas Xuto of Thailand")."""
    start, end = with_particles(text, start, end)
    words = text[start:end].split(" ")
    leading = 0
    while leading < len(words) - 1 and is_title_word(words[leading]):
        leading += 1
    while leading < len(words) - 2 and is_acronym(words[leading]):
        leading += 1  # "GATT Michael Samuels": the body's initials, then the person
    if leading:
        title = " ".join(words[:leading])
        role = title if any(w.lower().rstrip(".") in ROLE_NOUNS for w in words[:leading]) else None
        start += len(title) + 1
    country = re.search(r" of (?:the )?[A-Z]", text[start:end])
    if country and len(text[start:start + country.start()].split()) >= 2:
        end = start + country.start()  # "Manaspas Xuto of Thailand": the person, not where he is from
    return start, end, role


def _mention(article_id: str, paragraph: Paragraph, span: Span) -> Mention:
    text = paragraph.text
    sentence_start, sentence_end = _sentence_at(text, span.start)
    sentence, sentence_start = cited_excerpt(text, sentence_start, sentence_end, span.start, span.end)
    role = span.role
    if span.kind is EntityKind.PERSON:
        role = role or title_before(text, span.start) or apposition_role(text, span.end)
    return Mention(article_id=article_id, paragraph=paragraph.number, start=span.start, end=span.end,
                   surface=text[span.start:span.end], name=span.name, kind=span.kind, origin=span.origin,
                   sentence=sentence, sentence_start=sentence_start, role=role)


def _sentence_at(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `offset`; the whole paragraph if none does."""
    spans = sentence_spans(text)
    index = bisect_right(spans, (offset, len(text) + 1)) - 1
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return spans[index]
    return 0, len(text)

