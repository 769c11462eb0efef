"""Mentions from all articles become entities: one per person, organisation or place.

A registered name is its own canonical form. An unregistered surname alone ("Koofi")
joins the one full name ending in it, in the same article first, then in the dossier.
An unregistered name the model labels differently in different places gets the kind it
is given most often, so it still has exactly one page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .model import Article, Entity, EntityKind, Mention
from .registry import Registry
from .slugs import allocate_slugs
from .textfold import fold_key

MAX_CO_MENTIONED = 10
_KIND_PREFERENCE = {EntityKind.ORGANISATION: 0, EntityKind.PERSON: 1, EntityKind.PLACE: 2}


def assemble_entities(articles: Sequence[Article], registry: Registry) -> tuple[list[Article], list[Entity]]:
    registered = {entity.name: entity for entity in registry.entities}
    surname_owner = _surname_owners(articles, registered)

    def canonical(mention: Mention) -> str:
        if mention.name in registered or mention.origin == "registry":
            return mention.name
        if mention.kind is EntityKind.PERSON and len(mention.name.split()) == 1:
            owner = surname_owner.get((mention.article_id, fold_key(mention.name))) \
                or surname_owner.get((None, fold_key(mention.name)))
            if owner:
                return owner
        return mention.name

    canonical_of: dict[int, tuple[str, str]] = {}  # id(mention) -> (canonical name, its folded key), once each
    groups: dict[str, list[Mention]] = defaultdict(list)  # folded canonical name -> mentions
    for article in articles:
        for mention in article.mentions:
            name = canonical(mention)
            key = fold_key(name)
            canonical_of[id(mention)] = (name, key)
            groups[key].append(mention)

    names: dict[str, str] = {}
    kinds: dict[str, EntityKind] = {}
    for key, mentions in groups.items():
        written = [canonical_of[id(m)][0] for m in mentions]
        registered_entity = next((registered[name] for name in written if name in registered), None)
        if registered_entity:
            names[key], kinds[key] = registered_entity.name, registered_entity.kind
        else:
            names[key] = Counter(written).most_common(1)[0][0]
            kind_votes = Counter(m.kind for m in mentions)
            kinds[key] = min(kind_votes, key=lambda kind: (-kind_votes[kind], _KIND_PREFERENCE[kind]))

    final_articles = [
        replace(article, mentions=tuple(
            replace(m, name=names[canonical_of[id(m)][1]], kind=kinds[canonical_of[id(m)][1]])
            for m in article.mentions))
        for article in articles]
    article_order = {article.metadata.article_id: index for index, article in enumerate(articles)}
    entities = _entities(final_articles, registered, article_order)
    return final_articles, entities


def _surname_owners(articles: Sequence[Article], registered) -> dict[tuple[str | None, str], str]:
    """(article id or None for the whole dossier, folded surname) -> the one full name ending in it."""
    full_names: dict[str | None, set[str]] = defaultdict(set)
    for article in articles:
        for mention in article.mentions:
            if mention.kind is EntityKind.PERSON and len(mention.name.split()) > 1:
                full_names[mention.article_id].add(mention.name)
                full_names[None].add(mention.name)
    for entity in registered.values():
        if entity.kind is EntityKind.PERSON and len(entity.name.split()) > 1:
            full_names[None].add(entity.name)
    owners: dict[tuple[str | None, str], str] = {}
    for scope, names in full_names.items():
        by_surname: dict[str, set[str]] = defaultdict(set)
        for name in names:
            by_surname[fold_key(name.split()[-1])].add(name)
        for surname, candidates in by_surname.items():
            if len(candidates) == 1:  # two Ahmad Shahs: "Shah" alone joins neither
                owners[(scope, surname)] = next(iter(candidates))
    return owners


def _entities(articles: Sequence[Article], registered, article_order: dict[str, int]) -> list[Entity]:
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
        kind = mentions[0].kind
        registry_entry = registered.get(name)
        surfaces = sorted({m.surface for m in mentions if fold_key(m.surface) != fold_key(name)},
                          key=lambda surface: (fold_key(surface), surface))
        roles = Counter(m.role for m in mentions if m.role)
        role, role_source = None, ""
        if registry_entry and registry_entry.role:
            role, role_source = registry_entry.role, "registry"
        elif roles:  # the most frequent title, the fullest on a tie
            role, role_source = max(roles, key=lambda r: (roles[r], len(r), r)), "text"
        article_ids = sorted({m.article_id for m in mentions}, key=article_order.__getitem__)
        entities.append(Entity(
            slug=slugs[f"{kind.value}:{name}"], name=name, kind=kind, reviewed=registry_entry is not None,
            mentions=tuple(mentions), aliases=tuple(surfaces),
            org_type=registry_entry.org_type if registry_entry else None,
            role=role, role_source=role_source,
            description=registry_entry.description if registry_entry else None,
            wikidata=registry_entry.wikidata if registry_entry else None,
            co_mentioned=tuple(sorted(together[name].items(), key=lambda item: (-item[1], item[0]))[:MAX_CO_MENTIONED]),
            article_ids=tuple(article_ids),
        ))
    return entities
