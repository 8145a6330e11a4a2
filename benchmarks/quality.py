"""Retrieval quality: retriever variant × dataset, and the abstention threshold calibrated on data.

    .venv/bin/python -m benchmarks.quality [--scifact DIR] [--skip-scifact] [--model NAME]

Datasets: SciFact train (BEIR; documents indexed once into .briefbot/eval/, then cached) and the
brief questions in benchmarks/data/brief_questions.jsonl (paraphrased questions with their gold
paragraph; off-topic questions with "paragraph": null; and with "kind": "unanswerable", questions
on the brief's subject that it does not answer) over docs_corpus/. The held-out sets (`HELD_OUT`,
brief_questions_fresh*.jsonl, each written after the tuning it judges; benchmarks/QUALITY.md) show how
the engine does on questions it was not tuned on, beside each variant, and never calibrate. A last
line runs the engine over the sample brief beside two illustrative ones (`several_briefs`).

Calibration: the threshold is the midpoint between the highest confidence of an off-topic question
and the lowest confidence of an on-topic one when the two sets separate, else the value that
maximises abstention F1. Confidence is the best cosine similarity of any passage or sentence.
Unanswerable questions are not used to calibrate (they score like answerable ones); the engine's
abstention on them, threshold, unmentioned names, offices and topics, unstated figures, leaders
and next meetings, and silent actors together, is reported beside.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from index.beir import load_beir
from index.embedding import DEFAULT_MODEL, SentenceTransformerEmbedder
from index.engine import Engine
from index.indexer import build_index
from index.late_interaction import LateInteraction
from index.lexical import STOP_WORDS
from index.metrics import mean, mrr_at, ndcg_at, recall_at
from index.search import FusionWeights, Query, Retriever, Searcher

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "benchmarks" / "data" / "brief_questions.jsonl"
# Held-out sets, written after the tuning they judge and never used to calibrate: "fresh" after
# the fusion was tuned, "fresh 2" before a later round of levers, "fresh 3" before late interaction,
# "fresh 4" after it, "fresh 5" after answer types, "fresh 6" after the office and figure rules of
# abstention, "fresh 7" after them and before the speaker, leader and next-meeting rules, "fresh 8"
# after those, "fresh 9" after everything but the owners of offices, "fresh 10" after office
# holders and spelling, "fresh 11" after casualty counts, subjects and authors, "fresh 12" after
# the list of briefs, actors' own voices and the parts of an actor, "fresh 13" after the office
# nudge and the briefs mentioning a subject, "fresh 14" after acronyms and counted nouns, before
# the thesaurus, "fresh 15" after it, to judge a BM25 weight of 0.3, "fresh 16" before a word was
# counted once in BM25, which left it unchanged (its misses were then read), "fresh 17" before the
# speaker nudge, to judge it; benchmarks/QUALITY.md says what each later one judged.
HELD_OUT = {
    "fresh": ROOT / "benchmarks" / "data" / "brief_questions_fresh.jsonl",
    "fresh 2": ROOT / "benchmarks" / "data" / "brief_questions_fresh2.jsonl",
    "fresh 3": ROOT / "benchmarks" / "data" / "brief_questions_fresh3.jsonl",
    "fresh 4": ROOT / "benchmarks" / "data" / "brief_questions_fresh4.jsonl",
    "fresh 5": ROOT / "benchmarks" / "data" / "brief_questions_fresh5.jsonl",
    "fresh 6": ROOT / "benchmarks" / "data" / "brief_questions_fresh6.jsonl",
    "fresh 7": ROOT / "benchmarks" / "data" / "brief_questions_fresh7.jsonl",
    "fresh 8": ROOT / "benchmarks" / "data" / "brief_questions_fresh8.jsonl",
    "fresh 9": ROOT / "benchmarks" / "data" / "brief_questions_fresh9.jsonl",
    "fresh 10": ROOT / "benchmarks" / "data" / "brief_questions_fresh10.jsonl",
    "fresh 11": ROOT / "benchmarks" / "data" / "brief_questions_fresh11.jsonl",
    "fresh 12": ROOT / "benchmarks" / "data" / "brief_questions_fresh12.jsonl",
    "fresh 13": ROOT / "benchmarks" / "data" / "brief_questions_fresh13.jsonl",
    "fresh 14": ROOT / "benchmarks" / "data" / "brief_questions_fresh14.jsonl",
    "fresh 15": ROOT / "benchmarks" / "data" / "brief_questions_fresh15.jsonl",
    "fresh 16": ROOT / "benchmarks" / "data" / "brief_questions_fresh16.jsonl",
    "fresh 17": ROOT / "benchmarks" / "data" / "brief_questions_fresh17.jsonl",
    "fresh 18": ROOT / "benchmarks" / "data" / "brief_questions_fresh18.jsonl",
    "fresh 19": ROOT / "benchmarks" / "data" / "brief_questions_fresh19.jsonl",
    "fresh 20": ROOT / "benchmarks" / "data" / "brief_questions_fresh20.jsonl",
    "fresh 21": ROOT / "benchmarks" / "data" / "brief_questions_fresh21.jsonl",
    "fresh 22": ROOT / "benchmarks" / "data" / "brief_questions_fresh22.jsonl",
    "fresh 23": ROOT / "benchmarks" / "data" / "brief_questions_fresh23.jsonl",
    "fresh 24": ROOT / "benchmarks" / "data" / "brief_questions_fresh24.jsonl",
    "fresh 25": ROOT / "benchmarks" / "data" / "brief_questions_fresh25.jsonl",
    "fresh 26": ROOT / "benchmarks" / "data" / "brief_questions_fresh26.jsonl",
    "fresh 27": ROOT / "benchmarks" / "data" / "brief_questions_fresh27.jsonl",
    "fresh 28": ROOT / "benchmarks" / "data" / "brief_questions_fresh28.jsonl",
    "fresh 29": ROOT / "benchmarks" / "data" / "brief_questions_fresh29.jsonl",
    "fresh 30": ROOT / "benchmarks" / "data" / "brief_questions_fresh30.jsonl",
    "fresh 31": ROOT / "benchmarks" / "data" / "brief_questions_fresh31.jsonl",
    "fresh 32": ROOT / "benchmarks" / "data" / "brief_questions_fresh32.jsonl",
    "fresh 33": ROOT / "benchmarks" / "data" / "brief_questions_fresh33.jsonl",
    "fresh 34": ROOT / "benchmarks" / "data" / "brief_questions_fresh34.jsonl",
    "fresh 35": ROOT / "benchmarks" / "data" / "brief_questions_fresh35.jsonl",
    "fresh 36": ROOT / "benchmarks" / "data" / "brief_questions_fresh36.jsonl",
    "fresh 37": ROOT / "benchmarks" / "data" / "brief_questions_fresh37.jsonl",
    "fresh 38": ROOT / "benchmarks" / "data" / "brief_questions_fresh38.jsonl",
    "fresh 39": ROOT / "benchmarks" / "data" / "brief_questions_fresh39.jsonl",
    "fresh 40": ROOT / "benchmarks" / "data" / "brief_questions_fresh40.jsonl",
    "fresh 41": ROOT / "benchmarks" / "data" / "brief_questions_fresh41.jsonl",
    "fresh 42": ROOT / "benchmarks" / "data" / "brief_questions_fresh42.jsonl",
    "fresh 43": ROOT / "benchmarks" / "data" / "brief_questions_fresh43.jsonl",
    "fresh 44": ROOT / "benchmarks" / "data" / "brief_questions_fresh44.jsonl",
    "fresh 45": ROOT / "benchmarks" / "data" / "brief_questions_fresh45.jsonl",
    "fresh 46": ROOT / "benchmarks" / "data" / "brief_questions_fresh46.jsonl",
    "fresh 47": ROOT / "benchmarks" / "data" / "brief_questions_fresh47.jsonl",
    "fresh 48": ROOT / "benchmarks" / "data" / "brief_questions_fresh48.jsonl",
    "fresh 49": ROOT / "benchmarks" / "data" / "brief_questions_fresh49.jsonl",
    "fresh 50": ROOT / "benchmarks" / "data" / "brief_questions_fresh50.jsonl",
}
DEFAULT = FusionWeights()
VARIANTS: dict[str, tuple[Retriever, FusionWeights]] = {
    "dense (passage vectors only)": (Retriever.DENSE, DEFAULT),
    "lexical (BM25 only)": (Retriever.LEXICAL, DEFAULT),
    "fused: passage + sentence": (Retriever.FUSED, FusionWeights(0.5, 0.5, 0.0)),
    "fused: passage + BM25": (Retriever.FUSED, FusionWeights(1.0, 0.0, 0.2)),
    "fused: sentence + BM25": (Retriever.FUSED, FusionWeights(0.0, 1.0, 0.2)),
    "fused: all three, BM25 0.3": (Retriever.FUSED, FusionWeights(0.5, 0.5, 0.3)),
    "fused: all three, BM25 0.4": (Retriever.FUSED, FusionWeights(0.5, 0.5, 0.4)),
    "fused: all three, no feedback": (Retriever.FUSED, FusionWeights(feedback=0.0)),
    "fused: all three, feedback 0.4": (Retriever.FUSED, FusionWeights(feedback=0.4)),
    "fused, no late interaction": (Retriever.FUSED, FusionWeights(late_weight=0.0)),
    "fused, late top 5": (Retriever.FUSED, FusionWeights(late_depth=5)),
    "fused, late top 20": (Retriever.FUSED, FusionWeights(late_depth=20)),
    "fused, late weight 1": (Retriever.FUSED, FusionWeights(late_weight=1.0)),
    "fused, late weight 4": (Retriever.FUSED, FusionWeights(late_weight=4.0)),
    "fused, no answer types": (Retriever.FUSED, FusionWeights(answer_type=0.0)),
    "fused, no conclusions": (Retriever.FUSED, FusionWeights(conclusion=0.0)),
    "fused, no speakers": (Retriever.FUSED, FusionWeights(speaker=0.0)),
    "fused, no parties": (Retriever.FUSED, FusionWeights(parties=0.0)),
    "fused, no names given": (Retriever.FUSED, FusionWeights(naming=0.0)),
    "fused: all three (default)": (Retriever.FUSED, DEFAULT),
}
# Every abstract SciFact's heads reach (~4,300) kept at once, so that the variants share them.
BENCHMARK_TOKEN_CACHE = 2 * 1024**3


@dataclass
class Row:
    ndcg: float
    recall: float
    mrr: float
    extra: str = ""


def rank_ids(searcher: Searcher, generation, questions, vectors, retriever, k, key) -> list[list[str]]:
    rankings = []
    for question, vector in zip(questions, vectors, strict=True):
        scored = searcher.rank(searcher.with_parties_read(Query(question, vector, None, retriever)), k * 2)
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
    if embedder.model_name != DEFAULT_MODEL:  # each model its own cached index
        index_dir = index_dir.with_name(f"{index_dir.name}-{Path(embedder.model_name).name}")
    build_index(folder, index_dir, embedder, scan=dataset.as_scan(), split_long=False)
    generation = Engine(folder, index_dir, embedder).generation
    ids = list(dataset.queries)
    questions = [dataset.queries[i] for i in ids]
    vectors = embedder.embed_batch(questions)
    qrels = [dataset.qrels[i] for i in ids]
    late = LateInteraction(embedder, BENCHMARK_TOKEN_CACHE)
    rows = {}
    for name, (retriever, weights) in VARIANTS.items():
        rankings = rank_ids(
            Searcher(generation, weights, late),
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


@dataclass
class BriefResults:
    rows: dict[str, Row]  # the variants on the tuning questions and on each held-out set
    calibrated: float
    on: list[float]  # confidences of the tuning questions, for calibration
    off: list[float]
    abstained: dict[tuple[str, str], list[bool]]  # whether the engine abstains, by set and kind
    through_engine: dict[str, list[int]]  # by set: right first, in the top 3, answered, asked
    best_sentence: dict[str, tuple[int, int, int]]  # by set: right with tokens, without, labelled
    # Every question again in Title Case: answerable ones answered in their own case and still in
    # Title Case; unanswerable ones abstained on in their own case and still in Title Case.
    title_case: tuple[int, int, int, int]
    # Every answerable question with a typing slip (`with_slip`): asked, right first and in the top
    # 3 with slips corrected and as typed; and how many questions as written are read otherwise.
    slips: tuple[int, int, int, int, int]
    read_otherwise: tuple[int, int]


def best_sentences(engine: Engine, every_set: dict[str, list[dict]]) -> dict[str, tuple[int, int, int]]:
    """In the right paragraph, how often the marked sentence is one labelled as answering
    ("best_sentences": how those sentences start), with token vectors (late interaction) and
    with the sentence and clause vectors plus shared words."""
    generation = engine.generation
    row_of = {p.paragraph: row for row, p in enumerate(generation.passages)}
    searcher = Searcher(generation, DEFAULT, engine.late)
    counts = {}
    for name, questions in every_set.items():
        labelled = [q for q in questions if q.get("best_sentences")]
        if not labelled:
            continue
        vectors, tokens = engine.embedder.embed_with_tokens([q["question"] for q in labelled])
        right = [0, 0]
        for q, vector, question in zip(labelled, vectors, tokens, strict=True):
            for slot, given in enumerate((searcher.weighted(q["question"], question), None)):
                marked = searcher.best_sentence(
                    row_of[q["paragraph"]], Query(q["question"], vector, tokens=given)
                )
                right[slot] += marked.startswith(tuple(q["best_sentences"]))
        counts[name] = (right[0], right[1], len(labelled))
    return counts


def brief_rows(embedder, weights: FusionWeights = DEFAULT) -> BriefResults:
    tuning = read_questions(QUESTIONS)
    held_out = {name: read_questions(path) for name, path in HELD_OUT.items()}
    items = [q for q in tuning if q.get("kind") != "unanswerable"]
    groups = {"tuning": [q for q in items if q["paragraph"] is not None]}
    groups |= {name: [q for q in qs if q["paragraph"] is not None] for name, qs in held_out.items()}
    asked = [q for group in groups.values() for q in group]
    with tempfile.TemporaryDirectory() as folder:
        engine = Engine(ROOT / "docs_corpus", Path(folder), embedder, weights=weights)
        engine.reindex()
        generation = engine.generation
        brief_id = next(iter(generation.briefs))
        vectors = embedder.embed_batch([q["question"] for q in items])
        asked_vectors = embedder.embed_batch([q["question"] for q in asked])
        qrels = [{f"{brief_id}#{q['paragraph']}": 1} for q in asked]
        rows = {}
        for name, (retriever, weights) in VARIANTS.items():
            searcher = Searcher(generation, weights, engine.late)
            rankings = rank_ids(
                searcher,
                generation,
                [q["question"] for q in asked],
                asked_vectors,
                retriever,
                100,
                lambda p: f"{p.brief_id}#{p.paragraph}",
            )
            tuned = len(groups["tuning"])
            row = scores(rankings[:tuned], qrels[:tuned])
            start, parts = 0, []
            for group, questions in groups.items():
                end = start + len(questions)
                first, top3 = first_and_top3(rankings[start:end], qrels[start:end])
                parts.append(f"{group}: first {first:.2f} top-3 {top3:.2f}")
                start = end
            first, top3 = first_and_top3(rankings[tuned:], qrels[tuned:])
            parts.append(f"every held-out set: first {first:.2f} top-3 {top3:.2f}")
            row.extra = "  | ".join(parts)
            rows[name] = row
        searcher = Searcher(generation, DEFAULT)
        confidence = [
            searcher.rank(Query(q["question"], v), 1)[0].confidence
            for q, v in zip(items, vectors, strict=True)
        ]
        every_set = {"tuning": tuning} | held_out
        answers = engine.ask_many([q["question"] for qs in every_set.values() for q in qs])
        title_answers = engine.ask_many([title_case(q["question"]) for qs in every_set.values() for q in qs])
        marked = best_sentences(engine, every_set)
        slipped = [q for qs in every_set.values() for q in qs if q["paragraph"] is not None]
        with_slips = [with_slip(q["question"]) for q in slipped]
        as_typed = Engine(
            ROOT / "docs_corpus", Path(folder), embedder, weights=weights, correct_spelling=False
        )
        slip_counts = [len(slipped)]
        for slip_engine in (engine, as_typed):
            shown = [[hit.passage.paragraph for hit in a.hits] for a in slip_engine.ask_many(with_slips)]
            slip_counts.append(sum(s[:1] == [q["paragraph"]] for s, q in zip(shown, slipped, strict=True)))
            slip_counts.append(sum(q["paragraph"] in s for s, q in zip(shown, slipped, strict=True)))
    abstained: dict[tuple[str, str], list[bool]] = {}
    through_engine: dict[str, list[int]] = {}  # set → right first, in the top 3, answered, asked
    questions = [(name, q) for name, qs in every_set.items() for q in qs]
    for (name, question), answer in zip(questions, answers, strict=True):
        if question["paragraph"] is not None:
            shown = [hit.passage.paragraph for hit in answer.hits]
            counts = through_engine.setdefault(name, [0, 0, 0, 0])
            counts[0] += shown[:1] == [question["paragraph"]]
            counts[1] += question["paragraph"] in shown
            counts[2] += not answer.abstained
            counts[3] += 1
        kind = question.get("kind") or ("on-topic" if question["paragraph"] is not None else "off-topic")
        abstained.setdefault((name, kind), []).append(answer.abstained)
    on = [c for c, q in zip(confidence, items, strict=True) if q["paragraph"] is not None]
    off = [c for c, q in zip(confidence, items, strict=True) if q["paragraph"] is None]
    answerable = [
        (not own.abstained, not titled.abstained)
        for (_, q), own, titled in zip(questions, answers, title_answers, strict=True)
        if q["paragraph"] is not None
    ]
    unanswerable = [
        (own.abstained, titled.abstained)
        for (_, q), own, titled in zip(questions, answers, title_answers, strict=True)
        if q.get("kind") == "unanswerable"
    ]
    title_counts = (
        sum(own for own, _ in answerable),
        sum(own and titled for own, titled in answerable),
        sum(own for own, _ in unanswerable),
        sum(own and titled for own, titled in unanswerable),
    )
    read_otherwise = (sum(bool(answer.read_as) for answer in answers), len(answers))
    return BriefResults(
        rows,
        calibrate(on, off),
        on,
        off,
        abstained,
        through_engine,
        marked,
        title_counts,
        tuple(slip_counts),
        read_otherwise,
    )


def with_slip(question: str) -> str:
    """The question with the middle letter of its longest plain word (six letters or more, not
    capitalised) left out, as a quick typist might: "mediated" → "mediaed"."""
    words = [w for w in re.findall(r"\b[a-z]+\b", question) if len(w) >= 6 and w not in STOP_WORDS]
    if not words:
        return question
    word = max(words, key=len)
    middle = len(word) // 2
    return re.sub(rf"\b{word}\b", word[:middle] + word[middle + 1 :], question, count=1)


def title_case(question: str) -> str:
    """ "What did Iran say?" → "What Did Iran Say?", as some readers type."""
    return " ".join(word[:1].upper() + word[1:] for word in question.split())


def engine_abstention(abstained: dict[tuple[str, str], list[bool]], group: str) -> tuple[float, float]:
    """Precision and recall of the engine's abstention on one set of questions: it should abstain
    on off-topic and unanswerable questions, and answer on-topic ones."""
    should = [
        flag
        for (name, kind), flags in abstained.items()
        if name == group and kind != "on-topic"
        for flag in flags
    ]
    return precision_recall(should, abstained.get((group, "on-topic"), []))


def precision_recall(should: list[bool], wrong: list[bool]) -> tuple[float, float]:
    """Of abstentions: `should` flags questions that ought to abstain, `wrong` answerable ones."""
    right = sum(should)
    return right / max(right + sum(wrong), 1), right / max(len(should), 1)


def calibrate(on: list[float], off: list[float]) -> float:
    if max(off) < min(on):
        return (max(off) + min(on)) / 2
    candidates = sorted(set(on) | set(off))
    return max(candidates, key=lambda t: _f1(t, on, off))


def _f1(threshold: float, on: list[float], off: list[float]) -> float:
    precision, recall = abstention(threshold, on, off)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def abstention(threshold: float, on: list[float], off: list[float]) -> tuple[float, float]:
    return precision_recall([c < threshold for c in off], [c < threshold for c in on])


MULTI_BRIEFS = ROOT / "benchmarks" / "data" / "multi_briefs"
MULTI_QUESTIONS = ROOT / "benchmarks" / "data" / "multi_brief_questions.jsonl"


def several_briefs(embedder, weights: FusionWeights = DEFAULT) -> str:
    """The engine over the sample brief beside two illustrative briefs (benchmarks/data/
    multi_briefs/, written for this benchmark on the security of CPEC and on the Indus Waters
    Treaty), as `briefbot ask` answers: the right brief and paragraph first and in the top 3 for
    each answerable question of multi_brief_questions.jsonl, and its unanswerable ones abstained on."""
    questions = read_questions(MULTI_QUESTIONS)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        for source in [*ROOT.joinpath("docs_corpus").glob("*.md"), *MULTI_BRIEFS.iterdir()]:
            if source.name != "README.md":
                (corpus / source.name).write_bytes(source.read_bytes())
        (corpus / "actors.toml").write_bytes((ROOT / "docs_corpus" / "actors.toml").read_bytes())
        engine = Engine(corpus, Path(folder) / "index", embedder, weights=weights)
        engine.reindex()
        answers = engine.ask_many([q["question"] for q in questions])
    first = top3 = answered = asked = unanswerable = refused = 0
    for question, answer in zip(questions, answers, strict=True):
        if question["paragraph"] is None:
            unanswerable += 1
            refused += answer.abstained
            continue
        shown = [(hit.brief.brief_id, hit.passage.paragraph) for hit in answer.hits]
        gold = (question["brief"], question["paragraph"])
        asked += 1
        first += shown[:1] == [gold]
        top3 += gold in shown
        answered += not answer.abstained
    return (
        f"several briefs (the sample beside two illustrative ones), through the engine: right brief and "
        f"paragraph first {first}/{asked}, top 3 {top3}/{asked}, answered {answered}/{asked}; "
        f"unanswerable abstained on {refused}/{unanswerable}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scifact", type=Path, default=ROOT.parent / "shared" / "datasets" / "scifact-train")
    parser.add_argument("--skip-scifact", action="store_true")
    parser.add_argument(
        "--model",
        default=DEFAULT_MODEL,
        help="sentence-transformers model name or local folder, to compare another model in the same "
        "pipeline (default: the engine's)",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="threshold to report abstention at (default: the engine's default)",
    )
    parser.add_argument(
        "--bm25-weight",
        type=float,
        default=DEFAULT.lexical,
        help=f"BM25's weight in the fusion for the lines through the engine, to judge another one "
        f"(default: the engine's, {DEFAULT.lexical})",
    )
    parser.add_argument(
        "--speaker-weight",
        type=float,
        default=DEFAULT.speaker,
        help=f"the speaker nudge's weight for the lines through the engine, to judge another one "
        f"(default: the engine's, {DEFAULT.speaker}; 0: off)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    embedder = SentenceTransformerEmbedder(args.model)
    through_engine = replace(DEFAULT, lexical=args.bm25_weight, speaker=args.speaker_weight)
    briefs = brief_rows(embedder, through_engine)
    on, off, abstained = briefs.on, briefs.off, briefs.abstained
    scifact = {} if args.skip_scifact else scifact_rows(embedder, args.scifact)
    from index.engine import DEFAULT_THRESHOLD

    print(
        f"{'variant':32} | {'SciFact train nDCG@10  R@100  MRR@10':38} | "
        "brief questions nDCG@10  R@100  MRR@10"
    )
    for name in VARIANTS:
        sci = scifact.get(name)
        left = f"{sci.ndcg:>21.4f} {sci.recall:6.4f} {sci.mrr:7.4f}" if sci else f"{'(skipped)':>38}"
        row = briefs.rows[name]
        print(f"{name:32} | {left:38} | {row.ndcg:23.4f} {row.recall:6.4f} {row.mrr:7.4f}  {row.extra}")
    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    precision, recall = abstention(threshold, on, off)
    print(f"\nbrief questions: {len(on)} on-topic, {len(off)} off-topic")
    print(
        f"confidence on-topic min {min(on):.3f}, off-topic max {max(off):.3f}; calibrated threshold "
        f"{briefs.calibrated:.3f}"
    )
    print(f"abstention at threshold {threshold:.3f}: precision {precision:.2f}, recall {recall:.2f}")
    print(
        "the engine (threshold, unmentioned names, offices and topics, unstated figures, leaders, a "
        "side's people and next meetings, silent actors) abstains on: "
        + ", ".join(f"{name} {kind} {sum(flags)}/{len(flags)}" for (name, kind), flags in abstained.items())
    )
    for group in ("tuning", *HELD_OUT):
        precision, recall = engine_abstention(abstained, group)
        print(
            f"engine abstention on {group} (off-topic and unanswerable): precision {precision:.2f}, "
            f"recall {recall:.2f}"
        )
    print(
        "through the engine, as `briefbot ask` answers (3 passages; an abstention counts as missed): "
        + " | ".join(
            f"{name} first {first}/{asked}, top 3 {top3}/{asked}, answered {answered}/{asked}"
            for name, (first, top3, answered, asked) in briefs.through_engine.items()
        )
    )
    print(
        "marked sentence in the right paragraph is a labelled answer, with token vectors (default) / "
        "with sentence vectors and shared words: "
        + " | ".join(
            f"{name} {tokens}/{labelled} / {plain}/{labelled}"
            for name, (tokens, plain, labelled) in briefs.best_sentence.items()
        )
    )
    answered, still_answered, abstained_own, still_abstained = briefs.title_case
    print(
        f"every question in Title Case: answerable answered {still_answered}/{answered} (of those answered "
        f"in their own case), unanswerable abstained on {still_abstained}/{abstained_own}"
    )
    asked, first_on, top3_on, first_off, top3_off = briefs.slips
    print(
        f"every answerable question with a typing slip: right first {first_on}/{asked}, top 3 "
        f"{top3_on}/{asked} with slips corrected; as typed {first_off}/{asked}, {top3_off}/{asked}"
    )
    read, total = briefs.read_otherwise
    print(f"questions as written read otherwise (a slip, an acronym, a state's name): {read}/{total}")
    print(several_briefs(embedder, through_engine))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
