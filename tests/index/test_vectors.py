"""Vector indexes by size: exact and searched when small; above the threshold passages in IVF-SQ8
(searched) and sentences in a compact store that is only read back."""

from __future__ import annotations

import numpy as np

import index.search
from index.engine import Engine
from index.indexer import build_index
from index.models import SearchFilters
from index.vectors import VectorRows, build_unit_store, build_vector_index, is_exact, search_rows
from tests.fakes import FakeEmbedder


def unit_vectors(count: int, dimension: int = 32) -> np.ndarray:
    vectors = np.random.default_rng(7).normal(size=(count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_approximate_passage_index_finds_and_reads_back_its_vectors():
    vectors = unit_vectors(3000)
    index = build_vector_index(vectors, 32, approximate=True)
    assert not is_exact(index)
    _, found = index.search(vectors[:50], 1)
    assert (found[:, 0] == np.arange(50)).mean() >= 0.95
    rows = VectorRows(index).rows(np.array([5, 2999, 0]))
    assert np.abs(rows - vectors[[5, 2999, 0]]).max() < 0.02


def test_search_among_admitted_rows_only():
    vectors = unit_vectors(3000)
    admitted = np.zeros(3000, dtype=bool)
    admitted[1::7] = True
    query = vectors[:1]  # row 0 itself is not admitted
    exact = np.flatnonzero(admitted)[np.argsort(-(vectors[admitted] @ query[0]))[:10]]
    flat = build_vector_index(vectors, 32, approximate=False)
    assert list(search_rows(flat, query, 10, admitted)) == list(exact)
    approximate = build_vector_index(vectors, 32, approximate=True)
    found = search_rows(approximate, query, 10, admitted)
    assert len(found) == 10 and admitted[found].all()
    assert len(set(found) & set(exact)) >= 8
    assert search_rows(flat, query, 1)[0] == 0  # without a mask, every row


def test_compact_unit_store_reads_back_close_to_the_originals():
    vectors = unit_vectors(3000)
    store = build_unit_store(vectors, 32, compact=True)
    assert not is_exact(store) and store.ntotal == 3000
    rows = VectorRows(store).rows(np.arange(3000))
    assert np.abs(rows - vectors).max() < 0.02
    # 8 bits a component: a quarter of float32, the cosines barely move
    assert np.abs((rows * vectors).sum(axis=1) - 1).max() < 0.01


def test_small_or_exact_unit_store_is_a_flat_view():
    vectors = unit_vectors(500)
    for store in (build_unit_store(vectors, 32, compact=True), build_unit_store(vectors, 32, compact=False)):
        assert is_exact(store)
        assert np.array_equal(VectorRows(store).rows(np.array([3, 1])), vectors[[3, 1]])


def write_many_briefs(folder, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        paragraphs = [
            f"Report {number} paragraph {p} covers topic{number}x{p} with plain shared wording about talks."
            for p in range(1, 21)
        ]
        (folder / f"brief-{number:03}.md").write_text(
            f"---\ntitle: Brief {number}\n---\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )


def test_large_corpus_answers_without_searching_the_sentence_store(tmp_path):
    corpus = tmp_path / "corpus"
    write_many_briefs(corpus, 60)  # 1,200 passages, indexed as a large corpus would be
    build_index(corpus, tmp_path / "index", FakeEmbedder(), approximate=True)
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.1)
    generation = engine.generation
    assert len(generation.passages) == 1200
    assert not is_exact(generation.passage_index) and not is_exact(generation.unit_index)
    assert not generation.search_units
    answer = engine.ask("Which report covers topic42x7?", k=3)
    assert not answer.abstained
    first = answer.hits[0]
    assert (first.brief.brief_id, first.passage.paragraph) == ("brief-042", 7)
    assert "topic42x7" in first.best_sentence


def test_wide_filter_on_a_large_corpus_searches_only_what_it_admits(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    write_many_briefs(corpus, 60)
    build_index(corpus, tmp_path / "index", FakeEmbedder(), approximate=True)
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.1)
    monkeypatch.setattr(index.search, "EXACT_FILTERED_LIMIT", 0)  # as if 40 passages were many
    briefs = frozenset({"brief-007", "brief-042"})
    answer = engine.ask("Which report covers topic42x7?", k=5, filters=SearchFilters(brief_ids=briefs))
    assert (answer.hits[0].brief.brief_id, answer.hits[0].passage.paragraph) == ("brief-042", 7)
    assert {hit.brief.brief_id for hit in answer.hits} <= briefs
    elsewhere = engine.ask("Which report covers topic42x7?", filters=SearchFilters(brief_ids={"brief-007"}))
    assert {hit.brief.brief_id for hit in elsewhere.hits} <= {"brief-007"}


def test_small_corpus_searches_both_exact_indexes(fake_engine):
    generation = fake_engine.generation
    assert is_exact(generation.passage_index) and is_exact(generation.unit_index)
    assert generation.search_units
