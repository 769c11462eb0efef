"""Direct quotations and who said them.

A quote's speaker is the subject of the speech verb that introduces it ("X said “…”",
"“…,” said X", "X described it as “…”", "according to X, “…”"). The subject must stand
right before its verb — auxiliaries, adverbs and an apposition in commas aside — and be a
named entity, a pronoun or a definite noun ("the group", "the coalition", "the
statement") that resolves to the last speaker or to the organisation so named. A
sentence that is only a quote continues the previous speaker. Anything else stays
unattributed: a wrong speaker is worse than none. Quote marks that do not pair up are
left alone; a quoted span that is just a name ("the “Coordination Association”") is a
name, not a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from generator.extract.name_context import apposition_role
from generator.extract.persian_quotes import persian_attribution
from generator.extract.quote_marks import (
    PARTIAL_QUOTE_WORDS,
    SCARE_QUOTE_MAX_WORDS,
    QuoteSpan,
    merged_spans,
    quote_spans,
)
from generator.extract.speakers import PRONOUNS, Speakers
from generator.model import EntityKind, Mention, Paragraph, Quote
from generator.text.scripts import ARABIC_SCRIPT
from generator.text.sentences import sentence_spans

SPEECH_VERBS = (
    "say|says|said|saying|state|states|stated|stating|stress|stresses|stressed|stressing|emphasi[sz]e|emphasi[sz]es|"
    "emphasi[sz]ed|emphasi[sz]ing|describe|describes|described|describing|refer|refers|referred|referring|note|notes|"
    "noted|noting|warn|warns|warned|warning|write|writes|wrote|writing|ask|asks|asked|asking|call|calls|called|"
    "calling|cite|cites|cited|citing|condemn|condemns|condemned|condemning|decry|decries|decried|decrying|add|adds|"
    "added|adding|tell|tells|told|telling|insist|insists|insisted|insisting|claim|claims|claimed|claiming|argue|"
    "argues|argued|arguing|declare|declares|declared|declaring|announce|announces|announced|announcing|urge|urges|"
    "urged|urging|read|reads|accuse|accuses|accused|accusing|demand|demands|demanded|demanding|reply|replies|"
    "replied|respond|responds|responded|comment|comments|commented|explain|explains|explained|explaining|term|"
    "termed|dub|dubbed|label|labelled|labeled|welcome|welcomed|critici[sz]e|critici[sz]ed|issue|issues|issued|"
    "issuing|tweet|tweeted|post|posted|quote|quoted|promise|promised|vow|vowed|pledge|pledged|suggest|suggested|"
    "conclude|concluded|recall|recalled|acknowledge|acknowledged|admit|admitted|deny|denied|observe|observed"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|also|further|then|even|later|again|once|previously|repeatedly|publicly|reportedly|"
    r"recently|separately|would|will|did|does|do|was|were|is|are|been|being|not|strongly|went on to|go on to|"
    r"goes on to|continued to|continues to|has also|had also|in a statement|on x|on twitter))+\s*$",
    re.IGNORECASE)
_APPOSITION = re.compile(r",[^,;“”\"]{2,140},\s*$")
_GROUP_NOUN = re.compile(r"(?:^|\s)(?:the|its|their|this|that)\s+(?P<noun>[a-z]+)\s*$", re.IGNORECASE)
#: "the 23-year-old", "the lawyer": a person the article described so before.
_DESCRIPTION = re.compile(r"(?:^|\s)(?:the|his|her|their)\s+(?P<what>\d{1,3}-year-old|[a-z-]+)$", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"\baccording to\s+$", re.IGNORECASE)
_POST_SUBJECT_VERB = re.compile(
    rf"^\s*[,.?!:;—–-]?\s*(?P<subject>[^,.;:“”\"?!]{{1,90}}?)\s+(?P<verb>{SPEECH_VERBS})\b", re.IGNORECASE)
_POST_VERB_SUBJECT = re.compile(r"^\s*[,.?!:;—–-]?\s*(?P<verb>said|says|added|asked|wrote|stated|noted|told)\s+"
                                r"(?P<subject>[^,.;:“”\"?!]{1,90})", re.IGNORECASE)
#: A person named as the subject of a speech verb outside any quote ("Zarifa Haidari, a lawyer ..., said her
#: clients ..."): the "she" of a quote after it is that person, even with no quote of hers before.
_REPORTS = re.compile(rf"(?:,[^,;“”\"]{{2,140}},|,)?(?:\s+(?:has|had|also|later|then|again|previously|reportedly|"
                      rf"publicly|further))*\s+(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_BRACKETED_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\)$")
#: Before a name in commas: the comma, and titles at most ("…, Mawlawi Abdul Latif Hamdard, said").
_TITLES_AFTER_COMMA = re.compile(r",(?:\s+(?:[A-Z][a-z]*\.?))*\s*$")
#: "said Brian Taylor of Wells Fargo in Minneapolis": the speaker is the name before "of", "in" ...
_SUBJECT_HEAD = re.compile(r"\s+(?:of|in|at|from|for|with|who|whose|which|and)\s+")
#: A sentence that only attributes the quote before it: "Mr Kashyap's lawyer Mihir Desai said."
_ATTRIBUTION_ONLY = re.compile(r"\s*(?:[^,.;:“”\"?!]{1,90}?\s+(?:said|says|added|asked|wrote|explained)|"
                               r"(?:said|says|added|asked)\s+[^,.;:“”\"?!]{1,90}?)\s*\.\s*$", re.IGNORECASE)
#: A body in reported speech: "In a statement, the Front said it would …" (not "the protest the Front has
#: called for": a body "calls for" a protest, it does not speak there).
_BODY_REPORTS = re.compile(r"(?:\s+\([A-Z][A-Za-z&]{1,9}\))?(?:,[^,;“”\"]{2,140},)?(?:\s+(?:has|had|also|later|then|"
                           r"again|previously))*\s+(?:said|says|stated|states|told|tells|added|announced|warned)\b")
_BY_BEFORE = re.compile(r"\b(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE)


#: How far before a quote its attribution is looked for, and how far back a subject may start: the
#: speaker stands next to the verb, so nothing further away can be it, and every quote costs the same
#: however long its paragraph (a line of 1,800 quotes must not take minutes).
ATTRIBUTION_WINDOW = 600
SUBJECT_WINDOW = 300


class _Paragraph:
    """One paragraph's quotes, sentences and names, indexed so each look-up costs log n, not n."""

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.bounds = sentence_spans(text)
        self.sentence_starts = [start for start, _ in self.bounds]
        by_start = sorted(mentions, key=lambda m: (m.start, m.end))
        self._mention_starts = [m.start for m in by_start]
        self._by_start = by_start
        self.spans = [span for span in quote_spans(text) if not self._is_a_name(span)]
        self.span_starts = [span.start for span in self.spans]
        self._quoted = merged_spans(self.spans)
        self._quoted_starts = [start for start, _ in self._quoted]
        self._quoted_ends = [end for _, end in self._quoted]
        self.outside = [m for m in by_start if not self.in_quote(m.start)]
        self.ending_at: dict[int, Mention] = {}
        for mention in self.outside:
            if mention.kind in (EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE):
                self.ending_at.setdefault(mention.end, mention)

    def in_quote(self, offset: int) -> bool:
        index = bisect_right(self._quoted_starts, offset) - 1
        return index >= 0 and offset < self._quoted_ends[index]

    def previous_quote_end(self, before: int) -> int | None:
        """The end of the last quoted stretch closing at or before `before`."""
        index = bisect_right(self._quoted_ends, before) - 1
        return self._quoted_ends[index] if index >= 0 else None

    def next_quote_start(self, after: int) -> int | None:
        index = bisect_right(self.span_starts, after)
        return self.span_starts[index] if index < len(self.span_starts) else None

    def sentence_around(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.sentence_starts, offset) - 1
        if index >= 0 and offset < self.bounds[index][1]:
            return self.bounds[index]
        return (0, self.bounds[-1][1] if self.bounds else offset)

    def sentence_before(self, offset: int) -> str:
        """The words of the sentence holding `offset` that come before it."""
        return self.text[self.sentence_around(offset)[0]:offset]

    def _is_a_name(self, span: QuoteSpan) -> bool:
        """“Friends of the Earth”: scare quotes around a name."""
        stripped = self.text[span.start:span.end].strip(" ,.")
        last = bisect_right(self._mention_starts, span.start + 1)
        for mention in self._by_start[max(0, last - 5):last]:  # a name around the quote starts right at it
            if mention.end >= span.start + len(stripped) - 1:
                return True
        words = stripped.split()
        small = {"of", "the", "for", "and", "in", "on", "to", "a", "de"}
        return (0 < len(words) <= SCARE_QUOTE_MAX_WORDS and len(words) > 1
                and all(w[:1].isupper() or w in small for w in words) and not stripped.endswith(("?", "!")))


def extract_quotes(article_id: str, paragraphs: Sequence[Paragraph], mentions: Sequence[Mention]) -> list[Quote]:
    speakers = Speakers()
    kinds = {mention.name: mention.kind for mention in mentions}
    by_paragraph: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_paragraph.setdefault(mention.paragraph, []).append(mention)
    quotes: list[Quote] = []
    for paragraph in paragraphs:
        text = paragraph.text
        indexed = _Paragraph(text, by_paragraph.get(paragraph.number, ()))
        first_here = len(quotes)
        organisations = iter(m for m in indexed.outside if m.kind is EntityKind.ORGANISATION)
        pending = next(organisations, None)
        reporters = iter(m for m in indexed.outside if (m.kind is EntityKind.PERSON and _REPORTS.match(text, m.end))
                         or (m.kind is EntityKind.ORGANISATION and _BODY_REPORTS.match(text, m.end)))
        reporter = next(reporters, None)
        people = iter(m for m in indexed.outside if m.kind is EntityKind.PERSON)
        person = next(people, None)
        for span in indexed.spans:
            while pending is not None and pending.start < span.start:
                _note_organisation(indexed, pending, speakers)
                pending = next(organisations, None)
            while person is not None and person.start < span.start:
                _note_person(indexed, person, speakers)
                person = next(people, None)
            while reporter is not None and reporter.start < span.start:
                speakers.spoke((reporter.name, reporter.kind), reported=True)
                reporter = next(reporters, None)
            sentence_start, _ = indexed.sentence_around(span.start)
            if sentence_start > 0:  # and the sentence before: "A report released by the CHRDA … “…,” the report said."
                sentence_start, _ = indexed.sentence_around(sentence_start - 1)
            speakers.in_sentence = next((m.name for m in reversed(indexed.outside)
                                         if m.kind is EntityKind.ORGANISATION and sentence_start <= m.start < span.start
                                         and _BY_BEFORE.search(text, max(0, m.start - 12), m.start)), None)
            speaker, cue, how = _attribute(indexed, span, speakers)
            if speaker:
                speakers.spoke((speaker, kinds.get(speaker, EntityKind.ORGANISATION)), reported=False)
            context_start, context_end = indexed.sentence_around(span.start)
            partial = len(text[span.start:span.end].split()) < PARTIAL_QUOTE_WORDS \
                and context_end - context_start > span.end - span.start + 2
            quotes.append(Quote(article_id, paragraph.number, span.start, span.end,
                                text[span.start:span.end], speaker, cue, how,
                                context=text[context_start:context_end] if partial else "",
                                context_start=context_start if partial else 0))
        while pending is not None:
            _note_organisation(indexed, pending, speakers)
            pending = next(organisations, None)
        quotes[first_here:] = _one_per_quotation(indexed, quotes[first_here:])
        subject_before = speakers.subject
        while person is not None:
            _note_person(indexed, person, speakers)
            person = next(people, None)
        after_the_quotes = [reporter, *reporters] if reporter is not None else []
        if after_the_quotes:  # the paragraph's last words of reported speech: the next "she said" is hers
            speakers.spoke((after_the_quotes[-1].name, after_the_quotes[-1].kind), reported=True)
        elif speakers.subject == subject_before and not any(m.kind is EntityKind.PERSON for m in indexed.outside) \
                and not indexed.spans:
            speakers.subject = None  # a paragraph about no one in between: the subject is too far back
    return quotes


#: Between two parts of one quotation in one sentence: its attribution, in commas ("“We will not stop,”
#: she said, “until they are free.”"). Not a second quotation a verb of its own brings in: "was “…”,
#: describing the decision as “courageous”", "“regrettable”, adding: “…”".
_BETWEEN_PARTS = re.compile(rf"^\s*,?\s*(?:[^“”\".!?,;:]{{1,80}}?\s+)?(?:{SPEECH_VERBS})\b(?<!ing)"
                            rf"[^“”\".!?,;:]{{0,80}}[,:]\s*$", re.IGNORECASE)


_AGE_AFTER = re.compile(r",\s+(\d{1,3}),")
#: Before a person's name at the opening of a sentence: a title, or a quote mark.
_SENTENCE_OPENING = re.compile(r"^[\s“\"‘']*(?:(?:[A-Z][a-z]*\.?)\s+){0,3}$")


def _note_organisation(paragraph: _Paragraph, mention: Mention, speakers: Speakers) -> None:
    """An organisation named outside a quote; the issuer of what follows when its name opens the sentence."""
    speakers.named(mention.name)
    if _SENTENCE_OPENING.match(paragraph.sentence_before(mention.start)):
        speakers.issuer = mention.name


def _note_person(paragraph: _Paragraph, mention: Mention, speakers: Speakers) -> None:
    """A person named outside a quote: remembered with their role and age ("Sara Nouri, 23,"), and as
    the subject when their name opens the sentence."""
    age = _AGE_AFTER.match(paragraph.text, mention.end)
    role = mention.role or apposition_role(paragraph.text, mention.end) or ""
    speakers.person_named(mention.name, role, int(age[1]) if age else None)
    before = paragraph.sentence_before(mention.start)
    if _SENTENCE_OPENING.match(before) or (before.endswith(", ") and "," not in before[:-2]
                                           and re.match(r" [a-z]+s?\b", paragraph.text[mention.end:])):
        speakers.subject = mention.name  # "In a short video recorded before the rally, Yousufi speaks"


def _one_per_quotation(paragraph: _Paragraph, quotes: list[Quote]) -> list[Quote]:
    """One quotation, however many parts its sentence cuts it in: the parts after the first join it."""
    merged: list[Quote] = []
    for quote in quotes:
        if merged:
            last = merged[-1]
            last_end = last.segments[-1][1] if last.segments else last.end
            gap = paragraph.text[last_end:quote.start].strip("“”\"")
            same_sentence = paragraph.sentence_around(last.start) == paragraph.sentence_around(quote.start)
            same_speaker = quote.speaker is None or last.speaker is None or quote.speaker == last.speaker
            if same_sentence and same_speaker and _BETWEEN_PARTS.match(gap):
                merged[-1] = replace(last, text=f"{last.text.rstrip(' ,;:—–-')} … {quote.text.strip()}",
                                     segments=(*last.segments, (quote.start, quote.end)),
                                     speaker=last.speaker or quote.speaker, cue=last.cue or quote.cue,
                                     how=last.how if last.speaker else quote.how)
                continue
        merged.append(quote)
    return merged


def _attribute(paragraph: _Paragraph, span: QuoteSpan, speakers: Speakers) -> tuple[str | None, str, str]:
    text = paragraph.text
    sentence_start, _ = paragraph.sentence_around(span.start)
    _, sentence_end = paragraph.sentence_around(max(span.start, span.end - 1))
    if ARABIC_SCRIPT.search(text, max(0, span.start - 1), span.end + 1):
        pronoun = speakers.pronoun("he")
        persian = persian_attribution(text, (sentence_start, sentence_end), (span.start, span.end), paragraph.outside,
                                      pronoun[0] if pronoun else None)
        if persian is not None:
            return persian
    window_start = max(sentence_start, span.start - ATTRIBUTION_WINDOW)
    previous = paragraph.previous_quote_end(span.start - 1)
    previous_end = previous + 1 if previous is not None and previous >= sentence_start else None
    before = text[window_start:span.start - 1]
    next_start = paragraph.next_quote_start(span.end)
    after_end = min(sentence_end, span.end + 1 + ATTRIBUTION_WINDOW,
                    next_start - 1 if next_start is not None else sentence_end)
    after = text[span.end + 1:after_end]

    # "“…,” the coalition asked." / "“…,” said Fitzwater." / "“…?” Mr Kashyap's lawyer Mihir Desai said."
    # (a sentence of its own after a quote that ends in "?" or "!")
    after_start = span.end + 1
    if not after.strip(" ”\"") and sentence_end < len(text) and not before.strip(" “”\"—–-"):
        next_start, next_end = paragraph.sentence_around(sentence_end + 1)
        if next_start >= sentence_end and _ATTRIBUTION_ONLY.match(text, next_start, next_end):
            after, after_start = text[next_start:next_end], next_start
    for pattern in (_POST_SUBJECT_VERB, _POST_VERB_SUBJECT):
        match = pattern.match(after)
        if match and not before.strip(" “”\"—–-"):
            start = after_start + match.start("subject")
            subject = match["subject"].rstrip()
            head = _SUBJECT_HEAD.split(subject, maxsplit=1)[0] if pattern is _POST_VERB_SUBJECT else subject
            resolved = _subject(paragraph, start + len(head), speakers) or (
                _subject(paragraph, start + len(subject), speakers) if head != subject else None)
            if resolved:
                return resolved[0], match["verb"].lower(), resolved[1]
            return None, match["verb"].lower(), "the subject is not a named person or organisation"

    # "according to X, “…”"
    according = re.search(r"\baccording to\s+(?P<who>[^,“”\"]{2,80}),?\s*$", before, re.IGNORECASE)
    if according:
        end = window_start + according.end("who")
        resolved = _subject(paragraph, end, speakers)
        if resolved:
            return resolved[0], "according to", resolved[1]

    # "X said “…”", "X described it as “…”", "… , adding: “…”"
    verbs = [m for m in _VERB.finditer(text, window_start, span.start - 1) if not paragraph.in_quote(m.start())]
    if verbs:
        verb = verbs[-1]
        candidates = [verb]
        if verb.group(0).lower().endswith("ing"):
            candidates += [v for v in reversed(verbs[:-1]) if not v.group(0).lower().endswith("ing")]
        for candidate in candidates:
            resolved = _subject(paragraph, candidate.start(), speakers)
            if resolved:
                return resolved[0], candidate.group(0).lower(), resolved[1]
        return None, verb.group(0).lower(), "the subject is not a named person or organisation"

    # a sentence that is only a quote continues the previous speaker
    if not before.strip(" “”\"—–-") and not after.strip(" .,;:!?”\"—–-") and previous_end is None and speakers.last:
        return speakers.last[0], "continues the previous quote", "a quote standing alone continues the last speaker"
    return None, "", "no attribution in the sentence"


def _subject(paragraph: _Paragraph, end: int, speakers: Speakers) -> tuple[str, str] | None:
    """The named entity, pronoun or definite noun ending right before `end` (auxiliaries, apposition aside)."""
    text = paragraph.text
    head_start = max(0, end - SUBJECT_WINDOW)
    head = _AUXILIARIES.sub("", " " + text[head_start:end].rstrip())[1:]
    apposition = _APPOSITION.search(head)
    for attempt in (head, head[:apposition.start()] if apposition else None):
        if attempt is None:
            continue
        stripped = _BRACKETED_ACRONYM.sub("", attempt.rstrip(" ”\"’'"))  # "The Women's Front (AWSF) has called"
        mention = paragraph.ending_at.get(head_start + len(stripped))
        if mention is None and stripped.endswith(","):  # "The AWAN's chairwoman, Shukria Barakzai-Safi, said"
            mention = paragraph.ending_at.get(head_start + len(stripped.rstrip(", ")))
            if mention is not None and (mention.kind is not EntityKind.PERSON
                                        or not _TITLES_AFTER_COMMA.search(text[:mention.start])):
                mention = None  # not "Assad Omar, Sudan's envoy to the UN in Geneva, said": Geneva
        if mention is not None:
            return mention.name, "the subject of the speech verb"
        word = re.search(r"(\w+)$", stripped)
        if word and word.group(1).lower() in PRONOUNS:
            before_word = head_start + len(stripped) - len(word.group(1)) - 1
            if before_word < 0 or not text[before_word].isalnum():
                resolved = speakers.pronoun(word.group(1))
                if resolved:
                    return resolved
        description = _DESCRIPTION.search(stripped)
        if description:
            resolved = speakers.described(description["what"].lower())
            if resolved:
                return resolved
        group = _GROUP_NOUN.search(stripped) or re.search(
            r"(?:^|\s)(?:the|its|another)\s+(?P<noun>text|part)\s+of\s+(?:the|its)\s+\w+$", stripped, re.IGNORECASE)
        if group:
            resolved = speakers.group(group["noun"])
            if resolved:
                return resolved
    return None
