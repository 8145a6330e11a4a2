"""Questions asking which cities, provinces, districts, villages or crossings, answered only by a
passage that names one or speaks of one by its kind."""

import pytest

from index.places import PLACE, AskedPlace, asked_place, names_place
from tests.index.unstated import abstains_until_a_brief_states_it

_ACTORS = {"tehreek-e-taliban pakistan": "ttp", "sirajuddin haqqani": "haqqani"}


def _actor_named(phrase: str) -> str | None:
    """The known actor a phrase begins with, as the actor directory reads it."""
    folded = phrase.lower()
    return next((actor for name, actor in _ACTORS.items() if folded.startswith(name)), None)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Which Afghan provinces were hit by Pakistani strikes?", AskedPlace("province", "afghanistan")),
        ("Which Pakistani cities did the TTP attack?", AskedPlace("city", "pakistan")),
        ("In which city did the second round happen?", AskedPlace("city", None)),
        ("Which border crossings were reopened?", AskedPlace("crossing", None)),
        ("Which towns near the border were evacuated?", AskedPlace("city", None)),
        ("What districts did the army clear?", AskedPlace("district", None)),
        ("Where is the TTP based?", None),  # a state may answer "where"
        ("Which countries mediated the talks?", None),
    ],
)
def test_the_place_a_question_asks_for(question, asked):
    assert asked_place(question) == asked


@pytest.mark.parametrize(
    ("question", "text", "names"),
    [
        # A name after a word of place, no actor, state or building.
        ("Which provinces were hit?", "A bomber struck a convoy near Besham in Khyber Pakhtunkhwa.", True),
        ("Which cities hosted talks?", "The latest round of talks in Istanbul followed Doha.", True),
        ("Which provinces were hit?", "He spoke of a return to Bagram Air Base.", False),
        ("Which provinces were hit?", "Kabul warned through Interior Minister Sirajuddin Haqqani.", False),
        ("Which provinces were hit?", "Militants operate from Afghan soil and in Afghanistan.", False),
        ("Which provinces were hit?", "Islamabad refers to Tehreek-e-Taliban Pakistan as a threat.", False),
        ("Which provinces were hit?", "The Permanent Court of Arbitration ruled on the dams.", False),
        ("Which provinces were hit?", "They are in Kabul. They are everywhere.", False),  # a city
        ("Which provinces were hit?", "Strikes hit two border provinces.", True),  # by its kind
        # A known city is one of its own state only; a capital only where it is a place.
        ("Which Turkish city hosted the talks?", "The talks in Istanbul ended.", True),
        ("Which Afghan cities were hit?", "The talks in Istanbul ended.", False),
        ("Which Afghan cities were hit?", "They are in Kabul. They are everywhere.", True),
        ("Which Pakistani cities were hit?", "They are in Kabul. They are everywhere.", False),
        ("Which Pakistani cities were hit?", "Kabul insisted the men were refugees.", False),
        # A crossing is written as one.
        ("Which crossings were used?", "They proposed designated border posts.", True),
        ("Which crossings were used?", "Talks were held in Istanbul.", False),
    ],
)
def test_whether_a_passage_names_a_place_of_the_kind(question, text, names):
    asked = asked_place(question)
    assert asked is not None
    assert names_place(asked, text, _actor_named) is names


def test_a_place_no_close_passage_names_abstains_and_says_why(fake_engine, corpus):
    # The fake embedder passes both questions; the brief names no province.
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "Which Afghan provinces did Pakistani cross-border strikes hit after the ceasefire?",
        unstated=PLACE,
        reason="name no place of the kind asked about",
        answered_instead="Did Pakistan threaten cross-border strikes after the ceasefire?",
        brief="---\ntitle: Strikes\n---\n\n# Strikes\n\nAfter the ceasefire, Pakistani cross-border "
        "strikes hit targets in Khost and Paktika.\n",
        stated="Khost",
    )
