"""Questions that ask for a figure or a date: told apart from those that don't, and answered only
by passages that state one."""

import pytest

from index.figures import Figure, asked_figure, counted, states
from index.search import Query, Searcher
from tests.index.unstated import abstains_until_a_brief_states_it


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("How many Afghan refugees live in Pakistan?", Figure.COUNT),
        ("What is the number of refugees Pakistan hosts?", Figure.COUNT),
        ("What is the number of fighters the TTP has?", Figure.VIOLENCE),
        ("How many attacks have hit CPEC projects?", Figure.VIOLENCE),
        ("How many Chinese nationals work in Pakistan?", Figure.COUNT),
        ("What was the death toll of the clashes?", Figure.TOLL),
        ("How many soldiers were killed in the clashes?", Figure.TOLL),
        ("how many lives were lost", Figure.TOLL),
        ("How much did the US spend on the war?", Figure.MONEY),  # a verb of money
        ("How much money has China invested in CPEC?", Figure.MONEY),
        ("What dollar amount has Washington put into Pakistani mining?", Figure.MONEY),
        ("How much aid has Qatar pledged?", Figure.AMOUNT),  # aid may be counted in tonnes
        ("How much territory does the Taliban control?", Figure.AMOUNT),  # a measured noun
        ("What is the population of Kabul?", Figure.AMOUNT),
        ("What is Pakistan's GDP growth rate?", Figure.AMOUNT),
        ("What percentage of trade crosses at Torkham?", Figure.AMOUNT),
        ("How large is Pakistan's army?", Figure.AMOUNT),  # a size a figure states
        ("How big is the Afghan population?", Figure.AMOUNT),
        ("How big is Pakistan's minerals sector?", Figure.AMOUNT),
        ("When will Phase Two of CPEC be completed?", Figure.DUE_DATE),
        ("How long is the border?", Figure.EXTENT),
        ("How long is the ceasefire supposed to last?", Figure.EXTENT),
        ("How far is Kabul from Islamabad?", Figure.EXTENT),
        ("When will the next round of talks take place?", Figure.DUE_DATE),
        ("When does the ceasefire expire?", Figure.DUE_DATE),
        ("What year was the TTP founded?", Figure.DATE),
        ("What was the date of the Istanbul talks?", Figure.DAY),
        ("Which day did the ceasefire begin?", Figure.DAY),
        ("What is the day-to-day impact of the border closure?", None),  # not a date
        ("How long ago did India open its embassy?", Figure.DATE),
        ("When was the TTP founded?", Figure.DATE),  # an origin: only a date answers
        ("When did the Taliban take over Afghanistan?", Figure.DATE),  # a government's origin too
        ("When did the Taliban return to power?", Figure.DATE),
        ("When did the Taliban seize power in Kabul?", Figure.DATE),
        ("When did the Taliban take part in the talks?", None),
        ("What time is it in Doha?", Figure.CLOCK),
        # An event may answer a "when" in the past ("during the Doha meeting"): not checked.
        ("When did the two sides first agree to a ceasefire?", None),
        ("Who represented Islamabad when the first accord was signed?", None),
        ("When would Kabul respond with force?", None),  # a condition may answer it
        ("When will Pakistan regard the truce as broken?", None),
        ("When will Kabul start acting against the TTP?", None),
        ("When will the verification mechanism start work?", Figure.DUE_DATE),  # a body's start
        ("When will the mechanism start working?", Figure.DUE_DATE),
        ("When will the monitoring mechanism begin operating?", Figure.DUE_DATE),
        ("When will the ceasefire be reviewed?", Figure.DUE_DATE),
        ("When do the talks resume?", Figure.DUE_DATE),
        ("When is the next round of talks scheduled?", Figure.DUE_DATE),
        ("When will the ceasefire be extended?", Figure.DUE_DATE),
        # A degree is answered in words.
        ("How much does Kabul trust Islamabad's assurances?", None),
        ("How much influence does China have over the military?", None),
        ("Why did a number of talks fail?", None),
        ("How did the civilian population react?", None),
        ("Which countries mediated the talks?", None),
        ("How long will the ceasefire hold?", None),  # a forecast, answered in words
        ("How big a threat is the TTP to Pakistan?", None),  # a degree
        ("How big is the TTP threat?", None),
        ("How big is the problem?", None),
        ("How far will Pakistan go to stop the TTP?", None),
        ("How much support did the Taliban receive from Kabul's neighbours?", None),
    ],
)
def test_the_figure_a_question_asks_for(question, figure):
    assert asked_figure(question) == figure


@pytest.mark.parametrize(
    ("figure", "text", "stated"),
    [
        (Figure.COUNT, "Some 1.3 million Afghans live in Pakistan.", True),
        (Figure.COUNT, "After several rounds of negotiations, they agreed.", True),  # a vague count
        (Figure.VIOLENCE, "Three soldiers died.", True),  # a number opening a sentence
        (Figure.VIOLENCE, "There were 14 attacks on CPEC projects.", True),
        # a count, but not of violence: "How many people were displaced by the clashes?"
        (Figure.VIOLENCE, "After several rounds of talks, the sides agreed. The clashes were fierce.", False),
        (Figure.VIOLENCE, "The TTP has about 6,000 fighters in Afghanistan.", True),
        # A toll does not say how many live or work somewhere.
        (Figure.COUNT, "Five Chinese nationals were killed. They worked at Dasu.", False),
        (Figure.COUNT, "Five Chinese nationals were killed. Some 20,000 work in Pakistan.", True),
        (Figure.COUNT, "One of the 3,000 Afghans who lives in the camp spoke.", True),
        (Figure.TOLL, "Three soldiers died.", True),
        (Figure.TOLL, "A suicide attack killed five Chinese nationals.", True),
        # A count, and casualties, but not a count of them.
        (Figure.TOLL, "After several rounds of talks they agreed. The clashes caused casualties.", False),
        (Figure.COUNT, "Tensions between the two countries hinder progress.", False),  # refers
        (Figure.COUNT, "Pakistan enters Phase Two of CPEC.", False),  # a name
        (Figure.AMOUNT, "The US pledged $2 billion.", True),
        (Figure.AMOUNT, "Trade fell by a third, worth millions.", True),
        (Figure.AMOUNT, "Delays have doubled the cost of some projects.", True),  # against another
        (Figure.AMOUNT, "Imports fell twofold.", True),
        (Figure.AMOUNT, "After several rounds of negotiations, they agreed.", False),  # counts only
        (Figure.MONEY, "The US pledged $2 billion.", True),
        (Figure.MONEY, "The budget allocates Rs 45bn to the force.", True),
        (Figure.MONEY, "Defence takes 2.5 percent of GDP.", True),
        (Figure.MONEY, "Delays have doubled the cost of some projects.", True),
        (Figure.MONEY, "The division counts about 15,000 troops.", False),  # a number, no sum
        (Figure.MONEY, "Five Chinese nationals were killed.", False),
        (Figure.EXTENT, "The ceasefire runs for six months.", True),
        (Figure.EXTENT, "The border is 2,640 km long.", True),
        (Figure.EXTENT, "Pakistan wants a long-term ceasefire.", False),
        (Figure.DATE, "Last year, an Indian minister met Mullah Yaqoob.", True),
        (Figure.DATE, "Talks resume on 14 March.", True),
        (Figure.DATE, "The talks resume in two weeks.", True),
        (Figure.DATE, "The TTP was founded in 2007.", True),
        # A day: a year, or "recently", tells when but not on which day.
        (Figure.DAY, "Talks resume on 14 March.", True),
        (Figure.DAY, "The sides met again the next day.", True),
        (Figure.DAY, "Last year, an Indian minister met Mullah Yaqoob.", False),
        (Figure.DAY, "The TTP was founded in 2007.", False),
        (Figure.DAY, "India has recently upgraded its mission.", False),
        (Figure.DATE, "The ceasefire may hold if both sides restrain militants.", False),  # a verb
        (Figure.DATE, "The latest round followed the initial negotiations.", False),
        # When something falls due, a date that is only past does not say
        (Figure.DUE_DATE, "Last year, an Indian minister met Mullah Yaqoob.", False),
        (Figure.DUE_DATE, "India has recently upgraded its mission.", False),
        (Figure.DUE_DATE, "The ceasefire expires in two weeks.", True),
        (Figure.DUE_DATE, "Talks resume on 14 March.", True),
        (Figure.DUE_DATE, "The truce, agreed last month, runs until 2027.", True),
        (Figure.CLOCK, "The talks ended at 3 pm.", True),
        (Figure.CLOCK, "Fighting broke out overnight.", True),
        (Figure.CLOCK, "Last year, an Indian minister met Mullah Yaqoob.", False),  # a date, not a time
    ],
)
def test_whether_a_text_states_the_figure(figure, text, stated):
    assert states(figure, text) is stated


def test_a_figure_no_close_passage_states_abstains_and_says_why(fake_engine, corpus):
    # The sample brief speaks of Afghan refugees and their repatriation, but never of how many.
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "How many Afghan refugees should Pakistan repatriate?",
        unstated="number",
        reason="state no number, so the briefs do not answer this; ask about the subject without the number",
        answered_instead="Should Pakistan repatriate Afghan refugees?",
        brief="# Refugees\n\nPakistan hosts some 1.3 million Afghan refugees, and Asif wants Pakistan to "
        "repatriate the Afghan refugees.\n",
        stated="1.3 million",
    )


def test_a_count_of_casualties_is_answered_only_by_a_count_stated_with_them(fake_engine, corpus):
    # Paragraph 1 counts "several rounds" of talks and tells of "heavy casualties": no toll.
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "How many people were killed in the cross-border clashes?",
        unstated="number of casualties",
        reason="state no number of casualties, so the briefs do not answer this",
        answered_instead="Were there casualties in the cross-border clashes?",
        brief="# Toll\n\nThe cross-border clashes killed 23 soldiers and many people, officials said.\n",
        stated="23 soldiers",
    )


def test_the_figure_is_looked_for_in_the_first_three_passages_whatever_k(fake_engine):
    # A reader sees three passages first; a count further down ("several rounds", ¶1) is not
    # what the question is about.
    question = "How many Afghan refugees should Pakistan repatriate?"
    searcher = Searcher(fake_engine.generation, fake_engine.weights, fake_engine.late)
    vector = fake_engine.embedder.embed_batch([question])[0]
    rows = [s.row for s in searcher.rank(Query(question, vector), 8)]
    passages = fake_engine.generation.passages
    counted = [states(Figure.COUNT, passages[row].text) for row in rows]
    assert not any(counted[:3]) and any(counted[3:])
    assert fake_engine.ask(question, k=8).abstained
    assert fake_engine.ask(question, k=1).abstained


def test_a_figure_answers_only_in_a_passage_naming_what_the_question_names(fake_engine, corpus):
    (corpus / "attacks.md").write_text(
        "# Attacks\n\nThe Besham attack killed five Chinese engineers; Pakistan blamed Afghanistan.\n\n"
        "The Pahalgam attack on tourists led India to suspend the water treaty.\n",
        encoding="utf-8",
    )
    fake_engine.reindex()
    # The toll in the first passage is Besham's: it does not say how many died at Pahalgam.
    pahalgam = fake_engine.ask("How many people died in the Pahalgam attack?")
    assert pahalgam.abstained and pahalgam.unstated == "number of casualties"
    besham = fake_engine.ask("How many Chinese engineers died in the Besham attack?")
    assert not besham.abstained and "five Chinese engineers" in besham.hits[0].passage.text
    # An actor is named by any of its names: Islamabad and Kabul are the states the passage names.
    blamed = fake_engine.ask("How many Chinese engineers died at Besham, which Islamabad blamed on Kabul?")
    assert not blamed.abstained and "five Chinese engineers" in blamed.hits[0].passage.text


def test_a_sum_of_money_is_answered_by_a_sum_not_by_any_number(fake_engine, corpus):
    (corpus / "troops.md").write_text(
        "# Security\n\nPakistan spends on a division of 15,000 troops to protect Chinese nationals.\n",
        encoding="utf-8",
    )
    fake_engine.reindex()
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "How much does Pakistan spend to protect Chinese nationals?",
        unstated="sum of money",
        reason="state no sum of money, so the briefs do not answer this",
        answered_instead="How many troops protect Chinese nationals?",
        brief="# Costs\n\nPakistan spends Rs 45bn a year to protect Chinese nationals.\n",
        stated="Rs 45bn",
    )


def test_a_toll_does_not_count_the_living(fake_engine, corpus):
    (corpus / "besham.md").write_text(
        "# Besham\n\nFive Chinese nationals working in Pakistan were killed near Besham.\n", encoding="utf-8"
    )
    fake_engine.reindex()
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "How many Chinese nationals work in Pakistan?",
        unstated="number",
        reason="state no number, so the briefs do not answer this",
        answered_instead="How many Chinese nationals were killed in Pakistan?",
        brief="# Workers\n\nSome 20,000 Chinese nationals work in Pakistan.\n",
        stated="20,000",
    )


def test_a_count_answers_only_with_the_thing_counted(fake_engine, corpus):
    (corpus / "troops.md").write_text(
        "# Security\n\nPakistan raised a division of about 15,000 troops to guard Chinese nationals.\n",
        encoding="utf-8",
    )
    fake_engine.reindex()
    abstains_until_a_brief_states_it(
        fake_engine,
        corpus,
        "How many Chinese nationals work in Pakistan?",
        unstated="number",
        reason="state no number, so the briefs do not answer this",
        answered_instead="How many soldiers guard Chinese nationals?",  # "troops": a word for them
        brief="# Workers\n\nSome 20,000 Chinese nationals work in Pakistan.\n",
        stated="20,000",
    )


@pytest.mark.parametrize(
    ("question", "things"),
    [
        ("How many Chinese nationals work in Pakistan?", {"national"}),
        ("How many of the rivers go to India?", {"river"}),
        ("How many rounds of talks were held?", {"round", "talk", "negotiation", "meeting", "session"}),
        # What a list of names may count, or nothing named: any count answers
        ("How many countries mediated the talks?", set()),
        ("How many are there?", set()),
        ("how many people live in pakistan", set()),
    ],
)
def test_what_a_question_counts(question, things):
    assert counted(question) == things


def test_a_count_of_the_thing_asked_may_refer_to_it():
    rivers = counted("How many rivers does India control?")
    # "the three eastern rivers" counts what it names; 1960 is no count of rivers.
    assert states(Figure.COUNT, "The treaty allocates the three eastern rivers to India.", rivers)
    assert not states(Figure.COUNT, "The treaty was signed in 1960 with World Bank mediation.", rivers)
    assert states(Figure.COUNT, "The treaty was signed in 1960 with World Bank mediation.")
    assert not states(Figure.COUNT, "The two countries signed it.")  # refers: counts nothing asked
