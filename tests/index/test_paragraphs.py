"""Paragraphs asked for by number, as the answers cite them."""

import pytest

from bot.text import answer_json, answer_text
from index.brief_details import WHICH_BRIEF
from index.models import SearchFilters
from index.paragraphs import (
    LAST,
    NO_PARAGRAPH,
    NO_SECTION,
    NO_SECTION_PARAGRAPH,
    PARAGRAPH,
    asked_paragraphs,
    asked_section_numbers,
    subject_words,
)
from index.sections import SECTION
from tests.index.test_indexer import write_brief


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("What does paragraph 4 say?", (4,)),
        ("Show me ¶2", (2,)),
        ("para. 7", (7,)),
        ("paragraph no. 7", (7,)),
        ("Summarise paragraphs 3 and 4", (3, 4)),
        ("What is in paragraphs 3, 5 and 9?", (3, 5, 9)),
        ("paragraphs 3-5", (3, 4, 5)),
        ("¶¶ 3–4", (3, 4)),
        ("paragraphs 6 to 8", (6, 7, 8)),
        ("What does the fourth paragraph say?", (4,)),
        ("the 4th paragraph", (4,)),
        ("Read me the opening paragraph", (1,)),
        ("What does the last paragraph say?", (LAST,)),
        ("the second-to-last paragraph", (LAST - 1,)),
        # No number: a subject, searched
        ("Which paragraph mentions Qatar?", ()),
        ("What did the first round of talks achieve?", ()),
        ("paragraphs 1 to 900", ()),  # a range typed by mistake
        ("paragraphs 5-3", (3, 4, 5)),
        ("paragraph 999999", (999999,)),  # which the brief lacks: said so
        ("paragraph 0", ()),
        ("What does paragraph 8 of Annexure D allow?", ()),  # another text's
        ("What is in the first paragraph of the treaty?", ()),
        ("What does paragraph 2 of the water brief say?", (2,)),
        ("What does the last paragraph of this report say?", (LAST,)),
    ],
)
def test_the_paragraphs_a_question_asks_for(question, numbers):
    assert asked_paragraphs(question) == numbers


def test_the_subject_asked_about_in_a_paragraph():
    assert subject_words("What does paragraph 4 say about refugees?") == {"refugee"}
    assert subject_words("Summarise the last paragraph") == subject_words("Show me ¶¶ 3-4") == set()


def test_paragraphs_asked_for_by_number_are_given_in_reading_order(fake_engine):
    answer = fake_engine.ask("Summarise paragraphs 4 and 2", k=1)
    assert not answer.abstained and answer.basis == PARAGRAPH
    assert [hit.passage.paragraph for hit in answer.hits] == [2, 4]  # all asked for, whatever k
    assert all(hit.best_sentence == hit.passage.sentences()[0] for hit in answer.hits)
    text = answer_text(answer)
    assert "The paragraphs asked for, in reading order." in text and "score" not in text
    assert [hit["paragraph"] for hit in answer_json(answer)["hits"]] == [2, 4]
    assert [hit.passage.paragraph for hit in fake_engine.ask("the last paragraph").hits] == [13]
    assert [hit.passage.paragraph for hit in fake_engine.ask("¶¶ 12-13").hits] == [12, 13]


def test_a_subject_asked_about_in_a_paragraph_marks_its_closest_sentence(fake_engine):
    answer = fake_engine.ask("What does paragraph 4 say about refugees?")
    assert [hit.passage.paragraph for hit in answer.hits] == [4]
    assert "refugees" in answer.hits[0].best_sentence


def test_a_paragraph_the_brief_does_not_have_is_refused_saying_so(fake_engine):
    answer = fake_engine.ask("What does paragraph 40 say?")
    assert answer.abstained and answer.unstated == NO_PARAGRAPH and not answer.hits
    assert "has no paragraph of the number asked for: it has 13 paragraphs (¶1 to ¶13)" in answer_text(answer)
    assert "The Fragile Truce" in answer_text(answer)


def test_with_several_briefs_a_paragraph_is_of_the_brief_named_or_the_reader_is_asked(fake_engine, corpus):
    write_brief(
        corpus, "floods.md", ["# Analysis", "Floods damaged bridges.", "# Repairs", "It takes years."]
    )
    fake_engine.reindex()
    which = fake_engine.ask("What does paragraph 2 say?")
    assert which.abstained and which.unstated == WHICH_BRIEF and "or paragraphs" in answer_text(which)
    named = fake_engine.ask("What does paragraph 2 of the floods brief say?")
    assert [hit.passage.passage_id for hit in named.hits] == ["floods#2"]
    narrowed = SearchFilters(brief_ids=frozenset({"floods"}))
    assert [hit.passage.passage_id for hit in fake_engine.ask("¶1", filters=narrowed).hits] == ["floods#1"]


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("What does the second section say?", (2,)),
        ("section 3", (3,)),
        ("Summarise sections 1 and 2", (1, 2)),
        ("§3", (3,)),
        ("the last chapter", (LAST,)),
        ("What does the Analysis section say?", ()),  # by its heading (index/sections.py)
        ("What sections does it have?", ()),
        ("What does paragraph 2 say?", ()),
        ("Which clause of section 2 of the agreement bans attacks?", ()),  # another text's
    ],
)
def test_the_sections_a_question_asks_for_by_number(question, numbers):
    assert asked_section_numbers(question) == numbers


def test_sections_asked_for_by_number_are_counted_in_reading_order(fake_engine, corpus):
    second = fake_engine.ask("What does the second section say?", k=10)
    assert not second.abstained and second.basis == SECTION
    assert [(hit.passage.section, hit.passage.paragraph) for hit in second.hits] == [
        ("Analysis", 3),
        ("Analysis", 4),
        ("Analysis", 5),
        ("Analysis", 6),
    ]
    assert {hit.passage.section for hit in fake_engine.ask("the last section").hits} == {
        "The Future of Ceasefire"
    }
    missing = fake_engine.ask("What does section 7 say?")
    assert missing.abstained and missing.unstated == NO_SECTION
    assert "has no section of the number asked for: it has 3 sections" in answer_text(missing)
    write_brief(corpus, "floods.md", ["# Damage", "Floods damaged bridges.", "# Repairs", "It takes years."])
    fake_engine.reindex()
    assert fake_engine.ask("section 2").unstated == WHICH_BRIEF
    named = fake_engine.ask("What does section 2 of the floods brief say?")
    assert [hit.passage.passage_id for hit in named.hits] == ["floods#2"]


def test_a_paragraph_of_a_section_is_counted_within_it(fake_engine, corpus):
    # The sample brief: Context ¶1-2, Analysis ¶3-6, The Future of Ceasefire ¶7-13.
    def shown(question):
        return [hit.passage.paragraph for hit in fake_engine.ask(question).hits]

    assert shown("What does the first paragraph of the Analysis section say?") == [3]
    assert shown("the last paragraph of the Context section") == [2]
    assert shown("paragraphs 1 and 2 of the Future of Ceasefire section") == [7, 8]
    answer = fake_engine.ask("What does the second paragraph of the Analysis section say about refugees?")
    assert answer.basis == PARAGRAPH and [hit.passage.paragraph for hit in answer.hits] == [4]
    assert "refugees" in answer.hits[0].best_sentence
    missing = fake_engine.ask("the fifth paragraph of the Context section")
    assert missing.abstained and missing.unstated == NO_SECTION_PARAGRAPH and not missing.hits
    assert (missing.parts, missing.section) == (2, "Context")
    assert "The section “Context” of “The Fragile Truce" in answer_text(missing)
    assert "has no paragraph of the number asked for: it has 2 paragraphs, counted within it" in answer_text(
        missing
    )
    write_brief(corpus, "floods.md", ["# Analysis", "Floods damaged bridges.", "Repairs take years."])
    fake_engine.reindex()
    assert fake_engine.ask("the first paragraph of the Analysis section").unstated == WHICH_BRIEF
    named = fake_engine.ask("the second paragraph of the Analysis section of the floods brief")
    assert [hit.passage.passage_id for hit in named.hits] == ["floods#2"]
