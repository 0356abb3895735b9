"""Read queries behind the web UI and the REST API: articles, raw inputs, search, stories."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, or_, select, text

from diplograph.store import schema as s
from diplograph.store.database import Database
from diplograph.store.fts import FTS_TABLE, MARK_CLOSE, MARK_OPEN, match_expression, query_terms
from diplograph.store.web_queries import Page, event_json

ARTICLE_LIST_COLUMNS = ("id", "url", "source", "outlet", "title", "published",
                        "published_precision", "language", "story_id")  # fmt: skip


def list_articles(
    db: Database,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    story_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """A page of articles (newest first) without their text, and the total."""
    a = s.articles.c
    conds = []
    if outlet:
        conds.append(a.outlet == outlet)
    if since:
        conds.append(a.published >= since)
    if until:
        conds.append(a.published <= until + "\uffff")
    if story_id:
        conds.append(a.story_id == story_id)
    cols = [a[name] for name in ARTICLE_LIST_COLUMNS]
    q = select(*cols).where(*conds).order_by(a.published.desc().nulls_last(), a.id)
    with db.connect() as conn:
        total = conn.execute(
            select(func.count()).select_from(s.articles).where(*conds)
        ).scalar_one()
        rows = conn.execute(q.limit(limit).offset(offset)).all()
    return Page(total, [dict(r._mapping) for r in rows])


def article_detail(db: Database, article_id: str) -> dict[str, Any] | None:
    """An article with its sentences, mentions, events, citations, terms and claims."""
    with db.connect() as conn:
        row = conn.execute(select(s.articles).where(s.articles.c.id == article_id)).first()
        if row is None:
            return None
        art = dict(row._mapping)
        art["removed_lines"] = json.loads(art.get("removed_lines") or "[]")
        for name, table, order in (
            ("sentences", s.sentences, s.sentences.c.idx),
            ("mentions", s.mentions, s.mentions.c.start),
            ("citations", s.citations, s.citations.c.id),
            ("terms", s.terms, s.terms.c.start),
            ("claims", s.claims, s.claims.c.id),
        ):
            rows = conn.execute(
                select(table).where(table.c.article_id == article_id).order_by(order)
            )
            art[name] = [_without(dict(r._mapping), "article_id") for r in rows]
        events = conn.execute(
            select(s.events).where(s.events.c.article_id == article_id)
            .order_by(s.events.c.sentence, s.events.c.id)
        )  # fmt: skip
        art["events"] = [event_json(r) for r in events]
    return art


def _without(row: dict[str, Any], key: str) -> dict[str, Any]:
    row.pop(key, None)
    return row


def raw_input(db: Database, article_id: str) -> tuple[str, bytes] | None:
    """The media type and exact bytes an article was read from, or None."""
    q = (
        select(s.raw_inputs.c.media_type, s.raw_inputs.c.content)
        .join(s.articles, s.articles.c.raw_id == s.raw_inputs.c.id)
        .where(s.articles.c.id == article_id)
    )
    with db.connect() as conn:
        row = conn.execute(q).first()
    return (row[0], bytes(row[1])) if row else None


def search_articles(db: Database, query: str, *, limit: int = 20, offset: int = 0) -> Page:
    """Articles matching every word of ``query``, best first, with a marked snippet.

    Snippets carry ``fts.MARK_OPEN``/``MARK_CLOSE`` around matched words; the
    caller escapes the snippet and then turns the marks into highlight tags.
    """
    if db.is_sqlite and _has_fts(db):
        return _search_fts(db, query, limit=limit, offset=offset)
    return _search_like(db, query, limit=limit, offset=offset)


def _has_fts(db: Database) -> bool:
    with db.connect() as conn:
        q = text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name")
        return conn.execute(q, {"name": FTS_TABLE}).first() is not None


def _search_fts(db: Database, query: str, *, limit: int, offset: int) -> Page:
    expr = match_expression(query)
    if expr is None:
        return Page(0, [])
    count = text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q")
    hits = text(
        f"SELECT f.article_id AS id, snippet({FTS_TABLE}, 2, :o, :c, ' … ', 24) AS snippet, "
        f"a.title, a.outlet, a.published, a.url FROM {FTS_TABLE} AS f "
        f"JOIN articles AS a ON a.id = f.article_id "
        f"WHERE {FTS_TABLE} MATCH :q ORDER BY bm25({FTS_TABLE}, 0.0, 4.0, 1.0) "
        "LIMIT :limit OFFSET :offset"
    )
    params = {"q": expr, "o": MARK_OPEN, "c": MARK_CLOSE, "limit": limit, "offset": offset}
    with db.connect() as conn:
        total = conn.execute(count, {"q": expr}).scalar_one()
        rows = conn.execute(hits, params).all()
    return Page(total, [dict(r._mapping) for r in rows])


def _search_like(db: Database, query: str, *, limit: int, offset: int) -> Page:
    words = query_terms(query)
    if not words:
        return Page(0, [])
    a = s.articles.c
    conds = [or_(a.title.ilike(_like(w), escape="\\"), a.text.ilike(_like(w), escape="\\"))
             for w in words]  # fmt: skip
    q = select(a.id, a.title, a.outlet, a.published, a.url, a.text).where(*conds)
    with db.connect() as conn:
        total = conn.execute(
            select(func.count()).select_from(s.articles).where(*conds)
        ).scalar_one()
        rows = conn.execute(q.order_by(a.published.desc().nulls_last(), a.id)
                            .limit(limit).offset(offset)).all()  # fmt: skip
    items = []
    for r in rows:
        item = dict(r._mapping)
        item["snippet"] = like_snippet(item.pop("text"), words)
        items.append(item)
    return Page(total, items)


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def like_snippet(body: str, words: list[str], *, width: int = 160) -> str:
    """A piece of ``body`` around the first matched word, matches marked like FTS5 does."""
    low = body.lower()
    first = min((i for i in (low.find(w.lower()) for w in words) if i >= 0), default=0)
    start = max(0, first - width // 2)
    piece = body[start : start + width]
    for w in sorted(set(words), key=len, reverse=True):
        piece = _mark(piece, w)
    return ("… " if start else "") + piece + (" …" if start + width < len(body) else "")


def _mark(piece: str, word: str) -> str:
    out, low, lw, i = [], piece.lower(), word.lower(), 0
    while (j := low.find(lw, i)) >= 0:
        out += [piece[i:j], MARK_OPEN, piece[j : j + len(word)], MARK_CLOSE]
        i = j + len(word)
    return "".join(out) + piece[i:]


def stories_page(db: Database, *, actor: str | None = None, limit: int = 50,
                 offset: int = 0) -> Page:  # fmt: skip
    """Stories (newest first) with their article count, outlets and independent sources."""
    st = s.stories.c
    conds = [st.codes.like(f'%"{actor}"%')] if actor else []
    q = select(s.stories).where(*conds).order_by(st.last_seen.desc().nulls_last(), st.id)
    with db.connect() as conn:
        total = conn.execute(select(func.count()).select_from(s.stories).where(*conds)).scalar_one()
        rows = conn.execute(q.limit(limit).offset(offset)).all()
    items = []
    for r in rows:
        item = dict(r._mapping)
        for key in ("codes", "outlets", "independent_sources"):
            if isinstance(item.get(key), str):
                item[key] = json.loads(item[key] or "[]")
        items.append(item)
    return Page(total, items)


def story_articles(db: Database, story_id: str) -> dict[str, Any] | None:
    """A story row with its articles (text, terms and citations included)."""
    with db.connect() as conn:
        row = conn.execute(select(s.stories).where(s.stories.c.id == story_id)).first()
        if row is None:
            return None
        story = dict(row._mapping)
        for key in ("codes", "outlets", "independent_sources"):
            if isinstance(story.get(key), str):
                story[key] = json.loads(story[key] or "[]")
        a = s.articles.c
        arts = conn.execute(
            select(a.id, a.url, a.outlet, a.title, a.published, a.text)
            .where(a.story_id == story_id).order_by(a.published.nulls_last(), a.outlet, a.id)
        ).all()  # fmt: skip
        story["articles"] = [_with_evidence(conn, dict(r._mapping)) for r in arts]
    return story


def _with_evidence(conn: Connection, art: dict[str, Any]) -> dict[str, Any]:
    for name, table in (("terms", s.terms), ("citations", s.citations)):
        rows = conn.execute(select(table).where(table.c.article_id == art["id"])
                            .order_by(table.c.id))  # fmt: skip
        art[name] = [_without(dict(r._mapping), "article_id") for r in rows]
    return art
