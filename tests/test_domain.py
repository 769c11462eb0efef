"""Articles of the dossier's own domain that nobody tuned to, in the shapes issue 23 reported wrong: who
is who, what happened when, who said it. The facts asserted were read in tests/fixtures/issue23."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.model import EntityKind
from generator.pipeline import build_dossier

FIXTURES = Path(__file__).parent / "fixtures" / "issue23"
PERSON, ORGANISATION = EntityKind.PERSON, EntityKind.ORGANISATION


@pytest.fixture(scope="module")
def domain():
    return build_dossier(FIXTURES)


def _kinds(dossier) -> dict[str, EntityKind]:
    return {entity.name: entity.kind for entity in dossier.entities}


def test_every_person_and_organisation_once_under_the_right_kind(domain):
    """Read in lecturer-detained.txt: the lecturer and his wife (one surname, two people), his lawyer in
    apposition, the group's director, a second lawyer, two diplomats with surname particles; the bodies
    with a straight apostrophe, an acronym in brackets, "in" and "for … and the …" in their names."""
    kinds = _kinds(domain)
    people = {"Jawid Amiri", "Mahbooba Amiri", "Elena Sarkis", "Nadia Karimi", "Zarifa Haidari", "Marie du Pont",
              "Pieter van der Berg"}
    bodies = {"Kabul University", "Afghan Women's Justice Collective", "Herat Women's Education Network",
              "United Nations Assistance Mission in Afghanistan",
              "Ministry for the Propagation of Virtue and the Prevention of Vice", "Taliban"}
    assert {name for name in people if kinds.get(name) is PERSON} == people
    assert {name for name in bodies if kinds.get(name) is ORGANISATION} == bodies
    # no second listing: not "Sarkis" or "AWJC" apart, no "Afghan Women", no person "Collective"
    listed = {name for name, kind in kinds.items() if kind in (PERSON, ORGANISATION)}
    assert listed - people - bodies <= {"Amiri"}  # the surname alone, where two Amiris are named
    entities = {entity.name: entity for entity in domain.entities}
    assert "AWJC" in entities["Afghan Women's Justice Collective"].aliases
    assert "Sarkis" in entities["Elena Sarkis"].aliases
    assert set(entities["Amiri"].may_be) == {"Jawid Amiri", "Mahbooba Amiri"}


def test_a_plan_is_dated_in_the_future_and_the_past_in_the_past(domain):
    """The article is of Monday 16 March 2026: "would hold another protest on 20 March" is 20 March 2026,
    planned; "detained at a rally on 11 March" is 11 March 2026; "appeared in court on Saturday" is
    Saturday 14 March 2026."""
    dated = {(event.phrase, event.first, event.planned) for entry in domain.timeline for event in entry.citations
             if event.article_id.startswith("lecturer")}
    assert {("20 March", dt.date(2026, 3, 20), True), ("11 March", dt.date(2026, 3, 11), False),
            ("Saturday", dt.date(2026, 3, 14), False)} <= dated


def test_only_a_disagreement_between_sources_is_a_conflict(domain):
    """protest-planned.txt dates the rally Tuesday 10 March; lecturer-detained.txt, 11 March: one box, in
    words. The two dates of "Amiri, detained at a rally on 11 March, appeared in court on Saturday" are
    two events, never a conflict."""
    boxes = [(entry.first, [conflict.first for conflict in entry.conflicts]) for entry in domain.timeline
             if entry.conflicts]
    assert sorted(boxes) == [(dt.date(2026, 3, 10), [dt.date(2026, 3, 11)]),
                             (dt.date(2026, 3, 11), [dt.date(2026, 3, 10)])]


def test_the_takeover_told_twice_is_one_entry(domain):
    (entry,) = [entry for entry in domain.timeline if entry.first == dt.date(2021, 8, 1)]
    assert len(entry.article_ids) == 2


def test_each_quote_once_under_its_speaker(domain):
    quotes = sorted((quote.text, quote.speaker) for article in domain.articles for quote in article.quotes)
    assert quotes == [("He is being punished for speaking,", "Elena Sarkis"),
                      ("They are being punished for who they are,", "Zarifa Haidari"),
                      ("We will not stop … until they are free.", "Nadia Karimi")]
