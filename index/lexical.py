"""The lexical side of search: tokenising, light stemming and a BM25 matrix (SciPy sparse)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse

from index.synonyms import GROUPS

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
        "don",
        "shall",
        "may",
        "might",
        "must",
        "also",
        "upon",
        "whose",
    ]
)


# One form for words that policy prose writes several ways: demonyms and country names, British and
# American spellings, and a few exact synonyms. Measured with benchmarks/quality.py.
NORMAL_FORMS = {
    "pakistani": "pakistan",
    "pakistanis": "pakistan",
    "afghan": "afghanistan",
    "afghans": "afghanistan",
    "indian": "india",
    "indians": "india",
    "american": "usa",
    "americans": "usa",
    "america": "usa",
    "chinese": "china",
    "turkish": "turkiye",
    "turkey": "turkiye",
    "qatari": "qatar",
    "iranian": "iran",
    "russian": "russia",
    "israeli": "israel",
    "defence": "defense",
    "offence": "offense",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "behaviour": "behavior",
    "favour": "favor",
    "labour": "labor",
    "honour": "honor",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesmen": "spokesperson",
}
# A word of a question also meets the words of the briefs it begins or that begin it, over this
# many letters at least: the light stemmer leaves "mediators" as "mediator" and "mediated" as
# "mediat", "penalizes" as "penaliz" and "penalize" as it is.
SHARED_PREFIX = 6
_US = re.compile(r"\bUS\b")
_MULTIWORD = re.compile(r"\bu\.\s?s\.(?:a\.)?|\bunited states(?: of america)?\b")
# A word written in two that means what one word of a synonym group does (index/synonyms.py).
_GO_BETWEEN = re.compile(r"\bgo[- ]betweens?\b")


# Combining marks left by NFKD decomposition (accents of Latin, Greek and Cyrillic letters).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without accents or curly quotes: 'Türkiye’s' → "turkiye's"."""
    text = text.lower()
    if text.isascii():
        return text
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.replace("’", "'").replace("‘", "'")


def stem(word: str) -> str:
    """A light English stemmer: plurals, possessives and the commonest verb endings."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3:
        return word
    for suffix, replacement in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ly", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("sses", "xes", "zes", "ches", "shes")):
                continue  # "states" is "state" (its "s" goes below), not "stat" of "stated"
            return word[: len(word) - len(suffix)] + replacement
    return word


# A contraction's ending ("they're", "didn't", "I'm"): a stop word so shortened is one still. "'s"
# is "is" only after these ("what's", "who's"); after others a possessive ("the other's military").
_CONTRACTION = re.compile(r"(?:'re|'ve|'ll|'d|'m|n't)$")
_IS_CONTRACTED = {"who", "what", "where", "when", "why", "how", "it", "that", "there", "here", "he", "she"}
_NEGATIONS = {"won't": "will", "can't": "can", "shan't": "shall"}


def _is_stop_word(part: str) -> bool:
    """Whether a word is a stop word, or one contracted: "what's", "who're", "didn't", "won't"."""
    if part in STOP_WORDS or (part.endswith("'s") and part[:-2] in _IS_CONTRACTED):
        return True
    return _NEGATIONS.get(part, _CONTRACTION.sub("", part)) in STOP_WORDS


def tokens(text: str) -> list[str]:
    if not text.isupper():  # "US" is the country, unless all is in capitals ("TELL US")
        text = _US.sub(" usa ", text)
    words = []
    folded = _GO_BETWEEN.sub(" intermediary ", _MULTIWORD.sub(" usa ", fold(text)))
    for match in _WORD.finditer(folded):
        for part in match.group(0).split("-"):
            if part and not _is_stop_word(part):
                possessive = part.endswith("'s")
                base = part[:-2] if possessive else part
                words.append(NORMAL_FORMS.get(base) or stem(part))
    return words


# A word of the question's synonym group (index/synonyms.py) counts as much as the word itself.
SYNONYM_WEIGHT = 1.0


def synonym_root(term: str) -> str:
    """A term without the ending that tells the forms of one word of a synonym group apart:
    "mediat" (of "mediated"), "mediation" and "mediate" are all "mediat". Only "-ation" loses its
    "ion" ("contention" is no "content"), and no "or", "ity" or "ment" goes: an author is no
    authority, a governor no government, a successor no success."""
    for ending in ("ations", "ation"):
        if term.endswith(ending):
            return term[: len(term) - len(ending) + 2]
    if term.endswith("e") and len(term) > 4:
        return term[:-1]
    return term


def _group_roots() -> tuple[frozenset[str], ...]:
    """The synonym groups as roots of the lexical side's terms ("casualties" → "casualty")."""
    return tuple(
        frozenset(synonym_root(term) for word in group.split() for term in tokens(word)) for group in GROUPS
    )


SYNONYM_ROOTS = _group_roots()


def inverse_document_frequency(n_docs: int, df: np.ndarray) -> np.ndarray:
    """BM25's weight of a term held by `df` of `n_docs` documents."""
    return np.log1p((n_docs - df + 0.5) / (df + 0.5))


@dataclass
class LexicalIndex:
    """BM25 weights as a documents × terms CSC matrix; a query is a sum of columns."""

    vocabulary: dict[str, int]
    weights: sparse.csc_matrix

    @classmethod
    def build(cls, documents: Sequence[str], k1: float = 0.9, b: float = 0.4) -> LexicalIndex:
        vocabulary: dict[str, int] = {}
        rows, cols, counts = [], [], []
        lengths = np.zeros(len(documents), dtype=np.float32)
        for row, document in enumerate(documents):
            doc_tokens = tokens(document)
            lengths[row] = len(doc_tokens)
            tf: dict[int, int] = {}
            for token in doc_tokens:
                column = vocabulary.setdefault(token, len(vocabulary))
                tf[column] = tf.get(column, 0) + 1
            rows.extend([row] * len(tf))
            cols.extend(tf.keys())
            counts.extend(tf.values())
        shape = (len(documents), max(len(vocabulary), 1))
        tf_matrix = sparse.csr_matrix((np.asarray(counts, dtype=np.float32), (rows, cols)), shape=shape)
        n_docs = max(len(documents), 1)
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=shape[1]).astype(np.float32)
        idf = inverse_document_frequency(n_docs, df).astype(np.float32)
        average = float(lengths.mean()) if len(documents) else 1.0
        norm = k1 * (1 - b + b * lengths / max(average, 1e-6))
        tf_coo = tf_matrix.tocoo()
        data = tf_coo.data * (k1 + 1) / (tf_coo.data + norm[tf_coo.row]) * idf[tf_coo.col]
        weights = sparse.csc_matrix((data.astype(np.float32), (tf_coo.row, tf_coo.col)), shape=shape)
        return cls(vocabulary, weights)

    def holding_every_term(self, query: str) -> np.ndarray:
        """The documents that hold every term of `query`, each in any of its forms
        (SHARED_PREFIX) or as a synonym ("mediated" for "brokered"); none for a query without
        terms."""
        held: np.ndarray | None = None
        for term in dict.fromkeys(tokens(query)):
            columns = list(dict.fromkeys([*self._forms(term), *self._synonym_columns(term)]))
            rows = np.unique(self.weights[:, columns].indices) if columns else np.zeros(0, np.int32)
            held = rows if held is None else np.intersect1d(held, rows, assume_unique=True)
            if not len(held):
                break
        return np.zeros(0, dtype=np.int64) if held is None else held.astype(np.int64)

    def documents_holding(self, term: str) -> np.ndarray:
        """The documents that hold `term` as it is (none for a term no document holds)."""
        column = self.vocabulary.get(term)
        return np.zeros(0, dtype=np.int32) if column is None else self.weights[:, column].indices

    def _forms(self, term: str) -> list[int]:
        """The columns of `term` and of the terms it begins or that begin it (SHARED_PREFIX)."""
        forms = [term] if term in self.vocabulary else []
        if len(term) >= SHARED_PREFIX:
            terms = self._sorted_terms
            at = bisect_left(terms, term)
            while at < len(terms) and terms[at].startswith(term):
                forms.append(terms[at])
                at += 1
            forms.extend(term[:n] for n in range(SHARED_PREFIX, len(term)) if term[:n] in self.vocabulary)
        return [self.vocabulary[form] for form in dict.fromkeys(forms)]

    def word_weight(self, word: str) -> float:
        """How much one word of a question tells passages apart: the inverse document frequency
        BM25 gives its term (the highest for a word no passage holds; of its rarest, for a word
        read as several terms), 0 for a stop word."""
        terms = tokens(word)
        if not terms:
            return 0.0
        df = np.array(
            [self._document_frequency[self.vocabulary[t]] if t in self.vocabulary else 0 for t in terms]
        )
        return float(inverse_document_frequency(self.weights.shape[0], df).max())

    @cached_property
    def _document_frequency(self) -> np.ndarray:
        """Per term, how many documents hold it (each holds a term in one entry of its column)."""
        return np.diff(self.weights.indptr)

    @cached_property
    def _sorted_terms(self) -> list[str]:
        return sorted(self.vocabulary)

    def _synonym_columns(self, term: str) -> set[int]:
        """The columns of every word of `term`'s synonym groups, its own included, in any form."""
        root = synonym_root(term)
        return {
            column
            for group in SYNONYM_ROOTS
            if root in group
            for other in group
            for column in self._root_columns(other)
        }

    def _root_columns(self, root: str) -> list[int]:
        """The columns of the terms whose synonym root is `root`: itself, or it with the one
        ending synonym_root takes off."""
        forms = (root, root + "e", root + "ion", root + "ions")
        return [
            self.vocabulary[form] for form in forms if form in self.vocabulary and synonym_root(form) == root
        ]

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for `query`, each term counted once per document: its own
        weight there or, if higher, that of a word of its synonym groups in any form ("mediated"
        for "mediation" too) at SYNONYM_WEIGHT (zeros when no term is known)."""
        scores = np.zeros(self.weights.shape[0], dtype=np.float32)
        alone: list[int] = []  # the columns of terms in no synonym group, summed in one pass
        for term in dict.fromkeys(tokens(query)):
            own = self.vocabulary.get(term)
            synonyms = sorted(self._synonym_columns(term) - {own})
            if not synonyms:
                if own is not None:
                    alone.append(own)
                continue
            best = SYNONYM_WEIGHT * self.weights[:, synonyms].max(axis=1).toarray().ravel()
            if own is not None:
                best = np.maximum(best, self.weights[:, own].toarray().ravel())
            scores += best
        if alone:
            scores += np.asarray(self.weights[:, alone].sum(axis=1)).ravel()
        return scores
