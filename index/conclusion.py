"""Where a brief concludes: a question about the author's conclusion ("What does the author
conclude about the prospects for peace?") is answered at the end of a brief, or in a section that
says it concludes; a sentence vector hears the topic ("prospects for peace") and finds the
paragraph that discusses it first (benchmarks/QUALITY.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from index.models import Passage

# "conclude", not "concluded": "When were the talks concluded?" asks about the talks.
_ASKS_CONCLUSION = re.compile(
    r"\b(?:conclu(?:de|des|ding|sion|sions)|bottom line|final (?:assessment|verdict|word)|"
    r"overall assessment|takeaways?)\b",
    re.IGNORECASE,
)
_CONCLUDING_SECTION = re.compile(
    r"\b(?:conclu\w*|way forward|recommendations?|outlook|final thoughts|summary)\b", re.IGNORECASE
)


# "In the end, does the author think peace is achievable?": the author's final view. Not "In the
# end, did the talks succeed?", which asks how events ended.
_IN_THE_END = re.compile(r"\b(?:in\s+the\s+end|ultimately|all\s+in\s+all|on\s+balance)\b", re.IGNORECASE)
_THE_AUTHOR = re.compile(r"\b(?:author|writer|brief)\b", re.IGNORECASE)


def asks_conclusion(question: str) -> bool:
    if _ASKS_CONCLUSION.search(question):
        return True
    return _IN_THE_END.search(question) is not None and _THE_AUTHOR.search(question) is not None


class Conclusions:
    """Which passages conclude their brief: its last paragraph, or any in a concluding section."""

    def __init__(self, passages: Sequence[Passage], passage_brief: np.ndarray) -> None:
        """`passage_brief`: each passage's brief, as a number (the generation's own array)."""
        last: dict[str, int] = {}
        for passage in passages:
            last[passage.brief_id] = max(last.get(passage.brief_id, 0), passage.paragraph)
        concluding: dict[str | None, bool] = {None: False}  # a few headings, shared by many passages
        for passage in passages:
            if passage.section not in concluding:
                concluding[passage.section] = _CONCLUDING_SECTION.search(passage.section) is not None
        self._concludes = np.array(
            [
                passage.paragraph == last[passage.brief_id] or concluding[passage.section]
                for passage in passages
            ],
            dtype=bool,
        )
        self._brief = passage_brief

    def of_brief(self, row: int) -> np.ndarray:
        """The rows that conclude the brief of passage `row`, in order."""
        return np.flatnonzero(self._concludes & (self._brief == self._brief[row]))

    def signal(self, rows: Sequence[int]) -> np.ndarray:
        """1 for each row that concludes the brief of the first row (the best passage's brief: the
        one the question is about), else 0; another brief's conclusion is no answer to it."""
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            return np.zeros(0, dtype=np.float32)
        return (self._concludes[rows] & (self._brief[rows] == self._brief[rows[0]])).astype(np.float32)
