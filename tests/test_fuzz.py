"""Fuzzing: random bytes, random Unicode and random YAML into ingest, the pipeline and the renderer.

Whatever a file holds, the answer is a dossier and a list of reports: never an exception, never the
pipeline's own "the generator failed" barrier (which would mean a stage raised), and never slow.
Fragments of the syntax each stage reacts to (quote marks, speech verbs, dates, bylines, Markdown,
YAML anchors) are mixed in, so the examples reach past the first check.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import UnsafeToPublish
from generator.export.open_data import open_data
from generator.extract.ner import Recogniser
from generator.pipeline import INTERNAL_ERROR, build_dossier
from generator.protect.redact import redactor_for
from generator.render.pages import Renderer

ARTICLE_FRAGMENTS = [
    "“", "”", '"', "‘", "’", " said ", " told ", "according to ", " he ", " the group ", "Mr. ", "Dr ", "U.S.",
    "On 3 July 2025", "Thursday (3 July)", "last week", "next year", "in 2021", "since 2018", "9999-12-31",
    "date 2025-02-31", "۱۴۰۰/۵/۲۴", "03/04/2021", "Jul 5", "By Jane Doe | 5 July 2025 | 2 min read", "Photo: AFP",
    "Source: ", "https://", "https://[x", "top of page", "Related stories", "\n", "\n\n", "\n\n\n", "\r\n", "\t",
    "  ", "[x](javascript:alert(1))", "<script>", "{{ x }}", "{: #id }", "--8<--", "# ", "> ", "|", "\u202e",
    "\u200c", "\ufffe", "\x07", "ك", "ی", "Fawzia Koofi", "Taliban", "the Independent Coalition", "(ICC)",
    "Kabul", "!?.", "—", "-", "...",
]
YAML_FRAGMENTS = [
    "title: ", "date: ", "publisher: ", "author: ", "url: ", "entities:", "ignore:", "  - ", "- ", "name: ",
    "kind: ", "person", "organisation", "type: ", "aliases: ", "role: ", "wikidata: Q1", "&a ", "*a", "[", "]",
    "{", "}", ": ", ", ", "\n", "  ", "!!python/object/apply:os.system", "!!binary ", "2025-02-31", "2025-07-04",
    "9" * 60, "'", '"', "\\x1b", "#", "|", ">", "~", "null", "yes", "1e999", ".inf", "<<: ", "? ", "%YAML 1.1",
]


def _mixed(fragments):
    return st.lists(st.one_of(st.sampled_from(fragments), st.text(max_size=12)), max_size=60).map("".join)


class _NoNames:
    def spans(self, articles):
        return [[] for _ in articles]


def _build(files: dict[str, bytes], recogniser=None):
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder)
        for name, data in files.items():
            (seeds / name).write_bytes(data)
        try:
            dossier = build_dossier(seeds, recogniser or _NoNames())
        except UnsafeToPublish as refusal:  # a registry with an error is refused whole, saying where
            assert all(problem.path.startswith("entities.") for problem in refusal.problems), refusal.report()
            assert "Traceback" not in refusal.report()
            return None
    failures = [str(problem) for problem in dossier.problems if INTERNAL_ERROR in problem.message]
    assert not failures, failures
    Renderer().pages(dossier, open_data=open_data(dossier, "Site"))
    return dossier


FUZZ = settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_as_an_article(data):
    _build({"fuzz.txt": b"Headline\n\n" + data, "raw.txt": data})


@FUZZ
@given(st.one_of(st.text(max_size=3000), _mixed(ARTICLE_FRAGMENTS)))
def test_random_unicode_as_an_article(text):
    _build({"fuzz.txt": ("Headline\n\n" + text).encode("utf-8", "surrogatepass")
            if not any(0xD800 <= ord(c) <= 0xDFFF for c in text) else b"Headline\n\nsurrogates"})


@FUZZ
@given(_mixed(YAML_FRAGMENTS), _mixed(YAML_FRAGMENTS))
def test_random_yaml_as_a_sidecar_and_a_registry(sidecar, registry):
    _build({"a.txt": "Koofi Speaks\n\nFawzia Koofi said “this is a betrayal” on 3 July 2025.\n".encode(),
            "a.yml": sidecar.encode("utf-8", "replace"), "entities.yml": registry.encode("utf-8", "replace")})


_MODEL = Recogniser(None)


@settings(max_examples=40, deadline=10000, suppress_health_check=[HealthCheck.too_slow])
@given(_mixed(ARTICLE_FRAGMENTS))
def test_random_articles_through_the_language_model(text):
    _build({"fuzz.txt": ("Headline\n\n" + text).encode("utf-8", "replace")}, _MODEL)


PROTECTED_REGISTRY = b"entities:\n  - {name: Nadia Rahimzada, kind: person, aliases: [Rahimzada], protect: true}\n"
DISGUISES = ["", " ", "-", ".", "_", "\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "%20", "-\n"]
INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}
LOOKALIKES = {"a": "\u0430", "i": "\u0456", "m": "\u217f", "R": "\u13a1", "N": "\u039d", "h": "\u04bb"}


@settings(max_examples=60, deadline=10000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(DISGUISES), st.booleans(), st.booleans()), min_size=15, max_size=15),
       _mixed(ARTICLE_FRAGMENTS))
def test_a_disguised_protected_name_never_reaches_a_page(marks, noise):
    """Random separators, invisible characters, lookalike letters and case inside a protected name,
    in an article of random text: no page the renderer makes holds the name in any form."""
    written = ""
    for letter, (disguise, lookalike, upper) in zip("Nadia Rahimzada", marks, strict=True):
        if letter == " ":
            written += disguise if disguise.strip(" \n") else " "
            continue
        letter = LOOKALIKES.get(letter, letter) if lookalike else letter
        written += (letter.upper() if upper else letter) + (disguise if disguise in INVISIBLE else "")
    text = f"Headline\n\n{noise}\n\nThe activist {written} spoke on 3 July 2025.\n"
    dossier = _build({"a.txt": text.encode("utf-8", "replace"), "entities.yml": PROTECTED_REGISTRY})
    redactor = redactor_for(dossier.protected) if dossier is not None else None
    assert redactor
    assert redactor.names_in(f"The activist {written} spoke"), written  # the disguise is still her name
    data = open_data(dossier, "Site")
    for page in Renderer().pages(dossier, open_data=data):
        assert not redactor.names_in(page.content + (page.html or "")), (written, page.path)
    for file in data.files():
        assert not redactor.names_in(file.content), (written, file.path)
