"""Questions about the next round of talks, answered only by a passage that speaks of one."""

import pytest

from index.upcoming import NEXT_MEETING, asks_next_meeting, speaks_of_next_meeting
from tests.index.unstated import abstains_until_a_brief_states_it


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Where will the next round of talks be held?", True),
        ("Which country will host the upcoming negotiations?", True),
        ("What will the next Pakistan-Afghanistan meeting discuss?", True),
        ("When will the monitoring mechanism hold its first meeting?", True),  # a first one to come
        ("When will the new commission meet for the first time?", True),
        ("Is another meeting scheduled, and when?", True),  # one more still to come
        ("Will there be a further round of negotiations?", True),
        ("Are more talks expected?", True),
        ("Will the two sides meet again?", True),
        ("Did they meet again after Doha?", False),  # a meeting held
        ("Was another round held in Istanbul?", False),
        ("Who attended the first round of talks?", False),  # a first one held
        ("Where was the latest round of talks held?", False),
        ("What happens next if the Taliban fail to act?", False),  # "next", but no meeting
    ],
)
def test_whether_a_question_asks_about_the_next_meeting(question, asks):
    assert asks_next_meeting(question) is asks


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        ("The two delegations will meet again in Istanbul next month.", True),
        ("Another round of talks is planned in Doha.", True),
        ("Talks are scheduled for early December.", True),
        ("The latest round of talks in Istanbul followed the initial negotiations held in Doha.", False),
        ("Kabul would respond militarily if Pakistan carries out further strikes.", False),
    ],
)
def test_whether_a_passage_speaks_of_a_next_meeting(text, speaks):
    assert speaks_of_next_meeting(text) is speaks


def test_a_next_meeting_no_close_passage_speaks_of_abstains_and_says_why(fake_engine, corpus):
    # The fake embedder passes both questions; the brief says nothing of a round to come.
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "Where will the next round of talks in Istanbul and Doha be held?",
        unstated=NEXT_MEETING,
        reason="nothing of a next round or meeting",
        answered_instead="Where were the rounds of talks in Istanbul and Doha held?",
        brief="---\ntitle: Talks ahead\n---\n\n# Outlook\n\nThe next round of talks will be held in "
        "Istanbul, after the rounds in Doha.\n",
        stated="next round",
    )
