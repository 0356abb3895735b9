"""SQL for stories: clustering inputs, signatures, story rows, and the reads behind story views.

Story clustering (``stories/cluster.py``) and the story queries
(``stories/query.py``, ``framing/compare.py``) call these; nothing else in the
stories or framing packages touches SQL.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    CursorResult,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)

from diplograph.store import schema as s
from diplograph.store.articles import now
from diplograph.store.database import Database
from diplograph.store.term_df import count_terms, stored_vectors

_CHUNK = 500

if TYPE_CHECKING:
    from diplograph.stories.signature import DateSpan


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def unassigned_ids(db: Database) -> list[str]:
    """Ids of stored articles in no story (new, or left so by an interrupted ingest)."""
    art = s.articles
    with db.connect() as conn:
        return list(conn.execute(select(art.c.id).where(art.c.story_id.is_(None))
                                 .order_by(art.c.published.nulls_last(), art.c.id)).scalars())


def in_date_order(db: Database, article_ids: Sequence[str]) -> list[str]:
    """``article_ids`` ordered by publication date (undated last), then id."""
    dates: dict[str, str | None] = {}
    with db.connect() as conn:
        for chunk in _chunks(list(article_ids)):
            rows = conn.execute(select(s.articles.c.id, s.articles.c.published)
                                .where(s.articles.c.id.in_(chunk))).all()  # fmt: skip
            dates.update({aid: published for aid, published in rows})
    return sorted(dates, key=lambda a: (dates[a] is None, dates[a] or "", a))


#: ``meta`` row present once every placed article has a signature of the story index.
INDEX_COMPLETE_KEY = "stories.index_complete"


def index_complete(db: Database) -> bool:
    """True once :func:`stale_signature_ids` found nothing (migration 0004 clears it)."""
    with db.connect() as conn:
        q = select(s.meta.c.value).where(s.meta.c.key == INDEX_COMPLETE_KEY)
        return conn.execute(q).first() is not None


def mark_index_complete(db: Database) -> None:
    """Record that every placed article has a current signature."""
    with db.begin() as conn:
        conn.execute(delete(s.meta).where(s.meta.c.key == INDEX_COMPLETE_KEY))
        conn.execute(insert(s.meta).values(key=INDEX_COMPLETE_KEY, value=now()))


def stale_signature_ids(db: Database, *, limit: int) -> list[str]:
    """Ids of articles in a story whose signature is missing or older than the story index."""
    art, sig = s.articles, s.article_signatures
    q = (select(art.c.id).outerjoin(sig, sig.c.article_id == art.c.id)
         .where(art.c.story_id.is_not(None), sig.c.date_basis.is_(None))
         .order_by(art.c.id).limit(limit))  # fmt: skip
    with db.connect() as conn:
        return list(conn.execute(q).scalars())


def cluster_inputs(db: Database, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """What clustering reads per article: metadata, text, mention codes by sentence, events."""
    names = ("id", "title", "text", "outlet", "published", "published_precision",
             "ingested_at", "story_id")  # fmt: skip
    cols = [s.articles.c[n] for n in names]
    out: list[dict[str, Any]] = []
    with db.connect() as conn:
        for chunk in _chunks(list(article_ids)):
            rows = _dicts(conn.execute(select(*cols).where(s.articles.c.id.in_(chunk))))
            mentions = _mention_codes(conn, chunk)
            events = _event_facts(conn, chunk)
            for item in rows:
                item["mentions"] = mentions.get(item["id"], [])
                item["events"] = events.get(item["id"], [])
                out.append(item)
    return out


def _mention_codes(conn: Connection, ids: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
    rows = conn.execute(
        select(s.mentions.c.article_id, s.mentions.c.code, s.mentions.c.sentence)
        .where(s.mentions.c.article_id.in_(ids), s.mentions.c.code.is_not(None))
        .order_by(s.mentions.c.article_id, s.mentions.c.start)
    ).all()
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for aid, code, sentence in rows:
        out[aid].append((code, sentence))
    return out


def _event_facts(conn: Connection, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Per article, its events' type, date, date precision, party codes and sentence."""
    ev = s.events
    rows = conn.execute(
        select(ev.c.article_id, ev.c.event, ev.c.date, ev.c.date_precision, ev.c.actor,
               ev.c.recipient, ev.c.sentence)
        .where(ev.c.article_id.in_(ids)).order_by(ev.c.article_id, ev.c.sentence, ev.c.id)
    ).all()  # fmt: skip
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for aid, event, when, precision, actor, recipient, sentence in rows:
        codes = [p["code"] for p in json.loads(actor) + json.loads(recipient) if p.get("code")]
        out[aid].append({"event": event, "date": when, "date_precision": precision,
                         "codes": codes, "sentence": sentence})  # fmt: skip
    return out


def _citations(conn: Connection, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    rows = _dicts(conn.execute(
        select(s.citations).where(s.citations.c.article_id.in_(ids)).order_by(s.citations.c.id)
    ))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row["article_id"]].append(row)
    return out


def _dicts(result: CursorResult[Any]) -> list[dict[str, Any]]:
    """The rows of ``result`` as dicts (as ``dict(row._mapping)``, whose key view SQLAlchemy
    builds anew for every row: most of the cost of reading many small rows)."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


#: The ``meta`` row whose update takes the store's story lock (SQLite: the write lock).
_LOCK_KEY = "stories.lock"


@contextmanager
def story_lock(db: Database) -> Iterator[Connection]:
    """A transaction that first takes the store-wide story lock, so that two ingests never
    place articles from the same snapshot (each sees what the other committed).

    SQLite: the first statement is a write, which takes the database's write lock
    (others wait, up to the busy timeout); PostgreSQL: a transaction advisory lock.
    """
    with db.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(4242011)"))
        else:
            stamp = now()
            done = conn.execute(update(s.meta).where(s.meta.c.key == _LOCK_KEY)
                                .values(value=stamp)).rowcount  # fmt: skip
            if not done:
                conn.execute(insert(s.meta).values(key=_LOCK_KEY, value=stamp))
        yield conn


def current_stories(conn: Connection, article_ids: Sequence[str]) -> dict[str, str | None]:
    """The story id of each article (None: in no story)."""
    out: dict[str, str | None] = {}
    for chunk in _chunks(list(article_ids)):
        rows = conn.execute(select(s.articles.c.id, s.articles.c.story_id)
                            .where(s.articles.c.id.in_(chunk))).all()  # fmt: skip
        out.update({aid: sid for aid, sid in rows})
    return out


#: Per-key candidate reads: (key, day) index range scans with a limit. They run through the
#: driver's cursor: an article asks a few dozen of them, and SQLAlchemy's per-statement
#: overhead would be most of its cost.
_NEAR_DAY = ("SELECT article_id FROM story_keys WHERE key = ? AND day BETWEEN ? AND ? "
             "ORDER BY abs(day - ?), article_id LIMIT ?")  # fmt: skip
_UNDATED = ("SELECT article_id FROM story_keys WHERE key = ? AND day IS NULL "
            "ORDER BY added DESC LIMIT ?")  # fmt: skip
_LATEST = ("SELECT article_id FROM story_keys WHERE key = ? "
           "ORDER BY day DESC, added DESC LIMIT ?")  # fmt: skip


def key_hits(
    conn: Connection, keys: Sequence[str], *, day_lo: int | None, day_hi: int | None,
    per_key: int, undated_per_key: int | None = None,
) -> list[tuple[str, str]]:
    """(article id, key) of articles indexed under ``keys``: those dated in [day_lo, day_hi]
    (at most ``per_key`` per key, nearest first) and the ``undated_per_key`` (default
    ``per_key``) undated ones stored last; for an undated query (``day_lo`` None), the
    ``per_key`` latest of any day. Read from the (key, day, added) index."""
    undated = per_key if undated_per_key is None else undated_per_key
    qmark = conn.dialect.paramstyle == "qmark"

    def sql(q: str) -> str:
        return q if qmark else q.replace("?", "%s")

    cursor = conn.connection.cursor()
    out: list[tuple[str, str]] = []
    try:
        for key in keys:
            if day_lo is not None and day_hi is not None:
                mid = (day_lo + day_hi) // 2
                cursor.execute(sql(_NEAR_DAY), (key, day_lo, day_hi, mid, per_key))
                out += [(row[0], key) for row in cursor.fetchall()]
                cursor.execute(sql(_UNDATED), (key, undated))
            else:
                cursor.execute(sql(_LATEST), (key, per_key))
            out += [(row[0], key) for row in cursor.fetchall()]
    finally:
        cursor.close()
    return out


def members_of(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[str]]:
    """The article ids of each story, in id order."""
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(list(story_ids)):
        rows = conn.execute(select(s.articles.c.story_id, s.articles.c.id)
                            .where(s.articles.c.story_id.in_(chunk))
                            .order_by(s.articles.c.id)).all()  # fmt: skip
        for sid, aid in rows:
            out[sid].append(aid)
    return out


def signature_rows(conn: Connection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Stored signatures (with the article's story id) of ``article_ids`` that have one."""
    sig, art = s.article_signatures, s.articles
    cols = [sig.c.article_id, sig.c.minhash, sig.c.vector, sig.c.codes, sig.c.events,
            sig.c.day_lo, sig.c.day_hi, sig.c.date_basis, sig.c.duplicate_of, art.c.story_id]
    out: list[dict[str, Any]] = []
    for chunk in _chunks(list(article_ids)):
        out += _dicts(conn.execute(select(*cols).join(art, art.c.id == sig.c.article_id)
                                   .where(sig.c.article_id.in_(chunk),
                                          sig.c.date_basis.is_not(None))))  # fmt: skip
    return out


def save_signatures(conn: Connection, rows: Sequence[tuple[dict[str, Any], Sequence[str]]]) -> None:
    """Insert or replace clustering signatures and their index keys: (signature row, keys);
    ``term_df`` follows."""
    if not rows:
        return
    ids = [row["article_id"] for row, _ in rows]
    count_terms(conn, added=[row.get("vector") for row, _ in rows],
                removed=stored_vectors(conn, ids))  # fmt: skip
    for chunk in _chunks(ids):
        conn.execute(delete(s.article_signatures).where(s.article_signatures.c.article_id.in_(chunk)))
        conn.execute(delete(s.story_keys).where(s.story_keys.c.article_id.in_(chunk)))
    conn.execute(insert(s.article_signatures),
                 [{k: v for k, v in row.items() if k != "added"} for row, _ in rows])
    keyed = []
    for row, keys in rows:
        day = (row["day_lo"] + row["day_hi"]) // 2 if row.get("day_lo") else None
        keyed += [{"key": k, "article_id": row["article_id"], "day": day,
                   "added": row.get("added")} for k in keys]  # fmt: skip
    if keyed:
        conn.execute(insert(s.story_keys), keyed)


_SET_STORY = (update(s.articles).where(s.articles.c.id == bindparam("aid"))
              .values(story_id=bindparam("sid")))  # fmt: skip


def set_stories(conn: Connection, stories: dict[str, str]) -> None:
    """Put each article (key) into its story (value): ``articles.story_id`` is the truth."""
    if stories:
        conn.execute(_SET_STORY, [{"aid": a, "sid": sid} for a, sid in sorted(stories.items())])


def story_spans(conn: Connection, story_ids: Sequence[str]) -> dict[str, DateSpan]:
    """First to last effective day of each story's day-dated articles (their signatures'
    ``day_lo``/``day_hi`` spanning under a week: a publication day, or the day the events
    of an undated article give), for the stories that have one."""
    from datetime import date

    from diplograph.stories.signature import DateSpan

    art, sig = s.articles, s.article_signatures
    out: dict[str, DateSpan] = {}
    for chunk in _chunks(list(story_ids)):
        rows = conn.execute(
            select(art.c.story_id, func.min(sig.c.day_lo), func.max(sig.c.day_hi))
            .join(sig, sig.c.article_id == art.c.id)
            .where(art.c.story_id.in_(chunk), sig.c.day_lo.is_not(None),
                   sig.c.day_hi - sig.c.day_lo < 7)
            .group_by(art.c.story_id)
        ).all()  # fmt: skip
        for sid, lo, hi in rows:
            out[sid] = DateSpan(date.fromordinal(lo), date.fromordinal(hi))
    return out


def story_exists(conn: Connection, story_id: str) -> bool:
    """True when some article is in story ``story_id``."""
    q = select(s.articles.c.id).where(s.articles.c.story_id == story_id).limit(1)
    return conn.execute(q).first() is not None


def story_members(
    db: Database | Connection, story_ids: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """Per story, its articles (id, title, outlet, published, duplicate_of, codes, the first
    characters of the text) and their citations."""
    if isinstance(db, Database):
        with db.connect() as conn:
            return story_members(conn, story_ids)
    conn = db
    art, sig = s.articles, s.article_signatures
    cols = [art.c.id, art.c.story_id, art.c.title, art.c.outlet, art.c.url, art.c.published,
            art.c.published_precision, art.c.ingested_at,
            func.substr(art.c.text, 1, 400).label("text"), sig.c.duplicate_of,
            sig.c.codes]  # fmt: skip
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(list(story_ids)):
        members = _dicts(conn.execute(
            select(*cols).outerjoin(sig, sig.c.article_id == art.c.id)
            .where(art.c.story_id.in_(chunk)).order_by(art.c.id)
        ))
        cites = _citations(conn, [m["id"] for m in members])
        for m in members:
            m["citations"] = cites.get(m["id"], [])
            m["codes"] = json.loads(m["codes"] or "[]")
            out[m["story_id"]].append(m)
    return out


def write_stories(
    db: Database | Connection, summaries: Sequence[dict[str, Any]], *,
    gone: Sequence[str] = (),
) -> None:
    """Insert or update story rows (``id``, ``title``, dates, codes, outlets, sources, count);
    delete the rows of the stories ``gone`` (left with no article)."""
    if isinstance(db, Database):
        with db.begin() as conn:
            write_stories(conn, summaries, gone=gone)
        return
    conn = db
    stamp = now()
    rows = []
    for row in summaries:
        values = {**row, "updated_at": stamp}
        for key in ("codes", "outlets", "independent_sources"):
            values[key] = json.dumps(values[key], ensure_ascii=False)
        rows.append(values)
    ids = [r["id"] for r in rows] + list(gone)
    for chunk in _chunks(ids):  # replaced whole: one delete and one insert per chunk
        conn.execute(delete(s.stories).where(s.stories.c.id.in_(chunk)))
    if rows:
        conn.execute(insert(s.stories), rows)


def _story_json(row: Any) -> dict[str, Any]:
    out = dict(row._mapping)
    for key in ("codes", "outlets", "independent_sources"):
        out[key] = json.loads(out[key] or "[]")
    return out


def story_rows(
    db: Database, *, since: str | None = None, actor: str | None = None,
    limit: int | None = None, offset: int = 0,
) -> list[dict[str, Any]]:
    """Story rows, newest first (by last_seen, then id); filtered by date and actor code."""
    q = select(s.stories)
    if since:
        q = q.where(or_(s.stories.c.last_seen >= since, s.stories.c.last_seen.is_(None)))
    if actor:
        q = q.where(s.stories.c.codes.like(f'%"{actor.upper()}"%'))
    q = q.order_by(s.stories.c.last_seen.desc().nulls_last(), s.stories.c.id).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with db.connect() as conn:
        return [_story_json(r) for r in conn.execute(q).all()]


def iter_story_rows(db: Database, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every story row with its article ids, in a stable order (first_seen, id)."""
    with db.connect() as conn:
        rows = conn.execution_options(yield_per=batch).execute(
            select(s.stories).order_by(s.stories.c.first_seen.nulls_last(), s.stories.c.id)
        )
        for chunk in rows.partitions():
            stories = [_story_json(r) for r in chunk]
            ids = _article_ids(db, [x["id"] for x in stories])
            for story in stories:
                story["article_ids"] = ids.get(story["id"], [])
                yield story


def _article_ids(db: Database, story_ids: Sequence[str]) -> dict[str, list[str]]:
    art = s.articles
    out: dict[str, list[str]] = defaultdict(list)
    with db.connect() as conn:
        rows = conn.execute(
            select(art.c.story_id, art.c.id).where(art.c.story_id.in_(list(story_ids)))
            .order_by(art.c.story_id, art.c.published.nulls_last(), art.c.id)
        ).all()
    for story_id, aid in rows:
        out[story_id].append(aid)
    return out


def story_row(db: Database, story_id: str) -> dict[str, Any] | None:
    """One story row with its article ids, or None."""
    with db.connect() as conn:
        row = conn.execute(select(s.stories).where(s.stories.c.id == story_id)).first()
    if row is None:
        return None
    story = _story_json(row)
    story["article_ids"] = _article_ids(db, [story_id]).get(story_id, [])
    return story


def article_evidence(db: Database, article_ids: Sequence[str]) -> dict[str, dict[str, list]]:
    """Per article: mentions, terms, citations and events (rows as dicts), for framing views."""
    tables = {"mentions": (s.mentions, s.mentions.c.start), "terms": (s.terms, s.terms.c.start),
              "citations": (s.citations, s.citations.c.id),
              "events": (s.events, s.events.c.sentence)}  # fmt: skip
    out: dict[str, dict[str, list]] = {a: {k: [] for k in tables} for a in article_ids}
    with db.connect() as conn:
        for chunk in _chunks(list(article_ids)):
            for key, (table, order) in tables.items():
                rows = conn.execute(
                    select(table).where(table.c.article_id.in_(chunk))
                    .order_by(table.c.article_id, order)
                ).all()
                for row in rows:
                    out[row.article_id][key].append(dict(row._mapping))
    return out


def outlet_term_rows(db: Database, *, outlet: str | None = None) -> list[dict[str, Any]]:
    """Every stored term hit with its article's outlet and story (optionally one outlet)."""
    t, art = s.terms, s.articles
    q = select(t, art.c.outlet, art.c.story_id).join(art, art.c.id == t.c.article_id)
    if outlet is not None:
        q = q.where(art.c.outlet == outlet)
    with db.connect() as conn:
        rows = conn.execute(q.order_by(art.c.outlet, t.c.article_id, t.c.start)).all()
    return [dict(r._mapping) for r in rows]


def sentence_texts(db: Database, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The text of each (article id, sentence index)."""
    out: dict[tuple[str, int], str] = {}
    by_article: dict[str, set[int]] = defaultdict(set)
    for aid, idx in keys:
        by_article[aid].add(idx)
    with db.connect() as conn:
        for aid, idxs in by_article.items():
            rows = conn.execute(
                select(s.sentences.c.idx, s.sentences.c.text)
                .where(s.sentences.c.article_id == aid, s.sentences.c.idx.in_(sorted(idxs)))
            ).all()
            out.update({(aid, i): text for i, text in rows})
    return out
