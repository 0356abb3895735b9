"""Story clustering: incremental, after each ingest batch.

Each new article is compared with already clustered articles published within
a few days of it (undated ones: only the most recent, and only on text):

1. **Duplicates and wire copy** — MinHash estimates of shingle Jaccard turned
   into *containment* (how much of the shorter text is inside the longer one),
   so a trimmed wire copy inside a longer article still counts. A copy joins
   the story of its original and records ``duplicate_of``.
2. **Same development** — cosine similarity of TF-IDF vectors (hashed terms,
   IDF over the compared pool) plus a bonus or penalty for how far the actor
   codes the two articles are about agree (lead mentions weigh most).

An article joins the best-scoring story above the threshold, else it starts a
new one. A story only takes articles dated within ``window_days`` of its own
dates, so a later development between the same parties (the signing a month
after the announcement) becomes a new story. Nothing already clustered is
moved, so re-running is cheap and stories stay stable.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

import numpy as np

from diplograph.config import Settings
from diplograph.errors import ConfigError
from diplograph.model import stable_id
from diplograph.store import Database
from diplograph.store.stories import (
    candidate_signatures,
    cluster_inputs,
    move_story,
    publication_dates,
    save_signature,
    set_story,
    story_members,
    write_stories,
)
from diplograph.stories.signature import (
    DateSpan,
    containment,
    minhash,
    minhash_bytes,
    minhash_values,
    shingles,
    term_counts,
    tfidf_rows,
    unpack_vector,
    vector_bytes,
)
from diplograph.stories.summary import summarise

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Clustering thresholds; override with ``Settings.extra["stories.<name>"]``."""

    window_days: int = 3  # how far apart (days) articles of one story may be published
    threshold: float = 0.26  # combined similarity needed to join a story (dated articles)
    undated_threshold: float = 0.55  # the same when either date is unknown or vague
    duplicate: float = 0.60  # containment from which an article is a copy of another
    code_weight: float = 0.25  # weight of actor-code agreement in the combined score
    code_pivot: float = 0.5  # code agreement below this lowers the score, above raises it
    undated_pool: int = 500  # undated clustered articles compared at most

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
        return cls(**values)


@dataclass(slots=True)
class Doc:
    """One article as clustering sees it."""

    id: str
    span: DateSpan
    hashes: np.ndarray
    n_shingles: int
    terms: tuple[np.ndarray, np.ndarray]
    codes: dict[str, float]
    story_id: str | None = None
    duplicate_of: str | None = None
    published: str | None = None
    fresh: bool = False  # computed in this batch (its signature still has to be saved)
    row: dict[str, Any] = field(default_factory=dict)

    @property
    def vague(self) -> bool:
        """No date, or only a month or a year: too vague for the date window alone."""
        return not self.span.known or self.span.days > 7


def code_weights(mentions: Sequence[tuple[str, int]]) -> dict[str, float]:
    """Actor-code weights of an article: each mention counts, lead mentions (first 2) thrice."""
    weights: dict[str, float] = {}
    for code, sentence in mentions:
        weights[code] = weights.get(code, 0.0) + (3.0 if sentence <= 1 else 1.0)
    return weights


def _new_docs(rows: list[dict[str, Any]]) -> list[Doc]:
    """Signatures of newly stored articles (term counts computed for all of them at once)."""
    counts = term_counts([(r["title"], r["text"]) for r in rows])
    docs = []
    for i, row in enumerate(rows):
        sh = shingles(row["text"])
        mh = minhash(sh)
        lo, hi = counts.indptr[i], counts.indptr[i + 1]
        idx, val = counts.indices[lo:hi].astype("<u4"), counts.data[lo:hi].astype("<f4")
        doc = Doc(row["id"], DateSpan.parse(row["published"]), mh.hashvalues, len(sh),
                  (idx, val), code_weights(row["mentions"]), published=row["published"],
                  fresh=True)  # fmt: skip
        ranked = sorted(doc.codes, key=lambda c: (-doc.codes[c], c))
        doc.row = {"article_id": row["id"], "minhash": minhash_bytes(mh),
                   "vector": vector_bytes(idx, val, len(sh)), "codes": json.dumps(ranked),
                   "date": row["published"], "ingested_at": row["ingested_at"]}  # fmt: skip
        docs.append(doc)
    return docs


def _stored_doc(row: dict[str, Any]) -> Doc:
    n, idx, val = unpack_vector(row["vector"])
    codes = json.loads(row["codes"] or "[]")
    # Stored codes are ranked; weigh them by rank so the main parties dominate.
    weights = {c: 1.0 / (1 + i) for i, c in enumerate(codes)}
    return Doc(row["article_id"], DateSpan.parse(row["date"]), minhash_values(row["minhash"]), n,
               (idx, val), weights, row["story_id"], row["duplicate_of"], row["date"])  # fmt: skip


def _code_cosine(a: dict[str, float], b: dict[str, float]) -> float | None:
    if not a or not b:
        return None
    dot = sum(w * b.get(c, 0.0) for c, w in a.items())
    na = sum(w * w for w in a.values()) ** 0.5
    nb = sum(w * w for w in b.values()) ** 0.5
    return dot / (na * nb)


def _rank_codes(doc: Doc) -> dict[str, float]:
    ranked = sorted(doc.codes, key=lambda c: (-doc.codes[c], c))
    return {c: 1.0 / (1 + i) for i, c in enumerate(ranked)}


class _Pool:
    """Clustered articles in the date range of a batch, with their TF-IDF rows and hashes."""

    def __init__(self, docs: list[Doc], params: ClusterParams) -> None:
        self.docs = docs
        self.params = params
        self.tfidf = tfidf_rows([d.terms for d in docs])
        self.by_term = self.tfidf.tocsc()  # columns: fast cosine of one row against all
        self.hashes = np.vstack([d.hashes for d in docs]) if docs else np.zeros((0, 1))
        self.index = {d.id: i for i, d in enumerate(docs)}
        self.assigned = np.array([d.story_id is not None for d in docs], dtype=bool)
        far = 10**7
        self.lo = np.array([d.span.lo.toordinal() if d.span.lo else -far for d in docs])
        self.hi = np.array([d.span.hi.toordinal() if d.span.hi else far for d in docs])
        self.spans: dict[str, tuple[date, date]] = {}
        self.merges: dict[str, str] = {}  # story merged away → the story it joined
        for d in docs:
            if d.story_id and d.span.known and not d.vague:
                self._widen(d.story_id, d.span)

    def _widen(self, story_id: str, span: DateSpan) -> None:
        assert span.lo and span.hi
        lo, hi = self.spans.get(story_id, (span.lo, span.hi))
        self.spans[story_id] = (min(lo, span.lo), max(hi, span.hi))

    def place(self, doc: Doc) -> None:
        """Give ``doc`` a story: a copy's original's, the best match's, or a new one."""
        i = self.index[doc.id]
        reach = 31 if doc.vague else self.params.window_days + 1
        near = (self.lo <= self.hi[i] + reach) & (self.hi >= self.lo[i] - reach)
        done = np.flatnonzero(self.assigned & near)
        if len(done):
            jac = (self.hashes[done] == self.hashes[i]).mean(axis=1)
            row = self.tfidf.getrow(i)
            cos = (self.by_term[:, row.indices] @ row.data)[done]
            self._decide(doc, [self.docs[j] for j in done], jac, cos)
        if doc.story_id is None:
            doc.story_id = "st-" + stable_id("story", doc.id, length=12)
        self.assigned[i] = True
        if doc.span.known and not doc.vague:
            self._widen(doc.story_id, doc.span)

    def _decide(self, doc: Doc, others: list[Doc], jac: np.ndarray, cos: np.ndarray) -> None:
        p = self.params
        best_copy, best_c = None, p.duplicate
        scores: dict[str, float] = {}
        for other, j, c in zip(others, jac, cos, strict=True):
            contained = containment(float(j), doc.n_shingles, other.n_shingles)
            gap = doc.span.gap(other.span)
            if contained >= best_c and (gap is None or gap <= 30):
                best_copy, best_c = other, contained
            score = self._score(doc, other, float(c))
            if score is not None and score > scores.get(other.story_id or "", -1.0):
                scores[other.story_id or ""] = score
        linked = sorted(sid for sid, score in scores.items() if score >= 0)
        if best_copy is not None:
            target = best_copy.story_id
            doc.duplicate_of = best_copy.duplicate_of or best_copy.id
        elif linked:
            target = max(linked, key=lambda sid: (scores[sid], sid))
        else:
            return
        doc.story_id = target
        # An article that links two stories shows they are one: merge them (single link),
        # so the result does not depend on the order articles arrive in.
        for sid in linked:
            if sid != target and target is not None:
                self._merge(sid, target)

    def _merge(self, old: str, new: str) -> None:
        for d in self.docs:
            if d.story_id == old:
                d.story_id = new
        for k, v in list(self.merges.items()):
            if v == old:
                self.merges[k] = new
        self.merges[old] = new
        if old in self.spans:
            lo, hi = self.spans.pop(old)
            self._widen(new, DateSpan(lo, hi))

    def _score(self, doc: Doc, other: Doc, cos: float) -> float | None:
        """Combined similarity minus the threshold that applies; None if dates rule it out."""
        p = self.params
        if doc.vague or other.vague:
            if doc.span.gap(other.span) not in (None, 0):
                return None
            threshold = p.undated_threshold
        else:
            lo, hi = self.spans.get(other.story_id or "", (other.span.lo, other.span.hi))
            assert doc.span.lo and doc.span.hi and lo and hi
            if doc.span.lo > hi + timedelta(days=p.window_days) or doc.span.hi < lo - timedelta(
                days=p.window_days
            ):
                return None
            threshold = p.threshold
        agree = _code_cosine(_rank_codes(doc) if doc.fresh else doc.codes,
                             _rank_codes(other) if other.fresh else other.codes)  # fmt: skip
        bonus = 0.0 if agree is None else p.code_weight * (agree - p.code_pivot)
        return cos + bonus - threshold


def _order(doc: Doc) -> tuple:
    return (doc.span.lo or date.max, doc.span.days or 10**6, doc.row.get("ingested_at", ""), doc.id)


def assign_stories(db: Database, article_ids: Sequence[str], settings: Settings) -> int:
    """Place newly stored articles into stories; return how many stories changed."""
    params = ClusterParams.from_settings(settings)
    touched: set[str] = set()
    # Date order keeps each step's pool of stored candidates to a narrow date range.
    dates = publication_dates(db, article_ids)
    ids = sorted(dates, key=lambda a: (dates[a] or "9999", a))
    for start in range(0, len(ids), _BATCH):
        touched |= _assign_batch(db, ids[start : start + _BATCH], params)
    ordered = sorted(touched)
    for start in range(0, len(ordered), _BATCH):
        chunk = ordered[start : start + _BATCH]
        members = story_members(db, chunk)
        write_stories(db, [summarise(sid, members[sid]) for sid in chunk if members.get(sid)])
    log.info("clustered %d articles; %d stories changed", len(ids), len(touched))
    return len(touched)


#: New articles clustered per step (bounds memory on large ingests).
_BATCH = 1000


def _assign_batch(db: Database, article_ids: Sequence[str], params: ClusterParams) -> set[str]:
    rows = cluster_inputs(db, article_ids)
    new = _new_docs(rows)
    new.sort(key=_order)
    los = [d.span.lo for d in new if d.span.lo]
    his = [d.span.hi for d in new if d.span.hi]
    margin = timedelta(days=params.window_days + 31)
    date_from = (min(los) - margin).isoformat() if los else None
    date_to = (max(his) + margin).isoformat() if his else None
    stored = candidate_signatures(
        db, date_from=date_from, date_to=date_to, undated_limit=params.undated_pool,
        exclude=[d.id for d in new],
    )  # fmt: skip
    pool = _Pool([_stored_doc(r) for r in stored] + new, params)
    for doc in new:
        pool.place(doc)
    with db.begin() as conn:
        for doc in new:
            row = {k: v for k, v in doc.row.items() if k != "ingested_at"}
            save_signature(conn, {**row, "duplicate_of": doc.duplicate_of})
            set_story(conn, doc.id, doc.story_id or "")
        for old, target in sorted(pool.merges.items()):
            move_story(conn, old, target)
    return {d.story_id for d in new if d.story_id} | set(pool.merges)
