from index.sentences import sentence_spans


def split(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_titles_initials_and_acronyms_do_not_end_sentences():
    text = "Indian Minister J.P. Singh met Mr. Yaqoob. The U.S. Embassy said nothing. Then it spoke."
    assert split(text) == [
        "Indian Minister J.P. Singh met Mr. Yaqoob.",
        "The U.S. Embassy said nothing.",
        "Then it spoke.",
    ]


def test_closing_quotes_stay_with_their_sentence():
    text = "He said, “We will defend it.” Others disagreed! Did they? Yes."
    assert split(text) == ["He said, “We will defend it.”", "Others disagreed!", "Did they?", "Yes."]


def test_spans_cover_text_without_surrounding_space():
    text = "  One.   Two.  "
    assert split(text) == ["One.", "Two."]
    assert sentence_spans("") == ()
