"""Who may be speaking in an article, as its paragraphs are read in order: the people and bodies named
so far, for "he said", "the group said" or "the 23-year-old said" to stand for."""

from __future__ import annotations

import re

from generator.extract.name_context import ROLE_NOUNS
from generator.model import EntityKind

PRONOUNS = {"he": EntityKind.PERSON, "she": EntityKind.PERSON, "it": None, "they": None, "we": None}


DOCUMENT_NOUNS = frozenset("statement resolution text letter declaration communique communiqué report petition "
                            "release declaration part".split())


RECENT_ORGANISATIONS = 50


class Speakers:
    """The article's running context: who spoke last, and which organisations it has named."""

    def __init__(self) -> None:
        self.last: tuple[str, EntityKind] | None = None
        self.reported = False  # the last speaker spoke in reported speech ("X said her clients ...")
        self._organisations: dict[str, None] = {}  # in order of last mention
        #: the person a sentence of the current or previous paragraph opens with, named after the last
        #: speaker: "Mahbooba Amiri runs a school. “We are afraid,” she said." (None once a speaker follows)
        self.subject: str | None = None
        self._people: list[tuple[str, str, int | None]] = []  # (name, role, age) in order of mention
        self.issuer: str | None = None  # the last organisation a sentence opened with
        #: the last organisation named as the author ("by the CHRDA") in the quote's sentence or the one before
        self.in_sentence: str | None = None

    def named(self, organisation: str) -> None:
        self._organisations.pop(organisation, None)
        self._organisations[organisation] = None

    @property
    def organisations(self) -> list[str]:
        return list(self._organisations)[-RECENT_ORGANISATIONS:]

    def person_named(self, name: str, role: str, age: int | None) -> None:
        self._people.append((name, role.lower(), age))

    def spoke(self, speaker: tuple[str, EntityKind], reported: bool) -> None:
        self.last, self.reported, self.subject = speaker, reported, None

    def described(self, description: str) -> tuple[str, str] | None:
        """"the 23-year-old", "the lawyer": the last person the article gave that age or role."""
        age = re.fullmatch(r"(\d{1,3})-year-old", description)
        for name, role, years in reversed(self._people):
            if (age and years == int(age[1])) or (not age and description in ROLE_NOUNS
                                                  and role.split()[-1:] == [description]):
                return name, f"'the {description}' is the person the article describes so"
        return None

    def pronoun(self, word: str) -> tuple[str, str] | None:
        wanted = PRONOUNS[word.lower()]
        if self.subject and wanted is EntityKind.PERSON:
            return self.subject, f"'{word}' refers to the person the sentence before is about"
        if self.last and (wanted is None or self.last[1] is wanted):
            if self.reported:
                return self.last[0], f"'{word}' refers to the person said to speak just before"
            return self.last[0], f"'{word}' refers to the last speaker"
        return None

    def group(self, noun: str) -> tuple[str, str] | None:
        noun = noun.lower()
        organisations = self.organisations
        for name in reversed(organisations):
            if re.search(rf"\b{re.escape(noun)}", name, re.IGNORECASE):
                return name, f"'the {noun}' is the last-named organisation called so"
        if noun in DOCUMENT_NOUNS or noun in ("group", "organisation", "organization", "body"):
            # statements are issued by organisations: "The network condemned … Its chairwoman said … “…,”
            # the statement said" is the network's, not the chairwoman's
            if self.in_sentence and noun in DOCUMENT_NOUNS:  # "A report released by the CHRDA … “…,” the report said"
                return self.in_sentence, f"'{noun}' is that of the organisation named just before"
            if self.issuer and noun in DOCUMENT_NOUNS and (self.last is None or self.last[1] is EntityKind.PERSON):
                return self.issuer, f"'{noun}' refers to the organisation the last sentences are about"
            if self.last:
                return self.last[0], f"'{noun}' refers to the last speaker's"
            if organisations:  # statements are issued by organisations
                return organisations[-1], f"'{noun}' refers to the last-named organisation's"
        return None
