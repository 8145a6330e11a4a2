"""The model exported to ONNX and run by ONNX Runtime, for short calls such as one question.

Measured by benchmarks/speed.py (backend): a single question takes about half the time it takes
through torch and sentence-transformers, whose per-call overhead dominates short inputs, and the
vectors are the same to float precision. Bulk indexing stays on torch, which is faster for
batches. The export runs once, offline, from the model already on disk, and is kept in the model
cache folder (BRIEFBOT_MODEL_CACHE_DIR); any failure leaves the caller on torch.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.errors import BriefbotError
from index.late_interaction import Tokens

EXPORT_VERSION = 1  # bump when the exported graph changes shape
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def check_exportable(model_path: Path) -> int:
    """The model's maximum sequence length, if its pipeline is transformer → mean pooling →
    normalise (what the ONNX side reproduces); otherwise a BriefbotError saying why not."""
    try:
        modules = json.loads((model_path / "modules.json").read_text(encoding="utf-8"))
        kinds = [module["type"].rsplit(".", 1)[-1] for module in modules]
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((model_path / pooling_dir / "config.json").read_text(encoding="utf-8"))
        config = json.loads((model_path / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, StopIteration) as error:
        raise BriefbotError(f"{model_path} is not a sentence-transformers folder ONNX can mirror") from error
    modes = {key for key, on in pooling.items() if key.startswith("pooling_mode_") and on}
    mean_only = modes == {"pooling_mode_mean_tokens"}
    if kinds != ["Transformer", "Pooling", "Normalize"] or not mean_only:
        raise BriefbotError(f"{model_path}: only transformer + mean pooling + normalise models run on ONNX")
    if not (model_path / "tokenizer.json").is_file():
        raise BriefbotError(f"{model_path} has no tokenizer.json")
    return int(config.get("max_seq_length") or 512)


def export_folder(cache_dir: Path, model_path: Path) -> Path:
    """Where the export of this model is kept: one folder per model folder and export version."""
    key = hashlib.sha256(f"{model_path.resolve()}\0{EXPORT_VERSION}".encode()).hexdigest()[:16]
    return cache_dir / f"{model_path.name}-{key}"


def export(transformer, tokenizer, target: Path) -> None:
    """Export a Hugging Face encoder with dynamic batch and sequence axes; published by renaming a
    finished folder, so a crash mid-export leaves nothing half-written behind."""
    import torch

    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        texts = ["a short text", "a slightly longer text for the export"]
        sample = tokenizer(texts, padding=True, return_tensors="pt")
        dynamic = {name: {0: "batch", 1: "sequence"} for name in (*INPUTS, "last_hidden_state")}
        # The exporter prints its progress and warns about ops it skips; stdout carries JSON for
        # the command line, and a user has nothing to act on in either.
        with _quiet_exporter(), torch.no_grad():
            torch.onnx.export(
                transformer.eval(),
                tuple(sample[name] for name in INPUTS),
                str(work / "model.onnx"),
                input_names=list(INPUTS),
                output_names=["last_hidden_state"],
                dynamic_axes=dynamic,
                opset_version=18,
                dynamo=True,
            )
        if not target.exists():  # else another process finished first: keep its export
            os.replace(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def _quiet_exporter():
    exporter_log = logging.getLogger("torch.onnx")
    level = exporter_log.level
    exporter_log.setLevel(logging.ERROR)
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        exporter_log.setLevel(level)


class OnnxEncoder:
    """Tokenise, run the graph, mean-pool over real tokens, normalise: sentence-transformers' steps."""

    def __init__(self, folder: Path, model_path: Path, max_length: int) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # warnings about unused initialisers are noise here
        # Idle threads must sleep, not spin: spinning starved torch (indexing, in the same process)
        # and made it several times slower in benchmarks/speed.py.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = [item.name for item in self._session.get_inputs()]

    def features(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The model's inputs for `texts`, padded to the longest and truncated as the model is."""
        return self._features(self._tokenizer.encode_batch(list(texts)))

    @staticmethod
    def _features(encoded) -> dict[str, np.ndarray]:
        ids = np.array([item.ids for item in encoded], dtype=np.int64)
        mask = np.array([item.attention_mask for item in encoded], dtype=np.int64)
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        feed = self.features(texts)
        return mean_pooled(self._hidden(feed), feed["attention_mask"])

    def encode_with_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[Tokens]]:
        """The texts' vectors and, per text, its tokens without the [CLS] and [SEP] markers, from
        one run of the graph."""
        encoded = self._tokenizer.encode_batch(list(texts))
        feed = self._features(encoded)
        hidden = self._hidden(feed)
        lengths = feed["attention_mask"].sum(axis=1)
        tokens = [
            Tokens(
                unit_rows(hidden[row, 1 : int(n) - 1]), np.array(item.offsets[1 : int(n) - 1]).reshape(-1, 2)
            )
            for row, (n, item) in enumerate(zip(lengths, encoded, strict=True))
        ]
        return mean_pooled(hidden, feed["attention_mask"]), tokens

    def _hidden(self, feed: dict[str, np.ndarray]) -> np.ndarray:
        return self._session.run(None, {name: feed[name] for name in self._inputs})[0]


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to unit length, as float32."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def mean_pooled(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Token vectors averaged over real (unpadded) tokens, then scaled to unit length."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    return unit_rows(pooled)
