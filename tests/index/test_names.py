"""Questions about names no brief mentions: found, and answered by abstaining with the reason."""

import pytest

from bot.text import answer_json, answer_text
from index.names import question_names
from tests.conftest import SAMPLE_BRIEF_ID


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("What did Iran say about the ceasefire?", ["Iran"]),
        ("Imran Khan?", ["Imran Khan"]),  # a name alone opens with no question word
        ("Who's Haqqani?", ["Haqqani"]),  # "Who's" is a question word, not part of the name
        ("Who’s Mujahid?", ["Mujahid"]),
        ("Quote Mujahid", ["Mujahid"]),  # nor is a command opening a request
        ("I read it, but I'm lost: did Iran mediate?", ["Iran"]),  # nor the reader's "I"
        ("Profile Sirajuddin Haqqani", ["Sirajuddin Haqqani"]),
        ("Khawaja Asif", ["Khawaja Asif"]),
        ("Explain what Asif said.", ["Asif"]),  # a first word is not a name...
        ("Iran's reaction to the truce?", ["Iran"]),  # ...unless it is a state or a capital
        ("South Korea's view of the truce?", ["South Korea"]),  # whole
        ("New threats to the truce?", []),  # "New" alone is no state, though "New Zealand" is
        ("Central issues of the talks?", []),
        ("Which countries mediated? And Iran?", ["Iran"]),  # every sentence has a first word
        ("What did Saudi Arabia and the United Nations do?", ["Saudi Arabia", "United Nations"]),
        ("Could a US-backed or Chinese-funded project suffer?", ["US", "Chinese"]),
        ("How did Beijing's investments factor in?", ["Beijing"]),
        ("what did iran say about the ceasefire", []),  # no capitals, nothing to go on
        ("WHAT DID IRAN SAY ABOUT THE CEASEFIRE", []),  # shouting: every word is capitalised
        # Title Case: capitals tell nothing, but the world's states, capitals and bodies are names
        ("What Did The Defence Minister Say About The Talks?", []),
        ("What Did Iran And Saudi Arabia Say About The Ceasefire?", ["Iran", "Saudi Arabia"]),
        ("Who Delivered Kabul's Warning Against Any Incursion?", ["Kabul"]),
        ("Tell Us What The US Said", ["US"]),
        (
            "Did Imran Khan and Nawaz Sharif meet Ashraf Ghani?",
            ["Imran Khan", "Nawaz Sharif", "Ashraf Ghani"],
        ),
        ("What did the Bank of England and Iran say?", ["Bank", "England", "Iran"]),  # "of" is lower
        ("Did the talks fail? What did Iran say?", ["Iran"]),  # "What" opens a sentence
    ],
)
def test_names_are_capitalised_runs_that_do_not_open_a_sentence(question, names):
    assert question_names(question) == names


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("What did Iran say about the ceasefire?", ["Iran"]),
        ("Imran Khan?", ["Imran Khan"]),  # a name alone, whole
        ("Khawaja Asif", []),  # a name alone, known
        ("Who's Haqqani?", []),  # a known name, asked about
        ("What did Imran Khan and the UN say?", ["Imran Khan", "UN"]),
        ("Did Mullah Omar sign it?", ["Mullah Omar"]),  # one unknown word makes the name unknown
        ("What did Qatar and Türkiye do?", []),
        ("What did Turkey and the U.S. do?", []),  # other names of states in the briefs
        ("What did Ankara and Washington say?", []),  # capitals of states in the briefs
        ("What did Zabiullah Mujahed and Mullah Yaqub say?", []),  # other spellings
        ("What did Siraj Haqqani warn?", []),  # a shortened name
        ("Why is the Islamic Emirate accused?", []),  # part of an actor's alias in actors.toml
        ("In the PoliTact brief, what did Naade Ali write about Iran?", []),  # publisher, author
        # Regions, named when one of their states is: Qatar is a Gulf state, Türkiye European
        ("In which Gulf capital did the first round take place?", []),
        ("Which European country mediated?", []),
        ("What did the Central Asian states say?", ["Central Asian"]),  # none of them is named
        # Offices no brief writes, though the state is mentioned
        ("What did the Pakistani prime minister say?", ["prime minister"]),
        ("What did the premier promise Kabul?", ["prime minister"]),
        ("What happened at 3 pm?", []),  # "pm" is no office
        ("What did the Taliban's emir decree?", ["supreme leader"]),
        # Everyday topics no brief speaks of, whatever else the question names
        ("Recommend a good hotel in Istanbul.", ["hotel"]),
        ("Can the truce weather the war of narratives?", []),  # a verb in policy prose
        ("What's the weather in Kabul?", ["weather"]),  # the noun is a topic
        ("How's the weather today?", ["weather"]),
        ("Will the deal weather the storm?", []),
        ("Who is the best cricketer in Pakistan?", ["cricketer"]),
        ("What did Pakistan’s army chief and Iran say?", ["army chief"]),  # Iran: in part
        # Offices the brief writes, in one of their forms
        ("What did Afghanistan's defence minister sign?", []),  # "Defense Minister"
        ("Which Indian foreign minister met the Taliban?", []),  # "Minister of External Affairs"
        ("What did the Taliban spokesperson claim?", []),
        ("What did Pakistan's information minister clarify?", []),  # its "Information Ministry"
    ],
)
def test_names_no_brief_mentions_are_found(fake_engine, question, unknown):
    assert fake_engine.generation.names.unmentioned(question) == unknown


def test_a_question_about_an_unmentioned_name_abstains_and_says_why(fake_engine):
    # Both questions pass the fake embedder's similarity threshold; one names only a country the
    # brief never mentions.
    answered = fake_engine.ask("Did Qatar mediate the ceasefire negotiations?")
    assert not answered.abstained and answered.hits
    answer = fake_engine.ask("Did Iran mediate the ceasefire negotiations?")
    assert answer.abstained and answer.hits == ()
    assert answer.unknown_names == ("Iran",)
    assert "never mention “Iran”" in answer_text(answer)
    assert answer_json(answer) == {"question": answer.question, "abstained": True, "hits": []}


def test_a_name_only_briefs_far_from_the_question_mention_abstains_and_says_so(fake_engine, corpus):
    (corpus / "helmand.md").write_text(
        "---\ntitle: Water on the Helmand\n---\n\n# Water\n\nIran wants its share of the Helmand.\n",
        encoding="utf-8",
    )
    fake_engine.reindex()
    answer = fake_engine.ask("Did Iran mediate the ceasefire negotiations?")
    # Iran is in the brief on water, and the passages closest to the question are on the truce.
    assert answer.abstained and answer.unknown_names == ("Iran",) and answer.unknown_elsewhere
    assert [brief.brief_id for brief in answer.closest_briefs] == [SAMPLE_BRIEF_ID]
    assert "The closest briefs never mention “Iran” (other briefs do)" in answer_text(answer)
    assert not fake_engine.ask("Did Iran and Qatar mediate the ceasefire negotiations?").abstained
    assert not fake_engine.ask("Does Iran want its share of the Helmand?").abstained


def test_a_question_about_an_office_no_brief_writes_abstains_and_says_why(fake_engine):
    answer = fake_engine.ask("What did the Pakistani prime minister say about the ceasefire negotiations?")
    assert answer.abstained and answer.unknown_names == ("prime minister",)
    assert "never mention “prime minister”" in answer_text(answer)
    # The defence minister is in the brief, written "Defense Minister".
    assert not fake_engine.ask("What did the Pakistani defence minister say about the ceasefire?").abstained


@pytest.mark.parametrize(
    ("question", "voice"),
    [
        ("How did Pakistan's opposition parties react to the deal?", "Pakistan's opposition parties"),
        ("How did the Pakistani stock market react to the truce?", "Pakistani stock market"),
        # Words for the owner's own voice, and parts the brief mentions
        ("What did Pakistan's diplomats say the Taliban had conceded?", ""),
        ("What does Kabul's spokesman claim?", ""),
        ("How did the Afghan authorities respond to Asif?", ""),
        ("What did the Afghan interior minister warn?", ""),
        ("Did the Taliban's civil society groups comment?", ""),  # "civil society" is in ¶5
        ("What did Pakistan say?", ""),  # no part: the silent-actor rule's
        ("Do the Afghan authorities believe Pakistan's promises?", ""),  # a clause, not a part
        ("What did Qatar's emir say?", "Qatar's emir"),  # a word no brief holds
        # What the owner says is no part of it.
        ("What do Asif's warnings say about the fragility of the truce?", ""),
        ("What do Haqqani's remarks say about Afghan history?", ""),
    ],
)
def test_a_part_of_a_known_actor_no_brief_mentions_is_found(fake_engine, question, voice):
    generation = fake_engine.generation
    assert generation.names.unmentioned_voice(question, generation.actor_directory.actor_named) == voice


def test_a_question_to_hear_from_an_unmentioned_part_of_an_actor_abstains(fake_engine):
    answer = fake_engine.ask("How did Pakistan's opposition parties react to the ceasefire negotiations?")
    assert answer.abstained and answer.unknown_names == ("Pakistan's opposition parties",)
    assert "never mention “Pakistan's opposition parties”" in answer_text(answer)
    assert not fake_engine.ask("How did Pakistan's diplomats react to the ceasefire negotiations?").abstained


def test_a_state_is_never_taken_for_a_name_spelled_near_it(fake_engine, corpus):
    (corpus / "water.md").write_text(
        "---\ntitle: Water\n---\n\nImran Qureshi writes that the treaty is in abeyance.\n", encoding="utf-8"
    )
    fake_engine.reindex()
    names = fake_engine.generation.names
    # "Iran" is one letter from "Imran", but a state has no spellings other than the gazetteer's.
    assert names.unmentioned("What did Iran say about the ceasefire negotiations?") == ["Iran"]
    assert names.unmentioned("What did Zabiullah Mujahed say?") == []  # a person's name may be
    # Asked to hear from it, a state no brief mentions is looked for however close the passages.
    assert names.unmentioned("What did Iran say about the ceasefire?", names=False) == ["Iran"]
    assert names.unmentioned("What did Pakistan and Iran say?", names=False) == []  # Pakistan, in part
    assert names.unmentioned("Did Iran mediate the talks?", names=False) == []  # who did answers
    # So is one a question has do something: "has the UN placed".
    assert names.unmentioned("What sanctions has the UN placed on the Taliban?", names=False) == ["UN"]
    assert names.unmentioned("What sanctions has the UN placed on the Taliban?") == ["UN"]
    assert names.unmentioned("How did Iran and Qatar mediate?", names=False) == []  # Qatar, in part
    assert names.unmentioned("What did Pakistan do after the talks?", names=False) == []
    # So is one whose people it speaks of, by name or demonym, written as a name.
    assert names.unmentioned("Which Saudi official attended the Doha talks?", names=False) == ["Saudi"]
    assert names.unmentioned("which iranian officials attended the doha talks", names=False) == ["iranian"]
    assert names.unmentioned("Which Qatari official attended the Doha talks?", names=False) == []
    assert names.unmentioned("Did Iran and Qatar mediate the Doha talks?", names=False) == []


def test_a_close_match_is_answered_despite_an_unknown_name(fake_engine):
    # Nearly every word of this question is in paragraph 1: a confident match outweighs the name.
    answer = fake_engine.ask(
        "After several rounds of intensive negotiations, both agreed to extend their ceasefire "
        "despite failing to achieve a major breakthrough, says Erdogan"
    )
    assert fake_engine.generation.names.unmentioned(answer.question) == ["Erdogan"]
    assert not answer.abstained
    assert answer.hits[0].passage.paragraph == 1
    # An office no brief writes has no other spelling: it is asked about however close the match.
    office = fake_engine.ask(
        "After several rounds of intensive negotiations, both agreed to extend their ceasefire "
        "despite failing to achieve a major breakthrough, says the prime minister"
    )
    assert office.abstained and office.unknown_names == ("prime minister",)


def test_a_vocabulary_too_large_to_compare_counts_the_name_as_known():
    from index.actors import ActorIndex
    from index.names import FUZZY_SCAN_LIMIT, NameChecker

    small = NameChecker(["qatar", "zebra"], ActorIndex({}, [], []), [])
    assert small.unmentioned("What did Zarqawi say?") == ["Zarqawi"]
    # Comparing the name with every word of its shape would take too long: no abstention on it.
    crowded = [f"z{n:07d}" for n in range(FUZZY_SCAN_LIMIT + 1)]
    assert NameChecker(crowded, ActorIndex({}, [], []), []).unmentioned("What did Zarqawi say?") == []


@pytest.mark.parametrize(
    ("question", "unmentioned"),
    [
        ("What did Saudi Arabia and Iran say?", ["Saudi Arabia", "Iran"]),
        ("Did Iran and Pakistan talk?", []),  # one name the brief mentions: maybe about it
        ("Which Gulf state hosted the first round, according to Islamabad?", []),
        ("what did iran say?", []),
        # ...unless another name is a person's or body's, two words running the brief never has
        ("What did Shehbaz Sharif promise the Taliban?", ["Shehbaz Sharif"]),
        ("What did Prime Minister Shehbaz Sharif tell Kabul?", ["Prime Minister Shehbaz Sharif"]),
        # ...or a title and one word the brief never has: "Mullah" is the brief's, "Omar" not
        ("What did Mullah Omar say about Pakistan?", ["Mullah Omar"]),
        ("What did Mullah Yaqub say about Pakistan?", []),  # the brief's Mullah Yaqoob
        # ...or the names of whom it asks to hear from, all unmentioned
        ("What did Iran's government say about the Istanbul talks?", ["Iran"]),
        ("According to Iran, who won the Istanbul talks?", ["Iran"]),
        ("What did Pakistan and Iran say about the Istanbul talks?", []),  # Pakistan may answer
        ("What did Pakistan say about Iran?", []),  # Iran is asked about, not heard from
        ("What did Iran say to Pakistan?", ["Iran"]),
        ("What did the Taliban say about Bagram Airfield?", []),  # so is "Bagram"
        # ...or the people of a state never mentioned, by its name or its demonym
        ("Which Saudi official attended the Doha talks?", ["Saudi"]),  # not "said" spelled off
        ("Did Iran's foreign minister visit Kabul?", ["Iran"]),
        ("Which Iranian senior diplomat met Asif in Doha?", ["Iranian"]),
        ("Which Qatari official attended the Doha talks?", []),  # Qatar is the brief's
        ("Did the Turkish officials meet the Taliban?", []),  # so is Türkiye
        ("Did Iran and Qatar mediate the Doha talks?", []),  # Iran named, not its people
    ],
)
def test_a_question_is_about_something_else_when_none_of_its_names_or_a_full_name_is_mentioned(
    fake_engine, question, unmentioned
):
    assert fake_engine.generation.names.unmentioned(question) == unmentioned


def test_a_full_name_the_brief_never_has_abstains_beside_one_it_has(fake_engine):
    # "Did Iran and Qatar mediate the ceasefire negotiations?" is answered (the test below).
    answer = fake_engine.ask("Did Imran Khan and Qatar mediate the ceasefire negotiations?")
    assert answer.abstained and answer.unknown_names == ("Imran Khan",)
    assert "never mention “Imran Khan”" in answer_text(answer)


def test_a_known_name_beside_an_unknown_one_keeps_the_answer(fake_engine):
    answer = fake_engine.ask("Did Iran and Qatar mediate the ceasefire negotiations?")
    assert not answer.abstained and answer.hits
