"""Shared fixtures: the sample corpus in a temporary folder, the fake embedder, the real model once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.engine import Engine
from tests.fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "docs_corpus"
SAMPLE_BRIEF_ID = "politact-fragile-truce-pakistan-afghanistan"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of docs_corpus/."""
    target = tmp_path / "corpus"
    shutil.copytree(SAMPLE_CORPUS, target)
    return target


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def fake_engine(corpus: Path, tmp_path: Path, fake_embedder: FakeEmbedder) -> Engine:
    engine = Engine(corpus, tmp_path / "index", fake_embedder, threshold=0.3)
    engine.reindex()
    return engine


@pytest.fixture(scope="session")
def real_embedder(tmp_path_factory):
    """The real model, loaded once for the whole run, with the product's default backend (ONNX
    for questions, exported once into a temporary folder)."""
    from index.embedding import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(backend="onnx", onnx_dir=tmp_path_factory.mktemp("models"))
    embedder.warm()
    return embedder


@pytest.fixture(scope="session")
def real_engine(real_embedder, tmp_path_factory) -> Engine:
    """The sample brief indexed with the real model, once for the whole run."""
    engine = Engine(SAMPLE_CORPUS, tmp_path_factory.mktemp("real-index"), real_embedder)
    engine.reindex()
    return engine
