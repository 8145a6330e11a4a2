"""Answer types: a question that asks for a kind of actor ("Which countries acted as go-betweens?")
is answered by a passage naming actors of that kind other than those the question names itself.

A sentence vector hears "countries" and "go-betweens" as one more topic; it does not know that
the answer is a list of states. The actor index does: every mention in every passage, each actor
with its kind (index/actors.py). The head of a ranking is nudged towards passages that name more
actors of the asked-for kind that the question does not name. Only questions that say the kind
("which two states", "what government", "which official"), or that ask who brought the sides
together ("Who brokered the truce?": a state or a body), are nudged; "who" alone could be any
kind and is left as ranked (benchmarks/QUALITY.md).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from index.actors import ActorIndex
from index.gazetteer import REGIONS
from index.lexical import fold, tokens

# "which", "what", then at most two words ("two", "outside", "foreign"), then the kind.
_ASKED = r"\b(?:which|what)\s+(?:[\w'-]+\s+){0,2}?"
_STATE_KINDS = r"(?:countries|country|states?|nations?|governments?)\b"
_GROUP_KINDS = r"(?:groups?|organi[sz]ations?|factions?|militias?)\b"
_PERSON_KINDS = r"(?:ministers?|officials?|leaders?|spokes(?:person|man|woman))\b"
_KINDS_ASKED: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(_ASKED + _STATE_KINDS), frozenset({"state"})),
    (re.compile(_ASKED + _GROUP_KINDS), frozenset({"armed group", "organisation"})),
    (re.compile(_ASKED + _PERSON_KINDS), frozenset({"person"})),
)


def named_kind(question: str) -> tuple[str, frozenset[str]]:
    """The question (folded) without the kind of actor it names as what it asks for and the words
    qualifying it, and the actor kinds that names ("Which Gulf state mediated?" → "mediated?",
    {"state"}): a passage answering it names such an actor, in words the question cannot know.
    ("", empty) if it names no kind."""
    folded = fold(question)
    for pattern, kinds in _KINDS_ASKED:
        if match := pattern.search(folded):
            return f"{folded[: match.start()]} {folded[match.end() :]}", kinds
    return "", frozenset()


# Who brought the sides together ("Who brokered the truce?", "Which outside parties helped
# broker the deal?"): a third party, a state or a body the question does not name.
_GO_BETWEEN = r"(?:mediat\w*|broker\w*|go[- ]betweens?|intermediar\w*|middlem[ae]n|facilitat\w*)"
_THIRD_PARTY = re.compile(
    rf"\bwho\b.*\b{_GO_BETWEEN}"
    rf"|{_ASKED}(?:mediators?|brokers?|go[- ]betweens?|intermediar(?:y|ies)|middlem[ae]n"
    r"|(?:third|outside) part(?:y|ies)|(?:outside|foreign) powers)\b"
)
_THIRD_PARTY_KINDS = frozenset({"state", "organisation"})


def asked_kinds(question: str) -> frozenset[str]:
    """The actor kinds a question asks for by name, or by asking for a go-between; empty if
    neither."""
    _, kinds = named_kind(question)
    if kinds:
        return kinds
    return _THIRD_PARTY_KINDS if _THIRD_PARTY.search(fold(question)) else frozenset()


# A region between "which" and the kind ("Which Gulf state ...?", "What European governments
# ...?"): only its states answer.
_REGION_ASKED = re.compile(r"\b(?:which|what)\s+(?P<region>(?:[\w'-]+\s+){1,2}?)" + _STATE_KINDS)
_REGIONS = {fold(region): frozenset(fold(state) for state in states) for region, states in REGIONS.items()}


def asked_region(question: str) -> frozenset[str]:
    """The states (folded names) of the region a question asks for a state of; empty if none."""
    match = _REGION_ASKED.search(fold(question))
    if match is None:
        return frozenset()
    words = match.group("region").split()  # "two Gulf": the region ends the words
    endings = (" ".join(words[start:]) for start in range(len(words)))
    return next((_REGIONS[ending] for ending in endings if ending in _REGIONS), frozenset())


class AnswerTypes:
    """Which actors each passage names; built once per generation from its actor index."""

    def __init__(self, actors: ActorIndex, passage_count: int) -> None:
        self._kind = {actor_id: actor.kind for actor_id, actor in actors.actors.items()}
        self._folded_name = {actor_id: fold(actor.name) for actor_id, actor in actors.actors.items()}
        self._named_by: dict[str, list[frozenset[str]]] = {
            actor_id: [frozenset(t) for name in (actor.name, *actor.aliases) if (t := tokens(name))]
            for actor_id, actor in actors.actors.items()
        }
        self._actors_of: dict[int, set[str]] = defaultdict(set)
        for mention in actors.mentions:
            self._actors_of[mention.row].add(mention.actor_id)
        # An actor named in nearly every passage (the brief's own subjects) tells little about
        # which one answers: each counts by its inverse passage frequency, as a rare word would.
        rows_of: dict[str, int] = defaultdict(int)
        for named in self._actors_of.values():
            for actor_id in named:
                rows_of[actor_id] += 1
        self._weight = {actor_id: math.log(1 + passage_count / rows) for actor_id, rows in rows_of.items()}

    def novel_actors(
        self, question: str, rows: Sequence[int], kinds: frozenset[str], region: frozenset[str] = frozenset()
    ) -> np.ndarray:
        """Per passage row, the actors of `kinds` it names that the question does not, each
        counted by its rarity; states only of the `region` (`asked_region`), if given."""
        words = set(tokens(question))
        named = {
            actor_id for actor_id, names in self._named_by.items() if any(name <= words for name in names)
        }
        return np.array(
            [
                sum(
                    self._weight[a]
                    for a in self._actors_of.get(row, ())
                    if self._kind[a] in kinds
                    and a not in named
                    and not (region and self._kind[a] == "state" and self._folded_name[a] not in region)
                )
                for row in rows
            ],
            dtype=np.float32,
        )
