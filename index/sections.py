"""A brief's sections asked for by name or as an outline: "What does the Analysis section say?",
"Summarise the section on the future of the ceasefire", "What sections does the brief have?".

Searched by meaning, a section's heading is one more topic: "What does the Analysis section say?"
was refused, "Analysis" being a word no passage holds. A section asked for by its heading is
answered with its paragraphs in reading order; an outline with the first paragraph of each
section, whose citations name them. A heading matches when its words are all among those the
question writes next to "section" or "chapter" ("the future of ceasefire section", "the section
on The Future of Ceasefire"), the heading with most words winning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.lexical import fold, tokens

# How the hits were found (models.Answer.basis): a section's paragraphs in reading order, or those
# closest to a subject asked about in it, or each section's first.
SECTION = "section"
IN_SECTION = "in section"
OUTLINE = "outline"
# Words that ask for a section (or another part of a brief: index/paragraphs.py) without naming a
# subject: "What does the Analysis section say?"
FRAME = frozenset(
    tokens(
        "section sections chapter say says said summarise summarize summary sum up tell describe explain "
        "show give cover covers contain contains written write brief report part whole"
    )
)

_NOUN = r"(?:section|chapter)"
# The words before the noun ("the analysis section") or after it with a word that introduces a
# name ("the section on the future of ceasefire", "the chapter called 'Context'").
_BEFORE = re.compile(rf"(?P<words>(?:[\w'’-]+\s+){{1,6}}){_NOUN}\b")
_AFTER = re.compile(rf"\b{_NOUN}\s+(?:on|about|called|titled|entitled|named|headed)\s+(?P<words>[\w'’ -]+)")
_DOCUMENT = r"(?:the|this|that)\s+(?:[\w'-]+\s+){0,3}?(?:brief|report|article|paper|piece|document)"
_BACKGROUND_HEADINGS = frozenset({"context", "background", "introduction", "background and context"})
# Not "Outline what Asif said": that names a subject, and is searched.
_OUTLINE = re.compile(
    # Not "Which sections mention Qatar?": which passages mention a subject.
    r"\b(?:what|which)\s+(?:sections|chapters|headings)\s+(?:(?:does|do)\s+.*\bhave|are\s+there)\b"
    rf"|\bwhat\s+are\s+(?:the|its)\s+(?:sections|chapters|headings)(?:\s+(?:of|in)\s+{_DOCUMENT})?\W*$"
    r"|\b(?:list|show|give)\s+(?:me\s+)?(?:the|its|all\s+the)\s+(?:sections|chapters|headings)\b"
    rf"|\boutline\s+of\s+{_DOCUMENT}\b|^(?:(?:give|show)\s+me\s+)?(?:an?\s+|the\s+)?outline(?:\s+please)?\W*$"
    r"|\btable\s+of\s+contents\b"
    rf"|\bhow\s+is\s+{_DOCUMENT}\s+(?:structured|organi[sz]ed|laid\s+out)\b|\bstructure\s+of\s+{_DOCUMENT}\b"
)


def asked_section(question: str, headings: Iterable[str]) -> str | None:
    """The heading (as written) of the section a question asks for, of `headings`; None if it
    asks for none of them."""
    folded = " ".join(fold(question).replace("'", " ").replace('"', " ").split())
    near = [
        set(tokens(match.group("words"))) for match in (*_BEFORE.finditer(folded), *_AFTER.finditer(folded))
    ]
    if not near:
        return None
    matched = [
        (len(words), heading)
        for heading in set(headings)
        if (words := set(tokens(heading))) and any(words <= phrase for phrase in near)
    ]
    return max(matched)[1] if matched else None


# What a question asks about in a section, as written: "What does the Context section say about
# Bagram?" → "Bagram". Not "on", which names the section ("the section on the future").
_ABOUT = re.compile(
    r"\b(?:about|regarding|concerning)\s+(?P<subject>[^?.!]*\w[^?.!]*)[?.!]*\s*$", re.IGNORECASE
)


def asked_subject_in_section(question: str) -> str:
    """The subject a question asks about in a section, as written; "" if it names none that way."""
    match = _ABOUT.search(question)
    return match.group("subject").strip() if match else ""


def background_heading(headings: Iterable[str]) -> str | None:
    """The heading of `headings` that a brief's background goes under ("Context", "Background",
    "Introduction"), for a question asking for it ("What is the context?"); None if none is."""
    return next((heading for heading in sorted(headings) if fold(heading) in _BACKGROUND_HEADINGS), None)


def asks_outline(question: str) -> bool:
    """Whether a question asks what sections a brief has ("What are the sections?", "Give me an
    outline of the report", "How is the brief structured?")."""
    return _OUTLINE.search(" ".join(fold(question).split())) is not None


def asks_sections(question: str) -> bool:
    """Whether a question asks for a brief's outline, or for a section by whatever heading (in a
    thread, of the brief the thread is about)."""
    folded = " ".join(fold(question).split())
    return asks_outline(question) or bool(_BEFORE.search(folded) or _AFTER.search(folded))


def subject_words(question: str, heading: str) -> set[str]:
    """The words a question asking for section `heading` asks about in it ("What does the
    Analysis section say about the TTP?": "ttp"); none if it asks for the section as a whole."""
    return set(tokens(question)) - set(tokens(heading)) - FRAME
