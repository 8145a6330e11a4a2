"""A deterministic fake embedder: hashed bag of stemmed words, so shared words mean similarity."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from index.late_interaction import Tokens
from index.lexical import tokens


class FakeEmbedder:
    def __init__(self, dimension: int = 256, model_name: str = "fake-bow") -> None:
        self._dimension = dimension
        self._model_name = model_name
        self.embedded_texts: list[str] = []
        self.token_texts: list[str] = []

    @property
    def model_name(self) -> str:
        return self._model_name

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed_batch(self, texts: Sequence[str], progress=None) -> np.ndarray:
        self.embedded_texts.extend(texts)
        if progress:
            progress(len(texts), len(texts))
        return self._vectors(texts)

    def _vectors(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokens(text) or ["<empty>"]:
                vectors[row] += self._word_vector(token)
            norm = np.linalg.norm(vectors[row])
            if norm:
                vectors[row] /= norm
        return vectors

    def embed_with_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[Tokens]]:
        """The texts' vectors, and a token per word that is not a stop word: the sum of its
        stemmed words' vectors, so equal words match fully and others not at all."""
        self.token_texts.extend(texts)
        made = []
        for text in texts:
            vectors, spans = [], []
            for word in re.finditer(r"\S+", text):
                stemmed = tokens(word.group(0))
                vector = sum((self._word_vector(t) for t in stemmed), np.zeros(self._dimension))
                norm = np.linalg.norm(vector)
                if norm:  # two one-hot words of opposite signs on the same axis cancel out
                    vectors.append(vector / norm)
                    spans.append(word.span())
            made.append(
                Tokens(
                    np.array(vectors, dtype=np.float32).reshape(-1, self._dimension),
                    np.array(spans, dtype=np.int32).reshape(-1, 2),
                )
            )
        return self._vectors(texts), made

    def _word_vector(self, word: str) -> np.ndarray:
        digest = hashlib.md5(word.encode()).digest()
        vector = np.zeros(self._dimension, dtype=np.float32)
        vector[int.from_bytes(digest[:4], "little") % self._dimension] = 1.0 if digest[4] % 2 else -1.0
        return vector
