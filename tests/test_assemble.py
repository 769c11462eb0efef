"""Merging mentions into entities, and the seeds' people and organisations (lists read by hand)."""

from __future__ import annotations

from generator.assemble import assemble_entities
from generator.model import Article, EntityKind, Mention
from generator.registry import RegisteredEntity, Registry

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


# --- merging rules on small hand-made mentions ---------------------------------------------------

def _mention(article, name, kind=EntityKind.PERSON, paragraph=1, origin="model"):
    return Mention(article_id=article, paragraph=paragraph, start=0, end=len(name), surface=name, name=name,
                   kind=kind, origin=origin, sentence=name, sentence_start=0)


def _article(article_id, *mentions):
    from generator.model import Attributed, CleanText, Metadata, Provenance, PublicationDate

    unknown = Attributed(None, Provenance.UNKNOWN)
    metadata = Metadata(title=unknown, publisher=unknown, author=unknown,
                        date=PublicationDate(None, None, Provenance.UNKNOWN), url=None, language=None, word_count=0,
                        reading_minutes=1, sha256="", source_name=f"{article_id}.txt", article_id=article_id,
                        description="")
    return Article(source=None, clean=CleanText(None, None, (), ()), metadata=metadata, slug=article_id,
                   mentions=tuple(mentions))


def test_a_surname_joins_the_full_name_in_the_same_article_first():
    articles = [
        _article("a", _mention("a", "Ahmad Shah"), _mention("a", "Shah")),
        _article("b", _mention("b", "Zahir Shah"), _mention("b", "Shah")),
    ]
    _, entities = assemble_entities(articles, Registry())
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Ahmad Shah", "Zahir Shah"}
    assert len(by_name["Ahmad Shah"].mentions) == 2 and len(by_name["Zahir Shah"].mentions) == 2


def test_an_ambiguous_surname_joins_nobody_across_the_dossier():
    articles = [
        _article("a", _mention("a", "Ahmad Shah")),
        _article("b", _mention("b", "Zahir Shah")),
        _article("c", _mention("c", "Shah")),
    ]
    _, entities = assemble_entities(articles, Registry())
    assert {e.name for e in entities} == {"Ahmad Shah", "Zahir Shah", "Shah"}


def test_a_surname_joins_the_unique_full_name_elsewhere_in_the_dossier():
    articles = [_article("a", _mention("a", "Fawzia Koofi")), _article("b", _mention("b", "Koofi"))]
    _, entities = assemble_entities(articles, Registry())
    (entity,) = entities
    assert entity.name == "Fawzia Koofi" and entity.article_ids == ("a", "b")


def test_an_unregistered_name_gets_the_kind_it_is_given_most():
    articles = [_article("a", _mention("a", "Hezb", EntityKind.ORGANISATION), _mention("a", "Hezb", EntityKind.ORGANISATION),
                         _mention("a", "Hezb", EntityKind.PLACE))]
    _, entities = assemble_entities(articles, Registry())
    (entity,) = entities
    assert entity.kind is EntityKind.ORGANISATION and len(entity.mentions) == 3 and not entity.reviewed


def test_registered_entities_keep_their_kind_and_are_reviewed():
    registry = Registry((RegisteredEntity("Kremlin", EntityKind.ORGANISATION, role="The Russian presidency"),))
    articles = [_article("a", _mention("a", "Kremlin", EntityKind.PLACE, origin="registry"))]
    _, entities = assemble_entities(articles, registry)
    (entity,) = entities
    assert entity.reviewed and entity.kind is EntityKind.ORGANISATION and entity.role_source == "registry"


def test_co_mentions_count_shared_paragraphs():
    articles = [_article("a", _mention("a", "Ann Lee", paragraph=1), _mention("a", "Bo Chan", paragraph=1),
                         _mention("a", "Ann Lee", paragraph=2), _mention("a", "Bo Chan", paragraph=2),
                         _mention("a", "Cy Dunn", paragraph=2))]
    _, entities = assemble_entities(articles, Registry())
    ann = next(e for e in entities if e.name == "Ann Lee")
    assert ann.co_mentioned == (("Bo Chan", 2), ("Cy Dunn", 1))
