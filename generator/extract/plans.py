"""Is a date a plan, a forecast or an expectation, or something that happened?

"The chip is due in 2006", "sales are set to grow in 2005", "it would start producing the chip in
early 2005": a date a plan, forecast or expectation gives is no past event, and no evidence of when
the article was written. It is read by cue words in the date's own clause, never by phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.text.lexicon import word_list

#: How much text before a date its cue words ("since the", "Resolution", "the end of") can take.
CUE_WINDOW = 60


def words_before(sentence: str, position: int) -> str:
    """The text just before a date, where its qualifier and cues are: a bounded window, so that a
    sentence of thousands of dates costs linear time (every cue pattern is anchored at its end)."""
    return sentence[max(0, position - CUE_WINDOW):position]


#: Modal verbs, matched in lower case only: "May 2005" is a month, "Will Smith" a name.
_MODAL = re.compile(r"\b(?:will|would|shall|should|could|may|might|must)\b|'ll\b|\bwon't\b")
#: Words that make what follows a plan, forecast or expectation, in any case ("Plans to ..."): the list
#: in `data/planning_words.txt`, and "due" unless a cause follows it ("due to the rain").
_FORECAST_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(words).replace(r"\ ", r"\s+")
                        for words in sorted(word_list("planning_words"), key=len, reverse=True))
    + r"|due\b(?! to (?:the|a|an|its|their|his|her|our|this|that|these|those|some|high|"
    r"higher|low|lower|poor|strong|weak|rising|falling|falls?|rises?|concerns?|fears?|problems?|lack|"
    r"[a-z]+(?:ing|ness|ity|ment|tion|sion)s?)\b))\b", re.IGNORECASE)
#: Cue words used of what already happened: "would have", "better than expected", "met its targets".
_NOT_FORECAST = re.compile(
    r"\b(?:would|could|should|may|might|must)(?: not| never| also| already)? have\b|\b(?:than|as|beat|beats|"
    r"beating|missed|exceeds?|exceeded|exceeding|surpass(?:ed|ing)?|above|below|meets?|met|meeting|hit|hitting|"
    r"reached|short of)(?: \w+){0,2} (?:expected|expectations?|forecasts?|predicted|targets?|hopes)\b|"
    r"\bnext to\b|\bnext (?:door|generation)\b", re.IGNORECASE)
#: "The upcoming 2005 election": a date the words right before it make a future one.
_COMING = re.compile(r"\b(?:upcoming|forthcoming|coming|next)\s+(?:the\s+)?$", re.IGNORECASE)
_COMING_ANYWHERE = re.compile(r"\b(?:upcoming|forthcoming|next)\b", re.IGNORECASE)
#: A date that qualifies a noun: "a revival of 1950s hit musical", "the mutiny of 1857".
_ATTRIBUTIVE = re.compile(r"\b(?!(?:end|start|beginning|middle|half|quarter|rest|whole|part|course|remainder|"
                          r"spring|summer|autumn|winter|months?|weeks?|years?)\s)[a-z]+\s+of\s+(?:the\s+)?$",
                          re.IGNORECASE)
#: Where a clause ends, read backwards from a date: punctuation, and words that open another clause.
_CLAUSE_BEFORE = re.compile(r"(?<!\d),(?!\d)|[;:\[\]—–]|\s-\s|\b(?:but|which|who|whom|whose|where|because|"
                            r"although|"
                            r"though|while|whereas|whether)\b", re.IGNORECASE)
#: Words that open a clause of their own unless they are the date's cue ("since Labour came to power in").
_CONJUNCTION = re.compile(r"\b(?:since|after|before|when|until|as)\b", re.IGNORECASE)
#: Read forwards, "and", "that" and "when" open another clause too: "rose in 2004 and will rise".
_CLAUSE_AFTER = re.compile(rf"{_CLAUSE_BEFORE.pattern}|\b(?:and|that|when|as|if|since|after|before|until|so)\b",
                           re.IGNORECASE)
#: A clause opening with its date holds only cue words before it: "In 2006, the firm will ...".
_ONLY_CUES = re.compile(r"^[\W\d]*(?:(?:in|on|at|by|from|during|for|of|the|end|start|beginning|middle|early|"
                        r"late|mid|first|second|half|quarter|around|about|as early as|as late as|until|till|"
                        r"and|or|then|so|now|even|also|only)\b[\W\d]*)*$", re.IGNORECASE)
#: A verb in the past before the date: what follows it ("built in 1999 will close") is another matter.
_PAST_VERB = re.compile(r"\b(?:[a-z]+ed|was|were|had|did|said|made|came|took|began|went|rose|fell|grew|saw|won|"
                        r"lost|built|sold|bought|paid|left|met|held|told|became|gave|got|ran|wrote|spent|"
                        r"struck|brought|thought|found|kept|led|shut|cut|hit|put)\b", re.IGNORECASE)


def is_planned(sentence: str, start: int, end: int, qualifier: str = "on") -> bool:
    """Whether the date at sentence[start:end] is written as a plan, forecast or expectation.

    The cue must be in the date's own clause: "Sales rose in 2004 and will rise in 2005" plans
    2005, not 2004. Before the date, the clause back to its opening counts; after it, only up to the
    next clause, and only where no past verb comes first ("Growth in 2005 is forecast at 2%", but
    "the plant built in 1999 will close"). A fronted date ("In 2006, the firm will ...") takes the
    clause after it. "Since 1990" looks back from now, whatever the sentence goes on to plan. A date
    that qualifies a noun ("a revival of 1950s hit musical", "half their 1960 levels") dates that
    noun, not the verb the clause plans: only what follows it can make it a plan ("the 2006 World
    Cup will be held ...").
    """
    if qualifier == "since":
        return False
    if re.match(r"(?:next|upcoming|coming)\b", sentence[start:end], re.IGNORECASE) \
            or _COMING.search(words_before(sentence, start)):
        return True
    before = _clause_before(sentence, start)
    if not _ATTRIBUTIVE.search(before):
        if _has_forecast_cue(before):
            return True
        if _PAST_VERB.search(before):
            return False
    after = _clause_after(sentence, end, fronted=bool(_ONLY_CUES.match(before)))
    return _has_forecast_cue(after)


def _clause_before(sentence: str, start: int) -> str:
    """Back to the clause's opening. A clause opened by "since", "when", "until" ... belongs to the clause
    before it unless its own verb is past: "will be his eighth since Labour came to power in 1997"
    reads from "since" (as does "would be the first since the group's return to power in 2021": "since"
    looks back, verb or none), "will steer clear when he fronts the awards on 27 February" from "will". Such a
    word right before the date ("will stay closed until 2006") is the date's own cue and opens nothing."""
    window = sentence[max(0, start - 4 * CUE_WINDOW):start]
    punctuation = [m.end() for m in _CLAUSE_BEFORE.finditer(window)]
    opening = max(punctuation, default=0)
    conjunctions = [m.end() for m in _CONJUNCTION.finditer(window, opening)
                    if not _ONLY_CUES.match(window[m.end():])]
    if conjunctions and (_PAST_VERB.search(window[conjunctions[-1]:])
                         or window[:conjunctions[-1]].lower().endswith("since")):
        opening = conjunctions[-1]  # "since" always looks back: "the first since the group's return to power in"
    return window[opening:]


def _clause_after(sentence: str, end: int, fronted: bool) -> str:
    window = sentence[end:end + 4 * CUE_WINDOW]
    boundaries = list(_CLAUSE_AFTER.finditer(window))
    begin = 0
    if fronted and boundaries and not window[:boundaries[0].start()].strip():
        begin = boundaries.pop(0).end()  # "In 2006, the firm will": the clause after the comma
    return window[begin:boundaries[0].start() if boundaries else len(window)]


def _has_forecast_cue(text: str) -> bool:
    text = _NOT_FORECAST.sub(" ", text)
    return bool(_MODAL.search(text) or _FORECAST_WORD.search(text))


@lru_cache(maxsize=256)  # asked for each sentence of an undated article: a long sentence is searched once
def speaks_of_future(sentence: str) -> bool:
    """"Talks will resume in 2026": a sentence with a plan or forecast anywhere in it is no evidence of
    when the article was written, even for its other dates (a bound on a date must not be a guess)."""
    return _has_forecast_cue(sentence) or bool(_COMING_ANYWHERE.search(_NOT_FORECAST.sub(" ", sentence)))
