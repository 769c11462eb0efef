"""The resolution stage: which names written across a dossier are one entity, and why."""

from __future__ import annotations

from dataclasses import replace

from generator.assemble.entities import assemble_entities
from generator.assemble.name_keys import bare_key, initials
from generator.assemble.resolve import (
    ACRONYM_DEFINED,
    ACRONYM_INITIALS,
    KNOWN,
    SAME_NAME,
    SURNAME,
    resolve_entities,
)
from generator.ingest.registry import RegisteredEntity, Registry
from generator.model import EntityKind
from tests.helpers import article, mention

ORG, PERSON, PLACE = EntityKind.ORGANISATION, EntityKind.PERSON, EntityKind.PLACE


def _entities(articles, registry=None):
    registry = registry or Registry()
    resolved, resolution = resolve_entities(articles, registry)
    return {entity.name: entity for entity in assemble_entities(resolved, registry, resolution)}


def test_bare_key_folds_case_dots_the_and_hyphens():
    assert bare_key("U.S.") == bare_key("US") == "us"
    assert bare_key("The European Community") == bare_key("- European Community") == "european community"
    assert bare_key("Co-operation") == "co operation"


def test_initials_skip_small_words_and_read_hyphens_both_ways():
    assert "imf" in initials("International Monetary Fund")
    assert "opec" in initials("Organization of Petroleum Exporting Countries")
    assert "gatt" in initials("General Agreement on Tariffs and Trade")
    assert "oecd" in initials("Organisation for Economic Co-operation and Development")
    assert initials("Reuters") == set()


def test_spellings_of_one_name_make_one_entity_that_says_so():
    entities = _entities([article("a", mention("a", "European Community", ORG)),
                          article("b", mention("b", "The European Community", ORG), mention("b", "EUROPEAN COMMUNITY", ORG))])
    (entity,) = entities.values()
    assert entity.name == "European Community" and len(entity.mentions) == 3
    assert {(j.spelling, j.reason) for j in entity.joined} == {("The European Community", SAME_NAME)}


def test_spelling_variants_of_a_long_name_are_one():
    entities = _entities([article("a", mention("a", "Organisation for Economic Co-operation and Development", ORG)),
                          article("b", mention("b", "Organization of Economic Cooperation and Development", ORG),
                                  mention("b", "OECD", ORG, paragraph=2))])
    assert len(entities) == 1


def test_an_acronym_defined_in_one_article_joins_its_use_in_another():
    text = "The International Monetary Fund (IMF) said on Monday it would lend more."
    defining = article("a", mention("a", "International Monetary Fund", ORG, start=4), paragraphs=[text])
    entities = _entities([defining, article("b", mention("b", "IMF", ORG))])
    (entity,) = entities.values()
    assert entity.name == "International Monetary Fund" and entity.article_ids == ("a", "b")
    assert [(j.spelling, j.reason) for j in entity.joined] == [("IMF", ACRONYM_DEFINED)]


def test_a_bracket_that_cannot_abbreviate_the_name_defines_nothing():
    text = "Barclays Bank (UK) raised its base rate."
    entities = _entities([article("a", mention("a", "Barclays Bank", ORG), paragraphs=[text]),
                          article("b", mention("b", "UK", PLACE))])
    assert set(entities) == {"Barclays Bank", "United Kingdom"}


def test_initials_join_an_acronym_only_when_one_name_has_them():
    one = _entities([article("a", mention("a", "General Agreement on Tariffs and Trade", ORG),
                             mention("a", "GATT", ORG, paragraph=2)), article("b", mention("b", "GATT", ORG))])
    assert [(j.spelling, j.reason) for j in one["General Agreement on Tariffs and Trade"].joined] == \
        [("GATT", ACRONYM_INITIALS)]
    two = _entities([article("a", mention("a", "Asian Development Bank", ORG), mention("a", "ADB", ORG, paragraph=2)),
                     article("b", mention("b", "African Development Bank", ORG), mention("b", "ADB", ORG, paragraph=2))])
    assert set(two) == {"Asian Development Bank", "African Development Bank", "ADB"}


def test_initials_join_no_name_that_no_article_writes_beside_the_acronym():
    """"GE" (General Electric, never spelt out) and the "Group of Eight" of another story are two bodies."""
    entities = _entities([article("a", mention("a", "Group of Eight", ORG)), article("b", mention("b", "GE", ORG))])
    assert set(entities) == {"Group of Eight", "GE"}


def test_well_known_names_are_one_country():
    entities = _entities([article("a", mention("a", "U.S.", PLACE)), article("b", mention("b", "United States", PLACE)),
                          article("c", mention("c", "America", PLACE))])
    (entity,) = entities.values()
    assert entity.name == "United States" and len(entity.mentions) == 3
    assert {j.reason for j in entity.joined} == {KNOWN}


def test_a_surname_joins_the_full_name_in_the_same_article_first():
    entities = _entities([article("a", mention("a", "Ahmad Shah"), mention("a", "Shah")),
                          article("b", mention("b", "Zahir Shah"), mention("b", "Shah"))])
    assert set(entities) == {"Ahmad Shah", "Zahir Shah"}
    assert len(entities["Ahmad Shah"].mentions) == 2 and len(entities["Zahir Shah"].mentions) == 2


def test_a_surname_shared_by_two_people_stays_apart_and_names_both():
    entities = _entities([article("a", mention("a", "Ahmad Shah")), article("b", mention("b", "Zahir Shah")),
                          article("c", mention("c", "Shah", ORG))])
    assert set(entities) == {"Ahmad Shah", "Zahir Shah", "Shah"}
    assert entities["Shah"].may_be == ("Ahmad Shah", "Zahir Shah")
    assert entities["Shah"].kind is PERSON  # a surname of people, whatever the model called it


def test_a_surname_the_model_filed_as_an_organisation_joins_the_person():
    entities = _entities([article("a", mention("a", "Paul Volcker"), mention("a", "Volcker", ORG),
                                  mention("a", "Volcker", ORG)),
                          article("b", mention("b", "Volcker", ORG))])
    (entity,) = entities.values()
    assert entity.name == "Paul Volcker" and entity.kind is PERSON and len(entity.mentions) == 4
    assert [(j.spelling, j.reason) for j in entity.joined] == [("Volcker", SURNAME)]


def test_a_place_is_taken_for_a_surname_only_beside_the_full_name():
    entities = _entities([article("a", mention("a", "Jerry Huckaby"), mention("a", "Huckaby", PLACE)),
                          article("b", mention("b", "George Washington")), article("c", mention("c", "Washington", PLACE))])
    assert set(entities) == {"Jerry Huckaby", "George Washington", "Washington"}
    assert entities["Washington"].kind is PLACE and len(entities["Jerry Huckaby"].mentions) == 2


def test_the_registry_wins_and_two_registered_entities_never_join():
    registry = Registry((RegisteredEntity("Asian Development Bank", ORG, aliases=("AsDB",)),
                         RegisteredEntity("ADB", ORG)))
    entities = _entities([article("a", mention("a", "Asian Development Bank", ORG, origin="registry")),
                          article("b", mention("b", "ADB", ORG, origin="registry"))], registry)
    assert set(entities) == {"Asian Development Bank", "ADB"}
    assert all(entity.reviewed for entity in entities.values())


def test_a_model_spelling_of_a_registered_name_joins_it():
    registry = Registry((RegisteredEntity("United Nations", ORG, aliases=("UN",)),))
    entities = _entities([article("a", mention("a", "United Nations", ORG, origin="registry")),
                          article("b", mention("b", "U.N.", ORG))], registry)
    (entity,) = entities.values()
    assert entity.name == "United Nations" and entity.reviewed and len(entity.mentions) == 2


def test_a_kind_the_text_shows_outweighs_the_models_guesses():
    # "HANOVER, March 31 -" (a dateline, found by rule) against one model guess of an organisation
    entities = _entities([article("a", mention("a", "Hanover", PLACE, origin="rule")),
                          article("b", mention("b", "Hanover", ORG)),
                          article("c", *[mention("c", "United Nations", ORG)] * 5,
                                  mention("c", "United Nations", PLACE, origin="rule"))])
    assert entities["Hanover"].kind is PLACE
    assert entities["United Nations"].kind is ORG  # one dateline does not outvote five mentions
    # "the head of the central bank of Mexico, Miguel Mancera Aguayo": a list cue, but the man has a title
    mancera = [mention("c", "Miguel Mancera Aguayo", PLACE, origin="rule")] * 2 + [
        replace(mention("c", "Miguel Mancera Aguayo"), role="central bank head")] * 2
    assert _entities([article("c", *mancera)])["Miguel Mancera Aguayo"].kind is PERSON


def test_one_word_with_a_firms_cue_and_never_a_full_name_is_a_firm():
    # Reuters-21578: "the industry lobby group Eurofer" three times, "Eurofer said" seven times as a person
    eurofer = [mention("a", "Eurofer", ORG, origin="rule")] * 3 + [mention("a", "Eurofer")] * 7
    assert _entities([article("a", *eurofer)])["Eurofer"].kind is ORG


def test_a_name_the_model_often_calls_a_place_is_one_unless_titled():
    # Reuters-21578: the small model calls "Sri Lanka" a person in 7 of its 11 mentions, a place in 4
    sri_lanka = [mention("a", "Sri Lanka")] * 7 + [mention("a", "Sri Lanka", PLACE)] * 4
    titled = [mention("b", "Mancera", PLACE)] * 2 + [replace(mention("b", "Mancera"), role="Governor")] * 3
    entities = _entities([article("a", *sri_lanka), article("b", *titled)])
    assert entities["Sri Lanka"].kind is PLACE and entities["Mancera"].kind is PERSON


def test_an_unregistered_name_gets_the_kind_it_is_given_most():
    entities = _entities([article("a", mention("a", "Hezb", ORG), mention("a", "Hezb", ORG), mention("a", "Hezb", PLACE))])
    (entity,) = entities.values()
    assert entity.kind is ORG and len(entity.mentions) == 3 and not entity.reviewed


def test_a_word_the_dossier_mostly_writes_in_lower_case_is_no_entity():
    text = "The bank said the bank would lend. Another bank agreed, and a fourth bank too."
    articles = [article("a", mention("a", "Bank", ORG), mention("a", "Reuters", ORG), paragraphs=[text])]
    resolved, resolution = resolve_entities(articles, Registry())
    assert [m.name for m in resolved[0].mentions] == ["Reuters"]
    assert resolution.common_words == ("Bank",)
    registered = Registry((RegisteredEntity("Bank", ORG),))
    kept, _ = resolve_entities([article("a", mention("a", "Bank", ORG, origin="registry"), paragraphs=[text])],
                               registered)
    assert [m.name for m in kept[0].mentions] == ["Bank"]


def test_a_common_word_counts_in_lower_case_with_its_possessive():
    # Reuters-21578 writes "the kingdom's commitment" far more often than "the Kingdom"
    text = "The kingdom's banks and the kingdom's oil. The kingdom's plans. Earnings in the Kingdom fell."
    resolved, _ = resolve_entities([article("a", mention("a", "Kingdom", PLACE), paragraphs=[text])], Registry())
    assert resolved[0].mentions == ()


def test_an_acronym_joins_the_name_that_dominates_its_initials():
    entities = _entities([article("a", *[mention("a", "Food and Drug Administration", ORG)] * 3,
                                  mention("a", "FDA", ORG, paragraph=2)),
                          article("b", mention("b", "Federal Drug Administration", ORG),
                                  mention("b", "FDA", ORG, paragraph=2))])
    assert set(entities) == {"Food and Drug Administration", "Federal Drug Administration"}


def test_a_middle_initial_does_not_make_another_person():
    entities = _entities([article("a", mention("a", "Carl C. Icahn")), article("b", mention("b", "Carl Icahn")),
                          article("c", mention("c", "Icahn"))])
    (entity,) = entities.values()
    assert entity.name == "Carl C. Icahn" and len(entity.mentions) == 3  # the fullest spelling, on a tie


def test_initials_and_a_word_written_there_in_lower_case_are_no_entity():
    text = "Japanese or U.S. Interest rates may fall. U.S. interest rates rose, and U.S. interest payments too."
    articles = [article("a", mention("a", "U.S. Interest", ORG), mention("a", "U.S. Wheat Associates", ORG),
                        paragraphs=[text])]
    resolved, _ = resolve_entities(articles, Registry())
    assert [m.name for m in resolved[0].mentions] == ["U.S. Wheat Associates"]


def test_a_compound_of_places_and_a_common_word_is_no_entity():
    # Reuters-21578 0211: "changing the Japan-U.S. Trade axis ... compared with total Japan-U.S. Trade"
    text = ("Japan-U.S. Trade is changing. Japan-U.S. trade grew, trade with Europe fell, trade in chips rose, "
            "world trade slowed and farm trade stalled, as trade talks went on.")
    articles = [article("a", mention("a", "Japan-U.S. Trade", ORG), mention("a", "Anglo-American Corp", ORG),
                        paragraphs=[text])]
    resolved, _ = resolve_entities(articles, Registry())
    assert [m.name for m in resolved[0].mentions] == ["Anglo-American Corp"]


def test_initials_and_a_common_word_are_no_entity_but_initials_and_a_body_are():
    text = ("Foreign investment rose. Investment in plants, investment in stocks and investment abroad fell, and the army said new "
            "investment and more investment would come, with investment at home. The army agreed.")
    articles = [article("a", mention("a", "U.S. Investment", ORG), mention("a", "U.S. Army", ORG), paragraphs=[text])]
    resolved, _ = resolve_entities(articles, Registry())
    assert [m.name for m in resolved[0].mentions] == ["U.S. Army"]


def test_a_name_cut_at_and_is_completed_when_the_dossier_writes_it_whole():
    # Reuters-21578 0299 and 1041: the model stopped both names at "and"
    survey = "A survey by the Organisation for Economic Co-operation and Development showed it."
    bid = "A bid by Bank of Hawaii and Philippine sugar trader Antonio Chan failed."
    cut = mention("a", "Organisation for Economic Co-operation", ORG, start=survey.index("Org"))
    bank = mention("b", "Bank of Hawaii", ORG, start=bid.index("Bank"))
    whole = mention("c", "Organisation for Economic Cooperation and Development", ORG)
    resolved, _ = resolve_entities([article("a", cut, paragraphs=[survey]), article("b", bank, paragraphs=[bid]),
                                    article("c", whole, paragraphs=[whole.surface])], Registry())
    (completed,), (kept,) = resolved[0].mentions, resolved[1].mentions
    assert completed.surface == "Organisation for Economic Co-operation and Development"
    assert survey[completed.start:completed.end] == completed.surface
    assert completed.name == resolved[2].mentions[0].name  # one entity: the cut name joined the whole one
    assert kept.surface == "Bank of Hawaii"


def test_the_second_half_of_a_name_split_at_and_joins_the_first():
    text = "The bid by Cable and Wireless Plc was a test case."  # Reuters-21578: "Cable" had a page of 35
    cable = mention("a", "Cable", ORG, start=text.index("Cable"))
    wireless = mention("a", "Wireless Plc", ORG, start=text.index("Wireless"))
    whole = mention("b", "Cable and Wireless", ORG)
    entities = _entities([article("a", cable, wireless, paragraphs=[text]),
                          article("b", whole, paragraphs=[whole.surface])])
    (entity,) = entities.values()
    assert len(entity.mentions) == 2 and entity.mentions[0].surface == "Cable and Wireless Plc"


def test_two_bodies_the_model_once_read_as_one_stay_two():
    text = "Loans from the World Bank and IMF resumed."  # Reuters-21578 1831
    bank = mention("a", "World Bank", ORG, start=text.index("World"))
    imf = mention("a", "IMF", ORG, start=text.index("IMF"))
    elsewhere = [mention("b", "World Bank and IMF", ORG), mention("b", "IMF", ORG)]
    entities = _entities([article("a", bank, imf, paragraphs=[text]), article("b", *elsewhere)])
    assert {"World Bank", "IMF"} <= set(entities)


def test_a_firms_legal_form_does_not_make_another_firm():
    entities = _entities([article("a", mention("a", "Morgan Stanley", ORG)),
                          article("b", mention("b", "Morgan Stanley and Co Inc", ORG))])
    assert len(entities) == 1 and len(next(iter(entities.values())).mentions) == 2
