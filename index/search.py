"""Ranking passages for a question: dense passage and sentence evidence fused with BM25."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from index.acronyms import asked_expansion, spells_out
from index.answer_types import asked_kinds
from index.brief_details import (
    ACTOR_KINDS,
    ACTORS,
    BRIEF_DETAILS,
    CATALOGUE,
    CONCLUSION,
    MENTIONS,
    NEWEST,
    OVERVIEW,
    WHICH_BRIEF,
    asked_actors,
    asked_mentions,
    asked_whole,
    asks_brief_details,
    asks_catalogue,
    asks_latest,
    brief_name_words,
    names_a_brief,
)
from index.conclusion import asks_conclusion
from index.errors import QuestionError
from index.figures import asked_figure, counted, states
from index.late_interaction import LateInteraction
from index.leaders import HOLDER, LEADER, asked_office, asks_leader, holder_named, names_leader
from index.lexical import fold, tokens
from index.models import Answer, BriefMeta, Hit, SearchFilters
from index.names import question_names
from index.offices import may_name_office
from index.speakers import asked_speaker
from index.store import Generation, StoredBrief
from index.upcoming import NEXT_MEETING, asks_next_meeting, speaks_of_next_meeting
from index.vectors import search_rows

MAX_QUESTION_CHARS = 1000
# A filter admitting at most this many passages scores each of them; a wider one restricts the
# searches to what it admits. Scoring costs ~5 µs a passage at 100k (its vectors decoded): 40,000
# admitted took 195 ms that way, against 4-7 ms restricted (README "Speed", filtered search).
EXACT_FILTERED_LIMIT = 2_000
# Below this confidence, a question whose names no brief mentions ("What did Iran say about the
# ceasefire?") abstains: such questions reach 0.41-0.63 on the sample brief, as high as
# answerable ones, so the threshold cannot catch them (benchmarks/quality.py, "unanswerable").
# Above it, a question all but quoting a passage is answered, whatever name it adds (offices and
# everyday topics no brief writes are looked for at any confidence: they have no other spellings).
CLOSE_MATCH = 0.7
# A question asking for a figure, a date ("How many refugees ...?"), a leader ("Who leads the
# TTP?") or about the next meeting ("Where will the next round be held?") is answered only if one
# of this many best passages, those a reader sees first, states one (index/figures.py,
# index/leaders.py, index/upcoming.py).
EVIDENCE_DEPTH = 3
# Asked whom the briefs name, the engine lists this many (the most named first).
NAMED_MOST = 8
# How an answer far from every passage in meaning was found (models.Answer.basis): the passages
# holding every word of the question.
WORDS = "words"
# Asked which briefs mention a subject, the engine cites the closest passage of at most this many
# (or of as many as the question asks passages for, if more).
LISTED_MENTIONS = 10
# Words that name nothing to look for: "is there anything about" holds no subject of its own.
_VAGUE = re.compile(r"\b(?:any|some|every|no)(?:thing|one|body)\b|\bthings?\b|\bstuff\b", re.IGNORECASE)


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
    # neighbours. SciFact train nDCG@10 +0.004, briefs top 3 0.92 → 0.96 (README "Quality").
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

    def rank(
        self,
        question: str,
        query_vector: np.ndarray,
        k: int,
        filters: SearchFilters | None = None,
        retriever: Retriever = Retriever.FUSED,
        question_tokens: np.ndarray | None = None,
        within: np.ndarray | None = None,
    ) -> list[Scored]:
        """The best `k` candidates, best first, among the passages the filters admit and, if
        given, the rows `within`. `question_tokens`, the question's token vectors if they were
        made with its vector, spare late interaction a second pass of the model."""
        generation = self.generation
        if not generation.passages:
            return []
        lexical = None if retriever == Retriever.DENSE else generation.lexical.scores(question)
        allowed = self._allowed(filters)
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
            order, score = self._late_reordered(question, question_tokens, candidates, order, score)
        if retriever == Retriever.FUSED:
            for weight, signal in self._head_nudges(question):
                head = [int(candidates[i]) for i in order[: self.weights.late_depth]]
                order, score = self._head_rescored(order, score, signal(head), weight)
        return [Scored(int(candidates[i]), float(score[i]), confidence) for i in order[:k]]

    def _head_nudges(self, question: str) -> list[tuple[float, Callable[[list[int]], np.ndarray]]]:
        """What the question asks for beyond its words, each a weight and a signal over the head's
        passage rows: a kind of actor (index/answer_types.py), the brief's conclusion
        (index/conclusion.py), an office (index/offices.py)."""
        weights, generation = self.weights, self.generation
        nudges: list[tuple[float, Callable[[list[int]], np.ndarray]]] = []
        if weights.answer_type and (kinds := asked_kinds(question)):
            nudges.append(
                (
                    weights.answer_type,
                    lambda rows: generation.answer_types.novel_actors(question, rows, kinds),
                )
            )
        if weights.conclusion and asks_conclusion(question):
            nudges.append((weights.conclusion, generation.conclusions.signal))
        if weights.office and may_name_office(question) and (offices := generation.offices.named(question)):
            nudges.append((weights.office, lambda rows: self._naming_offices(offices, rows)))
        return nudges

    def _naming_offices(self, asked: set[tuple[str, str | None]], rows: list[int]) -> np.ndarray:
        """1 for each passage of `rows` that names an office asked about or one who holds it
        ("Khawaja Asif", Pakistan's defence minister), of the owner asked about if both say whose,
        else 0: "China's Foreign Ministry" is not Türkiye's; an owner left unsaid may be anyone's
        ("Interior Minister Sirajuddin Haqqani")."""
        generation = self.generation
        holders = self._holders_of(asked)
        return np.array(
            [
                float(
                    _is_asked(generation.offices.named(generation.passages[row].text), asked)
                    or any(generation.actor_directory.names_in(holder, row) for holder in holders)
                )
                for row in rows
            ]
        )

    def _holders_of(self, asked: set[tuple[str, str | None]]) -> list[str]:
        """The actors with a role of an office asked about (of the owner asked about if both say
        whose), in the order the briefs first name them with it."""
        return list(
            dict.fromkeys(
                actor_id for actor_id, written in self.generation.office_roles if _is_asked(written, asked)
            )
        )

    def uses_late(self, retriever: Retriever) -> bool:
        """Whether questions ranked with `retriever` go through late interaction."""
        return retriever == Retriever.FUSED and self.late is not None and bool(self.weights.late_weight)

    def _late_reordered(
        self,
        question: str,
        question_tokens: np.ndarray | None,
        candidates: np.ndarray,
        order: np.ndarray,
        score: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The head of `order` re-scored with late interaction (index/late_interaction.py)."""
        head = order[: self.weights.late_depth]
        texts = [self.generation.passages[int(candidates[i])].text for i in head]
        if question_tokens is None:
            question_tokens = self.late.question_tokens(question)
        token = self.late.scores(question_tokens, texts)
        return self._head_rescored(order, score, token, self.weights.late_weight)

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

    def _allowed(self, filters: SearchFilters | None) -> np.ndarray | None:
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

    def best_sentence(
        self,
        row: int,
        question: str,
        query_vector: np.ndarray,
        question_tokens: np.ndarray | None = None,
        among: Collection[int] | None = None,
    ) -> str:
        """The sentence of passage `row` that best answers, among the sentence numbers `among` if
        given. With the question's token vectors, the sentence whose tokens best match them (late
        interaction: a labelled answer for 44 of 50 and 34 of 38 questions, against 41 and 31;
        README "Quality"); without, its similarity plus shared words."""
        generation = self.generation
        passage = generation.passages[row]
        sentences = passage.sentences()
        numbers = sorted(among) if among else list(range(len(sentences)))
        # 'What did Asif mean by "no-go area"?': the sentence holding the words quoted.
        if phrases := quoted(question):
            numbers = [n for n in numbers if any(p in _plain(sentences[n]) for p in phrases)] or numbers
        if len(numbers) <= 1:
            return sentences[numbers[0]] if sentences else passage.text
        if question_tokens is not None and self.late is not None:
            spans = [passage.sentence_spans[number] for number in numbers]
            best = self.late.best_sentence(question_tokens, passage.text, spans)
            if best is not None:
                return sentences[numbers[best]]
        start, end = generation.unit_start[row], generation.unit_start[row + 1]
        unit_similarity = generation.unit_rows(np.arange(start, end)) @ query_vector
        similarity = np.full(len(sentences), -1.0, dtype=np.float32)
        np.maximum.at(similarity, generation.unit_sentence[start:end], unit_similarity)
        query_terms = set(tokens(question))
        overlap = np.asarray(
            [len(query_terms & set(tokens(s))) / max(len(query_terms), 1) for s in sentences]
        )
        fit = (similarity + 0.3 * overlap)[numbers]
        return sentences[numbers[int(np.argmax(fit))]]

    def _unknown(
        self, question: str, ranked: list[Scored], subject: bool = False
    ) -> tuple[tuple[str, ...], bool]:
        """The names and offices the question asks about that the briefs never mention, and
        whether other briefs than those of the closest passages do (index/names.py,
        index/offices.py). A close match may add a name spelled another way; an office or a topic
        no brief writes is asked about however close the passages come. Far from every passage,
        the names tell the reader why ("Imran Khan": never mentioned, not just far). With
        `subject`, the question is the subject taken from one (index/names.py)."""
        generation = self.generation
        names = ranked[0].confidence < CLOSE_MATCH
        unknown = tuple(generation.names.unmentioned(question, names, subject))
        several = len(generation.briefs) > 1
        if not unknown and names and several and (absent := self._absent(question, ranked, subject)):
            return absent, True
        if not unknown and (
            voice := generation.names.unmentioned_voice(question, generation.actor_directory.actor_named)
        ):
            unknown = (voice,)  # "Pakistan's opposition parties": Pakistan's, but never mentioned
        if not unknown and may_name_office(question):  # one the briefs name for others only
            unknown = tuple(
                f"{generation.actors.actors[owner].name}'s {office}"
                for owner, office in generation.offices.unheld(question)
            )
        return unknown, False

    def _absent(self, question: str, ranked: list[Scored], subject: bool = False) -> tuple[str, ...]:
        """The question's names of actors that only briefs other than the closest mention."""
        return tuple(self.generation.names.absent_from(question, self._closest_briefs(ranked), subject))

    def _closest_briefs(self, ranked: list[Scored]) -> set[str]:
        """The briefs of the passages a reader sees first."""
        return {self.generation.passages[s.row].brief_id for s in ranked[:EVIDENCE_DEPTH]}

    def _unstated(self, question: str, best: list[Scored]) -> str:
        """What the question asks for that none of the `best` passages states: a kind of figure
        (index/figures.py), a leader or an office's holder (index/leaders.py) or the next meeting
        (index/upcoming.py); "" if one does or it asks for none of them."""
        texts = [self.generation.passages[s.row].text for s in best]
        figure, things = asked_figure(question), counted(question)
        if figure is not None and not any(
            states(figure, text, things) and self._holds_names(question, scored.row)
            for scored, text in zip(best, texts, strict=True)
        ):
            return figure.value
        if asks_leader(question) and not any(names_leader(question, text) for text in texts):
            return LEADER
        if (office := asked_office(question)) and not holder_named(
            office, texts, self.generation.actor_directory.actor_named
        ):
            return HOLDER
        if asks_next_meeting(question) and not any(speaks_of_next_meeting(text) for text in texts):
            return NEXT_MEETING
        return ""

    def _holds_names(self, question: str, row: int) -> bool:
        """Whether passage `row` names all that the question names and the briefs hold: an actor
        by any of its names ("Kabul" is Afghanistan), another name word for word. A figure is an
        answer only there: the toll of the Besham attack does not tell how many died at Pahalgam."""
        generation = self.generation
        directory = generation.actor_directory
        held = set(tokens(generation.passages[row].text))
        for name in question_names(question):
            words = set(tokens(name))  # "Chinese" is "china": "Chinese nationals" hold it
            if words <= held:
                continue
            if actor_id := directory.actor_named(name):
                if not directory.names_in(actor_id, row):
                    return False
            elif all(word in generation.lexical.vocabulary for word in words):
                return False
        return True

    def answer(
        self,
        question: str,
        query_vector: np.ndarray,
        k: int,
        threshold: float,
        filters: SearchFilters | None = None,
        retriever: Retriever = Retriever.FUSED,
        question_tokens: np.ndarray | None = None,
        subject: bool = False,
    ) -> Answer:
        """The answer to `question`, or, with `subject`, to the question whose subject it is
        ("Balochistan" of "Anything on Balochistan?": its names are read as such)."""
        if self.uses_late(retriever) and question_tokens is None:
            question_tokens = self.late.question_tokens(question)
        depth = max(k, EVIDENCE_DEPTH)
        if (mentioned := asked_mentions(question)) and (
            mentioning := self._briefs_mentioning(
                question, mentioned, query_vector, k, filters, retriever, question_tokens
            )
        ):
            return mentioning
        ranked = self.rank(question, query_vector, depth, filters, retriever, question_tokens)
        if about_the_briefs := self._about_the_briefs(question, ranked, k, filters):
            return about_the_briefs
        generation = self.generation
        unknown: tuple[str, ...] = ()
        unstated = ""
        basis = ""
        found = bool(ranked) and threshold <= ranked[0].confidence
        if ranked and not found:
            # Few words ("who mediated?", "Bagram", "civil society") come far from every passage
            # in meaning; the passages holding them all, if any, are what was asked for.
            holding = generation.lexical.holding_every_term(_VAGUE.sub(" ", question))
            if len(holding) and (
                held := self.rank(question, query_vector, depth, filters, retriever, question_tokens, holding)
            ):
                ranked, found, basis = held, True, WORDS
        elsewhere = False
        if ranked:
            unknown, elsewhere = self._unknown(question, ranked, subject)
        silent = ""
        if found and not unknown:
            # However close the passages come, a figure, a leader or a next meeting none of them
            # states is not there, nor the words of an actor their briefs never hear from (whom
            # they hear from is read on the first question that asks).
            unstated = self._unstated(question, ranked[:EVIDENCE_DEPTH])
            if not unstated and (asked := asked_speaker(question)):
                silent = generation.voices.silent(asked, self._closest_briefs(ranked))
        if not found or unknown or unstated or silent:
            return self._abstention(question, ranked, unknown, unstated, silent, elsewhere)
        shown = ranked[:k]
        office, holders = self._holders_apart(question, filters) if may_name_office(question) else ("", [])
        if holders:
            shown = self._with_each_holder(
                shown, holders, question, query_vector, filters, retriever, question_tokens
            )
        among: list[set[int]] | None = None
        if (acronym := asked_expansion(question)) and (
            spelled := self._spelled_out_first(
                acronym, shown, question, query_vector, filters, retriever, question_tokens
            )
        ):
            shown, among = spelled
        hits = self._hits(shown, question, query_vector, question_tokens, among)
        names = tuple(generation.actor_directory.index.actors[actor_id].name for actor_id in holders)
        return Answer(question, hits, False, basis=basis, office=office if holders else "", holders=names)

    def _holders_apart(self, question: str, filters: SearchFilters | None) -> tuple[str, list[str]]:
        """An office the question names without saying whose, and the actors that hold it in the
        briefs the filters admit, if more than one and not all in one brief ("the interior
        minister": Pakistan's in a brief on CPEC, the Taliban's in one on the truce); else none.
        Within one brief the passages shown say whose is whose."""
        generation = self.generation
        directory = generation.actor_directory
        allowed = self._allowed(filters)
        for office in generation.offices.ownerless(question):
            holders, briefs = [], set()
            for actor_id in self._holders_of({(office, None)}):
                rows = [row for row in directory.rows_naming(actor_id) if allowed is None or allowed[row]]
                if rows:
                    holders.append(actor_id)
                    briefs.update(generation.passages[row].brief_id for row in rows)
            if len(holders) > 1 and len(briefs) > 1:
                return office, holders
        return "", []

    def _with_each_holder(
        self,
        shown: list[Scored],
        holders: list[str],
        question: str,
        query_vector: np.ndarray,
        filters: SearchFilters | None,
        retriever: Retriever,
        question_tokens: np.ndarray | None,
    ) -> list[Scored]:
        """`shown` with the closest passage naming each holder that the first does not name right
        after the first, the rest of `shown` following as room allows: a reader who sees the first
        few (Discord shows three) sees each holder, and asking for more passages keeps that order.
        Ranked again together, the scores shown stay comparable."""
        directory = self.generation.actor_directory
        missing = [h for h in holders if not directory.names_in(h, shown[0].row)][: len(shown) - 1]
        if not missing:
            return shown
        naming = {row for h in missing for row in directory.rows_naming(h)}
        ranked = self._ranked_with(shown, naming, question, query_vector, filters, retriever, question_tokens)
        added = list({next(s for s in ranked if directory.names_in(h, s.row)).row: h for h in missing})
        rescored = {s.row: s for s in ranked}
        kept = [rescored[s.row] for s in shown if s.row not in added][: len(shown) - len(added)]
        return [*kept[:1], *(rescored[row] for row in added), *kept[1:]]

    def _ranked_with(
        self,
        shown: list[Scored],
        rows: Collection[int],
        question: str,
        query_vector: np.ndarray,
        filters: SearchFilters | None,
        retriever: Retriever,
        question_tokens: np.ndarray | None,
    ) -> list[Scored]:
        """The passages of `shown` and `rows` ranked again together, so that their scores compare
        when some are brought forward out of their order."""
        pool = np.asarray(sorted({s.row for s in shown} | set(rows)), dtype=np.int64)
        return self.rank(question, query_vector, len(pool), filters, retriever, question_tokens, pool)

    def _spelled_out_first(
        self,
        acronym: str,
        shown: list[Scored],
        question: str,
        query_vector: np.ndarray,
        filters: SearchFilters | None,
        retriever: Retriever,
        question_tokens: np.ndarray | None,
    ) -> tuple[list[Scored], list[set[int]]] | None:
        """`shown` with the closest passage that spells `acronym` out first, the rest following as
        room allows, and the sentence numbers to mark in each (that passage's sentence spelling it
        out; any in the others); None if no passage the filters admit spells it out."""
        passages, allowed = self.generation.passages, self._allowed(filters)
        spelling = {
            int(row): at
            for row in self.generation.lexical.holding_every_term(acronym)
            if (allowed is None or allowed[row])
            and (at := spells_out(passages[row].text, acronym)) is not None
        }
        if not spelling:
            return None
        ranked = self._ranked_with(
            shown, spelling.keys(), question, query_vector, filters, retriever, question_tokens
        )
        first = next(s for s in ranked if s.row in spelling)
        rescored = {s.row: s for s in ranked}
        rest = [rescored[s.row] for s in shown if s.row != first.row][: len(shown) - 1]
        spans = passages[first.row].sentence_spans
        sentence = next(n for n, (start, end) in enumerate(spans) if start <= spelling[first.row] < end)
        return [first, *rest], [{sentence}] + [set() for _ in rest]

    def _hits(
        self,
        ranked: list[Scored],
        question: str,
        query_vector: np.ndarray,
        question_tokens: np.ndarray | None,
        among: Sequence[Collection[int]] | None = None,
    ) -> tuple[Hit, ...]:
        """The passages of `ranked` as cited hits, each with its best sentence (of each passage's
        sentence numbers in `among`, if given)."""
        generation = self.generation
        return tuple(
            Hit(
                passage=generation.passages[s.row],
                brief=generation.briefs[generation.passages[s.row].brief_id].meta,
                score=round(s.score, 4),
                best_sentence=self.best_sentence(
                    s.row, question, query_vector, question_tokens, among[number] if among else None
                ),
            )
            for number, s in enumerate(ranked)
        )

    def _about_the_briefs(
        self, question: str, ranked: list[Scored], k: int, filters: SearchFilters | None
    ) -> Answer | None:
        """The answer to a question about the briefs themselves (index/brief_details.py): which
        there are, who wrote them, whom they name, what one says as a whole; None for any other
        question."""
        if catalogue := asks_catalogue(question):  # the index's list, which no passage holds
            return Answer(question, (), True, self._catalogue(catalogue, filters), unstated=catalogue)
        details, whole, named = asks_brief_details(question), asked_whole(question), names_a_brief(question)
        if details or whole:
            # "tl;dr of the latest brief": the newest dated one; "Who wrote the CPEC brief?": the
            # brief whose details hold "CPEC", whatever passages come closest.
            chosen = (
                self._latest_brief(filters) if asks_latest(question) else self.named_brief(question, filters)
            )
            if chosen is not None and (rows := np.flatnonzero(self.generation.passage_brief == chosen)).size:
                ranked, named = [Scored(int(rows[0]), 0.0, 1.0)], True
        if details:  # front matter, which no passage holds
            return self._abstention(question, ranked, unstated=BRIEF_DETAILS)
        if kind := asked_actors(question):  # the actor index's counts, which no passage holds
            named = self._named_most(filters, ACTOR_KINDS.get(kind))
            # The briefs counted, when a filter, a brief named or a thread narrowed them.
            admitted = [brief.meta for _, brief in self._admitted_briefs(filters)]
            counted = tuple(admitted) if len(admitted) < len(self.generation.briefs) else ()
            return Answer(question, (), True, counted, unstated=ACTORS, named_most=named, named_kind=kind)
        if whole and ranked:
            several = self.generation.admitted_briefs(filters or SearchFilters()).sum() > 1
            if several and not named:  # else the closest passage's brief
                return self._abstention(question, ranked, unstated=WHICH_BRIEF)
            return self._overview(question, ranked[0].row, k, opening=whole == OVERVIEW)
        return None

    def _briefs_mentioning(
        self,
        question: str,
        subject: str,
        query_vector: np.ndarray,
        k: int,
        filters: SearchFilters | None,
        retriever: Retriever,
        question_tokens: np.ndarray | None,
    ) -> Answer | None:
        """Which briefs mention `subject` (index/brief_details.py): of each, the passage naming it
        that comes closest to the question, the closest brief first, then, if that makes fewer
        than `k`, the next closest naming it; None if `subject` has no word to look for."""
        generation = self.generation
        directory = generation.actor_directory
        subject = re.sub(r"^(?:the|a|an)\s+", "", _VAGUE.sub(" ", subject).strip(), flags=re.IGNORECASE)
        if actor_id := directory.actor_named(subject):
            rows = np.asarray(directory.rows_naming(actor_id), dtype=np.int64)
        elif terms := set(tokens(subject)):
            rows = generation.lexical.holding_every_term(subject)
        else:
            return None
        if (allowed := self._allowed(filters)) is not None:
            rows = rows[allowed[rows]]
        if not len(rows):
            return self._abstention(question, [], unknown=(subject,))
        ranked = self.rank(question, query_vector, len(rows), filters, retriever, question_tokens, rows)
        best_of_brief: dict[str, Scored] = {}
        for scored in ranked:  # best first
            best_of_brief.setdefault(generation.passages[scored.row].brief_id, scored)
        shown = list(best_of_brief.values())[: max(k, LISTED_MENTIONS)]
        # Fewer briefs than passages asked for: the next closest passages naming it, after them.
        shown += [s for s in ranked if s not in shown][: max(k - len(shown), 0)]
        # The sentence marked is one that names the subject, the best of those.
        naming = [
            directory.sentences_naming(actor_id, s.row)
            if actor_id
            else {
                number
                for number, sentence in enumerate(generation.passages[s.row].sentences())
                if terms & set(tokens(sentence))
            }
            for s in shown
        ]
        hits = self._hits(shown, question, query_vector, question_tokens, naming)
        return Answer(
            question, hits, False, basis=MENTIONS, mentioning=subject, mentioning_briefs=len(best_of_brief)
        )

    def _admitted_briefs(self, filters: SearchFilters | None) -> list[tuple[int, StoredBrief]]:
        """The number (as in Generation.passage_brief) and details of each brief `filters` admit."""
        generation = self.generation
        admitted = generation.admitted_briefs(filters or SearchFilters())
        return [
            (number, brief)
            for number, (brief, kept) in enumerate(zip(generation.briefs.values(), admitted, strict=True))
            if kept
        ]

    def _catalogue(self, asked: str, filters: SearchFilters | None) -> tuple[BriefMeta, ...]:
        """The briefs the filters admit, newest first (undated ones last, by title); for NEWEST
        or OLDEST, the one dated brief at that end, or none if no brief is dated."""
        metas = [brief.meta for _, brief in self._admitted_briefs(filters)]
        dated = sorted((meta for meta in metas if meta.date), key=lambda meta: meta.date, reverse=True)
        if asked == CATALOGUE:
            return (*dated, *sorted((meta for meta in metas if not meta.date), key=lambda m: m.title.lower()))
        if not dated:
            return ()
        return (dated[0],) if asked == NEWEST else (dated[-1],)

    def _latest_brief(self, filters: SearchFilters | None) -> int | None:
        """The number of the newest dated brief the filters admit, if any is dated."""
        dated = [
            (brief.meta.date, number) for number, brief in self._admitted_briefs(filters) if brief.meta.date
        ]
        return max(dated)[1] if dated else None

    def named_brief(self, question: str, filters: SearchFilters | None) -> int | None:
        """The number of the one brief whose title, id, author and publisher hold most of the
        words the question names a brief by ("the CPEC brief"); None if none or several do."""
        named = set(tokens(" ".join(brief_name_words(question))))
        if not named:
            return None
        held = []
        for number, brief in self._admitted_briefs(filters):
            meta = brief.meta
            details = " ".join(
                filter(None, (meta.title, meta.brief_id.replace("-", " "), meta.author, meta.publisher))
            )
            held.append((len(named & set(tokens(details))), number))
        most = max((count for count, _ in held), default=0)
        best = [number for count, number in held if count == most]
        return best[0] if most and len(best) == 1 else None

    def _overview(self, question: str, row: int, k: int, opening: bool) -> Answer:
        """The brief of passage `row` as a whole: its opening paragraph if `opening`, and those
        that conclude it, in reading order, each marked at its first sentence (the opening) or its
        last (the conclusion). Nothing was ranked, so every score is 0."""
        generation = self.generation
        rows = np.flatnonzero(generation.passage_brief == generation.passage_brief[row])
        first = int(min(rows, key=lambda r: generation.passages[r].paragraph))
        concluding = [int(r) for r in generation.conclusions.of_brief(row) if not opening or r != first]
        room = k - 1 if opening else k
        chosen = ([first] if opening else []) + (concluding[-room:] if room else [])
        chosen.sort(key=lambda r: generation.passages[r].paragraph)
        hits = []
        for chosen_row in chosen:
            passage = generation.passages[chosen_row]
            sentences = passage.sentences() or [passage.text]
            hits.append(
                Hit(
                    passage=passage,
                    brief=generation.briefs[passage.brief_id].meta,
                    score=0.0,
                    best_sentence=sentences[0] if opening and chosen_row == first else sentences[-1],
                )
            )
        return Answer(question, tuple(hits), False, basis=OVERVIEW if opening else CONCLUSION)

    def _named_most(
        self, filters: SearchFilters | None, kinds: tuple[str, ...] | None = None
    ) -> tuple[tuple[str, int], ...]:
        """The actors (of `kinds`, if given) the admitted briefs name most, with the passages
        naming each."""
        briefs = {brief.meta.brief_id for _, brief in self._admitted_briefs(filters)}
        listing = self.generation.actor_directory.listing(briefs, kinds)[:NAMED_MOST]
        return tuple((actor.name, actor.mentions) for actor in listing)

    def _abstention(
        self,
        question: str,
        ranked: list[Scored],
        unknown: tuple[str, ...] = (),
        unstated: str = "",
        silent: str = "",
        unknown_elsewhere: bool = False,
    ) -> Answer:
        """No hits, the briefs of the closest passages, and why (models.Answer)."""
        generation = self.generation
        closest = tuple(
            dict.fromkeys(generation.briefs[generation.passages[s.row].brief_id].meta for s in ranked[:3])
        )
        return Answer(
            question,
            (),
            True,
            closest,
            unknown_names=unknown,
            unknown_elsewhere=unknown_elsewhere,
            unstated=unstated,
            silent=silent,
        )


def _is_asked(written: set[tuple[str, str | None]], asked: set[tuple[str, str | None]]) -> bool:
    """Whether an office written (with its owner, if said) is one asked about: the same office, of
    the same owner if both say whose."""
    return any(
        office == asked_office and (owner is None or asked_owner is None or owner == asked_owner)
        for office, owner in written
        for asked_office, asked_owner in asked
    )


def answer_many(
    searcher: Searcher,
    questions: Sequence[str],
    query_vectors: np.ndarray,
    k: int,
    threshold: float,
    filters: Sequence[SearchFilters | None],
    retriever: Retriever = Retriever.FUSED,
    question_tokens: Sequence[np.ndarray] | None = None,
    subjects: Sequence[bool] | None = None,
) -> list[Answer]:
    """Each question answered with its own filters; `subjects` tells which are subjects taken
    from a question (`Searcher.answer`)."""
    tokens_of = question_tokens if question_tokens is not None else [None] * len(questions)
    subject_of = subjects if subjects is not None else [False] * len(questions)
    return [
        searcher.answer(q, v, k, threshold, f, retriever, t, s)
        for q, v, f, t, s in zip(questions, query_vectors, filters, tokens_of, subject_of, strict=True)
    ]
