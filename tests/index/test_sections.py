"""A brief's sections, asked for by their heading or as an outline."""

import pytest

from bot.text import answer_json, answer_text
from index.brief_details import OVERVIEW, WHICH_BRIEF
from index.models import SearchFilters
from index.sections import IN_SECTION, OUTLINE, SECTION, asked_section, asked_subject_in_section, asks_outline
from tests.index.test_indexer import write_brief

HEADINGS = ["Context", "Analysis", "The Future of Ceasefire", "Outlook"]


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("What does the Analysis section say?", "Analysis"),
        ("analysis section", "Analysis"),
        ("Summarise the future of ceasefire section", "The Future of Ceasefire"),
        ("Summarise the section on the future of the ceasefire", "The Future of Ceasefire"),
        ('What is in the chapter called "Context"?', "Context"),
        ("What does the section on outlook say", "Outlook"),
        # No heading named next to "section", or no section asked for
        ("What does the brief say in the section about Qatar?", None),
        ("What is the context of the talks?", None),
        ("Where were the engineers heading?", None),
    ],
)
def test_the_section_a_question_asks_for(question, heading):
    assert asked_section(question, HEADINGS) == heading


@pytest.mark.parametrize(
    ("question", "outline"),
    [
        ("What sections does the brief have?", True),
        ("What are the sections of the report?", True),
        ("what sections are there", True),
        ("Give me an outline of the report", True),
        ("outline", True),
        ("table of contents", True),
        ("How is the brief structured?", True),
        ("list the headings", True),
        ("Outline what Asif said", False),  # a subject, searched
        ("Which sections mention Qatar?", False),
        ("What are the sections that mention Qatar?", False),
    ],
)
def test_whether_a_question_asks_for_an_outline(question, outline):
    assert asks_outline(question) is outline


def test_a_section_asked_for_by_its_heading_is_its_paragraphs_in_reading_order(fake_engine):
    answer = fake_engine.ask("What does the Analysis section say?", k=10)
    assert not answer.abstained and answer.basis == SECTION
    assert [hit.passage.paragraph for hit in answer.hits] == [3, 4, 5, 6]
    assert {hit.passage.section for hit in answer.hits} == {"Analysis"}
    assert all(hit.best_sentence == hit.passage.sentences()[0] for hit in answer.hits)
    text = answer_text(answer)
    assert "The section asked for, in reading order" in text and "score" not in text
    assert [hit["paragraph"] for hit in answer_json(answer)["hits"]] == [3, 4, 5, 6]
    assert [hit.passage.paragraph for hit in fake_engine.ask("analysis section", k=2).hits] == [3, 4]


def test_a_subject_asked_about_in_a_section_is_searched_among_its_passages_holding_it(fake_engine):
    answer = fake_engine.ask("What does the Analysis section say about India?")
    assert not answer.abstained and answer.basis == IN_SECTION
    assert [hit.passage.paragraph for hit in answer.hits] == [5]  # "India-sponsored terrorism"
    assert "Passages of the section asked for" in answer_text(answer)
    later = fake_engine.ask("What does the future of ceasefire section say about India?", k=5)
    assert sorted(hit.passage.paragraph for hit in later.hits) == [11, 12, 13]
    # A subject no passage of the section holds: the subject is searched anywhere, the reader told.
    elsewhere = fake_engine.ask("What does the Context section say about Bagram?")
    assert not elsewhere.abstained and elsewhere.basis != IN_SECTION and elsewhere.section == "Context"
    assert 3 in [hit.passage.paragraph for hit in elsewhere.hits]  # "Bagram Air Base", in the Analysis
    assert elsewhere.section_lacks == "Bagram"
    assert "The section “Context” does not mention “Bagram”; these are the closest" in answer_text(elsewhere)
    nowhere = fake_engine.ask("What does the Context section say about football?")
    assert nowhere.abstained and not nowhere.section


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("What does the Context section say about Bagram?", "Bagram"),
        ("what does the analysis section say regarding the TTP", "the TTP"),
        ("What does the section on the future of ceasefire say?", ""),  # "on" names the section
    ],
)
def test_the_subject_asked_about_in_a_section(question, subject):
    assert asked_subject_in_section(question) == subject


def test_an_outline_is_the_first_paragraph_of_each_section(fake_engine):
    answer = fake_engine.ask("What sections does the brief have?")
    assert not answer.abstained and answer.basis == OUTLINE
    assert [(hit.passage.section, hit.passage.paragraph) for hit in answer.hits] == [
        ("Context", 1),
        ("Analysis", 3),
        ("The Future of Ceasefire", 7),
    ]
    assert "each by its first paragraph" in answer_text(answer)


def test_with_several_briefs_a_section_is_of_the_brief_named_or_the_only_one_holding_it(fake_engine, corpus):
    write_brief(
        corpus, "floods.md", ["# Analysis", "Floods damaged bridges.", "# Repairs", "It takes years."]
    )
    fake_engine.reindex()
    which = fake_engine.ask("What does the Analysis section say?")  # both briefs have one
    assert which.abstained and which.unstated == WHICH_BRIEF
    named = fake_engine.ask("What does the Analysis section of the floods brief say?")
    assert [hit.passage.passage_id for hit in named.hits] == ["floods#1"]
    only = fake_engine.ask("Summarise the repairs section")  # one brief has it
    assert [hit.passage.passage_id for hit in only.hits] == ["floods#2"]
    narrowed = SearchFilters(brief_ids=frozenset({"floods"}))
    outline = fake_engine.ask("What are the sections?", filters=narrowed)
    assert [hit.passage.section for hit in outline.hits] == ["Analysis", "Repairs"]


def test_a_briefs_background_is_its_section_headed_so_else_its_opening(fake_engine, corpus):
    answer = fake_engine.ask("What's the background?")
    assert not answer.abstained and answer.basis == SECTION
    assert [(hit.passage.section, hit.passage.paragraph) for hit in answer.hits] == [
        ("Context", 1),
        ("Context", 2),
    ]
    assert fake_engine.ask("Give me some context").hits == answer.hits
    write_brief(corpus, "floods.md", ["# Damage", "Floods damaged bridges.", "# Repairs", "It takes years."])
    fake_engine.reindex()
    which = fake_engine.ask("What is the context?")  # of which brief?
    assert which.abstained and which.unstated == WHICH_BRIEF
    opening = fake_engine.ask("Give me some background on the floods brief")  # no section headed so
    assert opening.basis == OVERVIEW and opening.hits[0].passage.passage_id == "floods#1"
