from datetime import date

import pytest

import index.search
from bot.text import answer_json, answer_text
from index.answering import WORDS
from index.engine import Engine
from index.errors import FilterError, QuestionError
from index.lexical import LexicalIndex, tokens
from index.models import SearchFilters
from index.search import Retriever
from tests.conftest import SAMPLE_BRIEF_ID
from tests.index.test_indexer import write_brief


def test_hits_carry_citations_and_best_sentence(fake_engine):
    answer = fake_engine.ask("Haqqani interior minister warning aggressors sovereignty", k=3)
    assert not answer.abstained and answer.basis == ""  # found by meaning
    top = answer.hits[0]
    assert (top.brief.brief_id, top.passage.paragraph) == (SAMPLE_BRIEF_ID, 8)
    assert top.passage.section == "The Future of Ceasefire"
    assert top.best_sentence in top.passage.text
    assert "Haqqani" in top.best_sentence
    assert [h.score for h in answer.hits] == sorted((h.score for h in answer.hits), reverse=True)


def test_the_sentence_holding_a_quoted_phrase_is_marked(fake_engine):
    plain = fake_engine.ask("What did Asif mean about Kabul and the strikes?", k=5)
    quoting = fake_engine.ask('What did Asif mean about Kabul and the strikes, "no-go area"?', k=5)
    holding = [hit for hit in quoting.hits if "no-go area" in hit.passage.text]
    assert holding, [hit.passage.paragraph for hit in quoting.hits]
    assert all("no-go area" in hit.best_sentence for hit in holding)
    # Asked without the quote, another sentence of that passage is marked.
    unquoted = [hit.best_sentence for hit in plain.hits if "no-go area" in hit.passage.text]
    assert unquoted and not any("no-go area" in sentence for sentence in unquoted)


def test_unrelated_question_abstains(fake_engine):
    answer = fake_engine.ask("football world cup champion trophy penalty")
    assert answer.abstained and answer.hits == ()


def test_a_question_far_in_meaning_is_answered_by_the_passages_holding_all_its_words(
    corpus, tmp_path, fake_embedder
):
    # A threshold no passage reaches: only the question's words can answer it.
    write_brief(corpus, "zzz.md", ["Bagram Air Base in the north.", "The mediators met in Doha."])
    engine = Engine(corpus, tmp_path / "index", fake_embedder, threshold=1.01)
    engine.reindex()

    def cited(question, **filters):
        answer = engine.ask(question, k=5, filters=SearchFilters(**filters) if filters else None)
        return {(hit.brief.brief_id, hit.passage.paragraph) for hit in answer.hits}

    assert cited("Bagram?") == {("zzz", 1), (SAMPLE_BRIEF_ID, 3)}
    # A contracted question word is one still, no word a passage could hold.
    assert cited("Where's Bagram?") == cited("Where is Bagram?") == cited("Bagram?")
    by_words = engine.ask("Bagram?")
    assert by_words.basis == WORDS and "No passage is close in meaning" in answer_text(by_words)
    # "mediated" and "mediators" meet: the light stemmer leaves "mediat" and "mediator".
    assert cited("Who mediated?") == {("zzz", 2), (SAMPLE_BRIEF_ID, 1)}
    assert cited("Who mediated?", brief_ids=frozenset({"zzz"})) == {("zzz", 2)}
    # Scores rank passages against each other; a lone hit's says nothing and is not shown.
    assert "(score " in answer_text(engine.ask("Who mediated?"))
    assert "(score " not in answer_text(engine.ask("Who mediated?", filters=SearchFilters(brief_ids={"zzz"})))
    assert cited("Who brokered?") == cited("Who mediated?")  # a synonym meets the brief's word
    # Every word, in one passage: Doha is in another paragraph of the sample brief than Bagram.
    assert cited("Bagram and Doha") == set()
    # A verb of saying is not looked for: prose reports speech in other words.
    assert cited("What did they say about Bagram?") == cited("Bagram?")
    assert cited("What was announced about Bagram?") == cited("Who declared Bagram?") == cited("Bagram?")
    assert cited("What did they say about Bagram football?") == set()
    # Nor are the words pointing at the brief itself: no passage holds "brief".
    assert cited("Which air base comes up in this brief?") == cited("air base?") != set()
    # Nor words that only stress or rank: the brief writes "principal point of contention".
    assert cited("What is the single biggest point of friction?") == {(SAMPLE_BRIEF_ID, 4)}
    assert cited("What is the point of friction?") == cited("What is the real point of friction?")
    assert cited("So who mediated this whole thing?") == cited("Who mediated?")  # nor its scope
    # Nor words saying only that something took place, or asking for a post: prose names them.
    assert cited("Where did the mediation take place?") == cited("Who mediated?")
    assert cited("What was the mediators' role?") == cited("Who mediated?")
    assert cited("What were the mediators meant to do?") == cited("Who mediated?")
    # Nor a wish: prose says what is wanted ("a U.S. return to Bagram"), not that it is.
    assert cited("Is anyone seeking Bagram?") == cited("Who wants Bagram?") == cited("Bagram?")
    assert cited("Who is trying to mediate?") == cited("Who mediated?")
    # A message whose words no passage holds all asks its last sentence, if that is a question.
    assert cited("I read it but I'm lost. Who mediated?") == cited("Who mediated?")
    assert cited("Who mediated? I'm lost.") == cited("Bagram. Football?") == set()
    # Nor a command opening a request, nor words for quoting, which prose reports otherwise.
    assert cited("Describe Bagram") == cited("Please give me the Bagram quotes") == cited("Bagram?")
    assert (
        cited("can u explain the bagram thing")
        == cited("Could you please describe Bagram?")
        == cited("Bagram?")
    )
    assert cited("mediators pls") == cited("Who mediated?")
    # Nor words asking what a thing means or how far it goes.
    assert cited("What does Bagram refer to?") == cited("What would count as Bagram?") == cited("Bagram?")
    assert cited("How big was the mediation?") == cited("Who mediated?")
    assert (
        cited("What's Bagram got to do with it?")
        == cited("What has Bagram to do with it?")
        == cited("Bagram?")
    )
    assert cited("What's the significance of Bagram?") == cited("Why does Bagram matter?") == cited("Bagram?")
    assert cited("Why is Bagram important?") == cited("Bagram?")
    # Nor anyone or anything asked about: prose names who or what.
    assert cited("Did anyone mediate?") == cited("Did somebody mediate anything?") == cited("Who mediated?")
    assert engine.ask("Bagram football").abstained
    assert engine.ask("Who?").abstained  # no word a brief could hold


def test_a_word_meets_the_words_sharing_its_first_six_letters():
    index = LexicalIndex.build(["The mediators met.", "Talks were mediated.", "Media coverage."])
    assert index.holding_every_term("mediators").tolist() == [0, 1]
    assert index.holding_every_term("mediation").tolist() == [0, 1]  # a synonym group's word
    assert index.holding_every_term("mediated talks").tolist() == [1]
    assert index.holding_every_term("media").tolist() == [2]  # five letters: itself only
    assert index.holding_every_term("the").tolist() == []


def test_a_plural_meets_its_singular_and_not_another_word():
    """ "states" is the plural of "state", not a form of "stated"; "-es" goes only where the
    singular has none ("boxes", "churches", "passes")."""
    assert tokens("states state") == ["state", "state"]
    assert tokens("stated") != tokens("states")
    assert tokens("sides forces issues promises") == tokens("side force issue promise")
    assert tokens("boxes churches passes") == tokens("box church pass")
    index = LexicalIndex.build(["Which side stated it first?", "Two states mediated."])
    assert index.holding_every_term("states").tolist() == [1]


def test_a_contracted_stop_word_is_a_stop_word_and_a_possessive_is_not():
    assert tokens("Where's Bagram? Who're the mediators? Why didn't it work, and won't it?") == [
        "bagram",
        "mediator",
        "work",
    ]
    assert tokens("What's the deal, and it's over") == ["deal"]
    assert tokens("I'm lost, I’m sure") == ["lost", "sure"]
    assert tokens("each other's territory, Pakistan's view") == ["other", "territory", "pakistan", "view"]


def test_a_word_meets_its_synonyms_in_any_form_as_much_as_itself():
    index = LexicalIndex.build(
        [
            "Talks were mediated by Qatar.",
            "The principal point of contention remains the TTP.",
            "China called for stronger protection.",  # "call" is no synonym of "label"
            "A long-term ceasefire.",
            "The authorities signed an agreement.",
        ]
    )
    brokered, mediated = index.scores("Who brokered the deal?"), index.scores("Who mediated the deal?")
    assert brokered[0] > 0 and brokered[0] == pytest.approx(mediated[0])
    assert brokered[1:].tolist() == [0, 0, 0, 0]
    assert index.scores("the main dispute").argmax() == 1
    assert index.scores("What label does Pakistan give the TTP?").tolist()[2:4] == [0, 0]
    assert index.scores("Will the truce hold?").argmax() == 3
    assert index.scores("the regime").argmax() == 4
    # A word of a group meets its other forms too ("mediation", "mediated"), but not a word that
    # only begins like it: an author is no authority, the content of a deal no contention.
    assert index.scores("mediation")[0] == pytest.approx(mediated[0])
    assert not index.scores("the author of the content").any()
    assert not index.scores("according to Kabul").any()  # "accord" is in no group
    other_words = LexicalIndex.build(
        [
            "Rivers rose.",
            "The prospects for peace remain distant.",
            "To penalize any violations.",
            "They agreed to extend the ceasefire.",
            "The clashes caused heavy casualties.",
        ]
    )
    assert other_words.holding_every_term("What's the outlook?").tolist() == [1]
    assert other_words.holding_every_term("How will violations be punished?").tolist() == [2]
    assert other_words.holding_every_term("How will breaches be punished?").tolist() == [2]
    assert other_words.holding_every_term("Was the truce prolonged?").tolist() == [3]
    assert (
        other_words.holding_every_term("die").tolist()
        == other_words.holding_every_term("killed").tolist()
        == [4]
    )
    assert other_words.holding_every_term("a breakthrough or an extension").tolist() == []
    assert other_words.holding_every_term("just an extension").tolist() == [3]


def test_a_word_counts_once_however_many_of_its_synonyms_a_passage_holds():
    index = LexicalIndex.build(
        [
            "Negotiations mediated by Qatar.",
            "The talks and the negotiation process; dialogue after the talks.",
            "Rivers rose across Sindh.",
        ]
    )
    # "talks" meets the second passage four ways, but counts once there: the word the question
    # rests on, "mediated", is what tells the passages apart.
    assert index.scores("Who mediated the talks?").argmax() == 0
    talks = index.scores("talks")
    assert talks[1] == pytest.approx(
        max(index.scores(word)[1] for word in ("talks", "negotiation", "dialogue"))
    )


def test_a_go_between_is_an_intermediary():
    assert tokens("Who were the go-betweens?") == tokens("a go between") == ["intermediary"]
    index = LexicalIndex.build(["Talks were mediated by Qatar.", "Rivers rose.", "The middlemen left."])
    assert index.holding_every_term("go-betweens").tolist() == [0, 2]


def test_a_synonym_ranks_its_passage_for_the_lexical_retriever(fake_engine, corpus):
    write_brief(corpus, "aaa.md", ["Rivers rose across Sindh."])
    write_brief(corpus, "zzz.md", ["The deal was mediated by Oman."])
    fake_engine.reindex()
    [ranking] = fake_engine.rank_many(["Who brokered it?"], k=3, retriever=Retriever.LEXICAL)
    assert "zzz" in ranking and "aaa" not in ranking, ranking  # only passages holding a word rank


def test_us_in_capitals_is_the_united_states_for_bm25():
    assert tokens("What does the US want?") == tokens("What does the U.S. want?") == ["usa", "want"]
    assert tokens("the United States") == ["usa"]
    assert tokens("tell us") == tokens("TELL US") == ["tell", "us"]  # the pronoun


def test_json_contract(fake_engine):
    data = answer_json(fake_engine.ask("Qatar Türkiye mediated negotiations", k=2))
    assert set(data) == {"question", "abstained", "hits"}
    assert len(data["hits"]) == 2
    hit = data["hits"][0]
    assert set(hit) == {"brief_id", "brief_title", "section", "paragraph", "text", "best_sentence", "score"}
    assert (hit["brief_id"], hit["paragraph"], hit["section"]) == (SAMPLE_BRIEF_ID, 1, "Context")
    assert isinstance(hit["score"], float)


@pytest.mark.parametrize("exact_limit", [2_000, 0], ids=["each-admitted-scored", "searches-restricted"])
def test_filters_by_brief_and_date(fake_engine, corpus, monkeypatch, exact_limit):
    monkeypatch.setattr(index.search, "EXACT_FILTERED_LIMIT", exact_limit)
    for name, day in (("old", "2020-01-05"), ("new", "2025-06-01")):
        (corpus / f"{name}.md").write_text(
            f"---\ntitle: {name}\ndate: {day}\n---\n\nQatar mediated talks between rivals.\n"
        )
    fake_engine.reindex()
    question = "Qatar mediated talks"
    only_old = fake_engine.ask(question, filters=SearchFilters(brief_ids=frozenset({"old"})))
    assert {h.brief.brief_id for h in only_old.hits} == {"old"}
    recent = fake_engine.ask(question, filters=SearchFilters(since=date(2025, 1, 1)))
    assert {h.brief.brief_id for h in recent.hits} == {"new"}
    early = fake_engine.ask(question, filters=SearchFilters(until=date(2021, 1, 1)))
    assert {h.brief.brief_id for h in early.hits} == {"old"}
    both = SearchFilters(brief_ids=frozenset({"old", "new"}), until=date(2025, 6, 1))
    assert {h.brief.brief_id for h in fake_engine.ask(question, filters=both).hits} == {"old", "new"}
    with pytest.raises(FilterError, match="no brief is dated on or after 2030-01-01"):
        fake_engine.ask(question, filters=SearchFilters(since=date(2030, 1, 1)))


@pytest.mark.parametrize(
    ("filters", "reason"),
    [
        (
            SearchFilters(brief_ids=frozenset({"nope"})),
            f"no brief 'nope' is indexed; a brief's id is its file name without the suffix: "
            f"{SAMPLE_BRIEF_ID}",
        ),
        (
            SearchFilters(since=date(2025, 12, 1), until=date(2025, 11, 1)),
            "the date range is empty: 2025-12-01 comes after 2025-11-01",
        ),
        (
            SearchFilters(until=date(2021, 1, 1)),
            "no brief is dated on or before 2021-01-01; briefs without a date (1 of 1) are left out",
        ),
        (
            SearchFilters(frozenset({SAMPLE_BRIEF_ID}), date(2025, 1, 1), date(2025, 12, 31)),
            "none of the chosen briefs is dated between 2025-01-01 and 2025-12-31",
        ),
    ],
)
def test_filters_that_admit_no_brief_say_why(fake_engine, filters, reason):
    # The sample brief is the only one, and undated: each filter leaves nothing to search, which
    # is the asker's slip, not a question the briefs cannot answer.
    with pytest.raises(FilterError) as error:
        fake_engine.ask("Which countries mediated?", filters=filters)
    assert str(error.value).startswith(reason)
    with pytest.raises(FilterError):
        fake_engine.check_askable(filters)
    fake_engine.check_askable(SearchFilters(brief_ids=frozenset({SAMPLE_BRIEF_ID})))  # admits it


def test_lexical_and_dense_retrievers_rank_alone(fake_engine, corpus):
    write_brief(corpus, "zzz.md", ["Bagram Air Base return of the United States."])
    fake_engine.reindex()
    for retriever in Retriever:
        answer = fake_engine.ask("Bagram Air Base", k=2, retriever=retriever)
        assert answer.hits[0].brief.brief_id == "zzz", retriever


@pytest.mark.parametrize("question", ["", "   \n\t ", "x" * 10_000])
def test_bad_questions_are_refused_with_a_reason(fake_engine, question):
    with pytest.raises(QuestionError, match="empty|characters"):
        fake_engine.ask(question)


def test_rank_many_gives_brief_ids_without_duplicates(fake_engine, corpus):
    write_brief(corpus, "other.md", ["Qatar and Türkiye again.", "More about Qatar."])
    fake_engine.reindex()
    [ranking] = fake_engine.rank_many(["Qatar Türkiye"], k=5)
    assert len(ranking) == len(set(ranking)) == 2
