"""Typing slips in questions, read as the briefs' words."""

import pytest

from index.engine import Engine
from index.spelling import Speller, english_words
from tests.fakes import FakeEmbedder


@pytest.fixture
def speller(fake_engine):
    generation = fake_engine.generation
    return Speller(generation.lexical, generation.passages, english_words())


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("who mediatd the talks", "who mediated the talks"),  # a letter left out
        ("was the ceasfire extended", "was the ceasefire extended"),
        ("what did asif say about the talibn", "what did asif say about the taliban"),
        ("was the cesaefire extended", "was the ceasefire extended"),  # two letters swapped
        ("the negotaitoins in istanbul", "the negotiations in istanbul"),  # long: two slips
        # Near no word of the briefs: the English word near it, if the briefs hold it or it is a
        # function word
        ("who signde the deal", "who signed the deal"),
        ("how mnay rounds were held", "how many rounds were held"),
        ("how do i reset my wifi", "how do i reset my wifi"),  # "wife": neither
        # Kept as written: English words, short words, names and places, and words far from any
        ("who brokered the deal", "who brokered the deal"),
        ("How do I bake sourdough bread?", "How do I bake sourdough bread?"),
        ("wat did asif say", "wat did asif say"),
        ("What did Talibn say?", "What did Talibn say?"),  # a name, as index/names.py reads it
        ("Whcih countries mediatd? Waht did Asif say?", "Which countries mediated? What did Asif say?"),
        ("What Did Asif Say About The Talibn?", "What Did Asif Say About The Taliban?"),  # Title Case
        ("what did iran say", "what did iran say"),
        ("Didn't the Taliban deny it?", "Didn't the Taliban deny it?"),  # "Didn" is no slip for "Did"
        ("why couldn’t they agree", "why couldn’t they agree"),
        # British spellings, which the English list lacks, are English words
        ("which organisations are named", "which organisations are named"),
        ("did the neighbours agree on defence", "did the neighbours agree on defence"),
        ("xqzvw", "xqzvw"),
    ],
)
def test_slips_are_read_as_the_briefs_words(speller, question, read_as):
    assert speller.corrected(question) == read_as


def test_an_answer_says_how_a_corrected_question_was_read(corpus, tmp_path):
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.3)
    engine.reindex()
    typed = "Which countries mediatd the ceasfire negotiations?"
    answer = engine.ask(typed)
    assert answer.question == typed  # as asked, for whoever matches answers to questions
    assert answer.read_as == "Which countries mediated the ceasefire negotiations?"
    assert answer.hits[0].passage.paragraph == engine.ask(answer.read_as).hits[0].passage.paragraph
    assert engine.ask("Which countries mediated the ceasefire negotiations?").read_as == ""
    as_typed = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.3, correct_spelling=False)
    assert as_typed.ask(typed).read_as == ""


def test_a_vocabulary_too_large_to_compare_leaves_the_word_as_typed(fake_engine, monkeypatch):
    import index.spelling

    generation = fake_engine.generation
    speller = Speller(generation.lexical, generation.passages, english_words())
    assert speller.corrected("what did haqani warn") == "what did haqqani warn"  # no English word
    monkeypatch.setattr(index.spelling, "SCAN_LIMIT", 0)
    assert speller.corrected("what did haqani warn") == "what did haqani warn"


def test_a_question_of_gibberish_is_looked_up_only_so_far(speller):
    from index.spelling import MOST_LOOKED_UP

    corrected = speller.corrected(" ".join(["ceasfire"] * (MOST_LOOKED_UP + 2))).split()
    assert corrected == ["ceasefire"] * MOST_LOOKED_UP + ["ceasfire"] * 2
