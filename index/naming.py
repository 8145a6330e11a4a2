"""Names given: a question asking what an actor calls something ("What label does Islamabad give
the TTP?", "How does Pakistan classify the TTP?") is answered by a passage where that actor gives
a name ("the TTP, which Islamabad designates as a terrorist organization and refers to as Fitna
al-Khawarij"), not by the passages that only speak of the thing named.

A sentence vector hears "label" as one more topic word and finds the passages most about the TTP;
the construction that gives a name is plain in the words. Only the present tense is read: "What
did Asif call Kabul's backing of terrorism?" asks for one remark, which any wording may report.
Measured with benchmarks/quality.py (benchmarks/QUALITY.md).
"""

from __future__ import annotations

import re

_NOUN = r"(?:name|label|term|designation|epithet|moniker|tag)"
_VERB = r"(?:call|label|designate|classify|term|dub|brand|refer\s+to)"
_ASKS_NAME = (
    # "What name does Pakistan's government use for the TTP?", "What label does Islamabad give ...?"
    re.compile(
        rf"\bwhat\s+(?:[\w'-]+\s+)?{_NOUN}\s+(?:does|do)\s+(?P<namer>.+?)\s+"
        r"(?:\w+ly\s+)?(?:use|give|attach|apply|pin|have)\b",
        re.IGNORECASE,
    ),
    # "What does Pakistan call the TTP?", "How does Islamabad classify the TTP?"
    # Not "What does the brief call for?"
    re.compile(
        rf"\b(?:what|how)\s+(?:does|do)\s+(?P<namer>.+?)\s+(?:\w+ly\s+)?{_VERB}\b(?!\s+(?:for|on|upon)\b)",
        re.IGNORECASE,
    ),
    # "What is the TTP called in Islamabad?", "By what name is the group known?": no namer said.
    re.compile(r"\bwhat\s+(?:is|are)\s+.+?\s+(?:called|known\s+as|labell?ed|designated)\b", re.IGNORECASE),
    re.compile(rf"\b(?:by\s+)?what\s+{_NOUN}\s+(?:is|are)\b", re.IGNORECASE),
)

# A name given in a passage: its giver, up to four words before the verb, and the verb with "as"
# or a quotation within a few words ("designates as a terrorist organization", "calls it
# “Fitna”"); "calls for talks" gives no name.
_GIVES_NAME = re.compile(
    r"(?P<namer>(?:[\w'’-]+\s+){1,4}?)(?:\w+ly\s+)?"
    r"(?:designates?|refers?\s+to|calls|labels|brands|terms|dubs)\b(?!\s+for\b)"
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:as\b|[“\"‘])"
)
# A name given with nobody said to give it ("known as", "the so-called").
_NAME_GIVEN = re.compile(
    r"\b(?:known|referred\s+to|designated|labell?ed|branded|dubbed|termed)\s+as\b|\bso-called\b",
    re.IGNORECASE,
)


def asked_namer(question: str) -> str | None:
    """For a question asking what name something is given, who gives it as the question writes
    it ("Pakistan's government"; "" if it does not say); None for any other question."""
    for pattern in _ASKS_NAME:
        if match := pattern.search(question):
            return match.groupdict().get("namer") or ""
    return None


def namers_in(text: str) -> list[str]:
    """Who gives each name the text gives, up to four words as written ("which Islamabad"; ""
    where nobody is said to)."""
    namers: list[str] = []
    for match in _GIVES_NAME.finditer(text):
        namer = match.group("namer").strip()
        # "which Islamabad designates as ... and refers to as ...": the second verb's giver is
        # the first's.
        namers.append(namers[-1] if namers and namer.split()[-1].lower() in ("and", "or") else namer)
    return namers + [""] * len(_NAME_GIVEN.findall(text))
