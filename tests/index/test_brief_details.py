"""Questions about the briefs themselves (who wrote or published one, and when), answered from
their front matter rather than searched."""

import pytest

from bot.text import answer_text
from index.brief_details import BRIEF_DETAILS, asks_brief_details
from tests.conftest import SAMPLE_BRIEF_ID


@pytest.mark.parametrize(
    "question",
    [
        "Who wrote this brief?",
        "who wrote this",
        "Who authored the report?",
        "Which think tank published this brief?",
        "Who's the author?",
        "Who are the authors of this paper?",
        "What is the date of the brief?",
        "When was this brief published?",
    ],
)
def test_questions_about_a_brief_itself(question):
    assert asks_brief_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "What does the author conclude about peace?",  # the brief's text
        "Who issued the warning?",  # its subject
        "Who wrote this warning?",
        "Who wrote the bilateral agreement?",
        "Who is the author of the threats against Kabul?",
        "When was the agreement signed?",
        "Who published the statement?",
    ],
)
def test_questions_about_what_a_brief_says(question):
    assert not asks_brief_details(question)


def test_a_question_about_a_brief_itself_is_answered_with_its_details(fake_engine):
    answer = fake_engine.ask("Who wrote this brief?")
    assert answer.abstained and answer.hits == () and answer.unstated == BRIEF_DETAILS
    assert [brief.brief_id for brief in answer.closest_briefs] == [SAMPLE_BRIEF_ID]
    text = answer_text(answer)
    assert "not in its text" in text
    assert f"by Naade Ali, PoliTact, undated (id {SAMPLE_BRIEF_ID})" in text
