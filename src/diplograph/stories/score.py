"""Pairwise story evidence for a pool of articles, and the clustering that reads it.

Every pair of a pool is scored at once (numpy and scipy sparse products, no
Python loop over pairs):

- ``text``: cosine of TF-IDF vectors (sublinear, IDF over the whole store; titles and
  names inside sentences weigh twice);
- ``parties``: cosine of the articles' ranked actor codes, centred on a pivot
  (agreeing parties raise the score, different ones lower it);
- ``events``: the Dice coefficient of the two articles' event keys (type and
  parties);
- ``dates``: effective dates more than ``window_days`` apart forbid a link
  (two developments between the same parties weeks apart stay two stories),
  and so does a link that would make a story's day-dated articles span more
  than ``window_days``; a pair where a date is unknown needs a higher score;
- copies (MinHash containment of word shingles) are always linked, and so
  are stored articles already in one story (stories grow and merge, never
  split).

Average-link agglomerative clustering (scipy) then cuts where the mean margin
over the threshold turns negative; a forbidden pair weighs so much that no
cluster holding one survives the cut.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from diplograph.config import Settings
from diplograph.errors import ConfigError
from diplograph.stories.features import Doc
from diplograph.stories.signature import (
    DocumentFrequencies,
    containment,
    pool_frequencies,
    tfidf_rows,
)

#: Distance of a forbidden pair: no average over a cluster holding one reaches the cut.
FORBIDDEN = 1000.0


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Clustering thresholds; override with ``Settings.extra["stories.<name>"]``."""

    window_days: int = 3  # how far apart (days) the effective dates of one story may be
    threshold: float = 0.22  # combined score needed to link two dated articles
    undated_threshold: float = 0.30  # the same when either date is unknown or vague
    nodate_threshold: float = 0.40  # the same when neither date is known at all
    duplicate: float = 0.60  # containment from which an article is a copy of another
    party_weight: float = 0.25  # weight of actor-code agreement in the combined score
    party_pivot: float = 0.5  # code agreement below this lowers the score, above raises it
    event_weight: float = 0.10  # weight of shared events (type and parties)
    linkage: str = "average"  # scipy linkage method
    candidates: int = 10  # stored candidates kept per new article (most shared keys)
    per_key: int = 16  # rows read per index key and article (dated ones near its date)
    undated_per_key: int = 4  # undated stored articles read per key (the latest stored)
    members: int = 10  # stored members of a candidate's story brought into the pool
    pool: int = 48  # stored articles in the pool of one group of new articles, at most

    @classmethod
    def from_settings(cls, settings: Settings) -> ClusterParams:
        """Defaults, overridden by ``settings.extra`` keys ``stories.window_days`` etc."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = settings.extra.get(f"stories.{f.name}")
            if raw is None:
                continue
            try:
                values[f.name] = type(getattr(cls(), f.name))(raw)
            except ValueError as exc:
                raise ConfigError(f"setting stories.{f.name}={raw!r} is not a number") from exc
        if values.get("linkage", "average") not in ("average", "single", "complete", "weighted"):
            raise ConfigError(f"setting stories.linkage={values['linkage']!r}: use average, "
                              "single, complete or weighted")  # fmt: skip
        return cls(**values)


def _code_matrix(docs: list[Doc]) -> sparse.csr_matrix:
    """Rows of rank weights (1, 1/2, 1/3, …) over the pool's codes, L2-normalised."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, d in enumerate(docs):
        for rank, code in enumerate(d.codes):
            rows.append(i)
            cols.append(vocab.setdefault(code, len(vocab)))
            vals.append(1.0 / (1 + rank))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), max(1, len(vocab))))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def _event_overlap(docs: list[Doc]) -> np.ndarray:
    """Dice coefficient of the event keys (0 where either has none)."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, d in enumerate(docs):
        for key in d.events:
            rows.append(i)
            cols.append(vocab.setdefault(key, len(vocab)))
    m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                          shape=(len(docs), max(1, len(vocab))))  # fmt: skip
    shared = (m @ m.T).toarray()
    size = np.array([len(d.events) for d in docs], dtype=float)
    both = np.add.outer(size, size)
    return np.divide(2 * shared, both, out=np.zeros_like(shared), where=both > 0)


def _date_terms(docs: list[Doc], p: ClusterParams) -> tuple[np.ndarray, np.ndarray]:
    """(forbidden pairs, the threshold of each pair)."""
    far = 10**7
    lo = np.array([d.span.lo.toordinal() if d.span.lo else -far for d in docs])
    hi = np.array([d.span.hi.toordinal() if d.span.hi else far for d in docs])
    known = np.array([d.span.known for d in docs])
    vague = np.array([d.vague for d in docs])
    gap = np.maximum(0, np.maximum(lo[None, :] - hi[:, None], lo[:, None] - hi[None, :]))
    both = known[:, None] & known[None, :]
    either_vague = vague[:, None] | vague[None, :]
    forbidden = both & np.where(either_vague, gap > 0, gap > p.window_days)
    # Every day-dated article of a story lies within window_days of every other: a pair is
    # also forbidden when the days it would bring together (its own day, and for a stored
    # article every effective day of its story, pooled or not) span more than the window.
    # So a chain of daily reports never grows a story past the window, and a story of
    # January and one of March never merge through an undated article.
    day = known & ~vague
    slo = np.array([_day(d.story_span.lo) if d.story_span else far for d in docs])
    shi = np.array([_day(d.story_span.hi) if d.story_span else -far for d in docs])
    rlo = np.minimum(np.where(day, lo, far), slo)
    rhi = np.maximum(np.where(day, hi, -far), shi)
    reach = rlo <= rhi
    width = np.maximum(rhi[:, None], rhi[None, :]) - np.minimum(rlo[:, None], rlo[None, :])
    forbidden |= reach[:, None] & reach[None, :] & (width > p.window_days)
    neither = ~known[:, None] & ~known[None, :]
    threshold = np.where(either_vague, p.undated_threshold, p.threshold)
    return forbidden, np.where(neither, p.nodate_threshold, threshold)


def _day(d) -> int:
    return d.toordinal() if d else 0


def copies(docs: list[Doc], text: np.ndarray, p: ClusterParams) -> dict[int, int]:
    """For each doc that copies an earlier one (pool order), the index of the copied doc."""
    out: dict[int, int] = {}
    hashes = np.vstack([d.hashes for d in docs])
    sizes = [d.n_shingles for d in docs]
    for i in range(1, len(docs)):
        # Copies share most of their words: only text-similar pairs are worth comparing.
        near = np.flatnonzero(text[i, :i] >= 0.5)
        if not len(near):
            continue
        jac = (hashes[near] == hashes[i]).mean(axis=1)
        best, best_c = None, p.duplicate
        for j, jv in zip(near, jac, strict=True):
            gap = docs[i].span.gap(docs[j].span)
            c = containment(float(jv), sizes[i], sizes[j])
            if c >= best_c and (gap is None or gap <= 30):
                best, best_c = int(j), c
        if best is not None:
            out[i] = best
    return out


def distances(
    docs: list[Doc], p: ClusterParams, *, weights: DocumentFrequencies | None = None
) -> tuple[np.ndarray, dict[int, int]]:
    """The pool's distance matrix (1 at the threshold, 0 for copies) and its copies.

    ``weights``: the store's document frequencies (default: those of the pool alone)."""
    vectors = [d.terms for d in docs]
    tfidf = tfidf_rows(vectors, weights or pool_frequencies(vectors))
    text = (tfidf @ tfidf.T).toarray()
    codes = _code_matrix(docs)
    parties = (codes @ codes.T).toarray()
    has_codes = np.array([bool(d.codes) for d in docs])
    with_codes = has_codes[:, None] & has_codes[None, :]
    score = text + np.where(with_codes, p.party_weight * (parties - p.party_pivot), 0.0)
    score += p.event_weight * _event_overlap(docs)
    forbidden, threshold = _date_terms(docs, p)
    dist = np.clip(1.0 - (score - threshold), 0.0, None)
    dist[forbidden] = FORBIDDEN
    # Stored articles of one story stay together: later arrivals grow and merge stories,
    # they never split them (and so never churn the stories of a big store).
    groups: dict[str, int] = {}
    story = np.array([groups.setdefault(d.story_id, len(docs) + len(groups))
                      if d.story_id and not d.target else i
                      for i, d in enumerate(docs)])  # fmt: skip
    dist[story[:, None] == story[None, :]] = 0.0
    found = copies(docs, text, p)
    for i, j in found.items():
        dist[i, j] = dist[j, i] = 0.0
    np.fill_diagonal(dist, 0.0)
    return dist, found


def cluster_labels(dist: np.ndarray, p: ClusterParams) -> np.ndarray:
    """Cluster labels (0, 1, …) for a distance matrix, cut at 1 (the threshold)."""
    n = dist.shape[0]
    if n == 1:
        return np.zeros(1, dtype=int)
    z = linkage(squareform(dist, checks=False), method=p.linkage)
    return fcluster(z, t=1.0, criterion="distance") - 1
