"""Questions that name a brief's author: "What does Naade Ali argue?", "What did Siddiqui
recommend?", "Who is Naade Ali?".

An author is in a brief's front matter or byline, not in its text, so such a question was refused
as naming someone the briefs never mention. It is asked instead as of "the author", of the briefs
that author wrote: the author's view is the brief's (index/brief_details.py), and "What does Naade
Ali say about the TTP?" searches that brief for the TTP. A name the briefs' text holds is an actor
there, and left alone: "What did Asif say?" asks what the brief reports of him.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.lexical import LexicalIndex, fold

_SEVERAL = re.compile(r"\s*(?:,|&|\band\b)\s*")
_SURNAME_LETTERS = 4  # "Ali" alone names too many people to stand for one author


class Authors:
    """The briefs' authors by each form of their names a question may use (full name, surname)."""

    def __init__(self, bylines: Iterable[tuple[str, str | None]], lexical: LexicalIndex) -> None:
        """`bylines`: (brief id, author as the front matter or byline gives it)."""
        written: dict[str, set[str]] = {}
        for brief_id, author in bylines:
            for name in _SEVERAL.split(author or ""):
                words = fold(name).split()
                forms = [" ".join(words)] if len(words) > 1 else []
                if words and len(words[-1]) >= _SURNAME_LETTERS:
                    forms.append(words[-1])
                for form in forms:
                    if not len(lexical.holding_every_term(form)):  # else an actor of the text
                        written.setdefault(form, set()).add(brief_id)
        self._written = {form: frozenset(ids) for form, ids in written.items()}
        longest_first = sorted(self._written, key=len, reverse=True)
        self._pattern = (
            re.compile(r"\b(" + "|".join(re.escape(form) for form in longest_first) + r")\b")
            if longest_first
            else None
        )

    def as_the_author(self, question: str) -> tuple[str, frozenset[str]]:
        """`question` with the first author it names read as "the author", and the ids of the
        briefs that author wrote; `question` and no ids if it names none."""
        folded = fold(question)
        match = self._pattern.search(folded) if self._pattern else None
        if match is None or len(folded) != len(question):  # spans of `folded` must be the question's
            return question, frozenset()
        if folded[: match.start()].endswith("the "):  # "the Naade Ali brief" names a brief
            return question, frozenset()
        as_the_author = question[: match.start()] + "the author" + question[match.end() :]
        return as_the_author, self._written[match.group(1)]
