"""Story clustering: incremental, crash-safe, safe with several writers, stable ids.

Each run places the articles given (re-processed ones) and every stored
article that is in no story yet — new ones, and any left so by an ingest that
was killed — in steps of at most ``BATCH`` articles:

1. **Signatures** of the articles to place are computed (``features.py``).
2. Under the store's **story lock** (one transaction: the first statement
   takes the write lock, so two ingests never decide from the same snapshot),
   each article's **candidates** are read from the ``story_keys`` index:
   stored articles sharing a party, an event or a name with it, dated within
   the story window of its effective date, or undated — a bounded number per
   key and per article, whatever the size of the store.
3. The **pool** (the articles to place, their candidates, and the members of
   the candidates' stories) is scored pair by pair and re-clustered from
   scratch (``score.py``); stored articles already in one story stay together,
   so stories grow and merge on new evidence but are never split.
4. **Ids**: each resulting cluster keeps the id of the stored story it
   overlaps most (largest overlap first, each id once); a cluster with no
   stored member gets an id derived from its earliest article. Re-processing
   an unchanged store gives back the same ids, and a story that grows keeps
   its id.
5. Signatures, keys, story ids and the summaries of the stories touched are
   written in that same transaction: an article is either placed with
   everything it implies, or still in no story (and placed by the next run).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import zip_longest

from diplograph.config import Settings
from diplograph.model import stable_id
from diplograph.store import Database
from diplograph.store.stories import (
    cluster_inputs,
    current_stories,
    in_date_order,
    index_complete,
    key_hits,
    mark_index_complete,
    members_of,
    save_signatures,
    set_stories,
    signature_rows,
    stale_signature_ids,
    story_exists,
    story_lock,
    story_members,
    story_spans,
    unassigned_ids,
    write_stories,
)
from diplograph.store.term_df import document_frequencies, signature_count, signed
from diplograph.stories.features import Doc, new_docs, stored_doc
from diplograph.stories.score import ClusterParams, cluster_labels, distances
from diplograph.stories.signature import DocumentFrequencies
from diplograph.stories.summary import summarise

log = logging.getLogger(__name__)

#: Articles placed per step (one transaction): bounds memory and the time the lock is held.
BATCH = 200
#: Articles placed together (one pool) within a step.
GROUP = 8

__all__ = ["BATCH", "ClusterParams", "assign_stories"]


def assign_stories(
    db: Database, article_ids: Sequence[str] = (), settings: Settings | None = None
) -> int:
    """Place ``article_ids`` (again) and every article in no story; return stories changed."""
    params = ClusterParams.from_settings(settings) if settings else ClusterParams()
    _refresh_signatures(db)
    forced = in_date_order(db, list(dict.fromkeys(article_ids)))
    chosen = set(forced)
    todo = forced + [a for a in unassigned_ids(db) if a not in chosen]
    touched: set[str] = set()
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        touched |= _place(db, chunk, params, forced=chosen)
    if todo:
        log.info("placed %d articles; %d stories changed", len(todo), len(touched))
    return len(touched)


def _refresh_signatures(db: Database) -> None:
    """Recompute signatures written before the story index (keeping their stories); once
    none is left the store says so, and later runs skip the scan."""
    if index_complete(db):
        return
    while ids := stale_signature_ids(db, limit=BATCH):
        docs = new_docs(cluster_inputs(db, ids))
        with story_lock(db) as conn:
            save_signatures(conn, [({**d.row, "duplicate_of": None}, d.keys) for d in docs])
    mark_index_complete(db)


def _place(
    db: Database, ids: Sequence[str], params: ClusterParams, *, forced: set[str]
) -> set[str]:
    docs = new_docs(cluster_inputs(db, ids))  # the costly part, outside the lock
    touched: set[str] = set()
    with story_lock(db) as conn:
        now_in = current_stories(conn, [d.id for d in docs])
        # Another writer may have placed some of them since they were read.
        docs = [d for d in docs if d.id in forced or now_in.get(d.id) is None]
        for d in docs:
            d.story_id = now_in.get(d.id)
        # Small groups in date order, each placed before the next is read: a group's pool
        # is one neighbourhood (bounded), and later groups find earlier ones by their keys.
        docs.sort(key=lambda d: (d.span.lo is None, d.span.lo, d.id))
        weights = _step_weights(conn, docs)
        for start in range(0, len(docs), GROUP):
            touched |= _place_group(conn, docs[start : start + GROUP], params, weights=weights)
        # Once per step, not per group: no placement reads a summary, and a big story
        # touched by every group would be summarised again each time.
        _write_summaries(conn, touched)
    return touched


def _step_weights(conn, docs: list[Doc]) -> DocumentFrequencies:
    """The store's term frequencies, counting the step's articles not stored yet (one that
    keeps an older signature is counted by that one until it is written again)."""
    kept = signed(conn, [d.id for d in docs])
    def read(terms: list[int]) -> dict[int, int]:
        return document_frequencies(conn, terms)

    return DocumentFrequencies(signature_count(conn), read,
                               [d.terms for d in docs if d.id not in kept])  # fmt: skip


def _candidates(conn, d: Doc, params: ClusterParams, *, exclude: set[str]) -> list[str]:
    """Stored articles sharing the most index keys with ``d`` within its date reach."""
    if d.span.known and d.vague:  # a month or a year: its whole span
        lo, hi = d.span.lo.toordinal(), d.span.hi.toordinal()  # type: ignore[union-attr]
    elif d.span.known:
        lo = d.span.lo.toordinal() - params.window_days  # type: ignore[union-attr]
        hi = d.span.hi.toordinal() + params.window_days  # type: ignore[union-attr]
    else:
        lo = hi = None
    hits = Counter(aid for aid, _ in key_hits(conn, d.keys, day_lo=lo, day_hi=hi,
                                              per_key=params.per_key,
                                              undated_per_key=params.undated_per_key)
                   if aid not in exclude)  # fmt: skip
    return sorted(hits, key=lambda a: (-hits[a], a))[: params.candidates]


def _place_group(conn, docs: list[Doc], params: ClusterParams, *,
                 weights: DocumentFrequencies) -> set[str]:
    """Place ``docs`` (one group); ``weights``: the step's store-wide term frequencies.

    Returns the stories it changed (their summaries are written once per step)."""
    mine = {d.id for d in docs}
    found = {d.id: _candidates(conn, d, params, exclude=mine) for d in docs}
    pool = _pool(conn, docs, found, params)
    dist, copied = distances(pool, params, weights=weights)
    labels = cluster_labels(dist, params)
    for i, j in copied.items():
        if pool[i].target:
            pool[i].duplicate_of = pool[j].duplicate_of or pool[j].id
    new_ids = _name_clusters(conn, pool, labels)
    moved = {d.id: new_ids[k] for d, k in zip(pool, labels, strict=True)
             if d.story_id != new_ids[k]}  # fmt: skip
    save_signatures(conn, [({**d.row, "duplicate_of": d.duplicate_of}, d.keys)
                           for d in pool if d.target])  # fmt: skip
    set_stories(conn, moved)
    return set(moved.values()) | {d.story_id for d in pool if d.id in moved and d.story_id}


def _pool(conn, docs: list[Doc], found: dict[str, list[str]], params: ClusterParams) -> list[Doc]:
    """The docs to place, their candidates and their candidates' story-mates, in date order:
    at most ``params.pool`` stored ones (candidates first, best ranked of each doc in turn)."""
    mine = {d.id for d in docs}
    ranked = list(dict.fromkeys(aid for rank in zip_longest(*found.values())
                                for aid in rank if aid))[: params.pool]  # fmt: skip
    chosen = {r["article_id"]: stored_doc(r) for r in signature_rows(conn, ranked)}
    room = params.pool - len(chosen)
    if room > 0:
        owners = [d.story_id for d in docs] + [chosen[a].story_id for a in ranked if a in chosen]
        stories = list(dict.fromkeys(sid for sid in owners if sid))
        members = members_of(conn, stories)
        mates = [a for sid in stories for a in members.get(sid, [])[: params.members]
                 if a not in chosen and a not in mine][:room]  # fmt: skip
        chosen.update({r["article_id"]: stored_doc(r) for r in signature_rows(conn, mates)})
    spans = story_spans(conn, sorted({d.story_id for d in chosen.values() if d.story_id}))
    for d in chosen.values():
        d.story_span = spans.get(d.story_id or "")
    pool = docs + [d for d in chosen.values() if d.id not in mine]
    return sorted(pool, key=lambda d: (d.span.lo is None, d.span.lo, d.id))


def _name_clusters(conn, pool: list[Doc], labels) -> dict[int, str]:
    """Story id of each cluster label: the stored story it overlaps most, else a new id."""
    overlap: dict[int, Counter[str]] = defaultdict(Counter)
    for d, k in zip(pool, labels, strict=True):
        if d.story_id:
            overlap[int(k)][d.story_id] += 1
    pairs = sorted(((-n, sid, k) for k, c in overlap.items() for sid, n in c.items()))
    names: dict[int, str] = {}
    used: set[str] = set()
    for _, sid, k in pairs:
        if k not in names and sid not in used:
            names[k], used = sid, used | {sid}
    for k in sorted({int(x) for x in labels}):
        if k in names:
            continue
        seed = min(d.id for d, x in zip(pool, labels, strict=True) if x == k)
        sid, n = "st-" + stable_id("story", seed, length=12), 0
        while sid in used or story_exists(conn, sid):
            n += 1
            sid = "st-" + stable_id("story", seed, str(n), length=12)
        names[k], used = sid, used | {sid}
    return names


def _write_summaries(conn, story_ids: set[str]) -> None:
    ordered = sorted(story_ids)
    members = story_members(conn, ordered)
    write_stories(conn, [summarise(sid, members[sid]) for sid in ordered if members.get(sid)],
                  gone=[sid for sid in ordered if not members.get(sid)])  # fmt: skip
