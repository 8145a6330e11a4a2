"""Late interaction: the best few passages re-ordered by how closely each word of the question is
matched somewhere in the passage, in the model's own contextual token vectors (MaxSim, as in
ColBERT, here with the sentence model's token outputs as they are). A sentence vector averages a
question's words together; token by token, "Will anyone oversee whether the truce is being
respected?" still finds the monitoring and verification mechanism. Figures: README "Quality".

Passage token vectors are made when a passage first reaches the head of a ranking and kept, keyed
by the passage text, in a bounded cache: storing them for a whole corpus would cost about 100 kB a
passage, a hundred times its passage vector. A passage longer than the model's 256 tokens is
matched on its first 256, as its passage vector is (brief passages are cut at 220 words)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

# About 2,500 passages of a policy brief (~130 tokens of 384 float16 components each).
CACHE_BYTES = 256 * 1024 * 1024


@runtime_checkable
class TokenEmbedder(Protocol):
    def embed_with_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        """In one pass of the model: the texts' vectors (as embed_batch gives them) and, per text,
        the unit-length contextual vectors of its tokens, special tokens left out."""
        ...


def maxsim(question_tokens: np.ndarray, passages: Sequence[np.ndarray]) -> np.ndarray:
    """Per passage, the mean over the question's tokens of each one's best cosine with a token of
    the passage (0 for a passage without tokens). One product for all passages: a question asks
    about ten at a time, and per-passage products cost twice as much."""
    scores = np.zeros(len(passages), dtype=np.float32)
    present = [n for n, tokens in enumerate(passages) if len(tokens)]
    if not len(question_tokens) or not present:
        return scores
    lengths = np.array([len(passages[n]) for n in present])
    stacked = np.concatenate([passages[n] for n in present]).astype(np.float32)
    similarity = question_tokens @ stacked.T  # question tokens × every passage token
    best = np.maximum.reduceat(similarity, np.cumsum(lengths) - lengths, axis=1)
    scores[present] = best.mean(axis=0)
    return scores


class LateInteraction:
    """Token-level scores of passages for a question; thread-safe, shared by every question."""

    def __init__(self, embedder: TokenEmbedder, cache_bytes: int = CACHE_BYTES) -> None:
        self._embedder = embedder
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._held = 0
        self._lock = threading.Lock()  # guards the cache
        self._making = threading.Lock()

    def question_tokens(self, question: str) -> np.ndarray:
        return self._embedder.embed_with_tokens([question])[1][0]

    def scores(self, question_tokens: np.ndarray, passages: Sequence[str]) -> np.ndarray:
        return maxsim(question_tokens, self._passage_tokens(passages))

    def rescored(
        self, question_tokens: np.ndarray, passages: Sequence[str], fused: np.ndarray, weight: float
    ) -> np.ndarray:
        """`fused` scores of `passages` with their token scores added at `weight`, both on the
        scale of the fused scores' spread (z-scores mixed, as the fusion mixes its signals)."""
        token = self.scores(question_tokens, passages)
        spread, token_spread = float(fused.std()), float(token.std())
        if spread < 1e-9 or token_spread < 1e-9:
            return fused
        return fused + weight * spread * (token - token.mean()) / token_spread

    def _passage_tokens(self, passages: Sequence[str]) -> list[np.ndarray]:
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
                    made = [vectors.astype(np.float16) for vectors in made]  # half the memory
                    found.update(zip(missing, made, strict=True))
                    self._remember(dict(zip(missing, made, strict=True)))
        return [found[key] for key in keys]

    def _remember(self, made: dict[bytes, np.ndarray]) -> None:
        with self._lock:
            for key, vectors in made.items():
                if key not in self._cache:
                    self._cache[key] = vectors
                    self._held += vectors.nbytes
            while self._held > self._cache_bytes and self._cache:
                _, dropped = self._cache.popitem(last=False)
                self._held -= dropped.nbytes
