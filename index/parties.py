"""The parties of a question: "between Pakistan and Afghanistan" in a brief on Pakistan and
Afghanistan tells its passages apart no more than "the" does.

"Which countries mediated between Pakistan and Afghanistan?" is close in meaning to every passage
on the two neighbours, and the passage naming the mediators ("negotiations mediated by Qatar and
Türkiye") came last but two of thirteen: the model reads the parties as what the question is
about. Where both parties are actors most passages name, or the question names them as the pair
the brief is about ("between the two neighbours", which drew such questions to the conclusion's
"the two neighbors"), the question is also embedded without
them ("Which countries mediated?") and the two vectors are mixed; its token vectors, for late
interaction, are those of the question without them (Searcher.with_parties_read). BM25 reads the
question as asked: its weights already make a word every passage holds count for little. README
"Quality" gives the figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.actor_summary import ActorDirectory

# Parties named in at least this share of the passages are the corpus's subject, not the question's.
SUBJECT_SHARE = 0.5
_PARTY = r"(?:the\s+)?([\w'’.-]+(?:\s+[\w'’.-]+)?)"
# "between Pakistan and Afghanistan", "between the Taliban and Islamabad", "go-betweens for
# Islamabad and Kabul".
_BETWEEN = re.compile(rf"\s*\b(?:between|for)\s+{_PARTY}\s+and\s+{_PARTY}(?=[\s?.!,]|$)", re.IGNORECASE)
# "the Pakistan-Afghanistan talks": the pair before what it qualifies.
_PAIR = re.compile(r"\b([A-Z][\w'’.]+)[-–]([A-Z][\w'’.]+)\s+(?=\w)")
# "between the two neighbours": the pair a brief is about, whichever it is.
_BETWEEN_THE_TWO = re.compile(
    r"\s*\bbetween\s+the\s+(?:two\s+)?(?:neighbou?rs|countries|governments|sides|states|nations|capitals)\b",
    re.IGNORECASE,
)


def party_share(directory: ActorDirectory, passages: int) -> Callable[[str], float]:
    """The share of the `passages` that name the actor a name is of (0 for no known actor)."""

    def share(name: str) -> float:
        actor = directory.actor_named(name)
        return len(directory.rows_naming(actor)) / passages if actor and passages else 0.0

    return share


def without_parties(question: str, share: Callable[[str], float]) -> str:
    """`question` without a pair of parties most passages name ("Which countries mediated?") or
    the pair it is about ("between the two neighbours"), or "" if it names no such pair."""
    if match := _BETWEEN_THE_TWO.search(question):
        return _cut(question, match)
    for pattern in (_BETWEEN, _PAIR):
        match = pattern.search(question)
        if match and all(share(party) >= SUBJECT_SHARE for party in match.groups()):
            return _cut(question, match)
    return ""


def _cut(question: str, match: re.Match[str]) -> str:
    """`question` without what `match` spans, its spaces made single."""
    return " ".join(f"{question[: match.start()]}{question[match.end() :]}".split())
