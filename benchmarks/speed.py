"""Speed and scale, each figure beside its baseline measured in the same run.

    .venv/bin/python -m benchmarks.speed
        [--only indexing,latency,quantised,backend,late,spelling,startup,load]
        [--briefs 1000] [--sizes 10000,100000,1000000]

indexing   full `briefbot index` of N briefs built from SciFact abstracts vs bare
           SentenceTransformer.encode over exactly the same texts; then one brief changed.
latency    question latency (engine only, warm) at each size: real query vectors, synthetic
           passage vectors drawn around real ones, the real load and search path, each size in a
           fresh process (peak RSS is that process's); approximate vs exact recall@10; and with a
           filter admitting two briefs in five.
quantised  SciFact train nDCG@10 with the exact float32 indexes vs the large-corpus kind (passages
           in IVF + 8-bit scalar quantisation, sentences in an 8-bit store, not searched).
backend    question embedding on torch vs ONNX Runtime (float32, and int8 dynamically quantised):
           one-question latency, batch throughput, and SciFact train nDCG@10 with questions
           embedded one at a time by each backend (documents by torch, as in the product).
late       what late interaction adds to a question (engine.ask, ONNX questions) on the sample
           brief and on SciFact train: off, on with a cold passage-token cache, and warm.
spelling   what reading typing slips adds to a question: the check alone, on questions as
           written and with a slip, over the sample brief's words and SciFact train's; and what
           reading unwritten acronyms adds (as written, and an acronym looked up cold), and
           states' names no brief writes (read as an index loads, then a question).
startup    `briefbot run` to ready against the local fake Discord; first question vs tenth.
load       50 questions sent at once through the fake Discord; interaction-to-reply latency.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SCIFACT = ROOT.parent / "shared" / "datasets" / "scifact-train"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def scifact_documents(limit: int | None = None) -> list[dict]:
    rows = []
    with gzip.open(SCIFACT / "corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def peak_rss_gb() -> float:
    """This process's peak resident memory. Not getrusage: Linux carries ru_maxrss over from the
    parent through fork and exec, so a child would report the builder's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024**2
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


# -- 1 and 2: indexing ------------------------------------------------------------------------
def bench_indexing(briefs: int) -> None:
    from index.chunking import passages_of
    from index.corpus import scan_corpus
    from index.embedding import SentenceTransformerEmbedder
    from index.indexer import _evidence_units, build_index

    folder = Path(tempfile.mkdtemp(prefix="briefbot-speed-"))
    corpus = folder / "corpus"
    corpus.mkdir()
    for row in scifact_documents(briefs):
        title = row["title"].replace('"', "'")
        (corpus / f"doc-{row['_id']}.md").write_text(f'---\ntitle: "{title}"\n---\n\n{row["text"]}\n')
    scan = scan_corpus(corpus)
    passages = [p for brief in scan.briefs for p in passages_of(brief)]
    units, _, _ = _evidence_units(passages)
    texts = [p.text for p in passages] + units
    embedder = SentenceTransformerEmbedder()
    embedder.warm()
    model = embedder._loaded()

    started = time.perf_counter()
    model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    bare = time.perf_counter() - started

    started = time.perf_counter()
    report = build_index(corpus, folder / "index", embedder)
    full = time.perf_counter() - started

    print(
        f"\n[indexing] {len(scan.briefs)} briefs, {len(passages)} passages + {len(units)} sentences "
        f"and clauses = {len(texts)} texts"
    )
    print(f"  bare SentenceTransformer.encode: {bare:7.1f} s  {len(texts) / bare:7.1f} texts/s")
    print(
        f"  briefbot index (full):           {full:7.1f} s  {len(texts) / full:7.1f} texts/s  "
        f"= {bare / full:.2f} of the bare model"
    )

    target = sorted(corpus.glob("*.md"))[len(scan.briefs) // 2]
    target.write_text(target.read_text().replace("\n\n", "\n\nA new opening sentence.\n\n", 1))
    started = time.perf_counter()
    incremental = build_index(corpus, folder / "index", embedder)
    seconds = time.perf_counter() - started
    print(
        f"  one brief changed, briefbot index: {seconds:.2f} s = {seconds / full:.1%} of the full build; "
        f"{incremental.embedded} passage(s) embedded, {incremental.reused} reused; changed "
        f"{list(incremental.changed)}"
    )
    assert report.passages == len(passages)
    shutil.rmtree(folder, ignore_errors=True)


# -- 3 and 4: latency, memory, approximate search ----------------------------------------------
UNITS_PER_PASSAGE = 3


def _real_vectors(count: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Real sentence vectors of SciFact (units) and query vectors, from the eval index if built."""
    from index.beir import load_beir
    from index.embedding import SentenceTransformerEmbedder
    from index.engine import Engine
    from index.indexer import build_index

    dataset = load_beir(SCIFACT, "train")
    index_dir = ROOT / ".briefbot" / "eval" / "scifact-train"
    embedder = SentenceTransformerEmbedder()
    build_index(SCIFACT, index_dir, embedder, scan=dataset.as_scan(), split_long=False)
    generation = Engine(SCIFACT, index_dir, embedder).generation
    units = generation.unit_rows(np.arange(generation.unit_index.ntotal))
    sentences = [s for p in generation.passages for s in p.sentences()]
    questions = list(dataset.queries.values())[:count]
    return units, embedder.embed_batch(questions), sentences


def build_synthetic(size: int, folder: Path) -> dict:
    """A generation of `size` passages on disk: vectors drawn around real ones, real sentences."""
    from index.actors import ActorIndex
    from index.lexical import LexicalIndex
    from index.models import BriefMeta, Passage
    from index.sentences import sentence_spans
    from index.store import Store, StoredBrief
    from index.vectors import build_vector_index

    units, queries, sentences = _real_vectors(200)
    rng = np.random.default_rng(size)
    n_units = size * UNITS_PER_PASSAGE

    def around_real(count: int) -> np.ndarray:
        out = np.empty((count, units.shape[1]), dtype=np.float32)
        for start in range(0, count, 200_000):
            stop = min(start + 200_000, count)
            base = units[rng.integers(0, len(units), stop - start)]
            noisy = base + rng.normal(0, 0.03, base.shape).astype(np.float32)
            out[start:stop] = noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
        return out

    unit_vectors = around_real(n_units)
    passage_vectors = unit_vectors.reshape(size, UNITS_PER_PASSAGE, -1).mean(axis=1)
    passage_vectors /= np.linalg.norm(passage_vectors, axis=1, keepdims=True)
    per_brief = 20
    texts = [" ".join(sentences[i] for i in rng.integers(0, len(sentences), 2)) for _ in range(size)]
    passages = [
        Passage(
            f"b{row // per_brief}#{row % per_brief + 1}",
            f"b{row // per_brief}",
            None,
            row % per_brief + 1,
            text,
            sentence_spans(text),
        )
        for row, text in enumerate(texts)
    ]
    briefs = [
        StoredBrief(BriefMeta(f"b{i}", f"Brief {i}"), "", (), per_brief)
        for i in range((size + per_brief - 1) // per_brief)
    ]
    started = time.perf_counter()
    exact_check = None
    if size >= 100_000:
        flat = build_vector_index(passage_vectors, passage_vectors.shape[1], approximate=False)
        _, exact_check = flat.search(queries, 10)
        del flat
    store = Store(folder)
    store.write(
        model="all-MiniLM-L6-v2",
        dimension=unit_vectors.shape[1],
        briefs=briefs,
        passages=passages,
        passage_vectors=passage_vectors,
        unit_vectors=unit_vectors,
        unit_owner=np.repeat(np.arange(size, dtype=np.int32), UNITS_PER_PASSAGE),
        unit_sentence=np.zeros(n_units, dtype=np.int32),
        lexical=LexicalIndex.build(texts),
        actors=ActorIndex({}, [], []),
    )
    build_seconds = time.perf_counter() - started
    np.save(folder / "queries.npy", queries)
    if exact_check is not None:
        np.save(folder / "exact_top10.npy", exact_check)
    return {"build_seconds": build_seconds}


def measure_latency(folder: Path) -> dict:
    """Run in a fresh process: load the generation, answer the queries, report."""
    from index.answering import Answerer
    from index.models import SearchFilters
    from index.search import FusionWeights, Query, Searcher
    from index.store import Store
    from index.vectors import is_exact

    generation = Store(folder).load("all-MiniLM-L6-v2")
    queries = np.load(folder / "queries.npy")
    searcher = Answerer(Searcher(generation))
    without_feedback = Answerer(Searcher(generation, FusionWeights(feedback=0.0)))
    for vector in queries[:5]:
        searcher.answer(Query("warm up", vector), 3, 0.0)
    times, times_without = [], []
    question = "What is the effect of the treatment on patients?"
    for vector in queries:  # interleaved, so that machine noise falls on both alike
        for which, timings in ((searcher, times), (without_feedback, times_without)):
            started = time.perf_counter()
            which.answer(Query(question, vector), 3, 0.0)
            timings.append((time.perf_counter() - started) * 1000)
    # A wide filter (two briefs in five, as `/ask` with a date range might admit): the searches
    # are restricted to the passages it admits.
    two_in_five = [brief for number, brief in enumerate(generation.briefs) if number % 5 < 2]
    admitted = SearchFilters(brief_ids=frozenset(two_in_five))
    filtered = []
    for vector in queries:
        started = time.perf_counter()
        searcher.answer(Query(question, vector, admitted), 3, 0.0)
        filtered.append((time.perf_counter() - started) * 1000)
    result = {
        "p50_ms": percentile(times, 50),
        "p50_filtered_ms": percentile(filtered, 50),
        "p95_ms": percentile(times, 95),
        "p50_without_feedback_ms": percentile(times_without, 50),
        "passage_index_exact": is_exact(generation.passage_index),
        "unit_index_exact": is_exact(generation.unit_index),
        "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2,
    }
    exact_path = folder / "exact_top10.npy"
    if exact_path.exists() and not is_exact(generation.passage_index):
        exact = np.load(exact_path)
        _, approx = generation.passage_index.search(queries, 10)
        overlap = [len(set(a) & set(e)) / 10 for a, e in zip(approx, exact, strict=True)]
        result["recall_at_10"] = float(np.mean(overlap))
    return result


def _child(*args: str) -> dict:
    """Run a step of this script in a fresh process and return the JSON it prints last. Building
    and measuring both happen in children of this small process: on Linux a child forked from a
    process holding gigabytes reports a peak memory it never used itself."""
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.speed", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def question_embedding_times(backend: str = "onnx") -> list[float]:
    from index.embedding import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(backend=backend, onnx_dir=ROOT / ".briefbot" / "models")
    embedder.warm()
    times = []
    for number in range(50):
        started = time.perf_counter()
        embedder.embed_batch([f"Which countries mediated the talks, take {number}?"])
        times.append((time.perf_counter() - started) * 1000)
    return times


def bench_latency(sizes: list[int]) -> None:
    rows = []
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"briefbot-{size}-"))
        built = _child("--build", str(size), str(folder))
        rows.append((size, built, _child("--measure", str(folder))))
        shutil.rmtree(folder, ignore_errors=True)
    # Last: the model must not sit in the parent's memory while the children measure theirs.
    torch_times, embed_times = question_embedding_times("torch"), question_embedding_times("onnx")
    print(
        f"\n[latency] embedding one question (ONNX backend, the default): p50 "
        f"{percentile(embed_times, 50):.1f} ms, p95 {percentile(embed_times, 95):.1f} ms (the same for "
        f"every size; torch: p50 {percentile(torch_times, 50):.1f} ms)"
    )
    print(
        f"  {'passages':>10} {'units':>10} {'index':>22} {'build s':>8} {'search p50':>11} {'p95':>7} "
        f"{'ask p50':>8} {'recall@10':>9} {'peak RSS':>9} {'no-feedback p50':>15} {'filtered p50':>12}"
    )
    for size, built, result in rows:
        kind = (
            ("exact" if result["passage_index_exact"] else "IVF-SQ8")
            + " / "
            + ("exact" if result["unit_index_exact"] else "SQ8, read only")
        )
        recall = f"{result['recall_at_10']:.3f}" if "recall_at_10" in result else "exact"
        print(
            f"  {size:>10,} {size * UNITS_PER_PASSAGE:>10,} {kind:>22} {built['build_seconds']:>8.0f} "
            f"{result['p50_ms']:>8.1f} ms {result['p95_ms']:>7.1f} "
            f"{result['p50_ms'] + percentile(embed_times, 50):>8.1f} {recall:>9} "
            f"{result['peak_rss_gb']:>6.2f} GB {result['p50_without_feedback_ms']:>12.1f} ms "
            f"{result['p50_filtered_ms']:>9.1f} ms"
        )


# -- 4: quality cost of quantisation -------------------------------------------------------------
def bench_quantised() -> None:
    from index.beir import evaluate, load_beir
    from index.embedding import SentenceTransformerEmbedder
    from index.engine import Engine
    from index.indexer import build_index
    from index.search import FusionWeights, Retriever

    dataset = load_beir(SCIFACT, "train")
    embedder = SentenceTransformerEmbedder()
    cache_dir = ROOT / ".briefbot" / "eval" / "scifact-train"  # the embeddings, made once
    build_index(SCIFACT, cache_dir, embedder, scan=dataset.as_scan(), split_long=False)
    # Both kinds forced: SciFact (5,183 passages) is below the size where the engine switches.
    with tempfile.TemporaryDirectory() as exact, tempfile.TemporaryDirectory() as approximate:
        exact_dir, folder = Path(exact), Path(approximate)
        for index_dir, forced in ((exact_dir, False), (folder, True)):
            shutil.copy(cache_dir / "embeddings.sqlite", index_dir / "embeddings.sqlite")
            build_index(
                SCIFACT, index_dir, embedder, scan=dataset.as_scan(), split_long=False, approximate=forced
            )
        # Without late interaction: it re-orders the heads these searches find, whichever kind.
        print("\n[quantised] SciFact train, fused retriever without late interaction")
        for label, index_dir in (("exact float32", exact_dir), ("IVF-SQ8 / SQ8", folder)):
            engine = Engine(SCIFACT, index_dir, embedder, weights=FusionWeights(late_weight=0.0))
            result = evaluate(engine, dataset, Retriever.FUSED)
            published = index_dir / "generations" / engine.generation.name  # not older ones kept
            size = sum(f.stat().st_size for f in published.glob("*.faiss")) / 1024**2
            print(
                f"  {label:14} nDCG@10 {result.ndcg_at_10:.4f}  Recall@100 {result.recall_at_100:.4f}  "
                f"vector files {size:6.1f} MB"
            )


# -- 7: embedding backend -----------------------------------------------------------------------
class _OneAtATime:
    """Questions embedded one call each, as the bot embeds them, so short-call routing applies."""

    def __init__(self, embed_one, inner) -> None:
        self._embed_one, self._inner = embed_one, inner
        self.model_name, self.dimension = inner.model_name, inner.dimension

    def embed_batch(self, texts, progress=None):
        return np.vstack([self._embed_one([text]) for text in texts])


def _openvino_encoder(onnx_file: Path, like):
    """OpenVINO reading the same ONNX export, if it is installed (it is not a dependency); the
    tokenising and pooling are the ONNX encoder `like`'s."""
    from index import onnx_questions

    try:
        import openvino
    except ImportError:
        print("\n[backend] OpenVINO not installed: its row is left out (pip install openvino)")
        return None
    compiled = openvino.Core().compile_model(str(onnx_file), "CPU", {"PERFORMANCE_HINT": "LATENCY"})
    request = compiled.create_infer_request()
    names = [port.get_any_name() for port in compiled.inputs]

    def encode(texts):
        feed = like.features(texts)
        hidden = request.infer({name: feed[name] for name in names})[compiled.outputs[0]]
        return onnx_questions.mean_pooled(hidden, feed["attention_mask"])

    return encode


def bench_backend() -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from index import onnx_questions
    from index.beir import evaluate, load_beir
    from index.embedding import SentenceTransformerEmbedder, _resolve_model_path
    from index.engine import Engine
    from index.indexer import build_index
    from index.search import FusionWeights, Retriever

    torch_embedder = SentenceTransformerEmbedder()
    onnx_embedder = SentenceTransformerEmbedder(backend="onnx", onnx_dir=ROOT / ".briefbot" / "models")
    onnx_embedder.warm()
    if onnx_embedder.backend != "onnx":
        print("\n[backend] ONNX backend unavailable (see the warning above)")
        return
    model_path = Path(_resolve_model_path(torch_embedder.model_name))
    exported = onnx_questions.export_folder(ROOT / ".briefbot" / "models", model_path)
    quantised_dir = Path(tempfile.mkdtemp(prefix="briefbot-q8-"))
    quantize_dynamic(exported / "model.onnx", quantised_dir / "model.onnx", weight_type=QuantType.QInt8)
    quantised = onnx_questions.OnnxEncoder(quantised_dir, model_path, 256)
    fp32 = onnx_questions.OnnxEncoder(exported, model_path, 256)
    encoders = {
        "torch (sentence-transformers)": lambda texts: torch_embedder._loaded().encode(
            list(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        ),
        "ONNX Runtime float32": fp32.encode,
        "ONNX Runtime int8 (dynamic)": quantised.encode,
    }
    openvino = _openvino_encoder(exported / "model.onnx", fp32)
    if openvino is not None:
        encoders["OpenVINO (same export)"] = openvino
    dataset = load_beir(SCIFACT, "train")
    questions = list(dataset.queries.values())
    documents = sorted((f"{t} {x}" for t, x in list(dataset.documents.values())[:512]), key=len)
    index_dir = ROOT / ".briefbot" / "eval" / "scifact-train"
    build_index(SCIFACT, index_dir, torch_embedder, scan=dataset.as_scan(), split_long=False)
    reference = encoders["torch (sentence-transformers)"](questions[:200])
    times: dict[str, list[float]] = {name: [] for name in encoders}
    # In rounds of 20 questions per backend, so that machine noise falls on every backend alike
    # while each still runs as it would alone (warm caches, no other runtime's threads in the way).
    for start in range(0, 200, 20):
        for name, encode in encoders.items():
            for question in questions[start : start + 20]:
                started = time.perf_counter()
                encode([question])
                times[name].append((time.perf_counter() - started) * 1000)
    print(
        f"\n[backend] question embedding, 200 SciFact questions one at a time; batch/s over "
        f"{len(documents)} abstracts; nDCG@10 of the fused retriever (without late interaction) "
        "on SciFact train"
    )
    print(
        f"  {'backend':30} {'p50 ms':>7} {'p95 ms':>7} {'speed-up':>8} {'batch/s':>8} "
        f"{'cosine':>7} {'nDCG@10':>8}"
    )
    base = percentile(times["torch (sentence-transformers)"], 50)
    for name, encode in encoders.items():
        started = time.perf_counter()
        for start in range(0, len(documents), 32):
            encode(documents[start : start + 32])
        per_s = len(documents) / (time.perf_counter() - started)
        cosine = float(np.mean(np.sum(encode(questions[:200]) * reference, axis=1)))
        engine = Engine(
            SCIFACT, index_dir, _OneAtATime(encode, torch_embedder), weights=FusionWeights(late_weight=0.0)
        )
        ndcg = evaluate(engine, dataset, Retriever.FUSED).ndcg_at_10
        p50 = percentile(times[name], 50)
        print(
            f"  {name:30} {p50:7.2f} {percentile(times[name], 95):7.2f} {base / p50:7.2f}x "
            f"{per_s:8.1f} {cosine:7.4f} {ndcg:8.4f}"
        )
    shutil.rmtree(quantised_dir, ignore_errors=True)


def _scifact_indexed():
    """The product's embedder (ONNX questions), SciFact train, and the folder of its index, built
    or brought up to date there."""
    from index.beir import load_beir
    from index.embedding import SentenceTransformerEmbedder
    from index.indexer import build_index

    embedder = SentenceTransformerEmbedder(backend="onnx", onnx_dir=ROOT / ".briefbot" / "models")
    dataset = load_beir(SCIFACT, "train")
    scifact_dir = ROOT / ".briefbot" / "eval" / "scifact-train"
    build_index(SCIFACT, scifact_dir, embedder, scan=dataset.as_scan(), split_long=False)
    return embedder, dataset, scifact_dir


def _sample_and_scifact(
    folder: Path, brief_questions: list[str], scifact_dir: Path, claims: list[str]
) -> dict[str, tuple[Path, Path, list[str]]]:
    """The two corpora a per-question figure is measured on, by name: the sample brief indexed in
    `folder` with its questions, SciFact train with `claims`."""
    return {
        f"sample brief, {len(brief_questions)} questions": (ROOT / "docs_corpus", folder, brief_questions),
        f"SciFact train, {len(claims)} claims": (SCIFACT, scifact_dir, claims),
    }


def bench_late() -> None:
    """What late interaction adds to a question, through the engine as the bot runs it (questions
    on ONNX): off, on with a cold passage-token cache (each question's head encoded), and warm."""
    from benchmarks.quality import QUESTIONS, read_questions
    from index.engine import Engine
    from index.search import FusionWeights

    embedder, dataset, scifact_dir = _scifact_indexed()
    embedder.warm()
    brief_questions = [q["question"] for q in read_questions(QUESTIONS)]
    print("\n[late] question latency, engine.ask with the ONNX question backend, late interaction off / on")
    print(f"  {'corpus':34} {'off p50':>8} {'cold p50':>9} {'cold p95':>9} {'warm p50':>9} {'warm p95':>9}")
    with tempfile.TemporaryDirectory() as folder:
        corpora = _sample_and_scifact(
            Path(folder), brief_questions, scifact_dir, list(dataset.queries.values())[:200]
        )
        for name, (corpus, index_dir, questions) in corpora.items():
            off = Engine(corpus, index_dir, embedder, weights=FusionWeights(late_weight=0.0))
            off.ensure_index()
            on = Engine(corpus, index_dir, embedder)
            off.ask("warm up")
            timings: dict[str, list[float]] = {"off": [], "cold": [], "warm": []}
            for rounds in (("off", "cold"), ("off", "warm")):  # interleaved: noise falls on both
                for question in questions:
                    for which in rounds:
                        started = time.perf_counter()
                        (off if which == "off" else on).ask(question)
                        timings[which].append((time.perf_counter() - started) * 1000)
            print(
                f"  {name:34} {percentile(timings['off'], 50):8.1f} {percentile(timings['cold'], 50):9.1f} "
                f"{percentile(timings['cold'], 95):9.1f} {percentile(timings['warm'], 50):9.1f} "
                f"{percentile(timings['warm'], 95):9.1f}"
            )


def bench_spelling() -> None:
    """What reading typing slips adds to a question: the spelling check alone (index/spelling.py)
    on questions as written and with a slip (benchmarks.quality.with_slip), over the sample brief's
    words and SciFact train's."""
    from benchmarks.quality import HELD_OUT, QUESTIONS, read_questions, with_slip
    from index.engine import Engine
    from index.spelling import english_words

    embedder, dataset, scifact_dir = _scifact_indexed()
    brief_questions = [
        q["question"] for path in (QUESTIONS, *HELD_OUT.values()) for q in read_questions(path)
    ]
    started = time.perf_counter()
    english_words()
    print(f"\n[spelling] the English word list read once: {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"  {'corpus':40} {'words':>7} {'build ms':>9} {'as written p50/max':>19} {'slipped p50/max':>16}")
    with tempfile.TemporaryDirectory() as folder:
        corpora = _sample_and_scifact(
            Path(folder), brief_questions, scifact_dir, list(dataset.queries.values())
        )
        for name, (corpus, index_dir, questions) in corpora.items():
            engine = Engine(corpus, index_dir, embedder)
            engine.ensure_index()
            generation = engine.generation
            started = time.perf_counter()
            speller = generation.speller
            built = (time.perf_counter() - started) * 1000
            times = {}
            for kind, asked in (("written", questions), ("slipped", [with_slip(q) for q in questions])):
                times[kind] = []
                for question in asked:
                    started = time.perf_counter()
                    speller.corrected(question)
                    times[kind].append((time.perf_counter() - started) * 1000)
            print(
                f"  {name:40} {len(generation.lexical.vocabulary):7,} {built:9.0f} "
                f"{percentile(times['written'], 50):9.2f}/{max(times['written']):<9.1f}"
                f"{percentile(times['slipped'], 50):7.2f}/{max(times['slipped']):.1f}"
            )
            _acronym_times(name, generation, questions)
            _state_name_times(generation, questions)


def _acronym_times(name: str, generation, questions: list[str]) -> None:
    """What reading unwritten acronyms adds (index/acronyms.py): on questions as written, and on
    ones holding an acronym not looked up before, which reads every passage once."""
    acronyms = generation.acronyms
    written = []
    for question in questions:
        started = time.perf_counter()
        acronyms.expanded(question)
        written.append((time.perf_counter() - started) * 1000)
    cold = []
    for letters in ("IWT", "KP", "QZX", "MFA", "PM"):
        started = time.perf_counter()
        acronyms.expanded(f"What about the {letters} and its role?")
        cold.append((time.perf_counter() - started) * 1000)
    print(
        f"  {'':40} acronyms: {len(generation.passages):,} passages, as written "
        f"{percentile(written, 50):.3f}/{max(written):.2f} ms, an acronym looked up cold "
        f"{percentile(cold, 50):.1f}/{max(cold):.1f} ms"
    )


# -- 5 and 6: start-up and load through the fake Discord ----------------------------------------
def _state_name_times(generation, questions: list[str]) -> None:
    """What reading states' names no brief writes adds (index/state_names.py): one pass over every
    passage as an index loads, then each question."""
    started = time.perf_counter()
    state_names = generation.state_names
    built = (time.perf_counter() - started) * 1000
    times = []
    for question in questions:
        started = time.perf_counter()
        state_names.as_written(question)
        times.append((time.perf_counter() - started) * 1000)
    print(
        f"  {'':40} states' names: read in {built:.0f} ms, a question "
        f"{percentile(times, 50):.3f}/{max(times):.2f} ms"
    )


def bench_startup_and_load(which: set[str]) -> None:
    import asyncio

    sys.path.insert(0, str(ROOT))
    from bot.app import warm_engine
    from bot.cli import make_engine
    from tests.bot.conftest import make_settings, start_bot, stop_bot
    from tests.bot.fake_discord import FakeDiscord, Member

    async def run() -> None:
        folder = Path(tempfile.mkdtemp(prefix="briefbot-bot-"))
        corpus = folder / "corpus"
        shutil.copytree(ROOT / "docs_corpus", corpus)
        settings = make_settings(folder, corpus, question_cooldown_seconds=0.0, abstention_threshold=0.34)
        started = time.perf_counter()
        engine = make_engine(settings)
        seconds = await asyncio.to_thread(warm_engine, engine)
        fake = FakeDiscord()
        await fake.start()
        harness = await start_bot(settings, engine, fake)
        ready = time.perf_counter() - started
        try:
            if "startup" in which:
                print(
                    f"\n[startup] engine warm (index built, model loaded, one answer) in {seconds:.1f} s; "
                    f"bot ready {ready:.1f} s after start (in-process, imports excluded)"
                )
                times = []
                for number in range(10):
                    record = await fake.slash(
                        "ask", [{"name": "question", "type": 3, "value": f"Who mediated the talks {number}?"}]
                    )
                    await fake.reply(record)
                    times.append((record.replied_at - record.created) * 1000)
                print(
                    f"  /ask interaction → first reply: first question {times[0]:.0f} ms, "
                    f"tenth {times[9]:.0f} ms, median {statistics.median(times):.0f} ms"
                )
            if "load" in which:
                members = [Member(400_000_000_000_000_000 + i, f"m{i}") for i in range(50)]
                records = await asyncio.gather(
                    *[
                        fake.slash(
                            "ask",
                            [
                                {
                                    "name": "question",
                                    "type": 3,
                                    "value": f"What did Haqqani warn, asks member {i}?",
                                }
                            ],
                            member=m,
                        )
                        for i, m in enumerate(members)
                    ]
                )
                await fake.wait_until(lambda: all(r.messages() for r in records), timeout=120)
                done = max(r.replied_at for r in records) - min(r.created for r in records)
                final = [(r.replied_at - r.created) * 1000 for r in records]
                print(
                    f"\n[load] 50 questions at once: {sum(bool(r.messages()) for r in records)}/50 "
                    f"answered; interaction → answer p50 {percentile(final, 50):.0f} ms, "
                    f"p95 {percentile(final, 95):.0f} ms, "
                    f"all done in {done:.1f} s"
                )
        finally:
            await stop_bot(harness)
            await fake.stop()
            shutil.rmtree(folder, ignore_errors=True)

    asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="indexing,latency,quantised,backend,late,spelling,startup,load")
    parser.add_argument("--briefs", type=int, default=1000)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_latency(args.measure)))
        return
    if args.build:
        size, folder = int(args.build[0]), Path(args.build[1])
        print(json.dumps(build_synthetic(size, folder)))
        return
    which = set(args.only.split(","))
    print(f"machine: {machine()}")
    if "indexing" in which:
        bench_indexing(args.briefs)
    if "latency" in which:
        bench_latency([int(s) for s in args.sizes.split(",")])
    if "quantised" in which:
        bench_quantised()
    if "backend" in which:
        bench_backend()
    if "late" in which:
        bench_late()
    if "spelling" in which:
        bench_spelling()
    if which & {"startup", "load"}:
        bench_startup_and_load(which)


if __name__ == "__main__":
    main()
