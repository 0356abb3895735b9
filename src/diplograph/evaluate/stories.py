"""Scorer for stories: BCubed precision, recall and F1 of predicted story ids against gold."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from diplograph.evaluate.context import EvalContext
from diplograph.evaluate.report import Section


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """BCubed (precision, recall, F1) over the items both mappings share.

    For each item, precision is the share of its predicted cluster that shares
    its gold cluster; recall the share of its gold cluster that shares its
    predicted cluster; both are averaged over items.
    """
    items = sorted(set(predicted) & set(gold))
    if not items:
        return 0.0, 0.0, 0.0
    pairs = Counter((predicted[i], gold[i]) for i in items)
    pred_size = Counter(predicted[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    precision = sum(pairs[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in items)
    recall = sum(pairs[(predicted[i], gold[i])] / gold_size[gold[i]] for i in items)
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(ctx: EvalContext) -> list[Section]:
    """BCubed P/R/F1 of ``articles.story_id`` against gold ``story`` over matched articles."""
    predicted: dict[str, str] = {}
    gold: dict[str, str] = {}
    rows: list[list[str]] = []
    for pair in ctx.matched:
        if pair.gold.story is None or pair.article is None:
            continue
        key = pair.gold.key
        # An article without a story is a cluster of its own.
        predicted[key] = pair.article.get("story_id") or f"(none) {pair.article['id']}"
        gold[key] = pair.gold.story
        rows.append([key[-60:], gold[key], predicted[key]])
    if not gold:
        return []
    p, r, f1 = bcubed(predicted, gold)
    metrics = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
               "articles": len(gold), "gold_stories": len(set(gold.values())),
               "predicted_stories": len(set(predicted.values()))}  # fmt: skip
    return [
        Section(
            title="stories (BCubed)",
            metrics=metrics, columns=["article", "gold story", "predicted story"],
            rows=sorted(rows, key=lambda x: (x[1], x[0])),
            notes=[f"BCubed P {p:.3f}  R {r:.3f}  F1 {f1:.3f};",
                   f"{metrics['gold_stories']} gold stories, "
                   f"{metrics['predicted_stories']} predicted, over {len(gold)} articles."],
        )  # fmt: skip
    ]
