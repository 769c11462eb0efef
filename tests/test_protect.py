"""Protected people: no spelling of a protected name in any byte of any output; nothing else hidden."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from generator.errors import UnsafeToPublish
from generator.model import EntityKind, Provenance
from generator.pipeline import build_dossier
from generator.protect import Protected, Redactor, protect
from generator.registry import RegisteredEntity, Registry, load_registry
from tests.conftest import PROJECT, copy_project

FIXTURES = Path(__file__).parent / "fixtures" / "protected"
#: Every way the seeds and the fixture write the protected person (read in 004 ¶7, ¶9 and the fixture).
KOOFI = ("Fawzia Koofi", "Koofi", "KOOFI", "fawzia-koofi", "فوزیه کوفی", "فوزيه كوفي", "کوفی", "كوفي", "کُوفی")
WITHHELD_AUTHOR = "Nadia Example"  # the fixture's sidecar author, withheld by the same sidecar


def koofi_registry() -> Registry:
    return Registry((RegisteredEntity("Fawzia Koofi", EntityKind.PERSON, role="Former Afghan politician",
                                      aliases=("Koofi", "فوزیه کوفی"), wikidata="Q5438486", protect=True),
                     RegisteredEntity("Vladimir Putin", EntityKind.PERSON, aliases=("Putin",))))


# --- the redactor -----------------------------------------------------------------------------

@pytest.mark.parametrize("written, published", [
    ("Fawzia Koofi said", "Person A said"),
    ("Koofi's warning", "Person A's warning"),
    ("Koofi’s warning", "Person A’s warning"),
    ("KOOFI AND OTHERS", "PERSON A AND OTHERS"),
    ("fawzia\nkoofi", "Person A"),
    ("Kóofi", "Person A"),  # an accent typed by mistake is still her name
    ("فوزيه كوفي گفت", "Person A گفت"),  # Arabic kaf and yeh for the Persian letters
    ("کُوفی افزود", "Person A افزود"),  # a vowel mark
    ("a Koofi-led group", "a Person A-led group"),
])
def test_every_spelling_is_replaced(written, published):
    _, redactor, _ = protect(koofi_registry())
    assert redactor.redact(written) == published


def test_words_that_merely_contain_the_name_are_kept():
    _, redactor, _ = protect(koofi_registry())
    assert redactor.redact("Koofigate and Putin") == "Koofigate and Putin"


def test_pseudonyms_follow_the_registry_order_and_an_explicit_one_is_kept():
    registry = Registry((
        RegisteredEntity("Ana Alpha", EntityKind.PERSON, protect=True),
        RegisteredEntity("Women's Network", EntityKind.ORGANISATION, protect=True),
        RegisteredEntity("Bea Beta", EntityKind.PERSON, protect=True, pseudonym="Person A"),
        RegisteredEntity("Cy Gamma", EntityKind.PERSON, protect=True),
    ))
    public, _, _ = protect(registry)
    # "Person A" is taken by Bea Beta's own choice, so the others take the next free letters
    assert [entity.name for entity in public.entities] == ["Person B", "Organisation A", "Person A", "Person C"]
    assert protect(registry)[0] == public  # the same registry, the same pseudonyms


def test_the_published_registry_holds_no_alias_nor_wikidata_id():
    public, _, _ = protect(koofi_registry())
    entry = public.entities[0]
    assert (entry.name, entry.aliases, entry.wikidata, entry.role) == ("Person A", (), None, "Former Afghan politician")


def test_other_entries_are_pseudonymised_where_they_hold_the_name():
    registry = Registry((RegisteredEntity("Fawzia Koofi", EntityKind.PERSON, protect=True),
                         RegisteredEntity("Fawzia Koofi Foundation", EntityKind.ORGANISATION,
                                          role="Fawzia Koofi's charity")))
    public, redactor, _ = protect(registry)
    assert (public.entities[1].name, public.entities[1].role) == ("Person A Foundation", "Person A's charity")
    # the articles are pseudonymised the same way, so the registry's entry still finds them
    assert redactor.redact("the Fawzia Koofi Foundation said") == "the Person A Foundation said"


def test_a_surname_inside_another_registered_name_is_not_protected_alone_and_the_curator_is_told():
    registry = Registry((RegisteredEntity("Ali Hassan", EntityKind.PERSON, protect=True),
                         RegisteredEntity("Gul Hassan Hassan", EntityKind.PERSON)))
    _, redactor, problems = protect(registry)
    assert redactor.redact("Gul Hassan Hassan met Ali Hassan") == "Gul Hassan Hassan met Person A"
    assert any("not protected when written alone" in problem.message for problem in problems)
    assert all("Ali" not in str(problem) for problem in problems)


def test_the_audit_never_prints_the_name():
    redactor = Redactor([Protected("Person A", EntityKind.PERSON, ("Fawzia Koofi",))])
    assert redactor.pseudonyms_in("… Fawzia Koofi …") == ["Person A"]


# --- the registry: a mistake never unprotects ------------------------------------------------

def test_a_protected_entry_with_a_mistake_still_protects_its_names(tmp_path):
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: Fawzia Koofi\n    kind: persn\n    aliases: [Koofi]\n    protect: true\n", encoding="utf-8")
    loaded = load_registry(tmp_path)
    assert "unknown kind" in loaded.problems[0].message
    assert "still published only under a pseudonym" in loaded.problems[0].hint
    _, redactor, _ = protect(loaded.registry)
    assert redactor.redact("Koofi said") == "Person A said"


def test_a_protected_name_claimed_twice_stays_protected(tmp_path):
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: Koofi\n    kind: organisation\n"
        "  - name: Fawzia Koofi\n    kind: person\n    aliases: [Koofi]\n    protect: true\n", encoding="utf-8")
    loaded = load_registry(tmp_path)
    assert "is kept protected" in loaded.problems[0].message
    _, redactor, _ = protect(loaded.registry)
    assert redactor.redact("Koofi said") == "Person A said"


def test_an_unreadable_registry_that_protects_names_stops_the_build(tmp_path):
    (tmp_path / "entities.yml").write_text("entities:\n  - name: Fawzia Koofi\n    protect: true\n  bad: [\n",
                                           encoding="utf-8")
    with pytest.raises(UnsafeToPublish) as raised:
        load_registry(tmp_path)
    assert "nothing is built until it is fixed" in raised.value.problem.hint


def test_protect_must_be_true_or_false(tmp_path):
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: Ana\n    kind: person\n    pseudonym: Person Z\n", encoding="utf-8")
    assert "only for a protected entry" in load_registry(tmp_path).problems[0].message


# --- a whole dossier, every output ------------------------------------------------------------

def _protected_project(target: Path) -> Path:
    """The seeds' project with Fawzia Koofi protected (with a Dari alias), Rangin Dadfar Spanta taken out
    of the registry (so only the model finds him), 001's photo credits withheld, and the fixture article."""
    project = copy_project(target)
    registry_path = project / "seeds" / "entities.yml"
    registry = yaml.safe_load(registry_path.read_text(encoding="utf-8"))
    entries = []
    for entry in registry["entities"]:
        if entry["name"] == "Fawzia Koofi":
            entry.update(protect=True, aliases=["Koofi", "فوزیه کوفی"])
        if entry["name"] != "Rangin Dadfar Spanta":
            entries.append(entry)
    registry["entities"] = entries
    registry_path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    (project / "seeds" / "001_b8986cde7695ea0e.yml").write_text("withhold: [photo credit]\n", encoding="utf-8")
    for name in ("900_dari_statement.txt", "900_dari_statement.yml"):
        shutil.copy2(FIXTURES / name, project / "seeds" / name)
    return project


def _cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, text=True,
                          timeout=600, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


@pytest.fixture(scope="module")
def protected_build(tmp_path_factory) -> Path:
    project = _protected_project(tmp_path_factory.mktemp("protected"))
    for command in (("build", "--strict"), ("bundle", "--strict"), ("review", "--html")):
        result = _cli(project, *command)
        assert result.returncode == 0, result.stderr
    return project


def _every_output_text(project: Path) -> dict[str, str]:
    """Every byte the dossier publishes, as text: the hosted site, and the bundle's zip unpacked (gzip'd
    sitemaps opened, JSON's \\u escapes decoded)."""
    texts = {}
    for path in sorted([*(project / "build").rglob("*"), *(project / "dist").rglob("*")]):
        if not path.is_file():
            continue
        blobs = {path.name: path.read_bytes()}
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                blobs = {name: archive.read(name) for name in archive.namelist()}
        for name, data in blobs.items():
            if name.endswith(".gz"):
                data = gzip.decompress(data)
            text = data.decode("utf-8", errors="replace")
            text += re.sub(r"\\u([0-9a-fA-F]{4})", lambda match: chr(int(match.group(1), 16)), text)
            texts[f"{path.relative_to(project)}:{name}"] = f"{path.relative_to(project)} {name}\n{text}"
    return texts


def test_no_spelling_of_a_protected_name_in_any_output(protected_build):
    texts = _every_output_text(protected_build)
    assert len(texts) > 150  # the site, and the bundle's files in its zip
    assert any(where.endswith("review.html") for where in texts)
    assert any("dossier.ftm.json" in where for where in texts)
    for spelling in (*KOOFI, WITHHELD_AUTHOR, "Wakil Kohsar"):
        holders = [where for where, text in texts.items() if spelling.lower() in text.lower()]
        assert not holders, f"{spelling!r} is published in {holders[:3]}"


def test_the_protected_person_is_published_under_her_pseudonym(protected_build):
    page = (protected_build / "build" / "site" / "actors" / "person-a" / "index.html").read_text(encoding="utf-8")
    assert "Name withheld" in page
    assert "Former Afghan politician" in page  # her role, as the registry gives it, stays
    # 004 ¶7: "former Afghan politician Fawzia Koofi saying “any move by any country to normalize …”"
    assert "any move by any country to normalize relations with the Taliban" in page
    article = next((protected_build / "build" / "site" / "articles").glob("afghan-activists-answer-moscow*/index.html"))
    text = article.read_text(encoding="utf-8")
    assert "the statement says that Person A&#39;s warning was right" in text
    assert "Person A، سیاستمدار پیشین افغان" in text
    assert "withheld by the curator" in text


def test_a_name_only_the_model_found_is_shown_never_protected_by_accident(protected_build):
    page = (protected_build / "build" / "site" / "actors" / "index.html").read_text(encoding="utf-8")
    assert "Rangin Dadfar Spanta" in page  # 004 ¶18 names him; the registry of this build does not
    review = _cli(protected_build, "review")
    assert "Rangin Dadfar Spanta  [person]" in review.stdout  # and the curator is asked to review him
    page = (protected_build / "build" / "review.html").read_text(encoding="utf-8")
    unreviewed = page.split('id="unreviewed"')[1].split("<h2")[0]
    protected = page.split('id="protected"')[1].split("<h2")[0]
    assert "Rangin Dadfar Spanta [person]" in unreviewed and "Rangin" not in protected
    assert "Person A [person]" in protected


def test_the_curators_own_pages_are_pseudonymised_too(protected_build):
    about = (protected_build / "build" / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert 'A surname alone ("Person A")' in about  # docs/about.md gives the surname as an example


def test_a_protected_name_in_the_site_settings_stops_the_build_and_keeps_the_previous_site(protected_build):
    config = protected_build / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    before = sorted(path.relative_to(protected_build) for path in (protected_build / "build" / "site").rglob("*"))
    try:
        config.write_text(re.sub(r"^site_name: .*$", 'site_name: "The Koofi dossier"', original, flags=re.M),
                          encoding="utf-8")
        result = _cli(protected_build, "build")
    finally:
        config.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "hold a protected name and were deleted" in output
    assert "(the name of Person A)" in output
    assert "Koofi" not in output  # the message names the pseudonym, never the name
    after = sorted(path.relative_to(protected_build) for path in (protected_build / "build" / "site").rglob("*"))
    assert after == before


def test_withheld_author_is_shown_as_withheld_not_unknown():
    dossier = build_dossier(FIXTURES)
    article = dossier.articles[0]
    assert article.metadata.author.value is None
    assert article.metadata.author.provenance is Provenance.WITHHELD


def test_the_seeds_hosted_build_is_unchanged_without_protection():
    public, redactor, problems = protect(load_registry(PROJECT / "seeds").registry)
    assert not redactor and not problems
    assert public == load_registry(PROJECT / "seeds").registry


def test_the_cli_refuses_to_build_when_the_registry_protecting_names_is_unreadable(tmp_path):
    project = copy_project(tmp_path)
    (project / "seeds" / "entities.yml").write_text("entities:\n  - name: A B\n    protect: true\n  bad: [\n",
                                                    encoding="utf-8")
    result = _cli(project, "build")
    assert result.returncode != 0
    assert "entities.yml" in result.stdout + result.stderr
    assert "so that no protected name is published" in result.stdout + result.stderr
    assert not (project / "build" / "site").exists()
