"""The entity registry: validation errors name the file and the key; bad entries are left out."""

from __future__ import annotations

from generator.model import EntityKind, OrgType
from generator.registry import load_registry
from tests.conftest import SEEDS


def _load(tmp_path, text):
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    return load_registry(tmp_path)


def test_the_seed_registry_is_valid():
    loaded = load_registry(SEEDS)
    assert loaded.problems == ()
    taliban = next(e for e in loaded.registry.entities if e.name == "Taliban")
    assert (taliban.kind, taliban.org_type) == (EntityKind.ORGANISATION, OrgType.ARMED)


def test_alias_claimed_by_two_entities(tmp_path):
    loaded = _load(tmp_path, """
entities:
  - {name: Ahmad Shah Massoud, kind: person, aliases: [Massoud]}
  - {name: Ahmad Massoud, kind: person, aliases: [Massoud]}
""")
    assert [e.name for e in loaded.registry.entities] == ["Ahmad Shah Massoud"]
    (problem,) = loaded.problems
    assert problem.path == "entities.yml" and problem.key == "entities[1]"
    assert "'Massoud' is claimed by both 'Ahmad Shah Massoud' and 'Ahmad Massoud'" in problem.message


def test_unknown_kind_and_type_name_their_key(tmp_path):
    loaded = _load(tmp_path, """
entities:
  - {name: Somebody, kind: human}
  - {name: Some Group, kind: organisation, type: charity}
  - {name: Fine, kind: place}
""")
    assert [e.name for e in loaded.registry.entities] == ["Fine"]
    keys = {p.key: p.message for p in loaded.problems}
    assert "unknown kind 'human'" in keys["entities[0].kind"]
    assert "unknown organisation type 'charity'" in keys["entities[1].type"]


def test_bad_yaml_names_the_line(tmp_path):
    loaded = _load(tmp_path, "entities:\n  - name: [unclosed\n    kind: person\n")
    (problem,) = loaded.problems
    assert problem.line is not None and "not valid YAML" in problem.message


def test_unknown_entry_key_and_wrong_alias_type(tmp_path):
    loaded = _load(tmp_path, """
entities:
  - {name: A, kind: person, born: 1950}
  - {name: B, kind: person, aliases: Bee}
""")
    keys = {p.key for p in loaded.problems}
    assert keys == {"entities[0].born", "entities[1].aliases"}


def test_ignore_list_is_folded(tmp_path):
    loaded = _load(tmp_path, "ignore: [UN Charter]\n")
    assert loaded.registry.ignores("un charter") and loaded.registry.ignores("UN  Charter")
