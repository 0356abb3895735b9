"""Scorer for stories: BCubed precision, recall and F1 of predicted story ids against gold.

Next to the stored stories, the report prints a reference line: a standard
one-shot method over the same cleaned texts (TF-IDF, sublinear, English stop
words; complete-link agglomerative clustering at a cosine distance of 0.85).
The clustering has to beat it, although it sees every article at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import numpy as np

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


#: The baseline's cosine-distance threshold (chosen on the dev set, issue 11).
BASELINE_DISTANCE = 0.85


def baseline_clusters(texts: Mapping[str, str], *,
                      distance: float = BASELINE_DISTANCE) -> dict[str, str]:
    """The reference clustering: TF-IDF (sublinear, English stop words), complete link.

    Keys of ``texts`` map to cluster labels ("b0", "b1", …); one-shot, over all texts.
    """
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    keys = sorted(texts)
    if len(keys) < 2:
        return {k: "b0" for k in keys}
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [texts[k] for k in keys])  # fmt: skip
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="complete", distance_threshold=distance,
    ).fit_predict(np.asarray(matrix.todense()))  # fmt: skip
    return {k: f"b{label}" for k, label in zip(keys, labels, strict=True)}


def score(ctx: EvalContext) -> list[Section]:
    """BCubed P/R/F1 of ``articles.story_id`` against gold ``story`` over matched articles."""
    predicted: dict[str, str] = {}
    gold: dict[str, str] = {}
    rows: list[list[str]] = []
    texts: dict[str, str] = {}
    for pair in ctx.matched:
        if pair.gold.story is None or pair.article is None:
            continue
        key = pair.gold.key
        # An article without a story is a cluster of its own.
        predicted[key] = pair.article.get("story_id") or f"(none) {pair.article['id']}"
        gold[key] = pair.gold.story
        texts[key] = f"{pair.article.get('title') or ''}\n{pair.article.get('text') or ''}"
        rows.append([key[-60:], gold[key], predicted[key]])
    if not gold:
        return []
    p, r, f1 = bcubed(predicted, gold)
    metrics = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
               "articles": len(gold), "gold_stories": len(set(gold.values())),
               "predicted_stories": len(set(predicted.values()))}  # fmt: skip
    bp, br, bf = bcubed(baseline_clusters(texts), gold)
    metrics["baseline"] = {"precision": round(bp, 4), "recall": round(br, 4), "f1": round(bf, 4),
                           "method": "tfidf-complete-link", "distance": BASELINE_DISTANCE}
    return [
        Section(
            title="stories (BCubed)",
            metrics=metrics, columns=["article", "gold story", "predicted story"],
            rows=sorted(rows, key=lambda x: (x[1], x[0])),
            notes=[f"BCubed P {p:.3f}  R {r:.3f}  F1 {f1:.3f};",
                   f"{metrics['gold_stories']} gold stories, "
                   f"{metrics['predicted_stories']} predicted, over {len(gold)} articles;",
                   f"reference (TF-IDF, complete link at cosine distance {BASELINE_DISTANCE}, "
                   f"one-shot): P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}."],
        )  # fmt: skip
    ]
