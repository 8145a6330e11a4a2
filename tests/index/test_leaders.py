"""Questions asking who leads something, answered only by a passage that names a leader."""

import pytest

from index.leaders import (
    HOLDER,
    LEADER,
    PERSON_OF,
    AskedOffice,
    AskedPerson,
    asked_office,
    asked_person_of,
    asks_leader,
    holder_named,
    names_leader,
)
from tests.index.unstated import abstains_until_a_brief_states_it


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who leads the TTP?", True),
        ("Who currently heads the Pakistani Taliban?", True),
        ("Who is the current head of the Taliban government?", True),
        ("Who's the TTP's leader?", True),
        ("What is the name of the TTP's current chief?", True),
        ("What's the name of the leader of the group?", True),
        ("Who is in charge of the monitoring mechanism?", True),
        ("Who chairs the monitoring and verification mechanism?", True),
        ("Who presides over the commission?", True),
        ("Which official will lead the verification body?", True),  # a leader still to come
        ("Who is going to chair the mechanism?", True),
        ("Which country is set to head the commission?", True),
        ("Which European country will chair the verification body?", True),
        ("Which official would lead the talks, if they resumed?", True),
        ("Who led the Pakistani side at the talks?", False),  # the past: who signed may answer
        ("Who is Pakistan's defence chief?", False),  # an office the brief writes (names.py)
        ("Did the Afghan government deny that militant leaders live on its soil?", False),
        ("Who signed the Doha agreement?", False),
    ],
)
def test_whether_a_question_asks_who_leads(question, asks):
    assert asks_leader(question) is asks


@pytest.mark.parametrize(
    ("question", "text", "named"),
    [
        ("Who leads the TTP?", "TTP chief Noor Wali Mehsud denied the claim.", True),
        ("Who leads the TTP?", "The group's supreme leader, Hibatullah Akhundzada, spoke.", True),
        ("Who leads the TTP?", "Noor Wali Mehsud, the group's leader, denied it.", True),
        ("Who leads the TTP?", "The attack was led by Mehsud.", True),
        ("Who chairs the mechanism?", "The mechanism is chaired by Hakan Fidan.", True),
        ("Who chairs the mechanism?", "The mechanism will penalize any violations.", False),
        ("Who leads the TTP?", "Mujahid denied the presence of TTP leaders in Afghanistan.", False),
        ("Who leads the TTP?", "Pakistan rules out talks; Kabul runs the risk of escalation.", False),
        ("Who leads the TTP?", "Interior Minister Sirajuddin Haqqani warned Pakistan.", False),
        # A ministry is led by its minister
        ("Who heads Afghanistan's interior ministry?", "Interior Minister Sirajuddin Haqqani warned.", True),
        ("Who heads the interior ministry?", "Haqqani, the acting interior minister, warned.", True),
        ("Who runs the defence ministry?", "Defense Minister Khawaja Asif spoke.", True),
        # its own minister: the water ministry's is no foreign minister
        ("Who leads the Taliban water ministry?", "Foreign minister Abbas Araghchi warned.", False),
        ("Who heads the ministry?", "Foreign minister Abbas Araghchi warned.", True),  # which, unsaid
    ],
)
def test_whether_a_passage_names_a_leader(question, text, named):
    assert names_leader(question, text) is named


def test_a_leader_no_close_passage_names_abstains_and_says_why(fake_engine, corpus):
    # Both questions pass the fake embedder's similarity threshold; the brief names no leader.
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "Who leads the TTP from Afghan soil, the group Islamabad designates as terrorist?",
        unstated=LEADER,
        reason="name no one as its leader",
        answered_instead="Who is the TTP, the group Islamabad designates as terrorist?",
        brief="---\ntitle: TTP profile\n---\n\n# The group\n\nIslamabad designates the TTP as a "
        "terrorist organization; the group operates from Afghan soil and TTP chief Noor Wali Mehsud "
        "leads it from there.\n",
        stated="Noor Wali Mehsud",
    )


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who is the Turkish foreign minister?", ("foreign minister", "turkish")),
        ("What is the name of Pakistan's defense minister?", ("defence minister", "pakistan's")),
        ("Who is the foreign minister of Türkiye?", ("foreign minister", "turkiye")),
        ("Who is the Afghan ambassador to Pakistan?", ("ambassador", "afghan")),
        ("Who is the interior minister?", ("interior minister", "")),
        # The ministry's spokesperson, not its minister.
        ("Who is the foreign ministry spokesperson?", ("spokesperson", "foreign ministry")),
        ("Who signed for Pakistan?", None),
        ("Who is the Turkish foreign minister who chaired the talks?", ("foreign minister", "turkish")),
    ],
)
def test_which_office_a_question_asks_the_holder_of(question, asked):
    assert asked_office(question) == (AskedOffice(*asked) if asked else None)


OWNERS = {"turkish": "turkiye", "pakistan's": "pakistan", "indian": "india", "pakistan’s": "pakistan"}


@pytest.mark.parametrize(
    ("question", "text", "named"),
    [
        ("Who is Pakistan's defence minister?", "Pakistan’s Defense Minister Khawaja Asif spoke.", True),
        ("Who is the interior minister?", "Haqqani, the interior minister, warned.", True),
        # in another wording of the office
        ("Who is India's foreign minister?", "Indian Minister of External Affairs J.P. Singh met him.", True),
        # another state's holder, or only its ministry, names no one for the owner asked about
        (
            "Who is the Turkish foreign minister?",
            "Indian Minister of External Affairs J.P. Singh met him.",
            False,
        ),
        (
            "Who is the Turkish foreign minister?",
            "According to Türkiye’s Ministry of Foreign Affairs, ...",
            False,
        ),
        ("Who is the foreign minister?", "Indian Minister of External Affairs J.P. Singh met him.", True),
    ],
)
def test_whether_a_passage_names_the_holder_of_an_office(question, text, named):
    def actor_named(phrase: str) -> str | None:
        return OWNERS.get(phrase.lower())

    assert holder_named(asked_office(question), [text], actor_named) is named


def test_an_office_no_close_passage_names_a_holder_of_abstains_and_says_why(fake_engine, corpus):
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "Who is the Turkish foreign minister who spoke of the monitoring and verification mechanism?",
        unstated=HOLDER,
        reason="name no one who holds that office",
        answered_instead="What did Türkiye's Ministry of Foreign Affairs say of the monitoring mechanism?",
        brief="---\ntitle: Mediators\n---\n\n# Türkiye\n\nTurkish Foreign Minister Hakan Fidan spoke of the "
        "monitoring and verification mechanism.\n",
        stated="Hakan Fidan",
    )


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Which Qatari minister hosted the Doha talks?", ("qatari", "minister")),
        ("What is the name of the Turkish official who chaired the talks?", ("turkish", "")),
        ("Which TTP commanders were handed over?", ("ttp", "commander")),
        ("Which TTP leaders were named by Pakistan?", ("ttp", "")),  # anyone of the side
        ("What Taliban members met the Indian minister?", ("taliban", "")),
        ("Which Taliban spokesman accused Pakistan?", ("taliban", "spokes")),
        ("What Indian foreign minister met Yaqoob?", ("indian foreign", "minister")),  # the side opens it
        ("Which official hosted the talks?", None),  # no side to hold a passage to
        ("Who led Qatar's mediation team?", ("qatar", "")),  # who led or spoke for a side
        ("Who represented Islamabad when the first accord was signed?", ("islamabad", "")),
        ("Who headed the Afghan delegation in Doha?", ("afghan", "")),
        ("Who led the talks?", ("talks", "")),  # no side: the directory names no actor "talks"
        ("Who is the Turkish foreign minister?", None),  # an office's holder: asked_office's
    ],
)
def test_whose_person_a_question_asks_for(question, asked):
    assert asked_person_of(question) == (AskedPerson(*asked) if asked else None)


def test_a_person_of_a_side_no_close_passage_names_abstains_and_says_why(fake_engine, corpus):
    # The sample brief names Pakistan's, the Taliban's and India's ministers, no Qatari one.
    assert not fake_engine.ask("Which Indian minister met the Taliban's defence minister?").abstained
    assert not fake_engine.ask("Which Afghan minister warned against any aggression?").abstained
    # Who led or spoke for a side, likewise.
    at_doha = "during the Doha meeting where the defense ministers signed a bilateral agreement?"
    assert not fake_engine.ask(f"Who represented Pakistan {at_doha}").abstained
    assert fake_engine.ask(f"Who led Qatar's team {at_doha}").unstated == PERSON_OF
    # Its leaders or members: tested with the real model (tests/index/test_real_model.py), as the
    # fake model's closest passages name a minister of no side, who may be anyone's.
    # A role, when asked: the brief names Taliban ministers and a spokesperson, no commander.
    taliban = (
        "Taliban {} warned that any aggression or incursion by Pakistan would be met with firm resistance?"
    )
    assert not fake_engine.ask(f"Which {taliban.format('minister')}").abstained
    assert fake_engine.ask(f"Which {taliban.format('commander')}").unstated == PERSON_OF
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "Which Qatari minister hosted the negotiations mediated by Qatar and Türkiye?",
        unstated=PERSON_OF,
        reason="name no one of the state or group asked about",
        answered_instead="Which countries hosted the negotiations mediated by Qatar and Türkiye?",
        brief="---\ntitle: Hosts\n---\n\n# Doha\n\nQatar's Foreign Minister Mohammed Al-Thani hosted the "
        "negotiations mediated by Qatar and Türkiye.\n",
        stated="Al-Thani",
    )
