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
