"""Late interaction: the best few passages re-ordered by how closely each word of the question is
matched somewhere in the passage, in the model's own contextual token vectors (MaxSim, as in
ColBERT, here with the sentence model's token outputs as they are). A sentence vector averages a
question's words together; token by token, "Will anyone oversee whether the truce is being
respected?" still finds the monitoring and verification mechanism. The same tokens, grouped by
sentence, mark each hit's best sentence. Each question token counts as much as its word is rare
among the passages (BM25's inverse document frequency, index/lexical.py): "Why is this truce seen
as a final chance?" is matched on "final" and "chance", which one passage answers in other words,
more than on "truce", which every passage shares, and not on "why is this". A passage's score is
half its own and half its best sentence's: a question is mostly answered by one sentence. Figures:
benchmarks/QUALITY.md.

Passage token vectors are made when a passage first reaches the head of a ranking and kept, keyed
by the passage text, in a bounded cache: storing them for a whole corpus would cost about 100 kB a
passage, a hundred times its passage vector. A passage longer than the model's 256 tokens is
matched on its first 256, as its passage vector is (brief passages are cut at 220 words)."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

# The share of a passage's token score that is its best sentence's (LateInteraction.scores): of
# 1,558 held-out questions, 1,399 right paragraphs first with none, 1,417 with half, 1,407 with
# all; SciFact train nDCG@10 0.7447 with none, 0.7473 with half (benchmarks/QUALITY.md).
SENTENCE_SHARE = 0.5
# About 2,500 passages of a policy brief (~130 tokens of 384 float16 components each).
CACHE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Tokens:
    """A text's contextual token vectors (unit rows, special tokens left out) and where each token
    lies in the text: character start and end, one row per token."""

    vectors: np.ndarray
    spans: np.ndarray

    @property
    def nbytes(self) -> int:
        return self.vectors.nbytes + self.spans.nbytes


@dataclass(frozen=True)
class QuestionTokens:
    """A question's token vectors (unit rows) and how much each counts in its score (weights
    summing to more than 0)."""

    vectors: np.ndarray
    weights: np.ndarray

    @classmethod
    def even(cls, vectors: np.ndarray) -> QuestionTokens:
        """Every token counting the same."""
        return cls(vectors, np.ones(len(vectors), dtype=np.float32))


# A word: letters and digits, with an apostrophe inside ("Pakistan's"); a hyphen parts two words,
# each weighing on its own ("India-Afghanistan").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def weighted(text: str, tokens: Tokens, word_weight: Callable[[str], float]) -> QuestionTokens:
    """`text`'s tokens, each weighted as the word it lies in (`word_weight`; the heavier, for a
    token across two); a token of no word (punctuation) counts for nothing. If no word weighs
    anything ("What is it?"), every token counts the same."""
    by_character = np.zeros(len(text) + 1, dtype=np.float32)  # the weight of each character's word
    for match in _WORD.finditer(text):
        by_character[match.start() : match.end()] = word_weight(match.group(0))
    weights = np.array(
        [by_character[start:end].max(initial=0.0) for start, end in tokens.spans], dtype=np.float32
    )
    if not weights.sum() > 0:
        return QuestionTokens.even(tokens.vectors)
    return QuestionTokens(tokens.vectors, weights)


@runtime_checkable
class TokenEmbedder(Protocol):
    def embed_with_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[Tokens]]:
        """In one pass of the model: the texts' vectors (as embed_batch gives them) and, per text,
        its tokens."""
        ...


def passage_and_sentence_maxsim(
    question: QuestionTokens, passages: Sequence[Tokens], sentence_spans: Sequence[Sequence[tuple[int, int]]]
) -> np.ndarray:
    """Per passage, MaxSim of the whole passage and of its best sentence (each sentence matched on
    its own tokens), mixed at SENTENCE_SHARE; a passage with no sentence within the model's reach
    scores as a whole alone, one without tokens 0. MaxSim: the weighted mean over the question's
    tokens of each one's best cosine with a token of the passage. One product for all passages and
    both scores: a question asks about ten at a time, and per-passage products cost twice as much."""
    lengths = np.array([len(tokens.vectors) for tokens in passages], dtype=np.int64)
    if not len(question.vectors) or not lengths.sum():
        return np.zeros(len(passages), dtype=np.float32)
    similarity = _similarity(question, [tokens.vectors for tokens in passages])
    whole = _whole_scores(question, similarity, lengths)
    best = whole.copy()
    passage, _, scores = _sentence_scores(question, similarity, passages, sentence_spans)
    by_passage = np.full(len(passages), -np.inf, dtype=np.float32)
    np.maximum.at(by_passage, passage, scores)
    reached = np.isfinite(by_passage)
    best[reached] = by_passage[reached]
    return SENTENCE_SHARE * best + (1 - SENTENCE_SHARE) * whole


def _sentence_scores(
    question: QuestionTokens,
    similarity: np.ndarray,
    passages: Sequence[Tokens],
    sentence_spans: Sequence[Sequence[tuple[int, int]]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """MaxSim of every sentence that has tokens, from the product of the question with all the
    passages' tokens in order (`similarity`), read run by run: the tokens of one sentence follow
    each other. As three arrays, one entry per such sentence: its passage, its number among that
    passage's `sentence_spans`, its score."""
    sentence = np.concatenate(
        [_sentence_of_tokens(tokens, spans) for tokens, spans in zip(passages, sentence_spans, strict=True)]
    )
    passage = np.repeat(np.arange(len(passages)), [len(tokens.vectors) for tokens in passages])
    kept = sentence >= 0  # a token of no sentence is left out of the sentences
    if not kept.any():
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    sentence, passage = sentence[kept], passage[kept]
    run_starts = np.flatnonzero(np.r_[True, (sentence[1:] != sentence[:-1]) | (passage[1:] != passage[:-1])])
    scores = _run_scores(question, similarity[:, kept], run_starts)
    return passage[run_starts], sentence[run_starts], scores


def _similarity(question: QuestionTokens, passages: Sequence[np.ndarray]) -> np.ndarray:
    """The question's tokens × every token of the passages, in order. The float16 tokens are
    widened once, which costs more than the product."""
    return question.vectors @ np.concatenate(passages).astype(np.float32).T


def _whole_scores(question: QuestionTokens, similarity: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """MaxSim of each passage from the product of every token, the passages `lengths` tokens
    long one after another (0 for a passage without tokens)."""
    scores = np.zeros(len(lengths), dtype=np.float32)
    present = lengths > 0
    scores[present] = _run_scores(question, similarity, (np.cumsum(lengths) - lengths)[present])
    return scores


def _run_scores(question: QuestionTokens, similarity: np.ndarray, run_starts: np.ndarray) -> np.ndarray:
    """For each run of columns of `similarity` (question tokens × passage tokens), starting at
    `run_starts`, the weighted mean of each question token's best cosine within it."""
    best = np.maximum.reduceat(similarity, run_starts, axis=1)
    return question.weights @ best / question.weights.sum()


def _sentence_of_tokens(tokens: Tokens, sentence_spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """For each token, the number of the sentence it lies within (-1: none)."""
    spans = np.asarray(sentence_spans, dtype=np.int64).reshape(-1, 2)
    if not len(spans):
        return np.full(len(tokens.spans), -1, dtype=np.int64)
    number = np.searchsorted(spans[:, 0], tokens.spans[:, 0], side="right") - 1
    inside = (number >= 0) & (tokens.spans[:, 1] <= spans[np.maximum(number, 0), 1])
    return np.where(inside, number, -1)


class LateInteraction:
    """Token-level scores of passages for a question; thread-safe, shared by every question."""

    def __init__(self, embedder: TokenEmbedder, cache_bytes: int = CACHE_BYTES) -> None:
        self._embedder = embedder
        self._cache: OrderedDict[bytes, Tokens] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._held = 0
        self._lock = threading.Lock()  # guards the cache
        self._making = threading.Lock()

    def question_tokens(self, question: str) -> Tokens:
        return self.question_vector_and_tokens(question)[1]

    def question_vector_and_tokens(self, question: str) -> tuple[np.ndarray, Tokens]:
        """A question's vector and tokens, from one pass of the model."""
        vectors, made = self._embedder.embed_with_tokens([question])
        return vectors[0], made[0]

    def scores(
        self,
        question: QuestionTokens,
        passages: Sequence[str],
        sentence_spans: Sequence[Sequence[tuple[int, int]]],
    ) -> np.ndarray:
        """Per passage, how closely its tokens match the question's: MaxSim of the whole passage
        and of its best sentence, mixed. A question is mostly answered by one sentence, and a
        passage that matches its words sentence by sentence, each somewhere else ("India" here,
        "closer" there), answers it less well than one that matches them in one sentence."""
        return passage_and_sentence_maxsim(question, self._passage_tokens(passages), sentence_spans)

    def best_sentence(
        self, question: QuestionTokens, passage: str, sentence_spans: Sequence[tuple[int, int]]
    ) -> int | None:
        """Which sentence of `passage` best matches the question, token by token, its tokens
        read in the context of the whole passage (no further pass of the model: the passage's
        tokens are those its ranking used); None if no sentence has a token (past the model's
        length)."""
        tokens = self._passage_tokens([passage])
        if not len(question.vectors) or not len(tokens[0].vectors):
            return None
        _, sentence, scores = _sentence_scores(
            question, _similarity(question, [tokens[0].vectors]), tokens, [sentence_spans]
        )
        return int(sentence[np.argmax(scores)]) if len(scores) else None

    def _passage_tokens(self, passages: Sequence[str]) -> list[Tokens]:
        keys = [hashlib.blake2b(text.encode(), digest_size=16).digest() for text in passages]
        with self._lock:
            found = {key: self._cache[key] for key in keys if key in self._cache}
            for key in found:
                self._cache.move_to_end(key)
        if len(found) < len(keys):
            # One thread makes token vectors at a time: questions arriving together mostly miss the
            # same passages, and each making them would multiply the work on a busy machine.
            with self._making:
                with self._lock:
                    found |= {key: self._cache[key] for key in keys if key in self._cache}
                missing = list(dict.fromkeys(k for k in keys if k not in found))
                if missing:
                    text_of = dict(zip(keys, passages, strict=True))
                    _, made = self._embedder.embed_with_tokens([text_of[k] for k in missing])
                    made = [  # half the memory, the same ranking
                        Tokens(t.vectors.astype(np.float16), t.spans.astype(np.int32)) for t in made
                    ]
                    found.update(zip(missing, made, strict=True))
                    self._remember(dict(zip(missing, made, strict=True)))
        return [found[key] for key in keys]

    def _remember(self, made: dict[bytes, Tokens]) -> None:
        with self._lock:
            for key, tokens in made.items():
                if key not in self._cache:
                    self._cache[key] = tokens
                    self._held += tokens.nbytes
            while self._held > self._cache_bytes and self._cache:
                _, dropped = self._cache.popitem(last=False)
                self._held -= dropped.nbytes
