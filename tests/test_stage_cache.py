"""The per-article stage cache: keyed by each stage's own arguments, so a result is reused exactly when
nothing it reads changed — wherever the dossier lies on disk — and an edit recomputes only its article."""

from __future__ import annotations

import shutil

from generator.extract.ner import Recogniser
from generator.pipeline import build_dossier
from generator.stage_cache import StageCache
from tests.conftest import SEEDS

PER_ARTICLE_STAGES = 6  # clean, metadata, case, mentions, events, quotes (and capitals, beside a one-case article)


def _build(seeds, cache_root):
    cache = StageCache(cache_root / "stages")
    return build_dossier(seeds, Recogniser(cache_root), cache), cache


def test_an_unchanged_dossier_is_read_from_the_cache_wherever_it_lies(tmp_path):
    first_seeds, second_seeds = tmp_path / "one" / "seeds", tmp_path / "two" / "seeds"
    shutil.copytree(SEEDS, first_seeds)
    shutil.copytree(SEEDS, second_seeds)
    cache_root = tmp_path / "cache"
    first, cold = _build(first_seeds, cache_root)
    assert cold.hits == 0 and cold.misses == PER_ARTICLE_STAGES * len(first.articles)
    second, warm = _build(second_seeds, cache_root)  # another folder: the key holds no path
    assert warm.misses == 0 and warm.hits == cold.misses
    assert [a.metadata for a in second.articles] == [a.metadata for a in first.articles]
    assert second.entities == first.entities and second.timeline == first.timeline


def test_an_edited_article_is_the_only_one_computed_again(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    cache_root = tmp_path / "cache"
    _build(seeds, cache_root)
    edited = sorted(seeds.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" the ", " the  ", 1) + "\nA closing line.\n",
                      encoding="utf-8")
    dossier, cache = _build(seeds, cache_root)
    assert cache.misses == PER_ARTICLE_STAGES  # the edited article's five stages, nothing else
    assert cache.hits == PER_ARTICLE_STAGES * (len(dossier.articles) - 1)
    assert any("A closing line." in p.text for a in dossier.articles for p in a.paragraphs)
