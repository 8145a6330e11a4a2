"""The engine's one entry point: load the published index, answer questions, reindex in place."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from index.actor_summary import ActorDirectory, ActorSummary
from index.answering import Answerer
from index.brief_answers import BriefAnswers
from index.brief_details import asked_mentions, asked_topic, names_a_brief
from index.corpus import REGISTRY_EDITED, RULES_NEWER, CorpusDrift, corpus_drift
from index.embedding import Embedder
from index.errors import (
    REBUILD_ADVICE,
    EmptyIndexError,
    FilterError,
    IndexCorruptError,
    IndexFormatError,
    IndexMismatchError,
    IndexMissingError,
)
from index.idioms import in_plain_words
from index.indexer import IndexProgress, build_index, registry_hash
from index.late_interaction import LateInteraction, TokenEmbedder, Tokens
from index.models import Answer, IndexReport, SearchFilters
from index.search import FusionWeights, Query, Retriever, Searcher, check_question
from index.sections import asked_subject_in_section
from index.selfcheck import run_checks
from index.store import Generation, Store, StoredBrief
from index.whatsnew import NewBrief, new_briefs

# Calibrated on benchmarks/data/brief_questions.jsonl by benchmarks/quality.py (README "Quality").
DEFAULT_THRESHOLD = 0.34


class Engine:
    """Holds the embedder and the generation in use; a reindex swaps the generation atomically."""

    def __init__(
        self,
        corpus_dir: Path,
        index_dir: Path,
        embedder: Embedder,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        passages_per_answer: int = 3,
        weights: FusionWeights | None = None,
        eager: bool = False,
        correct_spelling: bool = True,
    ) -> None:
        """`eager`: for a long-running session (the bot, the console), also read at each load what
        only some questions need (`_use`); a one-shot command leaves it to the question that does.
        `correct_spelling`: read typing slips as the briefs' words (index/spelling.py)."""
        self.corpus_dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.threshold = threshold
        self.passages_per_answer = passages_per_answer
        self.weights = weights or FusionWeights()
        self.eager = eager
        self.correct_spelling = correct_spelling
        self.store = Store(self.index_dir)
        self.late = LateInteraction(embedder) if isinstance(embedder, TokenEmbedder) else None
        self._generation: Generation | None = None
        self._load_lock = threading.Lock()

    # -- the index ---------------------------------------------------------------------------
    @property
    def generation(self) -> Generation:
        """The generation in use, loaded on first need. Callers keep the object they got."""
        generation = self._generation
        if generation is None:
            with self._load_lock:
                if self._generation is None:
                    self._generation = self.store.load(self.embedder.model_name)
                generation = self._generation
        return generation

    @property
    def loaded_generation(self) -> Generation | None:
        """The generation in use, or None if none is loaded yet (never loads one)."""
        return self._generation

    def load(self) -> Generation:
        return self._use(self.store.load(self.embedder.model_name))

    def _use(self, generation: Generation) -> Generation:
        """Make `generation` the one questions use, its name check, answer types and conclusions
        built first: passes over the whole vocabulary, every actor mention and every passage,
        which no question should wait for."""
        _ = generation.names, generation.answer_types, generation.conclusions
        if self.eager:  # whom the briefs hear from, whose offices they name (~2 s on 1,000 briefs),
            # the words typing slips stand for and the names of states the briefs write
            _ = generation.voices, generation.offices, generation.speller, generation.state_names
        self._generation = generation
        return generation

    def ensure_index(self, progress: IndexProgress | None = None) -> IndexReport | None:
        """Build the index if none is published yet, or rebuild one that is corrupt or of an older
        format (the embedding cache makes that cheap); returns the report of that build.

        An index built with another model is refused instead: re-embedding is the user's call."""
        if not self.store.exists():
            return self.reindex(progress=progress)
        try:
            self.load()
        except (IndexCorruptError, IndexFormatError) as error:
            report = self.reindex(rebuild=True, progress=progress)
            reason = str(error).removesuffix(REBUILD_ADVICE)  # the advice is what was just done
            note = f"rebuilt the index from the embedding cache: {reason}"
            return replace(report, notes=(note, *report.notes))
        return None

    def reindex(self, *, rebuild: bool = False, progress: IndexProgress | None = None) -> IndexReport:
        """Update the index; questions keep using the old generation until the new one is loaded."""
        report = build_index(
            self.corpus_dir, self.index_dir, self.embedder, rebuild=rebuild, progress=progress
        )
        if report.published or self._generation is None:
            self.load()
        if report.published:
            checks = run_checks(self.corpus_dir, self.index_dir, self.ask_many)
            if checks is not None:
                report = replace(report, notes=(*report.notes, *checks.notes()))
        return report

    # -- questions ---------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        k: int | None = None,
        filters: SearchFilters | None = None,
        retriever: Retriever = Retriever.FUSED,
    ) -> Answer:
        return self.ask_many([question], k, filters, retriever)[0]

    def ask_many(
        self,
        questions: Sequence[str],
        k: int | None = None,
        filters: SearchFilters | None = None,
        retriever: Retriever = Retriever.FUSED,
    ) -> list[Answer]:
        """Answers in order; raises QuestionError for an empty or over-long question,
        EmptyIndexError if no brief is indexed and FilterError for filters that admit no brief."""
        generation = self.generation
        self._check_askable(generation, filters)
        searcher = Searcher(generation, self.weights, self.late)
        answerer = Answerer(searcher)
        typed = [check_question(q) for q in questions]
        # "What does Naade Ali argue?": what the author argues, in the briefs Naade Ali wrote;
        # "What does the CPEC brief say about Afghanistan?": in the CPEC brief alone.
        of_authors = [self._as_the_author(q, generation, filters) for q in typed]
        of_authors = [
            (question, self._in_the_named_brief(question, answerer.briefs, narrowed))
            for question, narrowed in of_authors
        ]
        framed = [question for question, _ in of_authors]
        corrected = [generation.speller.corrected(q) for q in framed] if self.correct_spelling else framed
        asked = [generation.acronyms.expanded(generation.state_names.as_written(q)) for q in corrected]
        # "What does the Context section say about Bagram?", which that section does not mention:
        # Bagram, searched anywhere, the reader told (index/brief_answers.py).
        lacking = [
            answerer.briefs.section_lacking(q, narrowed) if asked_subject_in_section(q) else ""
            for q, (_, narrowed) in zip(asked, of_authors, strict=True)
        ]
        searched = [self._searched(q, section) for q, section in zip(asked, lacking, strict=True)]
        # "sticking point": "point of contention"; "the corridor project": "the CPEC project".
        plain = [generation.short_forms.written_short(in_plain_words(q)) for q in searched]
        _, vectors, tokens = self._embed_questions(plain, generation, searcher.uses_late(retriever))
        k = k or self.passages_per_answer
        # A subject taken from a question ("Balochistan" of "Anything on Balochistan?") has its
        # names read as such.
        answers = [
            answerer.answer(
                Query(
                    text,
                    vector,
                    narrowed,
                    retriever,
                    None if tokens is None else searcher.weighted(text, tokens[number]),
                ),
                k,
                self.threshold,
                subject=topic != question,
            )
            for number, (text, topic, vector, question, (_, narrowed)) in enumerate(
                zip(plain, searched, vectors, asked, of_authors, strict=True)
            )
        ]
        # Each answer is to the question as typed, saying how it was read if a slip was corrected or
        # an acronym spelt out.
        return [
            replace(
                answer,
                question=question,
                read_as=read if read != before else "",
                section=section if section and not answer.abstained else answer.section,
                section_lacks=subject if section and not answer.abstained else "",
            )
            for answer, question, before, read, section, subject in zip(
                answers, typed, framed, asked, lacking, searched, strict=True
            )
        ]

    @staticmethod
    def _searched(question: str, lacking_section: str) -> str:
        """What is searched of a question: the subject a section it names lacks ("Bagram"), that of
        one asking what the brief says about it ("What does the brief say about women?": "women",
        index/brief_details.py), else the question; "What do the briefs say about the TTP?" is
        what each says (index/brief_answers.py), not a topic."""
        if lacking_section:
            return asked_subject_in_section(question)
        if asked_mentions(question):
            return question
        return asked_topic(question) or question

    @staticmethod
    def _as_the_author(
        question: str, generation: Generation, filters: SearchFilters | None
    ) -> tuple[str, SearchFilters | None]:
        """`question` with an author it names read as "the author" (index/authors.py), and the
        filters narrowed to that author's briefs; as they are if it names none, or none of the
        briefs the filters admit."""
        as_asked, written = generation.authors.as_the_author(question)
        chosen = (written & filters.brief_ids) if filters and filters.brief_ids else written
        if not chosen:
            return question, filters
        return as_asked, replace(filters or SearchFilters(), brief_ids=chosen)

    @staticmethod
    def _in_the_named_brief(
        question: str, briefs: BriefAnswers, filters: SearchFilters | None
    ) -> SearchFilters | None:
        """`filters` narrowed to the one brief the question names by its details ("the CPEC
        brief", "the PoliTact report"; index/brief_details.py); as they are if it names none, or
        no one brief the filters admit."""
        if not names_a_brief(question) or (number := briefs.named_brief(question, filters)) is None:
            return filters
        brief_id = list(briefs.generation.briefs)[number]
        return replace(filters or SearchFilters(), brief_ids=frozenset({brief_id}))

    def check_askable(self, filters: SearchFilters | None = None) -> None:
        """Raises EmptyIndexError if no brief is indexed, FilterError, saying why, if `filters`
        admit no brief of the index."""
        self._check_askable(self.generation, filters)

    @staticmethod
    def _check_askable(generation: Generation, filters: SearchFilters | None) -> None:
        """A filter that leaves nothing to search is the user's slip, and an empty index the
        admin's to fill, not unanswerable questions: say which it is."""
        if not generation.passages:
            raise EmptyIndexError(
                "no brief is indexed yet: add a brief (a .md, .txt, .pdf, .html or .docx file) to the corpus "
                "and reindex"
            )
        if filters is None or filters.is_empty():
            return
        unknown = sorted(b for b in filters.brief_ids if b not in generation.briefs)
        if unknown:
            ids = sorted(generation.briefs)
            known = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            raise FilterError(
                f"no brief '{unknown[0][:80]}' is indexed; a brief's id is its file name without the "
                f"suffix: {known or 'no brief is indexed yet'}"
            )
        if filters.since and filters.until and filters.since > filters.until:
            raise FilterError(f"the date range is empty: {filters.since} comes after {filters.until}")
        if not generation.admitted_briefs(filters).any():
            if filters.since and filters.until:
                dated = f"between {filters.since} and {filters.until}"
            else:
                dated = f"on or after {filters.since}" if filters.since else f"on or before {filters.until}"
            chosen = "none of the chosen briefs" if filters.brief_ids else "no brief"
            undated = sum(brief.meta.date is None for brief in generation.briefs.values())
            raise FilterError(
                f"{chosen} is dated {dated}; briefs without a date ({undated} of "
                f"{len(generation.briefs)}) are left out whenever a date is given"
            )

    def rank_many(
        self, questions: Sequence[str], k: int, retriever: Retriever = Retriever.FUSED
    ) -> list[list[str]]:
        """Brief ids ranked for each question (best passage per brief), without abstention."""
        generation = self.generation
        searcher = Searcher(generation, self.weights, self.late)
        cleaned, vectors, tokens = self._embed_questions(questions, generation, searcher.uses_late(retriever))
        rankings = []
        for number, (question, vector) in enumerate(zip(cleaned, vectors, strict=True)):
            made = None if tokens is None else searcher.weighted(question, tokens[number])
            query = Query(question, vector, None, retriever, made)
            ranked = searcher.rank(searcher.with_parties_read(query), k * 2)
            ids = dict.fromkeys(generation.passages[s.row].brief_id for s in ranked)
            rankings.append(list(ids)[:k])
        return rankings

    def _embed_questions(
        self, questions: Sequence[str], generation: Generation, with_tokens: bool
    ) -> tuple[list[str], np.ndarray, list[Tokens] | None]:
        """Questions checked and cleaned, their vectors (refused if the index has another size)
        and, if asked for (late interaction), their tokens from the same pass."""
        cleaned = [check_question(q) for q in questions]
        tokens = None
        if with_tokens:
            vectors, tokens = self.embedder.embed_with_tokens(cleaned)
        else:
            vectors = self.embedder.embed_batch(cleaned)
        if vectors.shape[1] != generation.manifest["dimension"]:
            raise IndexMismatchError(
                f"the model gives {vectors.shape[1]} dimensions but the index holds "
                f"{generation.manifest['dimension']}{REBUILD_ADVICE}"
            )
        return cleaned, vectors, tokens

    # -- actors ----------------------------------------------------------------------------------
    def actor_directory(self) -> ActorDirectory:
        """The actors of the generation in use (built once per generation)."""
        return self.generation.actor_directory

    def actor(self, name: str) -> ActorSummary:
        """What `name` said and did; raises UnknownActorError with suggestions."""
        return self.actor_directory().summary(name)

    def whats_new(self, since: date) -> list[NewBrief]:
        """Briefs first indexed on or after `since`, newest first."""
        return new_briefs(self.generation, self.actor_directory(), since)

    # -- briefs ------------------------------------------------------------------------------
    def corpus_drift(self) -> CorpusDrift:
        """The briefs whose files changed since the index in use was built: a reader asking
        about a brief just edited should be told its answers come from the version before."""
        try:
            generation = self.generation
        except IndexMissingError:
            return CorpusDrift()
        hashes = {brief_id: brief.content_hash for brief_id, brief in generation.briefs.items()}
        drift = corpus_drift(self.corpus_dir, hashes)
        indexed, current = str(generation.manifest.get("registry_hash", "")), registry_hash(self.corpus_dir)
        if indexed != current:
            rules_differ = indexed.partition(":")[0] != current.partition(":")[0]
            drift = replace(drift, actors=RULES_NEWER if rules_differ else REGISTRY_EDITED)
        return drift

    def briefs(self) -> list[StoredBrief]:
        try:
            generation = self.generation
        except IndexMissingError:
            return []
        return sorted(generation.briefs.values(), key=lambda b: b.meta.title.lower())
