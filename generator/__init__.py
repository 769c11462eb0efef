"""The dossier generator: news articles about one event become a documentary MkDocs site.

The pipeline reads top to bottom (`pipeline.build_dossier`), one folder per stage, data passed as the
dataclasses of `model`:

    ingest/    seed files, sidecars, the registry             -> SourceFile, Registry
    protect/   protected names to pseudonyms; the audit        -> the same, with no protected name
    clean/     headline and paragraphs, boilerplate set aside  -> CleanText
    extract/   metadata, names, dates, events, quotes          -> Article (Metadata, Mention, Event, Quote)
    assemble/  entities, the timeline, shared passages         -> Dossier (Entity, TimelineEntry, SharedPassage)
    render/    pages through templates                          -> RenderedPage
    export/    JSON, CSV, TimelineJS, FollowTheMoney            -> data files
    site/      the MkDocs plugin, the live preview, `new`

`text/` holds what every stage shares; `cli` is the `dossier` command.
"""
