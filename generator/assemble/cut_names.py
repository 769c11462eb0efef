"""Names the model cut at "and" ("Organisation for Economic Co-operation" before "and Development"),
made whole where the dossier writes the whole name elsewhere."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from generator.assemble.name_keys import bare_key, loose_key
from generator.model import Article, EntityKind, Mention

AND_TAIL = re.compile(r" and [A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}")


def completed_at_and(articles: Sequence[Article]) -> list[Article]:
    """"Organisation for Economic Co-operation", where the text goes on "and Development": the model
    stopped at "and". Such a name is completed when the dossier writes its whole elsewhere; only then,
    for "Bank of Hawaii and Philippine sugar trader Antonio Chan" is no one name."""
    known = {loose_key(bare_key(m.name), EntityKind.ORGANISATION) for article in articles for m in article.mentions
             if m.kind is EntityKind.ORGANISATION and " and " in m.name}
    if not known:
        return list(articles)
    # "World Bank and IMF" is two bodies however the model once read it: "IMF" is written alone
    # elsewhere, where "Wireless" never is
    alone = set()
    for article in articles:
        texts = {paragraph.number: paragraph.text for paragraph in article.paragraphs}
        alone |= {loose_key(bare_key(m.name), EntityKind.ORGANISATION) for m in article.mentions
                  if not texts.get(m.paragraph, "")[:m.start].endswith(("and ", "& "))}
    completed = []
    for article in articles:
        texts = {paragraph.number: paragraph.text for paragraph in article.paragraphs}
        mentions = [whole_at_and(m, texts.get(m.paragraph, ""), known, alone) for m in article.mentions]
        if mentions == list(article.mentions):
            completed.append(article)
            continue
        # "Cable and Wireless" read as "Cable" and "Wireless": the second is part of the completed name
        covered = {(m.paragraph, offset) for m, was in zip(mentions, article.mentions, strict=True)
                   if m is not was for offset in range(was.end, m.end)}
        completed.append(replace(article, mentions=tuple(m for m in mentions if (m.paragraph, m.start) not in covered)))
    return completed


def whole_at_and(mention: Mention, text: str, known: set[str], alone: set[str]) -> Mention:
    if mention.kind is not EntityKind.ORGANISATION or mention.origin != "model":
        return mention
    tail = AND_TAIL.match(text, mention.end)
    if not tail:
        return mention
    words = tail[0].split(" ")
    for count in range(len(words), 2, -1):  # the longest tail the dossier knows: " and", then the words
        end = mention.end + len(" ".join(words[:count]))
        name = f"{mention.name}{' '.join(words[:count])}"
        second = loose_key(bare_key(" ".join(words[2:count])), EntityKind.ORGANISATION)
        if loose_key(bare_key(name), EntityKind.ORGANISATION) in known and second not in alone:
            return replace(mention, end=end, surface=text[mention.start:end], name=name)
    return mention
