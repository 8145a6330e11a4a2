"""Who leads: a question asking for the leader of a group, a government or a body ("Who leads the
TTP?", "What is the name of the TTP's current chief?") is answered only by a passage that names one.

Such questions score like answerable ones: the passages about the TTP are close in meaning, and the
engine would show them although none names its leader ("Mujahid denied the presence of TTP leaders
in Afghanistan" names none). If none of the passages a reader sees first names someone as a leader
("TTP chief Noor Wali Mehsud", "Mehsud, the group's leader", "led by Mehsud"), the engine abstains
and says why (benchmarks/QUALITY.md). Only the present and the future are checked ("Who will chair
the verification body?"): "Who led the Pakistani side at the talks?" may be answered by who signed
for it. A ministry is led by its minister: "Who heads
Afghanistan's interior ministry?" is answered by "Interior Minister Sirajuddin Haqqani", not by
a foreign minister. Who holds an office ("Who is the Turkish foreign minister?") is answered only
by a passage naming someone with it, of the owner asked about (`holder_named`); which of a side's
people did something ("Which Qatari minister hosted the talks?"), only by one naming a person of
that side or of no side said (`asked_person_of`, ActorDirectory.names_person_of), and with the
role asked for if it names one ("Which Taliban commander ...?" is not answered by a Taliban
minister); so is who led or spoke for a side ("Who led Qatar's mediation team?").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from index.gazetteer import OFFICES
from index.lexical import fold

# What the engine says it did not find (models.Answer.unstated), beside the kinds of figure.
LEADER = "leader"

_HEAD = (
    r"(?:supreme leader|leader|chief|head|commander|emir|amir|president|prime minister|premier|chairman|"
    r"chairwoman|chairperson|chair|ruler)"
)
_LEADS = r"(?:leads|heads|chairs|presides over|commands|runs|rules|governs)"
# Not "runs" or "rules" in a passage: "Kabul runs the risk", "Pakistan rules out talks".
_LEADS_IN_TEXT = r"(?:leads|heads|chairs|commands)"
_NOW = r"(?:(?:current|new|present|top|overall|de facto|real)\s+)?"
_ASKS = re.compile(
    rf"^who(?:'s| is| are)?\s+(?:the\s+)?{_NOW}{_HEAD}s?\s+of\b"  # "Who is the head of the TTP?"
    rf"|^who(?:'s| is)\s+(?:the\s+)?[\w'. -]+?'s?\s+{_NOW}{_HEAD}\b"  # "Who is the TTP's leader?"
    rf"|^who\s+(?:currently\s+|now\s+)?{_LEADS}\b"  # "Who leads the TTP?"
    # "Who will chair the mechanism?", "Which official is to lead it?": a leader still to come.
    r"|^(?:who|(?:which|what)(?:\s+[\w'-]+){1,2}?)\s+(?:will|would|is\s+(?:going\s+|set\s+)?to)\s+"
    r"(?:lead|head|chair|preside\s+over|command|run)\b"
    rf"|\bname\s+of\s+(?:the\s+)?[\w'. -]+?'s?\s+{_NOW}{_HEAD}\b"  # "the name of the TTP's chief"
    rf"|\bname\s+of\s+(?:the\s+)?{_NOW}{_HEAD}\s+of\b"  # "the name of the leader of the TTP"
    r"|^who(?:'s| is)\s+in charge of\b"
)
_MINISTRY = re.compile(r"\b(?:ministry|ministries|department|secretariat)\b")
# The word that says which ministry: "interior" in "Afghanistan's interior ministry".
_WHICH_MINISTRY = re.compile(r"\b([a-z]+)\s+(?:ministry|ministries)\b")
_NOT_WHICH = {"the", "a", "its", "their", "his", "her", "whose", "which", "what"}
_NAME = r"[A-Z][\w'’.-]+"


# Someone named as a leader: before the name ("TTP chief Noor Wali Mehsud", "the supreme leader,
# Hibatullah Akhundzada"), after it ("Mehsud, the group's leader"), or by a verb ("led by Mehsud",
# "Mehsud leads the group"). Case-insensitive for the head word only: a name is capitalised.
_NAMES_A_LEADER = re.compile(
    rf"(?i:\b{_HEAD}s?\b),?\s+{_NAME}"
    rf"|{_NAME},\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?i:{_HEAD})\b"
    rf"|(?i:\b(?:led|headed|chaired|presided over|commanded|run|ruled)\s+by)\s+(?:the\s+)?{_NAME}"
    rf"|{_NAME}\s+(?i:{_LEADS_IN_TEXT})\b"
)


def _names_a_minister(portfolio: str) -> re.Pattern[str]:
    """A minister named with a name, of `portfolio` ("interior") if given ("Interior Minister
    Sirajuddin Haqqani", "Haqqani, the interior minister")."""
    minister = rf"{portfolio}\s+minister" if portfolio else "minister"
    return re.compile(
        rf"(?i:\b{minister}\b),?\s+{_NAME}|{_NAME},\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?i:{minister})\b"
    )


# Who holds an office ("Who is the Turkish foreign minister?", "What is the name of Pakistan's
# defence minister?"): answered only by a passage naming someone with that office, in any of its
# wordings ("Who is India's foreign minister?" by "Indian Minister of External Affairs J.P.
# Singh"). Its ministry does not answer: "Türkiye's Ministry of Foreign Affairs" names no one.
HOLDER = "office holder"
_BODY = re.compile(r"\b(?:ministry|office|presidency)\b", re.IGNORECASE)
_HOLDER_FORMS = {
    office: [
        re.escape(fold(form)).replace("defence", "defen[cs]e").replace(r"\ ", r"\s+")
        for form in (office, *forms)
        if not _BODY.search(form)
    ]
    for office, forms in OFFICES.items()
}
_ANY_OFFICE = "|".join(sorted((f for forms in _HOLDER_FORMS.values() for f in forms), key=len, reverse=True))
_ASKS_HOLDER = re.compile(
    r"^(?:who(?:'s|\s+is|\s+was)|what(?:'s|\s+is)\s+the\s+name\s+of|name)\s+(?:the\s+)?"
    rf"(?P<owner>(?:[\w'.-]+\s+){{0,3}}?)(?P<office>{_ANY_OFFICE})"
    r"(?:\s+(?:of|in)\s+(?P<of>[\w'. -]+?)|\s+to\s+[\w'. -]+?)?"  # "to Pakistan": the host, not whose
    r"(?:,?\s+(?:who|that)\s+.*)?$"  # "... who chaired the talks"
)


class AskedOffice(NamedTuple):
    office: str  # OFFICES' name: "foreign minister"
    owner: str  # whose, as written: "turkish", "pakistan's", "" if unsaid


def asked_office(question: str) -> AskedOffice | None:
    """The office whose holder the question asks for, and whose; or None."""
    match = _ASKS_HOLDER.search(" ".join(fold(question).rstrip(" ?.!").split()))
    if match is None:
        return None
    office = next(
        office
        for office, forms in _HOLDER_FORMS.items()
        if any(re.fullmatch(form, match.group("office")) for form in forms)
    )
    return AskedOffice(office, (match.group("of") or match.group("owner")).strip())


def holder_named(asked: AskedOffice, texts: Iterable[str], actor_named: Callable[[str], str | None]) -> bool:
    """Whether one of `texts` names someone with the office asked for, in any of its wordings,
    before or after the name ("Defense Minister Khawaja Asif", "Asif, the defence minister"), and
    of the owner asked for if both say whose (`actor_named` reads an owner: "Indian" → India).
    "Who is the Turkish foreign minister?" is not answered by "Indian Minister of External
    Affairs J.P. Singh"."""
    asked_owner = actor_named(asked.owner) if asked.owner else None
    for text in texts:
        for form in _HOLDER_FORMS[asked.office]:
            before_name = rf"(?P<before>(?:[\w’'.-]+,?\s+){{0,2}})(?i:\b{form}\b),?\s+{_NAME}"
            after_name = rf"{_NAME},\s+(?:the\s+)?(?P<after>(?:[\w'’-]+\s+){{0,3}}?)(?i:{form})\b"
            for match in re.finditer(f"{before_name}|{after_name}", text):
                words = (match.group("before") or match.group("after") or "").replace(",", " ").split()
                # "Pakistan’s", "Afghanistan’s Acting", "last year, Indian": its last word or two.
                owners = (actor_named(" ".join(words[-n:])) for n in (2, 1) if len(words) >= n)
                owner = next((actor for actor in owners if actor), None)
                if asked_owner is None or owner is None or owner == asked_owner:
                    return True
    return False


# One of a side's people ("Which Qatari minister hosted the talks?", "What is the name of the
# Turkish official who chaired the talks?"): answered only by a passage naming a person of that
# side, or one whose role says no side ("Interior Minister Sirajuddin Haqqani" may be anyone's).
PERSON_OF = "person of the side asked about"
# The words for a side's people ("Which TTP leaders were named?"; index/names.py reads them too).
PERSON = (
    r"(?:ministers?|officials?|diplomats?|envoys?|negotiators?|mediators?|generals?|commanders?|officers?|"
    r"spokes(?:person|man|woman|people|men|women)|representatives?|delegates?|ambassadors?|"
    r"leaders?|chiefs?|members?|fighters?|militants?)"
)
_ASKS_PERSON_OF = re.compile(
    rf"^(?:which|what)\s+(?P<owner>[\w'.-]+(?:\s+[\w'.-]+)?)\s+(?P<person>{PERSON})\b"
    rf"|\bname\s+of\s+the\s+(?P<named>[\w'.-]+(?:\s+[\w'.-]+)?)\s+(?P<person_named>{PERSON})\b"
    # Who spoke for a side, or led its team ("Who led Qatar's mediation team?"): one of its people.
    r"|^who\s+(?:led|headed|represented|spoke\s+for|negotiated\s+for)\s+(?:the\s+)?(?P<led>[\w.-]+?)(?:'s)?"
    r"(?:\s+(?:[\w-]+\s+)?(?:team|delegation|side|negotiators))?\b(?!')"
)


# Person words that name a role: "Which Taliban commander ...?" is not answered by a Taliban
# minister. The others ("official", "leader", "member") may be anyone of the side.
_ROLE_WORDS = ("minister", "spokes", "commander", "general", "ambassador", "envoy")


class AskedPerson(NamedTuple):
    side: str  # as written: "qatari", "ttp"
    role: str  # one of _ROLE_WORDS, or "" for anyone of the side


def asked_person_of(question: str) -> AskedPerson | None:
    """The side whose person a question asks for and the role asked for, if any; or None.
    Whether it names a side at all is the actor directory's to read (`ActorDirectory.actor_named`)."""
    match = _ASKS_PERSON_OF.search(" ".join(fold(question).split()))
    if match is None:
        return None
    person = match.group("person") or match.group("person_named") or ""
    role = next((word for word in _ROLE_WORDS if person.startswith(word)), "")
    return AskedPerson(match.group("owner") or match.group("named") or match.group("led"), role)


def asks_leader(question: str) -> bool:
    """Whether a question asks who leads something now or will lead it."""
    return _ASKS.search(" ".join(fold(question).split())) is not None


def names_leader(question: str, text: str) -> bool:
    """Whether `text` names someone as a leader of the kind the question asks about: a minister
    for a ministry (its own: the water ministry's is no foreign minister), a leader, chief, head or
    the like for anything else."""
    if _NAMES_A_LEADER.search(text):
        return True
    folded = fold(question)
    if _MINISTRY.search(folded) is None:
        return False
    which = _WHICH_MINISTRY.search(folded)
    portfolio = which.group(1) if which and which.group(1) not in _NOT_WHICH else ""
    if portfolio in ("defence", "defense"):
        portfolio = "defen[cs]e"
    return _names_a_minister(portfolio).search(text) is not None
