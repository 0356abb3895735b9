"""Writing processed articles (one transaction each, or one per chunk) and reading them back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from diplograph import PIPELINE_VERSION
from diplograph.model import Article, Event
from diplograph.store import schema as s
from diplograph.store.database import Database
from diplograph.store.term_df import count_terms, stored_vectors


def now() -> str:
    """The current UTC time as ISO 8601 text, to the microsecond.

    Story clustering orders articles by it, so articles stored within one
    second keep the order they were stored in (stable story ids).
    """
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What became of an article handed to :func:`save_article`."""

    article_id: str
    stored: bool  # False: an article with the same URL or content was already stored
    duplicate_of: str | None = None


def find_duplicate(conn: Connection, article: Article) -> str | None:
    """Id of a stored article with the same URL, or the same normalised content."""
    clauses = [s.articles.c.content_key == article.content_key]
    if article.url:
        clauses.append(s.articles.c.url == article.url)
    row = conn.execute(select(s.articles.c.id).where(or_(*clauses)).limit(1)).first()
    return row[0] if row else None


def save_article(db: Database, article: Article) -> SaveResult:
    """Store ``article`` and everything found in it, in one transaction.

    Re-ingesting an article already stored (same URL, or same normalised
    content whatever its URL) changes nothing and returns ``stored=False``.
    """
    try:
        with db.begin() as conn:
            return _save_in(conn, article)
    except IntegrityError:
        # Another writer stored the same article between our check and our insert.
        with db.connect() as conn:
            existing = find_duplicate(conn, article)
        if existing is None:
            raise
        return SaveResult(existing, stored=False, duplicate_of=existing)


def save_articles(db: Database, articles: list[Article]) -> list[SaveResult]:
    """:func:`save_article` on each of ``articles``, all in one transaction.

    One commit for a chunk of articles instead of one each. It is all or
    nothing: if any article cannot be written (another writer's duplicate
    included), the whole chunk is rolled back and the error raised, so the
    caller can store its articles one by one (each still in its own
    transaction) and report only the one that failed.
    """
    out = []
    with db.begin() as conn:
        for article in articles:
            out.append(_save_in(conn, article))
    return out


def _save_in(conn: Connection, article: Article) -> SaveResult:
    existing = find_duplicate(conn, article)
    if existing is not None:
        return SaveResult(existing, stored=False, duplicate_of=existing)
    _insert_raw(conn, article)
    _insert_article_rows(conn, article)
    return SaveResult(article.id, stored=True)


def replace_article(db: Database, article: Article) -> None:
    """Re-write the derived rows of an already stored article (re-processing).

    The article stays in its story until clustering places it again, so that the
    story can keep its id (stable ``/stories/{id}`` links).
    """
    with db.begin() as conn:
        story = conn.execute(select(s.articles.c.story_id)
                             .where(s.articles.c.id == article.id)).scalar()  # fmt: skip
        if story is not None and article.story_id is None:
            article.story_id = story
        _delete_derived(conn, article.id)
        conn.execute(delete(s.articles).where(s.articles.c.id == article.id))
        _insert_raw(conn, article)
        _insert_article_rows(conn, article)


def _insert_raw(conn: Connection, article: Article) -> None:
    raw = article.raw
    if conn.execute(select(s.raw_inputs.c.id).where(s.raw_inputs.c.id == raw.raw_id)).first():
        return
    # Parameters, not .values(): one cached compiled statement for every article.
    conn.execute(insert(s.raw_inputs), [dict(
        id=raw.raw_id, source=raw.source, path=raw.path, media_type=raw.media_type,
        url=raw.url, hints=json.dumps(raw.hints, sort_keys=True), content=raw.content,
        received_at=now(),
    )])  # fmt: skip


def _insert_article_rows(conn: Connection, article: Article) -> None:
    conn.execute(insert(s.articles), [dict(
        id=article.id, raw_id=article.raw.raw_id, source=article.source, url=article.url,
        content_key=article.content_key, outlet=article.outlet, title=article.title,
        published=article.published, published_precision=article.published_precision,
        published_basis=article.published_basis, language=article.language,
        text=article.text, extractor=article.extractor,
        removed_lines=json.dumps(article.removed_lines), story_id=article.story_id,
        pipeline_version=PIPELINE_VERSION, ingested_at=now(),
    )])  # fmt: skip
    aid = article.id
    if article.sentences:
        conn.execute(insert(s.sentences), [
            {"article_id": aid, "idx": x.index, "start": x.start, "end": x.end, "text": x.text}
            for x in article.sentences
        ])  # fmt: skip
    if article.mentions:
        conn.execute(insert(s.mentions), [
            {"article_id": aid, "sentence": m.sentence, "start": m.start, "end": m.end,
             "text": m.text, "code": m.code, "sector": m.sector, "kind": m.kind, "actor": m.actor}
            for m in article.mentions
        ])  # fmt: skip
    if article.events:
        insert_events(conn, article.events, outlet=article.outlet)
    if article.citations:
        conn.execute(insert(s.citations), [
            {"article_id": aid, "name": c.name, "kind": c.kind, "sentence": c.sentence,
             "text": c.text}
            for c in article.citations
        ])  # fmt: skip
    if article.claims:
        conn.execute(insert(s.claims), [
            {"article_id": aid, "a": c.a, "b": c.b, "facet": c.facet, "value": c.value,
             "modality": c.modality, "valid_from": c.valid_from,
             "valid_from_precision": c.valid_from_precision, "asserted_on": c.asserted_on,
             "sentence": c.sentence, "text": c.text, "event_id": c.event_id,
             "kind": c.kind}
            for c in article.claims
        ])  # fmt: skip
    if article.terms:
        conn.execute(insert(s.terms), [
            {"article_id": aid, "term": t.term, "category": t.category, "sentence": t.sentence,
             "start": t.start, "end": t.end, "text": t.text, "target": t.target}
            for t in article.terms
        ])  # fmt: skip


def event_row(ev: Event, *, outlet: str | None) -> dict[str, Any]:
    """The ``events`` row for ``ev``."""
    return {
        "id": ev.id, "article_id": ev.article_id, "event": ev.event, "modality": ev.modality,
        "date": ev.date, "date_precision": ev.date_precision, "sentence": ev.sentence,
        "start": ev.start, "end": ev.end, "text": ev.text,
        "actor": json.dumps([a.to_json() for a in ev.actor]),
        "recipient": json.dumps([a.to_json() for a in ev.recipient]),
        "mediator": json.dumps([a.to_json() for a in ev.mediator]),
        "mode": json.dumps(ev.mode), "context": json.dumps(ev.context),
        "attribution": json.dumps(ev.attribution.to_json()), "outlet": outlet,
        "trigger": ev.trigger, "confidence": ev.confidence, "coder": ev.coder or PIPELINE_VERSION,
    }  # fmt: skip


def party_rows(ev: Event) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``event_parties`` and ``event_dyads`` rows for ``ev``."""
    parties = {
        (role, ref.code)
        for role, refs in (("actor", ev.actor), ("recipient", ev.recipient),
                           ("mediator", ev.mediator))  # fmt: skip
        for ref in refs
    }
    codes = sorted({r.code for r in ev.actor} | {r.code for r in ev.recipient})
    party = [{"event_id": ev.id, "role": r, "code": c, "date": ev.date} for r, c in sorted(parties)]
    dyads = [{"event_id": ev.id, "a": a, "b": b, "date": ev.date}
             for a, b in combinations(codes, 2)]  # fmt: skip
    return party, dyads


def insert_event(conn: Connection, ev: Event, *, outlet: str | None) -> None:
    """Insert one event with its party and dyad index rows."""
    insert_events(conn, [ev], outlet=outlet)


def insert_events(conn: Connection, events: list[Event], *, outlet: str | None) -> None:
    """Insert events with their party and dyad index rows: one statement per table.

    Rows go in as parameter lists (``executemany``), so SQLAlchemy compiles each
    statement once per process instead of once per event.
    """
    party: list[dict[str, Any]] = []
    dyads: list[dict[str, Any]] = []
    for ev in events:
        p, d = party_rows(ev)
        party.extend(p)
        dyads.extend(d)
    conn.execute(insert(s.events), [event_row(ev, outlet=outlet) for ev in events])
    if party:
        conn.execute(insert(s.event_parties), party)
    if dyads:
        conn.execute(insert(s.event_dyads), dyads)


def _delete_derived(conn: Connection, article_id: str) -> None:
    event_ids = select(s.events.c.id).where(s.events.c.article_id == article_id)
    conn.execute(delete(s.event_parties).where(s.event_parties.c.event_id.in_(event_ids)))
    conn.execute(delete(s.event_dyads).where(s.event_dyads.c.event_id.in_(event_ids)))
    count_terms(conn, removed=stored_vectors(conn, [article_id]))
    for table in (s.events, s.mentions, s.sentences, s.citations, s.claims, s.terms,
                  s.article_signatures, s.story_keys):  # fmt: skip
        conn.execute(delete(table).where(table.c.article_id == article_id))


ARTICLE_EXPORT_COLUMNS = (
    "id", "url", "source", "outlet", "title", "published", "published_precision",
    "published_basis", "language", "text", "story_id",
)  # fmt: skip


def iter_articles(
    db: Database, *, batch: int = 500, outlet: str | None = None, since: str | None = None,
    until: str | None = None, story_id: str | None = None, text: bool = True,
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:  # fmt: skip
    """Every stored article as a SPEC §5 export object, in a stable order.

    ``outlet``, ``since``/``until`` (publication date, ISO, a whole year or month
    included) and ``story_id`` keep only matching articles; ``text=False`` leaves
    the body out; ``limit`` stops after that many.
    """
    a = s.articles.c
    cols = [a[name] for name in ARTICLE_EXPORT_COLUMNS if text or name != "text"]
    conds = []
    if outlet:
        conds.append(a.outlet == outlet)
    if story_id:
        conds.append(a.story_id == story_id)
    if since:
        conds.append(a.published >= since)
    if until:
        conds.append(a.published <= until + "\uffff")  # the whole day, month or year given
    query = select(*cols).where(*conds).order_by(a.source, a.id).limit(limit)
    with db.connect() as conn:
        result = conn.execution_options(yield_per=batch).execute(query)
        for row in result:
            yield dict(row._mapping)


def get_article(db: Database, article_id: str) -> dict[str, Any] | None:
    """One stored article with its export fields plus ``extractor`` and ``raw_id``."""
    with db.connect() as conn:
        row = conn.execute(select(s.articles).where(s.articles.c.id == article_id)).first()
    return dict(row._mapping) if row else None


def count_rows(db: Database) -> dict[str, int]:
    """Row counts of the main tables, for ``diplograph stats``."""
    tables = {"raw inputs": s.raw_inputs, "articles": s.articles, "sentences": s.sentences,
              "mentions": s.mentions, "events": s.events, "citations": s.citations,
              "claims": s.claims, "terms": s.terms, "stories": s.stories}  # fmt: skip
    with db.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for name, t in tables.items()}  # fmt: skip


def article_stats(db: Database) -> dict[str, list[tuple[str, int]]]:
    """Articles per outlet, per language, per date basis and per extractor."""
    out: dict[str, list[tuple[str, int]]] = {}
    with db.connect() as conn:
        for label, col in (("outlet", s.articles.c.outlet), ("language", s.articles.c.language),
                           ("date basis", s.articles.c.published_basis),
                           ("extractor", s.articles.c.extractor)):  # fmt: skip
            rows = conn.execute(
                select(col, func.count()).group_by(col).order_by(func.count().desc(), col)
            ).all()
            out[label] = [(str(k) if k is not None else "(none)", n) for k, n in rows]
    return out


def find_article(db: Database, *, url: str | None, source: str | None) -> dict[str, Any] | None:
    """The stored article with ``url``, or else read from the input file ``source``."""
    clauses = []
    if url:
        clauses.append(s.articles.c.url == url)
    if source:
        clauses.append(s.articles.c.source == source)
    if not clauses:
        return None
    query = select(s.articles).where(or_(*clauses)).order_by(s.articles.c.id).limit(1)
    with db.connect() as conn:
        row = conn.execute(query).first()
    return dict(row._mapping) if row else None


def article_raw_ids(db: Database) -> list[tuple[str, str]]:
    """(article id, raw input id) of every stored article, in id order."""
    query = select(s.articles.c.id, s.articles.c.raw_id).order_by(s.articles.c.id)
    with db.connect() as conn:
        return [(row[0], row[1]) for row in conn.execute(query)]


def raw_input_row(db: Database, raw_id: str) -> dict[str, Any]:
    """One stored raw input (``content`` as bytes, ``hints`` still JSON text)."""
    query = select(s.raw_inputs).where(s.raw_inputs.c.id == raw_id)
    with db.connect() as conn:
        row = dict(conn.execute(query).one()._mapping)
    row["content"] = bytes(row["content"])
    return row
