"""Questions asking to hear from an actor the briefs never record saying or doing anything."""

import pytest

from bot.text import answer_json, answer_text
from index.search import FusionWeights
from index.speakers import Asked, asked_speaker
from tests.conftest import SAMPLE_BRIEF_ID
from tests.index.test_indexer import first_paragraphs


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What did China's foreign ministry say about the truce?", ("China's foreign ministry", False)),
        ("How did the United States react to the Istanbul talks?", ("the United States", True)),
        ("Did the TTP itself comment on the ceasefire?", ("the TTP", False)),
        ("Has the US officially responded?", ("the US", True)),
        ("What was Qatar's reaction to the deal?", ("Qatar", True)),
        ("Who is to blame, according to the Taliban?", ("the Taliban", False)),
        ("According to Kabul, why is Pakistan's army stirring trouble?", ("Kabul", False)),
        ("What does Pakistan say India wants on its borders?", ("Pakistan", False)),  # not India
        ("What does China think of the TTP?", None),  # a stance may show in what others say
        ("Why did the talks fail?", None),
        ("What did Pakistan accuse India of?", None),  # an accusation is asked about, not a voice
    ],
)
def test_whom_a_question_asks_to_hear_from(question, asked):
    assert asked_speaker(question) == (Asked(*asked) if asked else None)


@pytest.mark.parametrize(
    ("question", "silent"),
    [
        # Named in the brief, never saying or doing anything there
        ("What did China's foreign ministry say about the truce?", "China"),
        ("How did Washington react to the talks?", "United States"),  # a capital is its state
        ("Did the TTP itself comment on the ceasefire?", "Tehreek-e-Taliban Pakistan"),
        ("What did Qatar say about the deal?", "Qatar"),
        # Heard: as a subject, through its own people or bodies, or "according to" one of them
        ("What did the Taliban say about Bagram?", ""),
        ("How did the Afghan side respond to the accusations?", ""),  # a demonym is its state
        ("What did Pakistan's information ministry clarify?", ""),
        ("What did Türkiye's foreign ministry say about the deal?", ""),  # "According to Türkiye's ..."
        ("How did India react?", ""),  # it upgraded its mission in Kabul
        ("What did J.P. Singh say?", ""),  # he held a meeting: maybe something was said
        # Asked how it reacted, an actor is heard if it is the source of anything
        ("How did China react to the attacks on its personnel?", ""),  # "pressure from China"
        ("What was Qatar's reaction?", ""),  # "mediated by Qatar"
        # Not an actor of the briefs: not checked here (index/names.py checks unknown names)
        ("What did the mediators say?", ""),
        ("What did Iran say about the ceasefire?", ""),
    ],
)
def test_an_actor_the_briefs_never_hear_from_is_silent(fake_engine, question, silent):
    assert fake_engine.generation.voices.silent(asked_speaker(question), {SAMPLE_BRIEF_ID}) == silent


def test_asking_to_hear_from_a_silent_actor_abstains_and_says_why(fake_engine):
    # Both questions pass the fake embedder's similarity threshold; one asks to hear from an
    # actor the brief names only as the target of pressure.
    heard = fake_engine.ask("What did Pakistan say about the ceasefire negotiations mediated by Qatar?")
    assert not heard.abstained and heard.hits
    answer = fake_engine.ask("What did China say about the ceasefire negotiations mediated by Qatar?")
    assert answer.abstained and answer.hits == () and answer.silent == "China"
    assert "record nothing “China” said," in answer_text(answer)
    # Asked how it reacted, nor anything it did ("pressure from China" would be).
    reaction = fake_engine.ask("How did the U.S. react to the ceasefire negotiations mediated by Qatar?")
    assert "record nothing “United States” said or did" in answer_text(reaction)
    assert answer_json(answer) == {"question": answer.question, "abstained": True, "hits": []}


@pytest.mark.parametrize(
    "heard",
    [
        "China welcomed the ceasefire negotiations between Pakistan and Afghanistan.",
        "A statement issued by China welcomed the ceasefire negotiations.",  # not its subject
    ],
)
def test_an_actor_heard_in_a_new_brief_is_answered_after_reindexing(fake_engine, corpus, heard):
    question = "What did China say about the ceasefire negotiations mediated by Qatar?"
    assert fake_engine.ask(question).silent == "China"
    (corpus / "china-welcomes-truce.md").write_text(
        f"---\ntitle: China and the truce\n---\n\n# Reactions\n\n{heard}\n", encoding="utf-8"
    )
    fake_engine.reindex()
    answer = fake_engine.ask(question)
    assert not answer.abstained and answer.silent == ""


def test_an_actor_heard_only_in_another_brief_is_silent_in_the_one_that_answers(fake_engine, corpus):
    (corpus / "mekong.md").write_text(
        "---\ntitle: Dams on the Mekong\n---\n\n# Water\n\nChina defended its new dam on the Mekong.\n",
        encoding="utf-8",
    )
    fake_engine.reindex()
    question = "What did China say about the ceasefire negotiations mediated by Qatar?"
    answer = fake_engine.ask(question)
    # China speaks of its dam, not of the truce, and the passages on the truce are the closest.
    assert answer.abstained and answer.silent == "China"
    assert [brief.brief_id for brief in answer.closest_briefs] == [SAMPLE_BRIEF_ID]
    voices = fake_engine.generation.voices
    assert voices.silent(asked_speaker(question), {"mekong"}) == ""


def test_a_passage_where_the_actor_asked_about_speaks_moves_up(tmp_path, fake_embedder):
    paragraphs = [
        "Asif accused the Taliban regime of sheltering militants and called the Taliban repressive.",
        "The Taliban rejected the charge.",
        "Spring rains flooded the valley roads.",
    ]
    question = "How did the Taliban respond to Asif's accusations about the Taliban regime?"
    # Alone, the shared words put Asif's accusation first; the nudge, the Taliban's own answer.
    firsts = first_paragraphs(
        tmp_path, fake_embedder, paragraphs, question, FusionWeights(speaker=0.0), FusionWeights()
    )
    assert firsts == [1, 2]


def test_the_speaker_nudge_stays_in_the_brief_of_the_closest_passage(fake_engine, corpus):
    # The TTP speaks in the water brief, never in the sample brief: the sample brief's passages on
    # the truce stay first, and the question abstains as asking to hear from a silent actor.
    (corpus / "water.md").write_text(
        "---\ntitle: Water\n---\n\n# Water\n\nThe TTP claimed the attack on the dam.\n", encoding="utf-8"
    )
    fake_engine.reindex()
    question = "What did the TTP say about the ceasefire negotiations mediated by Qatar and Türkiye?"
    ranked = fake_engine.rank_many([question], k=3)[0]
    assert ranked[0] == SAMPLE_BRIEF_ID
    answer = fake_engine.ask(question)
    assert answer.abstained and answer.silent == "Tehreek-e-Taliban Pakistan"
