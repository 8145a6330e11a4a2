"""Idioms a reader asks with, searched in the plain words briefs write."""

import pytest

from index.engine import Engine
from index.idioms import in_plain_words
from tests.fakes import FakeEmbedder
from tests.index.test_indexer import write_brief


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("What is the main sticking point?", "What is the main point of contention?"),
        ("What are the Sticking Points?", "What are the points of contention?"),
        ("Is the TTP the bone of contention?", "Is the TTP the point of contention?"),
        ("Why are they at loggerheads?", "Why are they in dispute?"),
        ("Where does the bad blood come from?", "Where does the hostility come from?"),
        ("Would Pakistan sit down with the TTP?", "Would Pakistan negotiate with the TTP?"),
        ("Who sat down with Mullah Yaqoob?", "Who met with Mullah Yaqoob?"),
        ("Will Islamabad hold talks with the TTP?", "Will Islamabad negotiate with the TTP?"),
        ("Who held talks with Yaqoob?", "Who held talks with Yaqoob?"),
        ("Is the TTP bound by the ceasefire?", "Is the TTP covered by the ceasefire?"),
        ("Would Pakistan strike inside Kabul?", "Would Pakistan strike in Kabul?"),
        ("What kind of deal is it?", "What kind of agreement is it?"),
        ("Does Pakistan want a deal on paper?", "Does Pakistan want a written agreement?"),
        ("What does the deal's survival hinge on?", "What does the deal's survival hinge on?"),
        ("Did they hammer out a deal?", "Did they negotiate a deal?"),
        ("Is Kabul sitting down with the TTP?", "Is Kabul negotiating with the TTP?"),
        ("What was hammered out in Doha?", "What was negotiated in Doha?"),
        ("Does Kabul turn a blind eye to the TTP?", "Does Kabul tolerate the TTP?"),
        ("Are they at odds over the TTP?", "Are they in disagreement over the TTP?"),
        ("Is there sabre-rattling on both sides?", "Is there threats on both sides?"),
        ("Who played host to the talks?", "Who hosted the talks?"),
        ("Is the truce on thin ice?", "Is the truce fragile?"),
        ("Who signed on the dotted line?", "Who signed the agreement?"),
        ("Who put their names to the accord?", "Who signed the accord?"),
        ("who put pen to paper on the deal", "who signed the deal"),
        ("Which ministers put pen to paper in Qatar?", "Which ministers signed in Qatar?"),
        ("Who is stirring up trouble for the US?", "Who is fueling instability for the US?"),
        (
            "Why does Kabul think the army is stirring trouble?",
            "Why does Kabul think the army is fueling instability?",
        ),
        ("Was there loss of life in the fighting?", "Was there casualties in the fighting?"),
        ("Will the truce hold?", "Will the truce be durable?"),
        ("How long will the extended truce last?", "How long will the extended truce be durable?"),
        (
            "What did Kabul object to in the minister's tone?",
            "What did Kabul criticize in the minister's language?",
        ),
        ("For peace to last, what must Kabul do?", "For lasting peace, what must Kabul do?"),
        ("Why is the truce Islamabad's final chance?", "Why is the truce Islamabad's last opportunity?"),
        ("Is this a make-or-break moment?", "Is this a last opportunity?"),
        ("Did they keep the guns silent for longer?", "Did they extend the ceasefire?"),
        ("Who brokered the deal keeping the guns quiet?", "Who brokered the deal keeping the ceasefire?"),
        ("Which two states acted as mediators?", "Which two countries mediated the negotiations?"),
        ("What Gulf states helped?", "What Gulf countries helped?"),
        ("Why do the two states distrust each other?", "Why do the two states distrust each other?"),
        ("Who were the go-betweens in the talks?", "Who mediated in the talks?"),
        ("Who acted as intermediaries?", "Who mediated the negotiations?"),
        ("What was the mediators' role?", "What was the mediators' role?"),
        ("Who were the mediators between them?", "Who mediated the negotiations between them?"),
        ("What were the mediators meant to do?", "What were the mediators meant to do?"),
        # While the guns are quiet, something else goes on: not the ceasefire itself.
        ("Now that the guns are quiet, what is going on?", "Now that the guns are quiet, what is going on?"),
        (
            "Is anyone sceptical that the deal will hold up?",
            "Is anyone sceptical that the deal will be durable?",
        ),
        ("Is the truce likely to hold?", "Is the truce likely to be durable?"),
        ("Is the ceasefire expected to last?", "Is the ceasefire expected to be durable?"),
        ("What do these events say about Kabul?", "What do these developments say about Kabul?"),
        ("What do the recent events show?", "What do the recent developments show?"),
        ("What events led to the talks?", "What events led to the talks?"),
        ("Is society becoming more divided?", "Is society becoming more polarized?"),
        ("Who said violators would be held to account?", "Who said violators would be penalized?"),
        ("Where was the first sit-down?", "Where was the first meeting?"),
        ("Why fear fighting on two borders?", "Why fear fighting on two fronts?"),
        (
            "Which states helped the two neighbours reach a deal?",
            "Which countries mediated the negotiations?",
        ),
        ("Who helped them reach terms?", "Who mediated the negotiations?"),
        ("Did the deal help reach a ceasefire?", "Did the deal help reach a ceasefire?"),
        ("Can ties be patched up?", "Can ties return to normal?"),
        ("Could it become an all-out war?", "Could it become a wider confrontation?"),
        ("Is the Taliban government divided?", "Is the Taliban government divided?"),
        (
            "What must happen for the ceasefire to hold?",
            "What must happen for the ceasefire to hold?",
        ),  # a need
        ("Will the two sides hold more meetings?", "Will the two sides hold more meetings?"),
        ("What led the two sides to the table?", "What led the two sides to negotiations?"),
        ("Who sat at the negotiating table?", "Who sat at negotiations?"),
        ("Is the truce hanging by a thread?", "Is the truce fragile?"),
        ("Who has the upper hand?", "Who has the advantage?"),
        ("Is Kabul dragging its feet on the TTP?", "Is Kabul delaying action on the TTP?"),
        ("Why does it matter for the US?", "Why is it important for the US?"),
        ("Why does Bagram matter?", "Why is Bagram important?"),
        ("What does he say about the matter?", "What does he say about the matter?"),  # the noun
        ("Is the TTP a matter for Pakistan?", "Is the TTP a matter for Pakistan?"),
        ("What did both capitals sign up for?", "What did both countries agree to?"),
        ("Why is the truce a final opening?", "Why is the truce a last opportunity?"),
        ("Could it become a bigger war?", "Could it become a wider confrontation?"),
        ("Is India waging a covert conflict?", "Is India waging a proxy war?"),
        ("Is the TTP covered by the pause in fighting?", "Is the TTP covered by the ceasefire?"),
        (
            "What is the biggest disagreement dividing them?",
            "What is the principal point of contention dividing them?",
        ),
        ("What is the issue dividing the two sides?", "What is the issue between the two sides?"),
        ("Is the Taliban government dividing?", "Is the Taliban government dividing?"),
        ("What is the main issue for Kabul?", "What is the main issue for Kabul?"),
        (
            "Why does Islamabad fear closer ties between Delhi and Kabul?",
            "Why does Islamabad fear closer ties between India and Afghanistan?",
        ),
        ("Why worry about closer Delhi-Kabul ties?", "Why worry about closer India-Afghanistan ties?"),
        (
            "How would Islamabad see defence ties between Delhi and Kabul?",
            "How would Islamabad see defence cooperation between India and Afghanistan?",
        ),
        ("Who will punish breaches?", "Who will punish violations?"),
        ("What if one side breaks the truce?", "What if one side violates the ceasefire?"),
        ("Does Pakistan want refugees to go home?", "Does Pakistan want refugees to be repatriated?"),
        ("What is Islamabad's mood toward Kabul?", "What is Islamabad's attitude toward Kabul?"),
        ("What does Islamabad want Kabul to sign?", "What does Islamabad seek?"),
        ("What deal is Pakistan pushing the Taliban to sign?", "What deal is Pakistan seeking?"),
        ("Who wanted to sign first?", "Who wanted to sign first?"),  # whose signature, not what for
        ("Did the talks produce any big diplomatic win?", "Did the talks produce any major breakthrough?"),
        ("Was there real progress?", "Was there major breakthrough?"),
        ("Is progress possible?", "Is progress possible?"),
        (
            "What did the two sides promise not to hit?",
            "What did the two sides promise to prohibit targeting?",
        ),
        ("What if Kabul does nothing about the TTP?", "What if Kabul fails to act against the TTP?"),
        ("What if the Taliban refuse to act?", "What if the Taliban fail to act?"),
        ("Could trade links have kept the peace?", "Could economic interdependence have kept the peace?"),
        ("What is needed for real peace?", "What is needed for true peace?"),
        ("What's Asif's recipe for lasting peace?", "What's Asif's formula for lasting peace?"),
        ("What's a good recipe for lentil soup?", "What's a good recipe for lentil soup?"),
        ("Is Islamabad open to a dialogue with the TTP?", "Is Islamabad open to negotiations with the TTP?"),
        ("Could there be a war between them?", "Could there be a confrontation between them?"),
        ("What if Kabul keeps ignoring the TTP?", "What if Kabul fails to act on the TTP?"),
        ("How deadly were the border battles?", "How deadly were the cross-border clashes?"),
        ("What triggered the talks in the first place?", "What caused the talks?"),
        ("Why were the negotiations needed?", "What caused the negotiations?"),
        ("What set off the clashes?", "What caused the clashes?"),
        ("What did the Taliban object to?", "What did the Taliban criticize?"),
        (
            "Which remarks by Khawaja Asif angered the Afghan spokesman?",
            "Which remarks by Khawaja Asif did the Afghan spokesman criticize?",
        ),
        ("Who is left outside the scope of the truce?", "Who is excluded from the truce?"),
        ("Is the TTP part of the ceasefire?", "Is the TTP covered by the ceasefire?"),
        ("Why is Beijing leaning on Rawalpindi?", "Why is Beijing putting pressure on Rawalpindi?"),
        ("Could Pakistan be squeezed from two sides?", "Could Pakistan be pressed on two fronts?"),
        ("Did Kabul accept Asif's description of it?", "Did Kabul accept Asif's characterization of it?"),
        (
            "Which countries brought Pakistan and Afghanistan to the table?",
            "Which countries mediated the negotiations between Pakistan and Afghanistan?",
        ),
        ("What brought the two sides to the table?", "What brought the two sides to negotiations?"),
        ("Who is twisting the facts?", "Who is distorting the facts?"),
        ("What did they commit to in writing?", "What did they sign?"),
        ("Who gains from the continued hostility?", "Who has an advantage from the continued hostility?"),
        ("What gains from trade were lost?", "What gains from trade were lost?"),
        # The capitals' own talks, and a minister's hopes for ties with one state, are left as asked.
        (
            "Who brokered the talks between Islamabad and Kabul?",
            "Who brokered the talks between Islamabad and Kabul?",
        ),
        ("Who hoped for defence ties with India?", "Who hoped for defence ties with India?"),
        # Not idioms: the words alone, or in other senses
        ("Did the delegates sit down?", "Did the delegates sit down?"),
        ("Is the tape sticking?", "Is the tape sticking?"),
        ("What is the point of the talks?", "What is the point of the talks?"),
    ],
)
def test_idioms_are_read_in_plain_words(question, plain):
    assert in_plain_words(question) == plain


def test_a_question_asked_with_an_idiom_finds_the_passage_in_plain_words(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_brief(
        corpus,
        "brief.md",
        ["Talks kept sticking on small matters.", "The principal point of contention remains the TTP."],
    )
    embedder = FakeEmbedder()
    engine = Engine(corpus, tmp_path / "index", embedder, threshold=-1.0)
    engine.reindex()
    answer = engine.ask("What is the main sticking point?")
    assert answer.hits[0].passage.paragraph == 2
    assert "What is the main point of contention?" in embedder.token_texts  # read with its tokens
    # The answer is to the question as typed, not said to be read another way.
    assert (answer.question, answer.read_as) == ("What is the main sticking point?", "")


def test_a_question_in_title_case_stays_in_title_case():
    # Lower-case words amid capitals would read as names no brief mentions ("Outside Countries").
    assert in_plain_words("Which Outside Countries Helped The Two Sides Reach A Deal?") == (
        "Which Outside Countries Mediated The Negotiations?"
    )
