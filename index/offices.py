"""Whose offices the briefs name: a question about one state's office that the briefs name only
for others ("What did the Taliban's foreign minister say in Istanbul?", where the brief's foreign
ministers are India's, Pakistan's and Türkiye's) is about someone they never mention.

The office rule of index/names.py catches an office no brief writes at all ("prime minister"); this
one reads whose it is. An office (gazetteer OFFICES, in any of its forms: "Ministry of Foreign
Affairs" is the foreign minister's) belongs to the actor named right before it ("Pakistan's Foreign
Office", "Indian Minister of External Affairs", "Afghanistan's Acting Defense Minister"). Narrow on
purpose: an office the briefs write even once without an owner ("through Interior Minister
Sirajuddin Haqqani") may be anyone's, and is never ruled out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from index.gazetteer import OFFICES
from index.lexical import tokens

# Words between an owner and its office that leave the office as it is ("Afghanistan's Acting
# Defense Minister"), as the stemmer leaves them.
_MODIFIERS = frozenset({"act", "acting", "former", "new", "current", "interim", "caretaker", "then"})
_MAX_OWNER_WORDS = 3
# Every form of every office as BM25 reads it ("minister", "foreign", "affair"), by its first word;
# each once, as BM25 reads some alike ("spokesman" and "spokeswoman" as "spokesperson").
_FORMS: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
for _office, _other_forms in OFFICES.items():
    for _words in (tokens(form) for form in (_office, *_other_forms)):
        if (_office, _words) not in _FORMS[_words[0]]:
            _FORMS[_words[0]].append((_office, _words))


def may_name_office(question: str) -> bool:
    """Whether a word of the question may open an office; cheap, so that the briefs' offices are
    read only for a question that may need them."""
    return not _FORMS.keys().isdisjoint(tokens(question))


class Offices:
    """Each office the briefs write, with the actors they write it for (None: no owner named)."""

    def __init__(self, names: dict[str, str], texts: Iterable[str]) -> None:
        """`names`: every folded name of every actor with its id (ActorDirectory.folded_names)."""
        self._owners: dict[str, str] = {}
        for name, actor_id in names.items():
            if key := " ".join(tokens(name)):
                self._owners.setdefault(key, actor_id)
        self._held: dict[str, set[str | None]] = defaultdict(set)
        for text in texts:
            for office, owner in self._written(tokens(text)):
                self._held[office].add(owner)

    def unheld(self, question: str) -> list[tuple[str, str]]:
        """(owner id, office) for each office the question asks about as an actor's that the
        briefs write for others only."""
        return [
            (owner, office)
            for office, owner in self._written(tokens(question))
            if owner is not None and self._held.get(office) and not self._held[office] & {owner, None}
        ]

    def named(self, text: str) -> set[tuple[str, str | None]]:
        """The offices a text names, in any of their forms, each with its owner's actor id if the
        text says whose ("the foreign minister": None; "Pakistan's Foreign Office": Pakistan's;
        "Indian Minister of External Affairs": India's)."""
        return set(self._written(tokens(text)))

    def ownerless(self, question: str) -> list[str]:
        """The offices the question names without saying whose ("What did the interior minister
        say?"), each once."""
        return list(
            dict.fromkeys(office for office, owner in self._written(tokens(question)) if owner is None)
        )

    def _written(self, words: list[str]) -> list[tuple[str, str | None]]:
        found = []
        for at, word in enumerate(words):
            for office, form in _FORMS.get(word, ()):
                if words[at : at + len(form)] == form:
                    found.append((office, self._owner_before(words, at)))
        return found

    def _owner_before(self, words: list[str], at: int) -> str | None:
        end = at
        while end > 0 and words[end - 1] in _MODIFIERS:
            end -= 1
        for length in range(min(_MAX_OWNER_WORDS, end), 0, -1):
            if owner := self._owners.get(" ".join(words[end - length : end])):
                return owner
        return None
