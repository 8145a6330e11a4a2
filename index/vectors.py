"""FAISS indexes for passage and sentence vectors. Small corpora: both exact (flat) and both
searched. Above a size, where exact search gets slow and float32 vectors get big: passages in IVF
with 8-bit scalar quantisation, searched; sentences in a flat 8-bit store that is only read back
(see `search_units`)."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager

import faiss
import numpy as np

# From this many passages the indexes are approximate and compact. Measured by benchmarks/speed.py.
APPROXIMATE_FROM = 100_000
# Share of the lists searched per query, within bounds: IVF recall depends on how many lists are
# searched relative to how many there are (benchmarks/speed.py reports the recall). Smaller
# indexes need a larger share for the same recall: at 100k passages (632 lists) 63 probes found
# 0.896 of the exact top 10, 128 found 0.955 and 192 found 0.972, each under 3.5 ms; hence the floor.
SEARCH_SHARE = 0.10
MIN_NPROBE, MAX_NPROBE = 160, 256


def nprobe_for(nlist: int) -> int:
    return min(nlist, max(MIN_NPROBE, min(MAX_NPROBE, int(nlist * SEARCH_SHARE))))


def use_one_search_thread() -> None:
    """One question is one small search: OpenMP threads cost more than they save (measured 4x
    slower with 2 threads on 2 cores), and concurrent questions already run in parallel threads."""
    faiss.omp_set_num_threads(1)


use_one_search_thread()  # from the start; bulk work below takes every core only while it runs


@contextmanager
def _all_cores() -> Iterator[None]:
    """Training and filling an IVF index is bulk work: use every core while it runs."""
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    try:
        yield
    finally:
        use_one_search_thread()


def build_vector_index(vectors: np.ndarray, dimension: int, approximate: bool) -> faiss.Index:
    """Passage vectors: exact, or IVF-SQ8 when `approximate` (decided by Store.write from the
    passage count, APPROXIMATE_FROM)."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if not approximate or len(vectors) < 1000:
        index = faiss.IndexFlatIP(dimension)
        if len(vectors):
            index.add(vectors)
        return index
    nlist = int(min(max(2 * math.sqrt(len(vectors)), 64), 4096))
    quantizer = faiss.IndexFlatIP(dimension)
    index = faiss.IndexIVFScalarQuantizer(
        quantizer, dimension, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
    )
    sample = vectors[np.random.default_rng(0).permutation(len(vectors))[: min(len(vectors), nlist * 40)]]
    index.cp.niter = 10  # k-means passes: more cost minutes at a million vectors and gain little
    with _all_cores():
        index.train(sample)
        index.add(vectors)
    index.make_direct_map()  # rows can be read back for exact rescoring of candidates
    index.nprobe = nprobe_for(nlist)
    return index


def build_unit_store(vectors: np.ndarray, dimension: int, compact: bool) -> faiss.Index:
    """Sentence and clause vectors. Exact when small; else 8 bits per component and never searched,
    only read back to score the candidates' sentences: at a million passages a scan of the
    three million sentence vectors doubled a question's time, and the candidates it added over the
    passage and BM25 searches moved SciFact nDCG@10 by 0.0003 (README "Speed")."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if not compact or len(vectors) < 1000:
        return build_vector_index(vectors, dimension, approximate=False)
    index = faiss.IndexScalarQuantizer(dimension, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
    sample = vectors[np.random.default_rng(0).permutation(len(vectors))[:200_000]]
    with _all_cores():
        index.train(sample)  # each component's range
        index.add(vectors)
    return index


def prepare_loaded(index: faiss.Index) -> faiss.Index:
    """Settings that are not saved with an index."""
    ivf = faiss.try_extract_index_ivf(index) if not isinstance(index, faiss.IndexFlat) else None
    if ivf is not None:
        ivf.nprobe = nprobe_for(ivf.nlist)
        if ivf.direct_map.type == faiss.DirectMap.NoMap:
            ivf.make_direct_map()
    return index


def is_exact(index: faiss.Index) -> bool:
    return isinstance(faiss.downcast_index(index), faiss.IndexFlat)


def search_rows(
    index: faiss.Index, query: np.ndarray, k: int, admitted: np.ndarray | None = None
) -> np.ndarray:
    """Rows of the `k` vectors nearest to `query` (one row vector); with `admitted`, a mask over
    the rows, among those only: FAISS skips the others while it scans, at no extra cost."""
    k = min(k, index.ntotal)
    if admitted is None:
        _, rows = index.search(query, k)
    else:
        bitmap = np.packbits(admitted, bitorder="little")  # alive until the search returns
        selector = faiss.IDSelectorBitmap(len(admitted), faiss.swig_ptr(bitmap))
        ivf = None if is_exact(index) else faiss.try_extract_index_ivf(index)
        if ivf is not None:
            params = faiss.SearchParametersIVF(sel=selector, nprobe=ivf.nprobe)
        else:
            params = faiss.SearchParameters(sel=selector)
        _, rows = index.search(query, k, params=params)
    return rows[0][rows[0] >= 0]


class VectorRows:
    """Reading rows of an index back: a zero-copy view for flat indexes, decoding for the others."""

    def __init__(self, index: faiss.Index) -> None:
        self.index = faiss.downcast_index(index)
        self._view = None
        if isinstance(self.index, faiss.IndexFlat):
            if index.ntotal:
                self._view = faiss.rev_swig_ptr(self.index.get_xb(), index.ntotal * index.d).reshape(
                    index.ntotal, index.d
                )
            else:
                self._view = np.zeros((0, index.d), dtype=np.float32)

    def rows(self, ids: np.ndarray) -> np.ndarray:
        if self._view is not None:
            return self._view[ids]
        if len(ids) == 0:
            return np.zeros((0, self.index.d), dtype=np.float32)
        return self.index.reconstruct_batch(np.ascontiguousarray(ids, dtype=np.int64))
