"""Questions asking what an actor calls something favour passages where that actor gives a name."""

import pytest

from index.naming import asked_namer, namers_in
from index.search import FusionWeights, Searcher
from tests.conftest import SAMPLE_BRIEF_ID
from tests.index.test_indexer import first_paragraphs


@pytest.mark.parametrize(
    ("question", "namer"),
    [
        ("What name does Pakistan's government use for the TTP?", "Pakistan's government"),
        ("What derogatory label does Islamabad attach to the Pakistani Taliban?", "Islamabad"),
        ("What does the Pakistani state call the TTP?", "the Pakistani state"),
        ("what does islamabad officially label the ttp", "islamabad"),
        ("How does Kabul classify the TTP problem?", "Kabul"),
        ("What is the group called in Islamabad?", ""),  # nobody said to give the name
        # A remark in the past is one characterisation, not a name the actor gives...
        ("What did Khawaja Asif call Kabul's backing of terrorism?", None),
        # ...and names of people, or putting one's name to a pact, are not names given.
        ("What is the name of Afghanistan's acting defence chief?", None),
        ("Who put their names to the pact?", None),
        ("What does the brief call for?", None),  # a demand, not a name
    ],
)
def test_who_the_question_asks_gives_a_name(question, namer):
    assert asked_namer(question) == namer


def test_who_gives_each_name_a_passage_gives():
    sample = (
        "The principal point of contention remains the two sides' differing perceptions of "
        "Tehreek-e-Taliban Pakistan (TTP), which Islamabad designates as a terrorist organization "
        "and refers to as Fitna al-Khawarij."
    )
    # The second verb's giver is the first's.
    assert namers_in(sample) == ["which Islamabad", "which Islamabad"]
    assert namers_in("The group, known as the Front, denied it.") == [""]
    assert namers_in("China called for stronger protection and calls for talks often.") == []
    assert namers_in("Kabul calls them “Pakistani refugees”.") == ["Kabul"]


def test_a_name_given_by_another_actor_does_not_answer(fake_engine):
    generation = fake_engine.generation
    searcher = Searcher(generation, FusionWeights())
    row_of = {p.paragraph: row for row, p in enumerate(generation.passages) if p.brief_id == SAMPLE_BRIEF_ID}
    rows = [row_of[4], row_of[6]]  # ¶4: what Islamabad calls the TTP; ¶6 gives no name

    def signal(namer):
        return searcher.giving_names(namer, rows).tolist()

    # Islamabad is Pakistan (the actor registry's alias); Kabul is not.
    assert signal("Islamabad") == signal("Pakistan's government") == signal("") == [1, 0]
    assert signal("Kabul") == [0, 0]


def test_a_passage_giving_the_name_asked_for_moves_up(tmp_path, fake_embedder):
    paragraphs = [
        "The Front is a militant group; officials of the government met the Front in the hills.",
        "Rebels of the Front, which the government designates as outlaws, fled north.",
        "Spring rains flooded the valley roads and delayed the harvest.",
    ]
    question = "What does the government call the militant Front officials met?"
    # Alone, the shared words put the passage giving no name first; with names given, the one
    # where the government names the Front comes first.
    firsts = first_paragraphs(
        tmp_path, fake_embedder, paragraphs, question, FusionWeights(naming=0.0), FusionWeights()
    )
    assert firsts == [1, 2]
