"""Late interaction with the deterministic fake embedder: one unit vector per stemmed word."""

from dataclasses import replace

import numpy as np

from index.engine import Engine
from index.late_interaction import (
    SENTENCE_SHARE,
    LateInteraction,
    QuestionTokens,
    Tokens,
    passage_and_sentence_maxsim,
    weighted,
)
from index.lexical import LexicalIndex
from index.search import FusionWeights, Query, Searcher
from index.sentences import sentence_spans
from tests.fakes import FakeEmbedder
from tests.index.test_indexer import write_brief

NO_LATE = FusionWeights(late_weight=0.0)


def as_one_sentence(vectors: np.ndarray) -> tuple[Tokens, list[tuple[int, int]]]:
    """Token vectors one character apart, and one sentence spanning them all."""
    spans = np.array([[2 * i, 2 * i + 1] for i in range(len(vectors))]).reshape(-1, 2)
    return Tokens(vectors, spans), [(0, 2 * len(vectors))]


def test_maxsim_averages_each_question_tokens_best_match():
    question = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    first = np.array([[1.0, 0.0], [0.6, 0.8], [-1.0, 0.0]], dtype=np.float16)
    second = np.array([[0.0, -1.0]], dtype=np.float16)
    empty = np.zeros((0, 2), dtype=np.float16)
    passages, spans = zip(*(as_one_sentence(v) for v in (first, empty, second)), strict=True)
    # Read as one sentence, whole and best sentence agree.
    # first: best cosines 1.0 and 0.8; second: 0.0 and -1.0; a passage without tokens scores 0
    scores = passage_and_sentence_maxsim(QuestionTokens.even(question), passages, spans)
    assert np.allclose(scores, [0.9, 0.0, -0.5], atol=1e-3)  # float16 storage
    assert np.allclose(passage_and_sentence_maxsim(QuestionTokens.even(question[:0]), passages, spans), 0.0)
    # The first token counting three times the second: (3 * 1.0 + 0.8) / 4 and (3 * 0.0 - 1.0) / 4
    weighted_scores = passage_and_sentence_maxsim(
        QuestionTokens(question, np.array([3.0, 1.0])), passages[::2], spans[::2]
    )
    assert np.allclose(weighted_scores, [0.95, -0.25], atol=1e-3)


def spans_of(text: str, *pieces: str) -> Tokens:
    """Tokens of `text` at the given pieces (as a tokenizer's word pieces lie), vectors unused."""
    spans, at = [], 0
    for piece in pieces:
        start = text.index(piece, at)
        spans.append((start, start + len(piece)))
        at = start + len(piece)
    return Tokens(np.eye(len(pieces), dtype=np.float32), np.array(spans))


def test_each_token_weighs_as_its_word_is_rare_among_the_passages():
    lexical = LexicalIndex.build(["The truce held.", "The truce broke.", "Qatar mediated the truce."])
    question = "Why did Qatar's envoys save the truce?"
    # "Qatar's" comes as pieces, as a tokenizer reads it; "?" is no word.
    made = spans_of(question, "Why", "did", "Qa", "tar", "'", "s", "envoys", "save", "the", "truce", "?")
    weights = weighted(question, made, lexical.word_weight).weights
    why, did, qa, tar, apostrophe, s, envoys, save, the, truce, mark = weights
    assert why == did == the == mark == 0.0  # stop words and punctuation
    assert qa == tar == apostrophe == s > 0  # every piece weighs as "Qatar's"
    assert envoys == save > qa > truce > 0  # in no passage, in one, in all three


def test_a_question_of_stop_words_alone_counts_every_token_the_same():
    lexical = LexicalIndex.build(["The truce held."])
    made = spans_of("What is it?", "What", "is", "it", "?")
    assert np.array_equal(weighted("What is it?", made, lexical.word_weight).weights, np.ones(4))


def test_token_scores_count_the_question_words_a_passage_holds():
    late = LateInteraction(FakeEmbedder())
    passages = ["Qatar and Türkiye mediated the talks.", "Qatar hosted a match.", "Rain."]
    scores = late.scores(
        QuestionTokens.even(late.question_tokens("Qatar mediated talks").vectors),
        passages,
        [sentence_spans(p) for p in passages],  # one sentence each
    )
    assert np.allclose(scores, [1.0, 1 / 3, 0.0])


def test_a_passage_matching_the_question_in_one_sentence_scores_above_one_matching_it_piecemeal():
    late = LateInteraction(FakeEmbedder())
    question = QuestionTokens.even(late.question_tokens("Qatar mediated talks").vectors)
    together, piecemeal = "Qatar mediated talks. Rain fell.", "Qatar hosted. Others mediated talks."
    spans = [sentence_spans(together), sentence_spans(piecemeal)]
    # Each holds every word somewhere (read as one sentence, both score 1); only the first holds
    # them all in one of its sentences (the second 2 of 3).
    as_one = [[(0, len(together))], [(0, len(piecemeal))]]
    assert np.allclose(late.scores(question, [together, piecemeal], as_one), [1.0, 1.0])
    mixed = SENTENCE_SHARE * 2 / 3 + (1 - SENTENCE_SHARE) * 1.0
    assert np.allclose(late.scores(question, [together, piecemeal], spans), [1.0, mixed])


def test_whole_and_best_sentence_scores_come_from_one_product_run_by_run():
    question = QuestionTokens.even(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32))
    x, y = [1.0, 0.0], [0.0, 1.0]
    # Two sentences, one question token matched in each: whole 1.0, best sentence 0.5.
    split = Tokens(np.array([x, y], dtype=np.float16), np.array([[0, 1], [3, 4]]))
    # Both matched in the second sentence: 1.0 and 1.0.
    together = Tokens(np.array([x, x, y], dtype=np.float16), np.array([[0, 1], [3, 4], [5, 6]]))
    empty = Tokens(np.zeros((0, 2), dtype=np.float16), np.zeros((0, 2), dtype=np.int64))
    # Its tokens lie past its only sentence (as past the model's reach): scored as a whole alone.
    outside = Tokens(np.array([x], dtype=np.float16), np.array([[9, 10]]))
    spans = [[(0, 2), (3, 4)], [(0, 2), (3, 6)], [(0, 2)], [(0, 2)]]
    scores = passage_and_sentence_maxsim(question, [split, together, empty, outside], spans)
    assert np.allclose(scores, [SENTENCE_SHARE * 0.5 + (1 - SENTENCE_SHARE) * 1.0, 1.0, 0.0, 0.5])


def test_the_best_sentence_is_the_one_matching_the_question_token_by_token():
    late = LateInteraction(FakeEmbedder())
    question = QuestionTokens.even(late.question_tokens("Qatar mediated talks").vectors)
    passage = "Rain fell. Qatar mediated. Qatar mediated the talks. Talks ended."
    spans = sentence_spans(passage)
    assert late.best_sentence(question, passage, spans) == 2
    # Among some sentences only: the number is the place among those given.
    assert late.best_sentence(question, passage, [spans[0], spans[1], spans[3]]) == 1
    assert late.best_sentence(question, passage, [(200, 210)]) is None  # no token lies there
    assert late.best_sentence(QuestionTokens.even(question.vectors[:0]), passage, spans) is None


def test_passage_tokens_are_made_once_and_the_cache_stays_within_its_budget():
    embedder = FakeEmbedder(dimension=16)
    passages = [f"passage number {n} about talks" for n in range(6)]
    sample = FakeEmbedder(dimension=16).embed_with_tokens(passages[:1])[1][0]
    one_passage_bytes = sample.vectors.nbytes // 2 + sample.spans.nbytes  # kept as float16
    late = LateInteraction(embedder, cache_bytes=3 * one_passage_bytes)
    talks = QuestionTokens.even(late.question_tokens("talks").vectors)
    spans = [sentence_spans(p) for p in passages]
    late.scores(talks, passages[:3], spans[:3])
    late.scores(QuestionTokens.even(late.question_tokens("more talks").vectors), passages[:3], spans[:3])
    assert embedder.token_texts.count(passages[0]) == 1  # the second question reused it
    late.scores(talks, passages[3:], spans[3:])  # three more: the first three are dropped
    assert late._held <= 3 * one_passage_bytes
    late.scores(talks, passages[:1], spans[:1])
    assert embedder.token_texts.count(passages[0]) == 2


def test_the_head_is_reordered_by_token_scores_and_scores_still_read_best_first(fake_engine):
    generation = fake_engine.generation
    question = "Which Taliban minister warned Pakistan about aggression and sovereignty?"
    vector = fake_engine.embedder.embed_batch([question])[0]
    late = LateInteraction(fake_engine.embedder)
    # The question asks for a kind of actor ("which minister"): answer types left out here.
    fused = Searcher(generation, replace(NO_LATE, answer_type=0.0)).rank(Query(question, vector), 13)
    # A weight this large orders the head by token scores alone.
    heavy = FusionWeights(late_depth=5, late_weight=1e6, answer_type=0.0)
    reordered = Searcher(generation, heavy, late).rank(Query(question, vector), 13)
    head = [s.row for s in fused[:5]]
    passages = [generation.passages[r] for r in head]
    searcher = Searcher(generation, heavy, late)
    question_tokens = searcher.weighted(question, late.question_tokens(question))
    token_scores = late.scores(
        question_tokens, [p.text for p in passages], [p.sentence_spans for p in passages]
    )
    token = dict(zip(head, token_scores, strict=True))
    assert sorted(s.row for s in reordered[:5]) == sorted(head)
    assert [token[s.row] for s in reordered[:5]] == sorted(token.values(), reverse=True)
    assert [s.row for s in reordered[5:]] == [s.row for s in fused[5:]]
    scores = [s.score for s in reordered]
    assert scores == sorted(scores, reverse=True)


class VectorsOnly:
    """An embedder without token vectors: late interaction is simply left out."""

    def __init__(self) -> None:
        self._inner = FakeEmbedder()
        self.model_name = self._inner.model_name
        self.dimension = self._inner.dimension

    def embed_batch(self, texts, progress=None):
        return self._inner.embed_batch(texts, progress)


def test_an_embedder_without_token_vectors_still_answers(corpus, tmp_path):
    engine = Engine(corpus, tmp_path / "index", VectorsOnly(), threshold=0.3)
    engine.reindex()
    assert engine.late is None
    answer = engine.ask("Qatar Türkiye mediated negotiations")
    assert answer.hits[0].passage.paragraph == 1


def test_the_marked_sentence_holds_the_questions_words_even_when_long(tmp_path):
    # The long sentence holds every word of the question among many others; the short one two of
    # them. Whole-sentence vectors favour the short one, token scores the long one.
    long = (
        "Mediators insisted talks resume quickly despite clashes border closures refugee returns "
        "trade losses angry statements troop movements drone sightings market panic fuel shortages "
        "power cuts school closures flight cancellations visa delays shipping backlogs"
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_brief(corpus, "talks.md", [f"{long}. Talks resume."])
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.0)
    engine.reindex()
    question = "Mediators insisted talks resume quickly"
    assert engine.ask(question).hits[0].best_sentence == f"{long}."
    without = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.0, weights=NO_LATE)
    assert without.ask(question).hits[0].best_sentence == "Talks resume."
