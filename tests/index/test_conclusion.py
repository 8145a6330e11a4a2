"""Questions about the author's conclusion favour the passages that conclude a brief."""

import numpy as np
import pytest

from index.conclusion import Conclusions, asks_conclusion
from index.models import Passage
from index.search import FusionWeights
from tests.index.test_indexer import first_paragraphs


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What does the author conclude about the prospects for peace?", True),
        ("What is the brief's overall conclusion?", True),
        ("What is the bottom line for Islamabad?", True),
        ("Were the talks concluded in Doha?", False),  # the talks ended: nothing about the brief
        ("What are the prospects for peace?", False),
        ("Which countries mediated the talks?", False),
        ("In the end, does the author think genuine peace is achievable?", True),
        ("Ultimately, what does the brief expect?", True),
        ("In the end, did the talks succeed?", False),  # how events ended, not the brief's view
    ],
)
def test_questions_that_ask_for_the_conclusion(question, asks):
    assert asks_conclusion(question) is asks


def passage(brief_id, paragraph, section=None):
    return Passage(f"{brief_id}#{paragraph}", brief_id, section, paragraph, "text", ())


def test_the_last_paragraph_or_a_concluding_section_of_the_best_passages_brief_concludes():
    passages = [
        passage("a", 1, "Context"),
        passage("a", 2, "Analysis"),
        passage("a", 3, "Analysis"),
        passage("b", 1, "Background"),
        passage("b", 2, "Conclusions and Recommendations"),
        passage("b", 3, "Conclusions and Recommendations"),
        passage("b", 4, "Annex"),
    ]
    conclusions = Conclusions(passages, np.array([0, 0, 0, 1, 1, 1, 1]))
    assert conclusions.signal(range(7)).tolist() == [0, 0, 1, 0, 0, 0, 0]  # the head's brief: "a"
    assert conclusions.signal([3, 0, 4, 5, 6, 2]).tolist() == [0, 0, 1, 1, 1, 0]  # led by "b"
    assert conclusions.signal([]).tolist() == []


def test_a_question_about_the_conclusion_finds_the_last_paragraph(tmp_path, fake_embedder):
    paragraphs = [
        "The prospects for peace between the two neighbours looked bright in spring.",
        "Trade across the border doubled after the new crossing opened.",
        "Without trust on both sides, peace will stay out of reach.",
    ]
    question = "What does the author conclude about the prospects for peace?"
    # The shared words alone put the paragraph on prospects first; the brief's conclusion comes
    # first once the question is read as asking for it.
    firsts = first_paragraphs(
        tmp_path, fake_embedder, paragraphs, question, FusionWeights(conclusion=0.0), FusionWeights()
    )
    assert firsts == [1, 3]
