"""Shared passages: found through an index of word sequences, and shown on both articles."""

from __future__ import annotations

from generator.assemble.passages import find_shared_passages
from generator.model import Article, CleanText, Paragraph
from tests.helpers import article as _article


def _with_paragraphs(article_id: str, *texts: str) -> Article:
    from dataclasses import replace

    paragraphs = tuple(Paragraph(n, t) for n, t in enumerate(texts, start=1))
    return replace(_article(article_id), clean=CleanText(None, None, paragraphs, ()))


WIRE = ("The ministry said on Monday that the border crossing at Torkham would reopen for trade after three weeks, "
        "officials told reporters in the capital.")


def test_verbatim_and_near_verbatim_paragraphs_are_found():
    articles = [
        _with_paragraphs("a", "A local opening paragraph about the market.", WIRE),
        _with_paragraphs("b", WIRE.replace("officials told", "officials had told"), "Something else entirely here."),
        _with_paragraphs("c", "An unrelated story about football results from the weekend league."),
    ]
    (passage,) = find_shared_passages(articles)
    assert (passage.first, passage.second) == (("a", 2), ("b", 1))
    assert 0.6 <= passage.similarity < 1 and not passage.verbatim


def test_word_for_word_is_marked_verbatim_and_case_and_quotes_do_not_matter():
    articles = [_with_paragraphs("a", WIRE), _with_paragraphs("b", WIRE.upper().replace("’", "'"))]
    (passage,) = find_shared_passages(articles)
    assert passage.verbatim and passage.similarity == 1.0


def test_repeats_within_one_article_and_short_stock_phrases_are_not_shared():
    articles = [_with_paragraphs("a", WIRE, WIRE), _with_paragraphs("b", "Officials told reporters."),
                _with_paragraphs("c", "Officials told reporters.")]
    assert find_shared_passages(articles) == []


def test_the_seed_paragraph_printed_twice_is_flagged_on_both_pages(built_site, article_by_source, dossier):
    first = article_by_source["000_68507b3c627c16da.txt"]
    second = article_by_source["001_b8986cde7695ea0e.txt"]
    # "This (statement) comes as the Taliban announced on Thursday (3 July) …" is 000 ¶6 and 001 ¶7
    (passage,) = dossier.shared_passages
    assert (passage.first, passage.second) == ((first.metadata.article_id, 6), (second.metadata.article_id, 7))
    page_first = (built_site / "articles" / first.slug / "index.html").read_text(encoding="utf-8")
    page_second = (built_site / "articles" / second.slug / "index.html").read_text(encoding="utf-8")
    assert f'href="../{second.slug}/#p7"' in page_first.split('id="p6"')[1].split('id="p7"')[0]
    assert f'href="../{first.slug}/#p6"' in page_second.split('id="p7"')[1].split('id="p8"')[0]
    sources = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert f'href="../articles/{first.slug}/#p6"' in sources and f'href="../articles/{second.slug}/#p7"' in sources


def test_sources_page_lists_publishers_and_unknown_ones(built_site):
    from tests.helpers import main_text

    text = main_text((built_site / "sources" / "index.html").read_text(encoding="utf-8"))
    zan = text.split("Zan News")[1].split("Publisher unknown")[0]
    assert zan.count("5 July 2025") == 2
    unknown = text.split("Publisher unknown")[1].split("Shared passages")[0]
    assert "002_e2ffc1113a645db8.txt" in unknown and "003_db9fd82546c56745.txt" in unknown
    assert "004_bd110d5bfaa63d58.txt" in unknown


def test_an_index_kept_between_builds_gives_what_a_first_build_gives():
    """Articles added, changed, removed and moved, 60 times: the kept index answers as a new one would,
    stock phrases (a shingle in more than MAX_POSTINGS paragraphs) coming and going included."""
    import random

    from generator.assemble.passages import MAX_POSTINGS, SharedPassageIndex
    from tests.conftest import PROJECT

    folder = PROJECT / "tests" / "fixtures" / "domain"
    texts = [text for path in sorted(folder.glob("*.txt")) for text in path.read_text(encoding="utf-8").split("\n\n")
             if len(text.split()) > 12]
    texts += [WIRE] * (len(texts) // 4)  # in about 50 paragraphs: a stock phrase one step, not the next
    rng = random.Random(7)

    def made(number: int) -> Article:
        return _with_paragraphs(f"a{number:03d}", *(rng.choice(texts) for _ in range(rng.randint(1, 5))))

    articles = [made(number) for number in range(MAX_POSTINGS + 20)]
    kept, stock = SharedPassageIndex(), set()
    for step in range(60):
        move = rng.choice(["add", "remove", "change", "move"]) if step else "first"
        if move == "add":
            articles.insert(rng.randrange(len(articles) + 1), made(500 + step))
        elif move == "remove":
            articles.pop(rng.randrange(len(articles)))
        elif move == "change":
            index = rng.randrange(len(articles))
            articles[index] = _with_paragraphs(articles[index].metadata.article_id, *(rng.choice(texts) for _ in range(3)))
        elif move == "move":
            articles.insert(rng.randrange(len(articles)), articles.pop(rng.randrange(len(articles))))
        assert kept.update(articles) == SharedPassageIndex().update(articles), (step, move)
        stock.add(sum(WIRE in item.text for article in articles for item in article.paragraphs) > MAX_POSTINGS)
    assert stock == {True, False}
