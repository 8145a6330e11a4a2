"""Acronyms no brief writes, read as the names the briefs write in full."""

import pytest

from index.acronyms import Acronyms, ShortForms, asked_expansion, long_forms, with_long_forms
from index.engine import Engine
from index.lexical import LexicalIndex
from tests.fakes import FakeEmbedder
from tests.index.test_indexer import write_brief

TEXTS = [
    "A convoy was attacked near Besham in Khyber Pakhtunkhwa.",
    "The Indus Waters Treaty was signed in 1960. Pakistan may go to the Court of Arbitration.",
    "The China-Pakistan Economic Corridor is guarded by the army.",
    "Tehreek-e-Taliban Pakistan denied it. The Indus Waters Treaty is in abeyance.",
    "Iran Wants Talks, said one Independent Water Trust.",  # "IWT" spelt once only
]
VOCABULARY = ["tehreek", "taliban", "pakistan", "treati", "ttp"]


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("What is the IWT?", "What is the Indus Waters Treaty?"),  # the name written most often
        ("Is KP safe?", "Is Khyber Pakhtunkhwa safe?"),
        ("KP?", "Khyber Pakhtunkhwa?"),  # an acronym alone, in capitals as acronyms are
        ("What did the CoA rule?", "What did the Court of Arbitration rule?"),  # a connector inside
        ("Who guards CPEC?", "Who guards China-Pakistan Economic Corridor?"),  # hyphenated parts
        # As typed: written in the briefs, known to the gazetteer, spelling no name, or all in capitals
        ("Did the TTP deny it?", "Did the TTP deny it?"),
        ("What did the EU say?", "What did the EU say?"),
        ("Who runs the XYZ?", "Who runs the XYZ?"),
        ("WHAT IS THE IWT?", "WHAT IS THE IWT?"),
        ("what is the iwt?", "what is the iwt?"),
    ],
)
def test_unwritten_acronyms_are_read_as_the_names_they_spell(question, read_as):
    assert Acronyms(TEXTS, VOCABULARY).expanded(question) == read_as


def test_names_end_at_punctuation_between_names_and_at_initials():
    # A list, two names joined by "and" or "in", or an initial ("U.S.") is no name to spell.
    acronyms = Acronyms(
        [
            "Attacks hit Besham, Karachi and Quetta.",
            "Talks between Islamabad and Kabul. Besham in Khyber Pakhtunkhwa.",
            "As Pakistan enters Phase Two of CPEC and the U.S. invests, During the Doha talks",
        ],
        [],
    )
    for acronym in ("BK", "IK", "BKP", "CU", "AP", "DD"):
        assert acronyms.expanded(f"Is {acronym} safe?") == f"Is {acronym} safe?"
    assert acronyms.expanded("Is KP safe?") == "Is Khyber Pakhtunkhwa safe?"


SPELT_OUT = [
    "Afghanistan might join the China-Pakistan Economic Corridor (CPEC), an economic project.",
    "As Pakistan enters Phase Two of CPEC, China presses the army.",
    "Tehreek-e-Taliban Pakistan (TTP) is banned. The Taliban deny it.",
    "The TTP attacked a post.",
    "A corridor of power in Kabul.",  # in another text: "corridor" names more than CPEC here
]


def short_forms(texts):
    # BM25 reads a long form into each passage writing its acronym, as the indexer has it read.
    return ShortForms(texts, LexicalIndex.build(with_long_forms(texts)))


@pytest.mark.parametrize(
    ("question", "written"),
    [
        (
            "Is Pakistan open to negotiating with Tehreek-e-Taliban?",
            "Is Pakistan open to negotiating with TTP?",
        ),
        ("Who leads the tehreek-e-taliban pakistan?", "Who leads the TTP?"),
        (
            "Which stage of the corridor project is Pakistan entering?",
            "Which stage of the CPEC project is Pakistan entering?",
        ),
        ("What phase of the China-Pakistan corridor is next?", "What phase of the CPEC is next?"),
        # A state's name, and a word the briefs write elsewhere too, name more than the acronym.
        ("Why does China press the army?", "Why does China press the army?"),
        ("What do the Taliban deny?", "What do the Taliban deny?"),
    ],
)
def test_names_written_short_are_read_as_their_acronym(question, written):
    assert short_forms(SPELT_OUT[:4]).written_short(question) == written


def test_a_word_written_apart_from_the_acronym_is_left_as_typed():
    question = "Which stage of the corridor project is Pakistan entering?"
    assert short_forms(SPELT_OUT).written_short(question) == question


def test_the_briefs_are_read_only_for_an_acronym_not_read_before():
    class CountedTexts(list):
        reads = 0

        def __iter__(self):
            CountedTexts.reads += 1
            return super().__iter__()

    acronyms = Acronyms(CountedTexts(["The Indus Waters Treaty"]), [])
    assert acronyms.expanded("What is the treaty?") == "What is the treaty?"
    assert CountedTexts.reads == 0
    assert acronyms.expanded("What is the IWT?") == "What is the Indus Waters Treaty?"
    assert acronyms.expanded("And the IWT?") == "And the Indus Waters Treaty?"
    assert CountedTexts.reads == 1


def test_an_answer_says_how_an_acronym_was_read(corpus, tmp_path):
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.3)
    engine.reindex()
    answer = engine.ask("What did Türkiye's MoFA say?")
    assert answer.read_as == "What did Türkiye's Ministry of Foreign Affairs say?"
    assert not answer.abstained
    assert "Ministry of Foreign Affairs" in answer.hits[0].passage.text
    assert engine.ask("What did the TTP say?").read_as == ""  # the brief writes it


@pytest.mark.parametrize(
    ("question", "acronym"),
    [
        ("What does TTP stand for?", "TTP"),
        ("define cpec", "CPEC"),
        ("What is the full form of TTP?", "TTP"),
        ("What does the TTP want?", ""),
        ("What is CPEC?", "CPEC"),  # typed in capitals: what it is, where it is spelled out
        ("What is the TTP?", "TTP"),
        ("what is cpec", ""),  # a word, searched
        ("What is Peace?", ""),
    ],
)
def test_questions_asking_what_an_acronym_stands_for(question, acronym):
    assert asked_expansion(question) == acronym


def test_the_passage_spelling_an_acronym_out_comes_first_with_that_sentence_marked(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ttp.md").write_text(
        "# TTP\n\nThe group grew. Tehreek-e-Taliban Pakistan (TTP) was formed in 2007.\n\n"
        "The TTP stand firm: what the TTP stand for, its fighters stand for.\n",
        encoding="utf-8",
    )
    # Any closeness answers: the fake embedder's words are far from these questions'.
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=-1.0)
    engine.reindex()
    closer = engine.ask("Where does the TTP stand?", k=2)
    assert closer.hits[0].passage.paragraph == 2  # the passage with the question's words
    answer = engine.ask("What does TTP stand for?", k=2)
    assert [hit.passage.paragraph for hit in answer.hits] == [1, 2]
    assert answer.hits[0].best_sentence == "Tehreek-e-Taliban Pakistan (TTP) was formed in 2007."


def test_long_forms_are_the_names_right_before_bracketed_acronyms():
    texts = [
        "The Tehreek-e-Taliban Pakistan (TTP) grew. The Court of Arbitration (CoA) ruled.",
        "Hopes for the China-Pakistan Economic Corridor (CPEC) faded (BBC). See Annex (A).",
        "The Taliban Pakistan (TTP) is another spelling, later.",
    ]
    assert long_forms(texts[2:]) == {}  # "The" opens a sentence, not a name
    # Not "The Tehreek-e-Taliban" that opens earlier; nothing for a bracket no name before spells.
    assert long_forms(texts) == {
        "TTP": "Tehreek-e-Taliban Pakistan",
        "CoA": "Court of Arbitration",
        "CPEC": "China-Pakistan Economic Corridor",
    }


def test_passages_writing_an_acronym_short_are_read_with_its_long_form():
    texts = [
        "Hopes for the China-Pakistan Economic Corridor (CPEC) faded.",
        "Pakistan enters Phase Two of CPEC.",
        "CPECS and XCPEC are other words; the China-Pakistan Economic Corridor is named in full.",
    ]
    assert with_long_forms(texts) == [
        texts[0],
        "Pakistan enters Phase Two of CPEC. China-Pakistan Economic Corridor",
        texts[2],
    ]
    assert with_long_forms(texts[1:2]) == texts[1:2]  # spelt out in another brief: not this one's


def test_a_question_in_long_form_finds_the_passage_writing_the_acronym(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    cpec = [
        "The China-Pakistan Economic Corridor (CPEC) links Kashgar to Gwadar.",
        "Phase Two of CPEC opens special zones.",
        "The weather was mild.",
    ]
    write_brief(corpus, "cpec.md", cpec)
    write_brief(corpus, "other.md", ["Phase Two of CPEC is delayed."])
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=-1.0)
    engine.reindex()
    generation = engine.generation
    ids = [passage.passage_id for passage in generation.passages]
    scores = dict(zip(ids, generation.lexical.scores("economic corridor"), strict=True))
    assert scores["cpec#2"] > 0 and scores["cpec#3"] == 0
    assert scores["other#1"] == 0  # the other brief never spells CPEC out
    assert generation.passages[1].text == "Phase Two of CPEC opens special zones."  # shown as written
