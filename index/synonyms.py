"""Words policy prose uses for the same thing, so that the lexical side of search meets a brief's
word from a reader's: "Who brokered the talks?" meets "negotiations mediated by Qatar", "the main
dispute" meets "the principal point of contention". Each group holds words of one sense only; a
word with a common other sense ("call" of "called for", "term" of "long-term", "last" of "last
year", "deal" of "deal with", "accord" of "according to", "facilitate" of "facilitate the
repatriation") is left out, as it would meet the wrong passages. Measured with
benchmarks/quality.py (benchmarks/QUALITY.md)."""

GROUPS = (
    "mediate mediator mediation broker facilitator intermediary middleman middlemen",
    "disagreement disagree dispute contention rift friction quarrel",
    "ceasefire truce armistice",
    "agreement pact",
    "talks negotiations negotiate dialogue",
    "opportunity chance",
    "label designate",
    "attack strike assault raid",
    "militant insurgent",
    "casualties deaths fatalities die died killed",
    "promise pledge vow assurance",
    "warn caution",
    "accuse accusation blame allege allegation",
    "deny denied reject dismiss refute rebuff",
    "danger risk threat",
    "fear concern worry",
    "distrust mistrust",
    "border frontier",
    "sovereignty independence",
    "aggression incursion invade invasion",
    "government regime administration authorities",
    "army military",
    "breakthrough success",
    "hostility animosity enmity",
    "frustration impatience",
    "guarantee commitment",
    "outlook prospect",
    "punish penalize penalty",
    # "extend" of "does not extend to the TTP" is another sense, but briefs extend truces, talks
    # and deadlines far more often; a reader prolongs them or asks for an extension.
    "extend extension prolong",
    # The nouns only: "violate" and "infringe" met passages on sovereignty as often as on truces.
    "violation breach",
    # "What oversight arrangement did both capitals agree to?" met no word of "a monitoring and
    # verification mechanism".
    "monitor monitoring oversee oversight supervise supervision",
    # "Which new stage of the Chinese-funded scheme has Pakistan reached?": "Phase Two of CPEC".
    "phase stage",
)
