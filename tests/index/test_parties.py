"""A question's parties: a pair of actors most passages name is read as the corpus's subject."""

import numpy as np
import pytest

from index.parties import SUBJECT_SHARE, without_parties
from index.search import Query, Searcher

_SHARES = {"pakistan": 1.0, "afghanistan": 0.9, "islamabad": 1.0, "kabul": 0.9, "afghan taliban": 0.9}


def _share(name: str) -> float:
    return _SHARES.get(name.lower(), 0.1)


@pytest.mark.parametrize(
    ("question", "without"),
    [
        ("Which countries mediated between Pakistan and Afghanistan?", "Which countries mediated?"),
        ("who were the mediators between islamabad and kabul", "who were the mediators"),
        (
            "Which governments acted as go-betweens for Islamabad and Kabul?",
            "Which governments acted as go-betweens?",
        ),
        ("Who brokered the truce between Pakistan and the Afghan Taliban?", "Who brokered the truce?"),
        ("Who were the mediators in the Pakistan-Afghanistan talks?", "Who were the mediators in the talks?"),
        # A party few passages name is what the question is about.
        ("What is the relationship between India and Afghanistan?", ""),
        ("What did Pakistan say about Afghanistan?", ""),  # no pair
        # The pair the brief is about, whichever it is.
        ("What is the main disagreement between the two governments?", "What is the main disagreement?"),
        ("Is the mistrust between the neighbours deep-rooted?", "Is the mistrust deep-rooted?"),
        ("What is the rivalry between the two brothers?", ""),
    ],
)
def test_a_question_without_its_parties(question, without):
    assert without_parties(question, _share) == without


def test_a_pair_is_the_subject_only_when_most_passages_name_both():
    question = "Which countries mediated between Pakistan and Afghanistan?"
    assert without_parties(question, lambda name: SUBJECT_SHARE) == "Which countries mediated?"
    assert without_parties(question, lambda name: SUBJECT_SHARE - 0.01) == ""


def test_the_searcher_mixes_in_the_question_without_its_parties(fake_engine, fake_embedder):
    # The sample brief names Pakistan and Afghanistan in nearly every passage, India in few.
    searcher = Searcher(fake_engine.generation, fake_engine.weights, fake_engine.late)
    asked = "Which countries mediated between Pakistan and Afghanistan?"
    vector = fake_embedder.embed_batch([asked])[0]
    read = searcher.with_parties_read(Query(asked, vector))
    expected = vector + fake_embedder.embed_batch(["Which countries mediated?"])[0]
    assert np.allclose(read.vector, expected / np.linalg.norm(expected))
    assert read.tokens is not None
    about_india = Query("What is the relationship between India and Afghanistan?", vector)
    assert searcher.with_parties_read(about_india) is about_india


def test_whether_the_briefs_answer_is_judged_on_the_closer_of_the_two_readings(fake_engine, fake_embedder):
    """The question without its parties may come further from every passage than the question
    as asked ("How far off are normal relations between the neighbours?"): it reorders the
    passages, but does not make the engine abstain."""
    searcher = Searcher(fake_engine.generation, fake_engine.weights, fake_engine.late)
    passage = fake_engine.generation.passages[0].text
    close, far = fake_embedder.embed_batch([passage, "an unrelated sentence about sourdough"])
    alone = searcher.rank(Query("q", far), 3)[0].confidence
    with_asked = searcher.rank(Query("q", far, as_asked=close), 3)[0].confidence
    assert with_asked == pytest.approx(searcher.rank(Query("q", close), 3)[0].confidence)
    assert with_asked > alone
