"""Retrieval quality: retriever variant × dataset, and the abstention threshold calibrated on data.

    .venv/bin/python -m benchmarks.quality [--scifact DIR] [--skip-scifact]

Datasets: SciFact train (BEIR; documents indexed once into .briefbot/eval/, then cached) and the
brief questions in benchmarks/data/brief_questions.jsonl (paraphrased questions with their gold
paragraph; off-topic questions with "paragraph": null; and with "kind": "unanswerable", questions
on the brief's subject that it does not answer) over docs_corpus/. The fresh set,
benchmarks/data/brief_questions_fresh.jsonl (30 paraphrased and 5 off-topic questions), was written
after the fusion was tuned and is used for nothing but this report: how the engine does on
questions it was not tuned on. It is shown beside each variant ("fresh") and never calibrates.

Calibration: the threshold is the midpoint between the highest confidence of an off-topic question
and the lowest confidence of an on-topic one when the two sets separate, else the value that
maximises abstention F1. Confidence is the best cosine similarity of any passage or sentence.
Unanswerable questions are not used to calibrate (they score like answerable ones); the engine's
abstention on them, threshold and unmentioned names together, is reported beside.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from index.beir import load_beir
from index.embedding import SentenceTransformerEmbedder
from index.engine import Engine
from index.indexer import build_index
from index.metrics import mean, mrr_at, ndcg_at, recall_at
from index.search import FusionWeights, Retriever, Searcher

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "benchmarks" / "data" / "brief_questions.jsonl"
FRESH_QUESTIONS = ROOT / "benchmarks" / "data" / "brief_questions_fresh.jsonl"
DEFAULT = FusionWeights()
VARIANTS: dict[str, tuple[Retriever, FusionWeights]] = {
    "dense (passage vectors only)": (Retriever.DENSE, DEFAULT),
    "lexical (BM25 only)": (Retriever.LEXICAL, DEFAULT),
    "fused: passage + sentence": (Retriever.FUSED, FusionWeights(0.5, 0.5, 0.0)),
    "fused: passage + BM25": (Retriever.FUSED, FusionWeights(1.0, 0.0, 0.2)),
    "fused: sentence + BM25": (Retriever.FUSED, FusionWeights(0.0, 1.0, 0.2)),
    "fused: all three, BM25 0.4": (Retriever.FUSED, FusionWeights(0.5, 0.5, 0.4)),
    "fused: all three, no feedback": (Retriever.FUSED, FusionWeights(feedback=0.0)),
    "fused: all three, feedback 0.4": (Retriever.FUSED, FusionWeights(feedback=0.4)),
    "fused: all three (default)": (Retriever.FUSED, DEFAULT),
}


@dataclass
class Row:
    ndcg: float
    recall: float
    mrr: float
    extra: str = ""


def rank_ids(searcher: Searcher, generation, questions, vectors, retriever, k, key) -> list[list[str]]:
    rankings = []
    for question, vector in zip(questions, vectors, strict=True):
        scored = searcher.rank(question, vector, k * 2, None, retriever)
        ids = dict.fromkeys(key(generation.passages[s.row]) for s in scored)
        rankings.append(list(ids)[:k])
    return rankings


def scores(rankings, qrels) -> Row:
    return Row(
        mean([ndcg_at(r, q, 10) for r, q in zip(rankings, qrels, strict=True)]),
        mean([recall_at(r, q, 100) for r, q in zip(rankings, qrels, strict=True)]),
        mean([mrr_at(r, q, 10) for r, q in zip(rankings, qrels, strict=True)]),
    )


def scifact_rows(embedder, folder: Path) -> dict[str, Row]:
    dataset = load_beir(folder, "train")
    index_dir = ROOT / ".briefbot" / "eval" / folder.resolve().name
    build_index(folder, index_dir, embedder, scan=dataset.as_scan(), split_long=False)
    generation = Engine(folder, index_dir, embedder).generation
    ids = list(dataset.queries)
    questions = [dataset.queries[i] for i in ids]
    vectors = embedder.embed_batch(questions)
    qrels = [dataset.qrels[i] for i in ids]
    rows = {}
    for name, (retriever, weights) in VARIANTS.items():
        rankings = rank_ids(
            Searcher(generation, weights),
            generation,
            questions,
            vectors,
            retriever,
            100,
            lambda p: p.brief_id,
        )
        rows[name] = scores(rankings, qrels)
    return rows


def read_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def first_and_top3(rankings: list[list[str]], qrels: list[dict[str, int]]) -> tuple[float, float]:
    first = mean([r[:1] == list(q) for r, q in zip(rankings, qrels, strict=True)])
    top3 = mean([bool(set(r[:3]) & set(q)) for r, q in zip(rankings, qrels, strict=True)])
    return first, top3


def brief_rows(embedder) -> tuple[dict[str, Row], float, list[float], list[float], dict[str, float]]:
    everything = read_questions(QUESTIONS)
    fresh = read_questions(FRESH_QUESTIONS)
    items = [q for q in everything if q.get("kind") != "unanswerable"]
    on_topic = [q for q in items if q["paragraph"] is not None]
    fresh_on_topic = [q for q in fresh if q["paragraph"] is not None]
    with tempfile.TemporaryDirectory() as folder:
        engine = Engine(ROOT / "docs_corpus", Path(folder), embedder)
        engine.reindex()
        generation = engine.generation
        brief_id = next(iter(generation.briefs))
        vectors = embedder.embed_batch([q["question"] for q in items])
        asked = on_topic + fresh_on_topic
        asked_vectors = embedder.embed_batch([q["question"] for q in asked])
        qrels = [{f"{brief_id}#{q['paragraph']}": 1} for q in asked]
        rows = {}
        for name, (retriever, weights) in VARIANTS.items():
            searcher = Searcher(generation, weights)
            rankings = rank_ids(
                searcher,
                generation,
                [q["question"] for q in asked],
                asked_vectors,
                retriever,
                100,
                lambda p: f"{p.brief_id}#{p.paragraph}",
            )
            tuned = len(on_topic)
            row = scores(rankings[:tuned], qrels[:tuned])
            first, top3 = first_and_top3(rankings[:tuned], qrels[:tuned])
            fresh_first, fresh_top3 = first_and_top3(rankings[tuned:], qrels[tuned:])
            row.extra = f"first {first:.2f}  top-3 {top3:.2f}  | fresh: first {fresh_first:.2f}  "
            row.extra += f"top-3 {fresh_top3:.2f}"
            rows[name] = row
        searcher = Searcher(generation, DEFAULT)
        confidence = [
            searcher.rank(q["question"], v, 1)[0].confidence for q, v in zip(items, vectors, strict=True)
        ]
        answers = engine.ask_many([q["question"] for q in everything + fresh])
    abstained: dict[str, list[bool]] = {}
    for number, (question, answer) in enumerate(zip(everything + fresh, answers, strict=True)):
        kind = question.get("kind") or ("on-topic" if question["paragraph"] is not None else "off-topic")
        if number >= len(everything):
            kind = f"fresh {kind}"
        abstained.setdefault(kind, []).append(answer.abstained)
    on = [c for c, q in zip(confidence, items, strict=True) if q["paragraph"] is not None]
    off = [c for c, q in zip(confidence, items, strict=True) if q["paragraph"] is None]
    return rows, calibrate(on, off), on, off, {kind: mean(flags) for kind, flags in abstained.items()}


def calibrate(on: list[float], off: list[float]) -> float:
    if max(off) < min(on):
        return (max(off) + min(on)) / 2
    candidates = sorted(set(on) | set(off))
    return max(candidates, key=lambda t: _f1(t, on, off))


def _f1(threshold: float, on: list[float], off: list[float]) -> float:
    abstain_off = sum(c < threshold for c in off)
    abstain_on = sum(c < threshold for c in on)
    precision = abstain_off / max(abstain_off + abstain_on, 1)
    recall = abstain_off / len(off)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def abstention(threshold: float, on: list[float], off: list[float]) -> tuple[float, float]:
    abstain_off = sum(c < threshold for c in off)
    abstain_on = sum(c < threshold for c in on)
    return abstain_off / max(abstain_off + abstain_on, 1), abstain_off / len(off)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scifact", type=Path, default=ROOT.parent / "shared" / "datasets" / "scifact-train")
    parser.add_argument("--skip-scifact", action="store_true")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="threshold to report abstention at (default: the engine's default)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    embedder = SentenceTransformerEmbedder()
    briefs, calibrated, on, off, abstained = brief_rows(embedder)
    scifact = {} if args.skip_scifact else scifact_rows(embedder, args.scifact)
    from index.engine import DEFAULT_THRESHOLD

    print(
        f"{'variant':32} | {'SciFact train nDCG@10  R@100  MRR@10':38} | "
        "brief questions nDCG@10  R@100  MRR@10"
    )
    for name in VARIANTS:
        sci = scifact.get(name)
        left = f"{sci.ndcg:>21.4f} {sci.recall:6.4f} {sci.mrr:7.4f}" if sci else f"{'(skipped)':>38}"
        row = briefs[name]
        print(f"{name:32} | {left:38} | {row.ndcg:23.4f} {row.recall:6.4f} {row.mrr:7.4f}  {row.extra}")
    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    precision, recall = abstention(threshold, on, off)
    print(f"\nbrief questions: {len(on)} on-topic, {len(off)} off-topic")
    print(
        f"confidence on-topic min {min(on):.3f}, off-topic max {max(off):.3f}; calibrated threshold "
        f"{calibrated:.3f}"
    )
    print(f"abstention at threshold {threshold:.3f}: precision {precision:.2f}, recall {recall:.2f}")
    print(
        "the engine (threshold and unmentioned names) abstains on: "
        + ", ".join(f"{kind} {share:.2f}" for kind, share in abstained.items())
    )
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
