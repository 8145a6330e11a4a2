"""Late interaction: the best few passages re-ordered by how closely each word of the question is
matched somewhere in the passage, in the model's own contextual token vectors (MaxSim, as in
ColBERT, here with the sentence model's token outputs as they are). A sentence vector averages a
question's words together; token by token, "broker" still finds "mediated". Figures: README
"Quality".

Passage token vectors are made when a passage first reaches the head of a ranking and kept, keyed
by the passage text, in a bounded cache: storing them for a whole corpus would cost about 100 kB a
passage, a hundred times its passage vector."""

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
    def embed_tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text, the unit-length contextual vectors of its tokens, special tokens left out."""
        ...


def maxsim(question_tokens: np.ndarray, passage_tokens: np.ndarray) -> float:
    """The mean, over the question's tokens, of each one's best cosine with a passage token."""
    if not len(question_tokens) or not len(passage_tokens):
        return 0.0
    return float((question_tokens @ passage_tokens.T.astype(np.float32)).max(axis=1).mean())


class LateInteraction:
    """Token-level scores of passages for a question; thread-safe, shared by every question."""

    def __init__(self, embedder: TokenEmbedder, cache_bytes: int = CACHE_BYTES) -> None:
        self._embedder = embedder
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._held = 0
        self._lock = threading.Lock()

    def scores(self, question: str, passages: Sequence[str]) -> np.ndarray:
        question_tokens = self._embedder.embed_tokens([question])[0]
        return np.array([maxsim(question_tokens, p) for p in self._passage_tokens(passages)])

    def rescored(
        self, question: str, passages: Sequence[str], fused: np.ndarray, weight: float
    ) -> np.ndarray:
        """`fused` scores of `passages` with their token scores added at `weight`, both on the
        scale of the fused scores' spread (z-scores mixed, as the fusion mixes its signals)."""
        token = self.scores(question, passages)
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
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        if missing:
            text_of = dict(zip(keys, passages, strict=True))
            made = self._embedder.embed_tokens([text_of[k] for k in missing])
            made = [vectors.astype(np.float16) for vectors in made]  # half the memory, same ranking
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
