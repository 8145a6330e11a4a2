"""Typing slips in questions: "who mediatd the talks", "was the ceasfire extended".

A misspelt word matches no passage's words (BM25) and reaches the model as pieces of another word,
so such a question may find the wrong passage or none ("was the ceasfire extended" abstained). A
word of a question that is neither an English word (pyspellchecker's list of 160,000) nor a word
of the briefs is read as the word of the briefs one letter from it (two for long words, a swap of
two letters counting as one), the one most passages use; failing one, as the commonest English
word one letter from it if the briefs hold that word ("signde" → "signed") or it is a function
word ("mnay" → "many"). Capitalised words are names, checked by index/names.py as written, unless
capitalised only for opening a sentence ("Whcih countries ...?") or in a question in Title Case;
so are the names of states and capitals. A British spelling is an English word when its
American form is ("organisations", "defence": the list has only the American ones). The answer
says how a question was read. Of our benchmark questions as written, the few read otherwise write
"go-betweens", which the list lacks (read as "go-between"; benchmarks/QUALITY.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

import numpy as np

from index.gazetteer import CAPITALS, STATES
from index.lexical import STOP_WORDS, LexicalIndex, fold, tokens
from index.models import Passage
from index.names import in_title_case

_WORD = re.compile(r"[A-Za-z]+")
# What follows a word's apostrophe: "Didn't" is one word to BM25, whose "Didn" is no slip for "Did".
_AFTER_APOSTROPHE = re.compile(r"['’][A-Za-z]+")
_MIN_LENGTH = 4  # shorter words have too many neighbours one letter away
_LONG = 8  # from this length, two slips are allowed
# Briefs' words compared with one question word, at most: about 17 µs each, so 35 ms. In a
# vocabulary so large that more share the word's first letter and length, only the English word
# near it is looked for, rather than keep a question waiting (benchmarks/speed.py --only spelling).
SCAN_LIMIT = 2_000
# Unknown words looked up in one question, at most: a question of gibberish would otherwise look
# up every word (at up to 35 ms each), and no one slips a dozen times in one question.
MOST_LOOKED_UP = 8
_PLACES = frozenset(
    fold(word)
    for name in (*STATES, *(other for others in STATES.values() for other in others), *CAPITALS)
    for word in name.split()
)


# Words a question is made of beside its subject, which no brief need hold: a slip in one ("how
# mnay", "whcih") hides what is asked (a figure, a kind of actor).
_FUNCTION_WORDS = STOP_WORDS | {"many", "much", "long", "often", "far", "tell", "explain", "say", "said"}


# British spellings, which the English list lacks ("organisations", "neighbours", "defence"):
# a word is English if its American form is. Each ending, and the one it takes instead.
_BRITISH_ENDINGS = (
    (r"is(ations?|e|es|ed|ing|er|ers|able)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"),
    (r"our(s|ed|ing|ite|ites|able|ful|less|hood|ist|ists)?$", r"or\1"),
    (r"ence(s)?$", r"ense\1"),
    (r"tre(s)?$", r"ter\1"),
    (r"ogue(s)?$", r"og\1"),
    (r"ll(ed|ing|er|ers)$", r"l\1"),
    (r"mme(s)?$", r"m\1"),
)


def american_forms(word: str) -> list[str]:
    """The American spellings a British one may stand for ("organisations" → "organizations")."""
    return [form for ending, american in _BRITISH_ENDINGS if (form := re.sub(ending, american, word)) != word]


class EnglishWords:
    """pyspellchecker's English list (160,000 words with their frequencies): whether a word is
    one, and the commonest one a slip from it."""

    def __init__(self) -> None:
        from spellchecker import SpellChecker

        self._checker = SpellChecker(language="en", distance=1)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self._checker.word_frequency

    def correction(self, word: str) -> str | None:
        """The commonest English word one slip from `word` (a swap counting as one), or None."""
        correction = self._checker.correction(word.lower())
        return correction if correction and correction != word.lower() else None


@cache
def english_words() -> EnglishWords:
    """The English word list, read once a process (0.2 s)."""
    return EnglishWords()


class Speller:
    """Corrects the question words of one generation's briefs."""

    def __init__(self, lexical: LexicalIndex, passages: Sequence[Passage], dictionary: EnglishWords) -> None:
        self._lexical = lexical
        self._passages = passages
        self._dictionary = dictionary
        self._frequency = np.diff(lexical.weights.indptr)  # passages holding each term
        self._by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)  # first letter, length
        for term in lexical.vocabulary:
            self._by_shape[term[:1], len(term)].append(term)

    def corrected(self, question: str) -> str:
        """The question with each slip replaced by the briefs' word; unchanged if it has none."""
        pieces, end, looked_up = [], 0, 0
        title_case = in_title_case(question)
        for match in _WORD.finditer(question):
            word = match.group(0)
            if (rest := _AFTER_APOSTROPHE.match(question, match.end())) and not tokens(word + rest.group(0)):
                continue  # a contracted stop word: "didn't", "Isn't"
            # Capitalised for opening a sentence only ("Whcih countries ...?"), or in a question in
            # Title Case: a word like any other, as names are read (index/names.py); any other
            # capital makes a name.
            before = question[: match.start()].rstrip()
            capitalised = title_case or not before or before[-1] in ".?!"
            plain = word[1:].islower() if capitalised else word.islower()
            stem = self._unknown_stem(word.lower()) if plain else None
            if stem is None:
                continue
            if looked_up == MOST_LOOKED_UP:  # gibberish: the rest stays as typed
                break
            looked_up += 1
            replacement = self._nearest(word.lower(), stem)
            if replacement:
                pieces += [
                    question[end : match.start()],
                    replacement.capitalize() if word[0].isupper() else replacement,
                ]
                end = match.end()
        return "".join(pieces) + question[end:] if pieces else question

    def _unknown_stem(self, lower: str) -> str | None:
        """The stem of a word that is neither an English word nor the briefs' (nor too short to
        tell, nor a place); None for any other word."""
        if len(lower) < _MIN_LENGTH or lower in STOP_WORDS or lower in _PLACES:
            return None
        if lower in self._dictionary or any(form in self._dictionary for form in american_forms(lower)):
            return None
        stems = tokens(lower)
        return stems[0] if stems and stems[0] not in self._lexical.vocabulary else None

    def _nearest(self, lower: str, stem: str) -> str | None:
        """The word an unknown word (`stem` its stem) stands for, or None."""
        term = self._closest_term(stem)
        if term:
            return self._surface(term)
        # Failing a word of the briefs near it: the English word near it, if the briefs hold that
        # ("signde" → "signed", whose stem "sign" is theirs) or it is a function word ("mnay").
        english = self._dictionary.correction(lower)
        if english and (english in _FUNCTION_WORDS or set(tokens(english)) & self._lexical.vocabulary.keys()):
            return english
        return None

    def _closest_term(self, stem: str) -> str | None:
        """The briefs' term within the slips allowed of `stem`, the commonest if several."""
        limit = 2 if len(stem) >= _LONG else 1
        candidates = [
            term
            for length in range(len(stem) - limit, len(stem) + limit + 1)
            for term in self._by_shape.get((stem[:1], length), ())
        ]
        if len(candidates) > SCAN_LIMIT:
            return None
        near = [term for term in candidates if _within(stem, term, limit)]
        return max(near, key=lambda term: self._frequency[self._lexical.vocabulary[term]], default=None)

    def _surface(self, term: str) -> str | None:
        """The word as a brief writes it: the first in the first passage holding `term`."""
        column = self._lexical.vocabulary[term]
        start, stop = self._lexical.weights.indptr[column : column + 2]
        for row in self._lexical.weights.indices[start:stop][:1]:
            for match in _WORD.finditer(self._passages[int(row)].text):
                if tokens(match.group(0)) == [term]:
                    return match.group(0).lower()
        return None


def _within(a: str, b: str, limit: int) -> bool:
    """At most `limit` edits apart, a swap of two neighbouring letters counting as one
    (optimal string alignment distance)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit
