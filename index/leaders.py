"""Who leads: a question asking for the leader of a group, a government or a body ("Who leads the
TTP?", "What is the name of the TTP's current chief?") is answered only by a passage that names one.

Such questions score like answerable ones: the passages about the TTP are close in meaning, and the
engine would show them although none names its leader ("Mujahid denied the presence of TTP leaders
in Afghanistan" names none). If none of the passages a reader sees first names someone as a leader
("TTP chief Noor Wali Mehsud", "Mehsud, the group's leader", "led by Mehsud"), the engine abstains
and says why (README "Quality"). Only the present is checked: "Who led the Pakistani side at the
talks?" may be answered by who signed for it. A ministry is led by its minister: "Who heads
Afghanistan's interior ministry?" is answered by "Interior Minister Sirajuddin Haqqani", not by
a foreign minister.
"""

from __future__ import annotations

import re

from index.lexical import fold

# What the engine says it did not find (models.Answer.unstated), beside the kinds of figure.
LEADER = "leader"

_HEAD = (
    r"(?:supreme leader|leader|chief|head|commander|emir|amir|president|prime minister|premier|chairman|"
    r"chairwoman|chairperson|chair|ruler)"
)
_LEADS = r"(?:leads|heads|commands|runs|rules|governs)"
# Not "runs" or "rules" in a passage: "Kabul runs the risk", "Pakistan rules out talks".
_LEADS_IN_TEXT = r"(?:leads|heads|commands)"
_NOW = r"(?:(?:current|new|present|top|overall|de facto|real)\s+)?"
_ASKS = re.compile(
    rf"^who(?:'s| is| are)?\s+(?:the\s+)?{_NOW}{_HEAD}s?\s+of\b"  # "Who is the head of the TTP?"
    rf"|^who(?:'s| is)\s+(?:the\s+)?[\w'. -]+?'s?\s+{_NOW}{_HEAD}\b"  # "Who is the TTP's leader?"
    rf"|^who\s+(?:currently\s+|now\s+)?{_LEADS}\b"  # "Who leads the TTP?"
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
    rf"|(?i:\b(?:led|headed|commanded|run|ruled)\s+by)\s+(?:the\s+)?{_NAME}"
    rf"|{_NAME}\s+(?i:{_LEADS_IN_TEXT})\b"
)


def _names_a_minister(portfolio: str) -> re.Pattern[str]:
    """A minister named with a name, of `portfolio` ("interior") if given ("Interior Minister
    Sirajuddin Haqqani", "Haqqani, the interior minister")."""
    minister = rf"{portfolio}\s+minister" if portfolio else "minister"
    return re.compile(
        rf"(?i:\b{minister}\b),?\s+{_NAME}|{_NAME},\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?i:{minister})\b"
    )


def asks_leader(question: str) -> bool:
    """Whether a question asks who leads something now."""
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
