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
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import EntityKind, Mention, Paragraph, Quote
from ..sentences import sentence_spans

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
_PRONOUNS = {"he": EntityKind.PERSON, "she": EntityKind.PERSON, "it": None, "they": None, "we": None}
_GROUP_NOUN = re.compile(r"(?:^|\s)(?:the|its|their|this|that)\s+(?P<noun>[a-z]+)\s*$", re.IGNORECASE)
_DOCUMENT_NOUNS = frozenset("statement resolution text letter declaration communique communiqué report petition "
                            "release declaration part".split())
_ACCORDING_TO = re.compile(r"\baccording to\s+$", re.IGNORECASE)
_POST_SUBJECT_VERB = re.compile(
    rf"^\s*[,.?!:;—–-]?\s*(?P<subject>[^,.;:“”\"?!]{{1,90}}?)\s+(?P<verb>{SPEECH_VERBS})\b", re.IGNORECASE)
_POST_VERB_SUBJECT = re.compile(r"^\s*[,.?!:;—–-]?\s*(?P<verb>said|says|added|asked|wrote|stated|noted|told)\s+"
                                r"(?P<subject>[^,.;:“”\"?!]{1,90})", re.IGNORECASE)
_OPENING, _CLOSING = "“", "”"
SCARE_QUOTE_MAX_WORDS = 8


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offsets of the quoted words within the paragraph, marks excluded
    end: int


def quote_spans(text: str) -> list[QuoteSpan]:
    """Paired quotation marks: curly ones by direction, straight ones by alternation. Unpaired ones are left."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    straight_open: int | None = None
    for index, char in enumerate(text):
        if char == _OPENING:
            open_at = index
        elif char == _CLOSING and open_at is not None:
            spans.append(QuoteSpan(open_at + 1, index))
            open_at = None
        elif char == '"':
            if straight_open is None:
                straight_open = index
            else:
                spans.append(QuoteSpan(straight_open + 1, index))
                straight_open = None
    return sorted((span for span in spans if span.end > span.start and text[span.start:span.end].strip()),
                  key=lambda span: span.start)


class _Speakers:
    """The article's running context: who spoke last, and which organisations it has named."""

    def __init__(self) -> None:
        self.last: tuple[str, EntityKind] | None = None
        self.organisations: list[str] = []

    def pronoun(self, word: str) -> tuple[str, str] | None:
        wanted = _PRONOUNS[word.lower()]
        if self.last and (wanted is None or self.last[1] is wanted):
            return self.last[0], f"'{word}' refers to the last speaker"
        return None

    def group(self, noun: str) -> tuple[str, str] | None:
        noun = noun.lower()
        for name in reversed(self.organisations):
            if re.search(rf"\b{re.escape(noun)}", name, re.IGNORECASE):
                return name, f"'the {noun}' is the last-named organisation called so"
        if noun in _DOCUMENT_NOUNS or noun in ("group", "organisation", "organization", "body"):
            if self.last:
                return self.last[0], f"'{noun}' refers to the last speaker's"
            if self.organisations:  # statements are issued by organisations
                return self.organisations[-1], f"'{noun}' refers to the last-named organisation's"
        return None


def extract_quotes(article_id: str, paragraphs: Sequence[Paragraph], mentions: Sequence[Mention]) -> list[Quote]:
    speakers = _Speakers()
    kinds = {mention.name: mention.kind for mention in mentions}
    quotes: list[Quote] = []
    for paragraph in paragraphs:
        text = paragraph.text
        in_paragraph = [m for m in mentions if m.paragraph == paragraph.number]
        spans = [span for span in quote_spans(text) if not _is_a_name(text[span.start:span.end], in_paragraph, span)]
        outside = [m for m in in_paragraph if not any(s.start <= m.start < s.end for s in spans)]
        bounds = sentence_spans(text)
        cursor = 0
        for span in spans:
            speakers.organisations += [m.name for m in outside if cursor <= m.start < span.start
                                       and m.kind is EntityKind.ORGANISATION]
            cursor = span.start
            speaker, cue, how = _attribute(text, span, spans, bounds, outside, speakers)
            if speaker:
                speakers.last = (speaker, kinds.get(speaker, EntityKind.ORGANISATION))
            quotes.append(Quote(article_id, paragraph.number, span.start, span.end,
                                text[span.start:span.end], speaker, cue, how))
        speakers.organisations += [m.name for m in outside if m.start >= cursor and m.kind is EntityKind.ORGANISATION]
    return quotes


def _is_a_name(quoted: str, mentions: Sequence[Mention], span: QuoteSpan) -> bool:
    """“Coordination Association of Afghan Women Activists”: scare quotes around a name."""
    stripped = quoted.strip(" ,.")
    if any(m.start <= span.start + 1 and m.end >= span.start + len(stripped) - 1 for m in mentions):
        return True
    words = stripped.split()
    small = {"of", "the", "for", "and", "in", "on", "to", "a", "de"}
    return (0 < len(words) <= SCARE_QUOTE_MAX_WORDS and len(words) > 1
            and all(w[:1].isupper() or w in small for w in words) and not stripped.endswith(("?", "!")))


def _around(bounds, offset: int) -> tuple[int, int]:
    return next(((a, b) for a, b in bounds if a <= offset < b), (0, bounds[-1][1] if bounds else offset))


def _attribute(text, span, spans, bounds, mentions, speakers) -> tuple[str | None, str, str]:
    sentence_start, _ = _around(bounds, span.start)
    _, sentence_end = _around(bounds, max(span.start, span.end - 1))
    previous_end = max([s.end + 1 for s in spans if s.end <= span.start and s.end >= sentence_start], default=None)
    before = text[sentence_start:span.start - 1]
    after_end = min([s.start - 1 for s in spans if s.start > span.end] + [sentence_end])
    after = text[span.end + 1:after_end]

    # "“…,” the coalition asked." / "“…,” said Peskov."
    for pattern in (_POST_SUBJECT_VERB, _POST_VERB_SUBJECT):
        match = pattern.match(after)
        if match and not before.strip(" “”\"—–-"):
            start = span.end + 1 + match.start("subject")
            resolved = _subject(text, start + len(match["subject"].rstrip()), mentions, speakers,
                                phrase=match["subject"].strip())
            if resolved:
                return resolved[0], match["verb"].lower(), resolved[1]
            return None, match["verb"].lower(), "the subject is not a named person or organisation"

    # "according to X, “…”"
    according = re.search(r"\baccording to\s+(?P<who>[^,“”\"]{2,80}),?\s*$", before, re.IGNORECASE)
    if according:
        end = sentence_start + according.end("who")
        resolved = _subject(text, end, mentions, speakers, phrase=according["who"])
        if resolved:
            return resolved[0], "according to", resolved[1]

    # "X said “…”", "X described it as “…”", "… , adding: “…”"
    verbs = [m for m in _VERB.finditer(text, sentence_start, span.start - 1)
             if not any(s.start <= m.start() < s.end for s in spans)]
    if verbs:
        verb = verbs[-1]
        candidates = [verb]
        if verb.group(0).lower().endswith("ing"):
            candidates += [v for v in reversed(verbs[:-1]) if not v.group(0).lower().endswith("ing")]
        for candidate in candidates:
            resolved = _subject(text, candidate.start(), mentions, speakers)
            if resolved:
                return resolved[0], candidate.group(0).lower(), resolved[1]
        return None, verb.group(0).lower(), "the subject is not a named person or organisation"

    # a sentence that is only a quote continues the previous speaker
    if not before.strip(" “”\"—–-") and not after.strip(" .,;:!?”\"—–-") and previous_end is None and speakers.last:
        return speakers.last[0], "continues the previous quote", "a quote standing alone continues the last speaker"
    return None, "", "no attribution in the sentence"


def _subject(text: str, end: int, mentions, speakers, phrase: str | None = None) -> tuple[str, str] | None:
    """The named entity, pronoun or definite noun ending right before `end` (auxiliaries, apposition aside)."""
    head = _AUXILIARIES.sub("", " " + text[:end].rstrip())[1:]
    apposition = _APPOSITION.search(head)
    for attempt in (head, head[:apposition.start()] if apposition else None):
        if attempt is None:
            continue
        stripped = attempt.rstrip(" ”\"’'")
        for mention in sorted(mentions, key=lambda m: -m.end):
            if mention.end == len(stripped) and mention.kind in (EntityKind.PERSON, EntityKind.ORGANISATION,
                                                                  EntityKind.PLACE):
                return mention.name, "the subject of the speech verb"
        word = re.search(r"(\w+)$", stripped)
        if word and word.group(1).lower() in _PRONOUNS and (len(stripped) == len(word.group(1))
                                                            or not stripped[-len(word.group(1)) - 1].isalnum()):
            resolved = speakers.pronoun(word.group(1))
            if resolved:
                return resolved
        group = _GROUP_NOUN.search(stripped) or re.search(
            r"(?:^|\s)(?:the|its|another)\s+(?P<noun>text|part)\s+of\s+(?:the|its)\s+\w+$", stripped, re.IGNORECASE)
        if group:
            resolved = speakers.group(group["noun"])
            if resolved:
                return resolved
    return None
