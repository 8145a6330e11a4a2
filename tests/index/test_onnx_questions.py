"""The ONNX question backend: same vectors as torch, exported once, and torch when it cannot run."""

import json
import logging
from pathlib import Path

import numpy as np
import pytest

from index.embedding import SHORT_CALL
from index.errors import BriefbotError
from index.onnx_questions import check_exportable

QUESTIONS = ["Which countries mediated the talks?", "Who is Khawaja Asif?", "ceasefire " * 400]


@pytest.mark.model
def test_short_calls_on_onnx_match_long_calls_on_torch(real_embedder):
    assert real_embedder.backend == "onnx"
    on_onnx = real_embedder.embed_batch(QUESTIONS)  # at most SHORT_CALL texts: ONNX Runtime
    padded = QUESTIONS + ["filler text"] * SHORT_CALL  # more than SHORT_CALL: torch
    on_torch = real_embedder.embed_batch(padded)[: len(QUESTIONS)]
    assert on_onnx.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(on_onnx, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(on_onnx, on_torch, atol=1e-5)  # the 1,200-word one is truncated alike


@pytest.mark.model
def test_export_is_made_once_and_reused(real_embedder, tmp_path):
    first = real_embedder.with_backend("onnx", tmp_path)
    first.embed_batch(["warm"])
    (exported,) = tmp_path.glob("*/model.onnx")
    made = exported.stat().st_mtime_ns
    second = real_embedder.with_backend("onnx", tmp_path)
    np.testing.assert_allclose(second.embed_batch(QUESTIONS[:1]), first.embed_batch(QUESTIONS[:1]), atol=1e-6)
    assert exported.stat().st_mtime_ns == made
    assert [p.name for p in tmp_path.iterdir()] == [exported.parent.name]  # no half-written folders


@pytest.mark.model
def test_a_damaged_export_is_made_again(real_embedder, tmp_path, caplog):
    real_embedder.with_backend("onnx", tmp_path).embed_batch(["warm"])
    (exported,) = tmp_path.glob("*/model.onnx")
    exported.write_bytes(b"not an ONNX graph")
    embedder = real_embedder.with_backend("onnx", tmp_path)
    with caplog.at_level(logging.WARNING):
        vectors = embedder.embed_batch(QUESTIONS[:1])
    assert "exporting again" in caplog.text and embedder.backend == "onnx"
    assert exported.stat().st_size > 1000
    np.testing.assert_allclose(vectors, real_embedder.embed_batch(QUESTIONS[:1]), atol=1e-5)


@pytest.mark.model
def test_an_export_that_fails_leaves_questions_on_torch(real_embedder, tmp_path, caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the export folder should go")
    embedder = real_embedder.with_backend("onnx", blocked)
    with caplog.at_level(logging.WARNING):
        vectors = embedder.embed_batch(QUESTIONS[:2])
    assert embedder.backend == "torch"
    assert "ONNX backend unavailable" in caplog.text
    np.testing.assert_allclose(vectors, real_embedder.embed_batch(QUESTIONS[:2]), atol=1e-5)


def _model_folder(tmp_path: Path, pooling: dict, modules: list[str]) -> Path:
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    (folder / "modules.json").write_text(
        json.dumps(
            [
                {
                    "idx": i,
                    "name": str(i),
                    "path": "1_Pooling" if kind == "Pooling" else "",
                    "type": f"sentence_transformers.models.{kind}",
                }
                for i, kind in enumerate(modules)
            ]
        )
    )
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 128}))
    (folder / "tokenizer.json").write_text("{}")
    return folder


def test_mean_pooled_normalised_models_are_exportable(tmp_path):
    pooling = {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False}
    folder = _model_folder(tmp_path, pooling, ["Transformer", "Pooling", "Normalize"])
    assert check_exportable(folder) == 128


@pytest.mark.parametrize(
    ("pooling", "modules"),
    [
        ({"pooling_mode_cls_token": True}, ["Transformer", "Pooling", "Normalize"]),
        (
            {"pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": True},
            ["Transformer", "Pooling", "Normalize"],
        ),
        ({"pooling_mode_mean_tokens": True}, ["Transformer", "Pooling"]),  # not normalised
        ({"pooling_mode_mean_tokens": True}, ["Transformer", "Pooling", "Dense", "Normalize"]),
    ],
)
def test_other_pipelines_are_refused_with_a_reason(tmp_path, pooling, modules):
    with pytest.raises(BriefbotError, match="ONNX"):
        check_exportable(_model_folder(tmp_path, pooling, modules))
