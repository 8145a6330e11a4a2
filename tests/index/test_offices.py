"""Offices the briefs name for some actors only: a question about another's is about someone they
never mention."""

import pytest

from bot.text import answer_text
from index.engine import Engine
from index.models import SearchFilters
from index.offices import Offices, may_name_office
from index.search import Searcher
from tests.index.test_indexer import write_brief

NAMES = {"pakistan": "pakistan", "afghanistan": "afghanistan", "taliban": "afghanistan", "india": "india"}


@pytest.mark.parametrize(
    ("question", "unheld"),
    [
        ("What did the Taliban's foreign minister say?", [("afghanistan", "foreign minister")]),
        ("Who is Afghanistan's foreign minister?", [("afghanistan", "foreign minister")]),
        ("What did the Afghan foreign ministry claim?", [("afghanistan", "foreign minister")]),  # a form
        ("What did Pakistan's foreign minister say?", []),  # Pakistan's Foreign Office
        ("What did the Indian foreign minister do?", []),  # Minister of External Affairs
        ("What did Afghanistan's defence minister sign?", []),  # Acting Defense Minister
        ("What did India's interior minister say?", []),  # written once with no owner: anyone's
        ("What did India's prime minister say?", []),  # never written: index/names.py's rule
        ("What did the foreign minister say?", []),  # no owner asked
        ("What did the Afghan spokesman say?", []),  # the Taliban's spokesperson
        # Every word for the office is one office, said once.
        ("What did Pakistan's spokesman say?", [("pakistan", "spokesperson")]),
        ("What did Pakistan's spokeswoman say?", [("pakistan", "spokesperson")]),
    ],
)
def test_whose_offices_the_briefs_name(question, unheld):
    offices = Offices(
        NAMES,
        [
            "Pakistan’s Foreign Office stated that talks failed.",
            "Indian Minister of External Affairs J.P. Singh met Afghanistan’s Acting Defense Minister.",
            "The Taliban warned through Interior Minister Sirajuddin Haqqani.",
            "Taliban spokesperson Zabihullah Mujahid accused Pakistan.",
        ],
    )
    assert offices.unheld(question) == unheld


def test_a_question_only_reads_offices_if_a_word_may_open_one():
    assert may_name_office("What did the Taliban's foreign minister say?")
    assert may_name_office("Who is the ambassador?")
    assert not may_name_office("Which countries mediated the talks?")


def test_an_office_the_briefs_name_for_others_only_abstains_and_says_whose(fake_engine, corpus):
    question = "What did the Taliban's foreign minister say about the Istanbul talks?"
    answer = fake_engine.ask(question)
    assert answer.abstained and answer.unknown_names == ("Afghan Taliban government's foreign minister",)
    assert "never mention “Afghan Taliban government's foreign minister”" in answer_text(answer)
    assert not fake_engine.ask("What did Pakistan's foreign office say about the Istanbul talks?").abstained
    write_brief(
        corpus, "kabul.md", ["The Taliban's Foreign Minister Amir Khan Muttaqi praised the Istanbul talks."]
    )
    fake_engine.reindex()
    assert not fake_engine.ask(question).abstained


def test_offices_named_in_any_form_with_their_owner_if_said():
    offices = Offices(NAMES, [])
    assert offices.named(
        "Indian Minister of External Affairs J.P. Singh met the Acting Defense Minister."
    ) == {
        ("foreign minister", "india"),
        ("defence minister", None),
    }
    assert offices.named("Pakistan's Foreign Office stated that talks failed.") == {
        ("foreign minister", "pakistan")
    }
    assert offices.named("Which countries mediated the talks?") == set()


def test_ownerless_offices_of_a_question():
    offices = Offices(NAMES, [])
    assert offices.ownerless("What did the interior minister and the home ministry say?") == [
        "interior minister"
    ]
    assert offices.ownerless("What did Pakistan's interior minister say?") == []


def test_an_office_several_briefs_give_to_different_actors_shows_each(fake_engine, corpus):
    # The sample brief's interior minister is the Taliban's Haqqani (¶8); another brief's is Naqvi.
    write_brief(
        corpus,
        "besham.md",
        ["Chinese engineers died near Besham.", "Interior Minister Mohsin Naqvi said the plot began abroad."],
    )
    fake_engine.reindex()
    question = "What did the interior minister say about the attack?"
    answer = fake_engine.ask(question, k=3)
    assert answer.office == "interior minister"
    assert sorted(answer.holders) == ["Mohsin Naqvi", "Sirajuddin Haqqani"]
    texts = [hit.passage.text for hit in answer.hits]
    assert any("Haqqani" in text for text in texts) and any("Naqvi" in text for text in texts)
    assert "Naqvi" in texts[1] and answer.hits[0].score >= max(hit.score for hit in answer.hits)
    # Asking for more passages (Discord's "More passages") keeps the order of the first ones.
    more = fake_engine.ask(question, k=6)
    assert [hit.passage.passage_id for hit in more.hits[:3]] == [
        hit.passage.passage_id for hit in answer.hits
    ]
    assert "The briefs name more than one interior minister: Mohsin Naqvi and Sirajuddin Haqqani." in (
        answer_text(answer)
    )
    # One brief, whose, or an office one brief gives to two: the passages say whose is whose.
    assert not fake_engine.ask(question, filters=SearchFilters(frozenset({"besham"}))).holders
    assert not fake_engine.ask("What did Pakistan's interior minister say about the attack?").holders
    assert not fake_engine.ask("What did the defence minister sign?").holders  # Asif and Mujahid, ¶2


def test_an_eager_engine_reads_voices_and_offices_as_it_loads(corpus, tmp_path, fake_embedder):
    # The bot and the console are eager: no reader waits for them; a one-shot command is not.
    Engine(corpus, tmp_path / "index", fake_embedder).reindex()
    lazy = Engine(corpus, tmp_path / "index", fake_embedder)
    lazy.load()
    assert not {"voices", "offices"} & set(vars(lazy.generation))
    eager = Engine(corpus, tmp_path / "index", fake_embedder, eager=True)
    eager.load()
    assert {"voices", "offices"} <= set(vars(eager.generation))


def test_the_office_nudge_reads_whose_office_and_its_holders(fake_engine):
    searcher = Searcher(fake_engine.generation, fake_engine.weights, fake_engine.late)
    passages = fake_engine.generation.passages
    rows = list(range(len(passages)))

    def nudged(question: str) -> list[int]:
        asked = fake_engine.generation.offices.named(question)
        signal = searcher._naming_offices(asked, rows)
        return [passages[row].paragraph for row, on in zip(rows, signal, strict=True) if on]

    # Türkiye's ministry (¶1), not Pakistan's Foreign Office (¶5) nor India's minister (¶11).
    assert nudged("What did Türkiye's foreign ministry say?") == [1]
    assert nudged("What did the foreign minister say?") == [1, 5, 11]
    # Pakistan's defence minister is named as such (¶2, ¶3, ¶5) or by name alone (Asif: ¶6, ¶7),
    # not the Taliban's (¶11 names Mullah Yaqoob with the office).
    assert nudged("What did Pakistan's defence minister say?") == [2, 3, 5, 6, 7]
