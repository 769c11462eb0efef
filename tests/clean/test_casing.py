"""Articles written all in capitals or all in small letters are read with the dossier's capitals."""

from __future__ import annotations

from generator.clean.casing import Capitals, one_case
from tests.conftest import PROJECT

# Sentences of Reuters-21578 stories, as their wire wrote them
DOSSIER = ["Federal Reserve Board Chairman Paul Volcker said the U.S. economy was growing.",
           "Japanese Finance Minister Kiichi Miyazawa said he would meet Volcker in Washington.",
           "The Bank of Japan said it would keep rates steady."]


def test_one_case_tells_capitals_small_letters_and_scripts_without_case():
    assert one_case(["OTTAWA, MARCH 3 - CANADA'S CURRENT ACCOUNT DEFICIT WIDENED IN THE FOURTH QUARTER."]) == "upper"
    assert one_case(["canada's current account deficit widened to 2.27 billion dlrs in the fourth quarter."]) == "lower"
    assert one_case(DOSSIER) is None
    assert one_case(["فوزیه کوفی، فعال حقوق زنان، گفت که به رسمیت شناختن طالبان خطرناک است."]) is None


def test_recasing_gives_each_word_the_dossiers_capitals_and_keeps_the_length():
    capitals = Capitals.of(DOSSIER)
    for text in ("VOLCKER SAID JAPAN'S FINANCE MINISTER MIYAZAWA WOULD VISIT WASHINGTON.",
                 "volcker said japan's finance minister miyazawa would visit washington."):
        recased = capitals.recase(text)
        assert recased == "Volcker said Japan's Finance Minister Miyazawa would visit Washington."
        assert len(recased) == len(text)


def test_an_article_in_capitals_yields_its_names_and_a_warning(tmp_path):
    from generator.extract.ner import Recogniser
    from generator.model import EntityKind
    from generator.pipeline import build_dossier

    for number, text in enumerate(DOSSIER):
        (tmp_path / f"{number}.txt").write_text(f"Story {number}\n\n{text}\n", encoding="utf-8")
    (tmp_path / "caps.txt").write_text("VOLCKER TO VISIT TOKYO\n\nPAUL VOLCKER SAID HE WOULD MEET KIICHI MIYAZAWA "
                                       "IN WASHINGTON ON MONDAY, AND THE BANK OF JAPAN AGREED.\n", encoding="utf-8")
    dossier = build_dossier(tmp_path, Recogniser(None))
    caps = next(a for a in dossier.articles if a.source.name == "caps.txt")
    assert caps.paragraphs[0].text.startswith("PAUL VOLCKER SAID")  # the page shows it as written
    people = {m.name for m in caps.mentions if m.kind is EntityKind.PERSON}
    assert "Paul Volcker" in people
    assert any(p.path == "caps.txt" and "all in capitals" in p.message and p.severity == "warning" for p in dossier.problems)


def test_no_seed_and_no_ordinary_corpus_story_is_taken_for_one_case():

    project = PROJECT
    corpus = project.parent / "shared" / "corpora"
    stories = sorted((corpus / "reuters21578").glob("*.txt"))[:300] + sorted((corpus / "bbc").glob("*.txt"))[:300]
    assert len(stories) == 600
    from generator.clean.boilerplate import clean_text

    taken = {f"{path.parent.name}/{path.name}": one_case([p.text for p in clean_text(path.read_text(encoding="utf-8")).paragraphs])
             for path in [*sorted((project / "seeds").glob("*.txt")), *stories]}
    # Reuters 0200 is written in small letters but for its sentences' first words: "La paz, march 4 -
    # about 1,000 bolivian central bank employees ..."; every other story and seed is ordinary
    assert {name: case for name, case in taken.items() if case} == {"reuters21578/0200.txt": "lower"}


def test_sentences_opened_with_capitals_and_names_in_small_letters_are_one_case():
    # the opening of Reuters 0784, as the wire sent it
    text = ("La paz, march 18 - a senior world bank official said the lending agency planned to authorise almost "
            "70 mln dlrs in new credits to bolster the production of bolivia. David knox, world bank "
            "vice-president for latin america, said bolivia should invest in projects which would spur growth.")
    assert one_case([text]) == "lower"
    assert one_case(["In a statement, the Bank said the figures for the year were weak, and analysts agreed "
                     "that growth in the region would slow as rates rose across the world economy."]) is None


def test_a_name_of_common_words_takes_its_capitals_as_a_pair():
    capitals = Capitals.of(["The World Bank said the world economy grew, and a bank in the world lent more to the world.",
                         "Officials of the World Bank met those of the New York Stock Exchange."])
    assert capitals.recase("a senior world bank official said the world would grow.") == \
        "A senior World Bank official said the world would grow."
