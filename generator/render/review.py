"""The curator's review list: what the machine inferred or could not settle, before publishing.

Never part of the site: `dossier review --html` writes it beside the built site
(`build/review.html`), and nothing links to it. Each item cites the paragraph it is about and says
what to write in the registry or a sidecar to settle it. Protected people appear only under their
pseudonyms, like everywhere else: the review list is made from the same dossier as the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.ingest.registry import REGISTRY_FILE
from generator.model import Article, Dossier, Entity, Provenance
from generator.protect.near_miss import near_misses
from generator.render.environment import environment
from generator.render.wording import date_text, noun, published
from generator.text.scripts import ARABIC_SCRIPT
from generator.text.transliteration import alike


@dataclass(frozen=True)
class Item:
    """One thing to check: what it is, where it is (site-relative page and anchor), and how to settle it."""

    text: str
    where: str = ""  # "articles/slug/#p3" as the site addresses it; "" when it is not about a paragraph
    where_label: str = ""
    detail: str = ""  # an example sentence, an inferred value's evidence
    fix: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    explanation: str
    items: tuple[Item, ...] = field(default_factory=tuple)


def _page(path: str) -> str:
    """"articles/x.md" → "articles/x/index.html": opens from disk and on a server alike."""
    return path.removesuffix(".md") + "/index.html"


def _at(article: Article, paragraph: int | None = None) -> tuple[str, str]:
    anchor = f"#p{paragraph}" if paragraph else ""
    label = f"{article.metadata.source_name}" + (f" ¶{paragraph}" if paragraph else "")
    return _page(article.page_path) + anchor, label


def review_sections(dossier: Dossier, examples: int = 2) -> list[Section]:
    articles = {article.metadata.article_id: article for article in dossier.articles}
    sections = []

    sections.append(Section("problems", "Problems in the inputs",
                            "Everything `dossier check` reports: an error left an input out; a warning kept it.",
                            tuple(Item(f"{problem.severity}: {problem}") for problem in dossier.problems)))

    unreviewed = sorted((e for e in dossier.entities if not e.reviewed), key=lambda e: (-len(e.mentions), e.name))
    sections.append(Section("unreviewed", "Names the model found that the registry does not hold",
                            "Shown on the site as unreviewed. None of them is protected: a name is protected only "
                            "by an entry in the registry.", tuple(
        Item(f"{entity.name} [{entity.kind.value}], {_count(len(entity.mentions), 'mention')} in "
             f"{_count(len(entity.article_ids), 'article')}", *_at(articles[mention.article_id], mention.paragraph),
             detail=mention.sentence,
             fix=f"Add to {REGISTRY_FILE}: `- name: {entity.name}` with `kind: {entity.kind.value}` (and "
                 "`protect: true` if the person is at risk), make it an alias of an entry, or add it to `ignore:`.")
        for entity in unreviewed for mention in entity.mentions[:examples])))

    sections.append(_cross_script_section(dossier, articles))
    sections.append(Section("merged", "Spellings the resolution stage joined",
                            "Each was taken for the named entity by a rule; a wrong join mixes two people.", tuple(
        Item(f"“{joined.spelling}” joined to {entity.name} [{entity.kind.value}]", _page(entity.page_path)
             if entity.has_page else "", entity.name if entity.has_page else "", detail=joined.reason,
             fix=f"If it is someone else, give “{joined.spelling}” its own entry in {REGISTRY_FILE}.")
        for entity in dossier.entities for joined in entity.joined) + tuple(
        Item(f"“{entity.name}” may be {' or '.join(entity.may_be)}: kept apart", "", "",
             fix=f"Add “{entity.name}” as an alias of the right person in {REGISTRY_FILE}.")
        for entity in dossier.entities if entity.may_be)))

    dates = []
    for article in dossier.articles:
        date = article.metadata.date
        if date.known and date.provenance is Provenance.INFERRED:
            dates.append(Item(f"{article.metadata.title.value}: {published(date)}", *_at(article),
                              detail=date.evidence, fix=f"Confirm it with `date:` in {article.source.stem}.yml."))
        elif not date.known:
            what = published(date)
            dates.append(Item(f"{article.metadata.title.value}: {what}", *_at(article),
                              detail=date.not_before_evidence or date.evidence,
                              fix=f"Add `date: YYYY-MM-DD` to {article.source.stem}.yml if the date is known."))
    sections.append(Section("dates", "Inferred, bounded and unknown article dates",
                            "An inferred date is the machine's reasoning, shown as such on the site.", tuple(dates)))

    sections.append(Section("publishers", "Articles with no publisher", "Shown as “unknown” on the site.", tuple(
        Item(article.metadata.title.value or article.source.name, *_at(article),
             fix=f"Add `publisher: …` to {article.source.stem}.yml.")
        for article in dossier.articles if not article.metadata.publisher.known)))

    sections.append(Section("conflicts", "Events given different dates",
                            "What looks like one event, dated differently by different articles.", tuple(
        Item(f"{date_text(entry.first, entry.precision, entry.last)}: {entry.sentence}",
             *_at(articles[entry.citations[0].article_id], entry.citations[0].paragraph),
             detail="; ".join(f"{date_text(conflict.first, conflict.precision)} in " + ", ".join(
                 f"“{articles[article].metadata.title.value}” ¶{paragraph}" for article, paragraph in conflict.citations)
                 for conflict in entry.conflicts),
             fix="Read both paragraphs; correct an article's date in its sidecar if it is the cause.")
        for entry in dossier.timeline if entry.conflicts)))

    sections.append(Section("quotes", "Quotes without a speaker",
                            "The text does not say who spoke, so the site names no one.", tuple(
        Item(f"“{quote.text}”", *_at(article, quote.paragraph),
             fix="Nothing to add if the article does not say; never guess a speaker.")
        for article in dossier.articles for quote in article.quotes if not quote.speaker)))

    protected = [entity for entity in dossier.entities if entity.protected]
    sections.append(Section("protected", "Protected names", "Published only under these pseudonyms.", tuple(
        Item(f"{entity.name} [{entity.kind.value}]: {_count(len(entity.mentions), 'mention')} in "
             f"{_count(len(entity.article_ids), 'article')}", _page(entity.page_path) if entity.has_page else "", entity.name if entity.has_page else "")
        for entity in protected)))
    sections.append(Section("near-misses", "Words close to a protected name",
                            "Published as written: another transliteration of a protected name, or an unrelated "
                            "word? The word is not shown here (it may be the name); open the file at the line.",
                            tuple(Item(str(miss), fix=f"If it is {miss.pseudonym}, add the spelling to the entry's "
                                                      f"aliases in {REGISTRY_FILE}.")
                                  for miss in near_misses(dossier))))
    return sections


def review_html(sections: list[Section], site_prefix: str, title: str) -> str:
    """A standalone page of `review_sections`; `site_prefix` is where the built site lies, relative to the page."""
    return environment().get_template("review.html.j2").render(sections=sections, site=site_prefix, title=title)


def _count(count: int, singular: str) -> str:
    return f"{count} {noun(count, singular)}"


def _cross_script_section(dossier: Dossier, articles: dict[str, Article]) -> Section:
    return Section("cross-script", "Names in Persian script that may be registered names",
                   "Found in Persian text, and written with the consonants of a name the registry holds in Latin "
                   "letters. Only the curator can tell: the generator never joins names across scripts.", tuple(
        Item(f"{found.name} may be {registered.name}",
             *_at(articles[found.mentions[0].article_id], found.mentions[0].paragraph),
             detail=found.mentions[0].sentence,
             fix=f"If it is, add `{found.name}` to the aliases of {registered.name} in {REGISTRY_FILE}.")
        for found, registered in _cross_script(dossier)))


def _cross_script(dossier: Dossier) -> list[tuple[Entity, Entity]]:
    """(a name found in Persian script, a registered name in Latin letters of the same kind) alike by consonants."""
    persian = [entity for entity in dossier.entities if not entity.reviewed and ARABIC_SCRIPT.search(entity.name)]
    registered = [entity for entity in dossier.entities if entity.reviewed and not ARABIC_SCRIPT.search(entity.name)]
    return [(found, known) for found in persian for known in registered
            if known.kind is found.kind and alike(found.name, known.name)]
