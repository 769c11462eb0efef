"""The sentence splitter: every stage citing a sentence, and every name read in one, relies on it."""

import pytest

from generator.text.sentences import sentence_spans, split_sentences


@pytest.mark.parametrize("paragraph", [
    # as Reuters-21578 stories 0437 and 0211 write them
    "Ethanol is produced by a few large firms including Archer Daniels Midland, and A.E. Staley.",
    "The letter was signed by Paul A. Volcker on Tuesday.",
    "Trade figures show that the new currency alignments are already changing the Japan-U.S. Trade balance.",
])
def test_initials_do_not_end_a_sentence(paragraph):
    assert split_sentences(paragraph) == [paragraph]


def test_sentences_end_at_a_full_stop_before_a_capital():
    paragraph = "The embassy stays open. Officials said so on Friday! Why? Nobody asked."
    assert split_sentences(paragraph) == ["The embassy stays open.", "Officials said so on Friday!", "Why?",
                                          "Nobody asked."]


def test_sentences_give_back_the_paragraph():
    paragraph = 'He said "it is over." Then  he left (quietly). Mr. Smith stayed.'
    spans = sentence_spans(paragraph)
    assert [paragraph[start:end] for start, end in spans] == split_sentences(paragraph)
    assert " ".join(split_sentences(paragraph)).split() == paragraph.split()
