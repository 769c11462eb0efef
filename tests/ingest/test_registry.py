"""The entity registry: read whole or not at all; every error names the file, the line and the key."""

from __future__ import annotations

import pytest

from generator.errors import UnsafeToPublish
from generator.ingest.registry import load_registry
from generator.model import EntityKind, OrgType
from tests.conftest import SEEDS


def _load(tmp_path, text):
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    return load_registry(tmp_path)


def _refused(tmp_path, text) -> UnsafeToPublish:
    with pytest.raises(UnsafeToPublish) as raised:
        _load(tmp_path, text)
    return raised.value


def test_the_seed_registry_is_valid():
    loaded = load_registry(SEEDS)
    assert loaded.problems == ()
    taliban = next(e for e in loaded.registry.entities if e.name == "Taliban")
    assert (taliban.kind, taliban.org_type) == (EntityKind.ORGANISATION, OrgType.ARMED)


def test_alias_claimed_by_two_entities(tmp_path):
    error = _refused(tmp_path, """entities:
  - {name: Ahmad Shah Massoud, kind: person, aliases: [Massoud]}
  - {name: Ahmad Massoud, kind: person, aliases: [Massoud]}
""")
    (problem,) = error.problems
    assert (problem.path, problem.key, problem.line) == ("entities.yml", "entities[1]", 3)
    assert "gives a name that entities[0] gives too" in problem.message
    assert "Massoud" not in str(problem)  # a message never quotes a name: it may be one at risk


def test_unknown_kind_and_type_name_their_key_and_line(tmp_path):
    error = _refused(tmp_path, """entities:
  - {name: Somebody, kind: human}
  - {name: Some Group, kind: organisation, type: charity}
  - {name: Fine, kind: place}
""")
    keys = {problem.key: problem for problem in error.problems}
    assert "no kind, or one that is not known" in keys["entities[0].kind"].message
    assert keys["entities[0].kind"].line == 2
    assert "unknown organisation type" in keys["entities[1].type"].message
    assert keys["entities[1].type"].line == 3


def test_bad_yaml_names_the_line(tmp_path):
    error = _refused(tmp_path, "entities:\n  - name: [unclosed\n    kind: person\n")
    assert error.problem.line is not None and "not valid YAML" in error.problem.message


def test_unknown_entry_key_and_wrong_alias_type(tmp_path):
    error = _refused(tmp_path, """entities:
  - {name: A, kind: person, born: 1950}
  - {name: B, kind: person, aliases: Bee}
""")
    assert {problem.key for problem in error.problems} == {"entities[0]", "entities[1].aliases"}
    assert all(problem.line for problem in error.problems)


@pytest.mark.parametrize("written, meant", [("protected", "protect"), ("Protect", "protect"), ("alias", "aliases"),
                                            ("Kind", "kind"), ("pseudonyme", "pseudonym")])
def test_a_key_close_to_a_known_one_is_named_as_its_misspelling(tmp_path, written, meant):
    error = _refused(tmp_path, f"entities:\n  - name: Ann Example\n    kind: person\n    {written}: true\n")
    assert error.problem.key == f"entities[0].{written}" and error.problem.line == 4
    assert f"misspelling of '{meant}'" in error.problem.message


def test_a_quoted_true_is_not_true(tmp_path):
    error = _refused(tmp_path, 'entities:\n  - name: Ann Example\n    kind: person\n    protect: "true"\n')
    assert error.problem.key == "entities[0].protect"
    assert "must be true or false (without quotes)" in error.problem.message
    assert "(protected: Person A)" in error.problem.message and "Ann" not in str(error)


def test_an_unknown_top_level_key_refuses_the_whole_registry(tmp_path):
    error = _refused(tmp_path, "entities:\n  - {name: Ann Example, kind: person, protect: true}\npeople: []\n")
    assert error.problem.line == 3 and "not one of entities, ignore" in error.problem.message
    assert "people" not in str(error)  # a key close to no known one is not quoted: it could be a name


def test_warnings_keep_the_registry(tmp_path):
    loaded = _load(tmp_path, 'entities:\n  - name: "Nadia\\nRahimi"\n    kind: person\n')
    assert [entity.name for entity in loaded.registry.entities] == ["Nadia Rahimi"]
    assert loaded.problems[0].severity == "warning" and "Nadia" not in str(loaded.problems[0])


def test_ignore_list_is_folded(tmp_path):
    loaded = _load(tmp_path, "ignore: [UN Charter]\n")
    assert loaded.registry.ignores("un charter") and loaded.registry.ignores("UN  Charter")
