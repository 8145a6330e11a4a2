"""States asked about by a name the briefs never write: "Was Turkey involved?" of briefs that write
"Türkiye".

BM25 reads a state's names alike (index/lexical.py), but the model does not: "Turkey" and
"Türkiye" are different words to it, so a question naming a state as the briefs never do found the
right passage less often (¶1, naming Türkiye twice, came first for 2 of 7 such questions asked
about the sample brief, for 7 of 7 with "Türkiye"). A state's name (gazetteer STATES) that no brief
writes is read as the one of its names the briefs write most often, if they write one; the answer
says how the question was read. A name in capitals ("US", "UAE") stays as typed: the model reads
it as the briefs' own, and "US" may be the pronoun; so does "America", which may be a continent's
("Latin America").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from index.gazetteer import STATES

# Longest first, so that a name is read whole before a name within it ("Great Britain" before
# "Britain", "Democratic Republic of the Congo" before "Republic of the Congo"); a name may end on a
# possessive ("Turkey's").
_READABLE = {
    name: state
    for state, others in STATES.items()
    for name in (state, *others)
    if not name.replace(".", "").isupper() and name != "America"
}
_ALTERNATIVES = "|".join(map(re.escape, sorted(_READABLE, key=len, reverse=True)))
_ANY_NAME = re.compile(rf"(?<![\w’'.-])(?:{_ALTERNATIVES})(?![\w-]|[’'](?!s\b))")


class StateNames:
    """Reads the names of states a question gives as one generation's briefs write them."""

    def __init__(self, texts: Iterable[str]) -> None:
        written = Counter(match.group(0) for text in texts for match in _ANY_NAME.finditer(text))
        most: dict[str, tuple[int, str]] = {}
        for name, state in _READABLE.items():
            if written[name] > most.get(state, (0, ""))[0]:
                most[state] = (written[name], name)
        # Each name no brief writes of a state the briefs name otherwise, with that name.
        self._as_written = {
            name: most[state][1] for name, state in _READABLE.items() if not written[name] and state in most
        }

    def as_written(self, question: str) -> str:
        """The question with each state's name no brief writes replaced by the one they write
        most; unchanged if it has none."""
        if not self._as_written:
            return question
        return _ANY_NAME.sub(lambda match: self._as_written.get(match.group(0), match.group(0)), question)
