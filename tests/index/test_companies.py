"""Questions asking which companies or firms, answered only by a passage that names one or speaks
of them as companies."""

import pytest

from index.companies import COMPANY, asks_company, names_company
from tests.index.unstated import abstains_until_a_brief_states_it


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Which American companies are mining in Pakistan?", True),
        ("What Chinese firms build the dams?", True),
        ("which foreign construction contractors left?", True),
        ("Which company won the contract?", True),
        ("What sector are American companies investing in?", False),  # asks for a sector
        ("Did Chinese companies stop work after the bombing?", False),
        ("Which countries mediated the talks?", False),
        ("What firm stance did Haqqani take?", False),  # the adjective
    ],
)
def test_whether_a_question_asks_which_companies(question, asks):
    assert asks_company(question) is asks


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Chinese firms suspended work at Dasu.", True),  # by their kind
        ("US companies are investing in minerals.", True),
        ("The contract went to Barrick Gold Corporation.", True),
        ("China Road and Bridge Corp. pulled out.", True),
        ("The Chinese firm PowerChina halted work.", True),
        ("Any aggression would be met with firm resistance.", False),  # "firm" of another sense
        ("If any such incident were to occur with American ventures, it would hurt.", False),
        ("Islamabad wants a secure environment for foreign investors.", False),
    ],
)
def test_whether_a_passage_names_a_company(text, names):
    assert names_company(text) is names


def test_a_company_no_close_passage_names_abstains_and_says_why(fake_engine, corpus):
    # The fake embedder passes both questions; the brief names no company.
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "Which American companies invest in Pakistan's critical minerals sector?",
        unstated=COMPANY,
        reason="name no company",
        answered_instead="Is the U.S. investing in Pakistan's critical minerals sector?",
        brief="---\ntitle: Minerals\n---\n\n# Minerals\n\nBarrick Gold Corporation, an American miner, is "
        "investing in Pakistan's critical minerals sector at Reko Diq.\n",
        stated="Barrick",
    )
