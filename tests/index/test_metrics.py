import math

import pytest

from index.metrics import mrr_at, ndcg_at, recall_at


def test_ndcg_hand_computed():
    relevant = {"a": 1, "b": 1}
    # hits at ranks 1 and 3: DCG = 1 + 1/log2(4); ideal = 1 + 1/log2(3)
    expected = (1 + 1 / 2) / (1 + 1 / math.log2(3))
    assert ndcg_at(["a", "x", "b"], relevant, 10) == pytest.approx(expected)
    assert ndcg_at(["a", "b"], relevant, 10) == pytest.approx(1.0)
    assert ndcg_at(["x", "y"], relevant, 10) == 0.0
    assert ndcg_at(["x", "a"], relevant, 1) == 0.0  # the cut-off is respected


def test_ndcg_graded_relevance():
    relevant = {"a": 2, "b": 1}
    dcg = 1 + 2 / math.log2(3)
    ideal = 2 + 1 / math.log2(3)
    assert ndcg_at(["b", "a"], relevant, 10) == pytest.approx(dcg / ideal)


def test_recall_and_mrr():
    relevant = {"a": 1, "b": 1, "c": 0}
    assert recall_at(["a", "x", "c"], relevant, 100) == 0.5
    assert recall_at(["x"] * 5 + ["a", "b"], relevant, 5) == 0.0
    assert mrr_at(["x", "y", "b"], relevant, 10) == pytest.approx(1 / 3)
    assert mrr_at(["x", "y", "b"], relevant, 2) == 0.0
    assert recall_at(["a"], {}, 100) == 0.0
