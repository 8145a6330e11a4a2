"""Questions about a brief itself rather than its subject.

Who wrote or published it, when, and where to read it ("Who wrote this brief?", "When was the
report published?", "link to the brief?"):
its front matter, not passage text, so no passage answers, and the nearest passages would be noise.
The engine abstains and says so, and the reply shows the details of the briefs closest to the
question (bot/text.py).

Which briefs there are ("What briefs do you have?", "How many reports are there?", "What is the
latest brief?"): the index's list, which no passage holds. The engine abstains without searching
and the reply lists the briefs the filters admit, newest first, or the newest (or oldest) alone.

Whom it names ("Who are the main actors?", "Who is involved?"): no passage lists them, but the
actor index counts them. The engine abstains and the reply names the actors the briefs name most
(those a filter admits, or a question thread is about).

What it says as a whole ("tl;dr", "Summarise this brief", "What is this brief about?", "What is
the author's view?"): searched, such a request is close to no passage and the engine would
abstain. It is answered with the brief's opening paragraph and the paragraphs that conclude it
(index/conclusion.py), in reading order, if one brief is indexed or the filters admit one;
otherwise the engine asks which. What it concludes ("What is the conclusion?", "bottom line?",
"What does the brief recommend?"): the same, without the opening.

What it says about a subject ("What does the brief say about women?", "does it mention Bagram?",
"anything on refugees?"): the frame is about the brief, the subject is what to search. Searched
with its frame, such a question is drawn to the passages that quote someone ("say") and holds a
word no passage does ("brief"), so that even a subject the brief names in passing is refused.

Which briefs mention a subject ("Which briefs mention the TTP?", "In which reports is Bagram
discussed?"): searched as asked, the passages closest to the question may all come from one
brief. It is answered with the one passage of each brief that holds the subject (an actor by any
of its names), the closest to the question, so that every brief that mentions it is cited once.

Narrow on purpose: "What does the author conclude about peace?" names a subject and is searched
(the conclusion nudged first, index/conclusion.py); "Who issued the warning?" is about the briefs'
subject, not the brief; "Summarise what Asif said" and "What are the main points of the
agreement?" name a subject and are searched.
"""

from __future__ import annotations

import re

from index.lexical import fold

# What the engine says it did not find (models.Answer.unstated), beside the kinds of figure: a
# brief's front matter, or which brief a request for one as a whole is about.
BRIEF_DETAILS = "brief details"
WHICH_BRIEF = "which brief"
ACTORS = "actors"
QUOTED = "quoted"  # whom they have say something ("Who is quoted?"), from the actor index too
# Which briefs are indexed: all of them, newest first, or the newest or oldest alone.
CATALOGUE = "briefs indexed"
NEWEST = "newest brief"
OLDEST = "oldest brief"
# How the hits of a request for a brief as a whole were found (models.Answer.basis): its opening
# and conclusion, or its conclusion alone; or those of every brief, asked for one by one.
OVERVIEW = "overview"
CONCLUSION = "conclusion"
OVERVIEWS = "overviews"
CONCLUSIONS = "conclusions"

_DOCUMENT = r"(?:brief|briefs|report|reports|article|paper|piece|document|analysis)"
# Words that may name a brief before its noun ("the water brief", "the PoliTact report"); not a
# preposition or article, so that "the threats in this brief" is no brief's name.
_QUALIFIER = r"(?!(?:in|on|of|about|for|to|by|from|with|this|that|these|the|a|an)\b)[\w'-]+"
_NAMED = rf"(?:this|these|that|the)\s+((?:{_QUALIFIER}\s+){{1,3}}){_DOCUMENT}\b"
# "each brief", "all the reports", "both briefs": every brief, one by one.
_EVERY = r"(?:each|every|all|both)(?:\s+of)?(?:\s+the)?"
_A_DOCUMENT = rf"(?:(?:this|these|that|the)\s+(?:{_QUALIFIER}\s+){{0,3}}|{_EVERY}\s+){_DOCUMENT}\b"
_DOCUMENTS = r"(?:briefs|reports|articles|papers|pieces|documents|analyses)"
# Every brief, one by one: "each brief", "all the briefs", "the two reports".
_EVERY_DOCUMENTS = rf"(?:{_EVERY}\s+{_DOCUMENT}|(?:the|these)\s+(?:two\s+|three\s+)?{_DOCUMENTS})"
_EVERY_DOCUMENT = re.compile(rf"\b{_EVERY_DOCUMENTS}\b")
# Qualifiers that tell which brief without naming it ("the latest brief", "the whole report").
_UNNAMING = {
    "whole", "entire", "full", "complete", "latest", "newest", "new", "last", "first", "previous",
    "same", "original", "above", "current", "short", "long", "two", "three",
}  # fmt: skip
_END = r"\s*(?:[?.!]|$)"
_THIS = rf"(?:{_A_DOCUMENT}|(?:this|that|it){_END})"
_ASKS = re.compile(
    # "Who wrote this?", "who authored the report"
    rf"\bwho\s+(?:wrote|authored)\s+{_THIS}"
    # "Who published the brief?", "which think tank issued this report"
    rf"|\b(?:who|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:published|publishes|issued|released)\s+{_THIS}"
    # "Who is the author?", "who's the writer of this piece", not "the author of the threats"
    r"|\bwho(?:'s|\s+is|\s+are|\s+was|\s+were)\s+the\s+(?:authors?|writers?|publishers?)"
    rf"(?:\s+of\s+{_THIS}|{_END})"
    # "What is the date of the brief?", "when was this brief published?"
    rf"|\bwhat(?:'s|\s+is|\s+was)\s+the\s+(?:date|publication\s+date|source)\s+of\s+{_THIS}"
    rf"|\bwhen\s+(?:was|were)\s+(?:{_A_DOCUMENT}|it|this)\s+(?:published|written|released|issued)\b"
    # "Is this brief recent?", "How old is the report?", "When is this brief from?"
    # ("Is this new?" may be about what a thread discusses.)
    rf"|\b(?:is|was)\s+{_A_DOCUMENT}\s+(?:recent|new|old|current|outdated|up[\s-]to[\s-]date)\b"
    rf"|\bhow\s+(?:old|recent|new)\s+is\s+{_THIS}|\bwhen\s+(?:is|was)\s+(?:{_A_DOCUMENT}|it|this)\s+from\b"
    # "source?", "link to the brief", "where can I read this brief?"
    rf"|^(?:(?:a|the)\s+)?(?:link|url|source)(?:\s+(?:to|of|for)\s+{_THIS})?{_END}"
    rf"|\bwhere\s+(?:can|could|do)\s+i\s+(?:read|find|get)\s+{_THIS}"
)


_POLITE = r"(?:(?:please|pls|can\s+you|could\s+you|give\s+me|show\s+me|i\s+want|i'd\s+like)\s+)*"
_OF_THIS = rf"(?:\s+(?:of|for|from|in)\s+(?:{_A_DOCUMENT}|it))?"
_GIST = (
    r"(?:summary|summaries|overviews?|gist|synopsis|recap|tl;?\s?dr|(?:(?:main|key)\s+)?takeaways"
    r"|(?:main|key)\s+points|highlights|short\s+version|cliff\s?notes)"
)
_BACKGROUND = (
    r"^(?:(?:what(?:'s|\s+is)\s+the|give\s+me\s+(?:some|the)|any|some)\s+)?(?:context|background)"
    rf"(?:\s+(?:please|(?:of|for|to|on|about|in)\s+{_A_DOCUMENT}))?$"
)
_BACKGROUND_ASKED = re.compile(_BACKGROUND)
_OVERVIEW = re.compile(
    # "tl;dr", "Give me a summary of this brief please"
    rf"^{_POLITE}(?:(?:a|an|the)\s+)?(?:short\s+|quick\s+|brief\s+)?{_GIST}{_OF_THIS}(?:\s+please)?$"
    # "Summarise this brief", "sum it up"
    rf"|^{_POLITE}(?:summari[sz]e|sum\s+up|recap)(?:\s+(?:{_A_DOCUMENT}|it))?"
    r"(?:\s+(?:up|for\s+me|please))*$"
    r"|^sum\s+(?:it|this)\s+up(?:\s+please)?$"
    # "In a nutshell?", "in short, what happened?"
    rf"|^(?:in\s+a\s+nutshell|in\s+short|in\s+brief)(?:\W+(?:what\s+happened|what(?:'s|\s+is)\s+"
    rf"(?:{_A_DOCUMENT}|it|this)\s+about|what\s+does\s+(?:{_A_DOCUMENT}|it)\s+say))?$"
    # "What is the context?", "Give me some background": the brief's opening (its section headed so,
    # if it has one: index/sections.py)
    rf"|{_BACKGROUND}"
    # "What is this brief about?", "What's the gist?"
    rf"|^what(?:'s|\s+is|\s+are)\s+(?:{_A_DOCUMENT}|it)\s+about$"
    rf"|^what(?:'s|\s+is|\s+are)\s+the\s+{_GIST}{_OF_THIS}$"
)


def asks_background(question: str) -> bool:
    """Whether a question asks for a brief's background, naming no subject ("What is the
    context?", "Give me some background")."""
    return _BACKGROUND_ASKED.search(" ".join(fold(question).rstrip(" ?.!").split())) is not None


# The brief's or its author's own view, naming no subject: "What is the author's view?", "the
# main argument", "What does the report say?" (its opening and conclusion); "What is the
# conclusion?", "bottom line?", "What does the brief recommend?" (its conclusion).
_OWNER = rf"(?:(?:the|its|their|this)\s+)?(?:(?:authors?|writers?|{_DOCUMENT})(?:'s|')?\s+)?"
_KEY = r"(?:(?:main|key|central|core|overall|general|final)\s+)?"
_VIEW_NOUN = (  # never a question's only word: "take", "position"
    r"(?<=\s)(?:views?|arguments?|position|take|thesis|opinion|stance|assessment|findings?|message"
    r"|(?:main|key|central|core)\s+(?:points?|ideas?|messages?))"
)
_CONCLUDING_NOUN = (
    r"(?:conclusions?|bottom\s+line|verdict|recommendations?|final\s+(?:word|thoughts)|way\s+forward)"
)
_WHAT_IS = r"(?:what(?:'s|s|\s+is|\s+are|\s+was|\s+were)\s+)?"
_THE_WRITER = (
    rf"(?:(?:the|this|its)\s+(?:{_QUALIFIER}\s+){{0,3}}(?:authors?|writers?|{_DOCUMENT})"
    rf"|{_EVERY}\s+{_DOCUMENT})"
)


def _whole(noun: str, verbs: str) -> re.Pattern[str]:
    return re.compile(
        # "the author's view", "What is the conclusion of this brief?", "key findings"
        rf"^{_POLITE}{_WHAT_IS}{_OWNER}{_KEY}{noun}{_OF_THIS}$"
        # "What does the author think?", "what does the brief recommend", "What does the author
        # of the water brief argue?"
        rf"|^what\s+(?:does|did|do)\s+{_THE_WRITER}(?:\s+of\s+{_A_DOCUMENT})?\s+(?:{verbs})$"
    )


_VIEW = _whole(_VIEW_NOUN, "think|argue|say|claim|suggest|find|believe|want|expect|predict|foresee")
_CONCLUDING = re.compile(
    _whole(_CONCLUDING_NOUN, "conclude|recommend|propose|advise").pattern
    + rf"|^how\s+(?:does|did)\s+(?:{_THE_WRITER}|it)\s+(?:conclude|end)$"
)


# Whom a question asks the briefs name, by the kind it names: every kind ("actors"), or one; armed
# groups first, as "militant organisations" are armed groups.
_KIND_WORDS: dict[str, str] = {
    "armed groups": (
        r"(?:armed|militant|terrorist|insurgent|extremist)\s+(?:groups|organi[sz]ations)|groups|militants"
    ),
    "actors": r"actors|players|parties|stakeholders",
    "states": r"countries|states|nations|governments",
    "people": r"people|persons|individuals|officials|personalities|ministers|leaders|politicians",
    "organisations": r"organi[sz]ations|bodies|institutions",
}
# The actor kinds (index/actors.py) each asks for; "actors" asks for every kind.
ACTOR_KINDS: dict[str, tuple[str, ...]] = {
    "states": ("state",),
    "people": ("person",),
    "organisations": ("organisation",),
    "armed groups": ("armed group",),
}
_KIND = "|".join(_KIND_WORDS.values())
_KIND_NAMED = {label: re.compile(rf"\b(?:{words})\b") for label, words in _KIND_WORDS.items()}
_IN_THEM = rf"(?:\s+(?:in|of)\s+{_A_DOCUMENT})?"
_ACTORS = re.compile(
    # "Who are the main actors?", "which are the key players in this brief", "what are the main
    # groups in the CPEC brief"
    r"^(?:who|which|what)\s+(?:are|were)\s+the\s+(?:(?:main|key|major|principal|important)\s+)?"
    rf"(?:{_KIND})(?:\s+involved)?{_IN_THEM}$"
    # "Which countries are mentioned in the water brief?", "what people are named"
    rf"|^(?:which|what)\s+(?:{_KIND})\s+(?:are|were|get)\s+(?:mentioned|named|discussed|covered){_IN_THEM}$"
    # "Which countries does the CPEC brief mention?"
    rf"|^(?:which|what)\s+(?:{_KIND})\s+(?:does|do|did)\s+(?:{_A_DOCUMENT}|it)\s+(?:mention|name|discuss|cover)$"
    r"|^who(?:'s|\s+is|\s+are)\s+(?:involved|mentioned|named)"
    rf"(?:\s+in\s+{_A_DOCUMENT})?$"
    rf"|^{_POLITE}(?:list|name)\s+(?:(?:all|every)\s+)?the\s+(?:{_KIND}){_IN_THEM}$"
)

_QUOTED_VERB = r"(?:quoted|cited|heard\s+from)"
_QUOTED = re.compile(
    # "Who is quoted?", "who gets quoted in this brief", "which officials are cited"
    rf"^(?:who|(?:which|what)\s+(?:{_KIND}|sources|voices))\s+(?:is|are|was|were|gets?|got)\s+"
    rf"{_QUOTED_VERB}{_IN_THEM}$"
    # "Who does the brief quote?", "whom do the reports cite"
    rf"|^who(?:m)?\s+(?:does|do|did)\s+(?:{_A_DOCUMENT}|it)\s+(?:quote|cite|hear\s+from)$"
    # "Whose words are quoted?", "whose statements does the brief report"
    r"|^whose\s+(?:words|statements|remarks|views|voices|quotes)\s+(?:are|were)\s+"
    rf"(?:quoted|cited|reported){_IN_THEM}$"
    # "Who speaks in the brief?", "who is heard in this report": in the brief, not for someone
    rf"|^who\s+(?:speaks|talks|is\s+heard|are\s+heard)\s+in\s+{_A_DOCUMENT}$"
)

_HELD = (
    r"(?:do\s+you\s+(?:have|hold|know|cover)|have\s+you\s+(?:got|read|indexed)|are\s+there"
    r"|are\s+(?:indexed|available|loaded|in\s+(?:the\s+)?(?:index|corpus))|can\s+i\s+(?:ask|read)\s+about)"
)
_CATALOGUE = re.compile(
    # "What briefs do you have?", "which reports are indexed", "how many briefs are there"
    rf"^(?:what|which|how\s+many)\s+{_DOCUMENTS}\s+{_HELD}$"
    # "list the briefs", "show me all the reports", "list of briefs"
    rf"|^{_POLITE}(?:list|show(?:\s+me)?)\s+(?:(?:all|every)\s+)?(?:(?:of\s+)?the\s+)?"
    rf"(?:indexed\s+|available\s+)?{_DOCUMENTS}$"
    rf"|^(?:a\s+|the\s+)?list\s+of\s+(?:(?:all|the)\s+)*{_DOCUMENTS}$"
)
_EDGE = r"(?:latest|newest|most\s+recent|last|oldest|earliest)"
_EDGE_BRIEF = re.compile(
    # "What is the latest brief?", "Which is the most recent report?", "newest brief?"
    rf"^(?:(?:what|which)(?:'s|\s+is|\s+was)\s+)?(?:the\s+)?(?P<edge>{_EDGE})\s+{_DOCUMENT}$"
    # "Which brief is the newest?", "which report is the oldest one", "which brief is most recent"
    rf"|^(?:what|which)\s+{_DOCUMENT}\s+is\s+(?:the\s+)?(?P<edge_after>{_EDGE})(?:\s+one)?$"
    # "What's new?", "anything new?", "any new briefs?"
    rf"|^(?:what(?:'s|\s+is)\s+new|(?:is\s+there\s+)?any(?:thing)?\s+new(?:\s+{_DOCUMENTS})?)$"
)


def asks_catalogue(question: str) -> str:
    """What the question asks of the list of briefs, naming no subject: CATALOGUE (which briefs
    there are, or how many), NEWEST or OLDEST (one of them); "" for any other question."""
    folded = " ".join(fold(question).rstrip(" ?.!").split())
    if _CATALOGUE.search(folded):
        return CATALOGUE
    if match := _EDGE_BRIEF.search(folded):
        edge = match.group("edge") or match.group("edge_after") or "newest"
        return OLDEST if edge in ("oldest", "earliest") else NEWEST
    return ""


def asked_actors(question: str) -> str:
    """Whom the question asks the briefs name (or quote: `asks_quoted`), naming no subject:
    "actors" (every kind), or a kind ("states", "people", "organisations", "armed groups"); "" for
    any other question."""
    folded = " ".join(fold(question).rstrip(" ?.!").split())
    if _ACTORS.search(folded) is None and _QUOTED.search(folded) is None:
        return ""
    return next((label for label, named in _KIND_NAMED.items() if named.search(folded)), "actors")


def asks_quoted(question: str) -> bool:
    """Whether the question asks whom the briefs quote ("Who is quoted?", "Which officials are
    cited?", "Who does the brief quote?")."""
    return _QUOTED.search(" ".join(fold(question).rstrip(" ?.!").split())) is not None


def asks_brief_details(question: str) -> bool:
    """Whether the question asks who wrote or published a brief, when, or where to read it."""
    return _ASKS.search(" ".join(fold(question).split())) is not None


_LATEST = re.compile(rf"\b(?:this|the)\s+(?:latest|newest|most\s+recent|last|new)\s+{_DOCUMENT}\b")


def asks_latest(question: str) -> bool:
    """Whether the question is about the newest brief ("tl;dr of the latest brief")."""
    return _LATEST.search(" ".join(fold(question).split())) is not None


def brief_name_words(question: str) -> tuple[str, ...]:
    """The words that name the brief a question is about ("Summarise the water brief": "water";
    "Who wrote the CPEC report?": "cpec"), folded; none if it names no brief."""
    words: list[str] = []
    for match in re.finditer(_NAMED, " ".join(fold(question).split())):
        words.extend(word for word in match.group(1).split() if word not in _UNNAMING)
    return tuple(words)


def names_a_brief(question: str) -> bool:
    """Whether the question says which brief it is about ("Summarise the water brief"): the
    brief whose details hold those words, or else the closest passages' brief, is the one meant."""
    return bool(brief_name_words(question))


def asks_every_brief(question: str) -> bool:
    """Whether a request for a brief as a whole is for every brief, one by one ("Summarise each
    brief", "What do all the briefs conclude?", "tl;dr of the reports")."""
    return _EVERY_DOCUMENT.search(" ".join(fold(question).split())) is not None


# Briefs compared, naming no subject: each one's opening and conclusion, side by side.
_COMPARED = re.compile(
    # "Compare the two briefs", "what do the briefs have in common", "how do the reports differ"
    rf"^{_POLITE}compare\s+{_EVERY_DOCUMENTS}$"
    rf"|^what\s+do\s+{_EVERY_DOCUMENTS}\s+have\s+in\s+common$"
    rf"|^how\s+do\s+{_EVERY_DOCUMENTS}\s+(?:differ|compare)$"
)


def asked_whole(question: str) -> str:
    """What of a brief as a whole the question asks for, naming no subject: OVERVIEW (what it
    says, its author's view; of every brief, if compared) or CONCLUSION (what it concludes or
    recommends); "" for neither."""
    folded = " ".join(fold(question).rstrip(" ?.!").split())
    if _CONCLUDING.search(folded):
        return CONCLUSION
    return OVERVIEW if _OVERVIEW.search(folded) or _VIEW.search(folded) or _COMPARED.search(folded) else ""


# A frame around a subject: a verb of saying after the brief or its author, or a question whether
# there is anything on it. Only these verbs and nouns: "Is there any chance of peace?" and "What
# does the author conclude about peace?" are questions about the subject, searched as asked.
_SAYS = (
    r"(?:says?|said|writes?|wrote|mentions?|mentioned|notes?|tells?\s+(?:us|me)|talks?|speaks?"
    r"|have\s+to\s+say|discuss(?:es)?|covers?|address(?:es)?|touch(?:es)?\s+on|refers?\s+to"
    r"|deals?\s+with)"
)
_ANYTHING = r"(?:say|mention|write|have)\s+(?:anything|something|much)"
_REGARDING = r"(?:about|on|of|regarding|concerning)"
_IT_OR_WRITER = rf"(?:{_THE_WRITER}|it)"
_SOME = (
    r"(?:any|anything|something|much)"
    r"(?:\s+(?:mention|info|information|details?|word|discussion|data|news|updates?))?"
)
_TOPIC_FRAMES = [
    re.compile(frame, re.IGNORECASE)
    for frame in (
        # "What does the brief say about women?", "what do the briefs tell us on the TTP"
        rf"^what\s+(?:does|do|did)\s+{_IT_OR_WRITER}\s+{_SAYS}\s+{_REGARDING}\s+(?P<subject>.+)$",
        # "What is said about women?", "what's written on Bagram"
        rf"^what(?:'s|\s+is|\s+was)\s+(?:said|written|mentioned|reported)\s+{_REGARDING}\s+(?P<subject>.+)$",
        # "Does it mention civil society?", "does the report say anything about Bagram"
        rf"^(?:does|do|did)\s+{_IT_OR_WRITER}\s+(?:{_ANYTHING}\s+{_REGARDING}|{_SAYS})\s+(?P<subject>.+)$",
        # "Is there anything about Bagram?", "is there any mention of women in the brief"
        rf"^(?:is|are)\s+there\s+{_SOME}(?:\s+in\s+{_IT_OR_WRITER})?\s+{_REGARDING}\s+(?P<subject>.+)$",
        # "anything on refugees?", "any mention of Bagram", "what about India?", "tell me about CPEC"
        rf"^(?:{_SOME}\s+{_REGARDING}|what\s+about|(?:please\s+)?tell\s+me(?:\s+more)?\s+about)\s+(?P<subject>.+)$",
        # Colloquial: "what's the deal with Bagram?", "what's going on with CPEC", "what do we know
        # about Haqqani" ("deal", "going on" are no words of the subject, and would be searched)
        r"^(?:what(?:'s|\s+is)\s+(?:the\s+(?:deal|story|latest)|going\s+on|happening|up)\s+(?:with|on)"
        r"|what\s+do\s+(?:we|you)\s+know\s+about|(?:fill|catch)\s+me\s+up\s+on|fill\s+me\s+in\s+on)"
        r"\s+(?P<subject>.+)$",
    )
]
_IN_THE_BRIEF = re.compile(rf"\s+(?:in|from)\s+(?:{_A_DOCUMENT}|it)$", re.IGNORECASE)
# Words of a question that point at a brief rather than at what it says: "Which air base comes up
# in the brief?" asks for the air base; no passage holds "brief".
DOCUMENT_FRAME = re.compile(rf"\b(?:in|from|by)\s+{_A_DOCUMENT}|\b(?:comes?|came)\s+up\b", re.IGNORECASE)

# The answer to "Which briefs mention X?" (models.Answer.basis): a passage of each brief holding X.
MENTIONS = "mentions"
_MENTION = (
    r"(?:mentions?|mentioned|discuss(?:es)?|cover(?:s)?|talks?\s+about|deals?\s+with|address(?:es)?"
    r"|refers?\s+to|names?|speaks?\s+(?:of|about)|writes?\s+about|(?:are|is)\s+about"
    r"|says?\s+(?:anything|something)\s+about)"
)
_MENTIONED = r"(?:mentioned|discussed|covered|named|cited|referred\s+to|written\s+about)"
_WHICH_DOCUMENTS = rf"(?:which|what|how\s+many)\s+(?:of\s+the\s+)?{_DOCUMENT}"
_MENTION_FRAMES = [
    re.compile(frame, re.IGNORECASE)
    for frame in (
        # "Which briefs mention the TTP?", "how many reports discuss Bagram", "what brief covers CPEC"
        rf"^{_WHICH_DOCUMENTS}\s+(?:(?:do|does|did)\s+)?{_MENTION}\s+(?P<subject>.+)$",
        # "In which briefs is the TTP mentioned?", "in what reports are refugees discussed"
        rf"^in\s+{_WHICH_DOCUMENTS}\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+{_MENTIONED}$",
        # "Which briefs is Bagram mentioned in?"
        rf"^{_WHICH_DOCUMENTS}\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+{_MENTIONED}\s+in$",
        # "What do the briefs say about the TTP?", "what do all the reports tell us on Bagram": of
        # several briefs, each one's say (a brief, "it" or its author: `asked_topic`)
        rf"^what\s+(?:do|did)\s+(?:all\s+)?(?:the|these|our|your)\s+(?:{_QUALIFIER}\s+)?{_DOCUMENTS}\s+"
        rf"{_SAYS}\s+{_REGARDING}\s+(?P<subject>.+)$",
        # "Is China mentioned?", "are Chinese engineers discussed in the briefs": which do, if any
        rf"^(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:ever\s+|even\s+)?{_MENTIONED}"
        rf"(?:\s+(?:in|by)\s+(?:{_A_DOCUMENT}|(?:any|all)\s+(?:of\s+the\s+)?{_DOCUMENTS}|it))?$",
        # "What does each brief say about Pakistan?", "what do both reports say on India"
        rf"^what\s+(?:does|do|did)\s+(?:each|every|both)(?:\s+of\s+the)?\s+{_DOCUMENT}\s+"
        rf"{_SAYS}\s+{_REGARDING}\s+(?P<subject>.+)$",
    )
]


def asked_mentions(question: str) -> str:
    """The subject of a question that asks which briefs mention it, or what they all say of it
    ("Which briefs mention the TTP?", "What do the briefs say about the TTP?" → "the TTP"), as
    written; "" for any other question."""
    return _framed_subject(question, _MENTION_FRAMES)


def asked_topic(question: str) -> str:
    """The subject of a question that asks what the brief says about it ("What does the brief
    say about women?" → "women"), as written; "" for any other question."""
    return _framed_subject(question, _TOPIC_FRAMES, _IN_THE_BRIEF)


def _framed_subject(question: str, frames: list[re.Pattern[str]], tail: re.Pattern[str] | None = None) -> str:
    """The subject group of the first of `frames` the question matches, less `tail` ("in the
    brief"); "" if none matches or the subject has no word."""
    framed = " ".join(question.replace("\u2019", "'").split()).rstrip(" ?.!")
    for frame in frames:
        if match := frame.search(framed):
            subject = match.group("subject")
            subject = (tail.sub("", subject) if tail else subject).strip()
            return subject if re.search(r"\w", subject) else ""
    return ""
