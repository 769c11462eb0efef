"""The prebuilt search index: postings that rank a name's own page first, files named by their content,
and an edit that rewrites only the files of the words it changed."""

from __future__ import annotations

import json
from pathlib import Path

from generator.render.search_entry import SearchEntry
from generator.site.search_index import FOLDER, SearchIndex, impacts
from tests.search_files import index_of, read


def _article(title: str, *paragraphs: str) -> SearchEntry:
    return SearchEntry("Article", title, "Wire · 2 March 1987",
                       blocks=tuple((f"p{n}", f"¶{n}", text) for n, text in enumerate(paragraphs, start=1)))


ENTRIES = {
    "articles/oil/": _article("Oil prices rise", "Opec ministers met in Vienna.", "Oil rose; Sheikh Yamani spoke."),
    "articles/vote/": _article("A vote in Lisbon", "Voters in Lisbon chose a new mayor.", "Yamani was not there."),
    "actors/ahmed-zaki-yamani/": SearchEntry("Person", "Ahmed Zaki Yamani", "Person · oil minister",
                                             names=("Ahmed Zaki Yamani", "Yamani")),
    "": SearchEntry("Page", "Home", blocks=(("", "Home", "A dossier of wire reports."),)),
}


def _files(site: Path) -> dict[str, bytes]:
    folder = site / FOLDER
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_a_name_weighs_most_on_its_own_page_then_a_title_then_the_text():
    person, article = impacts(ENTRIES["actors/ahmed-zaki-yamani/"]), impacts(ENTRIES["articles/oil/"])
    assert person["yamani"] > article["yamani"]
    assert article["oil"] > article["vienna"]  # "oil" is in the title and the text, Vienna in the text only
    assert "the" not in article and "s" not in article


def test_the_files_hold_every_page_and_its_postings(tmp_path):
    SearchIndex().publish(tmp_path, ENTRIES)
    index = index_of(tmp_path)
    assert index.manifest["pages"] == 4 and set(index.pages) == set(ENTRIES)
    assert index.pages["actors/ahmed-zaki-yamani/"]["names"] == ["ahmed zaki yamani", "yamani"]
    assert set(index.postings("yamani")) == {"articles/oil/", "articles/vote/", "actors/ahmed-zaki-yamani/"}
    assert set(index.postings("lisbon")) == {"articles/vote/"}
    assert index.postings("the") == {}
    assert index.passages("articles/oil/") == [["p1", "¶1", "Opec ministers met in Vienna."],
                                               ["p2", "¶2", "Oil rose; Sheikh Yamani spoke."]]
    assert index.passages("actors/ahmed-zaki-yamani/") == []  # a name's page is found by its name, not text


def test_the_same_pages_give_the_same_bytes_in_any_order(tmp_path):
    SearchIndex().publish(tmp_path / "a", ENTRIES)
    SearchIndex().publish(tmp_path / "b", dict(reversed(list(ENTRIES.items()))))
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_an_edit_rewrites_the_files_of_its_words_only_and_ends_as_a_full_build(tmp_path):
    index = SearchIndex()
    index.publish(tmp_path / "served", ENTRIES)
    before = _files(tmp_path / "served")
    edited = dict(ENTRIES, **{"articles/vote/": _article("A vote in Lisbon", "Voters in Lisbon chose a new mayor.",
                                                          "Yamani was not there.", "Zanzibar followed.")})
    index.publish(tmp_path / "served", edited)
    after = _files(tmp_path / "served")
    changed = {name for name in after if before.get(name) != after[name]}
    shards = {name.split("/")[1].split(".")[0] for name in changed if name.startswith("t/")}
    assert shards == {"za".encode().hex(), "fo".encode().hex()}  # "zanzibar", "followed": new words' shards
    assert {name.split(".")[0] for name in changed if not name.startswith("t/")} <= {"manifest", "meta", "d/0"}
    SearchIndex().publish(tmp_path / "full", edited)
    assert after == _files(tmp_path / "full")  # old versions of rewritten files are gone too


def test_a_page_gone_leaves_no_posting(tmp_path):
    index = SearchIndex()
    index.publish(tmp_path, ENTRIES)
    index.publish(tmp_path, {"": ENTRIES[""]}, locations={"", "articles/oil/", "actors/ahmed-zaki-yamani/"})
    assert set(index_of(tmp_path).pages) == {"", "articles/oil/", "actors/ahmed-zaki-yamani/"}
    assert set(index_of(tmp_path).postings("lisbon")) == set()


def test_the_offline_bundle_gets_the_same_data_as_scripts(tmp_path):
    SearchIndex().publish(tmp_path / "hosted", ENTRIES)
    SearchIndex(offline=True).publish(tmp_path / "offline", ENTRIES)
    hosted, offline = _files(tmp_path / "hosted"), _files(tmp_path / "offline")
    assert {name.removesuffix(".json") for name in hosted} == {name.removesuffix(".js") for name in offline}
    for name in hosted:
        data = read(tmp_path / "offline" / FOLDER / (name[:-5] + ".js"))
        if name == "manifest.json":  # the same files, as scripts
            data = json.loads(json.dumps(data).replace('.js"', '.json"'))
        assert read(tmp_path / "hosted" / FOLDER / name) == data
