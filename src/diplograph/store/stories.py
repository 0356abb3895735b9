"""SQL for stories: clustering inputs, signatures, story rows, and the reads behind story views.

Story clustering (``stories/cluster.py``) and the story queries
(``stories/query.py``, ``framing/compare.py``) call these; nothing else in the
stories or framing packages touches SQL.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, or_, select, update

from diplograph.store import schema as s
from diplograph.store.articles import now
from diplograph.store.database import Database

_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def publication_dates(db: Database, article_ids: Sequence[str]) -> dict[str, str | None]:
    """The ``published`` value of each article id."""
    out: dict[str, str | None] = {}
    with db.connect() as conn:
        for chunk in _chunks(list(article_ids)):
            rows = conn.execute(
                select(s.articles.c.id, s.articles.c.published).where(s.articles.c.id.in_(chunk))
            ).all()
            out.update({aid: published for aid, published in rows})
    return out


def unclustered_articles(db: Database) -> list[str]:
    """Stored articles that were never placed in a story (an ingest stopped before clustering)."""
    with db.connect() as conn:
        query = select(s.articles.c.id).where(s.articles.c.story_id.is_(None))
        return list(conn.execute(query.order_by(s.articles.c.id)).scalars())


def cluster_inputs(db: Database, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """What clustering reads per article: metadata, text, mention codes by sentence, citations."""
    names = ("id", "title", "text", "outlet", "published", "published_precision",
             "ingested_at", "story_id")  # fmt: skip
    cols = [s.articles.c[n] for n in names]
    out: list[dict[str, Any]] = []
    with db.connect() as conn:
        for chunk in _chunks(list(article_ids)):
            rows = conn.execute(select(*cols).where(s.articles.c.id.in_(chunk))).all()
            mentions = _mention_codes(conn, chunk)
            cites = _citations(conn, chunk)
            for row in rows:
                item = dict(row._mapping)
                item["mentions"] = mentions.get(item["id"], [])
                item["citations"] = cites.get(item["id"], [])
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


def _citations(conn: Connection, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    rows = conn.execute(
        select(s.citations).where(s.citations.c.article_id.in_(ids)).order_by(s.citations.c.id)
    ).all()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row.article_id].append(dict(row._mapping))
    return out


def candidate_signatures(
    db: Database, *, date_from: str | None, date_to: str | None, undated_limit: int,
    exclude: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Stored signatures of clustered articles dated in [date_from, date_to] (as text), plus
    the ``undated_limit`` most recently ingested ones of any date (undated articles, and the
    candidates of undated new articles)."""
    sig, art = s.article_signatures, s.articles
    cols = [sig.c.article_id, sig.c.minhash, sig.c.vector, sig.c.codes, sig.c.date,
            sig.c.duplicate_of, art.c.story_id, art.c.published_precision]  # fmt: skip
    base = select(*cols).join(art, art.c.id == sig.c.article_id).where(art.c.story_id.is_not(None))
    if exclude:
        base = base.where(sig.c.article_id.not_in(list(exclude)))
    with db.connect() as conn:
        rows: list[Any] = []
        if date_from and date_to:
            rows += conn.execute(
                base.where(and_(sig.c.date >= date_from, sig.c.date <= date_to + "~"))
                .order_by(sig.c.article_id)
            ).all()
        rows += conn.execute(
            base.order_by(art.c.ingested_at.desc(), art.c.id.desc()).limit(undated_limit)
        ).all()
    unique = {r.article_id: r for r in rows}
    return [dict(unique[k]._mapping) for k in sorted(unique)]


def save_signature(conn: Connection, row: dict[str, Any]) -> None:
    """Insert or replace one article's clustering signature."""
    conn.execute(delete(s.article_signatures).where(
        s.article_signatures.c.article_id == row["article_id"]))  # fmt: skip
    conn.execute(insert(s.article_signatures).values(**row))


def set_story(conn: Connection, article_id: str, story_id: str) -> None:
    """Put one article into a story (keeps ``articles.story_id`` the single source of truth)."""
    conn.execute(update(s.articles).where(s.articles.c.id == article_id).values(story_id=story_id))


def move_story(conn: Connection, old: str, new: str) -> None:
    """Move every article of story ``old`` into story ``new`` (two stories found to be one)."""
    conn.execute(update(s.articles).where(s.articles.c.story_id == old).values(story_id=new))


def story_members(db: Database, story_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Per story, its articles (id, title, outlet, published, duplicate_of) and their citations."""
    art, sig = s.articles, s.article_signatures
    cols = [art.c.id, art.c.story_id, art.c.title, art.c.outlet, art.c.url, art.c.published,
            art.c.published_precision, art.c.ingested_at, art.c.text, sig.c.duplicate_of,
            sig.c.codes]  # fmt: skip
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with db.connect() as conn:
        for chunk in _chunks(list(story_ids)):
            rows = conn.execute(
                select(*cols).outerjoin(sig, sig.c.article_id == art.c.id)
                .where(art.c.story_id.in_(chunk)).order_by(art.c.id)
            ).all()
            members = [dict(r._mapping) for r in rows]
            cites = _citations(conn, [m["id"] for m in members])
            for m in members:
                m["citations"] = cites.get(m["id"], [])
                m["codes"] = json.loads(m["codes"] or "[]")
                out[m["story_id"]].append(m)
    return out


def write_stories(db: Database, summaries: Sequence[dict[str, Any]]) -> None:
    """Insert or update story rows (``id``, ``title``, dates, codes, outlets, sources, count)."""
    with db.begin() as conn:
        for row in summaries:
            values = {**row, "updated_at": now()}
            for key in ("codes", "outlets", "independent_sources"):
                values[key] = json.dumps(values[key], ensure_ascii=False)
            exists = conn.execute(select(s.stories.c.id).where(s.stories.c.id == row["id"])).first()
            if exists:
                conn.execute(update(s.stories).where(s.stories.c.id == row["id"]).values(**values))
            else:
                conn.execute(insert(s.stories).values(**values))
        used = select(s.articles.c.story_id).where(s.articles.c.story_id.is_not(None))
        conn.execute(delete(s.stories).where(s.stories.c.id.not_in(used)))


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
