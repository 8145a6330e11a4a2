"""Acronyms the briefs never write: "What is the IWT?" asks about the Indus Waters Treaty.

A reader shortens a name the briefs write in full ("IWT", "KP", "PM"); the acronym matches no
passage's words, and the model reads it as letters, so such a question abstained as naming
something the briefs never mention. An acronym of a question that no brief writes is read as the
capitalised name whose initials spell it ("Indus Waters Treaty", "Khyber Pakhtunkhwa",
"China-Pakistan Economic Corridor" for CPEC, "Court of Arbitration" for CoA), the one the briefs
write most often; the answer says how the question was read. One the gazetteer knows ("EU",
"UNSC") stays as typed, to be refused if no brief names that body; so does one nothing spells.

Asked what an acronym the briefs write stands for ("What does TTP stand for?", "Define CPEC"), the
engine shows first the passage that spells it out ("Tehreek-e-Taliban Pakistan (TTP)"), that
sentence marked: the passages using it, closer in meaning to the question, came first.

A brief spells an acronym out once and writes it short after ("Phase Two of CPEC"); BM25 reads the
short form alone, so "Which stage of the corridor project is Pakistan entering?" met the passage
spelling it out, not the one answering. Each passage writing an acronym its brief spells out
elsewhere has the long form added to the words BM25 reads of it (`with_long_forms`), not to the
text shown nor to what the model embeds: there it drew passages on the TTP to any question about
the Taliban or Pakistan (benchmarks/QUALITY.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from functools import cached_property, lru_cache

import numpy as np

from index.gazetteer import ARMED_GROUPS, ORGANISATIONS, STATES
from index.lexical import STOP_WORDS, LexicalIndex, tokens

# Two to six capitals, a lower-case "o" or "f" allowed inside ("CoA", "MoFA").
_ACRONYM = re.compile(r"\b[A-Z](?:[A-Z]|[a-z](?=[A-Z])){1,5}\b")
# Small words a name holds that its acronym may skip: "Court of Arbitration", "Lashkar e Taiba".
# Not "and" nor "in": "Islamabad and Kabul", "Besham in Khyber Pakhtunkhwa" are two names.
_CONNECTORS = "of|the|for|on|e|i|ul|ud|al"
# Between two capitals of a name: the next word, connectors aside, on the same line; or the next
# part of a hyphenated word, its lower-case parts aside ("China-Pakistan", "Tehreek-e-Taliban").
_NEXT = rf"(?:[ \t]+(?:(?:{_CONNECTORS})[ \t]+)*|-(?:[a-z]+-)*)"
_PART = r"[\w’']*"  # the rest of a word or of a hyphenated part
_SHORT = r"([a-z][a-z&]{1,7})"
_ASKS_EXPANSION = re.compile(
    rf"^what\s+(?:does|do|did)\s+(?:the\s+)?{_SHORT}\s+stands?\s+for$"
    rf"|^(?:define|expand|spell\s+out)\s+(?:the\s+)?{_SHORT}$"
    rf"|^what(?:'s|\s+is)\s+(?:the\s+)?(?:full\s+(?:form|name)|expansion|long\s+form)\s+of\s+(?:the\s+)?{_SHORT}$"
    rf"|^(?:the\s+)?{_SHORT}\s+(?:stands\s+for|full\s+form)$"
)
# "What is the TTP?", the acronym typed in capitals: the passage spelling it out says what it is
# ("Tehreek-e-Taliban Pakistan (TTP), which Islamabad designates as a terrorist organization").
_ASKS_WHAT_IT_IS = re.compile(r"^(?i:what(?:'s|\s+is|\s+are)\s+(?:the\s+)?)([A-Z]{2,8})$")
_REMEMBERED = 10_000  # acronyms looked up, kept for the next question that holds one
_KNOWN = frozenset(
    name
    for names in (STATES, ORGANISATIONS, ARMED_GROUPS)
    for full, others in names.items()
    for name in (full, *others)
    if name.isupper()
)


@lru_cache(maxsize=1024)  # questions may hold any acronym: keep the compiled patterns bounded
def _spelling(capitals: str) -> re.Pattern[str]:
    """The names whose capitals are `capitals`; a word of one letter is an initial, not a word of
    a name ("U.S.", "S. Jaishankar"). The first capital comes first, before the check that a word
    opens there, so that the regular expression engine skips ahead to that letter."""
    first = capitals[0]
    parts = _NEXT.join(rf"{capital}(?=[\w’']){_PART}" for capital in capitals[1:])
    return re.compile(rf"{first}(?<![\w’'-]{first})(?=[\w’']){_PART}{_NEXT}{parts}(?![\w’'-])")


class Acronyms:
    """Reads a question's unwritten acronyms as the names of one generation's briefs."""

    def __init__(self, texts: Sequence[str], vocabulary: Container[str], aliases: Iterable[str] = ()) -> None:
        """`vocabulary`, the briefs' terms (BM25's, not copied), and `aliases`, the actors' names'
        terms: an acronym made of them is written."""
        self._texts = texts
        self._vocabulary = vocabulary
        self._aliases = frozenset(aliases)
        self._names: dict[str, str | None] = {}

    def expanded(self, question: str) -> str:
        """The question with each acronym no brief writes replaced by the name it stands for;
        unchanged if it has none. A question typed in capitals is left as it is, but for one that
        is an acronym alone ("KP?")."""
        letters = [c for c in question if c.isalpha()]
        if sum(c.isupper() for c in letters) * 2 > len(letters) and len(question.split()) > 1:
            return question
        return _ACRONYM.sub(lambda match: self._name_for(match.group(0)) or match.group(0), question)

    def _name_for(self, acronym: str) -> str | None:
        if acronym in _KNOWN or all(t in self._vocabulary or t in self._aliases for t in tokens(acronym)):
            return None
        capitals = "".join(c for c in acronym if c.isupper())
        if capitals not in self._names:
            if len(self._names) >= _REMEMBERED:
                self._names.clear()
            self._names[capitals] = self._most_written(capitals)
        return self._names[capitals]

    def _most_written(self, capitals: str) -> str | None:
        """The name the briefs write most often with these capitals, the first written if several
        tie; not one opening on a small word capitalised to open a sentence ("During the Doha")."""
        pattern = _spelling(capitals)
        written: Counter[str] = Counter()
        for text in self._texts:
            # Overlapping too: "The Tehreek-e-Taliban" holds "Tehreek-e-Taliban" for "TT".
            match = pattern.search(text)
            while match:
                if match.group(0).split(None, 1)[0].lower() not in STOP_WORDS:
                    written[match.group(0)] += 1
                match = pattern.search(text, match.start() + 1)
        return written.most_common(1)[0][0] if written else None


def asked_expansion(question: str) -> str:
    """The acronym whose long form the question asks for, in capitals ("What does TTP stand
    for?", "define cpec", "What is the TTP?"); "" for any other question."""
    asked = " ".join(question.rstrip(" ?.!").split())
    if match := _ASKS_WHAT_IT_IS.search(asked):
        return match.group(1)
    match = _ASKS_EXPANSION.search(asked.lower())
    return next(group for group in match.groups() if group).upper() if match else ""


@lru_cache(maxsize=1024)
def _spelling_at_end(capitals: str) -> re.Pattern[str]:
    return re.compile(_spelling(capitals).pattern + "$")


_LONGEST_NAME = 200
_IN_BRACKETS = re.compile(r"\(\s*([A-Z](?:[A-Z]|[a-z](?=[A-Z])){1,5})\s*\)")


def long_forms(texts: Iterable[str]) -> dict[str, str]:
    """Each acronym the texts spell out, bracketed right after a name its capitals spell
    ("Tehreek-e-Taliban Pakistan (TTP)"), and that name; the first given if several are."""
    forms: dict[str, str] = {}
    for text in texts:
        for bracket in _IN_BRACKETS.finditer(text):
            acronym = bracket.group(1)
            if acronym in forms:
                continue
            # A name of six words at most, connectors and all, ends within this many characters.
            before = text[max(0, bracket.start() - _LONGEST_NAME) : bracket.start()].rstrip()
            capitals = "".join(c for c in acronym if c.isupper())
            # Most brackets follow no such name ("tumour necrosis factor (TNF)"): its last word
            # opens on the last capital, looked at before a pattern is compiled for it.
            if not re.split(r"[\s-]", before)[-1].startswith(capitals[-1]):
                continue
            # Anchored at the bracket: the name right before it, not one that opens earlier
            # ("The Tehreek-e-Taliban" would end before "Pakistan (TTP)").
            name = _spelling_at_end(capitals).search(before)
            # Not one opening on a small word capitalised to open a sentence ("The Taliban Pakistan").
            if name and name.group(0).split(None, 1)[0].lower() not in STOP_WORDS:
                forms[acronym] = name.group(0)
    return forms


def with_long_forms(texts: Sequence[str]) -> list[str]:
    """The texts of one brief, each writing an acronym the brief spells out but not its long form
    followed by that long form, for BM25 to read."""
    forms = long_forms(texts)
    if not forms:
        return list(texts)
    read = []
    for text in texts:
        written = dict.fromkeys(m.group(0) for m in _ACRONYM.finditer(text) if m.group(0) in forms)
        read.append(" ".join((text, *(forms[a] for a in written if forms[a] not in text))))
    return read


# A state's name names the state, even where a small corpus writes it only beside an acronym
# ("pressure from China" beside "CPEC").
_STATE_NAMES = frozenset(name.lower() for full, others in STATES.items() for name in (full, *others))


class ShortForms:
    """Names the briefs spell out once and write short after, read in a question as the acronym
    when it names them by a word the briefs write nowhere else ("the corridor project" → "the
    CPEC project", "Tehreek-e-Taliban" → "TTP").

    The model reads an acronym as letters, so "Which stage of the corridor project is Pakistan
    entering?" came closest to the passage spelling the name out ("participate in the
    China-Pakistan Economic Corridor (CPEC)"), not to the one answering ("As Pakistan enters
    Phase Two of CPEC"): six questions of the held-out sets. Asked with the acronym, the answer
    came first, and the questions about the corridor itself kept the passage spelling it out."""

    def __init__(self, texts: Sequence[str], lexical: LexicalIndex) -> None:
        self._texts = texts
        self._lexical = lexical

    def written_short(self, question: str) -> str:
        for pattern, acronym in self._patterns:
            question = pattern.sub(acronym, question)
        return question

    @cached_property
    def _patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """For each acronym spelt out whose long form opens or ends on a word written only where
        the acronym is, not a state's name, a run of its long form's words holding that word."""
        patterns = []
        for acronym, name in long_forms(self._texts).items():
            parts = [part for part in re.split(r"[\s-]+", name) if part]
            keys = [
                word
                for word in dict.fromkeys((parts[0], parts[-1]))
                if word.lower() not in _STATE_NAMES and self._only_with(word, acronym)
            ]
            if not keys:
                continue
            part = "|".join(re.escape(p) for p in sorted(set(parts), key=len, reverse=True))
            key = "|".join(re.escape(k) for k in keys)
            run = rf"(?<![\w’'-])(?:(?:{part})[\s-]+)*(?:{key})(?:[\s-]+(?:{part}))*(?![\w’'-])"
            patterns.append((re.compile(run, re.IGNORECASE), acronym))
        return patterns

    def _only_with(self, word: str, acronym: str) -> bool:
        """Whether every passage holding `word` holds `acronym` too: the word names nothing else
        (BM25 reads a long form into each passage writing its acronym: `with_long_forms`)."""
        word_terms, acronym_terms = tokens(word), tokens(acronym)
        if len(word_terms) != 1 or len(acronym_terms) != 1:
            return False
        holding = self._lexical.documents_holding(word_terms[0])
        with_acronym = self._lexical.documents_holding(acronym_terms[0])
        return bool(len(holding)) and bool(np.isin(holding, with_acronym).all())


def spells_out(text: str, acronym: str) -> int | None:
    """Where `text` gives an acronym's long form, its acronym in brackets after it
    ("Tehreek-e-Taliban Pakistan (TTP)"): the offset of the brackets; None if it does not."""
    match = re.search(rf"\(\s*{re.escape(acronym)}\s*\)", text)
    return match.start() if match else None
