"""Questions that ask for a kind of actor favour passages naming actors of that kind."""

import math

import pytest

from index.answer_types import asked_kinds, asked_region, named_kind
from index.search import FusionWeights
from tests.conftest import SAMPLE_BRIEF_ID
from tests.index.test_indexer import first_paragraphs

STATE = frozenset({"state"})
ARMED_OR_BODY = frozenset({"armed group", "organisation"})
THIRD_PARTY = frozenset({"state", "organisation"})


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Which countries mediated the talks?", STATE),
        ("Which two states acted as go-betweens?", STATE),
        ("What foreign government hosted the first round?", STATE),
        ("Which official complained about threats?", frozenset({"person"})),
        ("Which armed group does Islamabad refuse to talk to?", frozenset({"armed group", "organisation"})),
        # The kind must be what is asked for, right after "which" or "what"...
        ("What is the main sticking point between the two governments?", frozenset()),
        ("What powers does the monitoring mechanism have?", frozenset()),
        # ...and "who" alone could be any kind...
        ("Who signed the Doha agreement?", frozenset()),
        ("Who were the Afghan negotiators?", frozenset()),
        # ...but a go-between is a third party: a state or a body.
        ("Who mediated the talks?", THIRD_PARTY),
        ("Who helped broker the negotiations between Islamabad and Kabul?", THIRD_PARTY),
        ("who were the mediators between islamabad and kabul", THIRD_PARTY),
        ("Which outside parties helped broker the deal?", THIRD_PARTY),
        ("What role did the mediators play?", frozenset()),  # asks for a role, not who
    ],
)
def test_the_kind_asked_for(question, kinds):
    assert asked_kinds(question) == kinds


def test_actors_of_the_kind_the_question_does_not_name_count_by_rarity(fake_engine):
    generation = fake_engine.generation
    row_of = {p.paragraph: row for row, p in enumerate(generation.passages) if p.brief_id == SAMPLE_BRIEF_ID}
    types = generation.answer_types

    def weight(question, paragraph):
        return float(types.novel_actors(question, [row_of[paragraph]], STATE)[0])

    # ¶1 names Qatar, Türkiye, Pakistan and Afghanistan; ¶12 India, Pakistan and Afghanistan.
    # Each weighs log(1 + 13 / paragraphs naming it): Qatar and Türkiye one, India four, Pakistan
    # all 13 (Afghanistan's weight is its own).
    rare, india, pakistan = math.log(1 + 13 / 1), math.log(1 + 13 / 4), math.log(2)
    named = "Which countries mediated between Islamabad and Kabul?"  # names Pakistan, Afghanistan
    assert weight(named, 1) == pytest.approx(2 * rare)
    assert weight(named, 12) == pytest.approx(india)
    assert weight("Which countries mediated?", 1) > weight(named, 1) + pakistan - 1e-6
    assert types.novel_actors(named, [row_of[1]], frozenset({"person"})).tolist() == [0]  # no person
    # A region asked for ("Which Gulf state ...?") counts its states only: Qatar, not Türkiye or India.
    gulf = "Which Gulf state mediated between Islamabad and Kabul?"
    assert float(types.novel_actors(gulf, [row_of[1]], STATE, asked_region(gulf))[0]) == pytest.approx(rare)
    assert float(types.novel_actors(gulf, [row_of[12]], STATE, asked_region(gulf))[0]) == 0


@pytest.mark.parametrize(
    ("question", "member", "outsider"),
    [
        ("Which Gulf state hosted the first round?", "qatar", "turkiye"),
        ("Which two European countries spoke out?", "turkiye", "qatar"),
        ("What Central Asian governments reacted?", "tajikistan", "afghanistan"),
    ],
)
def test_the_region_asked_for(question, member, outsider):
    region = asked_region(question)
    assert member in region and outsider not in region


def test_no_region_asked_for_leaves_every_state():
    assert asked_region("Which two states mediated?") == frozenset()
    assert asked_region("Which countries did the Gulf crisis affect?") == frozenset()  # not the kind's


@pytest.mark.parametrize(
    ("question", "rest", "kinds"),
    [
        ("Which Gulf state mediated?", "mediated?", STATE),
        ("What two outside governments brokered the truce?", "brokered the truce?", STATE),
        ("Which official warned Pakistan?", "warned pakistan?", frozenset({"person"})),
        (
            "Which militant groups did Pakistan ban?",
            "did pakistan ban?",
            frozenset({"armed group", "organisation"}),
        ),
        ("Who mediated?", "", frozenset()),  # a go-between, but no kind named
    ],
)
def test_the_question_without_the_kind_it_names(question, rest, kinds):
    without, named = named_kind(question)
    assert (" ".join(without.split()), named) == (rest, kinds)


@pytest.mark.parametrize(
    ("shares_words", "names_states", "question"),
    [
        (
            "Go-betweens kept the talks alive for months.",
            "Oman and Kuwait acted as hosts to envoys of both camps in the talks.",
            "Which countries acted as go-betweens in the talks?",
        ),
        # "Who" asking for a go-between asks for a state or a body.
        (
            "Who brokered the talks stayed a secret.",
            "Oman and Kuwait hosted envoys of both camps in the talks.",
            "Who brokered the talks between the camps?",
        ),
    ],
)
def test_a_passage_naming_the_kind_asked_for_moves_up(
    tmp_path, fake_embedder, shares_words, names_states, question
):
    paragraphs = [
        shares_words,
        names_states,
        "Spring rains flooded the valley roads and delayed the harvest.",
    ]
    # Alone, the shared words put the passage without a state first; with answer types, the
    # passage naming two states comes first.
    firsts = first_paragraphs(
        tmp_path, fake_embedder, paragraphs, question, FusionWeights(answer_type=0.0), FusionWeights()
    )
    assert firsts == [1, 2]
