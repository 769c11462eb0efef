"""Quote attribution: each pattern on sentences written for the tests, and the seeds' pages."""

from __future__ import annotations

import pytest

from generator.extract.quote_marks import quote_spans
from generator.extract.quotes import extract_quotes
from generator.model import EntityKind, Mention, Paragraph

PEOPLE = {"Maria Lopez": EntityKind.PERSON, "Lopez": EntityKind.PERSON, "Jan Novak": EntityKind.PERSON,
          "Free Press Union": EntityKind.ORGANISATION, "Women’s Coalition of Herat": EntityKind.ORGANISATION,
          "Health Ministry": EntityKind.ORGANISATION}
CANONICAL = {"Lopez": "Maria Lopez"}


def _mentions(paragraphs: list[str]) -> list[Mention]:
    mentions = []
    for number, text in enumerate(paragraphs, start=1):
        taken: list[tuple[int, int]] = []
        for name in sorted(PEOPLE, key=len, reverse=True):
            start = text.find(name)
            while start != -1:
                end = start + len(name)
                if not any(a < end and start < b for a, b in taken):
                    taken.append((start, end))
                    mentions.append(Mention("a", number, start, end, name, CANONICAL.get(name, name), PEOPLE[name],
                                            "model", text, 0))
                start = text.find(name, end)
    return mentions


def _quotes(*paragraphs: str):
    return [(q.text, q.speaker) for q in extract_quotes("a", [Paragraph(n, t) for n, t in enumerate(paragraphs, 1)],
                                                         _mentions(list(paragraphs)))]


@pytest.mark.parametrize("paragraph, expected", [
    ("Maria Lopez said “the schools must reopen now.”", ("the schools must reopen now.", "Maria Lopez")),
    ("“The schools must reopen,” said Jan Novak.", ("The schools must reopen,", "Jan Novak")),
    ("“The schools must reopen,” Jan Novak said.", ("The schools must reopen,", "Jan Novak")),
    ("Jan Novak described the ban as “a disgrace to the nation”.", ("a disgrace to the nation", "Jan Novak")),
    ("Maria Lopez referred to the envoys as “guests”.", ("guests", "Maria Lopez")),
    ("According to the Free Press Union, “eleven reporters are in prison.”",
     ("eleven reporters are in prison.", "Free Press Union")),
    ("Jan Novak went on to warn “there will be no second chance”.", ("there will be no second chance", "Jan Novak")),
    ("Union spokesperson Maria Lopez said “we will appeal”.", ("we will appeal", "Maria Lopez")),
    ("Others objected, with Jan Novak saying “this cannot stand”.", ("this cannot stand", "Jan Novak")),
    ("Maria Lopez, a teacher from Herat who lost her job in 2021, described it as “cruel”.", ("cruel", "Maria Lopez")),
    ("The Health Ministry has also said that clinics were “fully staffed”.", ("fully staffed", "Health Ministry")),
])
def test_attribution_patterns(paragraph, expected):
    assert _quotes(paragraph) == [expected]


def test_the_statement_read_and_a_quote_only_sentence_continue_the_speaker():
    quotes = _quotes("In a statement, the Women’s Coalition of Herat condemned the decree.",
                     "“We will not be silenced,” the statement read. “We will keep teaching.”")
    assert quotes == [("We will not be silenced,", "Women’s Coalition of Herat"),
                      ("We will keep teaching.", "Women’s Coalition of Herat")]


def test_the_group_and_pronouns_resolve_to_the_last_named_speaker():
    quotes = _quotes("The Women’s Coalition of Herat said “the decree is unlawful”.",
                     "The coalition asked “who will teach the girls?” It said “no one else will.”",
                     "Jan Novak called it “unfortunate”. He added “talks continue”.")
    assert [speaker for _, speaker in quotes] == ["Women’s Coalition of Herat", "Women’s Coalition of Herat",
                                                  "Women’s Coalition of Herat", "Jan Novak", "Jan Novak"]


def test_a_surname_alone_is_the_full_name():
    assert _quotes("Lopez went on to say “it is over”.") == [("it is over", "Maria Lopez")]


def test_an_unnamed_speaker_stays_unattributed():
    assert _quotes("Human rights groups said it set a “dangerous precedent” for the region.") == [
        ("dangerous precedent", None)]
    assert _quotes("Officials described the talks as “productive”.") == [("productive", None)]


def test_a_subject_far_from_its_verb_is_not_guessed():
    # the nearest name before "issued" is the Free Press Union, but the subject is "dozens of groups"
    assert _quotes("After the Free Press Union protest, dozens of groups issued a statement calling it “a farce”.") == [
        ("a farce", None)]


def test_scare_quotes_around_a_name_are_not_quotes():
    assert _quotes("Members of the “Women’s Coalition of Herat” met Jan Novak.") == []


@pytest.mark.parametrize("text", [
    "He said “this never closes.",
    "Unbalanced ” marks “ everywhere ”” here.",
    "A \"straight quote that never ends.",
    "“”",
])
def test_unbalanced_quote_marks_never_crash(text):
    quote_spans(text)
    _quotes(text)


def test_quotes_on_seed_pages_and_entity_pages(built_site, article_by_source):
    from tests.helpers import main_text

    koofi = (built_site / "actors" / "fawzia-koofi" / "index.html").read_text(encoding="utf-8")
    assert 'id="quotes"' in koofi
    assert "such steps risk endangering not just the people of Afghanistan, but global security" in koofi
    article = (built_site / "articles" / article_by_source["004_bd110d5bfaa63d58.txt"].slug / "index.html").read_text(
        encoding="utf-8")
    assert 'class="dossier-quote" data-speaker="Fawzia Koofi" href="../../actors/fawzia-koofi/"' in article
    index = main_text((built_site / "quotes" / "index.html").read_text(encoding="utf-8"))
    assert index.index("Dadfar Spanta") < index.index("Not attributed")  # by surname, unattributed last
    assert "“dangerous precedent”" in index.split("Not attributed")[1]


def test_quotes_render_as_blockquotes_with_their_citation(built_site):
    from tests.helpers import elements

    page = (built_site / "quotes" / "index.html").read_text(encoding="utf-8")
    blockquotes = page.count("<blockquote class=\"dossier-quotation\">")
    assert blockquotes == 33  # every quote the seeds hold, each once (counted by hand in bench/gold)
    assert "&gt; “" not in page  # no Markdown left escaped
    assert sum(1 for tag, attrs in elements(page) if tag == "a" and "#p" in attrs.get("href", "")) >= 33


def test_many_quotes_are_split_into_pages_by_the_speakers_initial(tmp_path):
    """450 quotes of 30 registered speakers: an overview and a page per initial of their surnames, each
    quote on exactly one page, each speaker's quotes together, no page huge."""
    import re

    from generator.pipeline import build_dossier
    from generator.render.index import QUOTES_PAGE_QUOTES
    from generator.render.pages import Renderer

    class NoNames:
        def spans(self, articles):
            return [[] for _ in articles]

    surnames = [f"{letter}{'ark' if n % 2 else 'ollins'}" for n, letter in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    surnames += ["Abbott", "Baker", "Carter", "Dunn"]
    people = [f"Sam {surname}" for surname in surnames]
    (tmp_path / "entities.yml").write_text(
        "entities:\n" + "".join(f"  - name: {name}\n    kind: person\n" for name in people), encoding="utf-8")
    paragraphs = [f"“We will keep working on plan number {i},” said {people[i % len(people)]}." for i in range(450)]
    (tmp_path / "a.txt").write_text("Many Quotes\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    dossier = build_dossier(tmp_path, NoNames())
    quotes = [quote for article in dossier.articles for quote in article.quotes]
    assert len(quotes) == 450 > QUOTES_PAGE_QUOTES and all(quote.speaker for quote in quotes)

    pages = {page.path: page.html for page in Renderer().pages(dossier) if page.path.startswith("quotes/")}
    assert set(pages) == {"quotes/index.md"} | {f"quotes/speakers-{letter}.md" for letter in "abcdefghijklmnopqrstuvwxyz"}
    assert 'href="speakers-a/"' in pages["quotes/index.md"] and "Sam Abbott" not in pages["quotes/index.md"]
    found = [number for html in pages.values() for number in re.findall(r"plan number (\d+)", html or "")]
    assert sorted(found, key=int) == [str(i) for i in range(450)]  # each quote once, on one page
    a_page = pages["quotes/speakers-a.md"]
    assert "Sam Abbott" in a_page and "Sam Aollins" in a_page and "Sam Baker" not in a_page
    assert max(len(html or "") for html in pages.values()) < 100_000


def test_many_unattributed_quotes_are_split_into_parts():
    from generator.render.index import QUOTES_PAGE_QUOTES, quote_pages

    unattributed = [("article", number) for number in range(2 * QUOTES_PAGE_QUOTES + 1)]
    pages = quote_pages([], unattributed)
    assert [page.path for page in pages] == ["quotes/index.md", "quotes/unattributed.md",
                                             "quotes/unattributed-2.md", "quotes/unattributed-3.md"]
    assert [quote for page in pages for quote in page.unattributed] == unattributed
    assert [label for label, *_ in pages[0].sections] == ["Not attributed, part 1 of 3", "Not attributed, part 2 of 3",
                                                         "Not attributed, part 3 of 3"]


def test_a_partial_quotation_is_shown_in_its_sentence(dossier):
    # 004: "Russian President Vladimir Putin also referred to the Taliban as an “ally” in fighting terrorism
    # in July last year."
    from generator.render.pages import Renderer

    (ally,) = [q for a in dossier.articles for q in a.quotes if q.text == "ally"]
    assert ally.speaker == "Vladimir Putin"
    assert ally.context == "Russian President Vladimir Putin also referred to the Taliban as an “ally” in fighting " \
                           "terrorism in July last year."
    putin = next(e for e in dossier.entities if e.name == "Vladimir Putin")
    html = next(p.html for p in Renderer().pages(dossier) if p.path == putin.page_path)
    assert "referred to the Taliban as an “<strong>ally</strong>” in fighting terrorism" in html


def test_she_said_after_reported_speech_is_the_person_who_spoke():
    """“… ,” she said, after a sentence in which Maria Lopez said something in her own words, not quoted."""
    assert _quotes("Maria Lopez, a lawyer who represents two of the women, said her clients had not been charged. "
                   "“They are being punished for asking for work,” she said.") == [
        ("They are being punished for asking for work,", "Maria Lopez")]
    # the most recent speaker wins: a quote of Jan Novak's, then Maria Lopez in reported speech
    assert _quotes("“We will stay,” said Jan Novak. Maria Lopez said the hearing was postponed.",
                   "“It is unjust,” she said.")[-1] == ("It is unjust,", "Maria Lopez")
    # a person merely named, not speaking, is no antecedent
    assert _quotes("The court heard Maria Lopez on Monday. “It is unjust,” she said.") == [("It is unjust,", None)]


def test_a_quotation_cut_by_its_attribution_is_one_quotation():
    """“A,” she said, “B.” is one quotation in two parts: one listing, both parts marked on the page."""
    paragraphs = ["Maria Lopez spoke to the crowd. “We will not stop,” she said, “until they are free.”"]
    (quote,) = extract_quotes("a", [Paragraph(1, paragraphs[0])], _mentions(paragraphs))
    assert (quote.text, quote.speaker) == ("We will not stop … until they are free.", "Maria Lopez")
    assert [paragraphs[0][start:end] for start, end in quote.parts] == ["We will not stop,", "until they are free."]


def test_two_quotations_each_brought_in_by_a_verb_stay_two():
    assert _quotes("Jan Novak described the ruling as “regrettable”, adding: “This is just the beginning.”") == [
        ("regrettable", "Jan Novak"), ("This is just the beginning.", "Jan Novak")]


def test_he_said_after_a_sentence_about_the_person_is_that_person():
    """The sentence before opens with the person's name: the "she" of the quote is her."""
    assert _quotes("Maria Lopez runs a school for girls in the city. “We are afraid every day,” she said.") == [
        ("We are afraid every day,", "Maria Lopez")]
    # a paragraph about someone else in between: no antecedent
    assert _quotes("Maria Lopez runs a school for girls.", "The city has forty schools.",
                   "“We are afraid every day,” she said.") == [("We are afraid every day,", None)]


def test_a_description_is_the_person_described_so():
    assert _quotes("Maria Lopez, 23, was detained in March. Jan Novak, a lawyer, took her case.",
                   "“I was not afraid,” said the 23-year-old. “She did nothing wrong,” the lawyer said.") == [
        ("I was not afraid,", "Maria Lopez"), ("She did nothing wrong,", "Jan Novak")]
    # nobody of that age or role: not a guess
    assert _quotes("Maria Lopez was detained.", "“I was not afraid,” said the 40-year-old.") == [
        ("I was not afraid,", None)]


@pytest.mark.parametrize("paragraph, expected", [
    # the speaker is the name before "of": not the union he belongs to
    ("“The schools must reopen,” said Jan Novak of the Free Press Union.", ("The schools must reopen,", "Jan Novak")),
    # the attribution a sentence of its own after a question
    ("Maria Lopez said the ban was unlawful. “Will they listen?” Jan Novak said.", ("Will they listen?", "Jan Novak")),
    # a description in commas between the speaker and the verb ends in a body's name: the speaker is the person
    ("Maria Lopez, the envoy of the Free Press Union, said it would “end the ban for good”.",
     ("end the ban for good", "Maria Lopez")),
])
def test_the_speaker_is_the_head_of_the_subject(paragraph, expected):
    assert _quotes(paragraph)[-1] == expected


def test_the_statement_is_the_organisation_the_text_is_about():
    """A press release opens with the body; its chairwoman speaks; “…,” the statement said: the body's."""
    assert _quotes("The Free Press Union condemned the decree. Its chairwoman, Maria Lopez, said it was cruel.",
                   "“Silence is complicity,” the statement said.") == [("Silence is complicity,", "Free Press Union")]


@pytest.mark.parametrize("paragraphs, expected", [
    # a fronted phrase, then the person: she is the subject
    (["In a video recorded before the rally, Maria Lopez speaks to the camera. “Do not be afraid for me,” she says."],
     ("Do not be afraid for me,", "Maria Lopez")),
    # a body in reported speech, then "the group said"
    (["Jan Novak said the ruling was unjust.", "In a statement, the Free Press Union said it would appeal. "
      "“The court has postponed justice,” the group said."], ("The court has postponed justice,", "Free Press Union")),
    # the body's acronym in brackets between its name and the verb
    (["The Free Press Union (FPU) has called for their release, describing the arrests as “collective punishment”."],
     ("collective punishment", "Free Press Union")),
    # a title between the comma and the name
    (["The union's spokesman, Mr Jan Novak, said that courts would not “bend to pressure from embassies”."],
     ("bend to pressure from embassies", "Jan Novak")),
    # "the report said" after a report "by" a body
    (["Jan Novak said the report was late. A report released by the Health Ministry counted 37 cases. "
      "“The pattern is deliberate,” the report said."], ("The pattern is deliberate,", "Health Ministry")),
])
def test_more_speakers_the_text_names(paragraphs, expected):
    assert _quotes(*paragraphs)[-1] == expected
