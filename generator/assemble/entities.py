"""Mentions from all articles become entities: one per person, organisation or place.

Which names are one entity is decided before, by `resolve`; here each name gathers its
mentions, the names written beside it, its role and the articles that name it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from generator.assemble.resolve import Resolution
from generator.ingest.registry import RegisteredEntity, Registry
from generator.model import Article, Entity, Joined, Mention
from generator.text.fold import fold_key
from generator.text.slugs import allocate_slugs

MAX_CO_MENTIONED = 10


def assemble_entities(articles: Sequence[Article], registry: Registry,
                      resolution: Resolution | None = None) -> list[Entity]:
    """One entity per name, from articles whose mentions `resolve` has already named."""
    registered = {entity.name: entity for entity in registry.entities}
    article_order = {article.metadata.article_id: index for index, article in enumerate(articles)}
    return _entities(articles, registered, article_order, resolution or Resolution({}, {}))


def _entities(articles: Sequence[Article], registered, article_order: dict[str, int],
              resolution: Resolution) -> list[Entity]:
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for article in articles:
        for mention in article.mentions:
            by_name[mention.name].append(mention)

    together: dict[str, Counter[str]] = defaultdict(Counter)
    paragraphs: dict[tuple[str, int], set[str]] = defaultdict(set)
    for name, mentions in by_name.items():
        for mention in mentions:
            paragraphs[(mention.article_id, mention.paragraph)].add(name)
    for names in paragraphs.values():
        for name in names:
            together[name].update(other for other in names if other != name)

    slugs = allocate_slugs(((f"{mentions[0].kind.value}:{name}", name) for name, mentions in sorted(by_name.items())),
                           "entity")
    entities = []
    for name, mentions in sorted(by_name.items(), key=lambda item: fold_key(item[0])):
        article_ids = sorted({m.article_id for m in mentions}, key=article_order.__getitem__)
        co_mentioned = tuple(sorted(together[name].items(), key=lambda item: (-item[1], item[0]))[:MAX_CO_MENTIONED])
        may_be = tuple(other for other in resolution.shared_surname.get(name, ()) if other in by_name)
        entities.append(_entity(name, tuple(mentions), registered.get(name), slugs[f"{mentions[0].kind.value}:{name}"],
                                tuple(article_ids), co_mentioned, resolution.joined.get(name, ()), may_be))
    return entities


@lru_cache(maxsize=1 << 16)  # an edit changes the entities it names; the others are the objects of the last build
def _entity(name: str, mentions: tuple[Mention, ...], registry_entry: RegisteredEntity | None, slug: str,
            article_ids: tuple[str, ...], co_mentioned: tuple[tuple[str, int], ...], joined: tuple[Joined, ...],
            may_be: tuple[str, ...]) -> Entity:
    """`may_be`: the people who share the name, if any; a bearer may have no mention left (each spelling of
    it joined another name), and is then not listed."""
    kind = mentions[0].kind
    surfaces = sorted({m.surface for m in mentions if fold_key(m.surface) != fold_key(name)},
                      key=lambda surface: (fold_key(surface), surface))
    roles = Counter(m.role for m in mentions if m.role)
    role, role_source = None, ""
    if registry_entry and registry_entry.role:
        role, role_source = registry_entry.role, "registry"
    elif roles:  # the most frequent title, the fullest on a tie
        role, role_source = max(roles, key=lambda r: (roles[r], len(r), r)), "text"
    return Entity(
        slug=slug, name=name, kind=kind, reviewed=registry_entry is not None,
        mentions=mentions, aliases=tuple(surfaces),
        org_type=registry_entry.org_type if registry_entry else None,
        role=role, role_source=role_source,
        description=registry_entry.description if registry_entry else None,
        wikidata=registry_entry.wikidata if registry_entry else None,
        co_mentioned=co_mentioned, article_ids=article_ids, joined=joined, may_be=may_be,
        protected=bool(registry_entry and registry_entry.protect),
    )
