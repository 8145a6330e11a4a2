"""Questions about the briefs themselves ("Who wrote this brief?", "When was the report
published?"): a brief's author, publisher and date are its front matter, not passage text, so no
passage answers them, and the nearest passages would be noise. The engine abstains and says so, and
the reply shows the details of the briefs closest to the question (bot/text.py).

Narrow on purpose: "What does the author conclude?" asks about the brief's text and is searched;
"Who issued the warning?" is about the briefs' subject, not the brief.
"""

from __future__ import annotations

import re

from index.lexical import fold

# What the engine says it did not find (models.Answer.unstated), beside the kinds of figure.
BRIEF_DETAILS = "brief details"

_DOCUMENT = r"(?:brief|briefs|report|reports|article|paper|piece|document|analysis)"
_END = r"\s*(?:[?.!]|$)"
_THIS = rf"(?:(?:this|these|that|the)\s+{_DOCUMENT}\b|(?:this|that|it){_END})"
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
    rf"|\bwhen\s+(?:was|were)\s+(?:(?:this|the|these)\s+{_DOCUMENT}|it|this)\s+(?:published|written|released|issued)\b"
)


def asks_brief_details(question: str) -> bool:
    """Whether the question asks who wrote or published a brief, or when."""
    return _ASKS.search(" ".join(fold(question).split())) is not None
