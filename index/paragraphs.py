"""Paragraphs asked for by number, as answers cite them: "What does paragraph 4 say?", "Show me ¶2",
"Summarise paragraphs 3 and 4", "the last paragraph"; and sections, counted in reading order as an
outline lists them: "What does the second section say?".

Searched by meaning, "paragraph 4" is one more topic: "Summarise paragraph 4" was refused and "Show
me paragraph 2" answered with ¶3. A reader who has seen a citation asks for the paragraph it names,
so the numbers are read as the citations write them (from 1 within the brief; a split paragraph's
parts share one number), and the paragraphs are given in reading order.
"""

from __future__ import annotations

import re

from index.lexical import fold, tokens
from index.sections import FRAME

# How the hits were found (models.Answer.basis), and what the engine says it did not find
# (models.Answer.unstated) when the brief has no paragraph or section of the number asked for.
PARAGRAPH = "paragraph"
NO_PARAGRAPH = "no such paragraph"
NO_SECTION = "no such section"
NO_SECTION_PARAGRAPH = "no such paragraph in the section"  # "the fifth paragraph of the Context section"
# A part counted from the end: "the last paragraph" is -1, "the second-to-last" -2.
LAST = -1

_ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
_ORDINALS = {word: number for number, word in enumerate(_ORDINAL_WORDS, start=1)} | {"opening": 1}
_NUMBER = r"\d{1,6}"
_RANGE = re.compile(rf"({_NUMBER})\s*(?:-|–|to|through)\s*(?:[¶§]\s*)?({_NUMBER})")
# A number of another text's part ("section 2 of the agreement", "paragraph 8 of Annexure D"): not
# the brief's, unless what follows names a brief, a report or a part of one.
_OF_ANOTHER_TEXT = re.compile(
    r"\s*(?:of|in)\s+(?!(?:[\w'-]+\s+){0,4}?(?:briefs?|reports?|paper|piece|document|section|chapter"
    r"|it|this|that|here)\b)"
)
# Ranges wider than this are read as typed by mistake ("paragraphs 1 to 900").
_WIDEST = 20
# Words that ask for a paragraph without naming a subject: "What does paragraph 4 say?"
_FRAME = FRAME | frozenset(
    tokens(
        "paragraph paragraphs para paras quote read number no first second third fourth fifth sixth "
        "seventh eighth ninth tenth last final closing opening next to"
    )
)


class _Numbered:
    """The parts of a brief of one kind (paragraphs, sections) a question asks for by number."""

    def __init__(self, noun: str, sign: str) -> None:
        # "paragraph 4", "para. 4", "paragraph no. 4", "¶4", "¶¶ 3-4", "paragraphs 3, 4 and 5",
        # "paragraphs 3 to 5"
        self._numbered = re.compile(
            rf"(?:\b{noun}\.?|{sign}+)\s*(?:(?:no\.?|number|#)\s*)?(?P<numbers>{_NUMBER}"
            rf"(?:\s*(?:,|and|&|-|–|to|through|or)\s*(?:{sign}\s*)?{_NUMBER})*)\b"
        )
        # "the fourth paragraph", "the 4th paragraph", "the last paragraph", "the second-to-last
        # paragraph"
        self._ordinal = re.compile(
            rf"\b(?P<ordinal>{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th)"
            r"|(?:second[- ]to[- ]|next[- ]to[- ])?(?:last|final|closing))\s+"
            rf"{noun}\b"
        )

    def asked(self, question: str) -> tuple[int, ...]:
        """The numbers asked for, in the order asked, counted from the end when negative (`LAST`);
        none if the question asks for none by number."""
        folded = " ".join(fold(question).split())
        asked: list[int] = []
        for match in self._numbered.finditer(folded):
            if _OF_ANOTHER_TEXT.match(folded, match.end()):
                continue
            numbers = match.group("numbers")
            for start, end in _RANGE.findall(numbers):
                low, high = sorted((int(start), int(end)))  # "paragraphs 5-3" as 3 to 5
                if high - low <= _WIDEST:
                    asked.extend(range(low, high + 1))
            numbers = _RANGE.sub(" ", numbers)
            asked.extend(int(number) for number in re.findall(_NUMBER, numbers))
        for match in self._ordinal.finditer(folded):
            if _OF_ANOTHER_TEXT.match(folded, match.end()):
                continue
            ordinal = match.group("ordinal")
            if ordinal in _ORDINALS:
                asked.append(_ORDINALS[ordinal])
            elif ordinal[0].isdigit():
                asked.append(int(ordinal[:-2]))
            else:
                asked.append(LAST - 1 if ordinal.startswith(("second", "next")) else LAST)
        return tuple(dict.fromkeys(number for number in asked if number != 0))

    def without(self, question: str) -> str:
        """The question folded, without the numbers it asks for."""
        return self._numbered.sub(" ", self._ordinal.sub(" ", " ".join(fold(question).split())))


_PARAGRAPHS = _Numbered(r"(?:paragraphs?|paras?)", "¶")
_SECTIONS = _Numbered(r"(?:sections?|chapters?)", "§")


def asked_paragraphs(question: str) -> tuple[int, ...]:
    """The numbers of the paragraphs a question asks for ("What does paragraph 4 say?": 4; "the
    last paragraph": `LAST`)."""
    return _PARAGRAPHS.asked(question)


def asked_section_numbers(question: str) -> tuple[int, ...]:
    """The numbers of the sections a question asks for, counted in reading order ("What does the
    second section say?": 2; "the last section": `LAST`)."""
    return _SECTIONS.asked(question)


def subject_words(question: str) -> set[str]:
    """The words a question asking for paragraphs asks about in them ("What does paragraph 4
    say about refugees?": "refugee"); none if it asks for them as they are."""
    return set(tokens(_PARAGRAPHS.without(question))) - _FRAME
