"""Places: a question asking which cities, provinces, districts, villages or border crossings
("Which Afghan provinces were hit by Pakistani strikes?") is answered only by a passage that
names one, or speaks of one by its kind ("designated border posts").

Such questions score like answerable ones: the passages about the strikes are close in meaning,
and the engine would show them although none names a province. With no gazetteer of cities or
provinces, a place is read from how prose writes one: a capitalised name after a word of place
("in Khyber Pakhtunkhwa", "near Besham", "talks in Istanbul") that is no actor, state, body or
building the engine knows. A capital counts as a city only where it is a place ("They are in
Kabul"), not where it stands for its government ("Kabul insisted"), and only as a city of its own
state: Kabul answers no question about Pakistani cities. A question that names no place kind, or
asks where ("Where is the TTP based?", which a state answers), is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from index.gazetteer import CAPITALS, CITIES, STATES
from index.lexical import fold, tokens

# What the engine says it did not find (models.Answer.unstated), beside the kinds of figure.
PLACE = "place"

# Each kind a question may ask for, and the words it asks with.
_ASKED_KINDS = {
    "city": r"cit(?:y|ies)|towns?",
    "province": r"provinces?",
    "district": r"districts?",
    "village": r"villages?",
    "crossing": r"crossings?|border posts?|checkpoints?",
}
# The words of a passage speaking of one by its kind, which may be more.
_KIND_WORDS = {
    **_ASKED_KINDS,
    "province": r"provinces?|provincial",
    "crossing": r"crossings?|border (?:posts?|points?|gates?)|checkpoints?",
}
# Kinds a bare name may be: a crossing is written as one ("the Torkham crossing"), and a name
# alone would be any town's.
_NAMED_BARE = {"city", "province", "district", "village"}
_ASKS = re.compile(
    r"\b(?:which|what)\s+(?P<modifiers>(?:[\w'’-]+\s+){0,3}?)(?:"
    + "|".join(f"(?P<{kind}>{words})" for kind, words in _ASKED_KINDS.items())
    + r")\b"
)
_SPEAKS_OF_KIND = {
    kind: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for kind, words in _KIND_WORDS.items()
}
# A name after a word of place: "in Khyber Pakhtunkhwa", "near Besham", "the province of Khost".
_NAME_WORD = r"[A-Z][\w'’.]*(?:-[\w'’.]+)*"
_LOCATED = re.compile(
    r"\b(?P<place_word>in|at|to|from|near|into|inside|outside|around|across|through|via|"
    rf"towards?|of|on)\s+(?:the\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})*)"
)
_SENTENCE_BREAK = re.compile(r"(?<=\w\w)\.\s")  # "Kabul. They": not "J.P. Singh"
# Words of a building's, body's, document's or person's name, not a place's: "Bagram Air Base",
# "China-Pakistan Economic Corridor", "Interior Minister Sirajuddin Haqqani".
_NOT_A_PLACE_WORDS = {
    "base", "airport", "airbase", "corridor", "project", "dam", "affairs", "ministry", "office",
    "council", "committee", "commission", "court", "assembly", "parliament", "army", "forces", "force",
    "agency", "bank", "university", "organisation", "organization", "movement", "front", "group",
    "party", "embassy", "mission", "agreement", "treaty", "accord", "accords", "talks", "summit",
    "conference", "initiative", "minister", "ministers", "spokesperson", "spokesman", "service",
    "services", "department", "division", "police", "guard", "fund", "programme", "program",
    "president", "general", "mullah", "sheikh", "commander", "ambassador", "envoy",
}  # fmt: skip
_STATE_WORDS = {word for name, others in STATES.items() for n in (name, *others) for word in tokens(n)}
_CITY_STATES = {**CITIES, **CAPITALS}


@dataclass(frozen=True)
class AskedPlace:
    kind: str  # a key of _KIND_WORDS
    state: str | None  # whose places ("Afghan provinces": Afghanistan), as a token of its name


def asked_place(question: str) -> AskedPlace | None:
    """The kind of place a question asks for by name, and whose, or None."""
    match = _ASKS.search(" ".join(fold(question).split()))
    if match is None:
        return None
    kind = next(kind for kind in _ASKED_KINDS if match.group(kind))
    states = [word for word in tokens(match.group("modifiers")) if word in _STATE_WORDS]
    return AskedPlace(kind, states[0] if states else None)


def names_place(asked: AskedPlace, text: str, actor_named: Callable[[str], str | None]) -> bool:
    """Whether `text` speaks of a place of the asked kind by its kind, or names a place that may
    be one (`actor_named`: the known actor a name begins with, if any)."""
    if _SPEAKS_OF_KIND[asked.kind].search(text):
        return True
    if asked.kind not in _NAMED_BARE:
        return False
    return any(_may_be(asked, name, actor_named) for name in _located_names(text))


def _located_names(text: str) -> Iterator[str]:
    """The names `text` writes after a word of place."""
    for match in _LOCATED.finditer(text):
        before = text[: match.start()].split()[-1:]
        if match.group("place_word") == "of" and before and before[0][:1].isupper():
            continue  # "Court of Arbitration", "Cape of Good Hope": part of a longer name
        name = _SENTENCE_BREAK.split(match.group("name"))[0]
        yield re.sub(r"['’]s$", "", name).rstrip(".")


def _may_be(asked: AskedPlace, name: str, actor_named: Callable[[str], str | None]) -> bool:
    """Whether a located name may be a place of the asked kind and state."""
    if name in _CITY_STATES:
        return asked.kind == "city" and asked.state in (None, *tokens(_CITY_STATES[name]))
    words = fold(name).split()
    if name.isupper() or _NOT_A_PLACE_WORDS.intersection(words):  # "CPEC", "Bagram Air Base"
        return False
    if name.split("-")[-1][:1].islower():  # "India-sponsored", "US-backed"
        return False
    if all(word in _STATE_WORDS for word in tokens(name)):  # "Afghanistan", "Afghan"
        return False
    return not any(actor_named(" ".join(words[at:])) for at in range(len(words)))
