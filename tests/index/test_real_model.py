"""Semantics with the real all-MiniLM-L6-v2 model on the sample brief (model loaded once per run)."""

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_BRIEF_ID

pytestmark = pytest.mark.model
QUESTIONS = [
    json.loads(line)
    for line in (ROOT / "benchmarks" / "data" / "brief_questions.jsonl").read_text().splitlines()
]


def test_mediators_question_puts_qatar_and_turkiye_first(real_engine):
    answer = real_engine.ask("Which countries mediated the talks?")
    assert not answer.abstained
    top = answer.hits[0]
    assert (top.brief.brief_id, top.passage.paragraph) == (SAMPLE_BRIEF_ID, 1)
    assert "Qatar and Türkiye" in top.best_sentence


@pytest.mark.parametrize(
    "question",
    [
        "Who won the 2022 World Cup?",
        "How do I bake sourdough bread?",
        "What is the capital of Australia?",
    ],
)
def test_off_topic_questions_abstain(real_engine, question):
    answer = real_engine.ask(question)
    assert answer.abstained and answer.hits == ()
    assert answer.closest_briefs  # the user is told what the briefs do cover


def test_question_set_quality_does_not_regress(real_engine):
    """The shipped set (benchmarks/data). Floors at what the engine reaches today (0.86 first,
    0.96 top 3 with pseudo-relevance feedback, 0.92 without; README "Quality"); the product target
    is 0.9 first and all in the top 3."""
    on_topic = [q for q in QUESTIONS if q["paragraph"] is not None]
    answers = real_engine.ask_many([q["question"] for q in on_topic], k=3)
    ranks = [[h.passage.paragraph for h in a.hits] for a in answers]
    first = sum(r[:1] == [q["paragraph"]] for r, q in zip(ranks, on_topic, strict=True))
    top3 = sum(q["paragraph"] in r for r, q in zip(ranks, on_topic, strict=True))
    assert first / len(on_topic) >= 0.85, f"first {first}/{len(on_topic)}"
    assert top3 / len(on_topic) >= 0.96, f"top3 {top3}/{len(on_topic)}"


def test_abstention_precision_and_recall(real_engine):
    answers = real_engine.ask_many([q["question"] for q in QUESTIONS])
    kinds = [q.get("kind") or ("on-topic" if q["paragraph"] else "off-topic") for q in QUESTIONS]
    abstained = [a.abstained for a in answers]
    on_topic_abstained = sum(a for a, k in zip(abstained, kinds, strict=True) if k == "on-topic")
    correct = sum(a for a, k in zip(abstained, kinds, strict=True) if k != "on-topic")
    assert correct / max(correct + on_topic_abstained, 1) >= 0.9  # precision
    assert all(a for a, k in zip(abstained, kinds, strict=True) if k == "off-topic")
    # Questions on the brief's subject that it does not answer: only those naming something the
    # brief never mentions are caught (8 of 15 today; README "Quality").
    unanswerable = [a for a, k in zip(abstained, kinds, strict=True) if k == "unanswerable"]
    assert sum(unanswerable) >= 8, f"{sum(unanswerable)}/{len(unanswerable)}"


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
