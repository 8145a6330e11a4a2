"""BEIR-format datasets as briefs (one passage per document), and their evaluation."""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from index.corpus import CorpusScan
from index.engine import Engine
from index.errors import BriefbotError
from index.metrics import mean, mrr_at, ndcg_at, recall_at
from index.models import Brief, BriefMeta, Paragraph
from index.search import Retriever


@dataclass(frozen=True)
class BeirDataset:
    name: str
    documents: dict[str, tuple[str, str]]  # id → (title, text)
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]

    def as_scan(self) -> CorpusScan:
        briefs = []
        for doc_id, (title, text) in self.documents.items():
            body = f"{title} {text}".strip() if title else text.strip()
            if not body:
                continue
            briefs.append(
                Brief(
                    BriefMeta(brief_id=doc_id, title=title or doc_id),
                    (Paragraph(None, " ".join(body.split())),),
                    hashlib.sha256(body.encode()).hexdigest(),
                )
            )
        return CorpusScan(tuple(briefs), ())


@dataclass(frozen=True)
class EvalResult:
    ndcg_at_10: float
    recall_at_100: float
    mrr_at_10: float
    queries_per_s: float
    queries: int

    def as_json(self) -> dict[str, float]:
        return {
            "ndcg@10": round(self.ndcg_at_10, 4),
            "recall@100": round(self.recall_at_100, 4),
            "mrr@10": round(self.mrr_at_10, 4),
            "queries_per_s": round(self.queries_per_s, 1),
        }


def load_beir(folder: Path, split: str) -> BeirDataset:
    corpus_path = next(
        (folder / n for n in ("corpus.jsonl", "corpus.jsonl.gz") if (folder / n).is_file()), None
    )
    qrels_path = folder / "qrels" / f"{split}.tsv"
    if corpus_path is None or not (folder / "queries.jsonl").is_file() or not qrels_path.is_file():
        raise BriefbotError(
            f"{folder} is not a BEIR dataset with split '{split}': it needs corpus.jsonl(.gz), "
            f"queries.jsonl and qrels/{split}.tsv"
        )
    opener = gzip.open if corpus_path.suffix == ".gz" else open
    documents: dict[str, tuple[str, str]] = {}
    with opener(corpus_path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                documents[str(row["_id"])] = (row.get("title") or "", row.get("text") or "")
    qrels: dict[str, dict[str, int]] = {}
    for number, line in enumerate(qrels_path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if len(parts) < 3 or (number == 0 and not parts[2].strip().lstrip("-").isdigit()):
            continue
        qrels.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    queries = {}
    with open(folder / "queries.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                if str(row["_id"]) in qrels:
                    queries[str(row["_id"])] = row["text"]
    return BeirDataset(folder.name, documents, queries, qrels)


def evaluate(engine: Engine, dataset: BeirDataset, retriever: Retriever) -> EvalResult:
    ids = list(dataset.queries)
    started = time.perf_counter()
    rankings = engine.rank_many([dataset.queries[i] for i in ids], 100, retriever)
    seconds = time.perf_counter() - started
    ndcg, recall, mrr = [], [], []
    for query_id, ranked in zip(ids, rankings, strict=True):
        relevant = dataset.qrels[query_id]
        ndcg.append(ndcg_at(ranked, relevant, 10))
        recall.append(recall_at(ranked, relevant, 100))
        mrr.append(mrr_at(ranked, relevant, 10))
    return EvalResult(mean(ndcg), mean(recall), mean(mrr), len(ids) / seconds if seconds else 0.0, len(ids))
