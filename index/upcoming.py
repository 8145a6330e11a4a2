"""The next meeting: a question about the next round of talks, meeting or summit ("Where will the
next round of talks be held?", "Which country will host the next round?", "Is another meeting
scheduled?", "Will the two sides meet again?"), or the first one still to come ("When will the
mechanism hold its first meeting?"), is answered only by a passage that speaks of one.

Such questions score like answerable ones: the passages about the last rounds of talks are close in
meaning, and the engine would show them although none says anything of a round to come. If none of
the passages a reader sees first speaks of a future meeting ("another round is planned", "the
delegations will meet again in Istanbul", "talks scheduled for next month"), the engine abstains and
says why (benchmarks/QUALITY.md).
"""

from __future__ import annotations

import re

from index.lexical import fold

# What the engine says it did not find (models.Answer.unstated), beside the kinds of figure.
NEXT_MEETING = "next meeting"

_MEETING = r"(?:rounds?|meetings?|sessions?|summits?|talks|negotiations|conferences?|visits?)"
_ASKS = re.compile(
    rf"\b(?:next|upcoming|forthcoming|coming)\s+(?:[\w-]+\s+){{0,2}}{_MEETING}\b"
    # A first meeting still to come: "When will the mechanism hold its first meeting?"
    rf"|\b(?:will|shall)\b.*\bfirst\s+(?:[\w-]+\s+){{0,2}}{_MEETING}\b"
    r"|\b(?:will|shall)\b.*\b(?:meet|convene)\b.*\bfirst time\b"
    # "Is another meeting scheduled?", "Will there be a further round?": one more still to come.
    rf"|\b(?:another|a further|further|more|a new|new|a fresh|fresh)\s+(?:[\w-]+\s+){{0,2}}{_MEETING}\b"
    r".*\b(?:scheduled|planned|expected|due|in the works|on the cards|coming)\b"
    rf"|\b(?:will|shall) there be (?:another|a further|further|more|a new|new|a fresh|fresh)\s+"
    rf"(?:[\w-]+\s+){{0,2}}{_MEETING}\b"
    # "Will the two sides meet again?", "When will they resume talks?"
    r"|\b(?:will|shall|going to|plan to|plans to|planning to)\b.*\b(?:meet|talk|convene) again\b"
)
_SPEAKS_OF_ONE = re.compile(
    rf"\b(?:next|upcoming|forthcoming|coming|future|further|another|new|fresh|second|third|fourth)\s+"
    rf"(?:[\w-]+\s+){{0,2}}{_MEETING}\b"
    r"|\b(?:will|would|to|agreed to|plan to|plans to)\s+(?:meet|reconvene|resume|hold|host|continue)\b"
    r"|\b(?:scheduled|planned|set|due|expected)\s+(?:for|to|in|on)\b",
    re.IGNORECASE,
)


def asks_next_meeting(question: str) -> bool:
    return _ASKS.search(" ".join(fold(question).split())) is not None


def speaks_of_next_meeting(text: str) -> bool:
    return _SPEAKS_OF_ONE.search(text) is not None
