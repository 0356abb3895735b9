"""BCubed scoring of story clusters."""

from __future__ import annotations

import pytest

from diplograph.evaluate.stories import bcubed


def test_perfect_clustering_scores_one():
    assert bcubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"}) == (1, 1, 1)


def test_everything_in_one_cluster_loses_precision_only():
    p, r, f1 = bcubed({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"})
    assert r == 1.0
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert f1 == pytest.approx(2 * p / (p + 1))


def test_singletons_lose_recall_only():
    p, r, _ = bcubed({"a": "1", "b": "2", "c": "3"}, {"a": "x", "b": "x", "c": "y"})
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1) / 3)


def test_only_shared_items_count():
    assert bcubed({"a": "1"}, {"b": "x"}) == (0.0, 0.0, 0.0)
