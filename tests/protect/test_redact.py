"""Protected people: no spelling of a protected name in any byte of any output; nothing else hidden."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import UnsafeToPublish
from generator.ingest.registry import RegisteredEntity, Registry, load_registry
from generator.model import EntityKind, Protected, Provenance
from generator.pipeline import build_dossier
from generator.protect.cross_script import CrossScript
from generator.protect.redact import Redactor, protect
from tests.conftest import FIXTURES_DIR, PROJECT, copy_project

FIXTURES = FIXTURES_DIR / "protected"
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


# --- the registry: read whole or not at all -------------------------------------------------------

KOOFI_ENTRY = "entities:\n  - name: Fawzia Koofi\n    kind: person\n    aliases: [Koofi]\n"
REGISTRY_MISTAKES = {
    "a misspelt key": KOOFI_ENTRY + "    protected: true\n",
    "a key in capitals": KOOFI_ENTRY + "    Protect: true\n",
    "true in quotes": KOOFI_ENTRY + '    protect: "true"\n',
    "an unknown top-level key": KOOFI_ENTRY + "    protect: true\npeople: []\n",
    "a wrong type": KOOFI_ENTRY.replace("[Koofi]", "Koofi") + "    protect: true\n",
    "an unknown kind": KOOFI_ENTRY.replace("person", "persn") + "    protect: true\n",
    "a YAML error": KOOFI_ENTRY + "    protect: true\n  bad: [\n",
    "a name claimed twice": KOOFI_ENTRY + "    protect: true\n  - {name: Koofi, kind: organisation}\n",
}


@pytest.mark.parametrize("mistake", sorted(REGISTRY_MISTAKES))
def test_any_mistake_in_the_registry_refuses_it_whole_naming_line_and_key_but_no_name(tmp_path, mistake):
    (tmp_path / "entities.yml").write_text(REGISTRY_MISTAKES[mistake], encoding="utf-8")
    with pytest.raises(UnsafeToPublish) as raised:
        load_registry(tmp_path)
    report = raised.value.report()
    assert all(problem.path == "entities.yml" and problem.line for problem in raised.value.problems), report
    assert "Nothing was built or published" in report
    assert not re.search("fawzia|koofi", report, re.IGNORECASE), report


def test_a_registry_over_the_size_limit_or_unreadable_is_refused(tmp_path):
    (tmp_path / "entities.yml").write_bytes(b"# protect: true\n" + b"#" * 5_000_001)
    with pytest.raises(UnsafeToPublish, match="the limit is"):
        load_registry(tmp_path)
    (tmp_path / "entities.yml").write_bytes(b"entities:\n  - name: Fawzia Koofi\xff\n")
    with pytest.raises(UnsafeToPublish, match="not valid UTF-8"):
        load_registry(tmp_path)


def test_a_second_registry_beside_the_first_is_refused(tmp_path):
    (tmp_path / "entities.yml").write_text("entities: []\n", encoding="utf-8")
    (tmp_path / "entities.yaml").write_text(KOOFI_ENTRY + "    protect: true\n", encoding="utf-8")
    with pytest.raises(UnsafeToPublish, match="second registry"):
        load_registry(tmp_path)


def test_a_pseudonym_needs_protect(tmp_path):
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: Ana\n    kind: person\n    pseudonym: Person Z\n", encoding="utf-8")
    with pytest.raises(UnsafeToPublish, match="has a pseudonym but no 'protect: true'"):
        load_registry(tmp_path)


# --- every spelling class ------------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "Fawzia-Koofi", "FawziaKoofi", "#FawziaKoofi", "#FreeKoofi", "twitter.com/fawzia_koofi", "fawzia.koofi",
    "Fawzia%20Koofi", "Fawzia+Koofi", "&#70;awzia &#x4B;oofi", "Fawzia&nbsp;Koofi", "Fawzia\\u0020Koofi",
    "F\u0430wzi\u0430 K\u043e\u043efi",  # Cyrillic a and o
    "Ko\u00adofi", "Ko\u200bofi", "Ko\u200dofi", "\ufeffKoofi", "Koo\u2060fi", "\uff2b\uff4f\uff4f\uff46\uff49",
    "K\u00f6\u00f6fi", "K00fi", "KoOfI", "the Koofis", "Koo-\nfi", "Koo\u2010\n  fi", "Kóofi",
])
def test_every_disguise_of_the_name_is_redacted_and_the_audit_sees_none_left(written):
    _, redactor, _ = protect(koofi_registry())
    published = redactor.redact(f"A statement by {written} today.")
    assert "Person A" in published, published
    assert redactor.names_in(published) == set()
    assert redactor.names_in(f"left as written: {written}") == {"Person A"}  # the audit reads it too


@pytest.mark.parametrize("kept", ["Koofigate", "no or little", "Kofi Annan", "the Fawzia Ahmadi fund"])
def test_words_that_only_resemble_the_name_are_kept(kept):
    _, redactor, _ = protect(koofi_registry())
    assert redactor.redact(kept) == kept


def test_an_address_that_holds_the_name_is_withheld_whole():
    _, redactor, _ = protect(koofi_registry())
    text = "See https://example.org/profiles/fawzia-koofi/ or write to fawzia.koofi@example.org today."
    assert redactor.redact(text) == "See [link withheld] or write to [link withheld] today."


def test_the_given_name_alone_is_redacted_where_the_article_names_the_person(tmp_path):
    registry = Registry((RegisteredEntity("Fawzia Koofi", EntityKind.PERSON, protect=True),))
    _, redactor, _ = protect(registry)
    (tmp_path / "a.txt").write_text("Headline\n\nFawzia Koofi spoke. Later Fawzia said more; "
                                    "Fawzia Ahmadi disagreed.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Other\n\nFawzia Ahmadi and Fawzia spoke.\n", encoding="utf-8")
    from generator.ingest.sources import ingest

    sources = {source.name: redactor.source(source)[0] for source in ingest(tmp_path).sources}
    assert "Later Person A said more; Fawzia Ahmadi disagreed." in sources["a.txt"].text
    assert "Fawzia Ahmadi and Fawzia spoke." in sources["b.txt"].text  # she is not named there
    switched_off = Registry((RegisteredEntity("Fawzia Koofi", EntityKind.PERSON, protect=True,
                                              redact_given_name=False),))
    _, keeps_given, _ = protect(switched_off)
    assert "Later Fawzia said" in keeps_given.source(ingest(tmp_path).sources[0])[0].text


def test_a_file_named_after_the_person_is_renamed_and_nothing_raises(tmp_path):
    (tmp_path / "entities.yml").write_text("entities:\n  - {name: Fawzia Koofi, kind: person, protect: true}\n",
                                           encoding="utf-8")
    for number, name in enumerate(("fawzia-koofi.txt", "Fawzia_Koofi_interview.txt")):
        (tmp_path / name).write_text(f"Fawzia-Koofi speaks\n\nThe hyphenated Fawzia-Koofi spoke on {number + 3} July "
                                     "2025.\n", encoding="utf-8")
    dossier = build_dossier(tmp_path)
    assert len(dossier.articles) == 2
    assert not any(re.search("fawzia|koofi", str(problem), re.IGNORECASE) for problem in dossier.problems)
    assert not any("koofi" in article.slug or "Koofi" in article.source.name for article in dossier.articles)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "-", ".", "_", "\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff",
                                 "\u2060", "%20", "\n"]), min_size=12, max_size=12),
       st.lists(st.booleans(), min_size=12, max_size=12), st.lists(st.booleans(), min_size=12, max_size=12))
def test_fuzz_no_disguise_of_a_protected_name_survives(separators, lookalike, upper):
    """Random separators, invisible characters, lookalike letters and case: never in any output."""
    _, redactor, _ = protect(koofi_registry())
    letters = list("Fawzia") + ["\u0000"] + list("Koofi")  # \u0000 stands for the gap between the two words
    written = ""
    for index, letter in enumerate(letters):
        if letter == "\u0000":
            written += separators[index] if separators[index].strip() and separators[index] != "\n" else " "
            continue
        letter = LOOKALIKE.get(letter, letter) if lookalike[index] else letter
        letter = letter.upper() if upper[index] else letter
        invisible = separators[index] if separators[index] in INVISIBLE else ""
        written += letter + invisible
    published = redactor.redact(f"Words before {written} and after.")
    assert redactor.names_in(published) == set(), (written, published)
    assert "Person A" in published or "PERSON A" in published, (written, published)


LOOKALIKE = {"a": "\u0430", "o": "\u043e", "i": "\u0456", "K": "\u039a", "F": "\u03dc", "z": "\u1d22"}
INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}


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
    assert "hold a protected name, so nothing is published" in output
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


def test_a_registry_mistake_stops_every_build_and_writes_nothing(tmp_path):
    """`protected: true` for `protect: true`: build, bundle, plain and strict MkDocs all fail, naming the
    file, line and key; the site already there is left as it was; no output names her."""
    project = copy_project(tmp_path)
    site = project / "build" / "site"
    site.mkdir(parents=True)
    (site / "previous.html").write_text("the previous site", encoding="utf-8")
    registry = project / "seeds" / "entities.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "  - name: Fawzia Koofi\n", "  - name: Fawzia Koofi\n    protected: true\n"), encoding="utf-8")
    line = registry.read_text(encoding="utf-8").splitlines().index("    protected: true") + 1
    runs = [_cli(project, "build"), _cli(project, "bundle"), _cli(project, "check")]
    for args in (("build", "-d", "build/site"), ("build", "--strict", "-d", "build/site")):
        runs.append(subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, capture_output=True,
                                   text=True, timeout=600, env=dict(os.environ, NO_MKDOCS_2_WARNING="1")))
    for result in runs:
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert f"entities.yml:{line} [entities[" in output and ".protected]" in output, output
        assert "misspelling of 'protect'" in output and "Traceback" not in output
        assert "Koofi" not in output and "Fawzia" not in output
    assert sorted(path.name for path in site.iterdir()) == ["previous.html"]
    assert not (project / "dist").exists()


def test_a_name_in_a_curators_asset_or_the_site_name_stops_the_build_and_deletes_what_it_wrote(tmp_path):
    project = _protected_project(tmp_path)
    assets = project / "docs" / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "notes.txt").write_text("Interview with F\u0430wzia K\u043e\u043efi, 2024", encoding="utf-8")
    result = _cli(project, "build")
    assert result.returncode != 0 and "(the name of Person A)" in result.stderr + result.stdout
    assert "assets/notes.txt" in result.stdout + result.stderr
    assert not (project / "build" / "site").exists()
    (assets / "notes.txt").unlink()
    (assets / "fawzia-koofi.jpg").write_bytes(b"\xff\xd8\xff")  # the name in a file name only
    result = _cli(project, "build")
    assert result.returncode != 0 and "assets/Person A.jpg" in result.stdout + result.stderr
    (assets / "fawzia-koofi.jpg").unlink()
    (project / "docs" / "fawzia-koofi.md").write_text("# Notes\n\nNothing here.\n", encoding="utf-8")
    result = _cli(project, "build")  # MkDocs itself logs the page's name (not in the nav): redacted too
    assert result.returncode != 0 and "Person A" in result.stdout + result.stderr
    assert "koofi" not in (result.stdout + result.stderr).lower()
    (project / "docs" / "fawzia-koofi.md").unlink()
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_name: .*$", 'site_name: "Ko\u00adofi files"', config.read_text(encoding="utf-8"),
                             flags=re.M), encoding="utf-8")
    result = _cli(project, "build")
    assert result.returncode != 0 and "hold a protected name" in result.stdout + result.stderr
    assert "Koofi" not in result.stdout + result.stderr


def test_a_source_address_that_names_the_person_is_withheld_not_broken(tmp_path):
    project = _protected_project(tmp_path)
    (project / "seeds" / "001_b8986cde7695ea0e.yml").write_text(
        "url: https://example.org/people/fawzia-koofi/statement\n", encoding="utf-8")
    assert _cli(project, "build").returncode == 0
    page = next(path for path in (project / "build" / "site" / "articles").glob("*/index.html")
                if "<code>001_b8986cde7695ea0e.txt</code>" in path.read_text(encoding="utf-8"))
    html = page.read_text(encoding="utf-8")
    assert "link withheld: its address names a protected person" in html
    assert "example.org/people" not in html


def test_caches_made_before_a_name_was_protected_are_forgotten(tmp_path):
    project = copy_project(tmp_path)
    assert _cli(project, "check").returncode == 0
    cached = [path for path in (project / ".cache" / "stages").rglob("*.pickle")]
    assert any(b"Koofi" in path.read_bytes() for path in cached)  # the name, before she was protected
    registry = project / "seeds" / "entities.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "  - name: Fawzia Koofi\n", "  - name: Fawzia Koofi\n    protect: true\n"), encoding="utf-8")
    assert _cli(project, "check").returncode == 0
    for folder in ("stages", "ner"):
        for path in (project / ".cache" / folder).rglob("*"):
            if path.is_file():
                assert b"Koofi" not in path.read_bytes(), path


def test_check_lists_words_close_to_a_protected_name_without_printing_them(tmp_path):
    project = _protected_project(tmp_path)
    (project / "seeds" / "950_variant.txt").write_text(
        "A Variant Spelling\n\nThe activist Kufi, as one agency spells her, spoke again on 4 July 2025.\n",
        encoding="utf-8")
    result = _cli(project, "check")
    assert result.returncode == 0, result.stderr
    review = [line for line in result.stderr.splitlines() if line.startswith("REVIEW: 950_variant.txt:3:")]
    assert review and "a name of Person A" in review[0], result.stderr
    assert "Kufi" not in result.stderr and "Koofi" not in result.stderr
    assert _cli(project, "review", "--html").returncode == 0
    page = (project / "build" / "review.html").read_text(encoding="utf-8")
    close = page.split('id="near-misses"')[1].split("<h2")[0]
    assert "950_variant.txt:3: a 4-letter word" in close and "Person A" in close
    assert "Kufi" not in close  # the section never prints the word (the site itself shows it: not a protected spelling)


def test_the_cli_refuses_to_build_when_the_registry_protecting_names_is_unreadable(tmp_path):
    project = copy_project(tmp_path)
    (project / "seeds" / "entities.yml").write_text("entities:\n  - name: A B\n    protect: true\n  bad: [\n",
                                                    encoding="utf-8")
    result = _cli(project, "build")
    assert result.returncode != 0
    assert "entities.yml" in result.stdout + result.stderr
    assert "Nothing was built or published" in result.stdout + result.stderr
    assert not (project / "build" / "site").exists()


def test_the_hash_of_a_file_that_names_a_protected_person_is_withheld(protected_build):
    """With the redacted text published, the original's SHA-256 would let anyone test a guessed name."""
    site = protected_build / "build" / "site"
    page = next(path for path in site.glob("articles/*/index.html")
                if "<code>900_dari_statement.txt</code>" in path.read_text(encoding="utf-8"))
    assert "SHA-256 withheld: the file as received names a protected person" in " ".join(page.read_text(encoding="utf-8").split())
    original = hashlib.sha256((FIXTURES / "900_dari_statement.txt").read_bytes()).hexdigest()
    sums = (site / "SHA256SUMS").read_text(encoding="utf-8")
    assert "900_dari_statement" not in sums and original not in sums
    assert "seeds/000_68507b3c627c16da.txt" in sums  # an article that names nobody protected keeps its hash


DARI_NAMING = """بیانیه فعالان زن
۱۸ سرطان ۱۴۰۴

فوزیه کوفی، فعال حقوق زنان، گفت که تهدید شده است. کوفی از سازمان ملل کمک خواست.

فوزیه کریمی، آموزگار، نیز سخن گفت.
"""


def test_a_persian_spelling_nobody_registered_is_hidden_when_it_has_a_protected_persons_consonants(tmp_path):
    """The curator protects "Fawzia Koofi" and registers no Persian spelling: a Dari report writing her
    "فوزیه کوفی" must not publish her. Another Fawzia, registered with her Persian spelling, stays published."""
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: Fawzia Koofi\n    kind: person\n    aliases: [Koofi]\n    protect: true\n"
        "  - name: Fawzia Karimi\n    kind: person\n    aliases: [فوزیه کریمی]\n", encoding="utf-8")
    (tmp_path / "970_statement.txt").write_text(DARI_NAMING, encoding="utf-8")
    dossier = build_dossier(tmp_path)
    (article,) = dossier.articles
    text = "\n".join(paragraph.text for paragraph in article.paragraphs)
    assert "کوفی" not in text and text.count("Person A") == 2  # the full name, and the surname alone after it
    assert "فوزیه کریمی" in text  # registered under her own name: hers
    assert article.source.sha256 == ""  # the hash of the file as received would confirm a guess
    (warning,) = [p for p in dossier.problems if "Persian script" in p.message]
    assert warning.line == 4 and warning.severity == "warning" and "Person A" in warning.message
    assert "کوفی" not in str(warning) + warning.hint  # the words found are never printed


@pytest.mark.parametrize(("latin", "persian"), [
    ("Rosa Otunbayeva", "رزا اوتونبایوا"),  # ز for the s between vowels
    ("Volker Turk", "فولکر تورک"),  # ف for v
    ("Vasily Nebenzia", "واسیلی نبنزیا"),  # a first و is the consonant v
    ("Amir Khan Muttaqi", "امیرخان متقی"),  # two Latin given names written as one word
    ("Narges Heidari", "نرگس حیدری"),  # no "sh" across the two words
])
def test_a_protected_persons_persian_spellings_are_found_by_their_consonants(latin, persian):
    hider = CrossScript([Protected("Person A", EntityKind.PERSON, (latin,))])
    assert hider.hide(f"به گفته {persian}، وضعیت بدتر شده است.")[0] == "به گفته Person A، وضعیت بدتر شده است."


@pytest.mark.parametrize("text", ["او این کار را کرد که همه بدانند.", "پلیس ما را سر کار گرفت.",
                                  "ملا محمد نیز آمد.", "کانون زنان آزاد افغان اعلامیه داد."])
def test_phrases_that_are_no_names_are_never_hidden(text):
    hider = CrossScript([Protected("Person A", EntityKind.PERSON, (name,))
                         for name in ("Shukria Siddiqui", "Zahra Karimi", "Maryam Ahmadi", "Kayvan Hosseini")])
    assert hider.hide(text) == (text, [])
