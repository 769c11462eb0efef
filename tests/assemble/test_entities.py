"""Merging mentions into entities, and the seeds' people and organisations (lists read by hand)."""

from __future__ import annotations

from generator.assemble.entities import assemble_entities
from generator.assemble.resolve import resolve_entities
from generator.ingest.registry import RegisteredEntity, Registry
from generator.model import EntityKind
from tests.helpers import article, mention

# Every person and organisation a careful reader finds in the bodies of the five seeds.
SEED_PEOPLE = {
    "Sergey Lavrov": {"000_68507b3c627c16da", "001_b8986cde7695ea0e"},
    "Dmitry Peskov": {"002_e2ffc1113a645db8"},
    "Vladimir Putin": {"002_e2ffc1113a645db8", "004_bd110d5bfaa63d58"},
    "Gul Hassan Hassan": {"003_db9fd82546c56745"},
    "Amir Khan Muttaqi": {"004_bd110d5bfaa63d58"},
    "Fawzia Koofi": {"004_bd110d5bfaa63d58"},
    "Rangin Dadfar Spanta": {"004_bd110d5bfaa63d58"},
}
SEED_ORGANISATIONS = {
    "Taliban", "Kremlin", "United Nations", "United Nations Security Council", "European Union",
    "International Criminal Court", "Coordination Association of Afghan Women Activists",
    "Afghanistan Diplomats Solidarity Association", "Independent Coalition of Women’s Protest Movements of Afghanistan",
    "Afghan Women’s Political Participation Network", "Ministry of Foreign Affairs of Russia",
    "Ministry of Foreign Affairs of Afghanistan", "Al Jazeera", "The Express Tribune",
}
NOT_ENTITIES = {"Wakil Kohsar", "AFP", "Zan News", "Xi Jinping", "Kim Jong Un", "James Corden", "Carpool Karaoke",
                "UN Charter", "Aurus"}


def test_every_seed_person_has_exactly_one_page(dossier):
    people = {e.name: e for e in dossier.entities if e.kind is EntityKind.PERSON}
    assert set(people) == set(SEED_PEOPLE)
    for name, articles in SEED_PEOPLE.items():
        assert set(people[name].article_ids) == articles, name


def test_every_seed_organisation_has_exactly_one_page(dossier):
    organisations = {e.name for e in dossier.entities if e.kind is EntityKind.ORGANISATION}
    assert organisations == SEED_ORGANISATIONS


def test_aliases_land_on_their_entity(dossier):
    entities = {e.name: e for e in dossier.entities}
    assert "Koofi" in entities["Fawzia Koofi"].aliases  # "Koofi went on to warn …"
    assert "Muttaqi" in entities["Amir Khan Muttaqi"].aliases  # "Foreign Minister Muttaqi said …"
    assert "Putin" in entities["Vladimir Putin"].aliases  # "President Putin" in 002
    assert "UN" in entities["United Nations"].aliases
    assert "Russia’s foreign ministry" in entities["Ministry of Foreign Affairs of Russia"].aliases
    assert "ICC" in entities["International Criminal Court"].aliases
    assert {"003_db9fd82546c56745", "004_bd110d5bfaa63d58"} == set(entities["Ministry of Foreign Affairs of Russia"].article_ids)


def test_no_page_for_bylines_credits_or_the_related_stories_tail(dossier):
    names = {e.name for e in dossier.entities}
    assert not names & NOT_ENTITIES


def test_mentions_point_at_the_paragraph_they_came_from(dossier):
    peskov = next(e for e in dossier.entities if e.name == "Dmitry Peskov")
    (mention,) = peskov.mentions
    article = next(a for a in dossier.articles if a.metadata.article_id == mention.article_id)
    paragraph = article.paragraphs[mention.paragraph - 1]
    assert paragraph.text[mention.start:mention.end] == "Dmitry Peskov"
    assert mention.anchor == "p8" and mention.role == "Kremlin spokesman"


# --- gathering on small hand-made mentions (the merging rules: tests/assemble/test_resolve.py) ------------

def _entities(articles, registry=None):
    registry = registry or Registry()
    resolved, resolution = resolve_entities(articles, registry)
    return assemble_entities(resolved, registry, resolution)


def test_registered_entities_keep_their_kind_and_are_reviewed():
    registry = Registry((RegisteredEntity("Kremlin", EntityKind.ORGANISATION, role="The Russian presidency"),))
    articles = [article("a", mention("a", "Kremlin", EntityKind.PLACE, origin="registry"))]
    (entity,) = _entities(articles, registry)
    assert entity.reviewed and entity.kind is EntityKind.ORGANISATION and entity.role_source == "registry"


def test_co_mentions_count_shared_paragraphs():
    articles = [article("a", mention("a", "Ann Lee", paragraph=1), mention("a", "Bo Chan", paragraph=1),
                        mention("a", "Ann Lee", paragraph=2), mention("a", "Bo Chan", paragraph=2),
                        mention("a", "Cy Dunn", paragraph=2))]
    ann = next(e for e in _entities(articles) if e.name == "Ann Lee")
    assert ann.co_mentioned == (("Bo Chan", 2), ("Cy Dunn", 1))


def test_a_bearer_of_a_shared_surname_with_no_mention_left_is_not_offered():
    """Found at 3,700 corpus articles: "White" may be "EB White" or "Jack White", but every mention of
    "EB White" had joined another name, so no entity (and no page to link to) was left for it."""
    from generator.assemble.resolve import Resolution

    articles = [article("a", mention("a", "White", EntityKind.PERSON), mention("a", "Jack White", EntityKind.PERSON))]
    resolution = Resolution(joined={}, shared_surname={"White": ("EB White", "Jack White")})
    entities = {entity.name: entity for entity in assemble_entities(articles, Registry(()), resolution)}
    assert entities["White"].may_be == ("Jack White",)
