"""Sentence boundaries as character spans, tuned for English policy prose (titles, initials, quotes)."""

from __future__ import annotations

import re

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "sr",
    "jr",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "no",
    "nos",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "govt",
    "approx",
    "al",
}
# A candidate end: . ! or ? with any closing quotes/brackets, then space, then an opening of a sentence.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if text[match.start()] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[: match.start()])
    if not word:
        return True
    token = word.group(1)
    if token.lower().rstrip(".") in _ABBREVIATIONS:
        return False
    # Initials and dotted acronyms: "J.P. Singh", "the U.S. return" (a capital after it is ambiguous;
    # we keep the sentence together, which is the cheaper mistake for citation).
    return not re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", token)


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans (start, end) of the sentences of `text`, stripped of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if _ends_sentence(text, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(text)))
    stripped = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            stripped.append((begin, end))
    return tuple(stripped)


_CLAUSE_BREAK = re.compile(r"\s*[,;:—–]\s*")
MIN_CLAUSE_WORDS = 4


def clauses(sentence: str) -> list[str]:
    """The longer clauses of a sentence (cut at , ; : and dashes), when it has more than one.

    A question often matches one clause of a long sentence much better than the whole sentence
    ("mediated by Qatar and Türkiye" inside a sentence about the ceasefire).
    """
    pieces = [p.strip(" \"'“”‘’()") for p in _CLAUSE_BREAK.split(sentence)]
    pieces = [p for p in pieces if len(p.split()) >= MIN_CLAUSE_WORDS]
    return pieces if len(pieces) > 1 else []
