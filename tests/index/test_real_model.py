"""Semantics with the real all-MiniLM-L6-v2 model on the sample brief (model loaded once per run)."""

import json
from pathlib import Path

import pytest

from index.engine import Engine
from index.leaders import PERSON_OF
from index.search import FusionWeights, Query, Searcher
from tests.conftest import ROOT, SAMPLE_BRIEF_ID

pytestmark = pytest.mark.model


def read_questions(name: str) -> list[dict]:
    path = ROOT / "benchmarks" / "data" / name
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


QUESTIONS = read_questions("brief_questions.jsonl")


@pytest.mark.parametrize(
    "question",
    [
        "Which countries mediated the talks?",
        "Which states mediated?",  # "states" read as the noun (index/idioms.py)
        "Who acted as intermediaries between Islamabad and Kabul?",  # the agent noun as the verb
    ],
)
def test_mediators_question_puts_qatar_and_turkiye_first(real_engine, question):
    answer = real_engine.ask(question)
    assert not answer.abstained
    top = answer.hits[0]
    assert (top.brief.brief_id, top.passage.paragraph) == (SAMPLE_BRIEF_ID, 1)
    assert "Qatar and Türkiye" in top.best_sentence


@pytest.mark.parametrize(
    ("question", "paragraph"),
    [
        ("who mediated?", 1),
        ("mediators?", 1),
        ("go-betweens?", 1),
        ("Which Gulf state mediated?", 1),  # the kind asked for is named, not held: "Qatar"
        ("Bagram", 3),
        ("civil society", 5),
        ("Phase Two", 10),
        ("what did the interior minister say about history", 8),  # "say" is not looked for
        ("Which air base is mentioned in the brief?", 3),  # nor "in the brief"
        ("Where did the first round take place?", 2),  # nor "take place": "held in Doha"
    ],
)
def test_a_few_words_the_brief_holds_are_answered_where_it_holds_them(real_engine, question, paragraph):
    searcher = Searcher(real_engine.generation, real_engine.weights, real_engine.late)
    vector = real_engine.embedder.embed_batch([question])[0]
    assert searcher.rank(Query(question, vector), 1)[0].confidence < real_engine.threshold  # meaning alone
    answer = real_engine.ask(question)
    assert not answer.abstained
    assert [hit.passage.paragraph for hit in answer.hits] == [paragraph]


@pytest.mark.parametrize(
    ("question", "paragraph"),
    [
        ("what does the brief say about women", 5),  # searched with its frame: abstained
        ("Is there anything about Bagram?", 3),  # likewise
        ("What's the deal with Bagram?", 3),  # likewise ("deal" is ¶7's)
        ("What does the author say about India?", 11),  # with its frame: Asif's statements first
    ],
)
def test_what_a_brief_says_about_a_subject_is_where_it_names_the_subject(real_engine, question, paragraph):
    answer = real_engine.ask(question)
    assert not answer.abstained and answer.hits[0].passage.paragraph == paragraph


def test_what_a_brief_says_about_a_subject_it_never_names_is_refused(real_engine):
    assert real_engine.ask("What does the brief say about climate change?").abstained
    iran = real_engine.ask("Is there anything about Iran?")
    assert iran.abstained and iran.unknown_names == ("Iran",)


def test_asking_for_someones_job_finds_where_their_office_is_named(real_engine):
    # No passage holds "job": those naming Asif are searched, his office among the first two.
    answer = real_engine.ask("What's Asif's job?")
    assert not answer.abstained
    assert any("Defense Minister Khawaja" in hit.passage.text for hit in answer.hits[:2])


def test_what_an_acronym_is_is_answered_where_the_brief_spells_it_out(real_engine):
    # By meaning alone ¶6 ("the TTP issue is an internal matter") came first.
    answer = real_engine.ask("What is the TTP?")
    assert answer.hits[0].passage.paragraph == 4
    assert "Tehreek-e-Taliban Pakistan (TTP)" in answer.hits[0].best_sentence


def test_a_wish_far_in_meaning_is_answered_by_the_passage_holding_what_is_wished(real_engine):
    # Below the threshold (0.33): ¶3 holds "U.S.", "return" and "Bagram", not "seeking".
    answer = real_engine.ask("Is the US seeking a return to Bagram?")
    assert not answer.abstained and answer.hits[0].passage.paragraph == 3


def test_a_few_words_asking_for_a_kind_no_passage_holding_them_names_are_refused(real_engine):
    # ¶1 holds "mediated" but names no African state.
    assert real_engine.ask("Which African state mediated?").abstained


def test_a_few_words_naming_nothing_are_not_looked_for(real_engine):
    # "anything" is in paragraph 7 ("Anything coming from Afghanistan"), but names no subject.
    assert real_engine.ask("is there anything about").abstained
    assert not real_engine.ask("anything coming from Afghanistan").abstained


@pytest.mark.parametrize(
    ("typed", "paragraph"),
    [
        ("was the ceasfire extended?", 1),
        ("Which countries mediatd the talks?", 1),
        ("who is zabihulah mujahid", 3),
    ],
)
def test_a_typing_slip_is_read_as_the_briefs_word(real_engine, typed, paragraph):
    # "was the ceasfire extended?" as typed is far from every passage and abstains.
    answer = real_engine.ask(typed)
    assert answer.read_as and answer.question == typed
    assert not answer.abstained and answer.hits[0].passage.paragraph == paragraph


@pytest.mark.parametrize(
    "question",
    ["Was Turkey involved?", "Did Turkey take part?", "Which ministry in Turkey spoke about the deal?"],
)
def test_a_state_named_as_the_brief_never_writes_it_finds_where_the_brief_names_it(real_engine, question):
    # As typed, the model reads "Turkey" as another word than "Türkiye": ¶1 came second.
    answer = real_engine.ask(question)
    assert answer.read_as == question.replace("Turkey", "Türkiye")
    assert not answer.abstained and answer.hits[0].passage.paragraph == 1


@pytest.mark.parametrize(
    "question",
    [
        "hello",
        "Who won the 2022 World Cup?",
        "How do I bake sourdough bread?",
        "What is the capital of Australia?",
    ],
)
def test_off_topic_questions_abstain(real_engine, question):
    answer = real_engine.ask(question)
    assert answer.abstained and answer.hits == ()
    assert answer.closest_briefs  # the user is told what the briefs do cover


def test_asking_for_people_of_a_side_no_close_passage_names_abstains(real_engine):
    # The brief names Mujahid, who speaks for the Taliban, and none of the TTP's leaders.
    answer = real_engine.ask("Which TTP leaders did Mujahid deny were present in Afghanistan?")
    assert answer.abstained and answer.unstated == PERSON_OF


def test_a_question_far_from_every_passage_still_says_which_names_no_brief_mentions(real_engine):
    answer = real_engine.ask("Who won the 2022 World Cup?")
    assert answer.abstained and answer.unknown_names == ("World Cup",)
    assert real_engine.ask("who is Imran Khan").unknown_names == ("Imran Khan",)


def test_question_set_quality_does_not_regress(real_engine):
    """The shipped set (benchmarks/data). Floors at what the engine reaches today (0.90 first,
    0.98 top 3; README "Quality"); the product target is 0.9 first and all in the top 3."""
    on_topic = [q for q in QUESTIONS if q["paragraph"] is not None]
    answers = real_engine.ask_many([q["question"] for q in on_topic], k=3)
    ranks = [[h.passage.paragraph for h in a.hits] for a in answers]
    first = sum(r[:1] == [q["paragraph"]] for r, q in zip(ranks, on_topic, strict=True))
    top3 = sum(q["paragraph"] in r for r, q in zip(ranks, on_topic, strict=True))
    assert first / len(on_topic) >= 0.90, f"first {first}/{len(on_topic)}"
    assert top3 / len(on_topic) >= 0.98, f"top3 {top3}/{len(on_topic)}"


@pytest.mark.parametrize(
    ("name", "first_floor", "top3_floor", "answered", "unanswerable_abstained"),
    [
        ("brief_questions_fresh.jsonl", 28, 29, 30, 0),
        ("brief_questions_fresh2.jsonl", 28, 30, 30, 8),
        ("brief_questions_fresh3.jsonl", 36, 38, 38, 8),
        ("brief_questions_fresh4.jsonl", 35, 36, 36, 8),
        ("brief_questions_fresh5.jsonl", 33, 36, 36, 8),
        ("brief_questions_fresh6.jsonl", 34, 38, 38, 9),
        ("brief_questions_fresh7.jsonl", 36, 37, 38, 9),
        ("brief_questions_fresh8.jsonl", 36, 38, 38, 9),
        ("brief_questions_fresh9.jsonl", 40, 41, 41, 9),
        ("brief_questions_fresh10.jsonl", 39, 40, 40, 10),
        ("brief_questions_fresh11.jsonl", 40, 41, 41, 8),
        ("brief_questions_fresh12.jsonl", 41, 42, 42, 9),
        ("brief_questions_fresh13.jsonl", 44, 44, 44, 8),
        ("brief_questions_fresh14.jsonl", 42, 42, 42, 9),
        ("brief_questions_fresh15.jsonl", 41, 41, 42, 10),
        ("brief_questions_fresh16.jsonl", 38, 42, 42, 10),
        ("brief_questions_fresh17.jsonl", 41, 42, 42, 10),
        ("brief_questions_fresh18.jsonl", 44, 45, 45, 10),
        ("brief_questions_fresh19.jsonl", 42, 42, 42, 9),
        ("brief_questions_fresh20.jsonl", 40, 40, 40, 9),
        ("brief_questions_fresh21.jsonl", 40, 40, 40, 9),
        ("brief_questions_fresh22.jsonl", 48, 49, 50, 9),
        ("brief_questions_fresh23.jsonl", 43, 45, 45, 9),
        ("brief_questions_fresh24.jsonl", 42, 45, 45, 10),
        ("brief_questions_fresh25.jsonl", 42, 45, 45, 10),
        ("brief_questions_fresh26.jsonl", 44, 44, 45, 10),
        ("brief_questions_fresh27.jsonl", 45, 45, 45, 10),
        ("brief_questions_fresh28.jsonl", 44, 45, 45, 9),
        ("brief_questions_fresh29.jsonl", 43, 44, 45, 10),
        ("brief_questions_fresh30.jsonl", 48, 48, 48, 10),
        ("brief_questions_fresh31.jsonl", 44, 45, 45, 10),
        ("brief_questions_fresh32.jsonl", 39, 44, 45, 8),
        ("brief_questions_fresh33.jsonl", 44, 45, 45, 9),
        ("brief_questions_fresh34.jsonl", 44, 45, 45, 10),
        ("brief_questions_fresh35.jsonl", 45, 45, 45, 10),
        ("brief_questions_fresh36.jsonl", 44, 45, 45, 10),
        ("brief_questions_fresh37.jsonl", 43, 43, 45, 9),
        ("brief_questions_fresh38.jsonl", 44, 45, 45, 10),
        ("brief_questions_fresh39.jsonl", 44, 46, 46, 9),
        ("brief_questions_fresh40.jsonl", 44, 46, 46, 9),
        ("brief_questions_fresh41.jsonl", 43, 45, 45, 9),
        ("brief_questions_fresh42.jsonl", 44, 46, 46, 10),
        ("brief_questions_fresh43.jsonl", 40, 45, 46, 9),
        ("brief_questions_fresh44.jsonl", 43, 46, 46, 10),
        ("brief_questions_fresh45.jsonl", 49, 51, 51, 9),
        ("brief_questions_fresh46.jsonl", 51, 51, 51, 9),
        ("brief_questions_fresh47.jsonl", 46, 48, 49, 10),
        ("brief_questions_fresh48.jsonl", 54, 55, 56, 7),
        ("brief_questions_fresh49.jsonl", 50, 52, 53, 7),
        ("brief_questions_fresh50.jsonl", 48, 48, 48, 5),
    ],
)
def test_held_out_questions_do_not_regress(
    real_engine, name, first_floor, top3_floor, answered, unanswerable_abstained
):
    """The held-out sets (benchmarks/QUALITY.md says which changes each judged, and which read its
    misses): today's counts through the engine (a wrongly abstained question counts as missed) are
    the floors, so a change tuned on other questions cannot quietly cost these. Off-topic
    questions all abstain; of the unanswerable ones, at least as many as today."""
    questions = read_questions(name)
    answers = real_engine.ask_many([q["question"] for q in questions], k=3)
    on_topic = [(q, a) for q, a in zip(questions, answers, strict=True) if q["paragraph"] is not None]
    ranks = [([h.passage.paragraph for h in a.hits], q["paragraph"]) for q, a in on_topic]
    assert sum(r[:1] == [gold] for r, gold in ranks) >= first_floor
    assert sum(gold in r for r, gold in ranks) >= top3_floor
    assert sum(not a.abstained for _, a in on_topic) >= answered
    off_topic = [
        a for q, a in zip(questions, answers, strict=True) if q["paragraph"] is None and not q.get("kind")
    ]
    assert off_topic and all(a.abstained for a in off_topic)
    unanswerable = [a for q, a in zip(questions, answers, strict=True) if q.get("kind") == "unanswerable"]
    assert sum(a.abstained for a in unanswerable) >= unanswerable_abstained


def with_weights(engine: Engine, weights: FusionWeights) -> Engine:
    """The same index and model with other fusion weights: a stage left out, to compare."""
    return Engine(engine.corpus_dir, engine.index_dir, engine.embedder, weights=weights)


def first_places(engine, sets: list[list[dict]]) -> int:
    on_topic = [q for questions in sets for q in questions if q["paragraph"] is not None]
    answers = engine.ask_many([q["question"] for q in on_topic], k=1)
    return sum(
        [h.passage.paragraph for h in a.hits] == [q["paragraph"]]
        for q, a in zip(on_topic, answers, strict=True)
    )


def test_late_interaction_puts_more_right_paragraphs_first(real_engine):
    """Over the first three held-out sets, late interaction gains 8 first places today (65 → 73 of
    99, answer types on in both)."""
    without = with_weights(real_engine, FusionWeights(late_weight=0.0))
    held_out = [read_questions(f"brief_questions_fresh{n}.jsonl") for n in ("", "2", "3")]
    assert first_places(real_engine, held_out) >= first_places(without, held_out) + 5


def test_answer_types_put_the_passage_naming_the_states_first(real_engine):
    """ "Which outside parties helped broker ...": the mediators' paragraph names Qatar and Türkiye;
    without answer types a paragraph about China and the U.S. comes first (benchmarks/QUALITY.md)."""
    without = with_weights(real_engine, FusionWeights(answer_type=0.0))
    question = "Which outside parties helped broker the deal between Islamabad and Kabul?"
    assert real_engine.ask(question).hits[0].passage.paragraph == 1
    assert without.ask(question).hits[0].passage.paragraph != 1


def test_a_question_naming_an_office_is_shown_the_passages_naming_it(real_engine):
    """ "What did the foreign minister say?": the brief's foreign ministers are Pakistan's Foreign
    Office (¶5), Türkiye's Ministry of Foreign Affairs (¶1) and India's Minister of External Affairs
    (¶11); without the office nudge the defence minister's passages come first (benchmarks/QUALITY.md)."""
    without = with_weights(real_engine, FusionWeights(office=0.0))
    question = "What did the foreign minister say?"
    assert sorted(hit.passage.paragraph for hit in real_engine.ask(question).hits) == [1, 5, 11]
    assert without.ask(question).hits[0].passage.paragraph == 3  # "Pakistan's defense minister"


def test_a_question_naming_a_spokesperson_is_shown_the_passage_naming_them(real_engine):
    """ "Which remarks by Khawaja Asif angered the Afghan spokesman?": ¶3 has the Taliban
    spokesperson criticise the defence minister's "threatening remarks"; without the office nudge
    ¶5, Asif's own words, comes first (benchmarks/QUALITY.md). Pakistan's spokesperson, whom the
    brief never mentions, is refused."""
    without = with_weights(real_engine, FusionWeights(office=0.0))
    question = "Which remarks by Khawaja Asif angered the Afghan spokesman?"
    assert real_engine.ask(question).hits[0].passage.paragraph == 3
    assert without.ask(question).hits[0].passage.paragraph == 5
    refused = real_engine.ask("What did Pakistan's spokesman say about the talks?")
    assert refused.abstained and refused.unknown_names == ("Pakistan's spokesperson",)


def test_a_question_asking_how_an_actor_responded_is_shown_its_response(real_engine):
    """ "How did the Taliban respond to Asif's accusations?": ¶6 has the Taliban reject them;
    without the speaker nudge ¶5, Asif's accusations, comes first (benchmarks/QUALITY.md)."""
    without = with_weights(real_engine, FusionWeights(speaker=0.0))
    question = "How did the Taliban respond to Asif's accusations?"
    assert real_engine.ask(question).hits[0].passage.paragraph == 6
    assert without.ask(question).hits[0].passage.paragraph == 5


def test_a_question_naming_the_briefs_parties_is_read_without_them(real_engine):
    """ "Which countries mediated between Pakistan and Afghanistan?": ¶1 names the mediators; read
    with the two parties every passage names, it came last but two (benchmarks/QUALITY.md)."""
    without = with_weights(real_engine, FusionWeights(parties=0.0))
    question = "Which countries mediated between Pakistan and Afghanistan?"
    assert real_engine.ask(question).hits[0].passage.paragraph == 1
    assert 1 not in [hit.passage.paragraph for hit in without.ask(question, k=5).hits]


def test_abstention_precision_and_recall(real_engine):
    answers = real_engine.ask_many([q["question"] for q in QUESTIONS])
    kinds = [q.get("kind") or ("on-topic" if q["paragraph"] else "off-topic") for q in QUESTIONS]
    abstained = [a.abstained for a in answers]
    on_topic_abstained = sum(a for a, k in zip(abstained, kinds, strict=True) if k == "on-topic")
    correct = sum(a for a, k in zip(abstained, kinds, strict=True) if k != "on-topic")
    assert correct / max(correct + on_topic_abstained, 1) >= 0.9  # precision
    assert all(a for a, k in zip(abstained, kinds, strict=True) if k == "off-topic")
    # Questions on the brief's subject that it does not answer: those naming someone, an office or
    # an everyday topic the brief never mentions, or asking for a figure no passage shown states,
    # are caught (15 of 15 today; benchmarks/QUALITY.md).
    unanswerable = [a for a, k in zip(abstained, kinds, strict=True) if k == "unanswerable"]
    assert sum(unanswerable) >= 15, f"{sum(unanswerable)}/{len(unanswerable)}"


def test_a_question_about_an_unmentioned_country_says_so(real_engine):
    answer = real_engine.ask("What did Iran say about the ceasefire?")
    assert answer.abstained and answer.unknown_names == ("Iran",)
    # Another spelling of a name the brief does use is still answered.
    answer = real_engine.ask("What did Zabiullah Mujahed accuse Pakistan's army of?")
    assert not answer.abstained
    assert answer.hits[0].passage.paragraph == 3


def test_questions_file_json_lines(real_engine, real_embedder, tmp_path: Path, monkeypatch, capsys):
    from bot import cli

    monkeypatch.setattr(cli, "make_embedder", lambda settings: real_embedder)
    questions = tmp_path / "questions.txt"
    questions.write_text("Which countries mediated the talks?\n\nWho won the 2022 World Cup?\n")
    code = cli.main(
        [
            "ask",
            "--questions-file",
            str(questions),
            "--json",
            "--corpus",
            str(real_engine.corpus_dir),
            "--index",
            str(real_engine.index_dir),
        ]
    )
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [line["abstained"] for line in lines] == [False, True]
    assert lines[0]["hits"][0]["paragraph"] == 1


def test_marked_sentence_is_the_labelled_answer(real_engine):
    """Questions labelled with the sentences that answer them (benchmarks/QUALITY.md): in the right
    paragraph, token vectors mark one of them for 49 of 50 and 36 of 38 today, against 41 and 31
    with sentence vectors and shared words."""
    labelled = [
        q
        for name in ("brief_questions.jsonl", "brief_questions_fresh3.jsonl")
        for q in read_questions(name)
        if q.get("best_sentences")
    ]
    generation = real_engine.generation
    row_of = {p.paragraph: row for row, p in enumerate(generation.passages)}
    searcher = Searcher(generation, real_engine.weights, real_engine.late)
    vectors, tokens = real_engine.embedder.embed_with_tokens([q["question"] for q in labelled])
    right = [
        searcher.best_sentence(
            row_of[q["paragraph"]],
            Query(q["question"], vector, tokens=searcher.weighted(q["question"], question)),
        ).startswith(tuple(q["best_sentences"]))
        for q, vector, question in zip(labelled, vectors, tokens, strict=True)
    ]
    assert len(labelled) == 88 and sum(right) >= 85, f"{sum(right)}/{len(labelled)}"


def test_several_briefs_do_not_regress(real_embedder, tmp_path):
    """The sample brief beside two illustrative ones (benchmarks/data/multi_briefs): today's
    counts through the engine, right brief and paragraph first and in the top 3, are the floors
    (benchmarks/QUALITY.md, line "several briefs" of benchmarks.quality)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = [*(ROOT / "docs_corpus").glob("*.md"), ROOT / "docs_corpus" / "actors.toml"]
    for source in [*sources, *(ROOT / "benchmarks" / "data" / "multi_briefs").iterdir()]:
        if source.name != "README.md":
            (corpus / source.name).write_bytes(source.read_bytes())
    engine = Engine(corpus, tmp_path / "index", real_embedder)
    engine.reindex()
    questions = read_questions("multi_brief_questions.jsonl")
    answers = engine.ask_many([q["question"] for q in questions], k=3)
    shown = [[(h.brief.brief_id, h.passage.paragraph) for h in a.hits] for a in answers]
    answerable = [
        (s, (q["brief"], q["paragraph"])) for s, q in zip(shown, questions, strict=True) if q["brief"]
    ]
    assert sum(s[:1] == [gold] for s, gold in answerable) >= 28
    assert sum(gold in s for s, gold in answerable) == len(answerable)
    unanswerable = [a for a, q in zip(answers, questions, strict=True) if not q["brief"]]
    assert sum(a.abstained for a in unanswerable) >= 5
