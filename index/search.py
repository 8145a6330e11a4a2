"""Ranking passages for a question: dense passage and sentence evidence fused with BM25.

What an answer shows or why it abstains is index/answering.py's; questions about the briefs
themselves are index/brief_answers.py's."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from index.answer_types import asked_kinds, asked_region
from index.conclusion import asks_conclusion
from index.errors import QuestionError
from index.late_interaction import LateInteraction, QuestionTokens, Tokens, weighted
from index.lexical import fold, tokens
from index.models import BriefMeta, Hit, SearchFilters
from index.naming import asked_namer, namers_in
from index.offices import may_name_office
from index.parties import party_share, without_parties
from index.speakers import asked_speaker
from index.store import Generation
from index.vectors import search_rows

MAX_QUESTION_CHARS = 1000
# A filter admitting at most this many passages scores each of them; a wider one restricts the
# searches to what it admits. Scoring costs ~5 µs a passage at 100k (its vectors decoded): 40,000
# admitted took 195 ms that way, against 4-7 ms restricted (README "Speed", filtered search).
EXACT_FILTERED_LIMIT = 2_000
# An abstention cites the briefs of this many closest passages, those a reader would have seen.
CLOSEST_CITED = 3


class Retriever(StrEnum):
    FUSED = "fused"
    DENSE = "dense"
    LEXICAL = "lexical"


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the fused score; tuned with benchmarks/quality.py (see README)."""

    passage: float = 0.5
    sentence: float = 0.5
    lexical: float = 0.2
    candidates: int = 200
    # Pseudo-relevance feedback: the question vector plus this share of the best passage's vector
    # re-scores the same candidates (no second search): the best passage's wording finds its
    # neighbours. SciFact train nDCG@10 +0.004, briefs top 3 0.92 → 0.96 (benchmarks/QUALITY.md).
    feedback: float = 0.2
    # Late interaction (index/late_interaction.py): the fused top `late_depth` re-ordered with
    # token-level scores mixed in at `late_weight` (0: off).
    late_depth: int = 10
    late_weight: float = 2.0
    # Answer types (index/answer_types.py): for a question that asks for a kind of actor, the same
    # head nudged towards passages naming more actors of that kind than the question does.
    answer_type: float = 0.5
    # Conclusions (index/conclusion.py): a question about the author's conclusion has the head
    # nudged towards the passages that conclude the best passage's brief.
    conclusion: float = 1.0
    # Offices: a question naming an office ("What did the foreign minister say?") has the head
    # nudged towards passages naming that office in any form, whoever's (index/offices.py).
    office: float = 1.0
    # Speakers: a question asking what an actor said or how it reacted ("How did the Taliban
    # respond to Asif?") has the head nudged towards passages where it, or one who speaks for it,
    # says or does anything (index/actor_summary.py), not those where others speak of it.
    speaker: float = 1.0
    # Parties: a question naming a pair of actors most passages name ("between Pakistan and
    # Afghanistan") has the vector of the question without them mixed in at this weight, and
    # their token vectors for late interaction (index/parties.py; 0: off).
    parties: float = 1.0
    # Names given: a question asking what an actor calls something has the head nudged towards
    # passages where that actor, or nobody named, gives a name (index/naming.py).
    naming: float = 1.0


@dataclass(frozen=True)
class PassageUnits:
    """Unit vectors of some passages, grouped: runs start at `offsets`, one run per passage that
    has units (`has_units`)."""

    vectors: np.ndarray
    offsets: np.ndarray
    has_units: np.ndarray

    def best_scores(self, query_vector: np.ndarray) -> np.ndarray:
        """For each passage, the best similarity of any of its sentences or clauses (-1: none)."""
        scores = np.full(len(self.has_units), -1.0, dtype=np.float32)
        if len(self.offsets):
            scores[self.has_units] = np.maximum.reduceat(self.vectors @ query_vector, self.offsets)
        return scores


@dataclass(frozen=True)
class Scored:
    row: int
    score: float
    confidence: float  # best semantic similarity among the candidates, for abstention


@dataclass(frozen=True)
class Query:
    """A question as searched: its text and vector, the filters and retriever it is ranked with,
    and, when late interaction is on, its weighted token vectors, made with its vector in one pass
    of the model (None: made when needed)."""

    text: str
    vector: np.ndarray
    filters: SearchFilters | None = None
    retriever: Retriever = Retriever.FUSED
    tokens: QuestionTokens | None = None
    # The vector of the question as asked, when `vector` mixes in that of another reading of it
    # (Searcher.with_parties_read): whether the briefs answer is judged on the closer of the two.
    as_asked: np.ndarray | None = None


def check_question(question: str) -> str:
    cleaned = " ".join(question.split())
    if not cleaned:
        raise QuestionError("the question is empty: ask something about the briefs")
    if not has_words(cleaned):
        raise QuestionError("the question has no words: ask something about the briefs")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"the question is {len(cleaned):,} characters long; ask in at most {MAX_QUESTION_CHARS:,}"
        )
    return cleaned


# A phrase a question quotes: in double or curly quotes, or in single ones set off by spaces (not
# the apostrophe of "Pakistan's").
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]|‘([^’]+)’|(?<![\w])'([^']+)'(?![\w])")


def quoted(question: str) -> list[str]:
    """The phrases a question quotes, folded and with spaces made single."""
    return [
        plain
        for match in _QUOTED.finditer(question)
        if len(plain := _plain(next(group for group in match.groups() if group))) > 1
    ]


def _plain(text: str) -> str:
    return " ".join(fold(text).split())


def has_words(text: str) -> bool:
    """Whether `text` has a letter or a digit: "?" or "!!!" asks nothing."""
    return any(character.isalnum() for character in text)


def _zscore(values: np.ndarray) -> np.ndarray:
    """Scores on a common scale per question, so that weights mean the same for every question."""
    spread = float(values.std())
    return (values - values.mean()) / spread if spread > 1e-9 else np.zeros_like(values)


class Searcher:
    """Search over one loaded generation; cheap to create, holds no state between questions."""

    def __init__(
        self,
        generation: Generation,
        weights: FusionWeights | None = None,
        late: LateInteraction | None = None,
    ) -> None:
        self.generation = generation
        self.weights = weights or FusionWeights()
        self.late = late

    def rank(self, query: Query, k: int, within: np.ndarray | None = None) -> list[Scored]:
        """The best `k` candidates, best first, among the passages the query's filters admit and,
        if given, the rows `within`."""
        generation = self.generation
        if not generation.passages:
            return []
        retriever, query_vector = query.retriever, query.vector
        lexical = None if retriever == Retriever.DENSE else generation.lexical.scores(query.text)
        allowed = self.allowed(query.filters)
        if within is not None:
            admitted = np.zeros(len(generation.passages), dtype=bool)
            admitted[within] = True
            allowed = admitted if allowed is None else allowed & admitted
        candidates = self._candidates(query_vector, k, allowed, lexical, retriever)
        if len(candidates) == 0:
            return []
        passage_vectors = generation.passage_rows(candidates)
        units = self._units_of(candidates)
        dense = passage_vectors @ query_vector
        sentence = units.best_scores(query_vector)
        # Whether the briefs answer at all is judged on absolute similarity, not on the fused rank.
        confidence = float(np.maximum(dense, sentence).max())
        if query.as_asked is not None:
            as_asked = np.maximum(passage_vectors @ query.as_asked, units.best_scores(query.as_asked))
            confidence = max(confidence, float(as_asked.max()))
        if retriever == Retriever.DENSE:
            score = dense
        elif retriever == Retriever.LEXICAL:
            score = lexical[candidates]
        else:
            w = self.weights
            lexical_z = w.lexical * _zscore(lexical[candidates])

            def fused(dense: np.ndarray, sentence: np.ndarray) -> np.ndarray:
                return w.passage * _zscore(dense) + w.sentence * _zscore(sentence) + lexical_z

            score = fused(dense, sentence)
            if w.feedback:
                expanded = query_vector + w.feedback * passage_vectors[int(np.argmax(score))]
                expanded /= np.linalg.norm(expanded)
                score = fused(passage_vectors @ expanded, units.best_scores(expanded))
        order = np.argsort(-score, kind="stable")
        if self.uses_late(retriever):
            order, score = self._late_reordered(query, candidates, order, score)
        if retriever == Retriever.FUSED:
            for weight, signal in self._head_nudges(query.text):
                head = [int(candidates[i]) for i in order[: self.weights.late_depth]]
                order, score = self._head_rescored(order, score, signal(head), weight)
        return [Scored(int(candidates[i]), float(score[i]), confidence) for i in order[:k]]

    def _head_nudges(self, question: str) -> list[tuple[float, Callable[[list[int]], np.ndarray]]]:
        """What the question asks for beyond its words, each a weight and a signal over the head's
        passage rows: a kind of actor (index/answer_types.py), the brief's conclusion
        (index/conclusion.py), an office (index/offices.py), an actor's own words (index/speakers.py), a
        name given (index/naming.py)."""
        weights, generation = self.weights, self.generation
        nudges: list[tuple[float, Callable[[list[int]], np.ndarray]]] = []
        if weights.answer_type and (kinds := asked_kinds(question)):
            nudges.append(
                (
                    weights.answer_type,
                    lambda rows: generation.answer_types.novel_actors(
                        question, rows, kinds, asked_region(question)
                    ),
                )
            )
        if weights.conclusion and asks_conclusion(question):
            nudges.append((weights.conclusion, generation.conclusions.signal))
        if weights.office and may_name_office(question) and (offices := generation.offices.named(question)):
            nudges.append((weights.office, lambda rows: self._naming_offices(offices, rows)))
        asked = asked_speaker(question) if weights.speaker else None
        if asked and (actor := generation.actor_directory.actor_named(asked.speaker)):
            nudges.append((weights.speaker, lambda rows: self._hearing(actor, rows)))
        if weights.naming and (namer := asked_namer(question)) is not None:
            nudges.append((weights.naming, lambda rows: self.giving_names(namer, rows)))
        return nudges

    def giving_names(self, namer: str, rows: list[int]) -> np.ndarray:
        """1 for each passage of `rows` that gives a name `namer` may be the giver of, else 0: a
        giver read as another actor is not the one asked about ("How does Kabul classify the
        TTP?" is not answered by what Islamabad calls it); one not read as any actor may be."""
        directory = self.generation.actor_directory
        asked = directory.actor_named(namer) if namer else None

        def may_be_asked(given: str) -> bool:  # "" when nobody is said to give the name
            return asked is None or not given or directory.actor_ending(given) in (None, asked)

        passages = self.generation.passages
        return np.array(
            [float(any(may_be_asked(given) for given in namers_in(passages[row].text))) for row in rows]
        )

    def _hearing(self, actor_id: str, rows: list[int]) -> np.ndarray:
        """1 for each passage of `rows` in the brief of the first where the actor, or one who
        speaks for it, says or does anything; else 0. Only that brief's: whether the briefs a
        question is about hear from the actor at all is the silent actors' rule
        (index/speakers.py), which a passage of another brief brought forward would defeat."""
        generation = self.generation
        brief_id = generation.passages[rows[0]].brief_id
        return np.array(
            [
                float(
                    generation.passages[row].brief_id == brief_id
                    and generation.actor_directory.heard_in(actor_id, row)
                )
                for row in rows
            ]
        )

    def _naming_offices(self, asked: set[tuple[str, str | None]], rows: list[int]) -> np.ndarray:
        """1 for each passage of `rows` that names an office asked about or one who holds it
        ("Khawaja Asif", Pakistan's defence minister), of the owner asked about if both say whose,
        else 0: "China's Foreign Ministry" is not Türkiye's; an owner left unsaid may be anyone's
        ("Interior Minister Sirajuddin Haqqani")."""
        generation = self.generation
        holders = self.holders_of(asked)
        return np.array(
            [
                float(
                    _is_asked(generation.offices.named(generation.passages[row].text), asked)
                    or any(generation.actor_directory.names_in(holder, row) for holder in holders)
                )
                for row in rows
            ]
        )

    def holders_of(self, asked: set[tuple[str, str | None]]) -> list[str]:
        """The actors with a role of an office asked about (of the owner asked about if both say
        whose), in the order the briefs first name them with it."""
        return list(
            dict.fromkeys(
                actor_id for actor_id, written in self.generation.office_roles if _is_asked(written, asked)
            )
        )

    def with_parties_read(self, query: Query) -> Query:
        """`query` with the vector of the question without a pair of parties most passages name
        mixed in, and that question's token vectors for late interaction (index/parties.py); as
        it is if it names no such pair, or is not ranked with late interaction."""
        if not (self.weights.parties and self.uses_late(query.retriever)):
            return query
        generation = self.generation
        text = without_parties(query.text, party_share(generation.actor_directory, len(generation.passages)))
        if not text:
            return query
        vector, tokens = self.late.question_vector_and_tokens(text)
        mixed = query.vector + self.weights.parties * vector
        return replace(
            query,
            vector=mixed / np.linalg.norm(mixed),
            tokens=self.weighted(text, tokens),
            as_asked=query.vector,
        )

    def uses_late(self, retriever: Retriever) -> bool:
        """Whether questions ranked with `retriever` go through late interaction."""
        return retriever == Retriever.FUSED and self.late is not None and bool(self.weights.late_weight)

    def _late_reordered(
        self, query: Query, candidates: np.ndarray, order: np.ndarray, score: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The head of `order` re-scored with late interaction (index/late_interaction.py)."""
        head = order[: self.weights.late_depth]
        passages = [self.generation.passages[int(candidates[i])] for i in head]
        token = self.late.scores(
            self.question_tokens(query), [p.text for p in passages], [p.sentence_spans for p in passages]
        )
        return self._head_rescored(order, score, token, self.weights.late_weight)

    def question_tokens(self, query: Query) -> QuestionTokens:
        """The query's weighted token vectors for late interaction, made now if they were not with
        its vector."""
        if query.tokens is not None:
            return query.tokens
        return self.weighted(query.text, self.late.question_tokens(query.text))

    def weighted(self, question: str, made: Tokens) -> QuestionTokens:
        """`question`'s tokens, each counting as much as its word is rare among the passages
        (index/late_interaction.py)."""
        return weighted(question, made, self.generation.lexical.word_weight)

    def _head_rescored(
        self, order: np.ndarray, score: np.ndarray, signal: np.ndarray, weight: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """The head of `order` (its first late_depth) with `signal`, one value per head passage,
        mixed in and re-sorted; the rest follows, its scores lowered if need be so that they still
        read best first. The signal is mixed in as a z-score, as the fusion mixes its own, on the
        scale of the head's own spread so that the scores shown stay comparable with the tail's."""
        head, tail = order[: self.weights.late_depth], order[self.weights.late_depth :]
        score = score.copy()
        score[head] += weight * float(score[head].std()) * _zscore(signal)
        head = head[np.argsort(-score[head], kind="stable")]
        if len(tail):
            score[tail] -= max(0.0, float(score[tail].max() - score[head].min()))
        return np.concatenate([head, tail]), score

    def allowed(self, filters: SearchFilters | None) -> np.ndarray | None:
        """A mask of the passages the filters admit (None: no filter)."""
        if filters is None or filters.is_empty():
            return None
        return self.generation.admitted_passages(filters)

    def _candidates(
        self,
        query_vector: np.ndarray,
        k: int,
        allowed: np.ndarray | None,
        lexical: np.ndarray | None,
        retriever: Retriever,
    ) -> np.ndarray:
        """Passages worth scoring exactly, among those the filters admit: the nearest by passage
        and by sentence, the best by BM25."""
        generation = self.generation
        if allowed is not None and allowed.sum() <= EXACT_FILTERED_LIMIT:
            return np.flatnonzero(allowed)  # a narrow filter: score every admitted passage exactly
        pool = max(self.weights.candidates, k)
        found: list[np.ndarray] = []
        query = query_vector.reshape(1, -1).astype(np.float32)
        if retriever != Retriever.LEXICAL:
            found.append(search_rows(generation.passage_index, query, pool, allowed))
            if generation.search_units:  # small corpora only: a scan of a few ms
                admitted_units = None if allowed is None else allowed[generation.unit_owner]
                unit_rows = search_rows(generation.unit_index, query, pool * 3, admitted_units)
                found.append(generation.unit_owner[unit_rows])
        if lexical is not None:
            positive = np.flatnonzero(lexical > 0 if allowed is None else (lexical > 0) & allowed)
            if len(positive) > pool:
                positive = positive[np.argpartition(-lexical[positive], pool)[:pool]]
            found.append(positive)
        return np.unique(np.concatenate(found)).astype(np.int64) if found else np.zeros(0, dtype=np.int64)

    def _units_of(self, rows: np.ndarray) -> PassageUnits:
        """The sentence and clause vectors of passages `rows`, read once for every score."""
        generation = self.generation
        starts = generation.unit_start[rows]
        counts = generation.unit_start[rows + 1] - starts
        has_units = counts > 0
        starts, counts = starts[has_units], counts[has_units]
        offsets = np.cumsum(counts) - counts  # where each passage's run starts (empty if none)
        # All units of all passages as one index array: start of each run plus a running count.
        ids = np.repeat(starts - offsets, counts) + np.arange(int(counts.sum()))
        return PassageUnits(generation.unit_rows(ids), offsets, has_units)

    def best_sentence(self, row: int, query: Query, among: Collection[int] | None = None) -> str:
        """The sentence of passage `row` that best answers, among the sentence numbers `among` if
        given. With the question's token vectors, the sentence whose tokens best match them (late
        interaction: a labelled answer for 49 of 50 and 36 of 38 questions, against 41 and 31;
        benchmarks/QUALITY.md); without, its similarity plus shared words."""
        generation = self.generation
        passage = generation.passages[row]
        sentences = passage.sentences()
        numbers = sorted(among) if among else list(range(len(sentences)))
        # 'What did Asif mean by "no-go area"?': the sentence holding the words quoted.
        if phrases := quoted(query.text):
            numbers = [n for n in numbers if any(p in _plain(sentences[n]) for p in phrases)] or numbers
        if len(numbers) <= 1:
            return sentences[numbers[0]] if sentences else passage.text
        if query.tokens is not None and self.late is not None:
            spans = [passage.sentence_spans[number] for number in numbers]
            best = self.late.best_sentence(query.tokens, passage.text, spans)
            if best is not None:
                return sentences[numbers[best]]
        start, end = generation.unit_start[row], generation.unit_start[row + 1]
        unit_similarity = generation.unit_rows(np.arange(start, end)) @ query.vector
        similarity = np.full(len(sentences), -1.0, dtype=np.float32)
        np.maximum.at(similarity, generation.unit_sentence[start:end], unit_similarity)
        query_terms = set(tokens(query.text))
        overlap = np.asarray(
            [len(query_terms & set(tokens(s))) / max(len(query_terms), 1) for s in sentences]
        )
        fit = (similarity + 0.3 * overlap)[numbers]
        return sentences[numbers[int(np.argmax(fit))]]

    def hits(
        self, ranked: list[Scored], query: Query, among: Sequence[Collection[int]] | None = None
    ) -> tuple[Hit, ...]:
        """The passages of `ranked` as cited hits, each with its best sentence (of each passage's
        sentence numbers in `among`, if given)."""
        generation = self.generation
        return tuple(
            Hit(
                passage=generation.passages[s.row],
                brief=generation.briefs[generation.passages[s.row].brief_id].meta,
                score=round(s.score, 4),
                best_sentence=self.best_sentence(s.row, query, among[number] if among else None),
            )
            for number, s in enumerate(ranked)
        )

    def ranked_with(self, shown: list[Scored], rows: Collection[int], query: Query) -> list[Scored]:
        """The passages of `shown` and `rows` ranked again together, so that their scores compare
        when some are brought forward out of their order."""
        pool = np.asarray(sorted({s.row for s in shown} | set(rows)), dtype=np.int64)
        return self.rank(query, len(pool), pool)

    def closest_briefs(self, ranked: list[Scored]) -> tuple[BriefMeta, ...]:
        """The briefs of the passages of `ranked` a reader would have seen, in their order."""
        generation = self.generation
        return tuple(
            dict.fromkeys(
                generation.briefs[generation.passages[s.row].brief_id].meta for s in ranked[:CLOSEST_CITED]
            )
        )


def _is_asked(written: set[tuple[str, str | None]], asked: set[tuple[str, str | None]]) -> bool:
    """Whether an office written (with its owner, if said) is one asked about: the same office, of
    the same owner if both say whose."""
    return any(
        office == asked_office and (owner is None or asked_owner is None or owner == asked_owner)
        for office, owner in written
        for asked_office, asked_owner in asked
    )
