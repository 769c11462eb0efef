"""The pipeline, top to bottom: ingest, clean, extract, resolve, assemble. Rendering comes after."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from generator.assemble.corroboration import with_corroborated_dates
from generator.assemble.entities import assemble_entities
from generator.assemble.passages import SharedPassageIndex
from generator.assemble.resolve import resolve_entities
from generator.assemble.timeline import build_timeline
from generator.clean.boilerplate import clean_text, tail_warnings
from generator.clean.casing import Capitals, capital_tally, one_case, words_to_recase
from generator.clean.markup import scan_source
from generator.errors import shorten
from generator.extract.entities import RegistryMatcher, echo_known_names, extract_mentions, model_texts
from generator.extract.events import extract_events
from generator.extract.metadata import DossierEvidence, extract_metadata, stated_publication_year
from generator.extract.ner import ModelUnavailable, Recogniser
from generator.extract.quotes import extract_quotes
from generator.ingest.formats import HTML_SUFFIXES
from generator.ingest.registry import LoadedRegistry, load_registry
from generator.ingest.sources import ingest
from generator.model import Article, Dossier, Problem
from generator.protect.redact import protect, withhold
from generator.stage_cache import StageCache, forget_on_protection_change
from generator.text.slugs import RESERVED, allocate_slugs, slugify

#: Opens the message of an error that no check foresaw (a bug): see `_PerArticle`.
INTERNAL_ERROR = "the generator failed on this file"
T = TypeVar("T")


@dataclass
class DossierMemory:
    """What a long-lived process (a preview server) keeps of one dossier's last build for the next, so
    that an edit recounts only what it touched. Each part checks what changed itself: given other
    articles, it gives what a first build would."""

    passages: SharedPassageIndex = field(default_factory=SharedPassageIndex)
    articles: dict[str, Article] = field(default_factory=dict)  # the last build's, by id

    def same_as_last(self, articles: list[Article]) -> list[Article]:
        """Each article that equals the last build's as that very object: the pages compare by reference first."""
        last = self.articles
        articles = [old if (old := last.get(article.metadata.article_id)) == article else article
                    for article in articles]
        self.articles = {article.metadata.article_id: article for article in articles}
        return articles


def build_dossier(seeds_dir: Path, recogniser: Recogniser | None = None, cache: StageCache | None = None,
                  loaded_registry: LoadedRegistry | None = None, memory: DossierMemory | None = None) -> Dossier:
    """The whole dossier from a seeds folder; `recogniser` carries the NER model and its cache,
    `cache` the per-article results of earlier builds (see `stage_cache`), `loaded_registry` the
    registry if the caller read it already (the plugin does, before anything is written), `memory`
    what a preview kept of the last build."""
    cache = cache or StageCache(None)
    memory = memory or DossierMemory()
    ingested = ingest(seeds_dir)
    loaded_registry = loaded_registry or load_registry(seeds_dir)
    registry, redactor, protect_problems = protect(loaded_registry.registry)  # no stage after sees a protected name
    if cache.folder is not None:  # results cached before a name was protected hold it: they go
        forget_on_protection_change(cache.folder.parent, redactor.fingerprint)
    problems = [*ingested.problems, *loaded_registry.problems, *protect_problems]
    run = _PerArticle(cache, problems)
    sources = []
    for source in ingested.sources:
        source, name_problems = redactor.source(source)
        sources.append(source)
        problems.extend(name_problems)

    cleaned = _cleaned(sources, run)
    evidence = DossierEvidence(tuple(sorted(
        {year for source, clean in cleaned if (year := stated_publication_year(source, clean)) is not None})))
    articles = []
    for source, clean in cleaned:
        extracted = run("metadata", source.name, "read for its metadata", extract_metadata, source, clean, evidence)
        if extracted is not None:
            metadata, metadata_problems = extracted
            problems.extend(metadata_problems)
            articles.append(withhold(Article(source, clean, metadata, slug="")))  # as the curator's sidecar asks

    articles, spans = _named(articles, recogniser or Recogniser(), RegistryMatcher(registry), run)
    slugs = allocate_slugs(((a.source.stem, (a.metadata.title.value or "", a.source.stem)) for a in articles),
                           "article")
    articles = [replace(article, slug=slugs[article.source.stem]) for article in articles]
    problems.extend(_page_name_warnings(articles))
    articles, resolution = resolve_entities(articles, registry)
    entities = assemble_entities(articles, registry, resolution)

    dated_articles = []
    for article, article_spans in zip(articles, spans, strict=True):
        name = article.source.name
        events, event_problems = run("events", name, "read for dates", extract_events, article, article_spans,
                                     evidence.stated_years) or ([], [])
        problems.extend(event_problems)
        quotes = run("quotes", name, "read for quotes", extract_quotes, article.metadata.article_id,
                     article.paragraphs, article.mentions) or []
        dated_articles.append(replace(article, events=tuple(events), quotes=tuple(quotes)))
    timeline = build_timeline(dated_articles)
    dated_articles = memory.same_as_last(with_corroborated_dates(dated_articles, timeline))  # one date per article
    return Dossier(articles=tuple(dated_articles), problems=tuple(map(redactor.problem, problems)),
                   entities=tuple(entities), timeline=tuple(timeline),
                   shared_passages=tuple(memory.passages.update(dated_articles)), protected=redactor.protected)


@dataclass
class _PerArticle:
    """One article through one stage: its result cached under the stage's own arguments (the whole of its
    input, so no key is listed by hand), behind the barrier between one article and the whole site."""

    cache: StageCache
    problems: list[Problem]

    def __call__(self, stage: str, source_name: str, what: str, function: Callable[..., T], *args: object) -> T | None:
        """`function(*args)`, cached; an error no check foresaw is reported for that file, and the article is
        left out of that stage, so the rest of the dossier is still built. The tests treat any such report
        as a failure (see `INTERNAL_ERROR`): it is a bug, never an expected outcome."""
        try:
            return self.cache.run(stage, function, *args, of=source_name)
        except Exception as error:  # noqa: BLE001 -- the barrier between one article and the whole site
            self.problems.append(Problem(
                source_name, f"{INTERNAL_ERROR} while it was {what} ({type(error).__name__}: "
                             f"{shorten(str(error))}); that step is skipped for this file.",
                "Please report this with the file; the rest of the site is built."))
            return None


def _cleaned(sources, run: _PerArticle) -> list[tuple]:
    """Each source with its clean text; one with no body text is reported and left out."""
    cleaned = []
    for source in sources:
        result = run("clean", source.name, "cleaned", _clean_and_scan, source)
        if result is None:
            continue
        clean, scan_problems = result
        if not clean.paragraphs:
            what = "only a headline" if clean.headline else "only lines recognised as boilerplate"
            web_page = source.name.lower().endswith(HTML_SUFFIXES)
            run.problems.append(Problem(
                source.name, f"has {what} and no body text; not published.",
                "Save the article's own page (not an index or a login page), or paste its text into a .txt file."
                if web_page else "Paste the article's text under its headline."))
            continue
        run.problems.extend(scan_problems)
        cleaned.append((source, clean))
    return cleaned


def _named(articles, recogniser: Recogniser, matcher: RegistryMatcher, run: _PerArticle) -> tuple[list, list]:
    """Each article with the names found in it, and the model's spans of each (the dates read them too)."""
    views = _model_views(articles, run)
    try:
        spans = recogniser.spans(views)
    except ModelUnavailable as error:
        run.problems.append(Problem("NER model", str(error), "Only names in seeds/entities.yml are found."))
        spans = [[] for _ in articles]
    with_names = []
    for article, article_spans, view in zip(articles, spans, views, strict=True):
        mentions = run("mentions", article.source.name, "searched for names", extract_mentions,
                       article.metadata.article_id, article.paragraphs, tuple(article_spans), matcher, tuple(view))
        if mentions is not None:
            with_names.append((replace(article, mentions=tuple(mentions)), article_spans))
    named = echo_known_names([article for article, _ in with_names])  # a name found once, wherever written
    return named, [article_spans for _, article_spans in with_names]


def _model_views(articles, run: _PerArticle) -> list[list[str]]:
    """Each article's paragraphs as the model reads them: a wire dateline blanked, and an article
    written all in one case recased with the capitals the other articles give its words (each
    article's capitals are tallied once, and the tallies summed)."""
    views = [model_texts(article.paragraphs) for article in articles]
    cases = [run("case", article.source.name, "read for its case", one_case, tuple(view))
             for article, view in zip(articles, views, strict=True)]
    if not any(cases):
        return views
    wanted = words_to_recase(text for view, case in zip(views, cases, strict=True) if case is not None for text in view)
    tallies = (run("capitals", article.source.name, "read for its capitals", capital_tally, tuple(view))
               for article, view, case in zip(articles, views, cases, strict=True) if case is None)
    capitals = Capitals([tally for tally in tallies if tally is not None], wanted)
    for index, (article, case) in enumerate(zip(articles, cases, strict=True)):
        if case is not None:
            views[index] = [capitals.recase(text) for text in views[index]]
            letters = "capitals" if case == "upper" else "small letters"
            run.problems.append(Problem(
                article.source.name, f"is written all in {letters}; its names were read with the capitals the "
                "other articles give its words.", "Check its people and organisations, or paste a copy with "
                "its capitals.", severity="warning"))
    return views


def _clean_and_scan(source):
    clean = clean_text(source.text)
    return clean, (scan_source(source, clean) + tail_warnings(source.name, clean) if clean.paragraphs else [])


def _page_name_warnings(articles) -> list[Problem]:
    """A title that cannot name its page: no letter or digit at all, or a reserved name."""
    problems = []
    for article in articles:
        title = article.metadata.title.value or ""
        natural = slugify(title)
        if not any(char.isalnum() for char in title):
            why = "has no letter or digit to name its page"
        elif natural in RESERVED:
            why = f"would name its page '{natural}', which is reserved"
        else:
            continue
        problems.append(Problem(article.source.name, f"title '{title}' {why}; the page is articles/{article.slug}/.",
                                "Give the article a title in its sidecar (title: ...) if the name matters.",
                                severity="warning"))
    return problems
