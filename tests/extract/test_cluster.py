"""Name recognition through an executor: a local process pool, or a Dask cluster, gives exactly
what one process gives, and a worker with another model is refused."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context

import distributed
import pytest

from generator.extract import ner
from generator.extract.ner import ModelUnavailable, Recogniser
from generator.pipeline import build_dossier
from tests.conftest import CORPORA, SEEDS


def _corpus_paragraphs(count: int) -> list[list[str]]:
    """Real paragraphs of a few Reuters and BBC articles, a list per article."""
    files = sorted((CORPORA / "reuters21578").glob("*.txt"))[:count] + sorted((CORPORA / "bbc").glob("*.txt"))[:count]
    return [[p for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()] for f in files]


@pytest.fixture(scope="module")
def articles():
    return _corpus_paragraphs(6)


@pytest.fixture(scope="module")
def in_process(articles):
    return Recogniser(None).spans(articles)


def test_a_local_process_pool_finds_what_one_process_finds(articles, in_process, monkeypatch):
    monkeypatch.setattr(ner, "TASK_TEXTS", 7)  # several tasks, so their order is put to the test
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        pooled = Recogniser(None, executor=pool).spans(articles)
    assert pooled == in_process
    assert any(span.label == "PERSON" for spans in pooled for span in spans)


def test_a_dask_cluster_builds_the_same_dossier_as_one_process(monkeypatch):
    monkeypatch.setattr(ner, "TASK_TEXTS", 10)
    single = build_dossier(SEEDS, Recogniser(None))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        recogniser = Recogniser(None, executor=client.get_executor())
        clustered = build_dossier(SEEDS, recogniser)
        workers = {info["host"] for info in client.scheduler_info()["workers"].values()}
    assert recogniser.runs > 0 and workers == {"127.0.0.1"}
    assert clustered == single
    assert {e.name for e in clustered.entities} == {e.name for e in single.entities}


def _other_model(texts):
    return "en_core_web_sm-0.0.1-other", [[] for _ in texts]


def test_a_worker_running_another_model_is_refused(articles, monkeypatch):
    monkeypatch.setattr(ner, "recognise_texts", _other_model)
    with ThreadPoolExecutor(1) as pool, pytest.raises(ModelUnavailable, match="install the same"):
        Recogniser(None, executor=pool).spans(articles)


def test_an_unreachable_scheduler_is_named_in_the_error():
    with pytest.raises(ner.ClusterUnavailable, match="127.0.0.1:9"):
        ner.cluster_executor("tcp://127.0.0.1:9", timeout=2)
