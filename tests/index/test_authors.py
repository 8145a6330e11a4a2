"""Questions naming a brief's author (index/authors.py)."""

from index.authors import Authors
from index.brief_details import OVERVIEW
from index.lexical import LexicalIndex
from index.models import SearchFilters
from tests.conftest import SAMPLE_BRIEF_ID

TEXT = LexicalIndex.build(["Defense Minister Khawaja Asif warned Kabul.", "Rivers rose across Sindh."])


def test_an_author_is_read_as_the_author_of_the_briefs_they_wrote():
    authors = Authors(
        [("truce", "Naade Ali"), ("water", "Farah Siddiqui and Omar Khan"), ("asif", "Khawaja Asif")],
        TEXT,
    )
    assert authors.as_the_author("What does Naade Ali argue?") == ("What does the author argue?", {"truce"})
    assert authors.as_the_author("what is naade ali's view") == ("what is the author's view", {"truce"})
    assert authors.as_the_author("What did Siddiqui recommend?") == (
        "What did the author recommend?",
        {"water"},
    )
    assert authors.as_the_author("Who is Omar Khan?") == ("Who is the author?", {"water"})
    assert authors.as_the_author("Summarise the Naade Ali brief") == ("Summarise the Naade Ali brief", set())
    # A name the briefs' text holds is an actor there; "Ali" alone names too many people.
    assert authors.as_the_author("What did Khawaja Asif say?") == ("What did Khawaja Asif say?", set())
    assert authors.as_the_author("What did Ali say?") == ("What did Ali say?", set())


def test_what_an_author_argues_is_what_their_brief_concludes(fake_engine, corpus):
    (corpus / "water.md").write_text(
        "---\ntitle: Rivers\nauthor: Farah Siddiqui\n---\n\nRivers rose across the province.\n\n"
        "Dams should be shared.\n",
        encoding="utf-8",
    )
    fake_engine.reindex()
    view = fake_engine.ask("What does Farah Siddiqui argue?")
    assert view.basis == OVERVIEW and [hit.passage.brief_id for hit in view.hits] == ["water", "water"]
    assert view.question == "What does Farah Siddiqui argue?" and not view.read_as
    searched = fake_engine.ask("What does Siddiqui say about dams?")
    assert [hit.passage.passage_id for hit in searched.hits] == ["water#2", "water#1"]
    # Asked of another brief, the name is no author of it: asked as it is.
    elsewhere = fake_engine.ask(
        "What does Farah Siddiqui argue?", filters=SearchFilters(brief_ids=frozenset({SAMPLE_BRIEF_ID}))
    )
    assert elsewhere.basis != OVERVIEW and all(
        hit.passage.brief_id == SAMPLE_BRIEF_ID for hit in elsewhere.hits
    )
