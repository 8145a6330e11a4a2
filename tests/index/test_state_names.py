from index.state_names import StateNames

BRIEFS = [
    "Talks mediated by Qatar and Türkiye; Türkiye’s Ministry of Foreign Affairs spoke.",
    "Great Britain and the U.S. looked on; the Democratic Republic of the Congo did not.",
]


def test_a_state_named_as_no_brief_writes_it_is_read_as_the_briefs_write_it():
    names = StateNames(BRIEFS)
    assert names.as_written("Was Turkey involved?") == "Was Türkiye involved?"
    assert names.as_written("What was Turkiye's role?") == "What was Türkiye's role?"
    assert names.as_written("Turkey’s ministry?") == "Türkiye’s ministry?"
    assert names.as_written("Did Britain mediate?") == "Did Great Britain mediate?"


def test_names_the_briefs_write_or_cannot_be_read_otherwise_stay_as_typed():
    names = StateNames(BRIEFS)
    unchanged = [
        "Did Türkiye mediate?",  # written
        "Did Iran mediate?",  # a state the briefs never name: left for the names check to refuse
        "Did the Republic of the Congo sign?",  # another state, though its name is within one written
        "What did the US say?",  # capitals: the model reads them, and "US" may be "us"
        "What about Latin America?",  # "America" may be a continent's
        "turkey for dinner",  # not capitalised: no name
        "Turkeys flew",  # within a longer word
    ]
    assert [names.as_written(question) for question in unchanged] == unchanged


def test_the_name_most_written_is_the_one_read():
    names = StateNames(["Turkey said so.", "Turkey again.", "Türkiye once."])
    assert names.as_written("Did Turkiye mediate?") == "Did Turkey mediate?"
    assert StateNames([]).as_written("Was Turkey involved?") == "Was Turkey involved?"
