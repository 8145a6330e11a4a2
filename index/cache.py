"""Embedding cache keyed by model and content hash: an unchanged text is never embedded twice."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.embedding import Embedder, Progress

SAVE_EVERY = 4096  # texts embedded between two writes to the cache


def _offset_progress(progress: Progress | None, offset: int, total: int) -> Progress | None:
    if progress is None:
        return None
    return lambda done, _chunk_total: progress(offset + done, total)


def text_key(model_name: str, text: str) -> str:
    return hashlib.sha256(f"{model_name}\0{text}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class CachedEmbedding:
    vectors: np.ndarray
    fresh: np.ndarray  # per text: True if the model embedded it in this call

    @property
    def embedded(self) -> int:
        return int(self.fresh.sum())

    @property
    def reused(self) -> int:
        return len(self.fresh) - self.embedded


class EmbeddingCache:
    """A SQLite file beside the generations; SQLite keeps it whole through a crash."""

    def __init__(self, path: Path) -> None:
        self._path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self._path, timeout=30)

    def get_many(self, keys: Sequence[str], dimension: int) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._connect() as db:
            for start in range(0, len(keys), 500):
                batch = list(keys[start : start + 500])
                marks = ",".join("?" * len(batch))
                for key, blob in db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", batch):
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (dimension,):
                        found[key] = vector
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._connect() as db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                [(key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items.items()],
            )

    def embed(
        self, embedder: Embedder, texts: Sequence[str], progress: Progress | None = None
    ) -> CachedEmbedding:
        """Vectors for `texts`, embedding only the texts the cache has not seen."""
        dimension = embedder.dimension
        keys = [text_key(embedder.model_name, text) for text in texts]
        known = self.get_many(list(dict.fromkeys(keys)), dimension)
        missing = list(dict.fromkeys(k for k in keys if k not in known))
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            # Longest first, in chunks that are saved as they are done: a reindex killed halfway
            # keeps what it embedded, and the next run starts from there.
            missing.sort(key=lambda k: -len(text_of[k]))
            for start in range(0, len(missing), SAVE_EVERY):
                chunk = missing[start : start + SAVE_EVERY]
                step = _offset_progress(progress, start, len(missing))
                new_items = dict(
                    zip(chunk, embedder.embed_batch([text_of[k] for k in chunk], step), strict=True)
                )
                self.put_many(new_items)
                known.update(new_items)
        vectors = np.zeros((len(texts), dimension), dtype=np.float32)
        for row, key in enumerate(keys):
            vectors[row] = known[key]
        missing_keys = set(missing)
        return CachedEmbedding(vectors, np.asarray([key in missing_keys for key in keys], dtype=bool))
