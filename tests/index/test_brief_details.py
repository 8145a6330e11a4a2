"""Questions about a brief itself, rather than searched: who wrote or published it, when and where
(its front matter), whom it names (the actor index) and what it says as a whole (its opening and
conclusion)."""

from dataclasses import replace
from datetime import date

import pytest

from bot.text import LISTED_BRIEFS, answer_text, with_details
from index.brief_details import (
    ACTORS,
    BRIEF_DETAILS,
    CATALOGUE,
    CONCLUSION,
    CONCLUSIONS,
    MENTIONS,
    NEWEST,
    OLDEST,
    OVERVIEW,
    OVERVIEWS,
    QUOTED,
    WHICH_BRIEF,
    asked_actors,
    asked_mentions,
    asked_topic,
    asked_whole,
    asks_brief_details,
    asks_catalogue,
    asks_every_brief,
    asks_quoted,
    names_a_brief,
)
from index.models import SearchFilters
from tests.conftest import SAMPLE_BRIEF_ID
from tests.index.test_indexer import write_brief


@pytest.mark.parametrize(
    "question",
    [
        "Who wrote this brief?",
        "who wrote this",
        "Who authored the report?",
        "Which think tank published this brief?",
        "Who's the author?",
        "Who are the authors of this paper?",
        "What is the date of the brief?",
        "When was this brief published?",
        "source?",
        "Link to the brief?",
        "Where can I read this brief?",
        "Is this brief recent?",
        "How old is the report?",
        "When is this brief from?",
        "Is the brief up to date?",
    ],
)
def test_questions_about_a_brief_itself(question):
    assert asks_brief_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "What does the author conclude about peace?",  # the brief's text
        "Who issued the warning?",  # its subject
        "Who wrote this warning?",
        "Who wrote the bilateral agreement?",
        "Who is the author of the threats against Kabul?",
        "When was the agreement signed?",
        "Who published the statement?",
        "What is the source of the TTP's funding?",
        "Is there a link between India and the TTP?",
        "Is the ceasefire recent?",
        "How old is the TTP?",
        "Is this new?",  # may be what a thread discusses
    ],
)
def test_questions_about_what_a_brief_says(question):
    assert not asks_brief_details(question)


def test_a_question_about_a_brief_itself_is_answered_with_its_details(fake_engine):
    answer = fake_engine.ask("Who wrote this brief?")
    assert answer.abstained and answer.hits == () and answer.unstated == BRIEF_DETAILS
    assert [brief.brief_id for brief in answer.closest_briefs] == [SAMPLE_BRIEF_ID]
    text = answer_text(answer)
    assert "not in its text" in text
    assert f"by Naade Ali, PoliTact, undated (id {SAMPLE_BRIEF_ID})" in text
    assert with_details(replace(answer.closest_briefs[0], url="https://example.org/b")).endswith(
        f"undated, https://example.org/b (id {SAMPLE_BRIEF_ID})"
    )


def test_a_publisher_asked_about_by_name_is_answered_with_its_briefs_details(fake_engine, corpus):
    (corpus / "floods.md").write_text(
        "---\ntitle: Floods\npublisher: River Watch\n---\n\nFloods damaged bridges across Sindh.\n"
    )
    fake_engine.reindex()
    for question in ("What is PoliTact?", "who are politact"):
        answer = fake_engine.ask(question)
        assert answer.abstained and answer.unstated == BRIEF_DETAILS, question
        assert [brief.brief_id for brief in answer.closest_briefs] == [SAMPLE_BRIEF_ID]
    assert [brief.brief_id for brief in fake_engine.ask("What is River Watch?").closest_briefs] == ["floods"]
    # A name the briefs' text holds is asked of the text, as before.
    assert fake_engine.ask("What is the TTP?").unstated != BRIEF_DETAILS


@pytest.mark.parametrize(
    "question",
    ["tl;dr", "TLDR?", "Summary please", "Can you summarise this brief?", "sum it up",
     "What is this brief about?", "What are the key takeaways of the report?", "What's the gist?",
     "What is the author's view?", "What’s the author’s take?", "What does the author think?",
     "What is the main argument?", "what is the brief's argument", "key findings?",
     "What does the report say?", "What is the overall assessment?", "What does the author expect?",
     "What does the author of the water brief argue?", "In a nutshell, what happened?", "in short?",
     "Give me the short version", "What is the context?", "Give me some background",
     "background of this brief?"],
)  # fmt: skip
def test_requests_for_a_brief_as_a_whole(question):
    assert asked_whole(question) == OVERVIEW


@pytest.mark.parametrize(
    "question",
    ["What is the conclusion?", "bottom line?", "What does the author conclude?",
     "What are the recommendations?", "what does the brief recommend", "How does the brief end?",
     "What are the conclusions of this report?", "the verdict?",
     "What does the author of this report recommend?"],
)  # fmt: skip
def test_requests_for_what_a_brief_concludes(question):
    assert asked_whole(question) == CONCLUSION


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Summarise the water brief", True),
        ("Who wrote the PoliTact report?", True),
        ("What does the Helmand paper recommend?", True),
        ("What does the author of the water brief expect?", True),
        ("Summarise the brief", False),
        ("Summarise the whole report", False),  # which one, it does not say
        ("tl;dr of the latest brief", False),
        ("Who wrote the threats in this brief?", False),
    ],
)
def test_a_request_may_name_the_brief_it_is_about(question, named):
    assert names_a_brief(question) is named


@pytest.mark.parametrize(
    "question",
    [
        "What are the main points of the agreement?",  # a subject
        "Summarise what Asif said",
        "Give me a summary of the Doha talks",
        "What is the main point of contention?",
        "What is the TTP about?",
        "summary executions in Afghanistan",
        "What does the author conclude about peace?",
        "What is Pakistan's position?",
        "What is the Taliban's view of the TTP?",
        "What does the brief say about India?",
        "What is the assessment of the TTP threat?",
        "position",  # one word, the question's only one: no request for the brief's
        "take",
        "Compare Pakistan and India",
        "In short, why did the talks fail?",
        "What is the context of the talks?",
        "What's the background to the TTP dispute?",
        "What do Pakistan and India have in common?",
    ],
)
def test_requests_about_a_subject(question):
    assert not asked_whole(question)


def test_a_brief_as_a_whole_is_its_opening_and_conclusion(fake_engine, corpus):
    answer = fake_engine.ask("tl;dr", k=3)
    assert not answer.abstained and answer.basis == OVERVIEW
    assert [hit.passage.paragraph for hit in answer.hits] == [1, 13]  # in reading order
    opening, conclusion = answer.hits
    assert opening.best_sentence == opening.passage.sentences()[0]
    assert conclusion.best_sentence == conclusion.passage.sentences()[-1]
    assert "opening and conclusion" in answer_text(answer) and "score" not in answer_text(answer)
    assert [hit.passage.paragraph for hit in fake_engine.ask("tl;dr", k=1).hits] == [1]
    concluded = fake_engine.ask("What is the conclusion?", k=3)  # its conclusion alone
    assert concluded.basis == CONCLUSION and [hit.passage.paragraph for hit in concluded.hits] == [13]
    assert concluded.hits[0].best_sentence == concluded.hits[0].passage.sentences()[-1]
    assert "brief's conclusion;" in answer_text(concluded)
    assert "score" not in answer_text(concluded)
    write_brief(corpus, "floods.md", ["Floods damaged bridges.", "Repairs will take years."], "Floods")
    fake_engine.reindex()
    which = fake_engine.ask("tl;dr")  # of which brief?
    assert which.abstained and which.unstated == WHICH_BRIEF
    assert fake_engine.ask("Summarise the whole brief").unstated == WHICH_BRIEF
    named = fake_engine.ask("Summarise the floods brief")  # the brief its closest passages are in
    assert [hit.passage.passage_id for hit in named.hits] == ["floods#1", "floods#2"]
    view = fake_engine.ask("What does the author of the floods brief expect?")
    assert [hit.passage.passage_id for hit in view.hits] == ["floods#1", "floods#2"]
    assert "several briefs hold it: name one" in answer_text(which)
    only = SearchFilters(brief_ids=frozenset({"floods"}))
    assert [hit.passage.passage_id for hit in fake_engine.ask("Summary please", filters=only).hits] == [
        "floods#1",
        "floods#2",
    ]


@pytest.mark.parametrize(
    ("question", "every"),
    [
        ("Summarise each brief", True),
        ("What are the takeaways of each brief?", True),
        ("key takeaways from all the briefs", True),
        ("What does every report conclude?", True),
        ("tl;dr of both briefs", True),
        ("Summarise the briefs", True),
        ("Compare the two briefs", True),  # side by side
        ("What do the briefs have in common?", True),
        ("How do the reports differ?", True),
        ("Summarise the brief", False),
        ("What are the main takeaways?", False),
    ],
)
def test_a_request_for_briefs_as_a_whole_may_ask_for_each(question, every):
    assert asked_whole(question) and asks_every_brief(question) is every


def test_each_brief_as_a_whole_when_asked_for_each(fake_engine, corpus):
    write_brief(corpus, "floods.md", ["Floods damaged bridges.", "Repairs will take years."], "Floods")
    fake_engine.reindex()
    each = fake_engine.ask("Summarise each brief", k=3)
    assert not each.abstained and each.basis == OVERVIEWS
    cited = [(hit.brief.brief_id, hit.passage.paragraph) for hit in each.hits]
    # Undated, so by title: "Floods" first; each brief's opening and conclusion, in reading order.
    assert cited == [("floods", 1), ("floods", 2), (SAMPLE_BRIEF_ID, 1), (SAMPLE_BRIEF_ID, 13)]
    assert "Each brief's opening and conclusion" in answer_text(each) and "score" not in answer_text(each)
    compared = fake_engine.ask("Compare the two briefs", k=3)  # side by side
    assert [(hit.brief.brief_id, hit.passage.paragraph) for hit in compared.hits] == cited
    concluded = fake_engine.ask("What does each brief conclude?")
    assert concluded.basis == CONCLUSIONS
    assert [(hit.brief.brief_id, hit.passage.paragraph) for hit in concluded.hits] == [
        ("floods", 2),
        (SAMPLE_BRIEF_ID, 13),
    ]
    only = SearchFilters(brief_ids=frozenset({"floods"}))  # one brief admitted: that one
    alone = fake_engine.ask("Summarise each brief", filters=only)
    assert alone.basis == OVERVIEW and [hit.passage.passage_id for hit in alone.hits] == [
        "floods#1",
        "floods#2",
    ]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who are the main actors?", "actors"),
        ("who are the key players in this brief", "actors"),
        ("Who is involved?", "actors"),
        ("List the actors", "actors"),
        ("Who is mentioned in the water brief?", "actors"),
        ("Which countries are mentioned in the CPEC brief?", "states"),
        ("Which governments does the brief discuss?", "states"),
        ("What people are named?", "people"),
        ("Which ministers are mentioned?", "people"),
        ("Who are the main leaders?", "people"),
        ("Who are the leaders of the TTP?", ""),  # a subject
        ("What figures are mentioned?", ""),  # numbers, maybe: searched
        ("list all the organisations", "organisations"),
        ("What are the main armed groups in the briefs?", "armed groups"),
        ("Which groups are mentioned?", "armed groups"),
        ("Who are the main actors in the TTP?", ""),  # a subject
        ("Who is involved in the talks?", ""),
        ("Who were the mediators?", ""),
        ("Which countries mediated the talks?", ""),
        ("Which countries are involved in the talks?", ""),
    ],
)
def test_whether_a_question_asks_whom_the_briefs_name(question, asked):
    assert asked_actors(question) == asked


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who is quoted?", "actors"),
        ("who gets quoted in this brief", "actors"),
        ("Which officials are cited?", "people"),
        ("Which countries are quoted in the brief?", "states"),
        ("Who does the brief quote?", "actors"),
        ("Whose words are quoted?", "actors"),
        ("Who speaks in the report?", "actors"),
    ],
)
def test_whether_a_question_asks_whom_the_briefs_quote(question, kind):
    assert asks_quoted(question) and asked_actors(question) == kind


@pytest.mark.parametrize(
    "question",
    ["Who speaks for the Taliban?", "What did Asif say?", "Who is mentioned?", "Who quoted Asif?"],
)
def test_other_questions_do_not_ask_whom_the_briefs_quote(question):
    assert not asks_quoted(question)


def test_whom_the_briefs_quote_is_answered_from_the_actor_index(fake_engine):
    answer = fake_engine.ask("Who is quoted?")
    assert answer.abstained and answer.unstated == QUOTED and answer.hits == ()
    quoted = dict(answer.named_most)
    # Those the brief has say something, counted by the passages where they do ("Asif stated",
    # "Mujahid denied"); not those it only names or has act ("mediated by Qatar and Türkiye").
    assert quoted["Khawaja Muhammad Asif"] == 2 and quoted["Zabihullah Mujahid"] == 2
    assert "Qatar" not in quoted and "India" not in quoted
    assert "The actors the briefs quote most, by the passages where each says something:" in answer_text(
        answer
    )
    people = fake_engine.ask("Which officials are quoted?")
    directory = fake_engine.actor_directory()
    assert {directory.index.actors[directory.find(name)].kind for name, _ in people.named_most} == {"person"}


def test_whom_the_briefs_name_is_answered_from_the_actor_index(fake_engine, corpus):
    answer = fake_engine.ask("Who are the main actors?")
    assert answer.abstained and answer.unstated == ACTORS and answer.hits == ()
    assert answer.named_most[:2] == (("Pakistan", 13), ("Afghan Taliban government", 12))
    assert "The actors the briefs name most: Pakistan (13 passages)" in answer_text(answer)
    write_brief(corpus, "floods.md", ["Floods damaged bridges.", "Repairs will take years."], "Floods")
    fake_engine.reindex()
    only = fake_engine.ask("Who is involved?", filters=SearchFilters(brief_ids=frozenset({"floods"})))
    assert only.named_most == () and "The briefs name no actors." in answer_text(only)
    # The briefs counted are said when a filter narrowed them, not the passages closest in meaning.
    assert [brief.brief_id for brief in only.closest_briefs] == ["floods"]
    assert "Counted in: Floods" in answer_text(only)
    assert answer.closest_briefs == () and "Closest briefs" not in answer_text(answer)


def test_whom_of_one_kind_the_briefs_name_is_answered_from_the_actor_index(fake_engine):
    directory = fake_engine.actor_directory()
    for question, kind, label in (
        ("Which countries are mentioned?", "state", "states"),
        ("Who are the key people in the brief?", "person", "people"),
    ):
        answer = fake_engine.ask(question)
        assert answer.abstained and answer.unstated == ACTORS and answer.named_kind == label
        assert answer.named_most, question
        kinds = {directory.index.actors[directory.find(name)].kind for name, _ in answer.named_most}
        assert kinds == {kind}
        first, passages = answer.named_most[0]
        assert f"The {label} the briefs name most: {first} ({passages} passages)" in answer_text(answer)


def test_a_brief_named_by_its_details_is_the_one_meant_whatever_passages_come_closest(fake_engine, corpus):
    (corpus / "sindh.md").write_text(
        "---\ntitle: Monsoon floods in Sindh\nauthor: Sara Malik\n---\n\nRivers rose across the "
        "province.\n\nRebuilding will take years.\n",
        encoding="utf-8",
    )
    # Another brief's passage holds the words of the question: it comes closest.
    write_brief(corpus, "weather.md", ["Who wrote the monsoon report? The weather desk did."], "Weather")
    fake_engine.reindex()
    author = fake_engine.ask("Who wrote the monsoon report?")
    assert [brief.brief_id for brief in author.closest_briefs] == ["sindh"]
    gist = fake_engine.ask("Summarise the Sara Malik brief")
    assert [hit.passage.passage_id for hit in gist.hits] == ["sindh#1", "sindh#2"]
    # Words no brief's details hold: the brief of the closest passages.
    assert fake_engine.ask("Summarise the rebuilding brief").hits[0].passage.brief_id == "sindh"
    assert fake_engine.ask("Summarise the weather brief").hits[0].passage.brief_id == "weather"


def test_the_latest_brief_is_the_newest_dated_one(fake_engine, corpus):
    for name, day in (("older", "2024-03-01"), ("newer", "2025-06-30")):
        (corpus / f"{name}.md").write_text(
            f"---\ntitle: {name.title()} floods\nauthor: {name.title()} Desk\ndate: {day}\n---\n\n"
            f"Floods damaged bridges in {name} districts.\n\nRebuilding will take years.\n",
            encoding="utf-8",
        )
    fake_engine.reindex()
    gist = fake_engine.ask("tl;dr of the latest brief")
    assert [hit.passage.passage_id for hit in gist.hits] == ["newer#1", "newer#2"]
    author = fake_engine.ask("Who wrote the latest brief?")
    assert [brief.brief_id for brief in author.closest_briefs] == ["newer"]
    authors = fake_engine.ask("Who wrote each brief?")  # the list of briefs, with their details
    assert authors.unstated == CATALOGUE
    assert [brief.brief_id for brief in authors.closest_briefs][:2] == ["newer", "older"]
    assert "by Newer Desk, 2025-06-30" in answer_text(authors)
    older_only = SearchFilters(until=date(2024, 12, 31))
    assert (
        fake_engine.ask("tl;dr of the latest brief", filters=older_only).hits[0].passage.brief_id == "older"
    )


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What briefs do you have?", CATALOGUE),
        ("which reports are indexed", CATALOGUE),
        ("How many briefs are there?", CATALOGUE),
        ("list the briefs", CATALOGUE),
        ("Show me all the reports", CATALOGUE),
        ("list of briefs?", CATALOGUE),
        ("What is the latest brief?", NEWEST),
        ("Which is the most recent report?", NEWEST),
        ("newest brief?", NEWEST),
        ("Which brief is the oldest?", OLDEST),
        ("Which brief is most recent?", NEWEST),
        ("What's new?", NEWEST),
        ("anything new?", NEWEST),
        ("Any new briefs?", NEWEST),
        ("What is new in the ceasefire?", ""),
        ("Anything new on the TTP?", ""),
        # A subject or a brief's content: searched, or answered with the brief as a whole.
        ("What briefs mention the TTP?", ""),
        ("How many briefs mention Iran?", ""),
        ("Which brief covers water?", ""),
        ("What is the newest brief about?", ""),
        ("Summarise the latest brief", ""),
        ("What are the latest attacks?", ""),
    ],
)
def test_questions_about_which_briefs_there_are(question, asked):
    assert asks_catalogue(question) == asked


def test_which_briefs_there_are_is_answered_from_the_index_newest_first(fake_engine, corpus):
    for name, day in (("older", "2024-03-01"), ("newer", "2025-06-30")):
        (corpus / f"{name}.md").write_text(
            f"---\ntitle: {name.title()}\ndate: {day}\n---\n\nFloods damaged bridges in {name} districts.\n",
            encoding="utf-8",
        )
    fake_engine.reindex()
    listing = fake_engine.ask("What briefs do you have?")
    assert listing.abstained and listing.hits == () and listing.unstated == CATALOGUE
    # Dated briefs newest first, the undated sample brief last.
    assert [brief.brief_id for brief in listing.closest_briefs] == ["newer", "older", SAMPLE_BRIEF_ID]
    text = answer_text(listing)
    assert "3 briefs are indexed, newest first:" in text
    assert "\n  “Newer”, author not given, 2025-06-30 (id newer)" in text
    assert "Closest briefs" not in text
    newest = fake_engine.ask("What is the latest brief?")
    assert newest.unstated == NEWEST and [brief.brief_id for brief in newest.closest_briefs] == ["newer"]
    assert "The newest brief by its date:" in answer_text(newest)
    oldest = fake_engine.ask("which brief is the oldest")
    assert [brief.brief_id for brief in oldest.closest_briefs] == ["older"]
    # Filters narrow the list as they narrow a search.
    until_2024 = SearchFilters(until=date(2024, 12, 31))
    listed = fake_engine.ask("list the briefs", filters=until_2024).closest_briefs
    assert [brief.brief_id for brief in listed] == ["older"]
    undated = fake_engine.ask("newest brief?", filters=SearchFilters(brief_ids=frozenset({SAMPLE_BRIEF_ID})))
    assert undated.closest_briefs == () and "No brief gives its date" in answer_text(undated)


def test_a_long_list_of_briefs_is_cut_short_with_a_pointer_to_all_of_them(fake_engine, corpus):
    for number in range(LISTED_BRIEFS + 2):
        write_brief(corpus, f"b{number:02}.md", [f"Passage {number} on floods."], f"Brief {number:02}")
    fake_engine.reindex()
    text = answer_text(fake_engine.ask("How many briefs are there?"))
    assert f"{LISTED_BRIEFS + 3} briefs are indexed" in text
    assert text.count("(id ") == LISTED_BRIEFS
    assert text.endswith("and 3 more: /briefs or `briefbot briefs` lists them all")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what does the brief say about women", "women"),
        ("What does the author say about India?", "India"),
        ("What do the briefs tell us about the TTP", "the TTP"),
        ("What does the water brief say about Iran?", "Iran"),
        ("What did it say of the TTP?", "the TTP"),
        ("What’s said about critical minerals?", "critical minerals"),
        ("does it mention civil society", "civil society"),
        ("Does the report say anything about Bagram?", "Bagram"),
        ("Does the brief discuss India’s role?", "India's role"),
        ("Is there anything about Bagram?", "Bagram"),
        ("is there any mention of women in the brief?", "women"),
        ("anything on refugees?", "refugees"),
        ("any mention of Bagram", "Bagram"),
        ("what about India?", "India"),
        ("Tell me about the monitoring mechanism", "the monitoring mechanism"),
        ("What's the deal with Bagram?", "Bagram"),
        ("what is going on with CPEC", "CPEC"),
        ("What’s the story with the Istanbul talks?", "the Istanbul talks"),
        ("What do we know about Sirajuddin Haqqani?", "Sirajuddin Haqqani"),
        ("fill me in on the refugees", "the refugees"),
        ("any news on the TTP?", "the TTP"),
        ("What is the deal Pakistan wants?", ""),  # the deal itself
        ("What's going on?", ""),
        # A subject's own question, searched as asked.
        ("Is there any chance of peace?", ""),
        ("What does the author conclude about the prospects for real peace?", ""),
        ("What does the brief say will happen if the problems are not tackled?", ""),
        ("Did Asif say anything about India?", ""),  # an actor, not the brief
        ("What does the brief say?", ""),  # the brief as a whole
        ("tell me about", ""),
        ("anything coming from Afghanistan", ""),  # words of the brief, not a frame
    ],
)
def test_the_subject_of_a_question_about_what_a_brief_says(question, topic):
    assert asked_topic(question) == topic


def test_what_a_brief_says_about_a_subject_is_searched_for_the_subject(fake_engine):
    fake_engine.embedder.token_texts.clear()
    framed = fake_engine.ask("What does the brief say about the verification mechanism?")
    assert fake_engine.embedder.token_texts == ["the verification mechanism"]
    assert framed.question == "What does the brief say about the verification mechanism?"
    assert not framed.read_as  # the question was read as typed; only its frame was left out
    plain = fake_engine.ask("the verification mechanism")
    assert [hit.passage.passage_id for hit in framed.hits] == [hit.passage.passage_id for hit in plain.hits]


@pytest.mark.parametrize(
    "question", ["Anything on Balochistan?", "What does the brief say about Balochistan?"]
)
def test_a_subject_no_brief_names_is_refused_though_it_opens_what_is_searched(fake_engine, question):
    # "Balochistan" is searched alone: capitalised, but opening no sentence of the question.
    answer = fake_engine.ask(question)
    assert answer.abstained and answer.unknown_names == ("Balochistan",)
    assert not fake_engine.ask("Anything on Bagram?").abstained


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Which briefs mention the TTP?", "the TTP"),
        ("which reports discuss Bagram", "Bagram"),
        ("How many briefs talk about India?", "India"),
        ("In which briefs is Mohsin Naqvi mentioned?", "Mohsin Naqvi"),
        ("Which brief is Bagram mentioned in?", "Bagram"),
        ("What brief covers CPEC?", "CPEC"),
        ("Which reports are about water?", "water"),
        ("What do the briefs say about the TTP?", "the TTP"),
        ("what do all the reports tell us about Bagram", "Bagram"),
        ("What does each brief say about Pakistan?", "Pakistan"),
        ("Is China mentioned?", "China"),
        ("Are Chinese engineers ever discussed in the briefs?", "Chinese engineers"),
        ("Is the TTP covered by the ceasefire?", ""),
        ("what do both reports say on India", "India"),
        # About the subject, or about the briefs without one: searched or answered otherwise.
        ("Which countries mediated the talks?", ""),
        ("What does the brief say about women?", ""),
        ("Which brief is the newest?", ""),
        ("Which briefs do you have?", ""),
    ],
)
def test_questions_asking_which_briefs_mention_a_subject(question, subject):
    assert asked_mentions(question) == subject


def test_which_briefs_mention_a_subject_cites_one_passage_of_each(fake_engine, corpus):
    (corpus / "besham.md").write_text(
        "---\ntitle: Besham\n---\n\nChinese engineers were killed near Besham.\n\n"
        "Officials met in Islamabad. The Tehreek-e-Taliban Pakistan denied involvement.\n",
        encoding="utf-8",
    )
    write_brief(corpus, "floods.md", ["The monsoon floods swept Sindh."], "Floods")
    fake_engine.reindex()
    answer = fake_engine.ask("Which briefs mention the TTP?", k=1)  # every brief, whatever k
    assert not answer.abstained and answer.basis == MENTIONS and answer.mentioning == "TTP"
    assert sorted(hit.brief.brief_id for hit in answer.hits) == ["besham", SAMPLE_BRIEF_ID]
    assert answer.mentioning_briefs == 2
    besham = next(hit for hit in answer.hits if hit.brief.brief_id == "besham")
    # Named by its full name: the sentence marked is the one naming it, not the closer first.
    assert besham.passage.paragraph == 2 and besham.best_sentence.startswith("The Tehreek-e-Taliban")
    assert "2 briefs mention “TTP”: the closest passage of each comes first." in answer_text(answer)
    # Fewer briefs than passages asked for: the next closest naming it follow.
    more = fake_engine.ask("Which briefs mention the TTP?", k=4)
    assert [hit.brief.brief_id for hit in more.hits[:2]] == [hit.brief.brief_id for hit in answer.hits]
    assert len(more.hits) == 4 and more.mentioning_briefs == 2
    # What the briefs (plural) say about a subject: what each says.
    each = fake_engine.ask("What do the briefs say about the TTP?", k=1)
    assert each.basis == MENTIONS and len(each.hits) == 2
    # Words, not an actor: the briefs holding every one of them.
    floods = fake_engine.ask("Which reports discuss the monsoon floods?")
    assert [hit.brief.brief_id for hit in floods.hits] == ["floods"]
    assert "1 brief mentions “monsoon floods”: its passage closest" in answer_text(floods)
    # A filter narrows the briefs searched; a subject no brief names is said so.
    only = fake_engine.ask("Which briefs mention the TTP?", filters=SearchFilters(frozenset({"besham"})))
    assert [hit.brief.brief_id for hit in only.hits] == ["besham"]
    # A name beginning with an actor's is not that actor's: "Chinese diplomats" are not China.
    diplomats = fake_engine.ask("Are Chinese diplomats mentioned?")
    assert diplomats.abstained and diplomats.unknown_names == ("Chinese diplomats",)
    engineers = fake_engine.ask("Are Chinese engineers mentioned?")
    assert [hit.brief.brief_id for hit in engineers.hits] == ["besham"]
    iran = fake_engine.ask("Which briefs mention Iran?")
    assert iran.abstained and iran.unknown_names == ("Iran",)


def test_a_question_naming_a_brief_is_asked_of_that_brief(fake_engine, corpus):
    (corpus / "besham.md").write_text(
        "---\ntitle: The Besham attack\n---\n\nChinese engineers died near Besham.\n\n"
        "Officials blamed militants operating from Afghanistan.\n",
        encoding="utf-8",
    )
    fake_engine.reindex()
    named = fake_engine.ask("What does the Besham brief say about Afghanistan?")
    assert named.hits and {hit.brief.brief_id for hit in named.hits} == {"besham"}
    # Words no brief's details hold name no brief: every brief is searched.
    unnamed = fake_engine.ask("What does the rebuilding brief say about Afghanistan?", k=5)
    assert SAMPLE_BRIEF_ID in {hit.brief.brief_id for hit in unnamed.hits}
    # A filter the named brief is outside of wins: it is not searched.
    only = SearchFilters(frozenset({SAMPLE_BRIEF_ID}))
    kept = fake_engine.ask("What does the Besham brief say about Afghanistan?", filters=only)
    assert {hit.brief.brief_id for hit in kept.hits} == {SAMPLE_BRIEF_ID}
