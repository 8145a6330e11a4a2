import json

import pytest

from index.engine import Engine
from index.errors import IndexCorruptError, IndexMismatchError, IndexMissingError
from index.store import Store
from tests.fakes import FakeEmbedder


def current_folder(engine: Engine):
    return engine.store.generations_dir / engine.store.current_name()


def test_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(IndexMissingError, match="briefbot index"):
        Store(tmp_path / "none").load("fake-bow")


def test_other_model_is_refused_with_a_clear_message(fake_engine):
    with pytest.raises(IndexMismatchError, match="built with model 'fake-bow'.*'other'"):
        Store(fake_engine.index_dir).load("other")


def test_dimension_mismatch_is_refused(fake_engine):
    with pytest.raises(IndexMismatchError, match="dimensions"):
        Store(fake_engine.index_dir).load("fake-bow", dimension=384)


@pytest.mark.parametrize("file_name", ["passages.faiss", "units.faiss", "lexical.npz"])
def test_truncated_file_is_detected(fake_engine, file_name):
    path = current_folder(fake_engine) / file_name
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(IndexCorruptError, match=f"{file_name}.*--rebuild"):
        Store(fake_engine.index_dir).load("fake-bow")


def test_deleted_metadata_is_detected(fake_engine):
    (current_folder(fake_engine) / "passages.jsonl").unlink()
    with pytest.raises(IndexCorruptError, match="passages.jsonl is missing"):
        Store(fake_engine.index_dir).load("fake-bow")


def test_edited_manifest_is_detected(fake_engine):
    path = current_folder(fake_engine) / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["passages"] += 1
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexCorruptError, match="does not match its manifest"):
        Store(fake_engine.index_dir).load("fake-bow")
    path.write_text("{ not json")
    with pytest.raises(IndexCorruptError, match="unreadable"):
        Store(fake_engine.index_dir).load("fake-bow")


def test_rebuild_recovers_a_corrupt_index(fake_engine, corpus):
    (current_folder(fake_engine) / "passages.faiss").write_bytes(b"garbage")
    engine = Engine(corpus, fake_engine.index_dir, FakeEmbedder())
    report = engine.reindex()  # a broken index counts as none: everything is rebuilt
    assert report.published and len(report.added) == 1
    assert report.reused == 13  # vectors come back from the embedding cache
    assert len(engine.generation.passages) == 13


def test_start_up_rebuilds_a_corrupt_index_by_itself(fake_engine, corpus):
    (current_folder(fake_engine) / "units.faiss").write_bytes(b"truncated")
    engine = Engine(corpus, fake_engine.index_dir, FakeEmbedder())  # as `briefbot run` or `ask` start
    report = engine.ensure_index()
    assert report is not None and report.notes[0].startswith("rebuilt the index from the embedding cache:")
    assert "units.faiss" in report.notes[0] and "--rebuild" not in report.notes[0]  # done, not advised
    assert report.embedded == 0  # everything came back from the embedding cache
    assert len(engine.generation.passages) == 13
    assert engine.ensure_index() is None  # healthy now: nothing to do
